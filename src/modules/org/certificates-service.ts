import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { getOfficerUnaudited, loadOfficerInScope } from './officers-service.ts';
import { mayManageOfficers } from './policy.ts';
import {
  type ActDecision,
  applyCertificateAction,
  type CertificateAction,
  type CertificateStatus,
  canAct,
  type RevocationCause,
} from './rules/index.ts';
import * as store from './store.ts';

// Certificates (执法证件): their lifecycle, and "may this officer act?" (O3) for every workflow step.

export async function changeCertificateStatus(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { action: CertificateAction; reason: string; revocationCause?: RevocationCause | undefined },
) {
  const current = await loadOfficerInScope(db, ctx, id);
  const agency = (await store.findAgency(db, current.officer.agencyId))!;
  if (!mayManageOfficers(ctx.actor, agency)) throw new AppError('FORBIDDEN', '无权变更该执法人员的证件状态');
  if (current.officer.isAuxiliary)
    throw new AppError('AUXILIARY_NO_CERTIFICATE', '执法辅助人员没有执法证件', 'action');
  await db.transaction(async (tx) => {
    // Re-read inside the transaction and update conditionally: two admins acting at once cannot both
    // apply a transition from the same state.
    const fresh = (await store.findOfficer(tx, id, { kind: 'all' }))!.officer;
    const result = applyCertificateAction(fresh.status as CertificateStatus, input.action, input);
    if (!result.ok) throw fromViolation(result.violation);
    await store.updateOfficer(tx, id, {
      status: result.status,
      revocationCause: input.action === 'revoke' ? (input.revocationCause ?? null) : fresh.revocationCause,
    });
    await store.insertCertificateEvent(tx, {
      officerId: id,
      action: input.action,
      fromStatus: fresh.status,
      toStatus: result.status,
      reason: input.reason.trim(),
      revocationCause: input.revocationCause ?? null,
      actorUserId: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: `certificate.${input.action}`,
      targetType: 'officer',
      targetId: id,
      agencyId: fresh.agencyId,
      regionCode: agency.regionCode,
      details: {
        from: fresh.status,
        to: result.status,
        reason: input.reason,
        revocationCause: input.revocationCause ?? null,
      },
    });
  });
  return getOfficerUnaudited(db, id);
}

/** O3 as an API answer for one officer in the caller's scope. */
export async function checkCanAct(
  db: Db,
  ctx: Ctx,
  id: string,
  q: { category: string; regionCode: string; date?: string | undefined },
) {
  const o = await loadOfficerInScope(db, ctx, id);
  return mayAct(db, o.officer.id, {
    categoryCode: q.category,
    regionCode: q.regionCode,
    date: q.date ?? todayInShanghai(),
  });
}

/**
 * "May this person act here, on this day, on this category?" — the check every later workflow step
 * calls (O3). Other modules use this, never the officers table.
 */
export async function mayAct(
  db: Db,
  officerId: string,
  ctx: { categoryCode: string; regionCode: string; date: string },
): Promise<ActDecision> {
  const o = UUID_RE.test(officerId) ? await store.findOfficer(db, officerId, { kind: 'all' }) : undefined;
  if (!o)
    return {
      allowed: false,
      reasons: [{ code: 'OFFICER_NOT_FOUND', message: '执法人员不存在', field: 'officerId' }],
    };
  const row = o.officer;
  return canAct({ ...row, status: row.status as CertificateStatus }, ctx);
}
