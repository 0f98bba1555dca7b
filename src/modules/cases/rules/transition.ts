/**
 * applyTransition: the one way a case changes state. It finds the transition in the table, checks the
 * actor, the inputs, the AV requirement and the transition's guards, and returns the next snapshot, the
 * event to write in the same transaction, and the recomputed clocks — or every violation found.
 * Time comes only from the context (`at`, `today`); nothing here reads a clock or does I/O.
 */
import { dateInShanghai } from '../../../platform/calendar/rules.ts';
import { isIsoDate } from '../../../platform/identifiers/date.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { chronologyViolations } from './chronology.ts';
import { type Clock, calendarDaysBetween, computeClocks } from './clocks.ts';
import { endedSuspension } from './decision-pauses.ts';
import { GUARDS, type GuardInput, guardActor, guardAV } from './guards.ts';
import { newRound, parseFindings, withLastRound } from './legal-review.ts';
import { findTransition, MACHINES, transitionsFrom } from './machine.ts';
import { hearingEligibility, parsePenaltyTerms } from './penalty.ts';
import { teamAfterRecusal } from './recusal.ts';
import { stateLabel, stateSpec } from './states.ts';
import {
  type CaseEvent,
  type CaseSnapshot,
  type DecisionPauseKind,
  type EventActor,
  type PartyType,
  type Payload,
  type PenaltyTerms,
  PROCEDURES,
  type PreservationDecision,
  type Procedure,
  type ReviewFinding,
  type ReviewGround,
  type ReviewOpinionKind,
  type SpotCollectionGround,
  type TransitionContext,
} from './types.ts';
import { ACTION_LABELS, type InputSpec, type TransitionSpec } from './vocabulary.ts';

export type CaseCommand = { action: string; payload?: Payload };

export type TransitionResult =
  | { ok: true; next: CaseSnapshot; event: CaseEvent; clocks: Clock[] }
  | { ok: false; violations: RuleViolation[] };

type Changes = Partial<CaseSnapshot>;

/** Checks one input against its spec; returns the normalised value or a violation. */
function checkInput(
  spec: InputSpec,
  raw: unknown,
  today: string,
): { value?: unknown; error?: RuleViolation } {
  const missing = raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0);
  if (missing) {
    return spec.optional ? {} : { error: violation('INPUT_REQUIRED', `${spec.label}不能为空`, spec.key) };
  }
  const invalid = (why: string) => ({ error: violation('INVALID_INPUT', `${spec.label}${why}`, spec.key) });
  switch (spec.kind) {
    case 'text':
      return typeof raw === 'string' && raw.trim() !== '' ? { value: raw.trim() } : invalid('必须是文字');
    case 'date':
    case 'past_date':
      if (!isIsoDate(raw)) return invalid('不是有效日期，应为 YYYY-MM-DD 格式');
      if (spec.kind === 'past_date' && raw > today) return invalid(`不能晚于今天（${today}）`);
      return { value: raw };
    case 'fen':
      return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0
        ? { value: raw }
        : invalid('必须是以分为单位的非负整数');
    case 'flag':
      return typeof raw === 'boolean' ? { value: raw } : invalid('必须是“是”或“否”');
    case 'choice':
      return typeof raw === 'string' && spec.options?.includes(raw)
        ? { value: raw }
        : invalid('不是可选的值');
    case 'choices':
      return Array.isArray(raw) && raw.every((x) => typeof x === 'string' && spec.options?.includes(x))
        ? { value: [...new Set(raw as string[])] }
        : invalid('含有不可选的值');
    case 'review_findings': {
      const findings = parseFindings(raw);
      return findings ? { value: findings } : invalid('每一项须为审核内容清单中的项目，并注明是否存在问题');
    }
    case 'officer_ids':
      return Array.isArray(raw) && raw.every((x) => typeof x === 'string' && x !== '')
        ? { value: [...new Set(raw as string[])] }
        : invalid('必须是执法人员编号列表');
    case 'instalments': {
      // 行政处罚法 art. 66: each instalment a date and a positive amount in fen; the sum is a guard's check.
      const rows = Array.isArray(raw) ? (raw as unknown[]) : null;
      const valid = rows?.every((r) => {
        const o = r as { dueOn?: unknown; amountFen?: unknown } | null;
        return (
          typeof o === 'object' &&
          o !== null &&
          Object.keys(o).every((k) => k === 'dueOn' || k === 'amountFen') &&
          isIsoDate(o.dueOn) &&
          typeof o.amountFen === 'number' &&
          Number.isSafeInteger(o.amountFen) &&
          o.amountFen > 0
        );
      });
      if (!rows || !valid) return invalid('每一期须有缴纳日期和大于零的金额');
      return { value: (rows as { dueOn: string; amountFen: number }[]).map((r) => ({ ...r })) };
    }
    case 'penalty': {
      const parsed = parsePenaltyTerms(raw, spec.key);
      return parsed.ok ? { value: parsed.value } : { error: parsed.violations[0] as RuleViolation };
    }
  }
}

/** Only declared inputs reach the event, normalised; unknown keys are dropped. */
function checkInputs(spec: TransitionSpec, payload: Payload, today: string) {
  const clean: Record<string, unknown> = {};
  const violations: RuleViolation[] = [];
  for (const input of spec.inputs) {
    const r = checkInput(input, payload[input.key], today);
    if (r.error) violations.push(r.error);
    else if (r.value !== undefined) clean[input.key] = r.value;
  }
  return { clean, violations };
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

function violationDates(p: Payload): CaseSnapshot['dates'] {
  const ended = text(p.violationEndedOn);
  return { violationOn: p.violationOn as string, ...(ended ? { violationEndedOn: ended } : {}) };
}

/** What each action changes besides state and the generic end/archive dates. */
function effects(s: CaseSnapshot, spec: TransitionSpec, p: Payload, ctx: TransitionContext): Changes {
  const today = ctx.today;
  const dates = (add: CaseSnapshot['dates']): Changes => ({ dates: { ...s.dates, ...add } });
  switch (spec.action) {
    case 'open': {
      const base: Changes = {
        id: s.id,
        procedure: s.procedure,
        regionCode: s.regionCode,
        teamOfficerIds: (p.teamOfficerIds as string[] | undefined) ?? [],
        partyId: text(p.partyId) ?? null,
        partyType: (p.partyType as PartyType | undefined) ?? null,
      };
      const opened = s.procedure === 'ordinary' ? { openedOn: today, filedOn: today } : { openedOn: today };
      if (s.procedure !== 'ordinary') return { ...base, ...dates(opened) };
      // 行政处罚法 art. 36: the limitation's facts as the filing found them.
      return {
        ...base,
        involvesSafety: p.involvesSafety === true,
        ...dates({ ...opened, ...violationDates(p), discoveredOn: text(p.discoveredOn) ?? today }),
      };
    }
    case 'file':
      // endedOn: the lead's filing clock is met (a lead's end states are final, not `ended`).
      return {
        involvesSafety: p.involvesSafety === true,
        ...dates({ ...violationDates(p), endedOn: today }),
      };
    case 'close_lead':
    case 'transfer':
      return dates({ endedOn: today });
    case 'notify_rights': {
      const penalty = p.penalty as PenaltyTerms;
      const h = hearingEligibility(penalty, s.partyType as PartyType, ctx.rulebook);
      return {
        penalty,
        notifiedPenalty: penalty,
        hearingEligible: h.eligible,
        hearingBasis: h.basis,
        ...dates({ rightsNoticeServedOn: p.servedOn as string }),
      };
    }
    case 'approve_proposal':
      return {
        approvedProposal: {
          penalty: p.penalty as PenaltyTerms,
          approvedOn: today,
          approverName: ctx.actor.name,
          opinion: p.opinion as string,
        },
      };
    case 'return_for_investigation':
      // The proposal is made again after the further investigation, and approved again.
      return s.approvedProposal ? { approvedProposal: null } : {};
    case 'record_statement':
      return { reexaminationPending: true };
    case 'reexamine_statement':
      return { reexaminationPending: false };
    case 'request_recusal':
      return {
        recusalRequest: {
          officerId: p.officerId as string,
          // art. 43: the party's right to ask; an officer may also withdraw of their own motion.
          requestedBy:
            ctx.actor.kind === 'party' ? 'party' : p.requestedBy === 'officer' ? 'officer' : 'party',
          reason: p.reason as string,
          requestedOn: today,
        },
      };
    case 'rule_recusal':
      return { recusalRequest: null, teamOfficerIds: teamAfterRecusal(s, p) };
    case 'record_excluded_period': {
      const period = { kind: p.kind as DecisionPauseKind, from: p.from as string, to: p.to as string };
      const all = [...(s.decisionPauses ?? []), period].sort((a, b) => a.from.localeCompare(b.from));
      return { decisionPauses: all };
    }
    case 'suspend':
      return { suspension: { since: p.suspendedOn as string, reason: p.reason as string } };
    case 'resume': {
      const ended = endedSuspension(s, p.resumedOn as string);
      return { suspension: null, ...(ended ? { decisionPauses: [...(s.decisionPauses ?? []), ended] } : {}) };
    }
    case 'extend_lead_filing':
      return { leadExtensionCount: (s.leadExtensionCount ?? 0) + 1 };
    case 'request_hearing':
      return dates({ hearingRequestedOn: text(p.requestedOn) ?? today });
    case 'close_rights_period':
      return dates({ rightsPeriodClosedOn: today });
    case 'schedule_hearing':
      return {
        hearingHostOfficerId: p.hostOfficerId as string,
        ...dates({ hearingDate: p.hearingDate as string, hearingNoticeServedOn: p.noticeServedOn as string }),
      };
    case 'hold_hearing':
      return dates({ hearingHeldOn: today });
    case 'decide':
      return {
        penalty: p.penalty as PenaltyTerms,
        documentNo: p.documentNo as string,
        ...dates({ decidedOn: today }),
      };
    case 'decide_no_penalty':
      return { penalty: null, documentNo: text(p.documentNo) ?? null, ...dates({ decidedOn: today }) };
    case 'decide_on_spot':
      return {
        penalty: p.penalty as PenaltyTerms,
        notifiedPenalty: p.penalty as PenaltyTerms,
        documentNo: p.documentNo as string,
        ...dates({ decidedOn: today, servedOn: today }),
      };
    case 'approve_extension':
      return { extensionCount: s.extensionCount + 1 };
    case 'flag_complex':
      return { complexOrSerious: true };
    case 'mark_review_grounds':
      return {
        reviewGrounds: { grounds: p.grounds as ReviewGround[], reason: p.reason as string, markedOn: today },
      };
    case 'submit_legal_review':
      return { legalReview: newRound(s, p, ctx) };
    case 'record_review_opinion':
      return {
        legalReview: withLastRound(s, (r) => ({
          ...r,
          opinion: {
            kind: p.opinion as ReviewOpinionKind,
            reasons: p.reasons as string,
            findings: p.findings as ReviewFinding[],
            on: today,
            reviewerName: ctx.actor.name,
          },
        })),
      };
    case 'dispute_review_opinion':
      return {
        legalReview: withLastRound(s, (r) => ({
          ...r,
          dispute: { reasons: p.reasons as string, on: today, by: ctx.actor.name },
        })),
      };
    case 'coordinate_review':
      return {
        legalReview: withLastRound(s, (r) => ({
          ...r,
          coordination: {
            outcome: p.outcome as 'agree' | 'correct',
            reasons: p.reasons as string,
            collectiveDiscussion: p.collectiveDiscussion === true,
            on: today,
            by: ctx.actor.name,
          },
        })),
      };
    case 'extend_legal_review':
      return { legalReview: withLastRound(s, (r) => ({ ...r, extended: true })) };
    case 'reassign_team':
      return { teamOfficerIds: p.teamOfficerIds as string[] };
    case 'serve':
      return dates({ servedOn: p.servedOn as string });
    case 'approve_payment_deferral': {
      // 行政处罚法 art. 66 para 2: a schedule replaces any earlier one; its last day is the payment's end.
      const plan = p.instalments as { dueOn: string; amountFen: number }[] | undefined;
      if (!plan) return { instalments: [], ...dates({ paymentDueOverride: p.payUntil as string }) };
      return { instalments: plan, ...dates({ paymentDueOverride: plan.at(-1)?.dueOn as string }) };
    }
    case 'record_instalment_payment': {
      const plan = [...(s.instalments ?? [])];
      const i = plan.findIndex((x) => !x.paidOn);
      plan[i] = { ...(plan[i] as (typeof plan)[number]), paidOn: p.paidOn as string };
      return { instalments: plan, paidFen: (s.paidFen ?? 0) + (p.paidFen as number) };
    }
    case 'record_remedy':
      return {
        remedies: [
          ...(s.remedies ?? []),
          { kind: p.kind as 'reconsideration' | 'litigation', filedOn: p.filedOn as string },
        ],
      };
    case 'record_remedy_end': {
      const list = [...(s.remedies ?? [])];
      const i = list.findIndex((r) => r.kind === p.kind && !r.endedOn);
      list[i] = { ...(list[i] as (typeof list)[number]), endedOn: p.endedOn as string };
      return { remedies: list };
    }
    case 'collect_fine_on_spot': {
      const landed = text(p.landedOn);
      const detail = text(p.groundDetail);
      return {
        paidFen: p.paidFen as number,
        spotCollection: {
          receiptNo: p.receiptNo as string,
          ground: p.ground as SpotCollectionGround,
          collectedOn: p.executedOn as string,
          ...(detail ? { groundDetail: detail } : {}),
          ...(landed ? { landedOn: landed } : {}),
        },
        ...dates({ executedOn: p.executedOn as string }),
      };
    }
    case 'record_remittance':
      return dates({ remittedOn: p.remittedOn as string });
    case 'record_bank_deposit':
      return dates({ bankDepositedOn: p.depositedOn as string });
    case 'preserve_evidence':
      return {
        preservations: [
          ...(s.preservations ?? []),
          {
            items: p.items as string,
            approvalRef: p.approvalRef as string,
            preservedOn: p.preservedOn as string,
          },
        ],
      };
    case 'decide_preserved_evidence': {
      const list = [...(s.preservations ?? [])];
      const i = list.findIndex((x) => !x.decidedOn);
      list[i] = {
        ...(list[i] as (typeof list)[number]),
        decision: p.decision as PreservationDecision,
        decidedOn: p.decidedOn as string,
      };
      return { preservations: list };
    }
    case 'serve_demand_notice':
      return dates({ demandServedOn: p.servedOn as string });
    case 'apply_court_enforcement':
      return dates({ courtAppliedOn: today });
    case 'record_execution':
      return {
        paidFen: typeof p.paidFen === 'number' ? p.paidFen : null,
        ...dates({ executedOn: p.executedOn as string }),
      };
    case 'apply':
      return { documentNo: p.documentNo as string, ...dates({ coerciveAppliedOn: p.appliedOn as string }) };
    case 'extend':
      return { coerciveExtensionCount: s.coerciveExtensionCount + 1 };
    case 'record_testing': {
      // 行政强制法 art. 25 para 3: both ends of the testing period are days the term does not run.
      const days = calendarDaysBetween(p.testingFrom as string, p.testingTo as string) + 1;
      return { coerciveExcludedDays: s.coerciveExcludedDays + days };
    }
    case 'inspect':
      return dates({ inspectedOn: p.inspectedOn as string });
    case 'order_rectification':
      return dates({ rectifyBy: p.rectifyBy as string });
    default:
      return {};
  }
}

export function eventActor(ctx: Pick<TransitionContext, 'actor'>): EventActor {
  const a = ctx.actor;
  return a.kind === 'staff'
    ? { kind: 'staff', userId: a.userId, name: a.name, officerId: a.officerId }
    : { kind: 'party', partyId: a.partyId, name: a.name };
}

function checkContext(ctx: TransitionContext): RuleViolation[] {
  const instant = Date.parse(ctx.at);
  if (Number.isNaN(instant) || !isIsoDate(ctx.today) || dateInShanghai(instant) !== ctx.today) {
    return [violation('INVALID_CONTEXT_TIME', '操作时间与操作日期不一致')];
  }
  return [];
}

function run(
  snapshot: CaseSnapshot,
  spec: TransitionSpec,
  payload: Payload,
  ctx: TransitionContext,
): TransitionResult {
  const { clean, violations: checked } = checkInputs(spec, payload, ctx.today);
  const inputViolations = [...checked, ...chronologyViolations(snapshot, spec, clean)];
  const input: GuardInput = { snapshot, spec, payload: clean, ctx };
  const violations = [...guardActor(input), ...inputViolations];
  // Guards read the inputs, so they run only on inputs that passed; actor and input faults come together.
  if (inputViolations.length === 0) {
    violations.push(...guardAV(input));
    for (const key of spec.guards) violations.push(...GUARDS[key](input));
  }
  if (violations.length > 0) return { ok: false, violations };

  const changes: Changes = { state: spec.to, ...effects(snapshot, spec, clean, ctx) };
  const target = stateSpec(snapshot.procedure, spec.to);
  if (target?.kind === 'ended') {
    changes.outcome = spec.to;
    changes.dates = { ...(changes.dates ?? snapshot.dates), endedOn: ctx.today };
  }
  if (spec.to === 'archived') changes.dates = { ...(changes.dates ?? snapshot.dates), archivedOn: ctx.today };
  const next: CaseSnapshot = { ...snapshot, ...changes, version: snapshot.version + 1 };
  const event: CaseEvent = {
    caseId: snapshot.id,
    procedure: snapshot.procedure,
    sequence: next.version,
    action: spec.action,
    actionLabel: spec.label,
    from: snapshot.version === 0 ? null : snapshot.state,
    to: spec.to,
    actor: eventActor(ctx),
    at: ctx.at,
    on: ctx.today,
    payload: clean,
    changes,
    calendarVersion: ctx.calendar.version,
    rulebookVersion: ctx.rulebook.version,
  };
  return { ok: true, next, event, clocks: computeClocks(next, ctx) };
}

/** A record before its opening event: version 0, no state. */
export function blankSnapshot(id: string, procedure: Procedure, regionCode: string): CaseSnapshot {
  return {
    id,
    procedure,
    state: '',
    outcome: null,
    version: 0,
    regionCode,
    partyId: null,
    partyType: null,
    teamOfficerIds: [],
    complexOrSerious: false,
    penalty: null,
    notifiedPenalty: null,
    hearingEligible: false,
    hearingBasis: [],
    hearingHostOfficerId: null,
    extensionCount: 0,
    coerciveExtensionCount: 0,
    coerciveExcludedDays: 0,
    paidFen: null,
    documentNo: null,
    dates: {},
  };
}

/**
 * Opens a lead, a case (the filing, 立案), a summary procedure, a coercive measure or an inspection:
 * the table's opening transition from nothing to the initial state, with the same checks as any other.
 */
export function openCase(
  init: { id: string; procedure: Procedure; regionCode: string },
  payload: Payload,
  ctx: TransitionContext,
): TransitionResult {
  if (!(PROCEDURES as readonly string[]).includes(init.procedure)) {
    return {
      ok: false,
      violations: [violation('UNKNOWN_PROCEDURE', `未知的程序“${String(init.procedure)}”`)],
    };
  }
  const bad = checkContext(ctx);
  if (bad.length > 0) return { ok: false, violations: bad };
  const spec = MACHINES[init.procedure].opening;
  return run(blankSnapshot(init.id, init.procedure, init.regionCode), spec, payload, ctx);
}

export function applyTransition(
  snapshot: CaseSnapshot,
  command: CaseCommand,
  ctx: TransitionContext,
): TransitionResult {
  const bad = checkContext(ctx);
  if (bad.length > 0) return { ok: false, violations: bad };
  const { procedure, state } = snapshot;
  if (!(PROCEDURES as readonly string[]).includes(procedure) || snapshot.version === 0) {
    return { ok: false, violations: [violation('ILLEGAL_TRANSITION', '案件尚未开始或程序未知，不能办理')] };
  }
  if (!Object.hasOwn(ACTION_LABELS, command.action) || command.action === 'open') {
    return {
      ok: false,
      violations: [violation('UNKNOWN_ACTION', `未知的操作“${command.action}”`, 'action')],
    };
  }
  const spec = findTransition(procedure, state, command.action);
  if (!spec) {
    const label = ACTION_LABELS[command.action as keyof typeof ACTION_LABELS];
    const allowed = transitionsFrom(procedure, state).map((tr) => `“${tr.label}”`);
    const hint = allowed.length > 0 ? `；当前可办理：${allowed.join('、')}` : '；当前状态不能再办理任何操作';
    return {
      ok: false,
      violations: [
        violation(
          'ILLEGAL_TRANSITION',
          `当前状态为“${stateLabel(procedure, state)}”，不能“${label}”${hint}`,
          'action',
        ),
      ],
    };
  }
  return run(snapshot, spec, command.payload ?? {}, ctx);
}

/** Folds the events' changes: the stored snapshot must equal this (a check for the ledger and tests). */
export function replayEvents(events: readonly CaseEvent[]): CaseSnapshot | null {
  const first = events[0];
  if (!first) return null;
  let s = blankSnapshot(first.caseId, first.procedure, '');
  for (const e of events) s = { ...s, ...e.changes, version: e.sequence };
  return s;
}
