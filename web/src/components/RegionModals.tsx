import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, seg } from '../api.ts';
import { useShowError } from '../hooks.ts';
import { derivedParentCode, regionLevelLabel } from '../regionTree.ts';
import type { Region } from '../types.ts';

interface AddProps {
  open: boolean;
  /** Code prefix to start with (the parent's significant digits). */
  prefix: string;
  regions: Region[];
  onClose: () => void;
  onDone: () => void;
}

export function AddRegionModal({ open, prefix, regions, onClose, onDone }: AddProps) {
  const [form] = Form.useForm<{ code: string; name: string }>();
  const [saving, setSaving] = useState(false);
  const showError = useShowError();
  const code = Form.useWatch('code', form) ?? '';
  const parentCode = derivedParentCode(code);
  const parent = parentCode ? regions.find((r) => r.code === parentCode) : undefined;

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.post<Region>('/api/regions', { code: values.code.trim(), name: values.name.trim() });
      onDone();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新增行政区划"
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" key={prefix} initialValues={{ code: prefix, name: '' }}>
        <Form.Item
          label="区划代码"
          name="code"
          extra="GB/T 2260 区划代码；上级区划由代码自动确定"
          rules={[
            { required: true, message: '请输入区划代码' },
            { pattern: /^\d{6}(\d{3})?$/, message: '区划代码应为6位（乡镇为9位）数字' },
          ]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          上级区划：
          {parentCode
            ? parent
              ? `${parent.name}（${parent.code}）`
              : `${parentCode}（未找到）`
            : '无（省级）'}
        </Typography.Paragraph>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RenameProps {
  region: Region | null;
  onClose: () => void;
  onDone: () => void;
}

export function RenameRegionModal({ region, onClose, onDone }: RenameProps) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const showError = useShowError();

  const submit = async () => {
    if (!region) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.patch<Region>(`/api/regions/${seg(region.code)}`, { name: values.name.trim() });
      onDone();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={
        region ? `重命名：${region.name}（${region.code}，${regionLevelLabel(region.level)}）` : '重命名'
      }
      open={region !== null}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        key={region?.code ?? ''}
        initialValues={{ name: region?.name ?? '' }}
      >
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
