// 行政处罚决定书, after the 行政处罚文书格式范本: 当事人 block, 立案和调查经过, 违法事实, 证据, 违反的规定,
// 处罚依据和内容, 履行方式和期限, 逾期不缴纳罚款的后果 (行政处罚法第七十二条), 救济途径, 机关署名和日期.
import { violation } from '../../../../platform/identifiers/violation.ts';
import type { DocumentTemplate } from '../types.ts';
import {
  atLeastOnePenalty,
  caseCauseField,
  courtField,
  numbered,
  partyBlock,
  partyField,
  penaltyFields,
  penaltyItems,
  reviewAuthorityField,
} from './common.ts';

export const penaltyDecision: DocumentTemplate = {
  kind: 'penalty_decision',
  title: '行政处罚决定书',
  numberPrefix: '处罚',
  fields: [
    partyField,
    caseCauseField,
    { key: 'filingDate', label: '立案日期', type: 'date', required: true },
    {
      key: 'procedure',
      label: '告知及陈述申辩、听证情况',
      type: 'longtext',
      required: false,
      help: '如：本局于2026年3月10日向当事人送达了《行政处罚告知书》……当事人在法定期限内未提出陈述、申辩，也未要求听证。',
    },
    { key: 'facts', label: '违法事实', type: 'longtext', required: true },
    {
      key: 'evidence',
      label: '证据',
      type: 'list',
      required: true,
      help: '如：现场笔录、询问笔录、照片、销售记录',
    },
    { key: 'violatedProvision', label: '违反的法律规定', type: 'text', required: true },
    {
      key: 'discretionReason',
      label: '裁量理由',
      type: 'longtext',
      required: false,
      help: '从轻、减轻、从重处罚的情节及适用的裁量基准',
    },
    { key: 'penaltyBasis', label: '处罚依据', type: 'text', required: true },
    ...penaltyFields(false),
    {
      key: 'paymentMethod',
      label: '缴款方式',
      type: 'text',
      required: true,
      default: '指定银行账户',
      help: '印在“将罚没款缴至……”之后，如：中国农业银行蚌埠分行（账号：……）',
    },
    reviewAuthorityField,
    courtField,
  ],
  blocks: [
    partyBlock(),
    {
      type: 'paragraph',
      id: 'opening',
      text: '当事人{{caseCause}}一案，本局于{{filingDate}}立案调查，现已调查终结。',
    },
    { type: 'paragraph', id: 'procedure', text: '{{procedure}}', when: 'procedure' },
    { type: 'paragraph', id: 'facts', text: '经查明：{{facts}}' },
    { type: 'paragraph', id: 'evidence', text: '以上事实有{{evidence}}等证据证实。' },
    {
      type: 'paragraph',
      id: 'reasoning',
      text: '本局认为，当事人的上述行为违反了{{violatedProvision}}的规定。{{discretionReason}}依据{{penaltyBasis}}的规定，本局决定：',
    },
    { type: 'paragraphs', id: 'penalties', render: (ctx) => numbered(penaltyItems(ctx)) },
    {
      type: 'paragraph',
      id: 'payment',
      when: (ctx) => ctx.has('fineFen') || ctx.has('confiscatedIncomeFen'),
      text: (ctx) =>
        `当事人应当自收到本决定书之日起十五日内，将罚没款缴至${ctx.fmt('paymentMethod')}。` +
        (ctx.has('fineFen')
          ? '逾期不缴纳罚款的，本局可以依据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，' +
            '每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。'
          : ''),
    },
    {
      type: 'paragraph',
      id: 'remedy',
      text:
        '如不服本决定，可以在收到本决定书之日起六十日内向{{reviewAuthority}}申请行政复议，' +
        '或者在六个月内依法向{{court}}提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。',
    },
    { type: 'signoff', id: 'signoff' },
  ],
  checks: (ctx) =>
    atLeastOnePenalty(ctx)
      ? []
      : [
          violation(
            'DOCUMENT_PENALTY_MISSING',
            '处罚决定至少应有一项行政处罚（警告、罚没款或其他处罚）',
            'fineFen',
          ),
        ],
};
