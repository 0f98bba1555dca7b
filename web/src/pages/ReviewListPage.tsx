import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { penaltySummary } from '../caseFormat.ts';
import type { LegalReviewQueue } from '../caseTypes.ts';
import { REVIEW_STATUS_COLOR } from '../components/cases/CaseReviewCard.tsx';
import { ClockTag } from '../components/cases/ClockTag.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ReviewStatisticsCard } from '../components/ReviewStatisticsCard.tsx';
import { useAsync } from '../hooks.ts';
import { useUrlQuery } from '../urlState.ts';

type Item = LegalReviewQueue['items'][number];

function ReviewCard({ i }: { i: Item }) {
  return (
    <Link to={`/cases/${seg(i.caseId)}`} data-testid={`review-row-${i.caseId}`}>
      <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
        <Flex justify="space-between" align="start" gap={8} wrap>
          <Typography.Text strong>{i.title}</Typography.Text>
          <Flex gap={4} wrap>
            {i.mine ? <Tag color="blue">待我审核</Tag> : null}
            <Tag color={REVIEW_STATUS_COLOR[i.status]}>{i.statusLabel}</Tag>
            {i.clock && !i.clock.completedOn ? <ClockTag clock={i.clock} /> : null}
          </Flex>
        </Flex>
        <div style={{ fontSize: 13, marginTop: 6 }}>
          <div>
            第{i.round}轮 · {i.submittedOn} {i.submittedBy}送审 · 审核人员 {i.reviewerName}
          </div>
          {i.partyName ? <div>当事人：{i.partyName}</div> : null}
          {i.proposal ? <div>拟处理意见：{penaltySummary(i.proposal)}</div> : null}
          {i.reasons.length > 0 ? <div>重大执法决定：{i.reasons.join('；')}</div> : null}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {i.caseNumber ? `${i.caseNumber} · ` : ''}
          {i.stateLabel}
        </Typography.Text>
      </Card>
    </Link>
  );
}

const VIEWS = [
  { value: 'mine', label: '待我审核' },
  { value: 'open', label: '审核中和待协调' },
  { value: 'all', label: '全部' },
  { value: 'statistics', label: '统计' },
] as const;

/**
 * 法制审核工作台: the rounds waiting for the caller (a legal reviewer), and the agency's reviews with their
 * clocks — what is due soonest first.
 */
export function ReviewListPage() {
  const user = useUser();
  const [params, setParams] = useUrlQuery(['view'] as const);
  const view = params.view || (user.role === 'legal_reviewer' ? 'mine' : 'open');
  const setView = (v: string) => setParams({ view: v });
  const query = view === 'mine' ? { mine: true, open: true } : view === 'open' ? { open: true } : {};
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      view === 'statistics'
        ? Promise.resolve(undefined)
        : api.get<LegalReviewQueue>('/api/reviews', query, signal),
    view,
  );
  return (
    <>
      <PageHeader
        title="法制审核"
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} loading={loading} aria-label="刷新">
            刷新
          </Button>
        }
      />
      <Segmented
        options={VIEWS.filter((v) => v.value !== 'mine' || user.role === 'legal_reviewer').map((v) => ({
          value: v.value,
          label: v.label,
        }))}
        value={view}
        onChange={(v) => setView(String(v))}
        style={{ marginBottom: 12 }}
        data-testid="review-view"
      />
      {view === 'statistics' ? (
        <ReviewStatisticsCard />
      ) : error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Spin style={{ display: 'block', marginTop: 40 }} />
      ) : data.items.length === 0 ? (
        <Empty description={view === 'mine' ? '没有待您审核的案件' : '没有送法制审核的案件'} />
      ) : (
        <Flex vertical gap={8} data-testid="review-list">
          {data.items.map((i) => (
            <ReviewCard key={i.caseId} i={i} />
          ))}
        </Flex>
      )}
    </>
  );
}
