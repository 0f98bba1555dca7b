import { Alert, Button, Divider, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api, seg } from '../../api.ts';
import { officerOptions } from '../../caseData.ts';
import { documentTemplate } from '../../caseDocuments.ts';
import { todayInShanghai } from '../../caseFormat.ts';
import { AV_STEP_LABELS, DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseAction, CaseDetail, TransitionAnswer } from '../../caseTypes.ts';
import { splitField } from '../../hooks.ts';
import type { Officer } from '../../types.ts';
import { ActionInputs, payloadFieldPath, toPayload } from './ActionInputs.tsx';
import { DocumentDataField, parseDocumentJson } from './DocumentDataField.tsx';
import { PartyFields, type PartyValues, partyInput, partyValues } from './PartyFields.tsx';
import { penaltyValues } from './PenaltyFields.tsx';
import { RefusalAlert } from './RefusalAlert.tsx';

interface Values {
  payload?: Record<string, unknown>;
  issueDocument?: boolean;
  document?: string;
  case?: { title?: string; teamOfficerIds?: string[]; party?: PartyValues };
}

/** Filing a lead (立案) opens the case: the form asks for its team and party. */
const isFiling = (c: CaseDetail, a: CaseAction) => c.procedure === 'lead' && a.action === 'file';

function initialValues(c: CaseDetail, a: CaseAction): Values {
  const payload: Record<string, unknown> = {};
  for (const spec of a.inputs) {
    if (spec.kind === 'past_date' && !spec.optional) payload[spec.key] = dayjs(todayInShanghai());
    if (spec.kind === 'officer_ids')
      payload[spec.key] = c.team.filter((m) => !m.isAuxiliary).map((m) => m.id);
    if (spec.kind === 'penalty')
      payload[spec.key] = penaltyValues(c.snapshot.notifiedPenalty ?? c.snapshot.penalty ?? null);
  }
  const v: Values = { payload, issueDocument: false };
  if (isFiling(c, a)) v.case = { title: c.title, teamOfficerIds: [], party: partyValues(c.party) };
  return v;
}

/**
 * Does this step still need an AV record before it can be completed (R4)? An AV evidence record
 * (photo, audio, video) of the step satisfies it.
 */
export function missingAv(c: CaseDetail, a: CaseAction): string | null {
  if (!a.av || (a.av.when === 'item' && !c.item?.requiresAv)) return null;
  if (c.evidence.some((x) => x.stepKey === a.av?.step && x.isAv)) return null;
  return AV_STEP_LABELS[a.av.step] ?? a.av.step;
}

/**
 * One step of the case: a form generated from the step's inputs, the document it issues (optional), and
 * the server's answer — on refusal every reason, as the server wrote it.
 */
export function ActionModal({
  c,
  action,
  officers,
  legalBasis,
  onClose,
  onDone,
}: {
  c: CaseDetail;
  action: CaseAction | null;
  officers: Officer[];
  legalBasis?: string;
  onClose: () => void;
  onDone: (answer: TransitionAnswer) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const issue = Form.useWatch('issueDocument', form) as boolean | undefined;

  useEffect(() => {
    if (!action) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(initialValues(c, action));
  }, [action, c, form]);

  if (!action) return null;
  const docKind = action.issuesDocument;
  const docLabel = docKind ? (DOCUMENT_LABELS[docKind] ?? docKind) : '';
  const filing = isFiling(c, action);
  const avStep = missingAv(c, action);

  const regenerate = () => {
    if (!docKind) return;
    const payload = toPayload(action.inputs, form.getFieldValue('payload'));
    const data = documentTemplate(docKind, { c, payload, legalBasis });
    form.setFieldValue('document', JSON.stringify(data, null, 2));
  };

  const markFields = (e: ApiError) => {
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const r of e.reasons) {
      if (!r.field) continue;
      let name = payloadFieldPath(action.inputs, r.field);
      if (!name && filing && /^(party|teamOfficerIds|title|team)\b/.test(r.field)) {
        name = r.field.startsWith('team') ? ['case', 'teamOfficerIds'] : ['case', ...splitField(r.field)];
      }
      if (!name && r.field.startsWith('case.')) name = splitField(r.field);
      if (!name && issue && /^DOCUMENT_|^INVALID_(USCC|RESIDENT_ID|CERTIFICATE_NO)$/.test(r.code))
        name = ['document'];
      if (name) fields.push({ name, errors: [r.message] });
    }
    try {
      form.setFields(fields);
    } catch {
      /* a field not on the form: the alert shows it */
    }
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body: Record<string, unknown> = {
      action: action.action,
      payload: toPayload(action.inputs, values.payload),
    };
    if (docKind && values.issueDocument) body.document = parseDocumentJson(values.document);
    if (filing) {
      body.case = {
        title: values.case?.title?.trim() || undefined,
        teamOfficerIds: values.case?.teamOfficerIds ?? [],
        party: partyInput(values.case?.party),
      };
    }
    setSaving(true);
    setError(null);
    try {
      const answer = await api.post<TransitionAnswer>(`/api/cases/${seg(c.id)}/transitions`, body);
      onDone(answer);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '操作失败，请重试');
      setError(err);
      markFields(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={action.label}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={saving}
          onClick={() => void submit()}
          data-testid="action-submit"
        >
          确认办理
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        办理人：{action.performers.join('、') || '—'}；办理后进入「{action.toLabel}」。
      </Typography.Paragraph>
      {avStep ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本环节须全程音像记录：请先在「证据和音像记录」中上传「${avStep}」环节的音像记录（照片、录音或录像）。`}
        />
      ) : null}
      <Form form={form} layout="vertical" onValuesChange={() => setError(null)}>
        <ActionInputs
          inputs={action.inputs}
          officers={officers}
          relaxed={docKind && issue ? ['documentNo'] : []}
        />
        {filing ? (
          <>
            <Divider titlePlacement="start">立案信息</Divider>
            <Form.Item
              label="案件名称"
              name={['case', 'title']}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={200} data-testid="file-title" />
            </Form.Item>
            <Form.Item
              label="承办执法人员（两名以上持证人员）"
              name={['case', 'teamOfficerIds']}
              rules={[{ required: true, type: 'array', min: 2, message: '请选择至少两名持证执法人员' }]}
            >
              <Select
                mode="multiple"
                options={officerOptions(officers)}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="file-team"
              />
            </Form.Item>
            <PartyFields prefix={['case', 'party']} required />
          </>
        ) : null}
        {docKind ? (
          <>
            <Divider titlePlacement="start">同时签发文书</Divider>
            <Form.Item
              name="issueDocument"
              valuePropName="checked"
              label={`同时签发《${docLabel}》（文号由系统连续编号）`}
            >
              <Switch
                data-testid="issue-document"
                onChange={(on) => {
                  if (on && !form.getFieldValue('document')) regenerate();
                }}
              />
            </Form.Item>
            {issue ? <DocumentDataField label={docLabel} onRegenerate={regenerate} /> : null}
          </>
        ) : null}
      </Form>
      {error ? <RefusalAlert error={error} /> : null}
    </Modal>
  );
}
