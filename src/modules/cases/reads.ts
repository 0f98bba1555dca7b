import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import * as records from '../records/evidence-reads.ts';
import { reviewContext, staffActor } from './context.ts';
import type { CaseDetail, CaseList, ClockWarnings, LegalReviewSummary } from './contract.ts';
import { mayHandle } from './policy.ts';
import { type Clock, clockView } from './rules/clocks.ts';
import { performerViolations } from './rules/guards.ts';
import {
  groundsRequiringReview,
  LEGAL_REVIEW_STATUS_LABELS,
  legalReviewRequired,
  legalReviewStatus,
  reviewStepOpen,
} from './rules/legal-review.ts';
import { transitionsFrom } from './rules/machine.ts';
import { stateLabel } from './rules/states.ts';
import { type ItemType, type PartyType, PROCEDURE_LABELS, type Procedure } from './rules/types.ts';
import { PERFORMER_LABELS, type TransitionSpec } from './rules/vocabulary.ts';
import { documentRequired, ISSUES, visibleAgencyIds } from './service-shared.ts';
import { issuableDocuments } from './standalone-documents.ts';
import * as store from './store.ts';

// Reads of cases: lists, the case page, clock warnings.

/** The rules' types mark arrays readonly; the answer's types (from the contract's schemas) do not. */
type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
const writable = <T>(x: T) => x as Writable<T>;

/** Refusals that only say the step is someone else's (the page already names who performs it). */
const SOMEONE_ELSE = new Set(['ACTOR_NOT_ALLOWED', 'ACTOR_NOT_ON_TEAM', 'ACTOR_NOT_HEARING_HOST']);

function clockViews(clocks: Clock[], today: string, calendar: Awaited<ReturnType<typeof loadCalendar>>) {
  return clocks.map((c) => clockView(c, today, calendar)).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export async function listCases(
  db: Db,
  ctx: Ctx,
  q: {
    procedure?: string | undefined;
    state?: string | undefined;
    mine?: boolean | undefined;
    open?: boolean | undefined;
    q?: string | undefined;
    itemId?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<CaseList> {
  const agencyIds = await visibleAgencyIds(db, ctx);
  const r = await store.listCases(db, {
    agencyIds,
    procedure: q.procedure,
    state: q.state,
    officerId: q.mine ? (ctx.actor.officerId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    open: q.open,
    q: q.q?.trim() || undefined,
    itemId: q.itemId,
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
        caseNumber: c.caseNumber,
        procedure: c.procedure as Procedure,
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

/**
 * The case page. The party's identifiers (ID number, representative, address, phone) are personal data:
 * a read that shows them is audited. The answers of a step or of opening a record carry the party's name
 * only (`withParty: false`), so they write no read the caller did not ask for.
 */
export async function getCase(
  db: Db,
  ctx: Ctx,
  id: string,
  opts: { withParty: boolean } = { withParty: true },
): Promise<CaseDetail> {
  const row = UUID_RE.test(id) ? await store.findCase(db, id) : undefined;
  if (!row || !(await visibleAgencyIds(db, ctx)).includes(row.agencyId))
    throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'id');
  const s = row.snapshot;
  const [events, clocks, docs, evidence, item, calendar] = await Promise.all([
    store.eventsOf(db, id),
    store.clocksOf(db, [id]),
    store.documentsOf(db, id),
    records.evidenceOfCase(db, id, { actor: ctx.actor, teamOfficerIds: s.teamOfficerIds }),
    catalog.itemById(db, row.itemId),
    loadCalendar(db),
  ]);
  const shownIds = [...s.teamOfficerIds, ...(s.hearingHostOfficerId ? [s.hearingHostOfficerId] : [])];
  // The caller's own record too: whether they perform a step depends on their certificate today.
  const officers = await org.actingOfficers(db, [
    ...shownIds,
    ...(ctx.actor.officerId ? [ctx.actor.officerId] : []),
  ]);
  const team = officers.filter((o) => shownIds.includes(o.id));
  const party = row.partyId ? await store.findParty(db, row.partyId) : undefined;
  if (party && opts.withParty) {
    // The party's identifiers are personal data: reading them is audited.
    await audit(db, ctx, {
      action: 'party.read_personal',
      targetType: 'party',
      targetId: party.id,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
    });
  }
  const today = todayInShanghai();
  const handler = mayHandle(ctx.actor, row.agencyId);
  const legalReview = await legalReviewSummary(db, row, (item?.type ?? 'penalty') as ItemType, today);
  const procedure = row.procedure as Procedure;
  // Whether the caller performs a step is the rules' own check (guards.ts), asked without a payload;
  // what else the step needs (its guards, its inputs) is checked when it is submitted.
  const performer = {
    actor: staffActor(ctx),
    team: officers,
    item: {
      categoryCode: item?.categoryCode ?? '',
      requiresAV: item?.requiresAv ?? false,
      type: item?.type as ItemType,
    },
    today,
  };
  const whyNot = (spec: TransitionSpec): string | null => {
    const reasons = performerViolations({ snapshot: s, spec, payload: {}, ctx: performer });
    if (reasons.length === 0) return null;
    const own = reasons.filter((r) => !SOMEONE_ELSE.has(r.code));
    return own.length ? [...new Set(own.map((r) => r.message))].join('；') : '';
  };
  return {
    id: row.id,
    title: row.title,
    caseNumber: row.caseNumber,
    agencyId: row.agencyId,
    procedure,
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
          type: party.type as PartyType,
          name: party.name,
          ...(opts.withParty
            ? {
                idNumber: party.idNumber,
                representative: party.representative,
                address: party.address,
                phone: party.phone,
              }
            : {}),
        }
      : null,
    team: team.map((o) => ({
      id: o.id,
      name: o.name,
      certificateNo: o.certificateNo,
      isAuxiliary: o.isAuxiliary,
    })),
    snapshot: writable(s),
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
      ? transitionsFrom(procedure, row.state)
          // A review is offered where the case is major or already in review (L2); the others wait their turn.
          .filter(
            (t) =>
              reviewStepOpen(t.action, s) &&
              (t.action !== 'submit_legal_review' || legalReview.required || legalReview.rounds > 0),
          )
          .map((t) => {
            const why = whyNot(t);
            return {
              action: t.action,
              label: t.label,
              to: t.to,
              toLabel: stateLabel(procedure, t.to),
              performers: t.who.map((p) => PERFORMER_LABELS[p]),
              performerKeys: writable(t.who),
              mine: why === null,
              whyNot: why || null,
              // A step that issues its document numbers it: no 文号 is typed.
              inputs: writable(
                documentRequired(procedure, t.action)
                  ? t.inputs.filter((i) => i.key !== 'documentNo')
                  : t.inputs,
              ),
              issuesDocument: ISSUES[t.action] ?? null,
              documentRequired: documentRequired(procedure, t.action),
              av: t.av ?? null,
            };
          })
      : [],
    legalReview,
    can: { handle: handler, documents: handler ? issuableDocuments(row, ctx.actor) : [] },
  };
}

/** The case's legal review as the contract states it: the catalogue evaluated on the case as it stands. */
export async function legalReviewSummary(
  db: Db,
  row: store.CaseRow,
  actionType: ItemType,
  today: string,
): Promise<LegalReviewSummary> {
  const s = row.snapshot;
  const verdict = await reviewContext(
    db,
    { id: row.id, snapshot: s, agencyId: row.agencyId },
    actionType,
    {},
    today,
  );
  const status = legalReviewStatus(s, verdict.matched);
  return {
    required: legalReviewRequired(s, verdict.matched),
    matched: [...verdict.matched],
    grounds: groundsRequiringReview(s),
    catalogueVersion: lastRoundVersion(s) ?? verdict.catalogueVersion,
    status,
    statusLabel: LEGAL_REVIEW_STATUS_LABELS[status],
    rounds: s.legalReview?.rounds.length ?? 0,
  };
}

const lastRoundVersion = (s: store.CaseRow['snapshot']) => s.legalReview?.rounds.at(-1)?.catalogueVersion;

/** The most urgent warnings the list shows; `total` says how many there are in all. */
export const WARNINGS_SHOWN = 500;

/**
 * Clocks about to run out or already overdue on open cases in the caller's scope (the warning every
 * clock raises before it expires). For officers, only the cases they handle.
 *
 * A clock warns when at most `warningDays` days (of its basis) remain, so only clocks due by today plus
 * the largest warning period, counted in either basis, can warn: the database selects those, and the
 * rules then decide each one exactly.
 */
export async function clockWarnings(db: Db, ctx: Ctx): Promise<ClockWarnings> {
  const agencyIds = await visibleAgencyIds(db, ctx);
  const officerOnly = ['officer', 'auxiliary'].includes(ctx.actor.role);
  const officerId = officerOnly ? (ctx.actor.officerId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const calendar = await loadCalendar(db);
  const today = todayInShanghai();
  // One day past the last day with `warningDays` left in either basis: a bound, never too early.
  const span = (await store.maxOpenWarningDays(db, agencyIds)) + 1;
  const byWorking = calendar.addWorkingDays(today, span).date;
  const byCalendar = calendar.addCalendarDays(today, span).date;
  const dueBy = byWorking > byCalendar ? byWorking : byCalendar;
  const found = await store.openClocksDueBy(db, { agencyIds, officerId, dueBy, limit: 10 * WARNINGS_SHOWN });
  const items = found.items
    .map((k) => ({
      caseId: k.caseId,
      title: k.title,
      ...clockView(k.clock, today, calendar),
    }))
    // A party's default (unpaid past the limit) is for the officer to act on; a party's period that
    // merely ran out (expired) is not the officer's to chase.
    .filter((k) => ['warning', 'overdue', 'defaulted'].includes(k.status.state));
  return {
    items: items.slice(0, WARNINGS_SHOWN),
    total: items.length + Math.max(0, found.total - found.items.length),
  };
}
