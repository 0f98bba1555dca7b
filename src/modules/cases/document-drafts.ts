import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { dateInShanghai } from '../../platform/calendar/rules.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { RuleViolation } from '../../platform/identifiers/violation.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import * as records from '../records/evidence-reads.ts';
import { transitionContext } from './context.ts';
import { checkAgainstCase } from './documents/agreement.ts';
import { APPROVAL_FORMS, type CaseFacts, draftDocument, FROM_CASE } from './documents/draft.ts';
import {
  buildDocumentContent,
  checkDocumentData,
  type DocumentData,
  type DocumentKind,
  type DocumentTemplate,
  getTemplate,
  isDocumentKind,
  withDefaults,
} from './documents/index.ts';
import { applyTransition } from './rules/transition.ts';
import type { CaseSnapshot, Payload } from './rules/types.ts';
import { ISSUES, writableCase } from './service-shared.ts';
import { standaloneRefusal } from './standalone-documents.ts';
import * as store from './store.ts';

// Documents as forms: the draft a step or the case page starts from (written from the case), and the live
// preview with every problem the issue would refuse, so that the officer sees the page and the reasons
// before anything is numbered or signed.

/**
 * What a document of the case is written from and checked against, as the case stands (or will stand).
 * `approver`: the user taking the step an approval form is issued with (its 机关负责人).
 */
export async function caseFacts(
  db: Db,
  row: store.CaseRow,
  snapshot: CaseSnapshot,
  now: Date,
  approver?: string,
): Promise<CaseFacts> {
  const ids = [...snapshot.teamOfficerIds];
  if (snapshot.hearingHostOfficerId) ids.push(snapshot.hearingHostOfficerId);
  // One after the other: inside a transaction they share one connection (pg queues them anyway).
  const party = row.partyId ? await store.findParty(db, row.partyId) : undefined;
  const officers = await org.actingOfficers(db, ids);
  const docs = await store.documentsOf(db, row.id);
  const evidence = await records.evidenceOfCase(db, row.id, {
    actor: { role: 'agency_head', officerId: null },
    teamOfficerIds: snapshot.teamOfficerIds,
  });
  const item = await catalog.itemById(db, row.itemId);
  const rulebook = await rulebookFor(db, row.regionCode);
  const events = await store.eventsOf(db, row.id);
  let openPayload: Record<string, unknown> = { ...(events[0]?.payload ?? {}) };
  // A case filed from a lead: the lead says where it came from (案件来源) and what was reported.
  let leadDate: string | undefined;
  if (row.leadId) {
    const leadEvents = await store.eventsOf(db, row.leadId);
    openPayload = { ...(leadEvents[0]?.payload ?? {}), ...openPayload };
    leadDate = leadEvents[0]?.on;
  }
  return {
    title: row.title,
    snapshot,
    party: party
      ? {
          type: party.type as NonNullable<CaseFacts['party']>['type'],
          name: party.name,
          idNumber: party.idNumber,
          representative: party.representative,
          address: party.address,
          phone: party.phone,
        }
      : null,
    team: officers.map((o) => ({
      id: o.id,
      name: o.name ?? '',
      certificateNo: o.certificateNo ?? null,
      isAuxiliary: o.isAuxiliary,
    })),
    openPayload,
    leadDate: leadDate ?? snapshot.dates.openedOn,
    documents: docs.map((d) => ({ kind: d.kind, number: d.number, data: d.data as DocumentData })),
    evidenceTitles: evidence.map((e) => e.title),
    legalBasis: item?.legalBasis ?? '',
    requiresAv: item?.requiresAv ?? false,
    coerciveTermDays: ruleValue(rulebook, 'coerciveTermDays'),
    today: dateInShanghai(now),
    ...(approver ? { approver } : {}),
  };
}

export interface DraftRequest {
  kind: string;
  /** The step that issues the document; absent for a document issued on its own. */
  action?: string | undefined;
  payload?: Payload | undefined;
}

/** The document kind, checked: the step's own document, or one the caller may issue on its own now. */
function documentKindFor(row: store.CaseRow, ctx: Ctx, req: DraftRequest): DocumentKind {
  if (!isDocumentKind(req.kind))
    throw new AppError('UNKNOWN_DOCUMENT_KIND', `未知的文书种类「${req.kind}」`, 'kind');
  if (req.action) {
    if (ISSUES[req.action] !== req.kind)
      throw new AppError('DOCUMENT_NOT_OF_STEP', '该环节不签发这种文书', 'kind');
  } else {
    // The same refusal as issuing it would give (not on the team, an auxiliary, a step's document…).
    const refusal = standaloneRefusal(row, ctx.actor, req.kind);
    if (refusal) throw refusal;
  }
  return req.kind;
}

async function templateOf(db: Db, agencyId: string, kind: DocumentKind): Promise<DocumentTemplate> {
  const settings = await store.findDocumentSettings(db, agencyId);
  return getTemplate(kind, settings?.templateOverrides[kind]);
}

/**
 * The snapshot a step's document is checked against: the case as the step would leave it (its penalty,
 * its hearing right, its dates), or as it stands when the step's payload is not complete yet.
 */
async function snapshotAfter(
  db: Db,
  ctx: Ctx,
  row: store.CaseRow,
  req: DraftRequest,
  now: Date,
): Promise<CaseSnapshot> {
  if (!req.action) return row.snapshot;
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
    typeof req.payload?.hostOfficerId === 'string' ? [req.payload.hostOfficerId] : [],
    now,
    req.payload ?? {},
  );
  const probe = applyTransition(
    row.snapshot,
    { action: req.action, payload: { ...req.payload, documentNo: '（待编号）' } },
    tctx,
  );
  return probe.ok ? probe.next : row.snapshot;
}

/**
 * The approver of an approval form (立案审批表, 结案审批表): the user taking the step it is issued with, or
 * the agency head issuing it on its own. Its 机关负责人 and day are then theirs, shown read-only, and its
 * 机关负责人意见 is required. Undefined otherwise: a form an officer issues on its own is checked as
 * any other document.
 */
export function approverOf(ctx: Ctx, kind: DocumentKind, action: string | undefined): string | undefined {
  if (!APPROVAL_FORMS.has(kind)) return undefined;
  return action || ctx.actor.role === 'agency_head' ? ctx.actor.displayName : undefined;
}
const APPROVER_FIELDS = ['agencyHead', 'agencyHeadDate'];

/** The field definitions as the console's form needs them (no functions). */
function fieldsOf(template: DocumentTemplate, approved = false) {
  const fromCase = (key: string) =>
    FROM_CASE[template.kind]?.includes(key) || (approved && APPROVER_FIELDS.includes(key));
  return template.fields.map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
    required: f.required,
    ...(f.help ? { help: f.help } : {}),
    ...(f.options ? { options: [...f.options] } : {}),
    ...(f.columns ? { columns: f.columns.map((c) => ({ ...c })) } : {}),
    ...(f.minCount !== undefined ? { minCount: f.minCount } : {}),
    ...(f.min !== undefined ? { min: f.min } : {}),
    ...(f.max !== undefined ? { max: f.max } : {}),
    ...(fromCase(f.key) ? { fromCase: true } : {}),
  }));
}

/** The draft of a document for the form: its fields and the data written from the case. */
export async function documentDraft(db: Db, ctx: Ctx, caseId: string, req: DraftRequest, now = new Date()) {
  const row = await writableCase(db, ctx, caseId);
  const kind = documentKindFor(row, ctx, req);
  const template = await templateOf(db, row.agencyId, kind);
  // A step's document is written for the case as the step leaves it (its hearing right, its dates).
  const approver = approverOf(ctx, kind, req.action);
  const facts = await caseFacts(db, row, await snapshotAfter(db, ctx, row, req, now), now, approver);
  const data = withDefaults(template, draftDocument(kind, facts, req.payload));
  if (row.partyId) {
    // The draft carries the party's identifiers (personal data): reading them is audited.
    await audit(db, ctx, {
      action: 'party.read_personal',
      targetType: 'party',
      targetId: row.partyId,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
    });
  }
  return {
    kind,
    title: template.title,
    numbered: template.numberPrefix !== null,
    fields: fieldsOf(template, approver !== undefined),
    data,
  };
}

/** Every reason the document would be refused: its template's checks, then its agreement with the case. */
export function documentProblems(
  template: DocumentTemplate,
  data: DocumentData,
  facts: CaseFacts,
  payload: Payload = {},
): RuleViolation[] {
  const own = checkDocumentData(template, data, facts.today);
  return [...own, ...checkAgainstCase(template, data, facts, payload)];
}

/** The page as it would be issued today (unnumbered, unsigned) and what would stop it being issued. */
export async function documentPreview(
  db: Db,
  ctx: Ctx,
  caseId: string,
  req: DraftRequest & { data: DocumentData },
  now = new Date(),
) {
  const row = await writableCase(db, ctx, caseId);
  const kind = documentKindFor(row, ctx, req);
  const template = await templateOf(db, row.agencyId, kind);
  const agency = (await org.agencyRef(db, row.agencyId))!;
  const snapshot = await snapshotAfter(db, ctx, row, req, now);
  const facts = await caseFacts(db, row, snapshot, now, approverOf(ctx, kind, req.action));
  const problems = documentProblems(template, req.data, facts, req.payload);
  let blocks: ReturnType<typeof buildDocumentContent>['blocks'] = [];
  let title = template.title;
  try {
    const content = buildDocumentContent(template, req.data, {
      agencyName: agency.name,
      issuedOn: facts.today,
    });
    blocks = content.blocks;
    title = content.title;
  } catch {
    // Data of the wrong shape cannot be laid out; its problems say why.
  }
  return {
    title,
    agencyName: agency.name,
    issuedOn: facts.today,
    numbered: template.numberPrefix !== null,
    blocks,
    problems: problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null })),
  };
}
