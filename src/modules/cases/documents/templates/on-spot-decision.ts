// 当场行政处罚决定书 (行政处罚法 art. 52): the summary procedure's own decision, handed to the party on the
// spot. It states the violation, the penalty and its basis, the fine, the time and place, how to seek
// 行政复议 or bring 行政诉讼 and by when, and the agency's name, and the officers sign it. It is a form
// "with a number" (预定格式、编有号码): numbered like the agency's other decisions.
import { violation } from '../../../../platform/identifiers/violation.ts';
import type { DocumentTemplate } from '../types.ts';
import {
  atLeastOnePenalty,
  caseCauseField,
  courtField,
  numbered,
  officersField,
  partyBlock,
  partyField,
  penaltyFields,
  penaltyItems,
  reviewAuthorityField,
} from './common.ts';

export const onSpotPenaltyDecision: DocumentTemplate = {
  kind: 'on_spot_penalty_decision',
  title: '当场行政处罚决定书',
  numberPrefix: '简罚',
  fields: [
    partyField,
    caseCauseField,
    { key: 'decidedAt', label: '决定时间', type: 'datetime', required: true },
    { key: 'place', label: '地点', type: 'text', required: true },
    { key: 'facts', label: '违法事实', type: 'longtext', required: true },
    { key: 'violatedProvision', label: '违反的法律规定', type: 'text', required: true },
    { key: 'penaltyBasis', label: '处罚依据', type: 'text', required: true },
    ...penaltyFields(false).filter((f) => ['warning', 'fineFen'].includes(f.key)),
    {
      key: 'paymentMethod',
      label: '缴款方式',
      type: 'text',
      required: false,
      default: '自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳',
      help: '当场收缴的，写明收缴的专用票据号码（行政处罚法第六十八条、第七十条）',
    },
    reviewAuthorityField,
    courtField,
    { ...officersField, help: '当场作出决定的执法人员，不得少于两人，列明执法证号' },
  ],
  blocks: [
    partyBlock(),
    { type: 'paragraph', id: 'facts', text: '经查：{{facts}}' },
    {
      type: 'paragraph',
      id: 'reasoning',
      text: '当事人的上述行为违反了{{violatedProvision}}的规定。依据{{penaltyBasis}}和《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚决定：',
    },
    { type: 'paragraphs', id: 'penalties', render: (ctx) => numbered(penaltyItems(ctx)) },
    {
      type: 'paragraph',
      id: 'payment',
      when: 'fineFen',
      text:
        '罚款{{paymentMethod}}。逾期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，' +
        '加处罚款的数额不超出罚款的数额。',
    },
    {
      type: 'paragraph',
      id: 'remedy',
      text:
        '如不服本决定，可以在收到本决定书之日起六十日内向{{reviewAuthority}}申请行政复议，' +
        '或者在六个月内依法向{{court}}提起行政诉讼。',
    },
    { type: 'paragraph', id: 'timePlace', indent: false, text: '时间：{{decidedAt}}　地点：{{place}}' },
    { type: 'paragraph', id: 'officers', indent: false, text: '执法人员：{{officers}}' },
    {
      type: 'signatures',
      id: 'signatures',
      lines: [{ label: '执法人员签名：' }, { label: '当事人签名：' }],
    },
    { type: 'signoff', id: 'signoff' },
  ],
  checks: (ctx) =>
    atLeastOnePenalty(ctx)
      ? []
      : [violation('DOCUMENT_PENALTY_MISSING', '当场处罚决定至少应有警告或罚款', 'fineFen')],
};
