import { StopOutlined, SwapOutlined, UndoOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Form,
  Modal,
  Row,
  Select,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { formatInstant } from '../caseFormat.ts';
import { AgencyLink } from '../components/AgencyLink.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { DeviceStatusTag } from '../components/records/DeviceStatusTag.tsx';
import { EvidenceList } from '../components/records/EvidenceList.tsx';
import { useAsync, useShowError } from '../hooks.ts';
import { deviceLabel, staffOptions, useAgencyStaff } from '../recordData.ts';
import type { DeviceAssignment, DeviceDetail } from '../recordTypes.ts';

/** 配发: hand the device to one of the agency's officers or auxiliary staff. */
function AssignModal({
  d,
  open,
  onClose,
  onDone,
}: {
  d: DeviceDetail;
  open: boolean;
  onClose: () => void;
  onDone: (d: DeviceDetail) => void;
}) {
  const [form] = Form.useForm<{ officerId: string }>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  const { data: staff = [] } = useAgencyStaff(open ? d.agencyId : null);
  const options = staffOptions(staff.filter((o) => o.id !== d.holder?.officerId));

  const submit = async () => {
    let v: { officerId: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const answer = await api.post<DeviceDetail>(`/api/devices/${seg(d.id)}/assign`, {
        officerId: v.officerId,
      });
      void message.success(`已配发给${answer.holder?.name ?? '所选人员'}`);
      form.resetFields();
      onDone(answer);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={d.holder ? `转配发（现由${d.holder.name ?? '本机关人员'}持有）` : '配发设备'}
      okText="配发"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'device-assign-submit' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">
        {deviceLabel(d)}。配发记录将保留在设备的配发历史中。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="持有人" name="officerId" rules={[{ required: true, message: '请选择执法人员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            placeholder="本机关执法人员或辅助人员"
            data-testid="device-assign-officer"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One recorder: who held it when (R11), and every record it produced (metadata; opening is logged). */
export function DeviceDetailPage() {
  const { id = '' } = useParams();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const [assigning, setAssigning] = useState(false);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<DeviceDetail>(`/api/devices/${seg(id)}`, undefined, signal),
    id,
  );
  const [changed, setChanged] = useState<DeviceDetail | null>(null);
  const d = changed?.id === id ? changed : data;
  const { data: staff = [] } = useAgencyStaff(d?.agencyId ?? null);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!d || (loading && d.id !== id)) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  // The server's policy decides, per device: its keepers, and only while it is in service.
  const manage = d.can.manage;
  const names = new Map(staff.map((o) => [o.id, o.name]));

  const takeBack = () =>
    modal.confirm({
      title: '收回设备？',
      content: `${deviceLabel(d)} 将从${d.holder?.name ?? '持有人'}处收回，配发历史保留。`,
      okText: '收回',
      cancelText: '取消',
      onOk: async () => {
        try {
          setChanged(await api.post<DeviceDetail>(`/api/devices/${seg(d.id)}/assign`, { officerId: null }));
          void message.success('设备已收回');
        } catch (e) {
          showError(e);
        }
      },
    });
  const retire = () =>
    modal.confirm({
      title: '停用设备？',
      content: '停用后不能再配发，也不能用于停用时间之后拍摄的记录；配发历史和已有记录保留。此操作不可撤销。',
      okText: '停用',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          setChanged(await api.post<DeviceDetail>(`/api/devices/${seg(d.id)}/retire`));
          void message.success('设备已停用');
        } catch (e) {
          showError(e);
        }
      },
    });

  const facts: DescriptionsProps['items'] = [
    { key: 'kind', label: '设备类型', children: d.kindLabel },
    {
      key: 'serial',
      label: '设备编号',
      children: <Typography.Text copyable>{d.serialNumber}</Typography.Text>,
    },
    { key: 'model', label: '型号', children: d.model || '—' },
    { key: 'status', label: '状态', children: <DeviceStatusTag d={d} /> },
    {
      key: 'holder',
      label: '持有人',
      children: d.holder ? (
        <span data-testid="device-holder">
          <Link to={`/officers/${seg(d.holder.officerId)}`}>{d.holder.name ?? '本机关人员'}</Link>（自{' '}
          {formatInstant(d.holder.since)}）
        </span>
      ) : (
        <span data-testid="device-holder">未配发</span>
      ),
    },
    ...(d.retiredAt ? [{ key: 'retired', label: '停用时间', children: formatInstant(d.retiredAt) }] : []),
    { key: 'agency', label: '所属机关', children: <AgencyLink id={d.agencyId} /> },
  ];

  return (
    <>
      <PageHeader
        title={<span data-testid="device-title">{`${d.kindLabel} ${d.serialNumber}`}</span>}
        tags={<DeviceStatusTag d={d} />}
        extra={
          manage ? (
            <>
              <Button icon={<SwapOutlined />} onClick={() => setAssigning(true)} data-testid="device-assign">
                {d.holder ? '转配发' : '配发'}
              </Button>
              {d.holder ? (
                <Button icon={<UndoOutlined />} onClick={takeBack} data-testid="device-return">
                  收回
                </Button>
              ) : null}
              <Button danger icon={<StopOutlined />} onClick={retire} data-testid="device-retire">
                停用
              </Button>
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="设备信息" size="small">
            <Descriptions column={1} size="small" items={facts} />
          </Card>
        </Col>
        <Col xs={24} lg={14} style={{ minWidth: 0 }}>
          <Card title="配发记录" size="small">
            <Table<DeviceAssignment>
              rowKey={(a) => `${a.officerId}|${a.assignedAt}`}
              size="small"
              pagination={false}
              dataSource={d.assignments}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '从未配发' }}
              columns={[
                {
                  title: '持有人',
                  dataIndex: 'officerName',
                  render: (v: string | null, a) => (
                    <Link to={`/officers/${seg(a.officerId)}`}>{v ?? '本机关人员'}</Link>
                  ),
                },
                { title: '配发时间', dataIndex: 'assignedAt', render: (v: string) => formatInstant(v) },
                {
                  title: '收回时间',
                  dataIndex: 'returnedAt',
                  render: (v: string | null) =>
                    v ? formatInstant(v) : <Typography.Text type="success">持有中</Typography.Text>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`该设备产生的记录（${d.records.length}）`} size="small">
            <EvidenceList
              items={d.records}
              deviceName={() => deviceLabel(d)}
              officerName={(o) => names.get(o)}
              emptyText="该设备尚未产生记录"
            />
          </Card>
        </Col>
      </Row>
      <AssignModal
        d={d}
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={(answer) => {
          setAssigning(false);
          setChanged(answer);
        }}
      />
    </>
  );
}
