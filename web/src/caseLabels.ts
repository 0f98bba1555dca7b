// Chinese labels of the case-handling vocabulary, as the server's rules define them
// (src/modules/cases/rules/{types,states,table,vocabulary}.ts). The server sends most labels with its
// answers; these cover what it does not send (filters before any answer, option values without labels).

// Labels the server's pure case rules already define are imported from them (one source of truth),
// widened to string keys for lookups; what is console-only (colours, payload wording) stays here.
import { STATES } from '../../src/modules/cases/rules/states.ts';
import * as serverTypes from '../../src/modules/cases/rules/types.ts';
import * as vocabulary from '../../src/modules/cases/rules/vocabulary.ts';
import type { InputSpec, ItemType, PartyType, Procedure } from './caseTypes.ts';

export { STATES };
export const PROCEDURE_LABELS: Readonly<Record<Procedure, string>> = serverTypes.PROCEDURE_LABELS;
export const PARTY_TYPE_LABELS: Readonly<Record<PartyType, string>> = serverTypes.PARTY_TYPE_LABELS;
export const DOCUMENT_LABELS: Readonly<Record<string, string>> = vocabulary.DOCUMENT_LABELS;
export const AV_STEP_LABELS: Readonly<Record<string, string>> = vocabulary.AV_STEP_LABELS;
export const OPEN_LABELS: Readonly<Record<Procedure, string>> = vocabulary.OPEN_LABELS;

export const PROCEDURE_COLORS: Record<Procedure, string> = {
  lead: 'purple',
  ordinary: 'blue',
  summary: 'cyan',
  coercive: 'volcano',
  inspection: 'geekblue',
};

/** The item type an opening needs (guard `itemMatchesProcedure`). */
export const ITEM_TYPE_FOR: Record<Procedure, ItemType> = {
  lead: 'penalty',
  ordinary: 'penalty',
  summary: 'penalty',
  coercive: 'coercive',
  inspection: 'inspection',
};

export const PENALTY_KIND_LABELS: Readonly<Record<string, string>> = serverTypes.PENALTY_KIND_LABELS;

/** The steps of each procedure that take an AV record (the `av` of its transitions). */
export const AV_STEPS: Record<Procedure, string[]> = {
  lead: [],
  ordinary: ['investigation', 'hearing'],
  summary: ['on_site_penalty'],
  coercive: ['coercive_application', 'coercive_release'],
  inspection: ['inspection', 'rectification_check'],
};

export function stateColor(procedure: Procedure, state: string): string {
  const kind = STATES[procedure]?.find((x) => x.key === state)?.kind ?? 'active';
  if (kind === 'active') return 'processing';
  if (kind === 'ended') return 'success';
  return 'default';
}

const REASON: InputSpec = { key: 'reason', label: '理由', kind: 'text' };

/**
 * The opening inputs of each procedure (rules/table.ts `opening.inputs`) that the user fills in; the
 * team, party id and type come from the form's own fields, and an ordinary case is opened from a lead.
 */
export const OPENING_INPUTS: Record<Procedure, InputSpec[]> = {
  lead: [
    {
      key: 'source',
      label: '案源来源',
      kind: 'choice',
      options: ['inspection', 'complaint', 'referral', 'assignment', 'other'],
      optionLabels: {
        inspection: '监督检查发现',
        complaint: '投诉举报',
        referral: '其他机关移送',
        assignment: '上级交办',
        other: '其他',
      },
    },
    { key: 'summary', label: '简要情况', kind: 'text' },
  ],
  ordinary: [],
  summary: [],
  coercive: [
    {
      key: 'measure',
      label: '措施',
      kind: 'choice',
      options: ['seal', 'seize'],
      optionLabels: { seal: '查封', seize: '扣押' },
    },
    { key: 'property', label: '场所、设施或者财物', kind: 'text' },
    REASON,
  ],
  inspection: [],
};

/** Labels of the payload keys an event can carry (timeline summaries). */
export const PAYLOAD_LABELS: Record<string, string> = {
  source: '案源来源',
  summary: '简要情况',
  reason: '理由',
  recipient: '接收机关',
  evidenceList: '移交证据清单',
  penalty: '处罚内容',
  opinion: '负责人审批意见',
  servedOn: '送达日期',
  statement: '陈述、申辩意见',
  requestedOn: '申请听证日期',
  waived: '当事人书面放弃',
  waiverRef: '放弃声明',
  hearingDate: '听证日期',
  noticeServedOn: '听证通知送达日期',
  hostOfficerId: '听证主持人',
  discussionRecord: '集体讨论记录',
  documentNo: '文号',
  method: '送达方式',
  consentRef: '电子送达确认书',
  payUntil: '暂缓缴纳至',
  instalments: '分期缴纳计划',
  paidOn: '缴纳日期',
  kind: '救济途径',
  filedOn: '申请复议或者起诉日期',
  body: '复议机关或者人民法院',
  endedOn: '终结日期',
  receiptNo: '罚款专用票据号码',
  ground: '当场收缴情形',
  groundDetail: '具体情形',
  onWater: '在水上当场收缴',
  landedOn: '抵岸日期',
  remittedOn: '交至行政机关日期',
  depositedOn: '缴付指定银行日期',
  bankReceiptNo: '银行缴款凭证号',
  preservedOn: '先行登记保存日期',
  items: '先行登记保存证据清单',
  approvalRef: '机关负责人批准',
  decidedOn: '处理决定日期',
  decision: '处理决定',
  executedOn: '执行完毕日期',
  paidFen: '实缴金额',
  surchargeNotImposedReason: '不加处罚款的理由',
  court: '人民法院',
  rightsNotified: '已当场告知并听取陈述申辩',
  reportedOn: '备案日期',
  measure: '措施',
  property: '场所、设施或者财物',
  appliedOn: '实施日期',
  notifiedOn: '书面告知当事人日期',
  testingFrom: '检测起始日期',
  testingTo: '检测结束日期',
  disposition: '处理方式',
  inspectedOn: '检查日期',
  findings: '检查情况',
  rectifyBy: '整改期限',
  requirement: '整改要求',
  verifiedOn: '复查日期',
  result: '复查情况',
  teamOfficerIds: '承办执法人员',
  partyType: '当事人类型',
  grounds: '重大执法决定情形',
  violationOn: '违法行为发生日期',
  violationEndedOn: '违法行为连续或者继续状态终了日期',
  involvesSafety: '涉及公民生命健康安全、金融安全且有危害后果',
  discoveredOn: '发现违法行为日期',
  facts: '违法事实',
  provisions: '法律依据',
  discretion: '裁量理由',
  reviewerOfficerId: '法制审核人员',
  response: '对审核意见的处理情况',
  reasons: '理由',
  outcome: '协调结果',
  collectiveDiscussion: '经负责人集体讨论决定',
};

/** Labels that depend on the step: the same key means another thing there (审批意见 vs 审核意见). */
export const ACTION_PAYLOAD_LABELS: Record<string, Record<string, string>> = {
  record_review_opinion: { opinion: '审核意见' },
};

/** 审核内容清单 (蚌埠任务分解方案 item 30), as the server's review step names its points. */
export const REVIEW_POINT_LABELS: Record<string, string> = {
  agency: '行政执法主体是否合法',
  officers: '行政执法人员是否具备执法资格',
  procedure: '行政执法程序是否合法',
  facts: '案件事实是否清楚，证据是否合法充分',
  law: '适用法律、法规、规章是否准确，裁量基准运用是否适当',
  competence: '执法是否超越执法机关法定权限',
  documents: '行政执法文书是否完备、规范',
  crime: '违法行为是否涉嫌犯罪、需要移送司法机关',
};

/** Labels of choice values the server stores in payloads. */
export const PAYLOAD_VALUE_LABELS: Record<string, Record<string, string>> = {
  source: OPENING_INPUTS.lead[0]?.optionLabels ?? {},
  measure: { seal: '查封', seize: '扣押' },
  method: {
    direct: '直接送达',
    left_at_address: '留置送达',
    post: '邮寄送达',
    electronic: '电子送达',
    entrusted: '委托送达',
    public_notice: '公告送达',
  },
  disposition: { confiscate: '依法没收', destroy: '依法销毁', penalty_case: '转入行政处罚案件' },
  partyType: PARTY_TYPE_LABELS,
  grounds: {
    major_public_interest: '涉及重大公共利益',
    major_rights: '直接关系当事人或者第三人重大权益，经过听证程序',
    complex_multiple_relations: '案件情况疑难复杂、涉及多个法律关系',
    other_law: '法律、法规规定应当进行法制审核的其他情形',
  },
  opinion: { agree: '同意', correct: '纠正', transfer: '移送有权机关处理' },
  outcome: { agree: '采纳承办机构意见，可以作出决定', correct: '采纳法制审核意见，按审核意见修改' },
};

/** Option labels for a choice input: the server's, else ours. */
export function choiceLabel(spec: InputSpec, value: string): string {
  return spec.optionLabels?.[value] ?? PAYLOAD_VALUE_LABELS[spec.key]?.[value] ?? value;
}
