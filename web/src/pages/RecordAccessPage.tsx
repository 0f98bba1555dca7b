import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { formatInstant } from '../caseFormat.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { isOversight } from '../permissions.ts';
import type { AccessLog, AccessLogEntry } from '../recordTypes.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['caseId', 'recordId', 'page'] as const;
const PAGE_SIZE = 50;

/** An evidence record by its title; a case file has none of its own (its case names it). */
const recordNameOf = (e: AccessLogEntry): string => e.recordTitle ?? e.recordTypeLabel;

function Reader({ e }: { e: AccessLogEntry }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }} data-testid="access-reader">
      {e.userName ?? '（已注销的账号）'}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
        {e.roleLabel}
      </Typography.Text>
    </span>
  );
}

/** The record opened: its name, then what it is, how it was opened and its mark. */
function RecordOpened({ e }: { e: AccessLogEntry }) {
  return (
    <div style={{ minWidth: 140, maxWidth: 280 }} data-testid="access-record">
      <div>{recordNameOf(e)}</div>
      <Flex wrap gap={4} align="center" style={{ marginTop: 2 }}>
        {e.recordTitle ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.recordTypeLabel}
          </Typography.Text>
        ) : null}
        {e.purpose === 'download' ? <Tag color="blue">下载</Tag> : <Tag>打开</Tag>}
        {e.confidentiality === 'none' ? null : <Tag color="red">{e.confidentialityLabel}</Tag>}
      </Flex>
    </div>
  );
}

function CaseLink({ e }: { e: AccessLogEntry }) {
  return (
    <Link to={`/cases/${seg(e.caseId)}`} data-testid="access-case">
      {e.caseTitle ?? '查看案件'}
    </Link>
  );
}

const reasonOf = (e: AccessLogEntry) =>
  e.reason || <Typography.Text type="secondary">（未填写）</Typography.Text>;

/** 调阅日志 (R9): who opened which record, when and why — newest first. */
export function RecordAccessPage() {
  const user = useUser();
  const mobile = !Grid.useBreakpoint().md;
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<AccessLog>(
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
  // A filtered log names what it is filtered by from its own rows (every row is of that case or record).
  const caseTitle = query.caseId ? items.find((e) => e.caseId === query.caseId)?.caseTitle : null;
  const filteredRecord = query.recordId ? items.find((e) => e.recordId === query.recordId) : null;

  const columns: TableColumnsType<AccessLogEntry> = mobile
    ? [
        {
          title: '调阅记录',
          key: 'entry',
          render: (_, e) => (
            <Flex vertical gap={4}>
              <Flex justify="space-between" gap={8} wrap>
                <Reader e={e} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatInstant(e.at)}
                </Typography.Text>
              </Flex>
              <RecordOpened e={e} />
              <CaseLink e={e} />
              <Typography.Text>事由：{reasonOf(e)}</Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        {
          title: '时间',
          dataIndex: 'at',
          render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(v)}</span>,
        },
        { title: '调阅人', key: 'who', render: (_, e) => <Reader e={e} /> },
        { title: '记录', key: 'record', render: (_, e) => <RecordOpened e={e} /> },
        {
          title: '案件',
          key: 'case',
          render: (_, e) => (
            <div style={{ minWidth: 120, maxWidth: 240 }}>
              <CaseLink e={e} />
            </div>
          ),
        },
        {
          title: '事由',
          key: 'reason',
          render: (_, e) => <div style={{ minWidth: 120, maxWidth: 260 }}>{reasonOf(e)}</div>,
        },
        // An agency's own staff see only their agency: the column would repeat its name on every row.
        ...(isOversight(user)
          ? [{ title: '执法机关', dataIndex: 'agencyName', render: (v: string | null) => v ?? '—' }]
          : []),
      ];

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
                style={{ whiteSpace: 'normal' }}
              >
                仅显示本案：<Link to={`/cases/${seg(query.caseId)}`}>{caseTitle ?? '查看案件'}</Link>
              </Tag>
            ) : null}
            {query.recordId ? (
              <Tag
                closable
                onClose={() => setQuery({ recordId: null, page: null })}
                style={{ whiteSpace: 'normal' }}
              >
                仅显示：{filteredRecord ? recordNameOf(filteredRecord) : '一项记录'}
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
          scroll={mobile ? undefined : { x: 'max-content' }}
          locale={{ emptyText: '没有调阅记录' }}
          columns={columns}
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
