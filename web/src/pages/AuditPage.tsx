import { Alert, Button, Card, Col, DatePicker, Input, Row, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { roleLabel } from '../labels.ts';
import type { AuditEntry, ListAnswer } from '../types.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['action', 'actor', 'from', 'to', 'page', 'pageSize'] as const;

const TARGET_LABELS: Record<string, string> = {
  officer: '执法人员',
  agency: '执法主体',
  unit: '内设机构',
  region: '行政区划',
  user: '用户',
  session: '会话',
};

const actorOf = (e: AuditEntry) =>
  e.actorUsername ? `${e.actorUsername}${e.actorRole ? `（${roleLabel(e.actorRole)}）` : ''}` : '—';
const targetOf = (e: AuditEntry) =>
  e.targetType ? `${TARGET_LABELS[e.targetType] ?? e.targetType} ${e.targetId ?? ''}`.trim() : '—';

function detailsText(details: unknown): string {
  if (details === undefined || details === null || details === '') return '';
  return typeof details === 'string' ? details : JSON.stringify(details);
}

export function AuditPage() {
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const pageSize = pageOf(query.pageSize, 50);
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<ListAnswer<AuditEntry>>(
        '/api/audit',
        { action: query.action, actor: query.actor, from: query.from, to: query.to, page, pageSize },
        signal,
      ),
    JSON.stringify([query, page, pageSize]),
  );

  return (
    <>
      <PageHeader title="审计日志" extra={<Button onClick={reload}>刷新</Button>} />
      <Card size="small">
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={6}>
            <Input.Search
              allowClear
              placeholder="操作（如 officer.read）"
              defaultValue={query.action}
              onSearch={(action) => setQuery({ action: action.trim(), page: null })}
            />
          </Col>
          <Col xs={24} md={6}>
            <Input.Search
              allowClear
              placeholder="操作人"
              defaultValue={query.actor}
              onSearch={(actor) => setQuery({ actor: actor.trim(), page: null })}
            />
          </Col>
          <Col xs={24} md={8}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              placeholder={['开始日期', '结束日期']}
              value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
              onChange={(range) =>
                setQuery({
                  from: range?.[0]?.format('YYYY-MM-DD') ?? null,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? null,
                  page: null,
                })
              }
            />
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<AuditEntry>
          rowKey={(e) => String(e.id)}
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => setQuery({ page: s === pageSize ? p : 1, pageSize: s }),
          }}
          expandable={{
            rowExpandable: (e) => detailsText(e.details).length > 0,
            expandedRowRender: (e) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {typeof e.details === 'string' ? e.details : JSON.stringify(e.details, null, 2)}
              </pre>
            ),
          }}
          columns={[
            {
              title: '时间',
              key: 'time',
              render: (_, e) => {
                return e.at ? dayjs(e.at).format('YYYY-MM-DD HH:mm:ss') : '—';
              },
            },
            { title: '操作人', key: 'actor', render: (_, e) => actorOf(e) },
            {
              title: '操作',
              dataIndex: 'action',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            { title: '对象', key: 'target', render: (_, e) => targetOf(e) },
            { title: 'IP', dataIndex: 'ip', render: (v: string | null | undefined) => v || '—' },
            {
              title: '详情',
              key: 'details',
              render: (_, e) => (
                <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                  {detailsText(e.details) || '—'}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
