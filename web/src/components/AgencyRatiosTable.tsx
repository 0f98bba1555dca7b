import { Alert, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useAsync } from '../hooks.ts';
import { ratioPercentText, ratioWarningText } from '../ratio.ts';
import type { Agency, AgencyList, ReviewerRatio } from '../types.ts';
import { RatioTag } from './ReviewerRatioCard.tsx';

interface Row {
  agency: Agency;
  ratio: ReviewerRatio | null;
}

async function loadRatios(agencies: Agency[], signal: AbortSignal): Promise<Row[]> {
  return Promise.all(
    agencies.map(async (agency): Promise<Row> => {
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
}

/** 法制审核人员占比 of every agency in a supervisor's scope; ratios are fetched one page at a time. */
export function AgencyRatiosTable() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  // GET /api/agencies answers every agency in scope at once (no page/pageSize).
  const agencies = useAsync(
    (signal) => api.get<AgencyList>('/api/agencies', undefined, signal).then((a) => a.items),
    'agencies',
  );
  const all = agencies.data ?? [];
  const shown = all.slice((page - 1) * pageSize, page * pageSize);
  const ratios = useAsync((signal) => loadRatios(shown, signal), JSON.stringify(shown.map((a) => a.id)));
  const rows = ratios.data ?? [];
  const error = agencies.error ?? ratios.error;
  const failing = rows.filter((r) => r.ratio && !r.ratio.meets);

  return (
    <Card title="辖区执法主体法制审核人员占比" size="small">
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      {failing.length > 0 && failing[0]?.ratio ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本页有 ${failing.length} 个执法主体${ratioWarningText(failing[0].ratio)}`}
        />
      ) : null}
      <Table<Row>
        rowKey={(r) => r.agency.id}
        size="small"
        loading={agencies.loading || ratios.loading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: all.length,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
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
