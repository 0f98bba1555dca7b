import type { Procedure } from './types.ts';

/**
 * The words the transition table is written in: actions, performers, guards, inputs, documents and AV
 * steps, each with its Chinese label (the flowchart and every message use these).
 */

export const ACTION_LABELS = {
  open: '开始',
  file: '立案',
  close_lead: '不予立案',
  transfer: '移送有管辖权的机关',
  submit_for_review: '调查终结，提交审核',
  return_for_investigation: '退回补充调查',
  notify_rights: '告知拟处罚内容及权利',
  approve_proposal: '审批拟处罚意见',
  record_statement: '记录陈述、申辩',
  reexamine_statement: '复核陈述、申辩意见',
  request_recusal: '申请回避',
  rule_recusal: '作出回避决定',
  record_excluded_period: '登记不计入办案期限的期间',
  suspend: '中止案件调查',
  resume: '恢复案件调查',
  extend_lead_filing: '批准延长案源核查期限',
  request_hearing: '申请听证',
  close_rights_period: '陈述申辩期满，进入决定',
  schedule_hearing: '安排听证并通知',
  hold_hearing: '举行听证',
  waive_hearing: '放弃听证',
  submit_to_collective_discussion: '提交负责人集体讨论',
  decide: '作出行政处罚决定',
  decide_no_penalty: '作出不予行政处罚决定',
  approve_extension: '批准延长办案期限',
  flag_complex: '认定为情节复杂或重大违法',
  reassign_team: '调整承办人员',
  withdraw: '撤销立案',
  refer_criminal: '移送司法机关',
  serve: '送达决定书',
  approve_payment_deferral: '批准暂缓或分期缴纳罚款',
  record_instalment_payment: '登记分期缴纳',
  record_remedy: '登记当事人申请行政复议或者提起行政诉讼',
  record_remedy_end: '登记行政复议或者行政诉讼终结',
  collect_fine_on_spot: '当场收缴罚款',
  record_remittance: '登记当场收缴的罚款交至行政机关',
  record_bank_deposit: '登记罚款缴付指定银行',
  preserve_evidence: '先行登记保存证据',
  decide_preserved_evidence: '对先行登记保存的证据作出处理决定',
  record_execution: '执行完毕',
  serve_demand_notice: '催告当事人履行',
  apply_court_enforcement: '申请人民法院强制执行',
  close: '结案',
  archive: '归档',
  decide_on_spot: '当场作出处罚决定并交付',
  convert_to_ordinary: '转为普通程序',
  approve: '负责人批准',
  reject: '负责人不予批准',
  apply: '实施查封扣押',
  extend: '延长查封扣押期限',
  record_testing: '登记检测、检验、检疫或鉴定期间',
  release: '解除查封扣押',
  dispose: '作出处理决定',
  inspect: '实施检查',
  cancel: '取消检查',
  close_no_issue: '未发现问题，办结',
  order_rectification: '责令整改',
  verify_rectification: '整改复查合格，办结',
  register_lead: '发现违法线索，登记案源',
  mark_review_grounds: '认定重大执法决定情形',
  submit_legal_review: '送法制审核',
  record_review_opinion: '提出法制审核意见',
  dispute_review_opinion: '对审核意见提出不同意见',
  coordinate_review: '协调审核意见分歧',
  extend_legal_review: '批准延长法制审核期限',
} as const;
export type ActionKey = keyof typeof ACTION_LABELS;

/** Opening labels per procedure (the `open` action). */
export const OPEN_LABELS = {
  lead: '登记案源',
  ordinary: '立案（普通程序）',
  summary: '当场处罚（简易程序）',
  coercive: '提出查封扣押',
  inspection: '制定检查任务',
} as const;

/**
 * Who may take an action. `assigned_officer`: an officer of the case team who may act on the item here
 * today (O3, canAct) — never an auxiliary. The role performers check the staff role; `party` is the
 * case's own party (F2); `hearing_host` is the officer designated to preside (art. 64(4)).
 */
export const PERFORMER_LABELS = {
  assigned_officer: '承办执法人员',
  agency_head: '机关负责人',
  legal_reviewer: '法制审核人员',
  agency_admin: '机关管理员',
  officer: '执法人员',
  party: '当事人',
  hearing_host: '听证主持人',
} as const;
export type Performer = keyof typeof PERFORMER_LABELS;

export const GUARD_LABELS = {
  team: '两名以上持证执法人员，证件覆盖事项类别和地区（行政处罚法第四十二条）',
  itemMatchesProcedure: '执法事项类型与程序相符',
  legalReview: '重大执法决定须经法制审核同意（行政处罚法第五十八条）',
  decisionTimeLimit: '自立案之日起九十日内作出决定，经批准可延长（行政处罚法第六十条）',
  extensionAllowed: '延期次数未用尽且期限尚未届满',
  collectiveDiscussion: '情节复杂或重大违法须经负责人集体讨论（行政处罚法第五十七条）',
  notHeavierThanNotified: '不得重于告知的处罚（行政处罚法第四十五条）',
  partyKnown: '当事人类型已登记',
  hearingAvailable: '拟作出的处罚属于听证范围（行政处罚法第六十三条）',
  hearingRequestInTime: '告知后五个工作日内申请听证（行政处罚法第六十四条）',
  rightsPeriodOver: '陈述申辩和听证申请期限届满或当事人书面放弃（行政处罚法第六十二条）',
  hearingNoticeInTime: '举行听证七个工作日前通知（行政处罚法第六十四条）',
  hearingHostIndependent: '听证主持人非本案调查人员（行政处罚法第六十四条）',
  hearingDateReached: '已到听证日期',
  summaryThresholds: '当场处罚限于警告或小额罚款（行政处罚法第五十一条）',
  rightsNotifiedOnSpot: '当场告知并听取陈述申辩（行政处罚法第四十四条、第五十二条）',
  electronicServiceConsent: '电子送达须经当事人同意（行政处罚法第六十一条）',
  hasFine: '决定中有罚款',
  instalmentsValid: '分期的各期金额之和等于罚款，各期日期在送达之后且依次递增（行政处罚法第六十六条）',
  instalmentDue: '有尚未缴纳的分期',
  remedyRecordable: '决定已送达；同一救济程序未在进行中，终结日期不早于申请日期（行政处罚法第七十三条）',
  remedyPending: '有尚在进行的行政复议或者行政诉讼',
  noRemedyPending: '行政复议或者行政诉讼期间不申请强制执行（行政强制法第五十三条）',
  spotCollectionAllowed:
    '当场收缴限于一百元以下罚款、事后难以执行或边远水上地区，出具专用票据（行政处罚法第六十八条至第七十条）',
  spotRemittancePending: '当场收缴的罚款尚未交至行政机关（行政处罚法第七十一条）',
  bankDepositPending: '罚款已交至行政机关，尚未缴付指定银行（行政处罚法第七十一条）',
  spotFineSettled: '当场收缴的罚款已交至行政机关并缴付银行（行政处罚法第七十一条）',
  preservationAllowed: '没有尚未处理的先行登记保存（行政处罚法第五十六条）',
  preservationDecision: '先行登记保存在七个工作日内作出处理决定，逾期自动解除（行政处罚法第五十六条）',
  preservationsDecided: '先行登记保存的证据均已作出处理决定（行政处罚法第五十六条）',
  paymentComplete: '罚款及加处罚款已缴清（行政处罚法第七十二条）',
  paymentOverdue: '缴款期限已届满',
  demandNoticeAllowed: '缴款期限届满后当事人仍未缴纳，催告书在期限届满后送达（行政强制法第五十四条）',
  courtEnforcementAllowed:
    '已催告且送达满十个工作日，复议、诉讼期限届满后三个月内申请（行政强制法第五十三条、第五十四条）',
  coerciveExtensionInTime: '查封扣押期限届满前延长一次（行政强制法第二十五条）',
  coerciveWithinTerm: '在查封扣押期限内作出处理决定（行政强制法第二十七条）',
  testingPeriodValid: '检测等期间在查封扣押期间内且已书面告知（行政强制法第二十五条）',
  waiverRecorded: '当事人放弃须有书面记录',
  statementReexamined: '当事人陈述、申辩的，作出决定前已复核（行政处罚法第四十五条）',
  statementToReexamine: '有尚未复核的陈述、申辩',
  recusalRequestValid: '被申请回避的人员是本案承办人员，且没有尚未决定的回避申请（行政处罚法第四十三条）',
  recusalRuling: '有待决定的回避申请；决定回避后持证执法人员不足两名的，同时指定本机关的执法人员接替',
  noRecusalPending: '回避申请未作决定前，不得作出决定（行政处罚法第四十三条）',
  excludedPeriodValid: '不计入办案期限的期间在立案后、不晚于今日，且与已登记的期间不重叠',
  notSuspended: '案件中止调查期间不得作出决定',
  suspensionAllowed: '案件未处于中止状态，中止日期不早于立案日期',
  resumptionAllowed: '案件处于中止状态，恢复日期不早于中止日期',
  leadExtensionAllowed: '案源核查期限只能在届满前经负责人批准延长一次',
  reviewSubmission:
    '没有进行中的审核；被纠正后重新送审的，已按审核意见修改并说明处理情况（蚌埠任务分解方案第31条）',
  reviewerEligible:
    '审核人员是本机关法制审核机构的法制审核人员，未参与本案办理，初次从事审核的取得法律职业资格（行政处罚法第五十八条）',
  reviewOpinion:
    '由本轮指定的审核人员对内容清单逐项审核，提出同意、纠正或移送的意见并说明理由（蚌埠任务分解方案第30、31条）',
  reviewDispute: '审核意见为纠正且尚未协调',
  reviewCoordination:
    '承办机构与审核机构意见不一致，由机关负责人协调或集体讨论决定（蚌埠任务分解方案第32条）',
  reviewExtension: '审核期限届满前延长一次',
  evidenceRecorded: '调查终结前已保存证据（行政处罚法第四十条、第五十四条）',
  notHandler: '审批由承办人员以外的机关负责人作出，承办人员不得审批本人承办的案件',
  proposalApproved: '告知的拟处罚内容经机关负责人审批且与审批的一致',
  limitation:
    '违法行为在二年内被发现，涉及公民生命健康安全、金融安全且有危害后果的在五年内被发现（行政处罚法第三十六条）',
} as const;
export type GuardKey = keyof typeof GUARD_LABELS;

/**
 * `instalments`: a list of { dueOn, amountFen } (行政处罚法 art. 66, 分期缴纳). `choices`: one or more of
 * `options`. `review_findings`: a finding per point of the review content checklist (rules/legal-review.ts).
 */
export type InputKind =
  | 'text'
  | 'date'
  | 'past_date'
  | 'fen'
  | 'penalty'
  | 'officer_ids'
  | 'flag'
  | 'choice'
  | 'choices'
  | 'review_findings'
  | 'instalments';

export type InputSpec = {
  key: string;
  label: string;
  kind: InputKind;
  optional?: boolean;
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, string>>;
};

/** 文书 a step produces; the first ten are the documents module's kinds (documents/types.ts). */
export const DOCUMENT_LABELS = {
  filing_approval: '立案审批表',
  inspection_record: '现场检查（勘验）笔录',
  inquiry_record: '询问笔录',
  penalty_rights_notice: '行政处罚事先告知书',
  hearing_notice: '听证通知书',
  penalty_decision: '行政处罚决定书',
  service_receipt: '送达回证',
  coercive_measure_decision: '查封（扣押）决定书',
  closing_approval: '结案审批表',
  on_spot_penalty_decision: '当场行政处罚决定书',
  legal_review_opinion: '法制审核意见书',
  investigation_report: '调查终结报告',
  hearing_record: '听证笔录',
  no_penalty_decision: '不予行政处罚决定书',
  extension_approval: '延长办案期限审批表',
  transfer_letter: '案件移送函',
  criminal_referral_letter: '涉嫌犯罪案件移送书',
  collective_discussion_record: '集体讨论记录',
  coercive_extension_decision: '延长查封（扣押）期限决定书',
  coercive_release_decision: '解除查封（扣押）决定书',
  coercive_disposal_decision: '查封（扣押）财物处理决定书',
  rectification_order: '责令改正通知书',
  case_file: '案卷',
} as const;
export type DocumentRef = keyof typeof DOCUMENT_LABELS;

/** Steps an AV record (音像记录) is attached to (R3), i.e. the `stepKey` of an attachment. */
export const AV_STEP_LABELS = {
  investigation: '调查取证',
  hearing: '听证',
  on_site_penalty: '当场处罚',
  coercive_application: '实施查封扣押',
  coercive_release: '解除查封扣押',
  inspection: '现场检查',
  rectification_check: '整改复查',
} as const;
export type AvStep = keyof typeof AV_STEP_LABELS;

/**
 * R4: `always` — AV is mandatory for this step whatever the item (查封扣押财产, 000:17); `item` — when the
 * item is on the agency's AV item list.
 */
export type AvRequirement = { step: AvStep; when: 'always' | 'item' };

export type TransitionSpec = {
  action: ActionKey;
  label: string;
  to: string;
  who: readonly Performer[];
  guards: readonly GuardKey[];
  inputs: readonly InputSpec[];
  documents: readonly DocumentRef[];
  /**
   * The document this step drafts, numbers and signs itself, whose number becomes the case's document
   * number (one of `documents`). Other documents of the step are issued on their own beforehand.
   */
  issues?: DocumentRef;
  av?: AvRequirement;
};

/** One lifecycle: how a record opens, and the transitions leaving each state. */
export type Machine = {
  procedure: Procedure;
  opening: TransitionSpec;
  transitions: Readonly<Record<string, readonly TransitionSpec[]>>;
};
