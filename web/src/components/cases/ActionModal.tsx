import { Alert, Button, Divider, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, seg } from '../../api.ts';
import { officerOptions } from '../../caseData.ts';
import { todayInShanghai } from '../../caseFormat.ts';
import { AV_STEP_LABELS, DOCUMENT_LABELS } from '../../caseLabels.ts';
import type { CaseAction, CaseDetail, TransitionAnswer } from '../../caseTypes.ts';
import { splitField } from '../../hooks.ts';
import type { Officer } from '../../types.ts';
import { ActionInputs, payloadFieldPath, toPayload } from './ActionInputs.tsx';
import { DOCUMENT, DocumentEditor, type DocumentProblem, useDocumentDraft } from './DocumentForm.tsx';
import { useDocumentPreview } from './DocumentPreview.tsx';
import { PartyFields, type PartyValues, partyInput, partyValues } from './PartyFields.tsx';
import { penaltyValues } from './PenaltyFields.tsx';
import { RefusalAlert } from './RefusalAlert.tsx';

interface Values {
  payload?: Record<string, unknown>;
  issueDocument?: boolean;
  document?: Record<string, unknown>;
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
    // The notice starts from the penalty the head approved (it must announce exactly that), the
    // decision from the notice.
    if (spec.kind === 'penalty')
      payload[spec.key] = penaltyValues(
        c.snapshot.notifiedPenalty ?? c.snapshot.approvedProposal?.penalty ?? c.snapshot.penalty ?? null,
      );
  }
  // A resubmission for legal review starts from what the last round submitted, to the same reviewer.
  const last = c.snapshot.legalReview?.rounds.at(-1);
  if (a.action === 'submit_legal_review' && last) {
    payload.facts = last.subject.facts;
    payload.provisions = last.subject.provisions;
    payload.discretion = last.subject.discretion || undefined;
    payload.reviewerOfficerId = last.reviewerOfficerId;
    if (last.subject.penalty) payload.penalty = penaltyValues(last.subject.penalty);
  }
  if (a.action === 'mark_review_grounds' && c.snapshot.reviewGrounds)
    payload.grounds = [...c.snapshot.reviewGrounds.grounds];
  // A step whose document the law requires issues it: the switch starts on and stays on.
  const v: Values = { payload, issueDocument: Boolean(a.issuesDocument && a.documentRequired) };
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
  onClose,
  onDone,
}: {
  c: CaseDetail;
  action: CaseAction | null;
  officers: Officer[];
  /** Unused: the server drafts the document from the item's legal basis itself. */
  legalBasis?: string;
  onClose: () => void;
  onDone: (answer: TransitionAnswer) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Missing entries are marked on the document's fields once the officer tried to issue it.
  const [reveal, setReveal] = useState(false);
  const issue = Form.useWatch('issueDocument', form) as boolean | undefined;
  const payloadValues = Form.useWatch('payload', form) as Record<string, unknown> | undefined;
  const docValues = Form.useWatch(DOCUMENT, { form, preserve: true }) as Record<string, unknown> | undefined;
  const doc = useDocumentDraft(form, c.id, c.team);
  const { reset: resetDraft, load: loadDraft } = doc;
  const docKind = action?.issuesDocument ?? null;
  const issuing = Boolean(docKind && issue);

  useEffect(() => {
    if (!action) return;
    setError(null);
    setReveal(false);
    resetDraft();
    form.resetFields();
    form.setFieldsValue(initialValues(c, action));
  }, [action, c, form, resetDraft]);

  const payload = useMemo(
    () => (action ? toPayload(action.inputs, payloadValues) : {}),
    [action, payloadValues],
  );
  // The draft is written from the step's choices (penalty, dates, officers), not from its free text:
  // typing there would ask for a draft at every pause, and every draft reads (and audits) the party's
  // personal data. A new draft keeps the officer's own entries (see `redraft`).
  const draftKey = useMemo(() => {
    if (!action || !issuing) return '';
    const kinds = new Map(action.inputs.map((s) => [s.key, s.kind]));
    return JSON.stringify(
      Object.fromEntries(Object.entries(payload).filter(([k]) => kinds.get(k) !== 'text')),
    );
  }, [action, issuing, payload]);
  const hasDraft = doc.draft !== null;
  // hasDraft only sets the delay: a draft arriving must not ask for another.
  // biome-ignore lint/correctness/useExhaustiveDependencies: hasDraft is left out on purpose
  useEffect(() => {
    if (!draftKey || !action || !docKind) return;
    const t = setTimeout(
      () =>
        void loadDraft(
          { kind: docKind, action: action.action, payload: JSON.parse(draftKey) as Record<string, unknown> },
          true,
        ),
      hasDraft ? 500 : 0,
    );
    return () => clearTimeout(t);
  }, [draftKey, action, docKind, loadDraft]);

  const docData = issuing ? doc.dataOf(docValues) : null;
  const preview = useDocumentPreview(
    c.id,
    action && docKind && docData ? { kind: docKind, action: action.action, payload, data: docData } : null,
  );

  if (!action) return null;
  const docLabel = docKind ? (DOCUMENT_LABELS[docKind] ?? docKind) : '';
  const filing = isFiling(c, action);
  const avStep = missingAv(c, action);
  // A refusal's reasons that name a field of the document are marked on that field as well.
  const refusalProblems: DocumentProblem[] =
    issuing && error
      ? error.reasons.filter(
          (r): r is DocumentProblem =>
            r.field !== null && /^DOCUMENT_|^INVALID_(USCC|RESIDENT_ID|CERTIFICATE_NO)$/.test(r.code),
        )
      : [];

  const markFields = (e: ApiError) => {
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const r of e.reasons) {
      if (!r.field) continue;
      let name = payloadFieldPath(action.inputs, r.field);
      if (!name && filing && /^(party|teamOfficerIds|title|team)\b/.test(r.field)) {
        name = r.field.startsWith('team') ? ['case', 'teamOfficerIds'] : ['case', ...splitField(r.field)];
      }
      if (!name && r.field.startsWith('case.')) name = splitField(r.field);
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
    if (docKind && values.issueDocument) {
      const data = doc.dataOf(form.getFieldValue(DOCUMENT) as Record<string, unknown> | undefined);
      if (!data) {
        setError(new ApiError(0, 'CLIENT', `《${docLabel}》尚未生成，请稍候再办理`));
        return;
      }
      body.document = data;
      setReveal(true);
    }
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
      width={issuing ? 1100 : 760}
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
          team={c.snapshot.teamOfficerIds}
          caseId={c.id}
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
              <Switch data-testid="issue-document" disabled={action.documentRequired} />
            </Form.Item>
            {issuing ? (
              <DocumentEditor
                draft={doc.draft}
                loading={doc.loading}
                error={doc.error}
                team={c.team}
                preview={preview}
                reveal={reveal}
                extraProblems={refusalProblems}
              />
            ) : null}
          </>
        ) : null}
      </Form>
      {error ? <RefusalAlert error={error} /> : null}
    </Modal>
  );
}
