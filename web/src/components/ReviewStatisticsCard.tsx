import { DatePicker, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api.ts';
import { todayInShanghai } from '../caseFormat.ts';
import type { LegalReviewStatistics } from '../caseTypes.ts';
import { useAsync } from '../hooks.ts';
import { LoadError } from './LoadError.tsx';

type Row = LegalReviewStatistics['agencies'][number];

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * 法制审核统计 (L1): per agency in the caller's scope, what was submitted in the period, the opinions, the
 * coordinations, the time taken and whether on time, beside the reviewer ratio against 5%.
 */
export function ReviewStatisticsCard() {
  const today = todayInShanghai();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs(`${today.slice(0, 4)}-01-01`), dayjs(today)]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<LegalReviewStatistics>('/api/reviews/statistics', { from, to }, signal),
    `${from}:${to}`,
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  const total = data?.total;
  return (
    <div data-testid="review-statistics">
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        onChange={(v) => {
          if (v?.[0] && v[1]) setRange([v[0], v[1]]);
        }}
        style={{ marginBottom: 12 }}
      />
      {total ? (
        <Typography.Paragraph>
          送审 {total.submitted} 轮（{total.cases} 件）· 同意 {total.agree} · 纠正 {total.correct} · 移送{' '}
          {total.transfer} · 协调 {total.coordinated} · 审核中 {total.open}
          {total.overdue ? `（超期 ${total.overdue}）` : ''} · 按期 {total.onTime} · 超期提出 {total.late}
          {total.averageWorkingDays !== null ? ` · 平均用时 ${total.averageWorkingDays} 个工作日` : ''}
        </Typography.Paragraph>
      ) : null}
      <Table<Row>
        size="small"
        rowKey="agencyId"
        loading={loading}
        dataSource={data?.agencies ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '执法主体', dataIndex: 'agencyName', fixed: 'left', width: 180 },
          { title: '送审轮次', dataIndex: 'submitted', width: 80 },
          { title: '同意', dataIndex: 'agree', width: 60 },
          { title: '纠正', dataIndex: 'correct', width: 60 },
          { title: '移送', dataIndex: 'transfer', width: 60 },
          { title: '协调', dataIndex: 'coordinated', width: 60 },
          {
            title: '审核中',
            width: 90,
            render: (_, r) => (
              <>
                {r.open}
                {r.overdue ? (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    超期{r.overdue}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: '按期/超期', width: 90, render: (_, r) => `${r.onTime} / ${r.late}` },
          {
            title: '平均用时',
            width: 100,
            render: (_, r) => (r.averageWorkingDays === null ? '—' : `${r.averageWorkingDays} 个工作日`),
          },
          {
            title: '审核人员占比',
            width: 150,
            render: (_, r) => (
              <>
                {r.reviewers}/{r.officers} {percent(r.reviewerRatio)}{' '}
                {r.ratioMet ? null : <Tag color="orange">低于{percent(r.requiredRatio)}</Tag>}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
