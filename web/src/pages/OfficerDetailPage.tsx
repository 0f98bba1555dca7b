import { EditOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Row,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { CanActPanel } from '../components/CanActPanel.tsx';
import { CertificateActions } from '../components/CertificateActions.tsx';
import { CertificateEventsCard } from '../components/CertificateEventsCard.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PublicBadgeCard } from '../components/PublicBadgeCard.tsx';
import { AuxiliaryTag, StatusTag } from '../components/StatusTag.tsx';
import { useAsync } from '../hooks.ts';
import { REVOCATION_CAUSE_LABELS, STATUS_LABELS } from '../labels.ts';
import { categoryNameMap, regionNameMap, useCategories, useRegions } from '../reference.ts';
import type { AgencyDetail, OfficerDetail, TrainingHours } from '../types.ts';

function UnitName({ agencyId, unitId }: { agencyId: string; unitId: string }) {
  const { data } = useAsync(
    (signal) => api.get<AgencyDetail>(`/api/agencies/${seg(agencyId)}`, undefined, signal),
    agencyId,
  );
  return <>{data?.units?.find((u) => String(u.id) === String(unitId))?.name ?? '—'}</>;
}

export function OfficerDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const categoryNames = categoryNameMap(useCategories());
  const regionNames = regionNameMap(useRegions());
  const {
    data: o,
    error,
    loading,
    reload,
  } = useAsync((signal) => api.get<OfficerDetail>(`/api/officers/${seg(id)}`, undefined, signal), id);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!o || (loading && String(o.id) !== id)) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const manage = o.can.edit;
  const hasCertificate = Boolean(o.certificateNo);
  const region = o.enforcementRegionCode
    ? `${regionNames.get(o.enforcementRegionCode) ?? ''}（${o.enforcementRegionCode}）`
    : '—';
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: o.name },
    { key: 'kind', label: '人员类型', children: o.isAuxiliary ? '执法辅助人员' : '执法人员' },
    {
      key: 'agency',
      label: '所属执法主体',
      children: <Link to={`/agencies/${seg(o.agencyId)}`}>{o.agencyName}</Link>,
    },
    {
      key: 'unit',
      label: '内设机构',
      children: o.unitId ? <UnitName agencyId={o.agencyId} unitId={o.unitId} /> : '—',
    },
    { key: 'phone', label: '联系电话', children: o.phone || '—' },
    { key: 'reviewer', label: '法制审核人员', children: o.isLegalReviewer ? '是' : '否' },
  ];
  if (o.isLegalReviewer) {
    items.push(
      {
        key: 'legalQualificationNo',
        label: '法律职业资格证书编号',
        children: o.legalQualificationNo || '未登记',
      },
      { key: 'reviewingSince', label: '首次从事法制审核日期', children: o.reviewingSince || '未登记' },
    );
  }
  if (hasCertificate) {
    items.push(
      {
        key: 'certificateNo',
        label: '执法证号',
        children: <Typography.Text copyable>{o.certificateNo}</Typography.Text>,
      },
      {
        key: 'status',
        label: '证件状态',
        children: (
          <>
            <StatusTag status={o.effectiveStatus} />
            {o.status === 'revoked' && o.revocationCause ? (
              <Typography.Text type="secondary">
                （{REVOCATION_CAUSE_LABELS[o.revocationCause]}）
              </Typography.Text>
            ) : null}
            {o.effectiveStatus !== o.status ? (
              <Typography.Text type="secondary">（登记状态：{STATUS_LABELS[o.status]}）</Typography.Text>
            ) : null}
          </>
        ),
      },
      {
        key: 'categories',
        label: '执法类别',
        span: 'filled',
        children: o.categories?.length
          ? o.categories.map((c) => <Tag key={c}>{categoryNames.get(c) ?? c}</Tag>)
          : '—',
      },
      { key: 'region', label: '执法区域', children: region },
      { key: 'validity', label: '有效期', children: `${o.issueDate ?? '—'} 至 ${o.expiryDate ?? '—'}` },
    );
  }
  const training = [...(o.trainingHours ?? [])].sort((a, b) => b.year - a.year);

  return (
    <>
      <PageHeader
        title={o.name}
        tags={
          <>
            <AuxiliaryTag isAuxiliary={o.isAuxiliary} />
            {hasCertificate ? <StatusTag status={o.effectiveStatus} /> : null}
            {o.isLegalReviewer ? <Tag color="gold">法制审核人员</Tag> : null}
          </>
        }
        extra={
          manage ? (
            <>
              {hasCertificate ? <CertificateActions officer={o} onDone={reload} /> : null}
              <Button icon={<EditOutlined />} onClick={() => navigate(`/officers/${seg(o.id)}/edit`)}>
                编辑
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={hasCertificate ? 16 : 24}>
          <Card title="基本信息" size="small">
            <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered items={items} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
              本页含个人信息，查阅已记入审计日志。
            </Typography.Paragraph>
          </Card>
        </Col>
        {hasCertificate && o.certificateNo ? (
          <Col xs={24} lg={8}>
            <PublicBadgeCard certificateNo={o.certificateNo} />
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <Card title="培训学时" size="small">
            <Table<TrainingHours>
              rowKey="year"
              size="small"
              pagination={false}
              dataSource={training}
              locale={{ emptyText: '暂无培训记录' }}
              columns={[
                { title: '年度', dataIndex: 'year' },
                { title: '学时', dataIndex: 'hours', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <CanActPanel officer={o} />
        </Col>
        {hasCertificate ? (
          <Col xs={24}>
            <CertificateEventsCard events={o.certificateEvents ?? []} />
          </Col>
        ) : null}
      </Row>
    </>
  );
}
