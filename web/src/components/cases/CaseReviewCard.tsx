import { Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { penaltySummary } from '../../caseFormat.ts';
import { PAYLOAD_VALUE_LABELS, REVIEW_POINT_LABELS } from '../../caseLabels.ts';
import type { CaseDetail } from '../../caseTypes.ts';
import { ReviewChecklistSection } from './ReviewChecklistFacts.tsx';

type Round = NonNullable<NonNullable<CaseDetail['snapshot']['legalReview']>['rounds']>[number];

/** The review's status as a tag colour (the case page and the workbench). */
export const REVIEW_STATUS_COLOR: Record<CaseDetail['legalReview']['status'], string> = {
  not_required: 'default',
  pending: 'orange',
  in_review: 'processing',
  corrected: 'warning',
  agreed: 'success',
  transferred: 'purple',
  coordination: 'error',
};

const OPINION_COLOR: Record<string, string> = { agree: 'success', correct: 'warning', transfer: 'purple' };

function RoundView({ r }: { r: Round }) {
  const problems = r.opinion?.findings.filter((f) => !f.ok) ?? [];
  return (
    <div data-testid={`review-round-${r.round}`}>
      <Typography.Text strong>第{r.round}轮</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {r.submittedOn} {r.submittedBy.name}送审 · 审核人员 {r.reviewerName}
        {r.extended ? ' · 审核期限已延长' : ''}
      </Typography.Text>
      <div style={{ fontSize: 13, marginTop: 4 }}>
        {r.subject.penalty ? <div>拟处理意见：{penaltySummary(r.subject.penalty)}</div> : null}
        <div>违法事实：{r.subject.facts}</div>
        <div>法律依据：{r.subject.provisions}</div>
        {r.subject.discretion ? <div>裁量理由：{r.subject.discretion}</div> : null}
        {r.response ? <div>对上一轮审核意见的处理情况：{r.response}</div> : null}
      </div>
      {r.opinion ? (
        <div style={{ marginTop: 6 }}>
          <Tag color={OPINION_COLOR[r.opinion.kind]} data-testid={`review-opinion-${r.round}`}>
            {PAYLOAD_VALUE_LABELS.opinion?.[r.opinion.kind]}
          </Tag>
          <Typography.Text type="secondary">
            {r.opinion.on} {r.opinion.reviewerName}
          </Typography.Text>
          <div style={{ fontSize: 13 }}>理由：{r.opinion.reasons}</div>
          {problems.length === 0 ? (
            <div style={{ fontSize: 13 }}>审核内容清单{r.opinion.findings.length}项均符合</div>
          ) : (
            <ul style={{ margin: '4px 0', paddingInlineStart: 20, fontSize: 13 }}>
              {problems.map((f) => (
                <li key={f.point}>
                  {REVIEW_POINT_LABELS[f.point] ?? f.point}：{f.note}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <div style={{ marginTop: 6 }}>
          <Tag color="processing">审核中</Tag>
        </div>
      )}
      {r.dispute ? (
        <div style={{ fontSize: 13, marginTop: 4 }}>
          {r.dispute.on} {r.dispute.by}提出不同意见：{r.dispute.reasons}
        </div>
      ) : null}
      {r.coordination ? (
        <div style={{ fontSize: 13, marginTop: 4 }}>
          {r.coordination.on} {r.coordination.by}
          {r.coordination.collectiveDiscussion ? '（经负责人集体讨论）' : ''}协调：
          {PAYLOAD_VALUE_LABELS.outcome?.[r.coordination.outcome]}。{r.coordination.reasons}
        </div>
      ) : null}
    </div>
  );
}

/**
 * 法制审核 (行政处罚法 art. 58): whether the decision is a major one and why (the catalogue entries and the
 * grounds the officer marked), where the review stands, and every round with its opinion.
 */
export function CaseReviewCard({ c }: { c: CaseDetail }) {
  const r = c.legalReview;
  const rounds = c.snapshot.legalReview?.rounds ?? [];
  if (!r.required && rounds.length === 0 && r.grounds.length === 0) return null;
  return (
    <Card
      size="small"
      title="法制审核"
      extra={
        <Space size={4} wrap>
          <Tag color={REVIEW_STATUS_COLOR[r.status]} data-testid="review-status">
            {r.statusLabel}
          </Tag>
          {rounds.length > 0 ? (
            <Link to={`/cases/${c.id}/review-trail`} data-testid="review-trail-link">
              责任追溯
            </Link>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="重大执法决定">
          {r.required ? (
            <Space orientation="vertical" size={0}>
              {r.matched.map((m) => (
                <span key={m.entryId}>
                  符合目录清单：{m.label}
                  {r.catalogueVersion ? `（第${r.catalogueVersion}版）` : ''}
                </span>
              ))}
              {r.grounds.map((g) => (
                <span key={g}>{g}</span>
              ))}
            </Space>
          ) : (
            '否'
          )}
        </Descriptions.Item>
        {c.snapshot.reviewGrounds ? (
          <Descriptions.Item label="认定理由">{c.snapshot.reviewGrounds.reason}</Descriptions.Item>
        ) : null}
      </Descriptions>
      {rounds.length > 0 ? (
        <Timeline
          style={{ marginTop: 12 }}
          items={[...rounds]
            .reverse()
            .map((round) => ({ key: round.round, content: <RoundView r={round} /> }))}
        />
      ) : null}
      <ReviewChecklistSection caseId={c.id} />
    </Card>
  );
}
