import { App, type ButtonProps, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, api, seg } from '../../api.ts';
import { documentTemplate } from '../../caseDocuments.ts';
import { DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseDetail, IssuedDocument } from '../../caseTypes.ts';
import { DocumentDataField, parseDocumentJson } from './DocumentDataField.tsx';
import { RefusalAlert } from './RefusalAlert.tsx';

interface Values {
  kind: string;
  document: string;
}

/** 制作文书 on its own (笔录, 送达回证, 审批表 …): POST /api/cases/:id/documents. */
export function IssueDocumentModal({
  c,
  legalBasis,
  onClose,
  onIssued,
}: {
  c: CaseDetail;
  legalBasis?: string;
  onClose: () => void;
  onIssued: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { message } = App.useApp();
  // Only the kinds the server says this user may issue on this case now.
  const kinds = c.can.documents;
  const first = kinds[0]?.value ?? '';
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? first;
  const fill = (k: string) =>
    form.setFieldValue('document', JSON.stringify(documentTemplate(k, { c, legalBasis }), null, 2));

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    try {
      const r = await api.post<IssuedDocument>(`/api/cases/${seg(c.id)}/documents`, {
        kind: v.kind,
        data: parseDocumentJson(v.document),
      });
      void message.success(
        `已签发《${DOCUMENT_LABELS[v.kind] ?? v.kind}》${r.number ? `（${r.number}）` : ''}`,
      );
      onIssued();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '签发失败，请重试'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="制作并签发文书"
      width={760}
      okText="签发"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'document-submit' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          kind: first,
          document: JSON.stringify(documentTemplate(first, { c, legalBasis }), null, 2),
        }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item label="文书种类" name="kind" rules={[{ required: true }]}>
          <Select options={kinds} onChange={(k: string) => fill(k)} />
        </Form.Item>
        <DocumentDataField label={DOCUMENT_LABELS[kind] ?? kind} onRegenerate={() => fill(kind)} />
      </Form>
      {error ? <RefusalAlert error={error} title="未能签发" /> : null}
    </Modal>
  );
}
