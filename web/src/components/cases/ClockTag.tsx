import { Tag, Tooltip } from 'antd';
import type { CaseClock } from '../../caseTypes.ts';

const COLORS = { ok: 'green', warning: 'orange', overdue: 'red', done: 'default' } as const;

/** 剩余 N 日 / 逾期 N 日 / 已完成, coloured by state; 「暂定」 where the official calendar is not loaded. */
export function remainingText(c: CaseClock): string {
  const unit = c.basis === 'working_days' ? '个工作日' : '日';
  const n = c.status.remainingDays;
  if (c.status.state === 'done') return c.status.late ? '已完成（逾期）' : '已完成';
  if (c.status.state === 'overdue') return n < 0 ? `逾期 ${-n} ${unit}` : '已逾期';
  if (n === 0) return '今日届满';
  return `剩余 ${n} ${unit}`;
}

export function clockSource(c: CaseClock): string {
  const src = c.source;
  if (!src) return '';
  return [src.zh, src.seedRef ? `（${src.seedRef}）` : ''].filter(Boolean).join('');
}

export function ClockTag({ clock, showLabel = false }: { clock: CaseClock; showLabel?: boolean }) {
  const provisional = clock.status.provisional || clock.provisional;
  const source = clockSource(clock);
  const tag = (
    <Tag color={COLORS[clock.status.state] ?? 'default'} data-clock-state={clock.status.state}>
      {showLabel ? `${clock.label}：` : ''}
      {remainingText(clock)}
      {provisional ? '（暂定）' : ''}
    </Tag>
  );
  return source ? <Tooltip title={`${clock.label}截止 ${clock.dueOn}。依据：${source}`}>{tag}</Tooltip> : tag;
}

export function ProvisionalTag() {
  return (
    <Tooltip title="期限跨越的年度尚未载入官方节假日安排，按暂定日历计算，载入后可能变化">
      <Tag color="gold">暂定</Tag>
    </Tooltip>
  );
}
