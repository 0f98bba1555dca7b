import { randomUUID } from 'node:crypto';
import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isWithinRegion, validateRegionCode } from '../../platform/identifiers/region-code.ts';
import { validateResidentId } from '../../platform/identifiers/resident-id.ts';
import { normalizeUscc, validateUscc } from '../../platform/identifiers/uscc.ts';
import type { RuleViolation } from '../../platform/identifiers/violation.ts';
import { appendEntries, type LedgerEntryInput } from '../../platform/ledger/index.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import * as records from '../records/evidence-reads.ts';
import { transitionContext } from './context.ts';
import { getTemplate, isDocumentKind } from './documents/index.ts';
import type { DocumentData } from './documents/types.ts';
import {
  agencySealKeys,
  type DocumentsDeps,
  issueDocumentTx,
  renderStoredPdf,
  verifyStoredDocument,
} from './documents-service.ts';
import { mayHandle } from './policy.ts';
import { type Clock, clockStatus } from './rules/clocks.ts';
import { transitionsFrom } from './rules/machine.ts';
import { stateLabel } from './rules/states.ts';
import { applyTransition, openCase, type TransitionResult } from './rules/transition.ts';
import {
  type CaseEvent,
  PARTY_TYPES,
  type PartyType,
  type Payload,
  PROCEDURE_LABELS,
  type Procedure,
} from './rules/types.ts';
import { PERFORMER_LABELS } from './rules/vocabulary.ts';
import type { TemplateOverrides } from './schema.ts';
import * as store from './store.ts';
import { eventContentHash } from './verify.ts';

/**
 * Archiving (R7) assembles and locks the case file inside the archiving transaction. The records module
 * owns case files; it is handed in here (deps.ts wires it) so that cases does not import records' writes.
 * It throws to refuse (an incomplete file) and returns the ledger entry of the locked file.
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

async function writableCase(db: Db, ctx: Ctx, id: string) {
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
function eventLedgerEntry(e: CaseEvent): LedgerEntryInput {
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

function documentLedgerEntry(d: store.DocumentRow): LedgerEntryInput {
  return {
    kind: 'document.version',
    recordId: d.id,
    caseId: d.caseId,
    contentHash: d.contentHash,
    at: d.issuedAt.toISOString(),
    documentKind: d.kind,
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
    await store.insertCase(tx, {
      id,
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

/** Which document a step issues in the same transaction, when the request carries its data. */
const ISSUES: Record<string, string> = {
  decide: 'penalty_decision',
  decide_on_spot: 'penalty_decision',
  notify_rights: 'penalty_rights_notice',
  schedule_hearing: 'hearing_notice',
  apply: 'coercive_measure_decision',
};

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
  ];
  if (Array.isArray(payload.teamOfficerIds))
    await checkTeamAgency(db, row.agencyId, payload.teamOfficerIds as string[]);
  const tctx = await transitionContext(
    db,
    ctx,
    { id: row.id, itemId: row.itemId, regionCode: row.regionCode, snapshot: row.snapshot },
    extraIds,
    now,
  );
  const issues = ISSUES[command.action];
  return db.transaction(async (tx) => {
    const entries: LedgerEntryInput[] = [];
    let documentId: string | null = null;
    if (issues && command.document) {
      // The number is taken inside this transaction: if the step is then refused, the number is rolled
      // back with it, and the sequence keeps no gap (C8).
      const doc = await issueDocumentTx(tx, ctx, deps, {
        caseId: row.id,
        agencyId: row.agencyId,
        agencyName: agency.name,
        kind: issues,
        data: command.document,
        issuedAt: now,
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
      const filed = await openFiledCase(tx, ctx, row, command.case, now);
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
  await store.insertCase(tx, {
    id,
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

// ── reads ─────────────────────────────────────────────────────────────────────────────────────────
async function visibleAgencyIds(db: Db, ctx: Ctx) {
  return (await org.agenciesInScope(db, ctx)).map((a) => a.id);
}

function clockViews(clocks: Clock[], today: string, calendar: Awaited<ReturnType<typeof loadCalendar>>) {
  return clocks
    .map((c) => ({ ...c, status: clockStatus(c, today, calendar) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export async function listCases(
  db: Db,
  ctx: Ctx,
  q: {
    procedure?: string | undefined;
    state?: string | undefined;
    mine?: boolean | undefined;
    open?: boolean | undefined;
    page: number;
    pageSize: number;
  },
) {
  const agencyIds = await visibleAgencyIds(db, ctx);
  const r = await store.listCases(db, {
    agencyIds,
    procedure: q.procedure,
    state: q.state,
    officerId: q.mine ? (ctx.actor.officerId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    open: q.open,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const calendar = await loadCalendar(db);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const clocks = await store.clocksOf(
    db,
    r.items.map((c) => c.id),
  );
  return {
    total: r.total,
    items: r.items.map((c) => {
      const mine = clockViews(
        clocks.filter((k) => k.caseId === c.id).map((k) => k.clock),
        today,
        calendar,
      ).filter((k) => !k.completedOn);
      return {
        id: c.id,
        title: c.title,
        procedure: c.procedure,
        procedureLabel: PROCEDURE_LABELS[c.procedure as Procedure],
        state: c.state,
        stateLabel: stateLabel(c.procedure as Procedure, c.state),
        outcome: c.outcome,
        documentNo: c.snapshot.documentNo,
        updatedAt: c.updatedAt.toISOString(),
        nextClock: mine[0] ?? null,
      };
    }),
  };
}

export async function getCase(db: Db, ctx: Ctx, id: string) {
  const row = UUID_RE.test(id) ? await store.findCase(db, id) : undefined;
  if (!row || !(await visibleAgencyIds(db, ctx)).includes(row.agencyId))
    throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'id');
  const s = row.snapshot;
  const [events, clocks, docs, evidence, item, calendar] = await Promise.all([
    store.eventsOf(db, id),
    store.clocksOf(db, [id]),
    store.documentsOf(db, id),
    records.evidenceOfCase(db, id),
    catalog.itemById(db, row.itemId),
    loadCalendar(db),
  ]);
  const team = await org.actingOfficers(db, [
    ...s.teamOfficerIds,
    ...(s.hearingHostOfficerId ? [s.hearingHostOfficerId] : []),
  ]);
  const party = row.partyId ? await store.findParty(db, row.partyId) : undefined;
  if (party) {
    // The party's identifiers are personal data: reading them is audited.
    await audit(db, ctx, {
      action: 'party.read_personal',
      targetType: 'party',
      targetId: party.id,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
    });
  }
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const handler = mayHandle(ctx.actor, row.agencyId);
  return {
    id: row.id,
    title: row.title,
    agencyId: row.agencyId,
    procedure: row.procedure,
    procedureLabel: PROCEDURE_LABELS[row.procedure as Procedure],
    state: row.state,
    stateLabel: stateLabel(row.procedure as Procedure, row.state),
    outcome: row.outcome,
    version: row.version,
    regionCode: row.regionCode,
    leadId: row.leadId,
    filedCaseId: row.procedure === 'lead' ? await store.caseFiledFrom(db, row.id) : null,
    item: item
      ? {
          id: item.id,
          code: item.code,
          name: item.name,
          type: item.type,
          categoryCode: item.categoryCode,
          requiresAv: item.requiresAv,
        }
      : null,
    party: party
      ? {
          id: party.id,
          type: party.type,
          name: party.name,
          idNumber: party.idNumber,
          representative: party.representative,
          address: party.address,
          phone: party.phone,
        }
      : null,
    team: team.map((o) => ({
      id: o.id,
      name: o.name,
      certificateNo: o.certificateNo,
      isAuxiliary: o.isAuxiliary,
    })),
    snapshot: s,
    clocks: clockViews(
      clocks.map((k) => k.clock),
      today,
      calendar,
    ),
    events: events.map((e) => ({
      sequence: e.sequence,
      action: e.action,
      actionLabel: e.actionLabel,
      from: e.fromState,
      fromLabel: e.fromState ? stateLabel(row.procedure as Procedure, e.fromState) : null,
      to: e.toState,
      toLabel: stateLabel(row.procedure as Procedure, e.toState),
      actor: e.actor,
      at: e.at.toISOString(),
      payload: e.payload,
      calendarVersion: e.calendarVersion,
      rulebookVersion: e.rulebookVersion,
    })),
    documents: docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      issuedAt: d.issuedAt.toISOString(),
      contentHash: d.contentHash,
    })),
    evidence,
    actions: handler
      ? transitionsFrom(row.procedure as Procedure, row.state).map((t) => ({
          action: t.action,
          label: t.label,
          to: t.to,
          toLabel: stateLabel(row.procedure as Procedure, t.to),
          performers: t.who.map((p) => PERFORMER_LABELS[p]),
          performerKeys: t.who,
          // A hint for the console; the rules decide when the step is submitted.
          mine: t.who.some((p) =>
            p === 'assigned_officer'
              ? ctx.actor.role !== 'auxiliary' &&
                !!ctx.actor.officerId &&
                s.teamOfficerIds.includes(ctx.actor.officerId)
              : p === 'hearing_host'
                ? !!ctx.actor.officerId && ctx.actor.officerId === s.hearingHostOfficerId
                : p === ctx.actor.role,
          ),
          inputs: t.inputs,
          issuesDocument: ISSUES[t.action] ?? null,
          av: t.av ?? null,
        }))
      : [],
  };
}

/**
 * Documents issued on their own, and who may issue them. The numbered decisions and notices are not
 * here: they are issued only by the step they belong to (ISSUES), so none can skip the rights notice,
 * the legal-review lock or the number sequence.
 */
const STANDALONE: Record<string, 'team' | 'team_or_head'> = {
  inspection_record: 'team',
  inquiry_record: 'team',
  service_receipt: 'team',
  filing_approval: 'team_or_head',
  closing_approval: 'team_or_head',
};

/** Issues a stand-alone document of a case (笔录, 送达回证, 审批表): signed by an officer of the case team. */
export async function issueDocument(
  db: Db,
  ctx: Ctx,
  deps: CasesDeps,
  caseId: string,
  kind: string,
  data: DocumentData,
  now = new Date(),
) {
  const row = await writableCase(db, ctx, caseId);
  // R7: the locked case file is not added to behind its back; a later record is a correction (records).
  if (row.state === 'archived')
    throw new AppError(
      'CASE_FILE_LOCKED',
      '案卷已归档锁定，不能再签发文书；需要补正的，请上传更正记录并注明所更正的记录',
      'caseId',
    );
  const who = STANDALONE[kind];
  if (!who) {
    if (Object.values(ISSUES).includes(kind)) {
      throw new AppError(
        'DOCUMENT_ISSUED_BY_STEP',
        '该文书只能在办理相应环节时签发（如作出处罚决定时签发决定书）',
        'kind',
      );
    }
    throw new AppError('UNKNOWN_DOCUMENT_KIND', `未知的文书种类「${kind}」`, 'kind');
  }
  const a = ctx.actor;
  // 001 五(一): 执法辅助人员 never sign enforcement documents.
  if (a.role === 'auxiliary') throw new AppError('AUXILIARY_CANNOT_ACT', '执法辅助人员不得签署执法文书');
  const onTeam = a.officerId !== null && row.snapshot.teamOfficerIds.includes(a.officerId);
  // A lead has no team yet: the agency's officers verify it (初步核查) and record what they find.
  const leadOfficer = row.procedure === 'lead' && a.role === 'officer' && a.officerId !== null;
  if (!onTeam && !leadOfficer && !(who === 'team_or_head' && a.role === 'agency_head')) {
    throw new AppError('ACTOR_NOT_ON_TEAM', `${a.displayName}不是本案承办执法人员，不能制作此文书`);
  }
  const agency = (await org.agencyRef(db, row.agencyId))!;
  const doc = await db.transaction(async (tx) => {
    const d = await issueDocumentTx(tx, ctx, deps, {
      caseId,
      agencyId: row.agencyId,
      agencyName: agency.name,
      kind,
      data,
      issuedAt: now,
    });
    await appendEntries(tx, [documentLedgerEntry(d)]);
    return d;
  });
  return { id: doc.id, number: doc.number, contentHash: doc.contentHash };
}

// ── documents: staff PDF and public verification ─────────────────────────────────────────────────

export async function documentPdf(db: Db, ctx: Ctx, deps: CasesDeps, documentId: string) {
  const doc = UUID_RE.test(documentId) ? await store.findDocument(db, documentId) : undefined;
  if (!doc || !(await visibleAgencyIds(db, ctx)).includes(doc.agencyId))
    throw new AppError('DOCUMENT_NOT_FOUND', '文书不存在或无权查看', 'id');
  const agency = (await org.agencyRef(db, doc.agencyId))!;
  const rendered = await renderStoredPdf(
    deps,
    doc,
    agency.name,
    await agencySealKeys(db, deps, doc.agencyId),
  );
  await audit(db, ctx, {
    action: 'document.read',
    targetType: 'document',
    targetId: doc.id,
    agencyId: doc.agencyId,
  });
  return { pdf: rendered.pdf, filename: `${doc.number ?? doc.kind}.pdf` };
}

/** What the public verification page shows: no personal data, only what proves authenticity. */
export async function publicDocumentCheck(db: Db, documentId: string) {
  const doc = UUID_RE.test(documentId) ? await store.findDocument(db, documentId) : undefined;
  if (!doc) return null;
  const agency = await org.agencyRef(db, doc.agencyId);
  const v = verifyStoredDocument(doc);
  return {
    id: doc.id,
    title: v.title,
    number: doc.number,
    agency: agency?.name ?? '',
    issuedAt: doc.issuedAt.toISOString(),
    contentHash: doc.contentHash,
    signatureAlgorithm: 'SM2-SM3',
    publicKey: doc.publicKeyHex,
    unaltered: v.unaltered,
    signatureValid: v.signatureValid,
  };
}

/** An agency's document settings: the abbreviation in its numbers (e.g. 蚌市监) and its own wording. */
export async function getDocumentSettings(db: Db, ctx: Ctx, agencyId: string) {
  if (!(await visibleAgencyIds(db, ctx)).includes(agencyId))
    throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'agencyId');
  const s = await store.findDocumentSettings(db, agencyId);
  return { abbreviation: s?.abbreviation ?? null, templateOverrides: s?.templateOverrides ?? {} };
}

export async function setDocumentSettings(
  db: Db,
  ctx: Ctx,
  agencyId: string,
  input: { abbreviation: string; templateOverrides?: TemplateOverrides | undefined },
) {
  const agency = await org.agencyRef(db, agencyId);
  if (!agency || !(await visibleAgencyIds(db, ctx)).includes(agencyId)) {
    throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'agencyId');
  }
  if (!org.mayManageAgencyRecords(ctx.actor, agency))
    throw new AppError('FORBIDDEN', '无权设置该执法主体的文书');
  const abbr = input.abbreviation.trim();
  if (!/^[\u4e00-\u9fa5A-Za-z0-9]{1,10}$/.test(abbr))
    throw new AppError('VALIDATION_FAILED', '机关代字须为 1–10 个汉字、字母或数字', 'abbreviation');
  const overrides = input.templateOverrides ?? {};
  for (const [kind, override] of Object.entries(overrides)) {
    // An override naming a block or field the template does not have is refused now, not at issue time.
    try {
      if (!isDocumentKind(kind)) throw new Error(`未知的文书种类「${kind}」`);
      getTemplate(kind, override);
    } catch (e) {
      throw new AppError(
        'INVALID_TEMPLATE_OVERRIDE',
        `文书模板设置有误：${(e as Error).message}`,
        `templateOverrides.${kind}`,
      );
    }
  }
  await db.transaction(async (tx) => {
    await store.saveDocumentSettings(tx, agencyId, { abbreviation: abbr, templateOverrides: overrides });
    await audit(tx, ctx, {
      action: 'document.settings',
      targetType: 'agency',
      targetId: agencyId,
      agencyId,
      regionCode: agency.regionCode,
      details: { abbreviation: abbr, kinds: Object.keys(overrides) },
    });
  });
  return getDocumentSettings(db, ctx, agencyId);
}

/**
 * Clocks about to run out or already overdue on open cases in the caller's scope (the warning every
 * clock raises before it expires). For officers, only the cases they handle.
 */
export async function clockWarnings(db: Db, ctx: Ctx) {
  const agencyIds = await visibleAgencyIds(db, ctx);
  const officerOnly = ['officer', 'auxiliary'].includes(ctx.actor.role);
  const { items } = await store.listCases(db, {
    agencyIds,
    officerId: officerOnly ? (ctx.actor.officerId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    limit: 1000,
    offset: 0,
  });
  const calendar = await loadCalendar(db);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const clocks = await store.clocksOf(
    db,
    items.map((c) => c.id),
  );
  const byId = new Map(items.map((c) => [c.id, c]));
  return {
    items: clocks
      .filter((k) => !k.clock.completedOn)
      .map((k) => ({
        caseId: k.caseId,
        title: byId.get(k.caseId)?.title ?? '',
        ...k.clock,
        status: clockStatus(k.clock, today, calendar),
      }))
      .filter((k) => k.status.state === 'warning' || k.status.state === 'overdue')
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  };
}
