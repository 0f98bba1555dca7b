import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { officerOptions } from '../../caseData.ts';
import { todayInShanghai, yuanToFen } from '../../caseFormat.ts';
import { choiceLabel } from '../../caseLabels.ts';
import type { InputSpec } from '../../caseTypes.ts';
import type { Officer } from '../../types.ts';
import { PenaltyFields, type PenaltyValues, penaltyTerms } from './PenaltyFields.tsx';

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
]);

/** Text inputs that hold an officer's id. */
const OFFICER_ID = new Set(['hostOfficerId', 'officerId', 'replacementOfficerId']);

/** After today in Asia/Shanghai, where the server counts days (the browser may be elsewhere). */
const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > todayInShanghai();

function Field({ spec, officers, optional }: { spec: InputSpec; officers: Officer[]; optional: boolean }) {
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
              options={officerOptions(officers)}
              showSearch={{ optionFilterProp: 'label' }}
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
}: {
  inputs: readonly InputSpec[];
  officers: Officer[];
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
          LONG_TEXT.has(spec.key);
        return (
          <Col xs={24} md={wide ? 24 : 12} key={spec.key}>
            <Field
              spec={spec}
              officers={officers}
              optional={Boolean(spec.optional) || relaxed.includes(spec.key)}
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
