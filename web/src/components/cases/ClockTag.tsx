import { Tag, Tooltip } from 'antd';
import type { CaseClock, ClockState } from '../../caseTypes.ts';

/**
 * Colours from the reader's side: red only for the agency's own lateness; a party's running period is
 * information (blue), its end a neutral fact (期满), an unpaid fine past its limit something to act on.
 */
const AGENCY_COLORS: Record<ClockState, string> = {
  pending: 'default',
  ok: 'green',
  warning: 'orange',
  overdue: 'red',
  expired: 'default',
  defaulted: 'orange',
  done: 'default',
  stopped: 'default',
};
const PARTY_COLORS: Record<ClockState, string> = {
  ...AGENCY_COLORS,
  ok: 'blue',
  warning: 'blue',
  defaulted: 'volcano',
};

/** 本机关 / 当事人: whose period the clock is (the server's `duty`). */
export const DUTY_TEXT = { agency: '本机关', party: '当事人' } as const;

/** The unit of the clock's `days` (a number of months for a `months` clock). */
export const unitOf = (c: CaseClock) =>
  c.basis === 'working_days' ? '个工作日' : c.basis === 'months' ? '个月' : '日';
/** Remaining days are counted in working days for working-day clocks, in calendar days otherwise. */
const remainingUnit = (c: CaseClock) => (c.basis === 'working_days' ? '个工作日' : '日');

/** What the clock's state means for its reader, in a few words (状态 column, phone list). */
export function stateText(c: CaseClock): string {
  const party = c.duty === 'party';
  switch (c.status.state) {
    case 'pending':
      return c.opensOn ? `${c.opensOn}起可办理` : '尚未开始';
    case 'ok':
      return party ? '当事人期间进行中' : '进行中';
    case 'warning':
      return party ? '当事人期间即将届满' : '即将届满';
    case 'overdue':
      return '已逾期';
    case 'expired':
      return '期满';
    case 'defaulted':
      return c.key === 'payment' ? '已逾期未缴纳' : '期满未履行';
    case 'done':
      if (c.key === 'payment') return c.status.late ? '已缴纳（逾期）' : '已缴纳';
      if (party) return c.status.late ? '期满' : '已结束';
      return c.status.late ? '已完成（逾期）' : '已完成';
    case 'stopped':
      return '已停止计时';
    default:
      return c.status.state;
  }
}

/** 剩余 N 日 / 逾期 N 日 / 期满 / 已逾期未缴纳 / 已完成, by whose period it is and its state. */
export function remainingText(c: CaseClock): string {
  const unit = remainingUnit(c);
  const n = c.status.remainingDays;
  const state = c.status.state;
  if (['done', 'stopped', 'expired', 'defaulted', 'pending'].includes(state)) {
    return stateText(c);
  }
  if (state === 'overdue') return n < 0 ? `逾期 ${-n} ${unit}` : '已逾期';
  if (n === 0) return '今日届满';
  return `剩余 ${n} ${unit}`;
}

/** The rule's source as its readers know it: the law's words. (`seedRef` locates it in our seed files, for
 * engineers; a clerk would read "(000:11)" as a code.) */
export function clockSource(c: CaseClock): string {
  return c.source?.zh ?? '';
}

/** The due date's note: a party's period moved off a rest day (calendar rules, REST_DAY_ROLL_FORWARD). */
export function rolledText(c: CaseClock): string {
  return c.rolledFrom ? `第 ${c.days} 日（${c.rolledFrom}）为休息日，顺延至其后第一个工作日` : '';
}

/** Whose clock it is, the state, and why the clock says so (source, move, stop reason) on hover. */
export function ClockTag({ clock, showLabel = false }: { clock: CaseClock; showLabel?: boolean }) {
  const provisional = clock.status.provisional || clock.provisional;
  const source = clockSource(clock);
  const colors = clock.duty === 'party' ? PARTY_COLORS : AGENCY_COLORS;
  const notes = [
    `${clock.label}（${DUTY_TEXT[clock.duty] ?? ''}）截止 ${clock.dueOn}`,
    rolledText(clock),
    clock.stopReason ?? '',
    source ? `依据：${source}` : '',
  ].filter(Boolean);
  return (
    <Tooltip title={notes.join('。')}>
      <Tag
        color={colors[clock.status.state] ?? 'default'}
        data-clock-state={clock.status.state}
        data-clock-duty={clock.duty}
      >
        {showLabel ? `${clock.label}：` : ''}
        {remainingText(clock)}
        {provisional ? '（暂定）' : ''}
      </Tag>
    </Tooltip>
  );
}

export function ProvisionalTag() {
  return (
    <Tooltip title="期限跨越的年度尚未载入官方节假日安排，按暂定日历计算，载入后可能变化">
      <Tag color="gold">暂定</Tag>
    </Tooltip>
  );
}
