import { Card, Empty, Flex, Grid, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import type { CaseClock } from '../../caseTypes.ts';
import {
  ClockTag,
  clockSource,
  DUTY_TEXT,
  ProvisionalTag,
  rolledText,
  stateText,
  unitOf,
} from './ClockTag.tsx';

/**
 * A clock that runs in the case now (or ran out and waits for someone to act): shown by default. Not
 * yet open (pending: e.g. the court application before the remedy periods end), met or stopped: on request.
 */
export const isRunning = (k: CaseClock) => !['done', 'stopped', 'pending'].includes(k.status.state);

/**
 * 期限: the clocks that run now, each saying whose period it is; the ended ones on request. The legal
 * source, a rest-day move and a stop reason on hover.
 */
export function CaseClocksCard({ clocks }: { clocks: CaseClock[] }) {
  const mobile = !Grid.useBreakpoint().md;
  const [showEnded, setShowEnded] = useState(false);
  const ended = clocks.filter((k) => !isRunning(k)).length;
  const shown = showEnded ? clocks : clocks.filter(isRunning);
  const extra =
    ended > 0 ? (
      <Flex align="center" gap={6}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          显示未在计时的期限（{ended}）
        </Typography.Text>
        <Switch
          size="small"
          checked={showEnded}
          onChange={setShowEnded}
          aria-label="显示未在计时的期限"
          data-testid="case-clocks-show-ended"
        />
      </Flex>
    ) : null;
  if (mobile) return <ClockList clocks={shown} extra={extra} />;
  return (
    <Card title="期限" size="small" extra={extra}>
      <Table<CaseClock>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '当前没有计时的期限' }}
        onRow={(k) => ({ 'data-testid': `case-clock-${k.key}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: '期限',
            dataIndex: 'label',
            render: (label: string, k) => (
              <Tooltip title={clockSource(k) ? `依据：${clockSource(k)}` : undefined}>
                <Typography.Text style={{ borderBottom: '1px dashed #bbb' }}>{label}</Typography.Text>
              </Tooltip>
            ),
          },
          {
            title: '期限属于',
            dataIndex: 'duty',
            render: (duty: CaseClock['duty']) => (
              <Tag color={duty === 'party' ? 'blue' : 'default'} bordered={false}>
                {DUTY_TEXT[duty] ?? duty}
              </Tag>
            ),
          },
          {
            title: '截止日期',
            dataIndex: 'dueOn',
            render: (d: string, k) => (
              <>
                {d}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                  （{k.days}
                  {unitOf(k)}）
                </Typography.Text>
                {k.rolledFrom ? (
                  <Tooltip title={rolledText(k)}>
                    <Tag bordered={false} style={{ marginInlineStart: 4 }}>
                      顺延
                    </Tag>
                  </Tooltip>
                ) : null}
              </>
            ),
          },
          { title: '剩余', key: 'remaining', render: (_, k) => <ClockTag clock={k} /> },
          {
            title: '状态',
            key: 'state',
            render: (_, k) => (
              <>
                {k.stopReason ? <Tooltip title={k.stopReason}>{stateText(k)}</Tooltip> : stateText(k)}
                {k.completedOn ? `（${k.completedOn}）` : ''}
                {k.status.provisional || k.provisional ? <ProvisionalTag /> : null}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Phone width: one block per clock, nothing to scroll sideways. */
function ClockList({ clocks, extra }: { clocks: CaseClock[]; extra: ReactNode }) {
  return (
    <Card title="期限" size="small" extra={extra}>
      {clocks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有计时的期限" />
      ) : (
        <Flex vertical gap={10}>
          {clocks.map((k) => (
            <div key={k.key} data-testid={`case-clock-${k.key}`}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>
                  {k.label}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                    {DUTY_TEXT[k.duty] ?? ''}
                  </Typography.Text>
                </Typography.Text>
                <ClockTag clock={k} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                截止 {k.dueOn}（{k.days}
                {unitOf(k)}）· {stateText(k)}
                {k.status.provisional || k.provisional ? ' · 暂定' : ''}
              </Typography.Text>
              {k.rolledFrom || k.stopReason ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {[rolledText(k), k.stopReason].filter(Boolean).join('；')}
                </Typography.Paragraph>
              ) : null}
              {clockSource(k) ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  依据：{clockSource(k)}
                </Typography.Paragraph>
              ) : null}
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
