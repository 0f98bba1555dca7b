import { randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isWithinRegion, validateRegionCode } from '../../platform/identifiers/region-code.ts';
import { validateResidentId } from '../../platform/identifiers/resident-id.ts';
import { normalizeUscc, validateUscc } from '../../platform/identifiers/uscc.ts';
import type { RuleViolation } from '../../platform/identifiers/violation.ts';
import { appendEntries, type LedgerEntryInput } from '../../platform/ledger/index.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import { takeCaseNumber } from './case-numbers.ts';
import { transitionContext } from './context.ts';
import { approverOf, caseFacts } from './document-drafts.ts';
import { type DocumentsDeps, issueDocumentTx } from './document-issuing.ts';
import { isDocumentKind } from './documents/index.ts';
import type { DocumentData } from './documents/types.ts';
import { mayHandle } from './policy.ts';
import { flowchart } from './rules/machine.ts';
import { applyTransition, openCase, type TransitionResult } from './rules/transition.ts';
import {
  PARTY_TYPES,
  type PartyType,
  type Payload,
  PROCEDURE_LABELS,
  type Procedure,
} from './rules/types.ts';
import { DOCUMENT_LABELS, type DocumentRef } from './rules/vocabulary.ts';
import {
  documentLedgerEntry,
  documentRequired,
  eventLedgerEntry,
  ISSUES,
  writableCase,
} from './service-shared.ts';
import * as store from './store.ts';

// The case service's public surface: opening and moving records here; reads (reads.ts), documents
// issued on their own (standalone-documents.ts), reading issued documents (document-reads.ts) and the
// agencies' document settings (document-settings.ts) beside it, re-exported so callers use one service.
export { documentDraft, documentPreview } from './document-drafts.ts';
export { documentPdf, publicDocumentCheck, publicDocumentPdfHash } from './document-reads.ts';
export { getDocumentSettings, setDocumentSettings } from './document-settings.ts';
export { myDay } from './my-day.ts';
export { clockWarnings, getCase, listCases } from './reads.ts';
export { reviewChecklist, reviewTrail } from './review-insight.ts';
export { legalReviewQueue, legalReviewStatistics } from './review-reads.ts';
export { issueDocument } from './standalone-documents.ts';

/**
 * Archiving (R7) assembles and locks the case file inside the archiving transaction. The records module
 * owns case files; the composition root (src/composition.ts) hands it in, so that cases does not import
 * records' writes. It throws to refuse (an incomplete file) and returns the ledger entry of the locked file.
 */
export type ArchiveCaseFile = (tx: Db, ctx: Ctx, caseId: string, now: Date) => Promise<LedgerEntryInput>;

export type CasesDeps = DocumentsDeps & { archiveCaseFile: ArchiveCaseFile };

/** Status of each kind of refusal from the rules: who is wrong, what is wrong, or when it is wrong. */
function refusal(violations: RuleViolation[]): AppError {
  const first = violations[0] ?? { code: 'ILLEGAL_TRANSITION', message: '操作被拒绝' };
  const e = new AppError(first.code, first.message, first.field, undefined, violations);
  return e;
}

export interface PartyInput {
  type: PartyType;
  name: string;
  idNumber?: string | null;
  representative?: string | null;
  address?: string | null;
  phone?: string | null;
}

function checkParty(p: PartyInput): PartyInput {
  if (!(PARTY_TYPES as readonly string[]).includes(p.type))
    throw new AppError('VALIDATION_FAILED', '当事人类型不正确', 'party.type');
  if (!p.name?.trim()) throw new AppError('FIELD_REQUIRED', '当事人名称不能为空', 'party.name');
  const id = p.idNumber?.trim() || null;
  if (id) {
    // A natural person is identified by resident ID (GB 11643); organisations by USCC (GB 32100).
    const v =
      p.type === 'natural_person'
        ? validateResidentId(id.toUpperCase(), 'party.idNumber')
        : validateUscc(normalizeUscc(id), 'party.idNumber');
    if (v) throw new AppError(v.code, v.message, v.field);
  }
  return {
    ...p,
    name: p.name.trim(),
    idNumber: id ? (p.type === 'natural_person' ? id.toUpperCase() : normalizeUscc(id)) : null,
  };
}

async function persist(
  tx: Db,
  ctx: Ctx,
  caseId: string,
  result: Extract<TransitionResult, { ok: true }>,
  expectedVersion: number | null,
) {
  if (expectedVersion !== null) {
    const ok = await store.updateCaseIfVersion(tx, caseId, expectedVersion, result.next);
    if (!ok) throw new AppError('CASE_CHANGED', '案件刚被其他人办理，请刷新后重试');
  }
  await store.insertEvent(tx, result.event, ctx.actor.userId);
  await store.replaceClocks(tx, caseId, result.clocks);
  return eventLedgerEntry(result.event);
}

/** Every team member must be an officer of the case's own agency (their certificates count for art. 42). */
async function checkTeamAgency(db: Db, agencyId: string, ids: readonly string[]) {
  const found = await org.actingOfficers(db, ids);
  const outside = ids.filter((id) => !found.some((o) => o.id === id && o.agencyId === agencyId));
  if (outside.length > 0)
    throw new AppError('TEAM_OUTSIDE_AGENCY', '承办执法人员须为本机关登记的执法人员', 'teamOfficerIds');
}

/** Where the action takes place: a registered-format code inside the agency's own region. */
function checkCaseRegion(regionCode: string, agencyRegion: string): string {
  const v = validateRegionCode(regionCode, 'regionCode');
  if (v) throw new AppError(v.code, v.message, v.field);
  if (!isWithinRegion(regionCode, agencyRegion))
    throw new AppError('REGION_OUT_OF_SCOPE', '案件发生地须在本机关的管辖区域内', 'regionCode');
  return regionCode;
}

export interface OpenInput {
  procedure: Procedure;
  itemId: string;
  title: string;
  regionCode?: string | undefined;
  party?: PartyInput | undefined;
  teamOfficerIds?: string[] | undefined;
  payload?: Payload | undefined;
}

/** Registers a lead or opens a case, coercive measure or inspection (the opening transition of its machine). */
export async function openRecord(db: Db, ctx: Ctx, input: OpenInput, now = new Date()) {
  const item = await catalog.itemById(db, input.itemId);
  if (!item || item.agencyId !== ctx.actor.agencyId)
    throw new AppError('UNKNOWN_ITEM', '执法事项不存在或不属于本机关', 'itemId');
  if (!mayHandle(ctx.actor, item.agencyId)) throw new AppError('FORBIDDEN', '只有本机关的工作人员可以办理');
  const agency = (await org.agencyRef(db, item.agencyId))!;
  if (!input.title.trim()) throw new AppError('FIELD_REQUIRED', '案件名称不能为空', 'title');
  const party = input.party ? checkParty(input.party) : null;
  const partyId = party ? randomUUID() : null;
  const id = randomUUID();
  const regionCode = checkCaseRegion(input.regionCode || agency.regionCode, agency.regionCode);
  const team = input.teamOfficerIds ?? [];
  await checkTeamAgency(db, agency.id, team);
  const payload: Payload = {
    ...input.payload,
    ...(input.procedure === 'lead' ? {} : { teamOfficerIds: team }),
    ...(party ? { partyId, partyType: party.type } : {}),
  };
  const tctx = await transitionContext(
    db,
    ctx,
    { id: null, itemId: item.id, regionCode, snapshot: null },
    team,
    now,
  );
  const result = openCase({ id, procedure: input.procedure, regionCode }, payload, tctx);
  if (!result.ok) throw refusal(result.violations);
  await db.transaction(async (tx) => {
    if (party && partyId) await store.insertParty(tx, { id: partyId, agencyId: agency.id, ...party });
    // Opening the ordinary procedure is its filing (立案): the case takes its 案号 with it.
    const caseNumber = input.procedure === 'ordinary' ? await takeCaseNumber(tx, agency, now) : null;
    await store.insertCase(tx, {
      id,
      caseNumber,
      agencyId: agency.id,
      itemId: item.id,
      procedure: input.procedure,
      state: result.next.state,
      outcome: result.next.outcome,
      version: result.next.version,
      regionCode,
      partyId,
      title: input.title.trim(),
      leadId: typeof payload.leadId === 'string' && UUID_RE.test(payload.leadId) ? payload.leadId : null,
      teamOfficerIds: [...result.next.teamOfficerIds],
      snapshot: result.next,
    });
    const entry = await persist(tx, ctx, id, result, null);
    await audit(tx, ctx, {
      action: `case.open.${input.procedure}`,
      targetType: 'case',
      targetId: id,
      agencyId: agency.id,
      regionCode,
      details: { title: input.title },
    });
    await appendEntries(tx, [entry]);
  });
  return id;
}

/**
 * Moves a record one step: reads it, asks the rules, and writes the new state, its event, its clocks,
 * any document the step issues and the audit entry in one transaction. Filing a lead opens the case in
 * the same transaction.
 */
export async function transition(
  db: Db,
  ctx: Ctx,
  deps: CasesDeps,
  caseId: string,
  command: {
    action: string;
    payload?: Payload;
    document?: DocumentData;
    case?: Omit<OpenInput, 'procedure'>;
  },
  now = new Date(),
) {
  const row = await writableCase(db, ctx, caseId);
  const agency = (await org.agencyRef(db, row.agencyId))!;
  const payload: Record<string, unknown> = { ...command.payload };
  const extraIds = [
    ...(Array.isArray(payload.teamOfficerIds) ? (payload.teamOfficerIds as string[]) : []),
    ...(typeof payload.hostOfficerId === 'string' ? [payload.hostOfficerId] : []),
    ...(typeof payload.replacementOfficerId === 'string' ? [payload.replacementOfficerId] : []),
  ];
  if (Array.isArray(payload.teamOfficerIds))
    await checkTeamAgency(db, row.agencyId, payload.teamOfficerIds as string[]);
  // 行政处罚法 art. 43: an officer replacing a recused one comes from the case's own agency.
  if (typeof payload.replacementOfficerId === 'string' && payload.replacementOfficerId !== '')
    await checkTeamAgency(db, row.agencyId, [payload.replacementOfficerId]);
  const tctx = await transitionContext(
    db,
    ctx,
    {
      id: row.id,
      itemId: row.itemId,
      regionCode: row.regionCode,
      snapshot: row.snapshot,
      agencyId: row.agencyId,
    },
    extraIds,
    now,
    payload,
  );
  const issues = ISSUES[command.action];
  return db.transaction(async (tx) => {
    // Taken first: evidence recorded meanwhile waits, and lands before the file is assembled (R7).
    const locked = await store.lockCase(tx, row.id);
    if (locked?.version !== row.version)
      throw new AppError('CASE_CHANGED', '案件刚被其他人办理，请刷新后重试');
    const entries: LedgerEntryInput[] = [];
    let documentId: string | null = null;
    if (issues && !command.document && documentRequired(row.procedure, command.action)) {
      // The rules speak first (who, when); then the missing document.
      const probe = applyTransition(
        row.snapshot,
        { action: command.action, payload: { ...payload, documentNo: '（待编号）' } },
        tctx,
      );
      if (!probe.ok) throw refusal(probe.violations);
      throw new AppError(
        'DOCUMENT_REQUIRED',
        `本环节须同时制作并签发《${DOCUMENT_LABELS[issues as DocumentRef] ?? issues}》`,
        'document',
      );
    }
    if (issues && command.document) {
      // The rules are asked before a number is taken and the document signed: a refused step costs
      // neither. The document's number is not known yet; the rules only need that there will be one.
      const probe = applyTransition(
        row.snapshot,
        { action: command.action, payload: { ...payload, documentNo: '（待编号）' } },
        tctx,
      );
      if (!probe.ok) throw refusal(probe.violations);
      // The document is checked against the case as the step leaves it (its penalty, hearing right, dates).
      // An approval form issued with its step is signed by the head taking it (APPROVAL_FORMS).
      const approver = isDocumentKind(issues) ? approverOf(ctx, issues, command.action) : undefined;
      const facts = await caseFacts(tx, row, probe.next, now, approver);
      // The number is taken inside this transaction: if the step is then refused, the number is rolled
      // back with it, and the sequence keeps no gap (C8).
      const doc = await issueDocumentTx(tx, ctx, deps, {
        caseId: row.id,
        agencyId: row.agencyId,
        agencyName: agency.name,
        kind: issues,
        data: command.document,
        issuedAt: now,
        facts,
        payload,
      });
      documentId = doc.id;
      entries.push(documentLedgerEntry(doc));
      if (doc.number) payload.documentNo = doc.number;
    }
    const result = applyTransition(row.snapshot, { action: command.action, payload }, tctx);
    if (!result.ok) throw refusal(result.violations);
    // R7: the file is assembled from the records so far, checked and locked with the step, or the step fails.
    const caseFileEntry =
      result.event.to === 'archived' ? await deps.archiveCaseFile(tx, ctx, row.id, now) : null;
    entries.push(await persist(tx, ctx, row.id, result, row.version));
    if (caseFileEntry) entries.push(caseFileEntry);
    let filedCaseId: string | null = null;
    if (row.procedure === 'lead' && command.action === 'file') {
      if (!command.case)
        throw new AppError('FIELD_REQUIRED', '立案须填写案件信息（承办人员、当事人）', 'case');
      // 行政处罚法 art. 36: the case keeps what the filing step found (the violation's dates, the 5-year
      // matter) and its discovery: the lead's registration.
      const found = { ...result.event.payload, discoveredOn: row.snapshot.dates.openedOn };
      const filed = await openFiledCase(
        tx,
        ctx,
        row,
        { ...command.case, payload: { ...command.case.payload, ...found } },
        now,
      );
      filedCaseId = filed.id;
      entries.push(filed.entry);
    }
    await audit(tx, ctx, {
      action: `case.${command.action}`,
      targetType: 'case',
      targetId: row.id,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
      details: { from: result.event.from, to: result.event.to, documentId, filedCaseId },
    });
    // Last write of the transaction: the ledger row lock is then held for the shortest time.
    await appendEntries(tx, entries);
    return { caseId: row.id, state: result.next.state, documentId, filedCaseId };
  });
}

async function openFiledCase(
  tx: Db,
  ctx: Ctx,
  lead: store.CaseRow,
  input: Omit<OpenInput, 'procedure'>,
  now: Date,
): Promise<{ id: string; entry: LedgerEntryInput }> {
  const party = input.party ? checkParty(input.party) : null;
  const partyId = party ? randomUUID() : null;
  const id = randomUUID();
  const team = input.teamOfficerIds ?? [];
  await checkTeamAgency(tx, lead.agencyId, team);
  const payload: Payload = {
    ...input.payload,
    leadId: lead.id,
    teamOfficerIds: team,
    ...(party ? { partyId, partyType: party.type } : {}),
  };
  const itemId = input.itemId || lead.itemId;
  const item = await catalog.itemById(tx, itemId);
  if (!item || item.agencyId !== lead.agencyId)
    throw new AppError('UNKNOWN_ITEM', '执法事项不存在或不属于本机关', 'case.itemId');
  const tctx = await transitionContext(
    tx,
    ctx,
    { id: null, itemId, regionCode: lead.regionCode, snapshot: null },
    team,
    now,
  );
  const result = openCase({ id, procedure: 'ordinary', regionCode: lead.regionCode }, payload, tctx);
  if (!result.ok) throw refusal(result.violations);
  if (party && partyId) await store.insertParty(tx, { id: partyId, agencyId: lead.agencyId, ...party });
  // Taken in the filing transaction: a filing refused after this point rolls the number back (no gap).
  const agency = (await org.agencyRef(tx, lead.agencyId))!;
  await store.insertCase(tx, {
    id,
    caseNumber: await takeCaseNumber(tx, agency, now),
    agencyId: lead.agencyId,
    itemId,
    procedure: 'ordinary',
    state: result.next.state,
    outcome: null,
    version: result.next.version,
    regionCode: lead.regionCode,
    partyId,
    title: input.title?.trim() || lead.title,
    leadId: lead.id,
    teamOfficerIds: [...result.next.teamOfficerIds],
    snapshot: result.next,
  });
  return { id, entry: await persist(tx, ctx, id, result, null) };
}

export {
  caseHeadings,
  type DecisionCategory,
  type DecisionRecord,
  decisionForPublication,
  publicationDuties,
  recordPublication,
} from './publication-links.ts';

/**
 * The published flowcharts (执法流程图, P4) of the procedures an item of this type runs: the lifecycle
 * table itself, labelled in Chinese (rules/machine.ts), so the chart never drifts from the code.
 */
export function flowchartsForItemType(itemType: string) {
  const procedures: Procedure[] =
    itemType === 'penalty'
      ? ['ordinary', 'summary']
      : itemType === 'coercive'
        ? ['coercive']
        : itemType === 'inspection'
          ? ['inspection']
          : [];
  return procedures.map((p) => ({ procedure: p, label: PROCEDURE_LABELS[p], chart: flowchart(p) }));
}
