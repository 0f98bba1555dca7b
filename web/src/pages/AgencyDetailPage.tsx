import { EditOutlined, PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  List,
  Row,
  Spin,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { AgencyLink } from '../components/AgencyLink.tsx';
import { DocumentSettingsCard } from '../components/DocumentSettingsCard.tsx';
import { EntrustmentCard } from '../components/EntrustmentCard.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ReviewCatalogueCard } from '../components/ReviewCatalogueCard.tsx';
import { ReviewerRatioCard } from '../components/ReviewerRatioCard.tsx';
import { UnitModal } from '../components/UnitModal.tsx';
import { useAsync } from '../hooks.ts';
import { AGENCY_TYPE_COLORS, agencyTypeLabel } from '../labels.ts';
import type { AgencyDetail, Unit } from '../types.ts';

const pre = { whiteSpace: 'pre-wrap' as const };

function basicItems(a: AgencyDetail): DescriptionsProps['items'] {
  return [
    { key: 'name', label: '名称', children: a.name },
    { key: 'type', label: '主体类型', children: agencyTypeLabel(a.type) },
    { key: 'uscc', label: '统一社会信用代码', children: a.uscc },
    { key: 'region', label: '行政区划', children: `${a.regionName}（${a.regionCode}）` },
    {
      key: 'parent',
      label: '上级机关',
      children: a.parentId ? <AgencyLink id={a.parentId} name={a.parentName} /> : '—',
    },
    { key: 'phone', label: '联系电话', children: a.contactPhone || '—' },
    { key: 'address', label: '联系地址', span: 'filled', children: a.contactAddress || '—' },
    {
      key: 'basis',
      label: '法定依据',
      span: 'filled',
      children: <div style={pre}>{a.legalBasis || '—'}</div>,
    },
    {
      key: 'functions',
      label: '职能',
      span: 'filled',
      children: <div style={pre}>{a.functions || '—'}</div>,
    },
  ];
}

export function AgencyDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [unit, setUnit] = useState<Unit | 'new' | null>(null);
  const {
    data: a,
    error,
    loading,
    reload,
  } = useAsync((signal) => api.get<AgencyDetail>(`/api/agencies/${seg(id)}`, undefined, signal), id);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!a || (loading && String(a.id) !== id)) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const editable = a.can.edit;
  return (
    <>
      <PageHeader
        title={a.name}
        tags={<Tag color={AGENCY_TYPE_COLORS[a.type]}>{agencyTypeLabel(a.type)}</Tag>}
        extra={
          <>
            <Link to={`/officers?agencyId=${seg(a.id)}`}>
              <Button icon={<TeamOutlined />}>执法人员</Button>
            </Link>
            {a.can.manageOfficers ? (
              <Link to={`/import?agencyId=${seg(a.id)}`}>
                <Button icon={<UploadOutlined />}>批量导入</Button>
              </Link>
            ) : null}
            {editable ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/agencies/${seg(a.id)}/edit`)}
              >
                编辑
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title="基本信息" size="small">
            <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered items={basicItems(a)} />
          </Card>
        </Col>
        {a.type === 'entrusted' ? (
          <Col xs={24}>
            <EntrustmentCard entrustment={a.entrustment} />
          </Col>
        ) : null}
        <Col xs={24}>
          <ReviewerRatioCard agencyId={a.id} />
        </Col>
        <Col xs={24}>
          <ReviewCatalogueCard agencyId={a.id} />
        </Col>
        <Col xs={24}>
          <DocumentSettingsCard agencyId={a.id} />
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title="内设机构"
            size="small"
            extra={
              editable ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setUnit('new')}>
                  新增
                </Button>
              ) : null
            }
          >
            <Table<Unit>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={a.units ?? []}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '暂无内设机构' }}
              columns={[
                {
                  title: '名称',
                  dataIndex: 'name',
                  render: (name: string, u: Unit) => (
                    <>
                      {name}
                      {u.isReviewUnit ? (
                        <Tag color="gold" style={{ marginInlineStart: 8 }}>
                          法制审核机构
                        </Tag>
                      ) : null}
                    </>
                  ),
                },
                {
                  title: '职能',
                  dataIndex: 'functions',
                  render: (v: string | null) => <div style={pre}>{v || '—'}</div>,
                },
                ...(editable
                  ? [
                      {
                        title: '操作',
                        key: 'op',
                        render: (_: unknown, u: Unit) => (
                          <Button size="small" type="link" onClick={() => setUnit(u)}>
                            编辑
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="下属单位" size="small">
            {a.subordinates?.length ? (
              <List
                size="small"
                dataSource={a.subordinates}
                renderItem={(s) => (
                  <List.Item>
                    <Link to={`/agencies/${seg(s.id)}`}>{s.name}</Link>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下属单位" />
            )}
          </Card>
        </Col>
      </Row>
      <UnitModal
        agencyId={a.id}
        unit={unit}
        onClose={() => setUnit(null)}
        onDone={() => {
          setUnit(null);
          void message.success('已保存内设机构');
          reload();
        }}
      />
    </>
  );
}
