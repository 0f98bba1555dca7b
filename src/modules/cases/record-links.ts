import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import type { CaseFileDocument, CaseLinks, CaseRef } from '../records/case-links.ts';
import { mayHandle } from './policy.ts';
import { type RequiredRecords, requiredRecords } from './rules/case-file.ts';
import { stateSpec } from './rules/states.ts';
import type { Procedure } from './rules/types.ts';
import { AV_STEP_LABELS, DOCUMENT_LABELS, type DocumentRef } from './rules/vocabulary.ts';
import * as store from './store.ts';

/*
 * What the records module may know of a case, through these functions and never through the cases tables:
 * scope, team, party, stage, and the sources of its case file. Records states what it needs
 * (`records/case-links.ts`); the composition root hands it `caseLinks`.
 */

function refOf(row: store.CaseRow): CaseRef {
  const procedure = row.procedure as Procedure;
  return {
    id: row.id,
    agencyId: row.agencyId,
    regionCode: row.regionCode,
    procedure,
    state: row.state,
    title: row.title,
    stage: stateSpec(procedure, row.state)?.kind ?? 'active',
    archived: row.state === 'archived',
    teamOfficerIds: row.snapshot.teamOfficerIds,
    partyId: row.partyId,
    endedOn: row.snapshot.dates.endedOn ?? null,
  };
}

/**
 * The case if the caller's scope covers it (else CASE_NOT_FOUND, as for every record outside scope);
 * `handle` also demands that the caller works for the case's agency (else 403).
 */
export async function caseForRecords(
  db: Db,
  ctx: Ctx,
  id: string,
  mode: 'read' | 'handle',
): Promise<CaseRef> {
  const row = UUID_RE.test(id) ? await store.findCase(db, id) : undefined;
  const visible = row ? (await org.agenciesInScope(db, ctx)).some((a) => a.id === row.agencyId) : false;
  if (!row || !visible) throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
  if (mode === 'handle' && !mayHandle(ctx.actor, row.agencyId))
    throw new AppError('FORBIDDEN', '只有本机关的工作人员可以办理本案');
  return refOf(row);
}

/** For the archiving hook, inside the archiving transaction: no scope check (the transition did it). */
export async function caseRefById(db: Db, id: string): Promise<CaseRef | undefined> {
  const row = await store.findCase(db, id);
  return row ? refOf(row) : undefined;
}

/**
 * Inside the caller's transaction: the case as it now is, locked until the transaction ends (see
 * `store.lockCase`). The records module takes it before it records evidence.
 */
export async function lockCaseForRecords(tx: Db, id: string): Promise<CaseRef | undefined> {
  const row = await store.lockCase(tx, id);
  return row ? refOf(row) : undefined;
}

/** The case's documents and what its steps required of the file (R7 completeness). */
export async function caseFileSources(
  db: Db,
  caseId: string,
): Promise<{ documents: CaseFileDocument[]; required: RequiredRecords }> {
  const row = await store.findCase(db, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
  // Sequential: called inside the archiving transaction, one connection (pg 9 refuses queued queries).
  const docs = await store.documentsOf(db, caseId);
  const events = await store.eventsOf(db, caseId);
  const item = await catalog.itemById(db, row.itemId);
  return {
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: DOCUMENT_LABELS[d.kind as DocumentRef] ?? d.kind,
      number: d.number,
      contentHash: d.contentHash,
      at: d.issuedAt.toISOString(),
    })),
    required: requiredRecords(row.procedure as Procedure, events, Boolean(item?.requiresAv)),
  };
}

/** Titles of cases by id, for logs that name the case (the caller has already scoped the rows). */
export async function caseTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids)].filter((id) => UUID_RE.test(id));
  return new Map((await store.caseTitlesByIds(db, valid)).map((c) => [c.id, c.title]));
}

/** Document ids of a case (a correction after archiving may name one of them). */
export async function caseDocumentIds(db: Db, caseId: string): Promise<Set<string>> {
  return new Set((await store.documentsOf(db, caseId)).map((d) => d.id));
}

/** Everything above, as the records module asks for it. */
export const caseLinks: CaseLinks = {
  caseForRecords,
  caseRefById,
  lockCaseForRecords,
  caseFileSources,
  caseTitles,
  caseDocumentIds,
  // The case steps an AV record can record (R3), for validating and labelling evidence.
  avStepLabels: AV_STEP_LABELS,
};
