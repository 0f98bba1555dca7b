import { App, type ButtonProps, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, seg } from '../../api.ts';
import { DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseDetail, IssuedDocument } from '../../caseTypes.ts';
import { DOCUMENT, DocumentEditor, type DocumentProblem, useDocumentDraft } from './DocumentForm.tsx';
import { useDocumentPreview } from './DocumentPreview.tsx';
import { RefusalAlert } from './RefusalAlert.tsx';

interface Values {
  kind: string;
  document?: Record<string, unknown>;
}

/** 制作文书 on its own (笔录, 送达回证, 审批表 …): POST /api/cases/:id/documents. */
export function IssueDocumentModal({
  c,
  onClose,
  onIssued,
}: {
  c: CaseDetail;
  /** Unused: the server drafts the document from the item's legal basis itself. */
  legalBasis?: string;
  onClose: () => void;
  onIssued: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Missing entries are marked on the fields once the officer tried to issue the document.
  const [reveal, setReveal] = useState(false);
  const { message } = App.useApp();
  // Only the kinds the server says this user may issue on this case now.
  const kinds = c.can.documents;
  const first = kinds[0]?.value ?? '';
  const kind = (Form.useWatch('kind', form) as string | undefined) ?? first;
  const docValues = Form.useWatch(DOCUMENT, { form, preserve: true }) as Record<string, unknown> | undefined;
  const doc = useDocumentDraft(form, c.id, c.team);
  const { load } = doc;

  // Each kind starts from its own draft, written from the case.
  useEffect(() => {
    if (!kind) return;
    setReveal(false);
    void load({ kind }, false);
  }, [kind, load]);

  const data = doc.draft?.kind === kind ? doc.dataOf(docValues) : null;
  const preview = useDocumentPreview(c.id, data ? { kind, data } : null);
  const refusalProblems: DocumentProblem[] = error
    ? error.reasons.filter((r): r is DocumentProblem => r.field !== null)
    : [];

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = doc.draft?.kind === v.kind ? doc.dataOf(form.getFieldValue(DOCUMENT)) : null;
    if (!body) return;
    setSaving(true);
    setError(null);
    setReveal(true);
    try {
      const r = await api.post<IssuedDocument>(`/api/cases/${seg(c.id)}/documents`, {
        kind: v.kind,
        data: body,
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
      width={1100}
      okText="签发"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'document-submit', disabled: !doc.draft } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: first }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item label="文书种类" name="kind" rules={[{ required: true, message: '请选择文书种类' }]}>
          <Select options={kinds} data-testid="document-kind" style={{ maxWidth: 360 }} />
        </Form.Item>
        <DocumentEditor
          draft={doc.draft?.kind === kind ? doc.draft : null}
          loading={doc.loading}
          error={doc.error}
          team={c.team}
          preview={preview}
          reveal={reveal}
          extraProblems={refusalProblems}
        />
      </Form>
      {error ? <RefusalAlert error={error} title="未能签发" /> : null}
    </Modal>
  );
}
