// 查封（扣押）决定书 (实施行政强制措施决定书): 行政强制法第二十四条 lists what it states — 当事人, 理由和依据,
// 场所、设施或者财物的名称、数量等, 期限, 申请行政复议或者提起行政诉讼的途径和期限, 机关名称、印章和日期.
// 第二十五条: 查封、扣押的期限不得超过三十日 (延长须经机关负责人批准, 延长不得超过三十日).
import { addDays, isIsoDate } from '../../../../platform/identifiers/date.ts';
import { type RuleViolation, violation } from '../../../../platform/identifiers/violation.ts';
import { RULEBOOK_DEFAULTS } from '../../../../platform/rulebook/defaults.ts';
import type { DocumentTemplate } from '../types.ts';
import { caseCauseField, courtField, partyBlock, partyField, reviewAuthorityField } from './common.ts';

/** 行政强制法第二十五条, from the rulebook. An extension (延长) is a separate decision with its own term. */
export const MAX_COERCIVE_MEASURE_DAYS = RULEBOOK_DEFAULTS.coerciveTermDays.value;

export const coerciveMeasureDecision: DocumentTemplate = {
  kind: 'coercive_measure_decision',
  title: '查封（扣押）决定书',
  titleFor: (data) =>
    data.measure === '查封' || data.measure === '扣押' ? `${data.measure}决定书` : '查封（扣押）决定书',
  numberPrefix: '强制',
  fields: [
    partyField,
    { key: 'measure', label: '强制措施', type: 'enum', options: ['查封', '扣押'], required: true },
    caseCauseField,
    { key: 'facts', label: '查明的情况', type: 'longtext', required: true },
    { key: 'legalBasis', label: '法律依据', type: 'text', required: true },
    {
      key: 'items',
      label: '场所、设施或者财物清单',
      type: 'grid',
      required: true,
      columns: [
        { key: 'name', label: '名称', width: 3, required: true },
        { key: 'spec', label: '规格', width: 2 },
        { key: 'quantity', label: '数量', width: 1.4, required: true },
        { key: 'note', label: '备注', width: 2 },
      ],
    },
    { key: 'startDate', label: '起始日期', type: 'date', required: true },
    { key: 'endDate', label: '届满日期', type: 'date', required: true },
    { key: 'custodyPlace', label: '存放地点', type: 'text', required: false },
    reviewAuthorityField,
    courtField,
  ],
  blocks: [
    partyBlock(),
    { type: 'paragraph', id: 'facts', text: '本局在办理{{caseCause}}一案中查明：{{facts}}' },
    {
      type: 'paragraph',
      id: 'decision',
      text:
        '依据{{legalBasis}}的规定，本局决定对你（单位）的下列场所、设施或者财物（详见所附清单）实施{{measure}}，' +
        '{{measure}}期限自{{startDate}}起至{{endDate}}止。',
    },
    {
      type: 'paragraph',
      id: 'testing',
      text:
        '对物品需要进行检测、检验、检疫或者技术鉴定的，{{measure}}的期间不包括检测、检验、检疫或者技术鉴定的期间，' +
        '本局将另行书面告知。',
    },
    {
      type: 'paragraph',
      id: 'custody',
      when: 'custodyPlace',
      text: '被{{measure}}的财物存放于{{custodyPlace}}。',
    },
    {
      type: 'paragraph',
      id: 'duty',
      text: '{{measure}}期间，任何单位和个人不得擅自启封、转移、隐匿、损毁、使用或者变卖被{{measure}}的场所、设施或者财物。',
    },
    {
      type: 'paragraph',
      id: 'remedy',
      text:
        '如不服本决定，可以在收到本决定书之日起六十日内向{{reviewAuthority}}申请行政复议，' +
        '或者在六个月内依法向{{court}}提起行政诉讼。',
    },
    { type: 'signoff', id: 'signoff' },
    { type: 'grid', id: 'itemsTable', field: 'items', caption: '附：{{measure}}场所、设施或者财物清单' },
  ],
  checks: (ctx) => {
    const out: RuleViolation[] = [];
    const { startDate: s, endDate: e } = ctx.data;
    if (isIsoDate(s) && isIsoDate(e)) {
      if (e < s) out.push(violation('DOCUMENT_DATE_ORDER', '届满日期不得早于起始日期', 'endDate'));
      // 民法典第二百零一条: the day the period starts is not counted, so it may end on start + 30.
      else if (e > addDays(s, MAX_COERCIVE_MEASURE_DAYS)) {
        out.push(
          violation(
            'DOCUMENT_COERCIVE_PERIOD_TOO_LONG',
            `查封、扣押的期限不得超过${MAX_COERCIVE_MEASURE_DAYS}日（《中华人民共和国行政强制法》第二十五条）`,
            'endDate',
          ),
        );
      }
    }
    return out;
  },
};
