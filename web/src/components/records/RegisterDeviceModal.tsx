import { App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { useUser } from '../../auth.tsx';
import { useShowError } from '../../hooks.ts';
import { optionsOf } from '../../labels.ts';
import { isOversight } from '../../permissions.ts';
import { DEVICE_KIND_LABELS } from '../../recordLabels.ts';
import type { Created, DeviceKind } from '../../recordTypes.ts';
import { AgencySelect } from '../AgencySelect.tsx';

interface Values {
  agencyId: string;
  kind: DeviceKind;
  serialNumber: string;
  model: string;
}

/** 登记设备: a recorder the agency owns (R11), so that each AV record can name the device that made it. */
export function RegisterDeviceModal({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: (id: string) => void;
}) {
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  const pickAgency = isOversight(user) || !user.agencyId;

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const { id } = await api.post<Created>('/api/devices', {
        agencyId: v.agencyId,
        kind: v.kind,
        serialNumber: v.serialNumber.trim(),
        model: (v.model ?? '').trim(),
      });
      void message.success('设备已登记');
      form.resetFields();
      onRegistered(id);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="登记设备"
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'device-register-submit' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          agencyId: pickAgency ? undefined : (user.agencyId ?? undefined),
          kind: 'body_camera',
        }}
      >
        {pickAgency ? (
          <Form.Item label="执法机关" name="agencyId" rules={[{ required: true, message: '请选择执法机关' }]}>
            <AgencySelect />
          </Form.Item>
        ) : (
          <Form.Item name="agencyId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item label="设备类型" name="kind" rules={[{ required: true, message: '请选择设备类型' }]}>
          <Select options={optionsOf(DEVICE_KIND_LABELS)} data-testid="device-kind" />
        </Form.Item>
        <Form.Item
          label="设备编号"
          name="serialNumber"
          rules={[{ required: true, whitespace: true, message: '请填写设备编号' }]}
        >
          <Input maxLength={64} placeholder="如：SCJG-JLY-003" data-testid="device-serial" />
        </Form.Item>
        <Form.Item
          label="型号"
          name="model"
          rules={[{ required: true, whitespace: true, message: '请填写型号' }]}
        >
          <Input maxLength={100} placeholder="如：DSJ-V9 执法记录仪" data-testid="device-model" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
