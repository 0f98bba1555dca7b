// 现场检查（勘验）笔录 and 询问笔录: signed by hand on every page by the party (or the person on site),
// the officers (at least two, with their 执法证号) and the recorder. No agency seal.
import { type RuleViolation, violation } from '../../../../platform/identifiers/violation.ts';
import type { DocumentTemplate, Party, QaPair, TemplateContext } from '../types.ts';
import {
  caseCauseField,
  endTimeField,
  officersField,
  partyBlock,
  partyField,
  startTimeField,
  timeSpan,
} from './common.ts';

function endAfterStart(ctx: TemplateContext): RuleViolation[] {
  const s = ctx.data.startTime;
  const e = ctx.data.endTime;
  if (typeof s === 'string' && typeof e === 'string' && e <= s) {
    return [violation('DOCUMENT_TIME_ORDER', '结束时间应晚于开始时间', 'endTime')];
  }
  return [];
}

export const inspectionRecord: DocumentTemplate = {
  kind: 'inspection_record',
  title: '现场检查（勘验）笔录',
  numberPrefix: null,
  fields: [
    startTimeField,
    endTimeField,
    { key: 'place', label: '检查（勘验）地点', type: 'text', required: true },
    partyField,
    { key: 'onSitePerson', label: '现场负责人', type: 'text', required: false },
    { key: 'onSitePersonRole', label: '现场负责人职务', type: 'text', required: false },
    { key: 'onSitePersonPhone', label: '现场负责人联系电话', type: 'text', required: false },
    officersField,
    { key: 'recorder', label: '记录人', type: 'text', required: true },
    { key: 'witness', label: '见证人', type: 'text', required: false },
    { key: 'recusalAnswer', label: '是否申请回避', type: 'text', required: true, default: '不申请' },
    { key: 'findings', label: '检查（勘验）情况', type: 'longtext', required: true },
    { key: 'avRecorded', label: '全程音像记录', type: 'enum', options: ['是', '否'], required: false },
  ],
  blocks: [
    { type: 'paragraph', id: 'time', indent: false, text: (ctx) => `检查（勘验）时间：${timeSpan(ctx)}` },
    { type: 'paragraph', id: 'place', indent: false, text: '检查（勘验）地点：{{place}}' },
    partyBlock(),
    {
      type: 'paragraph',
      id: 'onSite',
      indent: false,
      when: 'onSitePerson',
      text: (ctx) =>
        `现场负责人：${ctx.fmt('onSitePerson')}` +
        (ctx.has('onSitePersonRole') ? `　职务：${ctx.fmt('onSitePersonRole')}` : '') +
        (ctx.has('onSitePersonPhone') ? `　联系电话：${ctx.fmt('onSitePersonPhone')}` : ''),
    },
    { type: 'paragraph', id: 'officers', indent: false, text: '执法人员：{{officers}}' },
    { type: 'paragraph', id: 'recorder', indent: false, text: '记录人：{{recorder}}' },
    { type: 'paragraph', id: 'witness', indent: false, when: 'witness', text: '见证人：{{witness}}' },
    {
      type: 'paragraph',
      id: 'identity',
      text:
        '执法人员向当事人（现场负责人）出示了执法证件，表明了身份，告知其依法享有陈述权、申辩权和申请执法人员回避的权利，' +
        '以及应当如实提供有关情况、不得拒绝或者阻挠检查的义务。当事人（现场负责人）是否申请执法人员回避：{{recusalAnswer}}。',
    },
    { type: 'paragraph', id: 'findings', text: '检查（勘验）情况：{{findings}}' },
    {
      type: 'paragraph',
      id: 'av',
      when: (ctx) => ctx.data.avRecorded === '是',
      text: '本次检查（勘验）已使用执法记录仪进行全程音像记录。',
    },
    {
      type: 'signatures',
      id: 'signatures',
      lines: [
        { label: '当事人（现场负责人）核对意见：', date: false },
        { label: '当事人（现场负责人）签名：' },
        { label: '执法人员签名：' },
        { label: '记录人签名：' },
        { label: '见证人签名：', when: 'witness' },
      ],
    },
  ],
  checks: endAfterStart,
};

export const inquiryRecord: DocumentTemplate = {
  kind: 'inquiry_record',
  title: '询问笔录',
  numberPrefix: null,
  fields: [
    startTimeField,
    endTimeField,
    { key: 'place', label: '询问地点', type: 'text', required: true },
    { key: 'interviewee', label: '被询问人', type: 'party', required: true, help: '自然人' },
    {
      key: 'intervieweeRole',
      label: '被询问人与本案关系',
      type: 'text',
      required: false,
      help: '如：当事人的经营者',
    },
    { ...officersField, key: 'officers', label: '询问人' },
    { key: 'recorder', label: '记录人', type: 'text', required: true },
    caseCauseField,
    { key: 'recusalAnswer', label: '是否申请回避', type: 'text', required: true, default: '不申请' },
    { key: 'qa', label: '询问内容', type: 'qa', required: true },
  ],
  blocks: [
    { type: 'paragraph', id: 'time', indent: false, text: (ctx) => `询问时间：${timeSpan(ctx)}` },
    { type: 'paragraph', id: 'place', indent: false, text: '询问地点：{{place}}' },
    {
      type: 'paragraphs',
      id: 'interviewee',
      render: (ctx) => {
        if (!ctx.has('interviewee')) return [];
        const p = ctx.data.interviewee as Party;
        if (p.kind !== 'natural_person') return [];
        const lines = [`被询问人：${p.name}${p.sex ? `，${p.sex}` : ''}，身份证号码：${p.residentIdNumber}`];
        if (p.workUnit || ctx.has('intervieweeRole')) {
          lines.push(
            `工作单位及职务：${[p.workUnit, ctx.fmt('intervieweeRole')].filter(Boolean).join('，')}`,
          );
        }
        if (p.address) lines.push(`住址：${p.address}`);
        if (p.phone) lines.push(`联系电话：${p.phone}`);
        return lines.map((text) => ({ text, indent: false }));
      },
    },
    { type: 'paragraph', id: 'officers', indent: false, text: '询问人：{{officers}}' },
    { type: 'paragraph', id: 'recorder', indent: false, text: '记录人：{{recorder}}' },
    {
      type: 'paragraph',
      id: 'opening',
      text:
        '问：我们是{{agencyName}}的执法人员{{officers|names}}，这是我们的执法证件（出示执法证件）。' +
        '现依法就{{caseCause}}一案向你了解有关情况，请你如实回答，不得拒绝或者阻碍调查，作伪证的应当承担法律责任。' +
        '你有陈述和申辩的权利；认为执法人员与本案有直接利害关系的，可以申请回避。你是否申请回避？',
    },
    { type: 'paragraph', id: 'recusal', text: '答：{{recusalAnswer}}。' },
    {
      type: 'paragraphs',
      id: 'qa',
      render: (ctx) =>
        ((ctx.data.qa as readonly QaPair[] | undefined) ?? []).flatMap((p) => [
          { text: `问：${p.q}` },
          { text: `答：${p.a}` },
        ]),
    },
    {
      type: 'signatures',
      id: 'signatures',
      lines: [
        { label: '被询问人核对意见：', date: false },
        { label: '被询问人签名：' },
        { label: '询问人签名：' },
        { label: '记录人签名：' },
      ],
    },
  ],
  checks: (ctx) => {
    const out = endAfterStart(ctx);
    const p = ctx.data.interviewee as Party | undefined;
    if (p && typeof p === 'object' && p.kind !== 'natural_person') {
      out.push(violation('DOCUMENT_INTERVIEWEE_NOT_PERSON', '被询问人应为自然人', 'interviewee.kind'));
    }
    return out;
  },
};
