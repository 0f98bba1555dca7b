import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, seg } from '../api.ts';
import { useShowError } from '../hooks.ts';
import type { Unit } from '../types.ts';

interface Props {
  agencyId: string;
  /** null: closed; 'new': add a unit; a Unit: rename / edit it. */
  unit: Unit | 'new' | null;
  onClose: () => void;
  onDone: () => void;
}

/** Add or edit an internal unit (内设机构): `POST|PATCH /api/agencies/:id/units[/:unitId]`. */
export function UnitModal({ agencyId, unit, onClose, onDone }: Props) {
  const [form] = Form.useForm<{ name: string; functions: string }>();
  const [saving, setSaving] = useState(false);
  const showError = useShowError();
  const editing = unit !== null && unit !== 'new' ? unit : null;

  useEffect(() => {
    if (unit === 'new') form.setFieldsValue({ name: '', functions: '' });
    else if (unit) form.setFieldsValue({ name: unit.name, functions: unit.functions ?? '' });
  }, [unit, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const body = { name: values.name.trim(), functions: (values.functions ?? '').trim() };
    setSaving(true);
    try {
      if (editing) {
        const patch: Partial<typeof body> = {};
        if (body.name !== editing.name) patch.name = body.name;
        if (body.functions !== (editing.functions ?? '')) patch.functions = body.functions;
        if (Object.keys(patch).length > 0) {
          await api.patch<Unit>(`/api/agencies/${seg(agencyId)}/units/${seg(editing.id)}`, patch);
        }
      } else {
        await api.post<Unit>(`/api/agencies/${seg(agencyId)}/units`, body);
      }
      onDone();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={editing ? `编辑内设机构：${editing.name}` : '新增内设机构'}
      open={unit !== null}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="职能" name="functions">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
