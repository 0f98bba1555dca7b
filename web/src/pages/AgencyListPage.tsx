import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RegionSelect } from '../components/RegionSelect.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { useAsync } from '../hooks.ts';
import { AGENCY_TYPE_COLORS, agencyTypeLabel } from '../labels.ts';
import { canCreateAgency } from '../permissions.ts';
import type { Agency, AgencyList } from '../types.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['q', 'regionCode', 'page', 'pageSize'] as const;

export function AgencyListPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const pageSize = pageOf(query.pageSize, 20);
  const { data, error, loading } = useAsync(
    (signal) =>
      api.get<AgencyList>(
        '/api/agencies',
        // This list answers all agencies in scope at once (no page/pageSize); paged here.
        { q: query.q, regionCode: query.regionCode },
        signal,
      ),
    JSON.stringify([query.q, query.regionCode]),
  );

  return (
    <>
      <PageHeader
        title="执法主体"
        extra={
          canCreateAgency(user) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/agencies/new')}>
              新增执法主体
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={10}>
            <SearchBox
              value={query.q}
              placeholder="名称或统一社会信用代码"
              onSearch={(q) => setQuery({ q, page: null })}
              data-testid="agency-search"
            />
          </Col>
          <Col xs={24} md={8}>
            <RegionSelect
              value={query.regionCode || undefined}
              onChange={(regionCode) => setQuery({ regionCode, page: null })}
              placeholder="按行政区划筛选"
            />
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<Agency>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ 'data-testid': `agency-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: data?.items.length ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 个`,
            onChange: (p, s) => setQuery({ page: s === pageSize ? p : 1, pageSize: s }),
          }}
          columns={[
            {
              title: '名称',
              dataIndex: 'name',
              render: (name: string, r) => <Link to={`/agencies/${seg(r.id)}`}>{name}</Link>,
            },
            {
              title: '类型',
              dataIndex: 'type',
              render: (t: Agency['type']) => <Tag color={AGENCY_TYPE_COLORS[t]}>{agencyTypeLabel(t)}</Tag>,
            },
            { title: '统一社会信用代码', dataIndex: 'uscc' },
            { title: '行政区划', dataIndex: 'regionName' },
            { title: '联系电话', dataIndex: 'contactPhone', render: (v: string | null) => v || '—' },
          ]}
        />
      </Card>
    </>
  );
}
