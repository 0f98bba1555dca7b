/**
 * The periods the 90-day decision limit (行政处罚法 art. 60) does not count, and suspension (中止).
 * Art. 60 lets laws, regulations and rules provide otherwise; the departmental rules (《市场监督管理行政处罚
 * 程序规定》) leave out of the limit the time of 听证, 公告, and 检测、检验、检疫、鉴定 and the like, and
 * let the case be suspended (中止) for a reason and resumed. Each period is recorded with both ends; the
 * clock (clocks.ts) adds their days to the limit and lists them, so its due date can be checked by hand.
 */
import { addDays } from '../../../platform/identifiers/date.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import type { Guard } from './guards.ts';
import { type CaseSnapshot, DECISION_PAUSE_LABELS, type DecisionPause } from './types.ts';

const ok: RuleViolation[] = [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const describe = (p: { kind: DecisionPause['kind']; from: string; to: string }) =>
  `${DECISION_PAUSE_LABELS[p.kind]}期间（${p.from}至${p.to}）`;

/** The recorded periods and a running suspension (to today), which a new period may not overlap. */
function takenPeriods(s: CaseSnapshot, today: string): DecisionPause[] {
  const out = [...(s.decisionPauses ?? [])];
  if (s.suspension) out.push({ kind: 'suspension', from: s.suspension.since, to: today });
  return out;
}

/** An excluded period lies after the filing, ends no later than today (the input), and overlaps nothing. */
export const guardExcludedPeriodValid: Guard = ({ snapshot, payload, ctx }) => {
  const from = str(payload.from);
  const to = str(payload.to);
  if (!from || !to) return ok;
  if (to < from) {
    return [
      violation('EXCLUDED_PERIOD_INVALID', `「结束日期」（${to}）不能早于「起始日期」（${from}）`, 'to'),
    ];
  }
  const filedOn = snapshot.dates.filedOn;
  if (filedOn && from < filedOn) {
    return [
      violation(
        'EXCLUDED_PERIOD_BEFORE_FILING',
        `「起始日期」（${from}）早于立案日期（${filedOn}），立案前的期间不计入办案期限本来就不计算`,
        'from',
      ),
    ];
  }
  const clash = takenPeriods(snapshot, ctx.today).find((p) => p.from <= to && from <= p.to);
  return clash
    ? [
        violation(
          'EXCLUDED_PERIOD_OVERLAP',
          `「起始日期」至「结束日期」（${from}至${to}）与已登记的${describe(clash)}重叠，同一日不能重复扣除`,
          'from',
        ),
      ]
    : ok;
};

/** 中止: not twice at once, not before the filing, not inside a period already left out. */
export const guardSuspensionAllowed: Guard = ({ snapshot, payload }) => {
  if (snapshot.suspension) {
    return [
      violation(
        'CASE_ALREADY_SUSPENDED',
        `案件已于${snapshot.suspension.since}中止调查，恢复后才能再次中止`,
        'suspendedOn',
      ),
    ];
  }
  const on = str(payload.suspendedOn);
  if (!on) return ok;
  const filedOn = snapshot.dates.filedOn;
  if (filedOn && on < filedOn) {
    return [
      violation(
        'SUSPENSION_BEFORE_FILING',
        `「中止日期」（${on}）不能早于立案日期（${filedOn}）`,
        'suspendedOn',
      ),
    ];
  }
  const clash = (snapshot.decisionPauses ?? []).find((p) => p.to >= on);
  return clash
    ? [
        violation(
          'EXCLUDED_PERIOD_OVERLAP',
          `「中止日期」（${on}）不能早于已登记的${describe(clash)}的结束，同一日不能重复扣除`,
          'suspendedOn',
        ),
      ]
    : ok;
};

/** 恢复: only a suspended case, and not before the day it was suspended. */
export const guardResumptionAllowed: Guard = ({ snapshot, payload }) => {
  const s = snapshot.suspension;
  if (!s) return [violation('CASE_NOT_SUSPENDED', '案件没有中止调查，无需恢复', 'resumedOn')];
  const on = str(payload.resumedOn);
  if (on && on < s.since) {
    return [
      violation(
        'RESUMPTION_BEFORE_SUSPENSION',
        `「恢复日期」（${on}）不能早于中止日期（${s.since}）`,
        'resumedOn',
      ),
    ];
  }
  return ok;
};

/** No decision while the case is suspended: the reason for the suspension has not gone away yet. */
export const guardNotSuspended: Guard = ({ snapshot }) =>
  snapshot.suspension
    ? [
        violation(
          'CASE_SUSPENDED',
          `案件已于${snapshot.suspension.since}中止调查（${snapshot.suspension.reason}），恢复调查后才能作出决定`,
        ),
      ]
    : ok;

/** The suspension ended by a resumption on `resumedOn`: it ran from its first day to the day before. */
export function endedSuspension(s: CaseSnapshot, resumedOn: string): DecisionPause | null {
  const since = s.suspension?.since;
  if (!since || resumedOn <= since) return null;
  return { kind: 'suspension', from: since, to: addDays(resumedOn, -1), reason: s.suspension?.reason ?? '' };
}
