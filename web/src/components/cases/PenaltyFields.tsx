import { Col, Form, InputNumber, Row, Select, Switch } from 'antd';
import { yuanToFen } from '../../caseFormat.ts';
import { PENALTY_KIND_LABELS } from '../../caseLabels.ts';
import type { PenaltyTerms } from '../../caseTypes.ts';

/** The form's penalty: kinds and amounts in yuan. */
export interface PenaltyValues {
  kinds?: PenaltyTerms['kinds'];
  fineYuan?: number | null;
  confiscatedGainsYuan?: number | null;
  confiscatedPropertyYuan?: number | null;
  otherSevere?: boolean;
}

/** Amount fields: the form's yuan key, the wire's fen key, the kind that needs it, its label. */
export const PENALTY_AMOUNTS = [
  ['fineYuan', 'fineFen', 'fine', '罚款金额'],
  ['confiscatedGainsYuan', 'confiscatedGainsFen', 'confiscate_illegal_gains', '没收违法所得金额'],
  ['confiscatedPropertyYuan', 'confiscatedPropertyFen', 'confiscate_illegal_property', '没收非法财物价值'],
] as const;

/** The penalty terms the server parses (rules/penalty.ts parsePenaltyTerms): money in integer fen. */
export function penaltyTerms(v: PenaltyValues | undefined): PenaltyTerms | undefined {
  if (!v?.kinds?.length) return undefined;
  const out: PenaltyTerms = { kinds: v.kinds };
  for (const [yuan, fen, kind] of PENALTY_AMOUNTS) {
    const amount = v[yuan];
    if (v.kinds.includes(kind) && typeof amount === 'number') out[fen] = yuanToFen(amount);
  }
  if (v.otherSevere) out.otherSevere = true;
  return out;
}

export function penaltyValues(p: PenaltyTerms | null | undefined): PenaltyValues | undefined {
  if (!p) return undefined;
  return {
    kinds: [...p.kinds],
    fineYuan: p.fineFen ? p.fineFen / 100 : null,
    confiscatedGainsYuan: p.confiscatedGainsFen ? p.confiscatedGainsFen / 100 : null,
    confiscatedPropertyYuan: p.confiscatedPropertyFen ? p.confiscatedPropertyFen / 100 : null,
    otherSevere: p.otherSevere ?? false,
  };
}

const KIND_OPTIONS = Object.entries(PENALTY_KIND_LABELS).map(([value, label]) => ({ value, label }));

/** 处罚内容: kinds (行政处罚法 art. 9) and, per kind, the amount in yuan. */
export function PenaltyFields({
  name,
  label,
  optional,
}: {
  name: (string | number)[];
  label: string;
  optional?: boolean;
}) {
  const kinds = (Form.useWatch([...name, 'kinds']) as string[] | undefined) ?? [];
  return (
    <>
      <Form.Item
        label={`${label}：处罚种类`}
        name={[...name, 'kinds']}
        rules={[
          { required: !optional, type: 'array', min: optional ? 0 : 1, message: '请至少选择一种处罚种类' },
        ]}
      >
        <Select
          mode="multiple"
          options={KIND_OPTIONS}
          placeholder="警告、罚款……"
          data-testid="penalty-kinds"
        />
      </Form.Item>
      <Row gutter={12}>
        {PENALTY_AMOUNTS.filter(([, , kind]) => kinds.includes(kind)).map(([yuan, , , amountLabel]) => (
          <Col xs={24} md={8} key={yuan}>
            <Form.Item
              label={amountLabel}
              name={[...name, yuan]}
              rules={[{ required: true, message: `请填写${amountLabel}` }]}
            >
              <InputNumber
                min={0.01}
                precision={2}
                step={100}
                style={{ width: '100%' }}
                suffix="元"
                data-testid={`penalty-${yuan}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        label="其他较重的行政处罚（行政处罚法第六十三条第一款第五、六项）"
        name={[...name, 'otherSevere']}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </>
  );
}
