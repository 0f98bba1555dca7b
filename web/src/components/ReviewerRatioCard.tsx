import { Alert, Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { api, seg } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { ratioPercentText, ratioWarningText, requiredPercentText, sourceText } from '../ratio.ts';
import type { ReviewerRatio } from '../types.ts';

export function RatioTag({ ratio }: { ratio: ReviewerRatio }) {
  return ratio.meets ? <Tag color="success">达标</Tag> : <Tag color="error">{ratioWarningText(ratio)}</Tag>;
}

/** 法制审核人员占比 of one agency (`GET /api/agencies/:id/reviewer-ratio`). */
export function ReviewerRatioCard({
  agencyId,
  title = '法制审核人员占比',
}: {
  agencyId: string;
  title?: string;
}) {
  const { data, error, loading } = useAsync(
    (signal) => api.get<ReviewerRatio>(`/api/agencies/${seg(agencyId)}/reviewer-ratio`, undefined, signal),
    agencyId,
  );
  return (
    <Card title={title} loading={loading && !data} size="small">
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {data ? (
        <>
          {!data.meets ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={ratioWarningText(data)}
              description={`执法人员 ${data.officers} 人，法制审核人员 ${data.reviewers} 人，要求不低于 ${requiredPercentText(data)}${
                data.requiredReviewers !== undefined ? `（至少 ${data.requiredReviewers} 人）` : ''
              }。`}
            />
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={12} sm={6}>
              <Statistic title="执法人员" value={data.officers} suffix="人" />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title="法制审核人员" value={data.reviewers} suffix="人" />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title="占比" value={ratioPercentText(data)} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title="要求" value={`≥ ${requiredPercentText(data)}`} />
            </Col>
          </Row>
          <div style={{ marginTop: 8 }}>
            <RatioTag ratio={data} />
            {sourceText(data.source) ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                依据：{sourceText(data.source)}
              </Typography.Text>
            ) : null}
          </div>
        </>
      ) : null}
    </Card>
  );
}
