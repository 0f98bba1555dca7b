import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import type { Db } from '../../platform/db/index.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import { staffActor } from './context.ts';
import type { MyDay, MyTask } from './contract.ts';
import { mayHandle } from './policy.ts';
import { listCases } from './reads.ts';
import { beforeDecision, returnForInvestigation } from './rules/builders.ts';
import { type ClockState, clockView } from './rules/clocks.ts';
import { performerViolations } from './rules/guards.ts';
import { roundOutcome } from './rules/legal-review.ts';
import { MACHINES, transitionsFrom } from './rules/machine.ts';
import { stateLabel } from './rules/states.ts';
import { type ItemType, PROCEDURE_LABELS, type Procedure } from './rules/types.ts';
import { ACTION_LABELS, type Performer, type TransitionSpec } from './rules/vocabulary.ts';
import { visibleAgencyIds } from './service-shared.ts';
import * as store from './store.ts';

// The home page (GET /api/cases/my-day): what the caller can act on today, computed in SQL from their
// role, agency and officer record; whether a step is theirs is the rules' own check, as on the case page.

const TASKS_SHOWN = 50;
const CLOCKS_SHOWN = 50;
const RECENT_SHOWN = 5;
/** Rows the database hands the rules at most; a day's work is far below it. */
const CANDIDATES = 500;
const NO_OFFICER = '00000000-0000-0000-0000-000000000000';

/** Performers that are a role of the agency's staff (the others are the team, the host, the party). */
const ROLE_PERFORMERS: ReadonlySet<Performer> = new Set([
  'agency_head',
  'legal_reviewer',
  'agency_admin',
  'officer',
]);

/**
 * Powers the head holds in every state before the decision (extend, flag complex, reassign, withdraw,
 * transfer, refer) and sending a case back: a case does not wait for anyone to use them, so they make
 * no task. Read from the
 * table's own builder, so the list follows the rules.
 */
const STANDING: ReadonlySet<string> = new Set([
  ...beforeDecision('').map((spec) => spec.action),
  // Sending a case back is an answer to what was submitted, not something the case waits for.
  returnForInvestigation.action,
]);

/**
 * Steps the law allows only from a day a clock names are no task before then: the court application
 * only while its window is open, the 催告 only once the fine is unpaid past its limit (行政强制法
 * arts. 53–54; the case page's actions card reads the same clocks).
 */
function dueNow(action: string, r: store.CaseRow, states: ReadonlyMap<string, ClockState>): boolean {
  if (action === 'apply_court_enforcement')
    return ['ok', 'warning'].includes(states.get('enforcementApplication') ?? '');
  if (action === 'serve_demand_notice')
    return states.get('payment') === 'defaulted' && !r.snapshot.dates.demandServedOn;
  // The rights notice waits for the head's approval of the proposed penalty, and the approval is the
  // head's task until given (PROPOSAL_NOT_APPROVED).
  if (action === 'approve_proposal') return !r.snapshot.approvedProposal;
  if (action === 'notify_rights') return Boolean(r.snapshot.approvedProposal);
  return true;
}

/** Steps that keep the state yet are what the case waits for: the head's approval of the proposal. */
const AWAITED_IN_PLACE: ReadonlySet<string> = new Set(['approve_proposal']);

/** A step the case waits for: one that moves it on (a step that stays in its state is a standing power too). */
const waitsFor = (spec: TransitionSpec, state: string) =>
  (spec.to !== state && !STANDING.has(spec.action)) || AWAITED_IN_PLACE.has(spec.action);

/**
 * `procedure:state` keys where some step is performed by the role, by the case team or by the hearing
 * host, read from the lifecycle table itself so that a new step shows up here without a change.
 */
function performerStates(role: string) {
  const byRole = new Set<string>();
  const byTeam = new Set<string>();
  const byHost = new Set<string>();
  for (const [procedure, machine] of Object.entries(MACHINES)) {
    for (const [state, specs] of Object.entries(machine.transitions)) {
      const key = `${procedure}:${state}`;
      for (const spec of specs.filter((x) => waitsFor(x, state)))
        for (const p of spec.who) {
          if (p === role && ROLE_PERFORMERS.has(p)) byRole.add(key);
          if (p === 'assigned_officer') byTeam.add(key);
          if (p === 'hearing_host') byHost.add(key);
        }
    }
  }
  return { byRole: [...byRole], byTeam: [...byTeam], byHost: [...byHost] };
}

function viewOf(role: string): MyDay['view'] {
  if (role === 'officer' || role === 'auxiliary') return 'officer';
  if (role === 'agency_head') return 'head';
  if (role === 'supervisor' || role === 'system_admin') return 'oversight';
  return 'staff';
}

/**
 * The records of the caller's agency waiting for a step that is the caller's now (the case page's
 * `mine`, for the steps that move the case on).
 */
async function myTasks(db: Db, ctx: Ctx, today: string): Promise<{ items: MyTask[]; total: number }> {
  const { agencyId, officerId, role } = ctx.actor;
  if (!agencyId || !mayHandle(ctx.actor, agencyId)) return { items: [], total: 0 };
  const rows = await store.casesAwaitingPerformer(db, {
    agencyId,
    officerId,
    ...performerStates(role),
    limit: CANDIDATES,
  });
  if (rows.length === 0) {
    const reviewOnly: MyTask[] = [];
    await addReviewTasks(db, ctx, reviewOnly);
    return { items: reviewOnly.slice(0, TASKS_SHOWN), total: reviewOnly.length };
  }
  // One read of every officer and item the rules will look at, not one per case.
  const officerIds = rows.flatMap((r) => [
    ...r.snapshot.teamOfficerIds,
    ...(r.snapshot.hearingHostOfficerId ? [r.snapshot.hearingHostOfficerId] : []),
  ]);
  const [officers, items] = await Promise.all([
    org.actingOfficers(db, [...officerIds, ...(officerId ? [officerId] : [])]),
    Promise.all([...new Set(rows.map((r) => r.itemId))].map((id) => catalog.itemById(db, id))),
  ]);
  const actor = staffActor(ctx);
  const calendar = await loadCalendar(db);
  const clockRows = await store.clocksOf(
    db,
    rows.map((r) => r.id),
  );
  const tasks: MyTask[] = [];
  for (const r of rows) {
    const states = new Map(
      clockRows
        .filter((k) => k.caseId === r.id)
        .map((k) => [k.clock.key as string, clockView(k.clock, today, calendar).status.state]),
    );
    const procedure = r.procedure as Procedure;
    const item = items.find((i) => i?.id === r.itemId);
    const performer = {
      actor,
      team: officers,
      item: {
        categoryCode: item?.categoryCode ?? '',
        requiresAV: item?.requiresAv ?? false,
        type: item?.type as ItemType,
      },
      today,
    };
    const steps = transitionsFrom(procedure, r.state)
      .filter((spec) => waitsFor(spec, r.state) && dueNow(spec.action, r, states))
      .filter(
        (spec) =>
          performerViolations({ snapshot: r.snapshot, spec, payload: {}, ctx: performer }).length === 0,
      )
      .map((spec) => ({ action: spec.action, label: spec.label }));
    if (steps.length === 0) continue;
    tasks.push({
      caseId: r.id,
      title: r.title,
      caseNumber: r.caseNumber,
      procedure,
      procedureLabel: PROCEDURE_LABELS[procedure],
      state: r.state,
      stateLabel: stateLabel(procedure, r.state),
      steps,
      updatedAt: r.updatedAt.toISOString(),
    });
  }
  await addReviewTasks(db, ctx, tasks);
  return { items: tasks.slice(0, TASKS_SHOWN), total: tasks.length };
}

/**
 * 法制审核 steps wait in the case's own state (a case waits for its review without moving), so the
 * table's state-changing steps do not show them: the round assigned to a reviewer, a disputed 纠正 for
 * the head to coordinate, a corrected round for the handlers to revise and resubmit.
 */
async function addReviewTasks(db: Db, ctx: Ctx, tasks: MyTask[]) {
  const { agencyId, officerId, role } = ctx.actor;
  if (!agencyId) return;
  const rows = await store.casesWithReview(db, {
    agencyIds: [agencyId],
    reviewerOfficerId: role === 'legal_reviewer' ? (officerId ?? NO_OFFICER) : undefined,
    limit: CANDIDATES,
  });
  for (const r of rows) {
    const round = r.snapshot.legalReview?.rounds.at(-1);
    if (!round || r.outcome) continue;
    const outcome = roundOutcome(round);
    let action: 'record_review_opinion' | 'coordinate_review' | 'submit_legal_review' | null = null;
    if (role === 'legal_reviewer' && outcome === 'open') action = 'record_review_opinion';
    else if (role === 'agency_head' && outcome === 'disputed') action = 'coordinate_review';
    else if (officerId && r.snapshot.teamOfficerIds.includes(officerId) && outcome === 'corrected')
      action = 'submit_legal_review';
    if (!action) continue;
    const step = {
      action,
      label: action === 'submit_legal_review' ? '按审核意见修改后重新送审' : ACTION_LABELS[action],
    };
    const existing = tasks.find((t) => t.caseId === r.id);
    if (existing) {
      existing.steps = [...existing.steps, step];
      continue;
    }
    const procedure = r.procedure as Procedure;
    tasks.push({
      caseId: r.id,
      title: r.title,
      caseNumber: r.caseNumber,
      procedure,
      procedureLabel: PROCEDURE_LABELS[procedure],
      state: r.state,
      stateLabel: stateLabel(procedure, r.state),
      steps: [step],
      updatedAt: r.updatedAt.toISOString(),
    });
  }
}

/**
 * The clocks the caller is to act on. Officers: their cases' clocks about to run out or overdue.
 * The agency's other staff: its overdue clocks. Oversight: the overdue clocks in their scope, where
 * only the agency's own lateness counts (a party's unpaid fine is the agency's to pursue, not its failure).
 */
async function myClocks(db: Db, ctx: Ctx, view: MyDay['view'], today: string) {
  const agencyIds = await visibleAgencyIds(db, ctx);
  const calendar = await loadCalendar(db);
  let dueBy = today;
  if (view === 'officer') {
    // One day past the last day with `warningDays` left in either basis (as reads.ts clockWarnings).
    const span = (await store.maxOpenWarningDays(db, agencyIds)) + 1;
    const byWorking = calendar.addWorkingDays(today, span).date;
    const byCalendar = calendar.addCalendarDays(today, span).date;
    dueBy = byWorking > byCalendar ? byWorking : byCalendar;
  }
  const shown: ClockState[] =
    view === 'officer'
      ? ['warning', 'overdue', 'defaulted']
      : view === 'oversight'
        ? ['overdue']
        : ['overdue', 'defaulted'];
  const found = await store.agencyDutyClocksDueBy(db, {
    agencyIds,
    officerId: view === 'officer' ? (ctx.actor.officerId ?? NO_OFFICER) : undefined,
    dueBy,
    partyKeys: view === 'oversight' ? [] : ['payment'],
    limit: 10 * CLOCKS_SHOWN,
  });
  const items = found.items
    .map((k) => ({
      caseId: k.caseId,
      title: k.title,
      caseNumber: k.caseNumber,
      ...clockView(k.clock, today, calendar),
    }))
    // A party's period counts only once it is the agency's to act on (an unpaid fine past its limit).
    .filter((k) => shown.includes(k.status.state) && (k.duty === 'agency' || k.status.state === 'defaulted'));
  return {
    items: items.slice(0, CLOCKS_SHOWN),
    total: items.length + Math.max(0, found.total - found.items.length),
  };
}

export async function myDay(db: Db, ctx: Ctx): Promise<MyDay> {
  const view = viewOf(ctx.actor.role);
  const today = todayInShanghai();
  const [tasks, clocks, recent] = await Promise.all([
    myTasks(db, ctx, today),
    myClocks(db, ctx, view, today),
    listCases(db, ctx, { mine: view === 'officer', page: 1, pageSize: RECENT_SHOWN }),
  ]);
  return { view, tasks, clocks, recent: recent.items };
}
