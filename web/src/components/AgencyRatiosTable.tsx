import { Alert, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { ratioPercentText, ratioWarningText } from '../ratio.ts';
import type { Agency, ListAnswer, ReviewerRatio } from '../types.ts';
import { RatioTag } from './ReviewerRatioCard.tsx';

interface Row {
  agency: Agency;
  ratio: ReviewerRatio | null;
}

async function loadPage(page: number, pageSize: number, signal: AbortSignal) {
  const list = await api.get<ListAnswer<Agency>>('/api/agencies', { page, pageSize }, signal);
  const rows = await Promise.all(
    list.items.map(async (agency): Promise<Row> => {
      try {
        const ratio = await api.get<ReviewerRatio>(
          `/api/agencies/${seg(agency.id)}/reviewer-ratio`,
          undefined,
          signal,
        );
        return { agency, ratio };
      } catch {
        return { agency, ratio: null };
      }
    }),
  );
  return { rows, total: list.total };
}

/** 法制审核人员占比 of every agency in a supervisor's scope, one page of agencies at a time. */
export function AgencyRatiosTable() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, error, loading } = useAsync(
    (signal) => loadPage(page, pageSize, signal),
    `${page}/${pageSize}`,
  );
  const failing = data?.rows.filter((r) => r.ratio && !r.ratio.meets) ?? [];

  return (
    <Card title="辖区执法主体法制审核人员占比" size="small">
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      {failing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本页有 ${failing.length} 个执法主体${failing[0]?.ratio ? ratioWarningText(failing[0].ratio) : ''}`}
        />
      ) : null}
      <Table<Row>
        rowKey={(r) => r.agency.id}
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 个`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: '执法主体',
            key: 'name',
            render: (_, r) => <Link to={`/agencies/${seg(r.agency.id)}`}>{r.agency.name}</Link>,
          },
          { title: '行政区划', key: 'region', render: (_, r) => r.agency.regionName },
          { title: '执法人员', key: 'officers', align: 'right', render: (_, r) => r.ratio?.officers ?? '—' },
          {
            title: '法制审核人员',
            key: 'reviewers',
            align: 'right',
            render: (_, r) => r.ratio?.reviewers ?? '—',
          },
          {
            title: '占比',
            key: 'ratio',
            align: 'right',
            render: (_, r) => (r.ratio ? ratioPercentText(r.ratio) : '—'),
          },
          {
            title: '状态',
            key: 'meets',
            render: (_, r) => (r.ratio ? <RatioTag ratio={r.ratio} /> : <Tag>无法获取</Tag>),
          },
        ]}
      />
    </Card>
  );
}
