import type { Ctx, RequestOrigin } from '../auth/actor.ts';
import type { Db } from '../db/index.ts';
import { type AuditFilter, type AuditRow, insertAudit, listAudit } from './store.ts';

export interface AuditEvent {
  /** dotted verb, e.g. `officer.create`, `officer.read_personal`, `auth.login_failed` */
  action: string;
  targetType?: string;
  targetId?: string;
  agencyId?: string | null;
  regionCode?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Append one audit entry. Call it with the same transaction as the write it records, so the write and
 * its trace commit or roll back together.
 */
export async function audit(db: Db, ctx: Ctx | { actor: null; origin: RequestOrigin }, e: AuditEvent) {
  await insertAudit(db, {
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? null,
    actorRole: ctx.actor?.role ?? null,
    action: e.action,
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    agencyId: e.agencyId ?? null,
    regionCode: e.regionCode ?? null,
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent,
    details: e.details ?? null,
  });
}

export async function searchAudit(
  db: Db,
  filter: AuditFilter,
): Promise<{ items: AuditRow[]; total: number }> {
  return listAudit(db, filter);
}
