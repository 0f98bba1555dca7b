import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Grid, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import type { ReviewTrail } from '../caseTypes.ts';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';

type Person = ReviewTrail['team'][number];
type Round = ReviewTrail['rounds'][number];

/** Printed, the page is the trail alone: no menu, no header bar, no buttons. */
const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .ant-drawer, [data-print="hide"] { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .ant-card { break-inside: avoid; box-shadow: none !important; }
  body, .ant-layout { background: #fff !important; }
}`;

const who = (p: Person) =>
  `${p.name}（${p.certificateNo ? `执法证件号${p.certificateNo}` : '未登记执法证件'}）`;

/**
 * The tables' look: labels one width on every card (the trail reads as one form); on a phone the label
 * stands above its value, so a long label is not broken into a column of two characters.
 */
function useTableProps(): DescriptionsProps {
  const narrow = !Grid.useBreakpoint().md;
  return narrow
    ? { size: 'small', column: 1, bordered: true, layout: 'vertical' }
    : { size: 'small', column: 1, bordered: true, styles: { label: { width: 150 } } };
}

function RoundCard({ r }: { r: Round }) {
  const o = r.opinion;
  const table = useTableProps();
  return (
    <Card size="small" title={`第${r.round}轮法制审核`} data-testid={`trail-round-${r.round}`}>
      <Descriptions {...table}>
        <Descriptions.Item label="送审">
          {r.submittedOn} {who(r.submittedBy)}
        </Descriptions.Item>
        <Descriptions.Item label="审核人员">
          {r.reviewer.name}
          {r.reviewer.legalQualificationNo
            ? `（法律职业资格证书编号${r.reviewer.legalQualificationNo}）`
            : ''}
          {r.extended ? '；审核期限已延长' : ''}
        </Descriptions.Item>
        {r.proposal ? <Descriptions.Item label="拟处理意见">{r.proposal}</Descriptions.Item> : null}
        <Descriptions.Item label="违法事实">{r.facts}</Descriptions.Item>
        <Descriptions.Item label="法律依据">{r.provisions}</Descriptions.Item>
        {r.discretion ? <Descriptions.Item label="裁量理由">{r.discretion}</Descriptions.Item> : null}
        {r.response ? <Descriptions.Item label="对上一轮意见的处理">{r.response}</Descriptions.Item> : null}
        <Descriptions.Item label="审核意见">
          {o ? (
            <div data-testid={`trail-opinion-${r.round}`}>
              <div>
                {o.on} {o.reviewerName}：<Tag>{o.kindLabel}</Tag>
              </div>
              <div>理由：{o.reasons}</div>
              <div>
                审核内容清单：{o.passed}项符合
                {o.problems.length > 0 ? `，${o.problems.length}项存在问题` : ''}
              </div>
              {o.problems.length > 0 ? (
                <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
                  {o.problems.map((p) => (
                    <li key={p.label}>
                      {p.label}：{p.note}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            '尚未提出审核意见'
          )}
        </Descriptions.Item>
        {r.dispute ? (
          <Descriptions.Item label="不同意见">
            {r.dispute.on} {r.dispute.by}：{r.dispute.reasons}
          </Descriptions.Item>
        ) : null}
        {r.coordination ? (
          <Descriptions.Item label="协调">
            {r.coordination.on} {r.coordination.by}
            {r.coordination.collectiveDiscussion ? '（经负责人集体讨论）' : '（未经集体讨论）'}：
            {r.coordination.outcomeLabel}。{r.coordination.reasons}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/**
 * 责任追溯 (蚌埠任务分解方案 items 33–34): who filed the case, who handled it, each review round and opinion,
 * the dispute and coordination, and who decided under which 文号 — with dates, names and certificates.
 * Printable: 打印 prints the trail alone.
 */
export function ReviewTrailPage() {
  const { id = '' } = useParams();
  const {
    data: t,
    error,
    reload,
  } = useAsync((signal) => api.get<ReviewTrail>(`/api/reviews/${seg(id)}/trail`, undefined, signal), id);
  const table = useTableProps();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!t) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  return (
    <div data-testid="review-trail">
      <style>{PRINT_CSS}</style>
      <PageHeader
        title="重大执法决定责任追溯"
        extra={
          <Space data-print="hide" wrap>
            <Link to={`/cases/${id}`}>
              <Button icon={<ArrowLeftOutlined />}>返回案件</Button>
            </Link>
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Card size="small" title="案件">
          <Descriptions {...table}>
            <Descriptions.Item label="案件名称">{t.caseTitle}</Descriptions.Item>
            <Descriptions.Item label="案号">{t.caseNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="执法主体">{t.agencyName}</Descriptions.Item>
            <Descriptions.Item label="立案">
              {t.filed ? `${t.filed.on} ${t.filed.what}：${who(t.filed.by)}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="承办执法人员">
              {t.team.length > 0 ? t.team.map(who).join('；') : '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {t.rounds.length === 0 ? (
          <Typography.Text type="secondary">本案未送法制审核。</Typography.Text>
        ) : (
          t.rounds.map((r) => <RoundCard key={r.round} r={r} />)
        )}
        <Card size="small" title="决定">
          {t.decided ? (
            <Descriptions {...table}>
              <Descriptions.Item label="作出决定">
                {t.decided.on} {t.decided.what}：{who(t.decided.by)}
              </Descriptions.Item>
              <Descriptions.Item label="决定书文号">{t.decided.documentNo ?? '—'}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">尚未作出决定。</Typography.Text>
          )}
        </Card>
      </Space>
    </div>
  );
}
