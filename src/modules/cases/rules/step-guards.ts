/**
 * Guards of particular steps: the hearing (行政处罚法 arts. 62-64), the summary procedure (arts. 51-52),
 * service and payment (arts. 61, 66-67, 72) and coercive measures (行政强制法 arts. 25-28). The
 * general guards (team, actor, AV, legal review, time limit) and the registry are in guards.ts.
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { ruleValue } from '../../../platform/rulebook/resolve.ts';
import { type ClockKey, computeClocks, findClock, surchargeOn, workingDaysBefore } from './clocks.ts';
import type { Guard, GuardInput } from './guards.ts';
import { checkSummaryEligible, formatYuan } from './penalty.ts';
import type { PenaltyTerms } from './types.ts';

const ok: RuleViolation[] = [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const clock = (input: GuardInput, key: ClockKey) => findClock(computeClocks(input.snapshot, input.ctx), key);

export const guardHearingAvailable: Guard = ({ snapshot }) =>
  snapshot.hearingEligible
    ? ok
    : [
        violation(
          'HEARING_NOT_AVAILABLE',
          '告知的拟处罚不属于行政处罚法第六十三条规定的听证范围，不能申请听证',
        ),
      ];

/** 行政处罚法 art. 64(1) + art. 85: within 5 working days of the notice. */
export const guardHearingRequestInTime: Guard = (input) => {
  const c = clock(input, 'hearingRequest');
  const on = str(input.payload.requestedOn) ?? input.ctx.today;
  if (!c) return ok; // no hearing right was notified: guardHearingAvailable says so
  if (on < c.startsOn) return [violation('INVALID_INPUT', '听证申请日期早于告知书送达日期', 'requestedOn')];
  return on <= c.dueOn
    ? ok
    : [
        violation(
          'HEARING_REQUEST_LATE',
          `听证应当在告知后${c.days}个工作日内提出，期限已于${c.dueOn}届满（行政处罚法第六十四条）`,
          'requestedOn',
        ),
      ];
};

/** 行政处罚法 art. 62: no decision before the party could state, defend and ask for a hearing. */
export const guardRightsPeriodOver: Guard = (input) => {
  if (input.payload.waived === true) return ok;
  const running = computeClocks(input.snapshot, input.ctx)
    .filter((c) => c.key === 'statementDefence' || c.key === 'hearingRequest')
    .map((c) => c.dueOn)
    .filter((due) => input.ctx.today <= due)
    .sort();
  const last = running.at(-1);
  if (last === undefined) return ok;
  const what = input.snapshot.hearingEligible ? '陈述、申辩和申请听证' : '陈述、申辩';
  return [
    violation(
      'RIGHTS_PERIOD_NOT_OVER',
      `当事人${what}的期限至${last}届满，届满前不得进入决定，当事人书面放弃的除外（行政处罚法第六十二条）`,
    ),
  ];
};

export const guardWaiverRecorded: Guard = ({ payload }) =>
  payload.waived === true && !str(payload.waiverRef)
    ? [violation('WAIVER_RECORD_REQUIRED', '当事人放弃陈述、申辩或听证的，须登记其书面放弃声明', 'waiverRef')]
    : ok;

/** 行政处罚法 art. 64(2) + art. 85: notified at least 7 working days before the hearing. */
export const guardHearingNoticeInTime: Guard = (input) => {
  const hearingDate = input.payload.hearingDate as string;
  const servedOn = input.payload.noticeServedOn as string;
  const days = ruleValue(input.ctx.rulebook, 'hearingNoticeWorkingDays');
  const latest = workingDaysBefore(input.ctx.calendar, hearingDate, days).date;
  if (servedOn <= latest) return ok;
  return [
    violation(
      'HEARING_NOTICE_TOO_LATE',
      `听证通知应当在举行听证的${days}个工作日前送达：听证日期${hearingDate}，最迟应于${latest}通知（行政处罚法第六十四条）`,
      'noticeServedOn',
    ),
  ];
};

/** 行政处罚法 art. 64(4): the hearing is presided over by someone who did not investigate the case. */
export const guardHearingHostIndependent: Guard = ({ snapshot, payload }) =>
  snapshot.teamOfficerIds.includes(payload.hostOfficerId as string)
    ? [
        violation(
          'HEARING_HOST_IS_INVESTIGATOR',
          '听证由行政机关指定的非本案调查人员主持（行政处罚法第六十四条）',
          'hostOfficerId',
        ),
      ]
    : ok;

export const guardHearingDateReached: Guard = ({ snapshot, ctx }) => {
  const date = snapshot.dates.hearingDate;
  if (!date) return [violation('HEARING_NOT_SCHEDULED', '尚未安排听证')];
  return ctx.today >= date ? ok : [violation('HEARING_DATE_NOT_REACHED', `听证定于${date}举行，尚未到期`)];
};

export const guardSummaryThresholds: Guard = ({ snapshot, payload, ctx }) =>
  snapshot.partyType
    ? checkSummaryEligible(payload.penalty as PenaltyTerms, snapshot.partyType, ctx.rulebook)
    : ok;

export const guardRightsNotifiedOnSpot: Guard = ({ payload }) =>
  payload.rightsNotified === true
    ? ok
    : [
        violation(
          'RIGHTS_NOTICE_REQUIRED',
          '当场处罚前应当告知当事人拟处罚的事实、理由、依据并听取陈述、申辩（行政处罚法第四十四条、第五十二条）',
          'rightsNotified',
        ),
      ];

/** 行政处罚法 art. 61 para 2: electronic service only with the party's signed consent. */
export const guardElectronicServiceConsent: Guard = ({ payload }) =>
  payload.method === 'electronic' && !str(payload.consentRef)
    ? [
        violation(
          'ELECTRONIC_SERVICE_CONSENT_REQUIRED',
          '电子送达须经当事人同意并签订确认书（行政处罚法第六十一条）',
          'consentRef',
        ),
      ]
    : ok;

export const guardHasFine: Guard = ({ snapshot }) =>
  (snapshot.penalty?.fineFen ?? 0) > 0 ? ok : [violation('NO_FINE', '处罚决定中没有罚款')];

/** Execution of a fine: the fine plus the art. 72 surcharge due that day, unless not imposed (with reason). */
export const guardPaymentComplete: Guard = (input) => {
  const fine = input.snapshot.penalty?.fineFen ?? 0;
  if (fine <= 0) return ok;
  const paid = input.payload.paidFen;
  if (typeof paid !== 'number')
    return [violation('PAID_AMOUNT_REQUIRED', '处罚决定有罚款，须登记实缴金额', 'paidFen')];
  const on = input.payload.executedOn as string;
  // Per late instalment, without the days of a 复议 or 诉讼 (行政处罚法 arts. 66, 73(3); clocks.ts surchargeOn).
  const surcharge = !str(input.payload.surchargeNotImposedReason)
    ? (surchargeOn(input.snapshot, on, input.ctx)?.surchargeFen ?? 0)
    : 0;
  if (paid >= fine + surcharge) return ok;
  const detail =
    surcharge > 0 ? `罚款${formatYuan(fine)}及加处罚款${formatYuan(surcharge)}` : `罚款${formatYuan(fine)}`;
  return [
    violation(
      'PAYMENT_INSUFFICIENT',
      `应缴${detail}，实缴${formatYuan(paid)}，尚未缴清（行政处罚法第七十二条）`,
      'paidFen',
    ),
  ];
};

export const guardPaymentOverdue: Guard = (input) => {
  const c = clock(input, 'payment');
  if (!c || input.ctx.today > c.dueOn) return ok;
  return [violation('PAYMENT_NOT_OVERDUE', `缴款期限至${c.dueOn}届满，期满前不能申请强制执行`)];
};

/**
 * 行政强制法 art. 54: the 催告 comes after the payment limit ran out unpaid, and is served after it and
 * not before the decision was served.
 */
export const guardDemandNoticeAllowed: Guard = (input) => {
  const c = clock(input, 'payment');
  if (!c) return [violation('NO_FINE', '处罚决定中没有罚款，无需催告缴纳')];
  if (input.ctx.today <= c.dueOn) {
    return [
      violation(
        'PAYMENT_NOT_OVERDUE',
        `缴款期限至${c.dueOn}届满，期满后当事人仍未缴纳的才能催告（行政强制法第五十四条）`,
        'servedOn',
      ),
    ];
  }
  const servedOn = str(input.payload.servedOn);
  if (servedOn && servedOn <= c.dueOn) {
    return [
      violation(
        'DEMAND_NOTICE_TOO_EARLY',
        `「催告书送达日期」（servedOn）${servedOn}不能早于缴款期限届满的次日（期限至${c.dueOn}）`,
        'servedOn',
      ),
    ];
  }
  return ok;
};

/**
 * 行政强制法 arts. 53–54 (行政处罚法 art. 72(1)(4)): the court is asked only after the payment limit, a 催告
 * served at least 10 working days before, the party's 复议 (60 days) and 诉讼 (6 months) periods from
 * service of the decision, and within 3 months after those periods end. Each refusal has its own code.
 */
export const guardCourtEnforcementAllowed: Guard = (input) => {
  const { ctx, snapshot } = input;
  const clocks = computeClocks(snapshot, ctx);
  const find = (key: ClockKey) => findClock(clocks, key);
  const payment = find('payment');
  if (payment && ctx.today <= payment.dueOn) {
    return [
      violation(
        'PAYMENT_NOT_OVERDUE',
        `缴款期限至${payment.dueOn}届满，期满前不能申请强制执行（行政处罚法第七十二条）`,
        'servedOn',
      ),
    ];
  }
  const out: RuleViolation[] = [];
  const demand = find('demandPeriod');
  if (!snapshot.dates.demandServedOn || !demand) {
    out.push(
      violation(
        'DEMAND_NOTICE_REQUIRED',
        '申请人民法院强制执行前应当催告当事人履行义务，尚未登记「催告书送达日期」（demandServedOn）（行政强制法第五十四条）',
        'demandServedOn',
      ),
    );
  } else if (ctx.today <= demand.dueOn) {
    out.push(
      violation(
        'DEMAND_PERIOD_NOT_OVER',
        `「催告书送达日期」（demandServedOn）为${snapshot.dates.demandServedOn}，送达${demand.days}个工作日后（${demand.dueOn}以后）当事人仍未履行的，才能申请强制执行（行政强制法第五十四条、第六十九条）`,
        'demandServedOn',
      ),
    );
  }
  const reconsideration = find('reconsideration');
  const litigation = find('litigation');
  const window = find('enforcementApplication');
  const remediesEnd = [reconsideration?.dueOn, litigation?.dueOn].filter(Boolean).sort().at(-1);
  if (remediesEnd && ctx.today <= remediesEnd) {
    out.push(
      violation(
        'REMEDY_PERIOD_NOT_OVER',
        `自「决定书送达日期」（servedOn）${snapshot.dates.servedOn}起，当事人申请行政复议的期限至${reconsideration?.dueOn}、提起行政诉讼的期限至${litigation?.dueOn}届满；期满前不能申请人民法院强制执行（行政强制法第五十三条）`,
        'servedOn',
      ),
    );
  } else if (window && ctx.today > window.dueOn) {
    out.push(
      violation(
        'ENFORCEMENT_APPLICATION_LATE',
        `申请人民法院强制执行应当自复议、诉讼期限届满之日（${window.startsOn}）起${window.days}个月内提出，已于${window.dueOn}届满（行政强制法第五十三条）`,
        'court',
      ),
    );
  }
  return out;
};

/** 行政强制法 art. 25: one extension, approved before the term ends. */
export const guardCoerciveExtensionInTime: Guard = (input) => {
  if (input.snapshot.coerciveExtensionCount >= 1) {
    return [violation('COERCIVE_EXTENSION_USED', '查封扣押期限只能延长一次（行政强制法第二十五条）')];
  }
  const c = clock(input, 'coerciveTerm');
  if (c && input.ctx.today > c.dueOn) {
    return [
      violation(
        'COERCIVE_TERM_EXPIRED',
        `查封扣押期限已于${c.dueOn}届满，不能延长，应当解除（行政强制法第二十八条）`,
      ),
    ];
  }
  return ok;
};

/** 行政强制法 art. 27: the disposal decision is made within the term; after it the measure is released. */
export const guardCoerciveWithinTerm: Guard = (input) => {
  const c = clock(input, 'coerciveTerm');
  if (!c || input.ctx.today <= c.dueOn) return ok;
  return [
    violation(
      'COERCIVE_TERM_EXPIRED',
      `查封扣押期限已于${c.dueOn}届满，应当解除（行政强制法第二十七条、第二十八条）`,
    ),
  ];
};

export const guardTestingPeriodValid: Guard = ({ snapshot, payload, ctx }) => {
  const from = payload.testingFrom as string;
  const to = payload.testingTo as string;
  const applied = snapshot.dates.coerciveAppliedOn;
  if (from > to) return [violation('TESTING_PERIOD_INVALID', '检测结束日期早于起始日期', 'testingTo')];
  if (applied && from < applied)
    return [violation('TESTING_PERIOD_INVALID', `检测起始日期早于查封扣押实施日期${applied}`, 'testingFrom')];
  if (to > ctx.today) return [violation('TESTING_PERIOD_INVALID', '检测结束后再登记检测期间', 'testingTo')];
  return ok;
};
