import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
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

interface Values {
  name: string;
  functions: string;
  isReviewUnit: boolean;
}

/** Add or edit an internal unit (内设机构): `POST|PATCH /api/agencies/:id/units[/:unitId]`. */
export function UnitModal({ agencyId, unit, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const showError = useShowError();
  const editing = unit !== null && unit !== 'new' ? unit : null;
  const initial: Values = editing
    ? { name: editing.name, functions: editing.functions ?? '', isReviewUnit: editing.isReviewUnit ?? false }
    : { name: '', functions: '', isReviewUnit: false };

  const submit = async () => {
    const values = await form.validateFields();
    const body: Partial<Values> = {
      name: values.name.trim(),
      functions: (values.functions ?? '').trim(),
      isReviewUnit: values.isReviewUnit,
    };
    setSaving(true);
    try {
      if (editing) {
        // Send only what changed.
        if (body.name === initial.name) delete body.name;
        if (body.functions === initial.functions) delete body.functions;
        if (body.isReviewUnit === initial.isReviewUnit) delete body.isReviewUnit;
        if (Object.keys(body).length > 0) {
          await api.patch<Unit>(`/api/agencies/${seg(agencyId)}/units/${seg(editing.id)}`, body);
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
      <Form form={form} layout="vertical" key={editing?.id ?? 'new'} initialValues={initial}>
        <Form.Item
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="职能" name="functions">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="isReviewUnit" valuePropName="checked">
          <Checkbox>法制审核机构</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
