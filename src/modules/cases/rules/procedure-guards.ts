/**
 * Guards of the ordinary procedure's own procedures (issue 10): the limitation of penalties (行政处罚法
 * art. 36). The general guards are in guards.ts, those of particular steps in step-guards.ts.
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { ruleValue } from '../../../platform/rulebook/resolve.ts';
import type { Guard } from './guards.ts';

const ok: RuleViolation[] = [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** "24 个月" reads as the law says it: 二年. */
function period(months: number): string {
  return months % 12 === 0 ? `${months / 12}年` : `${months}个月`;
}

/**
 * 行政处罚法 art. 36: a violation not discovered within 2 years — 5 where citizens' life and health
 * safety or financial safety is involved with harm — is not penalised. The period runs from the act, or
 * from the end of a continuing act (para 2), to its discovery: the lead's registration when the case is
 * filed from a lead (the lead's own `file` step reads it from the lead), else the day of filing. The last
 * day is the corresponding day of the last month on the official calendar, not moved off a rest day: the
 * limitation bounds the agency's power, so it may not be lengthened in the agency's favour.
 */
export const guardLimitation: Guard = ({ snapshot, payload, ctx }) => {
  const committed = str(payload.violationOn);
  if (!committed) return ok; // the input check already named the missing date
  const ended = str(payload.violationEndedOn);
  if (ended && ended < committed) {
    return [
      violation(
        'VIOLATION_DATES_INVALID',
        `「违法行为连续或者继续状态终了日期」（${ended}）不能早于「违法行为发生日期」（${committed}）`,
        'violationEndedOn',
      ),
    ];
  }
  const discovered = str(payload.discoveredOn) ?? snapshot.dates.openedOn ?? ctx.today;
  const from = ended ?? committed;
  const field = ended ? 'violationEndedOn' : 'violationOn';
  if (from > discovered) {
    return [
      violation(
        'VIOLATION_AFTER_DISCOVERY',
        `「${ended ? '违法行为连续或者继续状态终了日期' : '违法行为发生日期'}」（${from}）不能晚于发现违法行为之日（${discovered}）`,
        field,
      ),
    ];
  }
  const safety = payload.involvesSafety === true;
  const months = ruleValue(ctx.rulebook, safety ? 'limitationSafetyMonths' : 'limitationMonths');
  let lastDay: string;
  try {
    lastDay = ctx.calendar.addMonths(from, months).unadjusted;
  } catch {
    return [violation('INVALID_INPUT', `「违法行为发生日期」（${from}）超出可计算的范围`, field)];
  }
  if (discovered <= lastDay) return ok;
  const act = ended ? `违法行为的连续或者继续状态于${ended}终了` : `违法行为发生于${committed}`;
  const which = safety ? '涉及公民生命健康安全、金融安全且有危害后果的，期限为' : '';
  return [
    violation(
      'LIMITATION_EXPIRED',
      `${act}，${which}${period(months)}内未被发现（期限至${lastDay}届满，发现于${discovered}），不再给予行政处罚，不予立案（行政处罚法第三十六条）`,
      field,
    ),
  ];
};

/**
 * 行政处罚法 art. 45: "对当事人提出的事实、理由和证据，应当进行复核". A penalty decision waits until the
 * re-examination of the last statement or defence recorded is itself recorded.
 */
export const guardStatementReexamined: Guard = ({ snapshot }) =>
  snapshot.reexaminationPending === true
    ? [
        violation(
          'STATEMENT_REEXAMINATION_REQUIRED',
          '当事人提出了陈述、申辩，作出行政处罚决定前须记录对其事实、理由和证据的复核结论及理由（行政处罚法第四十五条）',
        ),
      ]
    : ok;

/** A 复核 re-examines something the party said: without a statement on record there is nothing to review. */
export const guardStatementToReexamine: Guard = ({ snapshot }) =>
  snapshot.reexaminationPending === true
    ? ok
    : [violation('NO_STATEMENT_TO_REEXAMINE', '本案没有尚未复核的陈述、申辩，无需复核')];
