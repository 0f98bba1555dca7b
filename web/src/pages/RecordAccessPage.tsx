import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { formatInstant } from '../caseFormat.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { roleLabel } from '../labels.ts';
import { CONFIDENTIALITY_LABELS } from '../recordLabels.ts';
import type { AccessLogEntry } from '../recordTypes.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['caseId', 'recordId', 'page'] as const;
const PAGE_SIZE = 50;

/** 调阅日志 (R9): who opened which record, when and why — newest first. */
export function RecordAccessPage() {
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<{ items: AccessLogEntry[] }>(
        '/api/record-access',
        {
          caseId: query.caseId || undefined,
          recordId: query.recordId || undefined,
          // One more than a page: tells whether a next page exists.
          limit: PAGE_SIZE + 1,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    JSON.stringify([query, page]),
  );
  const items = (data?.items ?? []).slice(0, PAGE_SIZE);
  const more = (data?.items.length ?? 0) > PAGE_SIZE;

  return (
    <>
      <PageHeader title="调阅日志" extra={<Button onClick={reload}>刷新</Button>} />
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          打开、下载证据和音像记录、查看案卷、随机抽查都会留下记录：谁、何时、为何调阅。
        </Typography.Paragraph>
        {query.caseId || query.recordId ? (
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            {query.caseId ? (
              <Tag
                closable
                onClose={() => setQuery({ caseId: null, page: null })}
                data-testid="access-filter-case"
              >
                仅显示本案：<Link to={`/cases/${seg(query.caseId)}`}>查看案件</Link>
              </Tag>
            ) : null}
            {query.recordId ? (
              <Tag closable onClose={() => setQuery({ recordId: null, page: null })}>
                仅显示一项记录
              </Tag>
            ) : null}
          </Flex>
        ) : null}
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<AccessLogEntry>
          rowKey={(e) => String(e.id)}
          size="small"
          loading={loading}
          dataSource={items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有调阅记录' }}
          columns={[
            {
              title: '时间',
              dataIndex: 'at',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(v)}</span>,
            },
            {
              title: '调阅人',
              key: 'who',
              render: (_, e) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {roleLabel(e.role)}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                    用户 {e.userId.slice(0, 8)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: '方式',
              dataIndex: 'purpose',
              render: (v: string) => (v === 'download' ? <Tag color="blue">下载</Tag> : <Tag>打开</Tag>),
            },
            { title: '记录', dataIndex: 'recordTypeLabel' },
            {
              title: '保密标识',
              dataIndex: 'confidentiality',
              render: (v: AccessLogEntry['confidentiality']) =>
                v === 'none' ? '—' : <Tag color="red">{CONFIDENTIALITY_LABELS[v] ?? v}</Tag>,
            },
            {
              title: '事由',
              dataIndex: 'reason',
              render: (v: string | null) => (
                <Typography.Text style={{ display: 'inline-block', minWidth: 120, maxWidth: 320 }}>
                  {v || <Typography.Text type="secondary">（未填写）</Typography.Text>}
                </Typography.Text>
              ),
            },
            {
              title: '案件',
              dataIndex: 'caseId',
              render: (v: string) => <Link to={`/cases/${seg(v)}`}>查看</Link>,
            },
            { title: '执法机关', dataIndex: 'agencyName', render: (v: string | null) => v ?? '—' },
          ]}
        />
        <Flex justify="end" gap={8} style={{ marginTop: 12 }}>
          <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setQuery({ page: page - 1 })}>
            上一页
          </Button>
          <Button disabled={!more} onClick={() => setQuery({ page: page + 1 })}>
            下一页 <RightOutlined />
          </Button>
        </Flex>
      </Card>
    </>
  );
}
