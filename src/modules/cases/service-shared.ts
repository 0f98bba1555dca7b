import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { LedgerEntryInput } from '../../platform/ledger/index.ts';
import * as org from '../org/service.ts';
import { mayHandle } from './policy.ts';
import { ISSUES } from './rules/machine.ts';
import type { CaseEvent } from './rules/types.ts';
import * as store from './store.ts';
import { eventContentHash } from './verify.ts';

// What the case service's use cases share: scope and write checks, the documents steps issue, ledger entries.

/** The case, if the caller's scope covers it (else 404) and the caller works for its agency (else 403). */
export async function writableCase(db: Db, ctx: Ctx, id: string) {
  const row = UUID_RE.test(id) ? await store.findCase(db, id) : undefined;
  const visible = row ? (await org.agenciesInScope(db, ctx)).some((a) => a.id === row.agencyId) : false;
  if (!row || !visible) throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'id');
  if (!mayHandle(ctx.actor, row.agencyId))
    throw new AppError('FORBIDDEN', '只有本机关的工作人员可以办理本案');
  return row;
}

/**
 * The ledger entry of a case event (R6): ids, the event's own hash and its time — no personal data.
 * Entries are appended at the end of the transaction that writes the records they log.
 */
export function eventLedgerEntry(e: CaseEvent): LedgerEntryInput {
  return {
    kind: 'case.event',
    recordId: e.caseId,
    caseId: e.caseId,
    // The same function `mingjing verify` re-hashes the stored event with.
    contentHash: eventContentHash(e),
    at: new Date(e.at).toISOString(),
    sequence: String(e.sequence),
    action: e.action.toLowerCase(),
  };
}

/** Which document a step issues in the same transaction, when the request carries its data. */
export { ISSUES } from './rules/machine.ts';

/**
 * Whether the step cannot be taken without issuing its document: the rights notice is the 告知书
 * (行政处罚法 art. 44), the decision the 决定书 (art. 59), the hearing's notice the 听证通知书 (art. 64),
 * a seizure its 查封（扣押）决定书 (行政强制法 art. 24), the summary procedure's decision its 当场行政处罚决定书
 * (art. 52) — a typed number with no document would leave a case that can never be archived.
 */
export function documentRequired(_procedure: string, action: string): boolean {
  const kind = ISSUES[action];
  return kind !== undefined && REQUIRED_WITH_STEP.has(kind);
}

/**
 * The documents a step is; the others a step offers (the 送达回证 at service, the 结案审批表 at closing)
 * may also be issued on their own, and archiving asks for them.
 */
const REQUIRED_WITH_STEP: ReadonlySet<string> = new Set([
  'penalty_rights_notice',
  'hearing_notice',
  'penalty_decision',
  'coercive_measure_decision',
  'on_spot_penalty_decision',
]);

/** The ledger entry of an issued document: ids, its content hash, its time — no personal data. */
export function documentLedgerEntry(d: store.DocumentRow): LedgerEntryInput {
  return {
    kind: 'document.version',
    recordId: d.id,
    caseId: d.caseId,
    contentHash: d.contentHash,
    at: d.issuedAt.toISOString(),
    documentKind: d.kind,
  };
}

/** The agencies whose cases the caller may read (org's scope). */
export async function visibleAgencyIds(db: Db, ctx: Ctx) {
  return (await org.agenciesInScope(db, ctx)).map((a) => a.id);
}
