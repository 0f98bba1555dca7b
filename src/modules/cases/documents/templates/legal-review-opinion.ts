// 法制审核意见书 (行政处罚法 art. 58; 国办发〔2018〕118号; 蚌埠任务分解方案 items 30–31): the reviewer's opinion
// on one round of the legal review, issued with the `record_review_opinion` step. It states the round
// (who submitted what, when), the finding on each of the 8 points of the 审核内容清单 (item 30), the opinion
// (同意/纠正/移送有权机关处理) and its reasons (item 31: every opinion states its reasons), and is signed by the
// reviewer. An internal form, numbered 法审 so that the file and the ledger can cite it.
import type { DocumentTemplate } from '../types.ts';
import { partyField, partyFormText, signLine } from './common.ts';

/** 审核意见 as printed (the step's `opinion`: agree / correct / transfer). */
export const REVIEW_OPINION_TEXT = {
  agree: '同意',
  correct: '纠正',
  transfer: '移送有权机关处理',
} as const;

/** A checklist point's finding as printed (`ok` true / false). */
export const FINDING_TEXT = { ok: '符合', problem: '存在问题' } as const;

export const legalReviewOpinion: DocumentTemplate = {
  kind: 'legal_review_opinion',
  title: '法制审核意见书',
  numberPrefix: '法审',
  fields: [
    { key: 'caseName', label: '案件名称', type: 'text', required: true },
    partyField,
    { key: 'submitter', label: '送审人员', type: 'text', required: true },
    { key: 'submittedOn', label: '送审日期', type: 'date', required: true },
    { key: 'round', label: '第几轮', type: 'integer', required: true, min: 1 },
    {
      key: 'proposal',
      label: '拟处理意见',
      type: 'text',
      required: false,
      help: '送审时的拟处罚内容（查封、扣押等不涉及处罚的送审可为空）',
    },
    {
      key: 'findings',
      label: '审核内容清单',
      type: 'grid',
      required: true,
      columns: [
        { key: 'point', label: '审核项目', width: 5, required: true },
        { key: 'result', label: '审核结论', width: 1.6, required: true },
        { key: 'note', label: '存在的问题', width: 3.4 },
      ],
    },
    {
      key: 'opinion',
      label: '审核意见',
      type: 'enum',
      required: true,
      options: Object.values(REVIEW_OPINION_TEXT),
    },
    { key: 'reasons', label: '理由', type: 'longtext', required: true },
    { key: 'reviewer', label: '法制审核人员', type: 'text', required: true },
    { key: 'reviewedOn', label: '审核日期', type: 'date', required: true },
  ],
  blocks: [
    {
      type: 'form',
      id: 'subject',
      rows: [
        { cells: [{ label: '案件名称', value: '{{caseName}}' }] },
        { cells: [{ label: '当事人', value: (ctx) => partyFormText(ctx) }] },
        {
          cells: [
            { label: '送审人员', value: '{{submitter}}' },
            { label: '送审日期', value: '{{submittedOn}}' },
            { label: '审核轮次', value: (ctx) => (ctx.has('round') ? `第${ctx.fmt('round')}轮` : '') },
          ],
        },
        { cells: [{ label: '拟处理意见', value: '{{proposal}}' }] },
      ],
    },
    { type: 'grid', id: 'checklist', field: 'findings', caption: '审核内容清单' },
    {
      type: 'form',
      id: 'opinion',
      rows: [
        {
          minLines: 3,
          cells: [
            {
              label: '审核意见',
              value: (ctx) => [ctx.fmt('opinion'), ctx.fmt('reasons')].filter(Boolean).join('\n理由：'),
              sign: signLine('reviewer', 'reviewedOn', '法制审核人员'),
            },
          ],
        },
      ],
    },
  ],
};
