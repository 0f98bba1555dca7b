import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { appendEntries } from '../../platform/ledger/index.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as catalog from '../catalog/service.ts';
import { staffActor } from './context.ts';
import { caseFacts } from './document-drafts.ts';
import type { DocumentData } from './documents/types.ts';
import { clockView, publicationStart } from './rules/clocks.ts';
import { markPublication, type PublicationChange } from './rules/publication-mark.ts';
import { stateLabel } from './rules/states.ts';
import {
  type CaseSnapshot,
  type PartyType,
  PENALTY_KIND_LABELS,
  type PenaltyTerms,
  type Procedure,
  type PublicationMark,
} from './rules/types.ts';
import { eventLedgerEntry, visibleAgencyIds } from './service-shared.ts';
import * as store from './store.ts';

// What the publicity module may know of a case and do to it: the decision it publishes (with the party's
// data, for redaction only — it never leaves the server unredacted), the agencies' publication duties, and
// the record of a publication on the case itself (its event and its clock).

/** The kinds of decision the portal publishes (国办发〔2018〕118号: 执法类别). */
export type DecisionCategory = 'penalty' | 'no_penalty' | 'coercive' | 'inspection';

/** A decision as the case records it: what the public notice is drafted from. */
export interface DecisionRecord {
  caseId: string;
  agencyId: string;
  regionCode: string;
  procedure: Procedure;
  category: DecisionCategory;
  /** The day the decision was made: the publication clock's start. */
  decidedOn: string;
  title: string;
  caseNumber: string | null;
  itemName: string;
  itemLegalBasis: string;
  party: {
    type: PartyType;
    name: string;
    idNumber: string | null;
    representative: string | null;
    address: string | null;
    phone: string | null;
  } | null;
  /** The decision document (决定书) as issued, when the step issued one. */
  decisionDocument: { kind: string; number: string | null; data: DocumentData } | null;
  penalty: PenaltyTerms | null;
  /** The penalty's kinds in words (警告, 罚款, …), in the law's order. */
  penaltyKindLabels: string[];
  /** The `ended` state the case ended in (closed, no_penalty, lead_registered, …), in words. */
  outcomeLabel: string | null;
  /** 行政处罚法 art. 36: the matter touches life, health or financial safety (a longer publication period). */
  involvesSafety: boolean;
  /** Natural persons the case's documents name besides the party (witnesses, people interviewed). */
  otherPeople: string[];
  /** The team's officers: public by law (亮证执法), never redacted. */
  officers: string[];
  publication: PublicationMark | null;
  /** The publication clock as seen today. */
  clock: ReturnType<typeof clockView> | null;
}

const DECISION_DOCUMENTS = ['penalty_decision', 'on_spot_penalty_decision', 'coercive_measure_decision'];

function categoryOf(s: CaseSnapshot): DecisionCategory | null {
  if (s.procedure === 'coercive') return 'coercive';
  if (s.procedure === 'inspection') return 'inspection';
  if (s.procedure === 'ordinary' || s.procedure === 'summary')
    return s.outcome === 'no_penalty' ? 'no_penalty' : 'penalty';
  return null;
}

// Document fields that name natural persons other than the party (现场笔录, 询问笔录, 送达回证).
const PERSON_FIELDS = ['onSitePerson', 'witness', 'recipient', 'intervieweeName', 'presidingOfficer'];

function peopleNamedIn(data: DocumentData): string[] {
  const out: string[] = [];
  for (const key of PERSON_FIELDS) {
    const v = (data as Record<string, unknown>)[key];
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
  }
  const interviewee = (data as Record<string, unknown>).interviewee;
  if (interviewee && typeof interviewee === 'object' && !Array.isArray(interviewee)) {
    const name = (interviewee as Record<string, unknown>).name;
    if (typeof name === 'string' && name.trim()) out.push(name.trim());
  }
  return out;
}

/** The decision of a case the caller may read, or 404; null when the case has no decision to publish. */
export async function decisionForPublication(
  db: Db,
  ctx: Ctx,
  caseId: string,
): Promise<DecisionRecord | null> {
  const row = UUID_RE.test(caseId) ? await store.findCase(db, caseId) : undefined;
  if (!row || !(await visibleAgencyIds(db, ctx)).includes(row.agencyId))
    throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
  return decisionOf(db, row);
}

async function decisionOf(db: Db, row: store.CaseRow): Promise<DecisionRecord | null> {
  const s = row.snapshot;
  const start = publicationStart(s);
  const category = categoryOf(s);
  if (!start || !category) return null;
  const facts = await caseFacts(db, row, s, new Date());
  const item = await catalog.itemById(db, row.itemId);
  const decision = [...facts.documents].reverse().find((d) => DECISION_DOCUMENTS.includes(d.kind)) ?? null;
  const stored = (await store.clocksOf(db, [row.id])).find((c) => c.clock.key === 'publication')?.clock;
  const clock = stored ? clockView(stored, todayInShanghai(), await loadCalendar(db)) : null;
  const partyName = facts.party?.name ?? '';
  const people = new Set(facts.documents.flatMap((d) => peopleNamedIn(d.data)));
  const officers = facts.team.map((o) => o.name);
  for (const n of [partyName, facts.party?.representative ?? '', ...officers]) people.delete(n);
  return {
    caseId: row.id,
    agencyId: row.agencyId,
    regionCode: row.regionCode,
    procedure: s.procedure,
    category,
    decidedOn: start.on,
    title: row.title,
    caseNumber: row.caseNumber,
    itemName: item?.name ?? '',
    itemLegalBasis: item?.legalBasis ?? '',
    party: facts.party,
    decisionDocument: decision,
    penalty: s.penalty,
    penaltyKindLabels: (s.penalty?.kinds ?? []).map((k) => PENALTY_KIND_LABELS[k] ?? k),
    outcomeLabel: s.outcome ? stateLabel(s.procedure, s.outcome) : null,
    involvesSafety: s.involvesSafety === true,
    otherPeople: [...people],
    officers,
    publication: s.publication ?? null,
    clock,
  };
}

/** A row of the agencies' publication duties (staff list): the case, its clock as seen today. */
export async function publicationDuties(
  db: Db,
  ctx: Ctx,
  f: { agencyId?: string | undefined; open: boolean; page: number; pageSize: number },
) {
  let agencyIds = await visibleAgencyIds(db, ctx);
  if (f.agencyId) agencyIds = agencyIds.filter((id) => id === f.agencyId);
  const { items, total } = await store.publicationDuties(db, {
    agencyIds,
    open: f.open,
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  const calendar = await loadCalendar(db);
  const today = todayInShanghai();
  return {
    total,
    items: items.map((r) => ({
      caseId: r.caseId,
      agencyId: r.agencyId,
      title: r.title,
      caseNumber: r.caseNumber,
      partyName: r.partyName,
      category: categoryOf(r.snapshot),
      decidedOn: publicationStart(r.snapshot)?.on ?? null,
      publication: r.snapshot.publication ?? null,
      clock: clockView(r.clock, today, calendar),
    })),
  };
}

/**
 * Records on the case that its decision was published, withheld or withdrawn: an event (history, ledger)
 * and the publication clock stopped — in the caller's transaction, after the publicity module's own write.
 */
export async function recordPublication(
  tx: Db,
  ctx: Ctx,
  caseId: string,
  change: PublicationChange,
  now: Date,
): Promise<void> {
  const row = await store.lockCase(tx, caseId);
  if (!row) throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
  const result = markPublication(row.snapshot, change, {
    at: now.toISOString(),
    today: todayInShanghai(now),
    actor: staffActor(ctx),
    calendar: await loadCalendar(tx),
    rulebook: await rulebookFor(tx, row.regionCode),
  });
  if (!result.ok) throw fromViolation(result.violations[0]!);
  const ok = await store.updateCaseIfVersion(tx, caseId, row.version, result.next);
  if (!ok) throw new AppError('CASE_CHANGED', '案件刚被其他人办理，请刷新后重试');
  await store.insertEvent(tx, result.event, ctx.actor.userId);
  await store.replaceClocks(tx, caseId, result.clocks);
  await appendEntries(tx, [eventLedgerEntry(result.event)]);
}

/** Titles and 案号 of cases (staff lists of publications); only cases in the caller's scope. */
export async function caseHeadings(db: Db, ctx: Ctx, ids: readonly string[]) {
  const agencies = new Set(await visibleAgencyIds(db, ctx));
  const rows = await Promise.all(ids.filter((id) => UUID_RE.test(id)).map((id) => store.findCase(db, id)));
  return new Map(
    rows
      .filter((r): r is store.CaseRow => r !== undefined && agencies.has(r.agencyId))
      .map((r) => [r.id, { title: r.title, caseNumber: r.caseNumber }]),
  );
}
