import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Table, Tag } from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { AuxiliaryTag, StatusTag } from '../components/StatusTag.tsx';
import { useAsync } from '../hooks.ts';
import { optionsOf, STATUS_FILTER_LABELS } from '../labels.ts';
import { canManageOfficers } from '../permissions.ts';
import { categoryNameMap, useCategories } from '../reference.ts';
import type { Officer, OfficerPage } from '../types.ts';
import { pageOf, useUrlQuery } from '../urlState.ts';

const KEYS = ['q', 'agencyId', 'status', 'category', 'auxiliary', 'page', 'pageSize'] as const;

export function OfficerListPage() {
  const user = useUser();
  const navigate = useNavigate();
  const categories = useCategories();
  const categoryNames = categoryNameMap(categories);
  const [query, setQuery] = useUrlQuery(KEYS);
  const page = pageOf(query.page);
  const pageSize = pageOf(query.pageSize, 20);
  const { data, error, loading } = useAsync(
    (signal) =>
      api.get<OfficerPage>(
        '/api/officers',
        {
          q: query.q.trim(),
          agencyId: query.agencyId,
          status: query.status,
          category: query.category,
          auxiliary: query.auxiliary,
          page,
          pageSize,
        },
        signal,
      ),
    JSON.stringify([query, page, pageSize]),
  );

  const openRow = (o: Officer) => (e: MouseEvent) => {
    // Links inside the row navigate by themselves.
    if (e.target instanceof Element && e.target.closest('a,button')) return;
    void navigate(`/officers/${seg(o.id)}`);
  };

  return (
    <>
      <PageHeader
        title="执法人员"
        extra={
          canManageOfficers(user) ? (
            <>
              <Link to={query.agencyId ? `/import?agencyId=${seg(query.agencyId)}` : '/import'}>
                <Button icon={<UploadOutlined />}>批量导入</Button>
              </Link>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() =>
                  void navigate(
                    query.agencyId ? `/officers/new?agencyId=${seg(query.agencyId)}` : '/officers/new',
                  )
                }
              >
                新增执法人员
              </Button>
            </>
          ) : null
        }
      />
      <Card size="small">
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={12} xl={8}>
            <SearchBox
              value={query.q}
              placeholder="姓名或执法证号"
              onSearch={(q) => setQuery({ q, page: null })}
              data-testid="officer-search"
            />
          </Col>
          <Col xs={24} md={12} xl={6}>
            <AgencySelect
              value={query.agencyId || undefined}
              onChange={(agencyId) => setQuery({ agencyId, page: null })}
              placeholder="所属执法主体"
            />
          </Col>
          <Col xs={12} md={8} xl={3}>
            <Select
              allowClear
              placeholder="证件状态"
              style={{ width: '100%' }}
              value={query.status || undefined}
              options={optionsOf(STATUS_FILTER_LABELS)}
              onChange={(status?: string) => setQuery({ status, page: null })}
            />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Select
              allowClear
              placeholder="执法类别"
              style={{ width: '100%' }}
              value={query.category || undefined}
              options={categories.map((c) => ({ value: c.code, label: c.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(category?: string) => setQuery({ category, page: null })}
            />
          </Col>
          <Col xs={24} md={8} xl={3}>
            <Select
              allowClear
              placeholder="辅助人员"
              style={{ width: '100%' }}
              value={query.auxiliary || undefined}
              options={[
                { value: 'false', label: '执法人员' },
                { value: 'true', label: '辅助人员' },
              ]}
              onChange={(auxiliary?: string) => setQuery({ auxiliary, page: null })}
            />
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<Officer>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(o) =>
            ({
              'data-testid': `officer-row-${o.certificateNo ?? o.id}`,
              onClick: openRow(o),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 人`,
            onChange: (p, s) => setQuery({ page: s === pageSize ? p : 1, pageSize: s }),
          }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, o) => (
                <Link to={`/officers/${seg(o.id)}`} data-testid={`officer-link-${o.certificateNo ?? o.id}`}>
                  {name}
                </Link>
              ),
            },
            { title: '执法证号', dataIndex: 'certificateNo', render: (v: string | null) => v || '—' },
            { title: '所属执法主体', dataIndex: 'agencyName' },
            {
              title: '执法类别',
              dataIndex: 'categories',
              render: (codes: string[]) =>
                codes?.length ? codes.map((c) => <Tag key={c}>{categoryNames.get(c) ?? c}</Tag>) : '—',
            },
            {
              title: '状态',
              dataIndex: 'effectiveStatus',
              render: (s: Officer['effectiveStatus']) => (s === 'auxiliary' ? '—' : <StatusTag status={s} />),
            },
            {
              title: '人员类型',
              dataIndex: 'isAuxiliary',
              render: (v: boolean) => <AuxiliaryTag isAuxiliary={v} />,
            },
            { title: '有效期至', dataIndex: 'expiryDate', render: (v: string | null) => v || '—' },
          ]}
        />
      </Card>
    </>
  );
}
