import {
  Button,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { officerOptions } from '../../caseData.ts';
import { todayInShanghai, yuanToFen } from '../../caseFormat.ts';
import { choiceLabel } from '../../caseLabels.ts';
import type { InputSpec } from '../../caseTypes.ts';
import type { Officer } from '../../types.ts';
import { PenaltyFields, type PenaltyValues, penaltyTerms } from './PenaltyFields.tsx';
import { PointFacts, useReviewChecklist } from './ReviewChecklistFacts.tsx';

/** Free-text inputs that take a paragraph rather than a line. */
const LONG_TEXT = new Set([
  'summary',
  'reason',
  'findings',
  'statement',
  'requirement',
  'result',
  'evidenceList',
  'discussionRecord',
  'property',
  'surchargeNotImposedReason',
  'facts',
  'provisions',
  'discretion',
  'response',
  'reasons',
]);

/**
 * Inputs the server takes as optional only to answer their absence with the rule's own code (an opinion
 * without reasons: REVIEW_REASONS_REQUIRED); the form asks for them like any required input.
 */
const REQUIRED_BY_RULE = new Set(['reasons']);

/** Text inputs that hold an officer's id. */
const OFFICER_ID = new Set(['hostOfficerId', 'officerId', 'replacementOfficerId', 'reviewerOfficerId']);

/**
 * The officers a step may name: a legal reviewer (法制审核) is one of the agency's legal reviewers off the
 * case team (the server checks the review unit and the qualification); the others any certified officer.
 */
function officersFor(key: string, officers: Officer[], team: readonly string[]): Officer[] {
  return key === 'reviewerOfficerId'
    ? officers.filter((o) => o.isLegalReviewer && !team.includes(o.id))
    : officers;
}

/**
 * 审核内容清单: each point passed (符合) or a problem, with the problem written out; under each point the
 * platform's own facts on it (fetched once for the case), those calling for attention marked.
 */
function FindingsField({
  spec,
  name,
  caseId,
}: {
  spec: InputSpec;
  name: (string | number)[];
  caseId: string | undefined;
}) {
  const points = spec.options ?? [];
  const { data: checklist } = useReviewChecklist(caseId);
  return (
    <Form.Item label={spec.label} required extra="逐项填写审核结论；存在问题的须写明问题">
      <Form.List name={name} initialValue={points.map((point) => ({ point, ok: true }))}>
        {(rows) =>
          rows.map((row, i) => {
            const point = points[i] ?? '';
            const answer = checklist?.points.find((p) => p.point === point);
            return (
              <div key={row.key} data-testid={`finding-${point}`} style={{ marginBottom: 8 }}>
                <Typography.Text>
                  {i + 1}. {spec.optionLabels?.[point] ?? point}
                </Typography.Text>
                {answer ? <PointFacts answer={answer} /> : null}
                <Form.Item name={[row.name, 'point']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[row.name, 'ok']} style={{ marginBottom: 4 }}>
                  <Radio.Group
                    options={
                      // The last point asks a question whose "yes" is the problem: say it in its words.
                      point === 'crime'
                        ? [
                            { value: true, label: '未发现涉嫌犯罪' },
                            { value: false, label: '涉嫌犯罪，需要移送' },
                          ]
                        : [
                            { value: true, label: '符合' },
                            { value: false, label: '存在问题' },
                          ]
                    }
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) =>
                    getFieldValue([...name, row.name, 'ok']) === false ? (
                      <Form.Item
                        name={[row.name, 'note']}
                        rules={[{ required: true, whitespace: true, message: '请写明存在的问题' }]}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          maxLength={1000}
                          placeholder="存在的问题"
                          data-testid={`finding-${point}-note`}
                        />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </div>
            );
          })
        }
      </Form.List>
    </Form.Item>
  );
}

/** After today in Asia/Shanghai, where the server counts days (the browser may be elsewhere). */
const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > todayInShanghai();

function Field({
  spec,
  officers,
  optional,
  team,
  caseId,
}: {
  spec: InputSpec;
  officers: Officer[];
  optional: boolean;
  team: readonly string[];
  caseId: string | undefined;
}) {
  const name = ['payload', spec.key];
  const required = !optional;
  const testId = `input-${spec.key}`;
  switch (spec.kind) {
    case 'penalty':
      return <PenaltyFields name={name} label={spec.label} optional={optional} />;
    case 'flag':
      return (
        <Form.Item label={spec.label} name={name} valuePropName="checked" initialValue={false}>
          <Switch data-testid={testId} />
        </Form.Item>
      );
    case 'date':
    case 'past_date':
      return (
        <Form.Item
          label={spec.label}
          name={name}
          rules={[{ required, message: `请选择${spec.label}` }]}
          extra={spec.kind === 'past_date' ? '不能晚于今天' : undefined}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={spec.kind === 'past_date' ? afterToday : undefined}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'fen':
      return (
        <Form.Item label={spec.label} name={name} rules={[{ required, message: `请填写${spec.label}` }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix="元" data-testid={testId} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item label={spec.label} name={name} rules={[{ required, message: `请选择${spec.label}` }]}>
          <Select
            allowClear={optional}
            options={(spec.options ?? []).map((v) => ({ value: v, label: choiceLabel(spec, v) }))}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'instalments':
      // 行政处罚法 art. 66: each instalment a date and an amount in 元; the server checks the sum.
      return (
        <Form.Item label={spec.label} extra="各期金额合计应等于罚款，日期依次递增">
          <Form.List name={name}>
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Row gutter={8} key={row.key} align="middle">
                    <Col span={10}>
                      <Form.Item
                        name={[row.name, 'dueOn']}
                        rules={[{ required: true, message: `请选择第${i + 1}期缴纳期限` }]}
                      >
                        <DatePicker
                          style={{ width: '100%' }}
                          placeholder={`第${i + 1}期缴纳期限`}
                          data-testid={`${testId}-${i}-dueOn`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item
                        name={[row.name, 'amount']}
                        rules={[{ required: true, message: `请填写第${i + 1}期金额` }]}
                      >
                        <InputNumber
                          min={0.01}
                          precision={2}
                          style={{ width: '100%' }}
                          suffix="元"
                          data-testid={`${testId}-${i}-amount`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Button type="link" onClick={() => remove(row.name)}>
                        删除
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button onClick={() => add()} data-testid={`${testId}-add`}>
                  增加一期
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      );
    case 'choices':
      return (
        <Form.Item
          label={spec.label}
          name={name}
          rules={[{ required, type: 'array', min: required ? 1 : 0, message: `请选择${spec.label}` }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={(spec.options ?? []).map((v) => ({ value: v, label: choiceLabel(spec, v) }))}
            data-testid={testId}
          />
        </Form.Item>
      );
    case 'review_findings':
      return <FindingsField spec={spec} name={name} caseId={caseId} />;
    case 'officer_ids':
      return (
        <Form.Item
          label={spec.label}
          name={name}
          rules={[{ required, type: 'array', min: required ? 2 : 0, message: '请选择至少两名持证执法人员' }]}
        >
          <Select
            mode="multiple"
            options={officerOptions(officers)}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid={testId}
          />
        </Form.Item>
      );
    default:
      if (OFFICER_ID.has(spec.key)) {
        return (
          <Form.Item label={spec.label} name={name} rules={[{ required, message: `请选择${spec.label}` }]}>
            <Select
              options={officerOptions(officersFor(spec.key, officers, team))}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={
                spec.key === 'reviewerOfficerId' ? '本机关没有可以审核本案的法制审核人员' : undefined
              }
              data-testid={testId}
            />
          </Form.Item>
        );
      }
      return (
        <Form.Item
          label={spec.label}
          name={name}
          rules={[{ required, whitespace: true, message: `请填写${spec.label}` }]}
        >
          {LONG_TEXT.has(spec.key) ? (
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid={testId} />
          ) : (
            <Input maxLength={200} data-testid={testId} />
          )}
        </Form.Item>
      );
  }
}

/** A form for a step's inputs (InputSpec), under the form name `payload`. */
export function ActionInputs({
  inputs,
  officers,
  relaxed = [],
  team = [],
  caseId,
}: {
  inputs: readonly InputSpec[];
  officers: Officer[];
  /** The case the step is on: the reviewer's checklist shows the platform's facts on it. */
  caseId?: string;
  /** The case team's officer ids (a reviewer is never one of them). */
  team?: readonly string[];
  /** Keys the server fills itself in this request (e.g. 文号 when the document is issued with the step). */
  relaxed?: readonly string[];
}) {
  return (
    <Row gutter={12}>
      {inputs.map((spec) => {
        const wide =
          spec.kind === 'penalty' ||
          spec.kind === 'officer_ids' ||
          spec.kind === 'instalments' ||
          spec.kind === 'choices' ||
          spec.kind === 'review_findings' ||
          LONG_TEXT.has(spec.key);
        return (
          <Col xs={24} md={wide ? 24 : 12} key={spec.key}>
            <Field
              spec={spec}
              officers={officers}
              team={team}
              caseId={caseId}
              optional={
                (Boolean(spec.optional) && !REQUIRED_BY_RULE.has(spec.key)) || relaxed.includes(spec.key)
              }
            />
          </Col>
        );
      })}
    </Row>
  );
}

/** The request payload from the form values: dates as YYYY-MM-DD, money in fen, penalty terms. */
export function toPayload(inputs: readonly InputSpec[], values: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = {};
  for (const spec of inputs) {
    const v = values?.[spec.key];
    if (v === undefined || v === null || v === '') continue;
    switch (spec.kind) {
      case 'date':
      case 'past_date':
        out[spec.key] = dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v;
        break;
      case 'fen':
        if (typeof v === 'number') out[spec.key] = yuanToFen(v);
        break;
      case 'penalty': {
        const terms = penaltyTerms(v as PenaltyValues);
        if (terms) out[spec.key] = terms;
        break;
      }
      case 'text':
        if (typeof v === 'string' && v.trim()) out[spec.key] = v.trim();
        break;
      case 'instalments': {
        const rows = (Array.isArray(v) ? v : []) as ({ dueOn?: unknown; amount?: unknown } | undefined)[];
        const plan = rows
          .filter((r) => r && (r.dueOn || typeof r.amount === 'number'))
          .map((r) => ({
            dueOn: dayjs.isDayjs(r?.dueOn) ? r.dueOn.format('YYYY-MM-DD') : r?.dueOn,
            amountFen: typeof r?.amount === 'number' ? yuanToFen(r.amount) : r?.amount,
          }));
        if (plan.length > 0) out[spec.key] = plan;
        break;
      }
      case 'review_findings': {
        const rows = (Array.isArray(v) ? v : []) as { point: string; ok: boolean; note?: string }[];
        out[spec.key] = rows.map((r) =>
          r.ok === false && r.note?.trim()
            ? { point: r.point, ok: false, note: r.note.trim() }
            : { point: r.point, ok: r.ok !== false },
        );
        break;
      }
      default:
        if (!(Array.isArray(v) && v.length === 0)) out[spec.key] = v;
    }
  }
  return out;
}

/** A server field (`penalty.fineFen`, `servedOn`, `team.<id>`) as the form's name path, or null. */
export function payloadFieldPath(inputs: readonly InputSpec[], field: string): (string | number)[] | null {
  const [head, sub] = field.split('.');
  if (head === 'team' || head === 'teamOfficerIds') {
    return inputs.some((i) => i.key === 'teamOfficerIds') ? ['payload', 'teamOfficerIds'] : null;
  }
  const spec = inputs.find((i) => i.key === head);
  if (!spec) return null;
  if (spec.kind === 'penalty') {
    const amount = {
      fineFen: 'fineYuan',
      confiscatedGainsFen: 'confiscatedGainsYuan',
      confiscatedPropertyFen: 'confiscatedPropertyYuan',
    }[sub ?? ''];
    return ['payload', spec.key, amount ?? (sub === 'otherSevere' ? 'otherSevere' : 'kinds')];
  }
  return ['payload', spec.key];
}
