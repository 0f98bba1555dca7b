import { Alert, Button, Card, Col, Divider, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { officerOptions, useAgencyItems, useCertifiedOfficers } from '../caseData.ts';
import { ITEM_TYPE_FOR, OPEN_LABELS, OPENING_INPUTS, PROCEDURE_LABELS } from '../caseLabels.ts';
import type { CaseDetail, Procedure } from '../caseTypes.ts';
import { ActionInputs, payloadFieldPath, toPayload } from '../components/cases/ActionInputs.tsx';
import { LeadPicker } from '../components/cases/LeadPicker.tsx';
import { PartyFields, type PartyValues, partyInput } from '../components/cases/PartyFields.tsx';
import { RefusalAlert } from '../components/cases/RefusalAlert.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { splitField } from '../hooks.ts';
import { useUrlQuery } from '../urlState.ts';

interface Values {
  itemId?: string;
  title?: string;
  party?: PartyValues;
  teamOfficerIds?: string[];
  payload?: Record<string, unknown>;
}

const PROCEDURES = Object.keys(PROCEDURE_LABELS) as Procedure[];

/** 登记案源 / 新建: a lead, or a summary procedure, coercive measure or inspection opened directly. */
export function CaseNewPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [query, setQuery] = useUrlQuery(['procedure'] as const);
  const procedure = (
    PROCEDURES.includes(query.procedure as Procedure) ? query.procedure : 'lead'
  ) as Procedure;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { data: items = [], loading: itemsLoading } = useAgencyItems(user.agencyId, ITEM_TYPE_FOR[procedure]);
  const { data: officers = [] } = useCertifiedOfficers(user.agencyId);
  const lead = procedure === 'lead';
  const inputs = OPENING_INPUTS[procedure];

  // One item of the right type: choose it; a procedure change clears a choice of the wrong type.
  useEffect(() => {
    const current = form.getFieldValue('itemId') as string | undefined;
    if (current && items.some((i) => i.id === current)) return;
    form.setFieldValue('itemId', items.length === 1 ? items[0]?.id : undefined);
  }, [items, form]);
  // The officer opening it is on the team (summary, coercive and inspection are opened by a team member).
  useEffect(() => {
    if (lead || !user.officerId || !officers.some((o) => o.id === user.officerId)) return;
    const team = (form.getFieldValue('teamOfficerIds') as string[] | undefined) ?? [];
    if (team.length === 0) form.setFieldValue('teamOfficerIds', [user.officerId]);
  }, [lead, officers, user.officerId, form]);

  const onFinish = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const body = {
        procedure,
        itemId: v.itemId,
        title: v.title?.trim(),
        party: partyInput(v.party),
        ...(lead ? {} : { teamOfficerIds: v.teamOfficerIds ?? [] }),
        payload: toPayload(inputs, v.payload),
      };
      const c = await api.post<CaseDetail>('/api/cases', body);
      void navigate(`/cases/${seg(c.id)}`);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '提交失败，请重试');
      setError(err);
      const fields = err.reasons
        .filter((r) => r.field)
        .map((r) => {
          const f = r.field ?? '';
          const name =
            payloadFieldPath(inputs, f) ??
            (f.startsWith('team')
              ? ['teamOfficerIds']
              : ['itemId', 'title'].includes(f) || f.startsWith('party.')
                ? splitField(f)
                : null);
          return name ? { name, errors: [r.message] } : null;
        })
        .filter((x): x is { name: (string | number)[]; errors: string[] } => x !== null);
      try {
        form.setFields(fields);
      } catch {
        /* shown in the alert */
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={lead ? '登记案源' : OPEN_LABELS[procedure]} />
      <Card size="small">
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">程序</Typography.Text>
          <Radio.Group
            value={procedure}
            optionType="button"
            buttonStyle="solid"
            onChange={(e) => {
              setError(null);
              setQuery({ procedure: e.target.value === 'lead' ? null : e.target.value });
            }}
            options={PROCEDURES.map((p) => ({ value: p, label: PROCEDURE_LABELS[p] }))}
            data-testid="case-new-procedure"
          />
        </Flex>
        {procedure === 'ordinary' ? (
          <LeadPicker />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={(v) => void onFinish(v)}
            initialValues={{ party: { type: 'legal_person' } }}
            onValuesChange={() => setError(null)}
          >
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  label="执法事项"
                  name="itemId"
                  rules={[{ required: true, message: '请选择执法事项' }]}
                >
                  <Select
                    loading={itemsLoading}
                    options={items.map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }))}
                    showSearch={{ optionFilterProp: 'label' }}
                    notFoundContent={`本机关没有${PROCEDURE_LABELS[procedure]}类执法事项`}
                    data-testid="case-new-item"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  label={lead ? '案源名称' : '案件名称'}
                  name="title"
                  rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
                >
                  <Input
                    maxLength={200}
                    placeholder="如：涉嫌未取得食品经营许可从事食品经营活动案"
                    data-testid="case-new-title"
                  />
                </Form.Item>
              </Col>
            </Row>
            <ActionInputs inputs={inputs} officers={officers} />
            {lead ? null : (
              <Form.Item
                label="承办执法人员（两名以上持证人员）"
                name="teamOfficerIds"
                rules={[{ required: true, type: 'array', min: 2, message: '请选择至少两名持证执法人员' }]}
              >
                <Select
                  mode="multiple"
                  options={officerOptions(officers)}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="case-new-team"
                />
              </Form.Item>
            )}
            <Divider titlePlacement="start">{lead ? '当事人（已知时填写）' : '当事人'}</Divider>
            <PartyFields prefix={['party']} required={!lead} />
            {error ? <RefusalAlert error={error} title="未能提交" /> : null}
            <Flex gap={8} style={{ marginTop: 16 }}>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="case-new-submit">
                {lead ? '登记' : '提交'}
              </Button>
              <Button onClick={() => void navigate('/cases')}>取消</Button>
            </Flex>
          </Form>
        )}
      </Card>
      {procedure !== 'ordinary' && !lead ? (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={`${OPEN_LABELS[procedure]}由承办执法人员提出，须两名以上持证执法人员，执法事项类型须与程序相符。`}
        />
      ) : null}
    </>
  );
}
