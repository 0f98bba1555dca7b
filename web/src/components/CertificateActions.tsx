import { App, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { api, seg } from '../api.ts';
import { useShowError } from '../hooks.ts';
import { CERTIFICATE_ACTION_LABELS, optionsOf, REVOCATION_CAUSE_LABELS } from '../labels.ts';
import type {
  CertificateAction,
  CertificateStatusInput,
  Officer,
  OfficerDetail,
  RevocationCause,
} from '../types.ts';

interface Values {
  reason: string;
  revocationCause?: RevocationCause;
}

/** 暂扣 / 恢复 / 注销 with a reason (`POST /api/officers/:id/certificate-status`). */
export function CertificateActions({ officer, onDone }: { officer: OfficerDetail; onDone: () => void }) {
  const [action, setAction] = useState<CertificateAction | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useShowError();
  // The server says which actions the certificate's status and the caller's rights allow.
  const actions = officer.can.certificateActions;
  if (actions.length === 0) return null;

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields();
    const body: CertificateStatusInput = { action, reason: values.reason.trim() };
    if (action === 'revoke') body.revocationCause = values.revocationCause;
    setSaving(true);
    try {
      await api.post<Officer>(`/api/officers/${seg(officer.id)}/certificate-status`, body);
      void message.success(`已${CERTIFICATE_ACTION_LABELS[action]}执法证`);
      setAction(null);
      onDone();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            danger={a === 'revoke'}
            type={a === 'reinstate' ? 'primary' : 'default'}
            onClick={() => {
              form.resetFields();
              setAction(a);
            }}
            data-testid={`certificate-${a}`}
          >
            {CERTIFICATE_ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      <Modal
        title={
          action
            ? `${CERTIFICATE_ACTION_LABELS[action]}执法证：${officer.name}（${officer.certificateNo ?? ''}）`
            : ''
        }
        open={action !== null}
        onCancel={() => setAction(null)}
        onOk={() => void submit().catch(() => undefined)}
        okText={action ? `确认${CERTIFICATE_ACTION_LABELS[action]}` : '确认'}
        okButtonProps={{ danger: action === 'revoke' }}
        cancelText="取消"
        confirmLoading={saving}
        forceRender
      >
        <Form form={form} layout="vertical">
          {action === 'revoke' ? (
            <Form.Item
              label="注销原因类别"
              name="revocationCause"
              rules={[{ required: true, message: '请选择注销原因类别' }]}
            >
              <Radio.Group options={optionsOf(REVOCATION_CAUSE_LABELS)} />
            </Form.Item>
          ) : null}
          <Form.Item
            label="事由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写事由' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
