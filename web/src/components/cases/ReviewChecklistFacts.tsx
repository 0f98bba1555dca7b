import { Alert, Collapse, Tag, Typography } from 'antd';
import { api, seg } from '../../api.ts';
import type { ReviewChecklist } from '../../caseTypes.ts';
import { useAsync } from '../../hooks.ts';

export type ChecklistPoint = ReviewChecklist['points'][number];

/**
 * The platform's own answers to the 审核内容清单 (蚌埠任务分解方案 item 30), fetched once per case. The
 * reviewer still decides every point; these are the records gathered for them.
 */
export function useReviewChecklist(caseId: string | undefined) {
  return useAsync(
    (signal) =>
      caseId
        ? api.get<ReviewChecklist>(`/api/reviews/${seg(caseId)}/checklist`, undefined, signal)
        : Promise.resolve({ points: [] }),
    caseId ?? '',
  );
}

/** One point's facts; a point with something to look at is marked 须注意 and framed in orange. */
export function PointFacts({ answer }: { answer: ChecklistPoint }) {
  return (
    <div
      data-testid={`checklist-facts-${answer.point}`}
      data-attention={answer.attention ? 'true' : 'false'}
      style={{
        borderInlineStart: `3px solid ${answer.attention ? '#fa8c16' : '#d9d9d9'}`,
        background: answer.attention ? '#fff7e6' : '#fafafa',
        padding: '4px 8px',
        margin: '4px 0 6px',
        fontSize: 13,
      }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        平台核查
      </Typography.Text>
      {answer.attention ? (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          须注意
        </Tag>
      ) : null}
      <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
        {answer.facts.map((f, i) => (
          // Lines are in the server's order and may repeat (two steps on one day): the index keys them.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
          <li key={i} style={{ overflowWrap: 'anywhere' }}>
            {f}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 平台核查: the 8 points, collapsed; the header says how many call for attention. */
export function ReviewChecklistSection({ caseId }: { caseId: string }) {
  const { data, error } = useReviewChecklist(caseId);
  if (error) return <Alert type="warning" showIcon title={`平台核查未能读取：${error.message}`} />;
  if (!data) return null;
  const flagged = data.points.filter((p) => p.attention).length;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 12 }}
      data-testid="review-checklist"
      items={[
        {
          key: 'facts',
          label: (
            <span>
              平台核查
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {flagged > 0 ? `${flagged}项须注意` : '各项未见须注意的情况'}
              </Typography.Text>
            </span>
          ),
          children: data.points.map((p, i) => (
            <div key={p.point}>
              <Typography.Text strong style={{ fontSize: 13 }}>
                {i + 1}. {p.label}
              </Typography.Text>
              <PointFacts answer={p} />
            </div>
          )),
        },
      ]}
    />
  );
}
