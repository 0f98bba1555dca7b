import { Alert, Button, Card, Col, DatePicker, Input, Row, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api } from '../api.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { roleLabel } from '../labels.ts';
import type { AuditEntry, AuditListAnswer } from '../types.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['action', 'actor', 'from', 'to', 'page', 'pageSize'] as const;

const actorOf = (e: AuditEntry) => {
  const who = e.actorName ?? e.actorUsername;
  if (!who) return '—';
  return `${who}${e.actorRole ? `（${roleLabel(e.actorRole)}）` : ''}`;
};

function Target({ e }: { e: AuditEntry }) {
  if (!e.targetLabel) return <>—</>;
  const name = e.targetName ? `：${e.targetName}` : '';
  return e.targetPath ? (
    <Link to={e.targetPath}>
      {e.targetLabel}
      {name}
    </Link>
  ) : (
    <>
      {e.targetLabel}
      {name}
    </>
  );
}

const detailsText = (e: AuditEntry) => e.detailItems.map((d) => `${d.label}：${d.value}`).join('；');

export function AuditPage() {
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const pageSize = pageOf(query.pageSize, 50);
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<AuditListAnswer>(
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
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder="全部操作"
              value={query.action || undefined}
              options={data?.actions ?? []}
              onChange={(action?: string) => setQuery({ action: action ?? null, page: null })}
            />
          </Col>
          <Col xs={24} md={6}>
            <Input.Search
              allowClear
              placeholder="操作人用户名"
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
            rowExpandable: (e) => e.detailItems.length > 0,
            expandedRowRender: (e) => (
              <dl style={{ margin: 0 }}>
                {e.detailItems.map((d) => (
                  <div key={d.label} style={{ display: 'flex', gap: 8 }}>
                    <dt style={{ color: '#666', minWidth: 120 }}>{d.label}</dt>
                    <dd style={{ margin: 0, wordBreak: 'break-all' }}>{d.value}</dd>
                  </div>
                ))}
              </dl>
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
            { title: '操作', dataIndex: 'actionLabel' },
            { title: '对象', key: 'target', render: (_, e) => <Target e={e} /> },
            { title: 'IP 地址', dataIndex: 'ip', render: (v: string | null | undefined) => v || '—' },
            {
              title: '详情',
              key: 'details',
              render: (_, e) => (
                <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
                  {detailsText(e) || '—'}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
