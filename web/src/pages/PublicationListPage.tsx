import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Pagination, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PublicationList } from '../../../src/modules/publicity/contract.ts';
import {
  DECISION_CATEGORY_LABELS,
  PUBLICATION_STATUS_LABELS,
} from '../../../src/modules/publicity/rules/publication.ts';
import { api } from '../api.ts';
import { ClockTag } from '../components/cases/ClockTag.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PublicationDrawer } from '../components/PublicationDrawer.tsx';
import { useAsync } from '../hooks.ts';
import { useUrlQuery } from '../urlState.ts';

type Item = PublicationList['items'][number];

const STATUS_COLOR: Record<string, string> = {
  pending: 'orange',
  published: 'green',
  withheld: 'default',
  withdrawn: 'red',
  removed: 'default',
};

function PublicationCard({ i, onOpen }: { i: Item; onOpen: () => void }) {
  return (
    <Card
      size="small"
      hoverable
      styles={{ body: { padding: 12 } }}
      onClick={onOpen}
      data-testid={`publication-row-${i.caseId}`}
    >
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Typography.Text strong>{i.title}</Typography.Text>
        <Flex gap={4} wrap>
          <Tag color={STATUS_COLOR[i.status]}>
            {PUBLICATION_STATUS_LABELS[i.status as keyof typeof PUBLICATION_STATUS_LABELS] ?? i.status}
          </Tag>
          {i.clock && i.status === 'pending' ? <ClockTag clock={i.clock} /> : null}
        </Flex>
      </Flex>
      <div style={{ fontSize: 13, marginTop: 6 }}>
        <div>
          {DECISION_CATEGORY_LABELS[i.category]} · 决定于 {i.decidedOn ?? '—'}
          {i.partyName ? ` · 当事人：${i.partyName}` : ''}
        </div>
        {i.publishedOn ? (
          <div>
            {i.publishedOn} 公开{i.periodUntil ? `，公示至 ${i.periodUntil}` : ''}
            {i.documentNumber ? ` · ${i.documentNumber}` : ''}
          </div>
        ) : null}
        {i.reason ? <div>理由：{i.reason}</div> : null}
      </div>
      {i.caseNumber ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.caseNumber}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

const VIEWS = [
  { value: 'pending', label: '待公开' },
  { value: 'recorded', label: '已公开和不予公开' },
] as const;
const PAGE_SIZE = 50;

/**
 * 执法决定公开: the decisions the agency still has to publish, the most urgent first with their 7- or
 * 20-working-day clocks, and those already published, withheld or withdrawn.
 */
export function PublicationListPage() {
  const [params, setParams] = useUrlQuery(['view', 'page'] as const);
  const view = params.view === 'recorded' ? 'recorded' : 'pending';
  const page = Math.max(1, Number(params.page) || 1);
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<PublicationList>('/api/publications', { view, page, pageSize: PAGE_SIZE }, signal),
    `${view}:${page}`,
  );
  return (
    <>
      <PageHeader
        title="执法决定公开"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label="刷新">
            刷新
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        行政处罚决定自作出之日起7个工作日内公开，其他执法决定20个工作日内公开（国办发〔2018〕118号）；公开前请核对自动隐去的个人信息。
      </Typography.Paragraph>
      <Segmented
        options={VIEWS.map((v) => ({ value: v.value, label: v.label }))}
        value={view}
        onChange={(v) => setParams({ view: String(v), page: '' })}
        style={{ marginBottom: 12 }}
        data-testid="publication-view"
      />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Spin style={{ display: 'block', marginTop: 40 }} />
      ) : data.items.length === 0 ? (
        <Empty description={view === 'pending' ? '没有待公开的执法决定' : '尚无公开记录'} />
      ) : (
        <Flex vertical gap={8} data-testid="publication-list">
          {data.items.map((i) => (
            <PublicationCard key={i.caseId} i={i} onOpen={() => setOpen(i.caseId)} />
          ))}
          {data.total > PAGE_SIZE ? (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              showSizeChanger={false}
              onChange={(p) => setParams({ page: String(p) })}
            />
          ) : null}
        </Flex>
      )}
      <PublicationDrawer key={open ?? ''} caseId={open} onClose={() => setOpen(null)} onDone={reload} />
    </>
  );
}
