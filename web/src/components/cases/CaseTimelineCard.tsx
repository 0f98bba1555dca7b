import { Card, Empty, Timeline, Typography } from 'antd';
import { formatInstant, payloadLines } from '../../caseFormat.ts';
import type { CaseEvent } from '../../caseTypes.ts';

/** 时间线: every step taken, who took it, when (Beijing time) and with what. */
export function CaseTimelineCard({
  events,
  officerName,
}: {
  events: CaseEvent[];
  officerName: (id: string) => string | undefined;
}) {
  const sorted = [...events].sort((a, b) => a.sequence - b.sequence);
  return (
    <Card title="时间线" size="small">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={sorted.map((e, i) => ({
            key: e.sequence,
            color: i === sorted.length - 1 ? 'blue' : 'gray',
            content: (
              <div data-testid={`case-event-${e.sequence}`} data-action={e.action}>
                <Typography.Text strong>{e.actionLabel}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {e.fromLabel ? `${e.fromLabel} → ${e.toLabel}` : `→ ${e.toLabel}`}
                </Typography.Text>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
                  {e.actor?.name ?? '—'}
                  {e.actor?.kind === 'party' ? '（当事人）' : ''} · {formatInstant(e.at)}
                </div>
                {payloadLines(e.payload, officerName, e.action).map((l) => (
                  <div key={l.key} style={{ fontSize: 13, wordBreak: 'break-word' }}>
                    <Typography.Text type="secondary">{l.label}：</Typography.Text>
                    {l.value}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
