/**
 * Every time limit of a case as data: computed from the milestone dates the events recorded, on the
 * official calendar, with the region's rulebook. Each clock records the calendar and rulebook versions
 * it was computed with; a job recomputes and stores them, and warns before they expire (no timers).
 *
 * Counting (REQUIREMENTS "Conventions for time limits"): the triggering day is not counted; the limit
 * ends with the N-th counted day after it. Which limits are working days:
 *   行政处罚法 art. 85: only its 二日、三日、五日、七日 are working days → hearing request (5, art. 64(1)),
 *     hearing notice (7, art. 64(2)) and service (7, art. 61) are working days; the 90-day decision limit
 *     (art. 60) and the 15-day payment limit (art. 67) are calendar days.
 *   行政强制法 art. 69: only limits of ten days or less are working days → the 30-day term of 查封、扣押
 *     and its 30-day extension (art. 25) are calendar days.
 *   国办发〔2018〕118号 / 000:11: publication within 7 or 20 *working* days (it says 工作日).
 *   000:22: archiving within 30 (calendar) days of the end of the enforcement action.
 *
 * Rest days: a *party's* period counted in calendar days whose last day is a rest day ends on the next
 * working day (calendar rules, REST_DAY_ROLL_FORWARD: 市场监督管理行政处罚程序规定 on 期间; 民事诉讼法
 * art. 85 by analogy): served 2026-01-31, the 15-day payment limit's 15th day is 2026-02-15 (春节), so it
 * ends on 2026-02-24 and the surcharge runs from 02-25. The agency's own calendar-day limits (90-day
 * decision, coercive term, archiving) keep the plain count: REQUIREMENTS "Conventions for time limits"
 * and the seeds (000:22 archiving) say nothing else, and ending earlier is the safe side for the agency.
 */
import type { WorkingCalendar } from '../../../platform/calendar/rules.ts';
import { addDays } from '../../../platform/identifiers/date.ts';
import type { RuleKey, RuleSource } from '../../../platform/rulebook/defaults.ts';
import { type ResolvedRulebook, ruleValue } from '../../../platform/rulebook/resolve.ts';
import { type CaseSnapshot, DECISION_PAUSE_LABELS, type DecisionPauseKind } from './types.ts';

export const CLOCK_LABELS = {
  decision: '作出处罚决定期限',
  statementDefence: '陈述、申辩期限',
  hearingRequest: '申请听证期限',
  hearingNotice: '听证通知最迟送达日',
  service: '送达处罚决定书期限',
  payment: '缴纳罚款期限',
  demandPeriod: '催告履行期限',
  reconsideration: '申请行政复议期限',
  litigation: '提起行政诉讼期限',
  enforcementApplication: '申请人民法院强制执行期限',
  spotRemittance: '当场收缴罚款交至行政机关期限',
  bankDeposit: '罚款缴付指定银行期限',
  evidencePreservation: '先行登记保存处理决定期限',
  coerciveTerm: '查封扣押期限',
  archiving: '归档期限',
  publication: '执法决定公开期限',
  leadFiling: '案源核查处理期限',
  legalReview: '法制审核期限',
} as const;
export type ClockKey = keyof typeof CLOCK_LABELS;

/** `months`: `days` holds a number of months (民法典 art. 202; calendar rules `addMonths`). */
export type ClockBasis = 'working_days' | 'calendar_days' | 'months';

/**
 * Whose duty a clock measures, so that each reader sees it from their side: the agency's (its lateness is
 * the officer's failure, shown as overdue) or the party's (a right to state, defend, ask for a hearing,
 * or a duty to pay: when it runs out it is a fact the officer acts on, never the officer's lateness).
 */
export type ClockDuty = 'agency' | 'party';

export const CLOCK_DUTY: Readonly<Record<ClockKey, ClockDuty>> = {
  decision: 'agency',
  statementDefence: 'party',
  hearingRequest: 'party',
  hearingNotice: 'agency',
  service: 'agency',
  payment: 'party',
  demandPeriod: 'party',
  reconsideration: 'party',
  litigation: 'party',
  enforcementApplication: 'agency',
  spotRemittance: 'agency',
  bankDeposit: 'agency',
  evidencePreservation: 'agency',
  coerciveTerm: 'agency',
  archiving: 'agency',
  publication: 'agency',
  leadFiling: 'agency',
  legalReview: 'agency',
};

/**
 * The party's periods that are duties to perform (not rights): once they run out unmet the party is in
 * default (已逾期未缴纳), which the officer acts on (行政处罚法 art. 72: surcharge, enforcement).
 */
const PARTY_OBLIGATIONS: ReadonlySet<ClockKey> = new Set<ClockKey>(['payment', 'demandPeriod']);

export type Clock = {
  key: ClockKey;
  label: string;
  /** The day the count runs from (not counted). For `before` clocks, the event counted back from. */
  startsOn: string;
  /** Last day on which the duty is met in time. */
  dueOn: string;
  basis: ClockBasis;
  /** `after`: dueOn is N days after startsOn; `before`: N days before it (hearing notice). */
  direction: 'after' | 'before';
  days: number;
  /** A day examined lies in a year whose official calendar is not loaded: show as provisional. */
  provisional: boolean;
  /** When the duty was met (or stopped mattering); null while it runs. */
  completedOn: string | null;
  /** Whose period it is: the agency's duty or the party's period (CLOCK_DUTY). */
  duty: ClockDuty;
  /**
   * The plain N-th day when it was a rest day and dueOn was moved to the next working day (a party's
   * calendar-day period; calendar rules REST_DAY_ROLL_FORWARD); null otherwise.
   */
  rolledFrom: string | null;
  /**
   * Why the clock stopped without its duty being recorded as met (e.g. the case was archived before a
   * publication was recorded): completedOn is then the day it stopped. Null when met or running.
   */
  stopReason: string | null;
  /** The first day the duty can be performed (court enforcement: after the remedy periods); before it the
   * clock is `pending`. Null for clocks that can be met from their start. */
  opensOn: string | null;
  /** Warn this many days (in `basis`) before dueOn; platform policy from the rulebook. */
  warningDays: number;
  calendarVersion: string;
  rulebookVersion: string;
  /** Every rule parameter used; `source` is the first one's, with the layer that defined it. */
  ruleKeys: RuleKey[];
  source: RuleSource & { definedBy: string };
  /**
   * The periods the count left out, each with its days (the decision limit: 听证, 公告, 检测等, 中止), so
   * the due date can be checked by hand from startsOn, the rule values and these.
   */
  excluded: ExcludedPeriod[];
};

export type ExcludedPeriod = {
  kind: DecisionPauseKind;
  label: string;
  from: string;
  to: string;
  days: number;
};

export type ClockEnv = { calendar: WorkingCalendar; rulebook: ResolvedRulebook };

const DAY_MS = 86_400_000;
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Calendar days from a to b (negative when b is earlier). */
export function calendarDaysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The latest day that is still `days` working days before `date` (its own day not counted). */
export function workingDaysBefore(
  calendar: WorkingCalendar,
  date: string,
  days: number,
): { date: string; provisional: boolean } {
  let day = date;
  let counted = 0;
  let provisional = false;
  while (counted < days) {
    day = addDays(day, -1);
    const status = calendar.isWorkingDay(day);
    provisional ||= status.provisional;
    if (status.working) counted += 1;
  }
  return { date: day, provisional };
}

type Spec = {
  key: ClockKey;
  startsOn: string;
  basis: ClockBasis;
  /** Days added to startsOn; the sum of the rule values (and excluded days). */
  days: number;
  ruleKeys: RuleKey[];
  completedOn?: string | null | undefined;
  direction?: 'after' | 'before';
  /** A due date fixed by a decision (deferred payment) instead of the count. */
  dueOverride?: string | undefined;
  /** Set with completedOn when the clock stopped without its duty being met. */
  stopReason?: string | null | undefined;
  opensOn?: string | null | undefined;
  excluded?: ExcludedPeriod[];
};

function build(env: ClockEnv, spec: Spec): Clock {
  const { calendar, rulebook } = env;
  let dueOn: string;
  let provisional = false;
  let rolledFrom: string | null = null;
  if (spec.dueOverride) {
    dueOn = spec.dueOverride;
  } else if (spec.direction === 'before') {
    ({ date: dueOn, provisional } = workingDaysBefore(calendar, spec.startsOn, spec.days));
  } else if (spec.basis === 'working_days') {
    ({ date: dueOn, provisional } = calendar.addWorkingDays(spec.startsOn, spec.days));
  } else if (spec.basis === 'months') {
    const end = calendar.addMonths(spec.startsOn, spec.days);
    if (CLOCK_DUTY[spec.key] === 'party') {
      ({ date: dueOn, provisional } = end);
      if (end.unadjusted !== end.date) rolledFrom = end.unadjusted;
    } else {
      dueOn = end.unadjusted;
    }
  } else if (CLOCK_DUTY[spec.key] === 'party') {
    // A party's calendar-day period ending on a rest day ends on the next working day.
    const rolled = calendar.addCalendarDaysRolled(spec.startsOn, spec.days);
    ({ date: dueOn, provisional } = rolled);
    if (rolled.unadjusted !== rolled.date) rolledFrom = rolled.unadjusted;
  } else {
    dueOn = calendar.addCalendarDays(spec.startsOn, spec.days).date;
  }
  const primary = rulebook.params[spec.ruleKeys[0] as RuleKey];
  return {
    key: spec.key,
    label: CLOCK_LABELS[spec.key],
    startsOn: spec.startsOn,
    dueOn,
    basis: spec.basis,
    direction: spec.direction ?? 'after',
    days: spec.dueOverride ? calendarDaysBetween(spec.startsOn, spec.dueOverride) : spec.days,
    provisional,
    completedOn: spec.completedOn ?? null,
    duty: CLOCK_DUTY[spec.key],
    rolledFrom,
    stopReason: spec.completedOn ? (spec.stopReason ?? null) : null,
    opensOn: spec.opensOn ?? null,
    warningDays: ruleValue(rulebook, 'clockWarningDays'),
    calendarVersion: calendar.version,
    rulebookVersion: rulebook.version,
    ruleKeys: spec.ruleKeys,
    source: { ...primary.source, definedBy: primary.definedBy },
    excluded: spec.excluded ?? [],
  };
}

/** Every clock of the snapshot, running or completed. */
export function computeClocks(s: CaseSnapshot, env: ClockEnv): Clock[] {
  const v = (key: RuleKey) => ruleValue(env.rulebook, key);
  const d = s.dates;
  const clocks: Clock[] = [];
  const add = (spec: Spec) => clocks.push(build(env, spec));
  const penaltyProcedure = s.procedure === 'ordinary' || s.procedure === 'summary';

  if (s.procedure === 'lead' && d.openedOn) {
    // 《市场监督管理行政处罚程序规定》: filed, closed or transferred within 15 working days of the lead's
    // registration, one extension of 15 approved by the head (rulebook values, a region may differ).
    const extended = (s.leadExtensionCount ?? 0) > 0;
    add({
      key: 'leadFiling',
      startsOn: d.openedOn,
      basis: 'working_days',
      days: v('leadFilingWorkingDays') + (s.leadExtensionCount ?? 0) * v('leadFilingExtensionWorkingDays'),
      ruleKeys: extended
        ? ['leadFilingWorkingDays', 'leadFilingExtensionWorkingDays']
        : ['leadFilingWorkingDays'],
      completedOn: d.endedOn,
    });
  }
  if (s.procedure === 'ordinary' && d.filedOn) {
    // 行政处罚法 art. 60 (+ approved extensions), without the excluded periods and ended suspensions
    // (decision-pauses.ts); while suspended (中止) the clock stands still and says why.
    const keys: RuleKey[] =
      s.extensionCount > 0 ? ['decisionTimeLimitDays', 'decisionExtensionDays'] : ['decisionTimeLimitDays'];
    const excluded: ExcludedPeriod[] = (s.decisionPauses ?? []).map((p) => ({
      kind: p.kind,
      label: DECISION_PAUSE_LABELS[p.kind],
      from: p.from,
      to: p.to,
      days: calendarDaysBetween(p.from, p.to) + 1,
    }));
    const finished = d.decidedOn ?? d.endedOn;
    const suspended = !finished && s.suspension ? s.suspension : null;
    add({
      key: 'decision',
      startsOn: d.filedOn,
      basis: 'calendar_days',
      days:
        v('decisionTimeLimitDays') +
        s.extensionCount * v('decisionExtensionDays') +
        excluded.reduce((n, p) => n + p.days, 0),
      ruleKeys: keys,
      excluded,
      completedOn: finished ?? suspended?.since,
      stopReason: suspended
        ? `案件自${suspended.since}起中止调查（${suspended.reason}），办案期限暂停计算，恢复后顺延`
        : null,
    });
  }
  if (s.procedure === 'ordinary' && d.rightsNoticeServedOn) {
    const moved = d.rightsPeriodClosedOn ?? d.hearingRequestedOn ?? d.decidedOn ?? d.endedOn;
    add({
      key: 'statementDefence',
      startsOn: d.rightsNoticeServedOn,
      basis: 'working_days',
      days: v('statementDefenceWorkingDays'),
      ruleKeys: ['statementDefenceWorkingDays'],
      completedOn: moved,
    });
    if (s.hearingEligible) {
      add({
        key: 'hearingRequest',
        startsOn: d.rightsNoticeServedOn,
        basis: 'working_days',
        days: v('hearingRequestWorkingDays'),
        ruleKeys: ['hearingRequestWorkingDays'],
        completedOn: moved,
      });
    }
  }
  if (d.hearingDate) {
    add({
      key: 'hearingNotice',
      startsOn: d.hearingDate,
      basis: 'working_days',
      direction: 'before',
      days: v('hearingNoticeWorkingDays'),
      ruleKeys: ['hearingNoticeWorkingDays'],
      completedOn: d.hearingNoticeServedOn,
    });
  }
  const penaltyDecided = penaltyProcedure && d.decidedOn && s.outcome !== 'no_penalty';
  if (s.procedure === 'ordinary' && penaltyDecided && d.decidedOn) {
    add({
      key: 'service',
      startsOn: d.decidedOn,
      basis: 'working_days',
      days: v('serviceWorkingDays'),
      ruleKeys: ['serviceWorkingDays'],
      completedOn: d.servedOn ?? (s.outcome ? d.endedOn : undefined),
    });
  }
  if (penaltyDecided && d.servedOn && (s.penalty?.fineFen ?? 0) > 0) {
    add({
      key: 'payment',
      startsOn: d.servedOn,
      basis: 'calendar_days',
      days: v('paymentDays'),
      ruleKeys: ['paymentDays'],
      // 行政处罚法 art. 66 para 2: in instalments the limit is the next unpaid instalment's day.
      dueOverride: nextInstalment(s)?.dueOn ?? d.paymentDueOverride,
      completedOn: d.executedOn,
    });
  }
  if (penaltyDecided && d.servedOn) enforcementClocks(s, env, add);
  collectionClocks(s, env, add);
  reviewClocks(s, env, add);
  if (s.procedure === 'coercive' && d.coerciveAppliedOn) {
    const keys: RuleKey[] =
      s.coerciveExtensionCount > 0 ? ['coerciveTermDays', 'coerciveExtensionDays'] : ['coerciveTermDays'];
    add({
      key: 'coerciveTerm',
      startsOn: d.coerciveAppliedOn,
      basis: 'calendar_days',
      days:
        v('coerciveTermDays') +
        s.coerciveExtensionCount * v('coerciveExtensionDays') +
        s.coerciveExcludedDays,
      ruleKeys: keys,
      completedOn: d.endedOn,
    });
  }
  const publication = publicationStart(s);
  if (publication) {
    const key: RuleKey = publication.penalty
      ? 'publicationPenaltyLicenceWorkingDays'
      : 'publicationOtherWorkingDays';
    // The publicity module records the publication (P8) on the case (PublicationMark): published stops the
    // clock met; a decision the agency may not publish (minors, secrets, 行政处罚法 art. 48) stops it with
    // the reason. Archiving does not: an unpublished decision stays the agency's duty.
    const mark = s.publication ?? null;
    const withheld = mark?.status === 'withheld' && mark.withheldOn ? mark.withheldOn : null;
    add({
      key: 'publication',
      startsOn: publication.on,
      basis: 'working_days',
      days: v(key),
      ruleKeys: [key],
      completedOn: mark?.publishedOn ?? withheld,
      stopReason: withheld ? `依法不予公开：${mark?.reason ?? ''}` : null,
    });
  }
  if (s.procedure !== 'lead' && d.endedOn && s.outcome) {
    add({
      key: 'archiving',
      startsOn: d.endedOn,
      basis: 'calendar_days',
      days: v('archivingDays'),
      ruleKeys: ['archivingDays'],
      completedOn: d.archivedOn,
    });
  }
  return clocks;
}

/** The first instalment not yet paid, or the last one when all are (the schedule's end). */
export function nextInstalment(s: CaseSnapshot): { dueOn: string; amountFen: number } | undefined {
  const plan = s.instalments ?? [];
  return plan.find((i) => !i.paidOn) ?? plan.at(-1);
}

/**
 * 法制审核 (L7): the latest round's time from its submission (a case keeps one clock per key; the earlier
 * rounds' dates stay in their records).
 */
function reviewClocks(s: CaseSnapshot, env: ClockEnv, add: (spec: Spec) => void): void {
  const v = (key: RuleKey) => ruleValue(env.rulebook, key);
  const r = s.legalReview?.rounds.at(-1);
  if (!r) return;
  add({
    key: 'legalReview',
    startsOn: r.submittedOn,
    basis: 'working_days',
    days: v('legalReviewWorkingDays') + (r.extended ? v('legalReviewExtensionWorkingDays') : 0),
    ruleKeys: r.extended
      ? ['legalReviewWorkingDays', 'legalReviewExtensionWorkingDays']
      : ['legalReviewWorkingDays'],
    completedOn: r.opinion?.on ?? null,
  });
}

/**
 * 行政处罚法 art. 71 (+ art. 85: 二日 are working days): the officer hands a fine collected on the spot to
 * the agency within 2 working days of collecting it (on water, of landing), and the agency pays it into
 * the designated bank within 2 working days of receiving it. Both are the agency's duties.
 * 行政处罚法 art. 56: evidence preserved in advance is decided on within 7 (working) days.
 */
function collectionClocks(s: CaseSnapshot, env: ClockEnv, add: (spec: Spec) => void): void {
  const v = (key: RuleKey) => ruleValue(env.rulebook, key);
  const spot = s.spotCollection;
  if (spot) {
    add({
      key: 'spotRemittance',
      startsOn: spot.landedOn ?? spot.collectedOn,
      basis: 'working_days',
      days: v('onSpotRemittanceWorkingDays'),
      ruleKeys: ['onSpotRemittanceWorkingDays'],
      completedOn: s.dates.remittedOn,
    });
    if (s.dates.remittedOn) {
      add({
        key: 'bankDeposit',
        startsOn: s.dates.remittedOn,
        basis: 'working_days',
        days: v('bankDepositWorkingDays'),
        ruleKeys: ['bankDepositWorkingDays'],
        completedOn: s.dates.bankDepositedOn,
      });
    }
  }
  // One clock per preservation; an undecided one first, so findClock reads the one that runs.
  const preservations = [...(s.preservations ?? [])].sort(
    (a, b) => Number(Boolean(a.decidedOn)) - Number(Boolean(b.decidedOn)),
  );
  for (const p of preservations) {
    add({
      key: 'evidencePreservation',
      startsOn: p.preservedOn,
      basis: 'working_days',
      days: v('evidencePreservationWorkingDays'),
      ruleKeys: ['evidencePreservationWorkingDays'],
      completedOn: p.decidedOn,
    });
  }
}

/** The 复议 or 诉讼 of that kind the party started, if any (the first). */
const remedyOf = (s: CaseSnapshot, kind: 'reconsideration' | 'litigation') =>
  (s.remedies ?? []).find((r) => r.kind === kind);

/**
 * 行政处罚法 art. 73(3): days within a 行政复议 or 行政诉讼 (from the application to its end, both counted;
 * to `on` while it runs) do not count for the surcharge. Returns how many of the days after `dueOn` up to
 * and including `on` fall in such a period (overlapping proceedings counted once).
 */
export function pausedDays(s: CaseSnapshot, dueOn: string, on: string): number {
  let count = 0;
  for (let day = addDays(dueOn, 1); day <= on; day = addDays(day, 1)) {
    if ((s.remedies ?? []).some((r) => r.filedOn <= day && day <= (r.endedOn ?? on))) count += 1;
  }
  return count;
}

/**
 * The party's remedy periods from service of the decision and, when a fine goes unpaid, the 催告 and the
 * window for applying to the court (行政强制法 arts. 53–54; 行政处罚法 art. 72(1)(4)). They matter only until
 * the decision is performed or the case ends: then they stop, with the reason.
 */
function enforcementClocks(s: CaseSnapshot, env: ClockEnv, add: (spec: Spec) => void): void {
  const v = (key: RuleKey) => ruleValue(env.rulebook, key);
  const d = s.dates;
  const servedOn = d.servedOn as string;
  const performed = d.executedOn ?? d.endedOn;
  const stop = performed
    ? { completedOn: performed, stopReason: '处罚决定已执行完毕或案件已办结，不再计时' }
    : d.courtAppliedOn
      ? { completedOn: d.courtAppliedOn, stopReason: '已申请人民法院强制执行' }
      : {};
  // 行政复议法 art. 20, 行政诉讼法 art. 46: the party's periods (moved off a rest day, as the party's).
  const remedies: Spec[] = [
    {
      key: 'reconsideration',
      startsOn: servedOn,
      basis: 'calendar_days',
      days: v('reconsiderationDays'),
      ruleKeys: ['reconsiderationDays'],
      // The party used the right: the period is met on the day of the application.
      ...(remedyOf(s, 'reconsideration') && !d.executedOn
        ? { completedOn: remedyOf(s, 'reconsideration')?.filedOn }
        : stop),
    },
    {
      key: 'litigation',
      startsOn: servedOn,
      basis: 'months',
      days: v('litigationMonths'),
      ruleKeys: ['litigationMonths'],
      ...(remedyOf(s, 'litigation') && !d.executedOn
        ? { completedOn: remedyOf(s, 'litigation')?.filedOn }
        : stop),
    },
  ];
  const built = remedies.map((spec) => build(env, spec));
  for (const spec of remedies) add(spec);
  // 行政强制法 art. 53: the window follows the remedy periods and, where the party used them (行政处罚法
  // art. 73), the end of the 复议 or 诉讼; while one runs the court is not asked (no window yet).
  const proceedings = s.remedies ?? [];
  const remediesEnd = [...built.map((c) => c.dueOn), ...proceedings.map((r) => r.endedOn ?? '')]
    .sort()
    .at(-1) as string;
  // 行政强制法 art. 54 + art. 69: 10 working days after the 催告书 was served.
  let demandEnd: string | undefined;
  if (d.demandServedOn) {
    const demand = build(env, {
      key: 'demandPeriod',
      startsOn: d.demandServedOn,
      basis: 'working_days',
      days: v('demandNoticeWaitWorkingDays'),
      ruleKeys: ['demandNoticeWaitWorkingDays'],
    });
    demandEnd = demand.dueOn;
    add({
      key: 'demandPeriod',
      startsOn: d.demandServedOn,
      basis: 'working_days',
      days: v('demandNoticeWaitWorkingDays'),
      ruleKeys: ['demandNoticeWaitWorkingDays'],
      ...(d.executedOn
        ? { completedOn: d.executedOn }
        : d.courtAppliedOn
          ? { completedOn: d.courtAppliedOn, stopReason: '已申请人民法院强制执行' }
          : d.endedOn
            ? { completedOn: d.endedOn, stopReason: '案件已办结，不再计时' }
            : {}),
    });
  }
  if ((s.penalty?.fineFen ?? 0) <= 0) return;
  if (proceedings.some((r) => !r.endedOn) && !performed && !d.courtAppliedOn) return;
  // art. 53: within 3 months of the end of the remedy periods (the agency's limit: the plain count);
  // art. 54: and only once the 催告's 10 working days have passed.
  const opensAfter = demandEnd && demandEnd > remediesEnd ? demandEnd : remediesEnd;
  add({
    key: 'enforcementApplication',
    startsOn: remediesEnd,
    basis: 'months',
    days: v('courtEnforcementApplicationMonths'),
    ruleKeys: ['courtEnforcementApplicationMonths', 'reconsiderationDays', 'litigationMonths'],
    opensOn: addDays(opensAfter, 1),
    ...(d.courtAppliedOn
      ? { completedOn: d.courtAppliedOn }
      : performed
        ? { completedOn: performed, stopReason: '罚款已缴纳或案件已办结，无需申请强制执行' }
        : {}),
  });
}

/**
 * When the decision to be published (P8) was made, and whether it is a penalty (7 working days) or
 * another decision (20). A 不予行政处罚 decision is counted as "other": see the report's uncertainties.
 */
export function publicationStart(s: CaseSnapshot): { on: string; penalty: boolean } | null {
  const d = s.dates;
  if ((s.procedure === 'ordinary' || s.procedure === 'summary') && d.decidedOn) {
    return { on: d.decidedOn, penalty: s.outcome !== 'no_penalty' };
  }
  if (s.procedure === 'coercive' && d.coerciveAppliedOn) return { on: d.coerciveAppliedOn, penalty: false };
  if (
    s.procedure === 'inspection' &&
    d.endedOn &&
    (s.outcome === 'closed' || s.outcome === 'lead_registered')
  ) {
    return { on: d.endedOn, penalty: false };
  }
  return null;
}

export function findClock(clocks: readonly Clock[], key: ClockKey): Clock | undefined {
  return clocks.find((c) => c.key === key);
}

/**
 * `pending`: cannot be performed before `opensOn`. `ok`/`warning`: running (warning within warningDays of dueOn). `overdue`: an agency duty past dueOn, the
 * officer's lateness. `expired`: a party's right period that ran out (期满, neutral: the case may move on).
 * `defaulted`: a party's duty to perform past dueOn and not met (已逾期未缴纳: the officer acts on it).
 * `done`: met (or the case moved on). `stopped`: no longer runs in the case, without being met (stopReason).
 */
export type ClockState =
  | 'pending'
  | 'ok'
  | 'warning'
  | 'overdue'
  | 'expired'
  | 'defaulted'
  | 'done'
  | 'stopped';
export const CLOCK_STATES = [
  'pending',
  'ok',
  'warning',
  'overdue',
  'expired',
  'defaulted',
  'done',
  'stopped',
] as const satisfies readonly ClockState[];

export type ClockStatus = {
  /**
   * Days from `today` to dueOn in the clock's basis (working days for working-day clocks): negative when
   * overdue. For a completed clock, the days to spare at completion (negative when met late).
   */
  remainingDays: number;
  state: ClockState;
  /**
   * Completed after dueOn. For an agency clock, met late; for a party's right period, it had run out
   * before the case moved on (期满); for a party's duty, met late (逾期缴纳).
   */
  late: boolean;
  provisional: boolean;
};

function between(
  clock: Clock,
  from: string,
  to: string,
  calendar: WorkingCalendar,
): { n: number; provisional: boolean } {
  if (clock.basis !== 'working_days') return { n: calendarDaysBetween(from, to), provisional: false };
  if (to >= from) {
    const r = calendar.workingDaysBetween(from, to);
    return { n: r.count, provisional: r.provisional };
  }
  const r = calendar.workingDaysBetween(to, from);
  return { n: -r.count, provisional: r.provisional };
}

/**
 * How a clock stands on `today`: `warning` from `warningDays` before dueOn through dueOn itself,
 * `overdue` from the day after. Overdue working-day clocks can show 0 remaining when today is a holiday
 * right after dueOn; `state` is decided by the dates, not by the count.
 */
export function clockStatus(clock: Clock, today: string, calendar: WorkingCalendar): ClockStatus {
  const at = clock.completedOn ?? today;
  const r = between(clock, at, clock.dueOn, calendar);
  const late = at > clock.dueOn;
  const provisional = clock.provisional || r.provisional;
  if (clock.completedOn && clock.stopReason) {
    return { remainingDays: r.n, state: 'stopped', late: false, provisional };
  }
  if (clock.completedOn) return { remainingDays: r.n, state: 'done', late, provisional };
  if (clock.opensOn && today < clock.opensOn) {
    return { remainingDays: r.n, state: 'pending', late: false, provisional };
  }
  if (late) {
    const duty = clock.duty ?? CLOCK_DUTY[clock.key];
    const state: ClockState =
      duty === 'agency' ? 'overdue' : PARTY_OBLIGATIONS.has(clock.key) ? 'defaulted' : 'expired';
    return { remainingDays: r.n, state, late: false, provisional };
  }
  const state: ClockState = r.n <= clock.warningDays ? 'warning' : 'ok';
  return { remainingDays: r.n, state, late: false, provisional };
}

/**
 * A stored clock as the answers show it, with where it stands on `today`. Clocks stored before a field
 * existed get it here (whose duty from the key; not moved; not stopped), so every answer has every field.
 */
export function clockView(clock: Clock, today: string, calendar: WorkingCalendar) {
  const full: Clock = {
    ...clock,
    duty: clock.duty ?? CLOCK_DUTY[clock.key],
    rolledFrom: clock.rolledFrom ?? null,
    stopReason: clock.stopReason ?? null,
    opensOn: clock.opensOn ?? null,
    excluded: clock.excluded ?? [],
  };
  return { ...full, status: clockStatus(full, today, calendar) };
}

export type Surcharge = { daysLate: number; surchargeFen: number; capped: boolean };

/**
 * 行政处罚法 art. 72(1)(1) (and 行政强制法 art. 45): from the day after the payment limit, each day adds
 * `percentPerDay` % of the fine, never more than the fine. Integer fen; a fraction of a fen is dropped
 * (in the party's favour). Whether to impose it is the agency's call ("可以"); the amount is not.
 */
export function lateSurcharge(
  fineFen: number,
  dueOn: string,
  on: string,
  percentPerDay: number,
  /** Days late not counted: within a 行政复议 or 行政诉讼 (行政处罚法 art. 73(3); `pausedDays`). */
  notCounted = 0,
): Surcharge {
  if (!Number.isSafeInteger(fineFen) || fineFen < 0)
    throw new RangeError(`fine must be integer fen: ${fineFen}`);
  const daysLate = Math.max(0, calendarDaysBetween(dueOn, on) - notCounted);
  const basisPoints = BigInt(Math.round(percentPerDay * 100));
  const raw = (BigInt(fineFen) * basisPoints * BigInt(daysLate)) / 10_000n;
  const capped = raw >= BigInt(fineFen) && daysLate > 0;
  return { daysLate, surchargeFen: capped ? fineFen : Number(raw), capped };
}

/** The surcharge due on `on` for the case's fine, or null when there is no running payment clock. */
export function surchargeOn(s: CaseSnapshot, on: string, env: ClockEnv): Surcharge | null {
  const payment = findClock(computeClocks(s, env), 'payment');
  const fine = s.penalty?.fineFen ?? 0;
  if (!payment || fine <= 0) return null;
  const rate = ruleValue(env.rulebook, 'lateSurchargePercentPerDay');
  // 行政处罚法 art. 66: in instalments each instalment is late on its own (a paid one up to its payment
  // day), capped at its own amount; art. 73(3): days within a 复议 or 诉讼 are not counted.
  const plan = s.instalments?.length
    ? s.instalments.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen, until: i.paidOn ?? on }))
    : [{ dueOn: payment.dueOn, amountFen: fine, until: on }];
  const parts = plan.map((i) =>
    lateSurcharge(i.amountFen, i.dueOn, i.until, rate, pausedDays(s, i.dueOn, i.until)),
  );
  return {
    daysLate: Math.max(0, ...parts.map((p) => p.daysLate)),
    surchargeFen: parts.reduce((n, p) => n + p.surchargeFen, 0),
    capped: parts.some((p) => p.capped),
  };
}
