import Type from 'typebox';
import { capabilityProvider } from '../auth/capabilities.ts';
import type { Role } from '../auth/roles.ts';

/** Who reads the audit log: system admins all of it, supervisors their region (routes.ts). */
export const AUDIT_READERS: readonly Role[] = ['system_admin', 'supervisor'];

export const auditCapabilities = capabilityProvider(
  Type.Object({ seeAudit: Type.Boolean({ description: '查看审计日志' }) }),
  // A supervisor without a region is refused by the route: it has no part of the log to read.
  (actor) => ({
    seeAudit: AUDIT_READERS.includes(actor.role) && (actor.role !== 'supervisor' || !!actor.regionCode),
  }),
);
