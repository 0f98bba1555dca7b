import Type from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { capabilityProvider } from '../../platform/auth/capabilities.ts';
import type { Role } from '../../platform/auth/roles.ts';

/** The roles of the case routes' HANDLERS: the agency's own staff. */
export const CASE_HANDLER_ROLES: readonly Role[] = [
  'officer',
  'auxiliary',
  'legal_reviewer',
  'agency_head',
  'agency_admin',
];

// policy.ts mayHandle: only staff of the case's own agency work on it, so an account without one
// handles nothing; auxiliaries assist but never register a lead or open a case on their own.
function handles(actor: Actor): boolean {
  return CASE_HANDLER_ROLES.includes(actor.role) && actor.agencyId !== null;
}

/** What the caller may do with cases in general; each step is then decided by the rules. */
export const casesCapabilities = capabilityProvider(
  Type.Object({
    handleCases: Type.Boolean({ description: '办理本机关案件' }),
    openCases: Type.Boolean({ description: '登记案源、立案' }),
  }),
  (actor) => ({
    handleCases: handles(actor),
    openCases: handles(actor) && actor.role !== 'auxiliary',
  }),
);
