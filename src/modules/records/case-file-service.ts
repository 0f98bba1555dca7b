import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { dateInShanghai } from '../../platform/calendar/rules.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { canonicalJsonBytes, hashHex } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { LedgerEntryInput } from '../../platform/ledger/index.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import { logAccess } from './access-service.ts';
import type { CaseFile } from './contract.ts';
import type { RecordsDeps } from './deps.ts';
import { summaryOf } from './evidence-reads.ts';
import { assembleCaseFile, checkCompleteness, completenessViolations } from './rules/case-file.ts';
import * as store from './store.ts';

/**
 * Archiving (R7, seed 000 item 22): called by the cases module inside the `archive` step's transaction.
 * Assembles the case file from the records in order, checks it against what the steps taken required,
 * and locks it. An incomplete file refuses the step (and so rolls back the whole transaction). The
 * returned ledger entry logs the manifest's SM3, so the locked file can be checked against the log.
 */
export async function archiveCaseFile(
  deps: RecordsDeps,
  tx: Db,
  ctx: Ctx,
  caseId: string,
  now: Date,
): Promise<LedgerEntryInput> {
  const ref = await deps.cases.caseRefById(tx, caseId);
  if (!ref) throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
  if (await store.caseFileOf(tx, caseId)) throw new AppError('CASE_FILE_LOCKED', '案卷已归档锁定', 'caseId');
  // One after another: a transaction is one connection, which runs one query at a time (pg deprecates
  // queueing several on it, and pg 9 refuses it).
  const sources = await deps.cases.caseFileSources(tx, caseId);
  const evidence = await store.evidenceOfCase(tx, caseId);
  const rulebook = await rulebookFor(tx, ref.regionCode);
  const calendar = await loadCalendar(tx);
  const items = assembleCaseFile({
    documents: sources.documents,
    evidence: evidence.map((e) => ({
      id: e.id,
      stepKey: e.stepKey,
      title: e.title,
      fileName: e.fileName,
      contentHash: e.contentHash,
      at: e.capturedAt.toISOString(),
    })),
  });
  const avSteps = new Set(evidence.filter((e) => e.isAv).map((e) => e.stepKey));
  const completeness = checkCompleteness(sources.required, items, avSteps);
  if (!completeness.complete) {
    const v = completenessViolations(completeness);
    throw new AppError('CASE_FILE_INCOMPLETE', v[0]!.message, v[0]!.field, undefined, v);
  }
  const today = dateInShanghai(now);
  const endedOn = ref.endedOn ?? today;
  // seed 000 item 22: within 30 days of the end of the enforcement action (a region may set its own).
  const dueOn = calendar.addCalendarDays(endedOn, ruleValue(rulebook, 'archivingDays')).date;
  const lockedAt = now;
  const manifestHash = hashHex(
    'sm3',
    canonicalJsonBytes({ caseId, endedOn, dueOn, lockedAt: lockedAt.toISOString(), items, completeness }),
  );
  const file = await store.insertCaseFile(tx, {
    caseId,
    agencyId: ref.agencyId,
    regionCode: ref.regionCode,
    procedure: ref.procedure,
    endedOn,
    dueOn,
    lockedAt,
    lockedBy: ctx.actor.userId,
    late: today > dueOn,
    items,
    completeness,
    manifestHash,
  });
  await audit(tx, ctx, {
    action: 'case_file.lock',
    targetType: 'case',
    targetId: caseId,
    agencyId: ref.agencyId,
    regionCode: ref.regionCode,
    details: { caseFileId: file.id, items: items.length, late: file.late },
  });
  return {
    kind: 'case_file.lock',
    recordId: file.id,
    caseId,
    contentHash: manifestHash,
    at: lockedAt.toISOString(),
  };
}

/** Recomputes a locked file's manifest hash (the check `mingjing verify` and the case-file page make). */
export function manifestHashOf(f: store.CaseFileRow): string {
  return hashHex(
    'sm3',
    canonicalJsonBytes({
      caseId: f.caseId,
      endedOn: f.endedOn,
      dueOn: f.dueOn,
      lockedAt: f.lockedAt.toISOString(),
      items: f.items,
      completeness: f.completeness,
    }),
  );
}

/**
 * The case file as locked, and what was added after: corrections (new evidence naming what it corrects).
 * Opening it is a record access (R9), logged.
 */
export async function getCaseFile(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  caseId: string,
  reason: string | null,
): Promise<CaseFile> {
  const ref = await deps.cases.caseForRecords(db, ctx, caseId, 'read');
  const file = await store.caseFileOf(db, ref.id);
  if (!file) throw new AppError('CASE_FILE_NOT_FOUND', '本案尚未归档，没有锁定的案卷', 'caseId');
  await logAccess(db, ctx, {
    recordType: 'case_file',
    recordId: file.id,
    caseId: ref.id,
    agencyId: ref.agencyId,
    regionCode: ref.regionCode,
    confidentiality: 'none',
    purpose: 'open',
    reason,
  });
  const corrections = (await store.evidenceOfCase(db, ref.id))
    // Additions after locking are corrections; each names what it corrects (R7).
    .filter((e) => e.correctsId !== null && e.uploadedAt >= file.lockedAt)
    .map((e) => summaryOf(e, { actor: ctx.actor, teamOfficerIds: ref.teamOfficerIds }));
  return {
    id: file.id,
    caseId: ref.id,
    caseTitle: ref.title,
    procedure: file.procedure,
    endedOn: file.endedOn,
    dueOn: file.dueOn,
    lockedAt: file.lockedAt.toISOString(),
    late: file.late,
    items: file.items,
    completeness: file.completeness,
    manifestHash: file.manifestHash,
    intact: manifestHashOf(file) === file.manifestHash,
    corrections,
  };
}
