import { Card, Empty, Flex, Grid, Table, Tooltip, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { CaseClock } from '../../caseTypes.ts';
import { ClockTag, clockSource, ProvisionalTag } from './ClockTag.tsx';

const STATE_TEXT = { ok: '进行中', warning: '即将届满', overdue: '已逾期', done: '已完成' } as const;

/** 期限: every clock of the case, the legal source on hover. */
export function CaseClocksCard({ clocks }: { clocks: CaseClock[] }) {
  const mobile = !Grid.useBreakpoint().md;
  if (mobile) return <ClockList clocks={clocks} />;
  return (
    <Card title="期限" size="small">
      <Table<CaseClock>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={clocks}
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
            title: '截止日期',
            dataIndex: 'dueOn',
            render: (d: string, k) => (
              <>
                {d}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                  （{k.days}
                  {k.basis === 'working_days' ? '个工作日' : '日'}）
                </Typography.Text>
              </>
            ),
          },
          { title: '剩余', key: 'remaining', render: (_, k) => <ClockTag clock={k} /> },
          {
            title: '状态',
            key: 'state',
            render: (_, k) => (
              <>
                {STATE_TEXT[k.status.state] ?? k.status.state}
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

const unit = (k: CaseClock) => (k.basis === 'working_days' ? '个工作日' : '日');

/** Phone width: one block per clock, nothing to scroll sideways. */
function ClockList({ clocks }: { clocks: CaseClock[] }) {
  return (
    <Card title="期限" size="small">
      {clocks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有计时的期限" />
      ) : (
        <Flex vertical gap={10}>
          {clocks.map((k) => (
            <div key={k.key} data-testid={`case-clock-${k.key}`}>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong>{k.label}</Typography.Text>
                <ClockTag clock={k} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                截止 {k.dueOn}（{k.days}
                {unit(k)}）· {STATE_TEXT[k.status.state] ?? k.status.state}
                {k.status.provisional || k.provisional ? ' · 暂定' : ''}
              </Typography.Text>
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
