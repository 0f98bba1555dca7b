import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Row,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { formatInstant } from '../caseFormat.ts';
import { DOCUMENT_LABELS } from '../caseLabels.ts';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EvidenceActions } from '../components/records/EvidenceActions.tsx';
import { EvidenceList } from '../components/records/EvidenceList.tsx';
import { useAsync } from '../hooks.ts';
import { deviceLabel, useAgencyStaff } from '../recordData.ts';
import { shortHash, stepLabel } from '../recordLabels.ts';
import type {
  CaseFile,
  CaseFileItem,
  DeviceList,
  EvidenceList as EvidenceListAnswer,
} from '../recordTypes.ts';

function HashText({ hash }: { hash: string }) {
  return (
    <Typography.Text
      code
      copyable={{ text: hash, tooltips: ['复制完整 SM3', '已复制'] }}
      style={{ fontSize: 12 }}
    >
      {shortHash(hash)}
    </Typography.Text>
  );
}

/**
 * 案卷 (R7): the file as it was locked at archiving — its records in order with their SM3, whether it was
 * complete and archived in time, whether the stored manifest still matches its hash — and the
 * corrections added after locking. Opening it is logged as a record access (R9).
 */
export function CaseFilePage() {
  const { id = '' } = useParams();
  const {
    data: f,
    error,
    loading,
    reload,
  } = useAsync((signal) => api.get<CaseFile>(`/api/cases/${seg(id)}/case-file`, undefined, signal), id);
  // Metadata of the case's records (marks, for opening them); reading it is not an opening.
  const { data: evidence = [] } = useAsync(
    (signal) =>
      api.get<EvidenceListAnswer>(`/api/cases/${seg(id)}/evidence`, undefined, signal).then((a) => a.items),
    id,
  );
  // Every device in scope (the answer names no agency); the case's agency is the one of its devices.
  const { data: devices = [] } = useAsync(
    (signal) => api.get<DeviceList>('/api/devices', undefined, signal).then((a) => a.items),
    'all',
  );
  const deviceOf = new Map(devices.map((d) => [d.id, d]));
  const withDevice = evidence.find((e) => e.deviceId && deviceOf.has(e.deviceId));
  const agencyId = withDevice?.deviceId ? (deviceOf.get(withDevice.deviceId)?.agencyId ?? null) : null;
  const { data: staff = [] } = useAgencyStaff(agencyId);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!f || (loading && f.caseId !== id)) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const byId = new Map(evidence.map((e) => [e.id, e]));
  const devicesById = new Map(devices.map((d) => [d.id, deviceLabel(d)]));
  const names = new Map(staff.map((o) => [o.id, o.name]));
  const titles = new Map(f.items.map((i) => [i.recordId, `${i.seq}. ${i.title}`]));
  // Records added after locking must name what they correct (the server refuses anything else).
  const corrections = f.corrections.filter((e) => e.correctsId);
  const missing = [
    ...f.completeness.missingDocuments.map((d) => `缺少「${d.label}」（${d.step}环节）`),
    ...f.completeness.missingAv.map((a) => `缺少「${a.label}」环节的音像记录`),
  ];

  const facts: DescriptionsProps['items'] = [
    { key: 'lockedAt', label: '归档锁定时间', children: formatInstant(f.lockedAt) },
    { key: 'endedOn', label: '执法行为终结日', children: f.endedOn },
    {
      key: 'dueOn',
      label: '归档期限',
      children: (
        <Flex wrap gap={8} align="center">
          {f.dueOn}
          {f.late ? <Tag color="red">逾期归档</Tag> : <Tag color="green">按期归档</Tag>}
        </Flex>
      ),
    },
    {
      key: 'complete',
      label: '完整性',
      children: f.completeness.complete ? (
        <Tag color="green">文书和音像记录齐全</Tag>
      ) : (
        <Flex vertical gap={2}>
          {missing.map((m) => (
            <Typography.Text key={m} type="danger">
              {m}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      key: 'intact',
      label: '锁定校验',
      children: f.intact ? (
        <Tag color="green" data-testid="case-file-intact">
          卷内目录与锁定时一致
        </Tag>
      ) : (
        <Tag color="red" data-testid="case-file-intact">
          卷内目录与锁定时的 SM3 不符
        </Tag>
      ),
    },
    { key: 'manifest', label: '卷内目录 SM3', children: <HashText hash={f.manifestHash} /> },
    { key: 'count', label: '卷内记录', children: `${f.items.length} 项` },
  ];

  return (
    <>
      <PageHeader
        title={<span data-testid="case-file-title">案卷：{f.caseTitle}</span>}
        tags={<Tag color="default">已归档锁定</Tag>}
        extra={
          <Link to={`/cases/${seg(f.caseId)}`}>
            <Button icon={<ArrowLeftOutlined />}>返回案件</Button>
          </Link>
        }
      />
      {!f.intact ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="案卷校验未通过"
          description="存储的卷内目录与锁定时记入公开存证的 SM3 不一致，可能已被改动。请立即报告机关负责人和司法行政机关。"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title="归档情况" size="small">
            <Descriptions column={1} size="small" items={facts} />
          </Card>
        </Col>
        <Col xs={24} lg={15} style={{ minWidth: 0 }}>
          <Card title="卷内目录" size="small">
            <Table<CaseFileItem>
              rowKey="recordId"
              size="small"
              pagination={false}
              dataSource={f.items}
              scroll={{ x: 'max-content' }}
              onRow={(i) => ({ 'data-testid': `case-file-item-${i.seq}` }) as object}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 56 },
                {
                  title: '类型',
                  key: 'type',
                  render: (_, i) =>
                    i.recordType === 'document' ? (
                      <Tag color="blue">文书</Tag>
                    ) : (
                      <Tag color="purple">{`${byId.get(i.recordId)?.mediaTypeLabel ?? '证据'}·${stepLabel(i.kind)}`}</Tag>
                    ),
                },
                {
                  title: '名称',
                  dataIndex: 'title',
                  render: (t: string, i) =>
                    i.recordType === 'document' ? (DOCUMENT_LABELS[i.kind] ?? t) : t,
                },
                { title: '文号/文件名', dataIndex: 'reference', render: (v: string | null) => v || '—' },
                {
                  title: '时间',
                  dataIndex: 'at',
                  render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(v)}</span>,
                },
                { title: 'SM3', dataIndex: 'contentHash', render: (h: string) => <HashText hash={h} /> },
                {
                  title: '查看',
                  key: 'open',
                  render: (_, i) => {
                    if (i.recordType === 'document')
                      return (
                        <a href={`/api/documents/${seg(i.recordId)}/pdf`} target="_blank" rel="noreferrer">
                          <FilePdfOutlined /> PDF
                        </a>
                      );
                    const e = byId.get(i.recordId);
                    return e ? <EvidenceActions e={e} /> : '—';
                  },
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="归档后的更正" size="small">
            <EvidenceList
              items={corrections}
              deviceName={(d) => devicesById.get(d)}
              officerName={(o) => names.get(o)}
              recordTitle={(r) => titles.get(r)}
              emptyText="归档后没有更正"
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
