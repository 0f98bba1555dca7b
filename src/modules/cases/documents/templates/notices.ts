// 行政处罚事先告知书 (行政处罚法第四十四条、第四十五条、第六十三条、第六十四条) and 听证通知书.
import { addDays, isIsoDate } from '../../../../platform/identifiers/date.ts';
import { violation } from '../../../../platform/identifiers/violation.ts';
import { RULEBOOK_DEFAULTS } from '../../../../platform/rulebook/defaults.ts';
import type { DocumentTemplate } from '../types.ts';
import {
  addresseeBlock,
  atLeastOnePenalty,
  caseCauseField,
  contactFields,
  numbered,
  partyField,
  penaltyFields,
  penaltyItems,
} from './common.ts';

const contactBlocks = [
  { type: 'paragraph', id: 'contact', text: '联系人：{{contactPerson}}　　联系电话：{{contactPhone}}' },
  { type: 'paragraph', id: 'address', text: '地址：{{agencyAddress}}', when: 'agencyAddress' },
] as const;

export const penaltyRightsNotice: DocumentTemplate = {
  kind: 'penalty_rights_notice',
  title: '行政处罚事先告知书',
  numberPrefix: '罚告',
  fields: [
    partyField,
    caseCauseField,
    { key: 'filingDate', label: '立案日期', type: 'date', required: true },
    { key: 'facts', label: '违法事实', type: 'longtext', required: true },
    { key: 'evidence', label: '证据', type: 'list', required: true },
    { key: 'violatedProvision', label: '违反的法律规定', type: 'text', required: true },
    { key: 'penaltyBasis', label: '处罚依据', type: 'text', required: true },
    ...penaltyFields(true),
    {
      key: 'hearingRight',
      label: '告知听证权利',
      type: 'enum',
      options: ['是', '否'],
      required: true,
      help: '较大数额罚款、没收较大数额违法所得、吊销许可证件、责令停产停业等（行政处罚法第六十三条）选“是”',
    },
    ...contactFields,
  ],
  blocks: [
    addresseeBlock,
    {
      type: 'paragraph',
      id: 'opening',
      text: '本局于{{filingDate}}对你（单位）{{caseCause}}一案立案调查，现已调查终结。',
    },
    { type: 'paragraph', id: 'facts', text: '经查明：{{facts}}' },
    { type: 'paragraph', id: 'evidence', text: '以上事实有{{evidence}}等证据证实。' },
    {
      type: 'paragraph',
      id: 'reasoning',
      text: '你（单位）的上述行为违反了{{violatedProvision}}的规定。依据{{penaltyBasis}}的规定，本局拟对你（单位）作出如下行政处罚：',
    },
    { type: 'paragraphs', id: 'penalties', render: (ctx) => numbered(penaltyItems(ctx)) },
    {
      type: 'paragraph',
      id: 'statement',
      text:
        '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。' +
        '你（单位）对上述拟作出的行政处罚有异议的，可以在收到本告知书之日起五个工作日内向本局提出陈述、申辩意见；' +
        '逾期未提出的，视为放弃此权利。',
    },
    {
      type: 'paragraph',
      id: 'hearing',
      when: (ctx) => ctx.data.hearingRight === '是',
      text:
        '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证。' +
        '要求听证的，应当在收到本告知书之日起五日内向本局提出；逾期未提出的，视为放弃此权利。',
    },
    ...contactBlocks,
    { type: 'signoff', id: 'signoff' },
  ],
  checks: (ctx) =>
    atLeastOnePenalty(ctx)
      ? []
      : [violation('DOCUMENT_PENALTY_MISSING', '告知书至少应列明一项拟作出的行政处罚', 'fineFen')],
};

export const hearingNotice: DocumentTemplate = {
  kind: 'hearing_notice',
  title: '听证通知书',
  numberPrefix: '听通',
  fields: [
    partyField,
    caseCauseField,
    { key: 'requestDate', label: '申请听证日期', type: 'date', required: false },
    { key: 'hearingTime', label: '听证时间', type: 'datetime', required: true },
    { key: 'hearingPlace', label: '听证地点', type: 'text', required: true },
    {
      key: 'publicHearing',
      label: '是否公开',
      type: 'enum',
      options: ['公开', '不公开'],
      required: true,
      default: '公开',
    },
    { key: 'presidingOfficer', label: '听证主持人', type: 'text', required: true },
    { key: 'hearingMembers', label: '听证员', type: 'text', required: false },
    { key: 'clerk', label: '记录员', type: 'text', required: true },
    ...contactFields,
  ],
  blocks: [
    addresseeBlock,
    {
      type: 'paragraph',
      id: 'opening',
      text: (ctx) =>
        `根据你（单位）${ctx.has('requestDate') ? `于${ctx.fmt('requestDate')}提出的` : '的'}听证要求，` +
        `本局定于${ctx.fmt('hearingTime')}在${ctx.fmt('hearingPlace')}对${ctx.fmt('caseCause')}一案${ctx.fmt('publicHearing')}举行听证。`,
    },
    {
      type: 'paragraph',
      id: 'staff',
      text: (ctx) =>
        `本次听证由${ctx.fmt('presidingOfficer')}担任主持人，` +
        (ctx.has('hearingMembers') ? `${ctx.fmt('hearingMembers')}担任听证员，` : '') +
        `${ctx.fmt('clerk')}担任记录员。`,
    },
    {
      type: 'paragraph',
      id: 'recusal',
      text:
        '根据《中华人民共和国行政处罚法》第六十四条的规定，你（单位）认为主持人与本案有直接利害关系的，有权申请回避。' +
        '申请回避的，应当在听证开始前提出，并说明理由。',
    },
    {
      type: 'paragraph',
      id: 'attendance',
      text:
        '请你（单位）按时出席听证。你（单位）可以亲自参加听证，也可以委托一至二人代理；委托代理人参加听证的，' +
        '应当在听证开始前提交授权委托书，载明委托事项及权限。无正当理由拒不出席听证或者未经许可中途退出听证的，' +
        '视为放弃听证权利，本局终止听证。',
    },
    ...contactBlocks,
    { type: 'signoff', id: 'signoff' },
  ],
  // 行政处罚法第六十四条第二项: 行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点.
  checks: (ctx, issuedOn) => {
    const at = ctx.data.hearingTime;
    if (!issuedOn || !isIsoDate(issuedOn) || typeof at !== 'string' || !isIsoDate(at.slice(0, 10))) return [];
    // A floor in calendar days on the document itself; the step's guard counts working days (art. 85).
    return at.slice(0, 10) < addDays(issuedOn, RULEBOOK_DEFAULTS.hearingNoticeWorkingDays.value)
      ? [
          violation(
            'DOCUMENT_HEARING_NOTICE_TOO_LATE',
            '听证通知应当在举行听证的七日前送达当事人（《中华人民共和国行政处罚法》第六十四条）',
            'hearingTime',
          ),
        ]
      : [];
  },
};
