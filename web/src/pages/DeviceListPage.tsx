import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Grid,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { formatInstant } from '../caseFormat.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { DeviceStatusTag } from '../components/records/DeviceStatusTag.tsx';
import { RegisterDeviceModal } from '../components/records/RegisterDeviceModal.tsx';
import { useAsync } from '../hooks.ts';
import { optionsOf } from '../labels.ts';
import { canManageDevices, isOversight } from '../permissions.ts';
import { useAgencyNames } from '../recordData.ts';
import { DEVICE_KIND_LABELS } from '../recordLabels.ts';
import type { Device, DeviceList } from '../recordTypes.ts';
import { useUrlQuery } from '../urlState.ts';

const KEYS = ['agencyId', 'kind', 'status', 'register'] as const;

/** 设备登记 (R11): the recorders of the agencies in scope, who holds each one. */
export function DeviceListPage() {
  const user = useUser();
  const navigate = useNavigate();
  const mobile = !Grid.useBreakpoint().md;
  const [query, setQuery] = useUrlQuery(KEYS);
  const oversight = isOversight(user);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<DeviceList>('/api/devices', { agencyId: query.agencyId || undefined }, signal),
    query.agencyId,
  );
  const agencyNames = useAgencyNames(oversight);
  const items = (data?.items ?? []).filter(
    (d) => (!query.kind || d.kind === query.kind) && (!query.status || d.status === query.status),
  );

  const openRow = (d: Device) => (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('a,button')) return;
    void navigate(`/devices/${seg(d.id)}`);
  };
  const agencyColumn = oversight && !query.agencyId;
  const holderOf = (h: Device['holder']) =>
    h ? (
      <>
        <Link to={`/officers/${seg(h.officerId)}`}>{h.name ?? '（本机关人员）'}</Link>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          自 {formatInstant(h.since)}
        </Typography.Text>
      </>
    ) : (
      <Typography.Text type="secondary">未配发</Typography.Text>
    );
  // A phone shows each device as one block: the table's later columns would sit off screen.
  const columns: TableColumnsType<Device> = mobile
    ? [
        {
          title: '设备',
          key: 'device',
          render: (_, d) => (
            <Flex vertical gap={2}>
              <Flex justify="space-between" gap={8}>
                <Link to={`/devices/${seg(d.id)}`}>{d.serialNumber}</Link>
                <DeviceStatusTag d={d} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.kindLabel}
                {d.model ? ` · ${d.model}` : ''}
                {agencyColumn ? ` · ${agencyNames.get(d.agencyId) ?? ''}` : ''}
              </Typography.Text>
              <span>持有人：{holderOf(d.holder)}</span>
            </Flex>
          ),
        },
      ]
    : [
        ...(agencyColumn
          ? [{ title: '执法机关', dataIndex: 'agencyId', render: (v: string) => agencyNames.get(v) ?? '—' }]
          : []),
        {
          title: '设备编号',
          dataIndex: 'serialNumber',
          render: (v: string, d) => <Link to={`/devices/${seg(d.id)}`}>{v}</Link>,
        },
        { title: '类型', dataIndex: 'kindLabel' },
        { title: '型号', dataIndex: 'model', render: (v: string) => v || '—' },
        { title: '状态', dataIndex: 'status', render: (_: string, d) => <DeviceStatusTag d={d} /> },
        { title: '持有人', dataIndex: 'holder', render: (h: Device['holder']) => holderOf(h) },
      ];

  return (
    <>
      <PageHeader
        title="设备登记"
        extra={
          canManageDevices(user) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setQuery({ register: '1' })}
              data-testid="device-register"
            >
              登记设备
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {oversight ? (
            <Col xs={24} md={8}>
              <AgencySelect
                value={query.agencyId || undefined}
                onChange={(agencyId) => setQuery({ agencyId })}
                placeholder="全部执法机关"
              />
            </Col>
          ) : null}
          <Col xs={12} md={6}>
            <Select
              allowClear
              placeholder="设备类型"
              style={{ width: '100%' }}
              value={query.kind || undefined}
              options={optionsOf(DEVICE_KIND_LABELS)}
              onChange={(kind?: string) => setQuery({ kind })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              placeholder="状态"
              style={{ width: '100%' }}
              value={query.status || undefined}
              options={[
                { value: 'in_service', label: '在用' },
                { value: 'retired', label: '已停用' },
              ]}
              onChange={(status?: string) => setQuery({ status })}
            />
          </Col>
        </Row>
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<Device>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showTotal: (t) => `共 ${t} 台` } : false}
          scroll={mobile ? undefined : { x: 'max-content' }}
          locale={{ emptyText: '尚未登记设备' }}
          onRow={(d) =>
            ({
              'data-testid': `device-row-${d.serialNumber}`,
              onClick: openRow(d),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          columns={columns}
        />
      </Card>
      <RegisterDeviceModal
        open={query.register === '1'}
        onClose={() => setQuery({ register: null })}
        onRegistered={() => {
          setQuery({ register: null });
          reload();
        }}
      />
    </>
  );
}
