import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { CERTIFICATE_ACTION_LABELS, REVOCATION_CAUSE_LABELS, STATUS_LABELS } from '../labels.ts';
import type { CertificateEvent } from '../types.ts';

const label = (map: Record<string, string>, v: string | null) => (v ? (map[v] ?? v) : '—');

/** 证件状态变更记录 (暂扣/恢复/注销 history) from the officer detail answer. */
export function CertificateEventsCard({ events }: { events: CertificateEvent[] }) {
  return (
    <Card title="证件状态变更记录" size="small">
      <Table<CertificateEvent & { key: number }>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={events.map((e, i) => ({ ...e, key: i }))}
        locale={{ emptyText: '暂无变更记录' }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: '操作', dataIndex: 'action', render: (v: string) => label(CERTIFICATE_ACTION_LABELS, v) },
          {
            title: '状态',
            key: 'status',
            render: (_, e) => `${label(STATUS_LABELS, e.fromStatus)} → ${label(STATUS_LABELS, e.toStatus)}`,
          },
          {
            title: '注销原因',
            dataIndex: 'revocationCause',
            render: (v: string | null) => label(REVOCATION_CAUSE_LABELS, v),
          },
          { title: '事由', dataIndex: 'reason', render: (v: string | null) => v || '—' },
        ]}
      />
    </Card>
  );
}
