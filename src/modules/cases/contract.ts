// What the case-handling routes answer (routes.ts). The console's types come from these schemas
// (`import type`), so a field exists for the console exactly when the server declares and sends it.
import Type, { type Static } from 'typebox';
import { Choice, Nullable, Page } from '../../platform/http/contract.ts';
import { ItemType as ItemTypeSchema } from '../catalog/contract.ts';
import { EvidenceSummary } from '../records/contract.ts';
import { CLOCK_LABELS, CLOCK_STATES } from './rules/clocks.ts';
import { REVIEW_CHECKLIST } from './rules/legal-review.ts';
import {
  DECISION_PAUSE_KINDS,
  PARTY_TYPES,
  type PartyType as PartyTypeValue,
  PENALTY_KINDS,
  PRESERVATION_DECISIONS,
  PROCEDURES,
  REMEDY_KINDS,
  REVIEW_GROUNDS,
  REVIEW_OPINIONS,
  SPOT_COLLECTION_GROUNDS,
} from './rules/types.ts';
import { type InputKind, PERFORMER_LABELS } from './rules/vocabulary.ts';

/** One of a fixed set of codes: validated as such, typed as their union. */
const oneOf = <T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Enum([...values], options);
const keysOf = <T extends string>(labels: Readonly<Record<T, string>>) => Object.keys(labels) as T[];
const Day = (description: string) => Type.String({ description: `${description}（YYYY-MM-DD）` });
const Instant = (description: string) => Type.String({ description: `${description}（ISO 8601）` });
/** Free-form data whose fields depend on a kind (step payloads, document data). */
const Free = (description: string) => Type.Record(Type.String(), Type.Unknown(), { description });

const Procedure = oneOf(PROCEDURES, { description: '程序' });
const PartyType = oneOf(PARTY_TYPES, { description: '当事人类型' });

/** The party as a request states it (opening a record, filing a lead). */
export const PartyBody = Type.Object(
  {
    type: Type.String({ title: '当事人类型' }),
    name: Type.String({ title: '当事人名称', minLength: 1, maxLength: 200 }),
    idNumber: Type.Optional(Type.Union([Type.Null(), Type.String({ title: '证件号码', maxLength: 64 })])),
    representative: Type.Optional(
      Type.Union([Type.Null(), Type.String({ title: '法定代表人/负责人', maxLength: 50 })]),
    ),
    address: Type.Optional(Type.Union([Type.Null(), Type.String({ title: '地址', maxLength: 200 })])),
    phone: Type.Optional(Type.Union([Type.Null(), Type.String({ title: '联系电话', maxLength: 30 })])),
  },
  { additionalProperties: false },
);
export type PartyBody = Static<typeof PartyBody>;

export const PenaltyTerms = Type.Object({
  kinds: Type.Array(oneOf(PENALTY_KINDS), { description: '处罚种类' }),
  fineFen: Type.Optional(Type.Integer({ description: '罚款（分）' })),
  confiscatedGainsFen: Type.Optional(Type.Integer({ description: '没收违法所得（分）' })),
  confiscatedPropertyFen: Type.Optional(Type.Integer({ description: '没收非法财物价值（分）' })),
  otherSevere: Type.Optional(Type.Boolean({ description: '其他较重的行政处罚' })),
});
export type PenaltyTerms = Static<typeof PenaltyTerms>;

/** Milestone dates (rules/types.ts `CaseDates`), each set once the step happened. */
const CaseDates = Type.Object({
  violationOn: Type.Optional(Day('违法行为发生日')),
  violationEndedOn: Type.Optional(Day('违法行为连续或者继续状态终了日')),
  discoveredOn: Type.Optional(Day('发现违法行为日')),
  openedOn: Type.Optional(Day('开始日')),
  filedOn: Type.Optional(Day('立案日')),
  rightsNoticeServedOn: Type.Optional(Day('告知书送达日')),
  hearingRequestedOn: Type.Optional(Day('申请听证日')),
  hearingNoticeServedOn: Type.Optional(Day('听证通知送达日')),
  hearingDate: Type.Optional(Day('听证日期')),
  hearingHeldOn: Type.Optional(Day('举行听证日')),
  rightsPeriodClosedOn: Type.Optional(Day('陈述申辩期满日')),
  decidedOn: Type.Optional(Day('决定日')),
  servedOn: Type.Optional(Day('决定书送达日')),
  paymentDueOverride: Type.Optional(Day('批准的缴款期限')),
  executedOn: Type.Optional(Day('执行完毕日')),
  demandServedOn: Type.Optional(Day('催告书送达日')),
  courtAppliedOn: Type.Optional(Day('申请人民法院强制执行日')),
  remittedOn: Type.Optional(Day('当场收缴的罚款交至行政机关日')),
  bankDepositedOn: Type.Optional(Day('罚款缴付指定银行日')),
  coerciveAppliedOn: Type.Optional(Day('实施查封扣押日')),
  inspectedOn: Type.Optional(Day('检查日')),
  rectifyBy: Type.Optional(Day('整改期限')),
  endedOn: Type.Optional(Day('办结日')),
  archivedOn: Type.Optional(Day('归档日')),
});

/** The rules' snapshot of the case (rules/types.ts `CaseSnapshot`), as stored. */
const MatchedEntry = Type.Object({
  entryId: Type.String({ description: '目录清单条目（内部编号，不向用户展示）' }),
  label: Type.String({ description: '目录清单条目' }),
});

/** One round of legal review as the case records it (rules/legal-review.ts). */
export const LegalReviewRound = Type.Object({
  round: Type.Integer({ description: '第几轮' }),
  submittedOn: Day('送审日期'),
  submittedBy: Type.Object({
    userId: Type.String(),
    name: Type.String(),
    officerId: Nullable(Type.String()),
  }),
  response: Type.Optional(Type.String({ description: '对上一轮审核意见的处理情况' })),
  reviewerOfficerId: Type.String(),
  reviewerName: Type.String({ description: '法制审核人员' }),
  subject: Type.Object(
    {
      penalty: Nullable(PenaltyTerms),
      facts: Type.String({ description: '违法事实' }),
      provisions: Type.String({ description: '法律依据' }),
      discretion: Type.String({ description: '裁量理由' }),
      grounds: Type.Array(oneOf(REVIEW_GROUNDS)),
      evidenceIds: Type.Array(Type.String()),
    },
    { description: '送审内容（拟处理意见、事实、依据、证据）' },
  ),
  subjectHash: Type.String({ description: '送审内容的SM3摘要：审核同意的就是这一内容' }),
  catalogueVersion: Nullable(Type.Integer({ description: '送审时适用的目录清单版本' })),
  matched: Type.Array(MatchedEntry),
  extended: Type.Boolean({ description: '审核期限已延长' }),
  opinion: Type.Optional(
    Type.Object({
      kind: oneOf(REVIEW_OPINIONS, { description: 'agree 同意；correct 纠正；transfer 移送有权机关处理' }),
      reasons: Type.String(),
      findings: Type.Array(
        Type.Object({ point: Type.String(), ok: Type.Boolean(), note: Type.Optional(Type.String()) }),
      ),
      on: Day('审核意见日期'),
      reviewerName: Type.String(),
    }),
  ),
  dispute: Type.Optional(Type.Object({ reasons: Type.String(), on: Day('提出日期'), by: Type.String() })),
  coordination: Type.Optional(
    Type.Object({
      outcome: oneOf(['agree', 'correct'] as const),
      reasons: Type.String(),
      collectiveDiscussion: Type.Boolean(),
      on: Day('协调日期'),
      by: Type.String(),
    }),
  ),
});

export const CaseSnapshot = Type.Object({
  id: Type.String(),
  procedure: Procedure,
  state: Type.String(),
  outcome: Nullable(Type.String()),
  version: Type.Integer(),
  regionCode: Type.String(),
  partyId: Nullable(Type.String()),
  partyType: Nullable(PartyType),
  teamOfficerIds: Type.Array(Type.String()),
  complexOrSerious: Type.Boolean({ description: '情节复杂或者重大违法行为' }),
  penalty: Nullable(PenaltyTerms),
  notifiedPenalty: Nullable(PenaltyTerms),
  hearingEligible: Type.Boolean(),
  hearingBasis: Type.Array(Type.String(), { description: '可以要求听证的依据' }),
  hearingHostOfficerId: Nullable(Type.String()),
  extensionCount: Type.Integer(),
  coerciveExtensionCount: Type.Integer(),
  coerciveExcludedDays: Type.Integer(),
  paidFen: Nullable(Type.Integer()),
  documentNo: Nullable(Type.String({ description: '文号' })),
  involvesSafety: Type.Optional(
    Type.Boolean({ description: '涉及公民生命健康安全、金融安全且有危害后果（行政处罚法第三十六条，五年）' }),
  ),
  reexaminationPending: Type.Optional(
    Type.Boolean({ description: '当事人的陈述、申辩尚待复核（行政处罚法第四十五条）' }),
  ),
  spotCollection: Type.Optional(
    Nullable(
      Type.Object(
        {
          receiptNo: Type.String({ description: '罚款专用票据号码（行政处罚法第七十条）' }),
          ground: oneOf(SPOT_COLLECTION_GROUNDS, { description: '当场收缴情形（第六十八条、第六十九条）' }),
          groundDetail: Type.Optional(Type.String({ description: '具体情形' })),
          collectedOn: Day('当场收缴日'),
          landedOn: Type.Optional(Day('水上收缴的抵岸日')),
        },
        { description: '当场收缴罚款（行政处罚法第六十八条至第七十一条）' },
      ),
    ),
  ),
  instalments: Type.Optional(
    Type.Array(
      Type.Object({
        dueOn: Day('本期缴纳期限'),
        amountFen: Type.Integer({ description: '本期金额（分）' }),
        paidOn: Type.Optional(Day('本期缴纳日')),
      }),
      { description: '分期缴纳计划（行政处罚法第六十六条）' },
    ),
  ),
  remedies: Type.Optional(
    Type.Array(
      Type.Object({
        kind: oneOf(REMEDY_KINDS, { description: 'reconsideration 行政复议；litigation 行政诉讼' }),
        filedOn: Day('申请复议或者起诉日'),
        endedOn: Type.Optional(Day('终结日')),
      }),
      { description: '当事人的行政复议、行政诉讼；期间不计加处罚款（行政处罚法第七十三条）' },
    ),
  ),
  preservations: Type.Optional(
    Type.Array(
      Type.Object({
        items: Type.String({ description: '先行登记保存的证据清单' }),
        approvalRef: Type.String({ description: '机关负责人批准' }),
        preservedOn: Day('先行登记保存日'),
        decision: Type.Optional(oneOf(PRESERVATION_DECISIONS, { description: '处理决定' })),
        decidedOn: Type.Optional(Day('作出处理决定日')),
      }),
      { description: '先行登记保存（行政处罚法第五十六条）' },
    ),
  ),
  recusalRequest: Type.Optional(
    Nullable(
      Type.Object(
        {
          officerId: Type.String({ description: '被申请回避的执法人员' }),
          requestedBy: oneOf(['party', 'officer'] as const, { description: '申请人：当事人或执法人员本人' }),
          reason: Type.String(),
          requestedOn: Day('申请日期'),
        },
        { description: '尚未决定的回避申请（行政处罚法第四十三条）' },
      ),
    ),
  ),
  decisionPauses: Type.Optional(
    Type.Array(
      Type.Object({
        kind: oneOf(DECISION_PAUSE_KINDS),
        from: Day('起始日'),
        to: Day('结束日'),
        reason: Type.Optional(Type.String()),
      }),
      { description: '不计入办案期限的期间（听证、公告、检测等）和已结束的中止期间' },
    ),
  ),
  suspension: Type.Optional(
    Nullable(
      Type.Object(
        { since: Day('中止日期'), reason: Type.String() },
        { description: '案件中止调查：办案期限暂停计算' },
      ),
    ),
  ),
  leadExtensionCount: Type.Optional(Type.Integer({ description: '案源核查期限已延长次数' })),
  reviewGrounds: Type.Optional(
    Nullable(
      Type.Object(
        { grounds: Type.Array(oneOf(REVIEW_GROUNDS)), reason: Type.String(), markedOn: Day('认定日期') },
        { description: '承办人员认定的重大执法决定情形（行政处罚法第五十八条）' },
      ),
    ),
  ),
  legalReview: Type.Optional(
    Nullable(
      Type.Object({ rounds: Type.Array(LegalReviewRound) }, { description: '法制审核的各轮送审和审核意见' }),
    ),
  ),
  approvedProposal: Type.Optional(
    Nullable(
      Type.Object(
        {
          penalty: PenaltyTerms,
          approvedOn: Day('审批日期'),
          approverName: Type.String({ description: '审批的机关负责人' }),
          opinion: Type.String({ description: '负责人审批意见' }),
        },
        { description: '机关负责人审批的拟处罚意见：告知书须与之一致' },
      ),
    ),
  ),
  publication: Type.Optional(
    Nullable(
      Type.Object(
        {
          status: oneOf(['published', 'withheld', 'withdrawn'] as const, {
            description: 'published 已公开；withheld 依法不予公开；withdrawn 已撤下',
          }),
          publishedOn: Nullable(Day('公开日期')),
          withheldOn: Nullable(Day('决定不予公开的日期')),
          withdrawnOn: Nullable(Day('撤下日期')),
          reason: Nullable(Type.String({ description: '不予公开或撤下的理由' })),
        },
        { description: '执法决定公开情况（由执法公示登记）' },
      ),
    ),
  ),
  dates: CaseDates,
});
export type CaseSnapshot = Static<typeof CaseSnapshot>;

const ClockStatus = Type.Object({
  remainingDays: Type.Integer({ description: '按期限的计算方式剩余天数；逾期为负数' }),
  state: oneOf(CLOCK_STATES, {
    description:
      'pending：尚未到可以办理的日期（opensOn）；ok/warning：计时中；overdue：本机关逾期；expired：当事人的期间届满（非执法人员逾期）；defaulted：当事人逾期未履行（如逾期未缴纳罚款）；done：已完成；stopped：已停止计时（见 stopReason）',
  }),
  late: Type.Boolean({ description: '已完成但晚于期限' }),
  provisional: Type.Boolean({ description: '涉及尚未公布放假安排的年份' }),
});
export type ClockStatus = Static<typeof ClockStatus>;

const clockFields = {
  key: oneOf(keysOf(CLOCK_LABELS)),
  label: Type.String(),
  startsOn: Day('起算日'),
  dueOn: Day('最后一日'),
  basis: oneOf(['working_days', 'calendar_days', 'months'] as const, {
    description: 'working_days 工作日；calendar_days 自然日；months 月（days 为月数）',
  }),
  direction: oneOf(['after', 'before'] as const),
  days: Type.Integer(),
  provisional: Type.Boolean(),
  completedOn: Nullable(Day('完成日')),
  duty: oneOf(['agency', 'party'] as const, {
    description: '期限属于谁：agency 本机关的职责（逾期即执法人员逾期）；party 当事人的期间',
  }),
  rolledFrom: Nullable(Day('未顺延的届满日：当事人的自然日期间最后一日为休息日而顺延时')),
  stopReason: Nullable(Type.String({ description: '未完成而停止计时的原因' })),
  opensOn: Nullable(Day('可以开始办理的首日：此前为 pending（如申请强制执行须待复议、诉讼期限届满）')),
  excluded: Type.Array(
    Type.Object({
      kind: oneOf(DECISION_PAUSE_KINDS),
      label: Type.String(),
      from: Day('起始日'),
      to: Day('结束日'),
      days: Type.Integer(),
    }),
    { description: '期限中未计算的期间（办案期限：听证、公告、检测等及中止），days 已计入 days' },
  ),
  warningDays: Type.Integer(),
  calendarVersion: Type.String(),
  rulebookVersion: Type.String(),
  ruleKeys: Type.Array(Type.String()),
  source: Type.Object({
    zh: Type.String({ description: '出处' }),
    en: Type.String(),
    seedRef: Type.Optional(Type.String()),
    definedBy: Type.String({ description: '规定该期限的层级' }),
  }),
  status: ClockStatus,
};
/** A time limit of the case, with where it stands today. */
export const CaseClock = Type.Object(clockFields);
export type CaseClock = Static<typeof CaseClock>;

/** 案号: given at filing (ordinary procedure); a lead, coercive measure, inspection or summary case has none. */
const CaseNumber = Nullable(Type.String({ description: '案号（立案时按本机关格式编号；案源等无案号）' }));

export const CaseListItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  caseNumber: CaseNumber,
  procedure: Procedure,
  procedureLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  outcome: Nullable(Type.String()),
  documentNo: Nullable(Type.String()),
  updatedAt: Instant('最后更新'),
  nextClock: Nullable(CaseClock),
});
export type CaseListItem = Static<typeof CaseListItem>;

/** `GET /api/cases`. */
export const CaseList = Page(CaseListItem);
export type CaseList = Static<typeof CaseList>;

/** `GET /api/cases/warnings`: running clocks about to run out or overdue, most urgent first. */
export const ClockWarnings = Page(
  Type.Object({ caseId: Type.String(), title: Type.String({ description: '案件名称' }), ...clockFields }),
);
export type ClockWarnings = Static<typeof ClockWarnings>;

export const InputSpec = Type.Object({
  key: Type.String(),
  label: Type.String(),
  kind: oneOf<InputKind>([
    'text',
    'date',
    'past_date',
    'fen',
    'penalty',
    'officer_ids',
    'flag',
    'choice',
    'choices',
    'review_findings',
    'instalments',
  ]),
  optional: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Type.String())),
  optionLabels: Type.Optional(Type.Record(Type.String(), Type.String())),
});
export type InputSpec = Static<typeof InputSpec>;

export const CaseAction = Type.Object({
  action: Type.String(),
  label: Type.String(),
  to: Type.String(),
  toLabel: Type.String(),
  performers: Type.Array(Type.String(), { description: '由谁办理' }),
  performerKeys: Type.Array(oneOf(keysOf(PERFORMER_LABELS))),
  mine: Type.Boolean({
    description: '调用者是否为该操作的办理人（与办理时的校验相同；其余条件在办理时校验）',
  }),
  whyNot: Nullable(
    Type.String({
      description: '调用者本可办理却不能办理的原因（如执法辅助人员、执法证失效）；只因不是办理人时为空',
    }),
  ),
  inputs: Type.Array(InputSpec),
  issuesDocument: Nullable(Type.String({ description: '本环节签发的文书种类' })),
  documentRequired: Type.Boolean({ description: '本环节须同时签发该文书（不能只填文号）' }),
  av: Nullable(
    Type.Object({
      step: Type.String({ description: '须音像记录的环节' }),
      when: oneOf(['always', 'item'] as const),
    }),
  ),
});
export type CaseAction = Static<typeof CaseAction>;

export const CaseParty = Type.Object({
  id: Type.String(),
  type: PartyType,
  name: Type.String(),
  // Personal data: only on the case page itself (its read is audited), not in a step's answer.
  idNumber: Type.Optional(Nullable(Type.String())),
  representative: Type.Optional(Nullable(Type.String())),
  address: Type.Optional(Nullable(Type.String())),
  phone: Type.Optional(Nullable(Type.String())),
});
export type CaseParty = Static<typeof CaseParty>;

export const CaseEvent = Type.Object({
  sequence: Type.Integer(),
  action: Type.String(),
  actionLabel: Type.String(),
  from: Nullable(Type.String()),
  fromLabel: Nullable(Type.String()),
  to: Type.String(),
  toLabel: Type.String(),
  actor: Type.Union([
    Type.Object({
      kind: Type.Literal('staff'),
      userId: Type.String(),
      name: Type.String(),
      officerId: Nullable(Type.String()),
    }),
    Type.Object({ kind: Type.Literal('party'), partyId: Type.String(), name: Type.String() }),
  ]),
  at: Instant('办理时间'),
  payload: Free('办理时填写的内容（按环节不同）'),
  calendarVersion: Type.String(),
  rulebookVersion: Type.String(),
});
export type CaseEvent = Static<typeof CaseEvent>;

export const CaseDocument = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: '文书种类' }),
  number: Nullable(Type.String({ description: '文号' })),
  issuedAt: Instant('签发时间'),
  contentHash: Type.String(),
});
export type CaseDocument = Static<typeof CaseDocument>;

/** The case page: everything the console shows of one lead, case, coercive measure or inspection. */
/** The contract other parts rely on: is a legal review required, and where it stands (L2, L5). */
export const LegalReviewSummary = Type.Object({
  required: Type.Boolean({ description: '属于重大执法决定，须经法制审核' }),
  matched: Type.Array(MatchedEntry, { description: '符合的目录清单条目' }),
  grounds: Type.Array(Type.String(), { description: '承办人员认定的第五十八条情形（中文）' }),
  catalogueVersion: Nullable(Type.Integer({ description: '适用的目录清单版本' })),
  status: oneOf(
    ['not_required', 'pending', 'in_review', 'corrected', 'agreed', 'transferred', 'coordination'] as const,
    { description: '法制审核状态' },
  ),
  statusLabel: Type.String(),
  rounds: Type.Integer({ description: '已送审轮数' }),
});
export type LegalReviewSummary = Static<typeof LegalReviewSummary>;

export const CaseDetail = Type.Object({
  id: Type.String(),
  title: Type.String(),
  caseNumber: CaseNumber,
  agencyId: Type.String(),
  procedure: Procedure,
  procedureLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String(),
  outcome: Nullable(Type.String()),
  version: Type.Integer(),
  regionCode: Type.String(),
  leadId: Nullable(Type.String({ description: '立案所依据的案源' })),
  filedCaseId: Nullable(Type.String({ description: '案源立案后的案件' })),
  item: Nullable(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      type: ItemTypeSchema,
      categoryCode: Type.String(),
      requiresAv: Type.Boolean(),
    }),
  ),
  party: Nullable(CaseParty),
  team: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      certificateNo: Nullable(Type.String()),
      isAuxiliary: Type.Boolean(),
    }),
    { description: '承办人员（及听证主持人）' },
  ),
  snapshot: CaseSnapshot,
  clocks: Type.Array(CaseClock),
  events: Type.Array(CaseEvent),
  documents: Type.Array(CaseDocument),
  evidence: Type.Array(EvidenceSummary, { description: '证据和音像记录（元数据）' }),
  actions: Type.Array(CaseAction, {
    description: '当前环节的全部操作（调用者不是本机关工作人员时为空）；mine 标明调用者可以办理的',
  }),
  legalReview: LegalReviewSummary,
  can: Type.Object({
    handle: Type.Boolean({ description: '调用者是本机关工作人员，可以办理本案（各环节由规则决定）' }),
    documents: Type.Array(Choice, { description: '调用者现在可以单独制作的文书种类' }),
  }),
});
export type CaseDetail = Static<typeof CaseDetail>;

/** `POST /api/cases/:id/transitions`. */
export const TransitionAnswer = Type.Object({
  caseId: Type.String(),
  state: Type.String(),
  documentId: Nullable(Type.String({ description: '本环节签发的文书' })),
  filedCaseId: Nullable(Type.String({ description: '立案后的案件' })),
  case: CaseDetail,
});
export type TransitionAnswer = Static<typeof TransitionAnswer>;

/** `POST /api/cases/:id/documents`. */
export const IssuedDocument = Type.Object({
  id: Type.String(),
  number: Nullable(Type.String({ description: '文号' })),
  contentHash: Type.String(),
});
export type IssuedDocument = Static<typeof IssuedDocument>;

/** `GET`/`PUT /api/agencies/:id/document-settings`. */
export const DocumentSettings = Type.Object({
  abbreviation: Nullable(Type.String({ description: '机关代字' })),
  caseNumberPattern: Type.String({ description: '案号格式（可用 {机关代字}、{年}、{序号}）' }),
  can: Type.Object({ edit: Type.Boolean({ description: '调用者可以修改本机关的文书设置' }) }),
  templateOverrides: Type.Record(Type.String(), Free('本机关的文书格式'), {
    description: '按文书种类',
  }),
});
export type DocumentSettings = Static<typeof DocumentSettings>;

export type PartyType = PartyTypeValue;

const FIELD_TYPES = [
  'text',
  'longtext',
  'date',
  'datetime',
  'money_fen',
  'integer',
  'party',
  'officers',
  'enum',
  'list',
  'qa',
  'grid',
] as const;

/** One field of a document's form: its Chinese label, its type, whether it must be filled. */
export const DocumentField = Type.Object({
  key: Type.String(),
  label: Type.String({ description: '字段名称' }),
  type: oneOf(FIELD_TYPES, { description: '字段类型（金额以分计）' }),
  required: Type.Boolean(),
  help: Type.Optional(Type.String()),
  options: Type.Optional(Type.Array(Type.String(), { description: '可选值' })),
  columns: Type.Optional(
    Type.Array(
      Type.Object({
        key: Type.String(),
        label: Type.String(),
        width: Type.Number(),
        required: Type.Optional(Type.Boolean()),
      }),
      { description: '清单的列' },
    ),
  ),
  minCount: Type.Optional(Type.Integer({ description: '执法人员最少人数' })),
  fromCase: Type.Optional(
    Type.Boolean({ description: '由案件记载（或本环节）决定，须与之一致：表单中只读' }),
  ),
  min: Type.Optional(Type.Integer()),
  max: Type.Optional(Type.Integer()),
});
export type DocumentField = Static<typeof DocumentField>;

/** `POST /api/cases/:id/documents/draft`: the form of a document, written from the case. */
export const DocumentDraft = Type.Object({
  kind: Type.String({ description: '文书种类' }),
  title: Type.String({ description: '文书名称' }),
  numbered: Type.Boolean({ description: '签发时编文号' }),
  fields: Type.Array(DocumentField),
  data: Free('由案件数据生成的文书内容（字段 → 值）'),
});
export type DocumentDraft = Static<typeof DocumentDraft>;

const Paragraph = Type.Object({
  type: Type.Literal('paragraph'),
  text: Type.String(),
  indent: Type.Boolean(),
  align: oneOf(['left', 'right'] as const),
});
const FormBlock = Type.Object({
  type: Type.Literal('form'),
  rows: Type.Array(
    Type.Object({
      cells: Type.Array(
        Type.Object({ label: Type.String(), value: Type.String(), sign: Type.Optional(Type.String()) }),
      ),
      minLines: Type.Integer(),
    }),
  ),
});
const GridBlock = Type.Object({
  type: Type.Literal('grid'),
  caption: Type.String(),
  columns: Type.Array(Type.Object({ label: Type.String(), width: Type.Number() })),
  rows: Type.Array(Type.Array(Type.String())),
});
const SignaturesBlock = Type.Object({
  type: Type.Literal('signatures'),
  lines: Type.Array(Type.Object({ label: Type.String(), date: Type.Boolean() })),
});
const SignoffBlock = Type.Object({
  type: Type.Literal('signoff'),
  agencyName: Type.String(),
  date: Type.String(),
});
export const DocumentBlock = Type.Union([Paragraph, FormBlock, GridBlock, SignaturesBlock, SignoffBlock]);
export type DocumentBlock = Static<typeof DocumentBlock>;

/** `POST /api/cases/:id/documents/preview`: the page as it would be issued, and what stops it. */
export const DocumentPreview = Type.Object({
  title: Type.String(),
  agencyName: Type.String(),
  issuedOn: Day('落款日期（北京时间）'),
  numbered: Type.Boolean({ description: '签发时编文号' }),
  blocks: Type.Array(DocumentBlock, { description: '文书正文（未编号、未签章）' }),
  problems: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String({ description: '中文说明，指明字段' }),
      field: Nullable(Type.String({ description: '字段（如 party.uscc、fineFen）' })),
    }),
    { description: '签发时会被拒绝的原因；为空时可以签发' },
  ),
});
export type DocumentPreview = Static<typeof DocumentPreview>;

/** A record where a step is the caller's now, with those steps (home page). */
export const MyTask = Type.Object({
  caseId: Type.String(),
  title: Type.String({ description: '案件名称' }),
  caseNumber: CaseNumber,
  procedure: Procedure,
  procedureLabel: Type.String(),
  state: Type.String(),
  stateLabel: Type.String({ description: '当前环节' }),
  steps: Type.Array(Type.Object({ action: Type.String(), label: Type.String({ description: '操作' }) }), {
    description:
      '案件等待调用者办理的操作（与案件页的 mine 相同的规则；延期、调整承办人员、撤销立案、移送等随时可用的权限不列入）',
  }),
  updatedAt: Instant('最后更新'),
});
export type MyTask = Static<typeof MyTask>;

/** `GET /api/cases/my-day`: the caller's home page. */
export const MyDay = Type.Object({
  view: oneOf(['officer', 'head', 'staff', 'oversight'] as const, {
    description:
      'officer 执法人员（本人承办的案件）；head 机关负责人（待审批、决定）；staff 本机关其他人员；oversight 监督人员、系统管理员（辖区）',
  }),
  tasks: Page(MyTask),
  // The agency's to act on: for officers about to run out or overdue, for the others overdue; of a
  // party's periods only an unpaid fine past its limit.
  clocks: Page(
    Type.Object({
      caseId: Type.String(),
      title: Type.String({ description: '案件名称' }),
      caseNumber: CaseNumber,
      ...clockFields,
    }),
  ),
  recent: Type.Array(CaseListItem, { description: '最近更新的案件（执法人员为本人承办的）' }),
});
export type MyDay = Static<typeof MyDay>;

/** `GET /api/reviews`: the reviewer's workbench — the rounds assigned, or the agency's, with their clocks. */
export const LegalReviewQueueItem = Type.Object({
  caseId: Type.String(),
  title: Type.String({ description: '案件名称' }),
  caseNumber: CaseNumber,
  partyName: Nullable(Type.String({ description: '当事人' })),
  stateLabel: Type.String({ description: '案件环节' }),
  round: Type.Integer({ description: '第几轮' }),
  submittedOn: Day('送审日期'),
  submittedBy: Type.String({ description: '送审人' }),
  reviewerName: Type.String({ description: '法制审核人员' }),
  status: LegalReviewSummary.properties.status,
  statusLabel: Type.String(),
  reasons: Type.Array(Type.String(), { description: '属于重大执法决定的原因：目录清单条目和第五十八条情形' }),
  proposal: Nullable(PenaltyTerms),
  clock: Nullable(CaseClock),
  mine: Type.Boolean({ description: '本轮由调用者审核且尚待审核意见' }),
});
export const LegalReviewQueue = Type.Object({
  items: Type.Array(LegalReviewQueueItem),
  total: Type.Integer(),
  awaitingMe: Type.Integer({ description: '待调用者审核的件数' }),
});
export type LegalReviewQueue = Static<typeof LegalReviewQueue>;

/** `GET /api/reviews/:caseId/checklist`: the platform's own answers to the 8 points of the 审核内容清单. */
export const ReviewChecklistPoint = Type.Object({
  point: oneOf(
    REVIEW_CHECKLIST.map((p) => p.point),
    { description: '审核内容清单项目' },
  ),
  label: Type.String({ description: '审核项目' }),
  facts: Type.Array(Type.String(), { description: '平台记录显示的情况（中文，每行一条）' }),
  attention: Type.Boolean({ description: '平台记录中有须审核人员注意的情况' }),
});
export const ReviewChecklist = Type.Object({ points: Type.Array(ReviewChecklistPoint) });
export type ReviewChecklist = Static<typeof ReviewChecklist>;

/** `GET /api/reviews/:caseId/trail`: the decision's responsibility trail (蚌埠任务分解方案 items 33–34). */
export const TrailPerson = Type.Object({
  name: Type.String({ description: '姓名' }),
  certificateNo: Nullable(Type.String({ description: '执法证件号' })),
});
export type TrailPerson = Static<typeof TrailPerson>;
const TrailAct = Type.Object({
  on: Day('日期'),
  what: Type.String({ description: '环节' }),
  by: TrailPerson,
});
export const ReviewTrail = Type.Object({
  caseTitle: Type.String({ description: '案件名称' }),
  caseNumber: CaseNumber,
  agencyName: Type.String({ description: '执法主体' }),
  filed: Nullable(TrailAct),
  team: Type.Array(TrailPerson, { description: '承办执法人员' }),
  rounds: Type.Array(
    Type.Object({
      round: Type.Integer({ description: '第几轮' }),
      submittedOn: Day('送审日期'),
      submittedBy: TrailPerson,
      proposal: Nullable(Type.String({ description: '拟处理意见' })),
      facts: Type.String({ description: '违法事实' }),
      provisions: Type.String({ description: '法律依据' }),
      discretion: Type.String({ description: '裁量理由' }),
      response: Nullable(Type.String({ description: '对上一轮审核意见的处理情况' })),
      reviewer: Type.Object({
        name: Type.String({ description: '法制审核人员' }),
        legalQualificationNo: Nullable(Type.String({ description: '法律职业资格证书编号' })),
      }),
      extended: Type.Boolean({ description: '审核期限已延长' }),
      opinion: Nullable(
        Type.Object({
          on: Day('审核意见日期'),
          reviewerName: Type.String(),
          kindLabel: Type.String({ description: '审核意见' }),
          reasons: Type.String({ description: '理由' }),
          passed: Type.Integer({ description: '审核内容清单中符合的项数' }),
          problems: Type.Array(Type.Object({ label: Type.String(), note: Type.String() })),
        }),
      ),
      dispute: Nullable(
        Type.Object({ on: Day('提出不同意见日期'), by: Type.String(), reasons: Type.String() }),
      ),
      coordination: Nullable(
        Type.Object({
          on: Day('协调日期'),
          by: Type.String(),
          outcomeLabel: Type.String({ description: '协调结果' }),
          collectiveDiscussion: Type.Boolean({ description: '经负责人集体讨论' }),
          reasons: Type.String(),
        }),
      ),
    }),
  ),
  decided: Nullable(
    Type.Object({
      on: Day('决定日期'),
      what: Type.String(),
      by: TrailPerson,
      documentNo: Nullable(Type.String({ description: '决定书文号' })),
    }),
  ),
});
export type ReviewTrail = Static<typeof ReviewTrail>;

const ReviewCounts = {
  submitted: Type.Integer({ description: '期间内送审的轮次' }),
  cases: Type.Integer({ description: '期间内送审的案件数' }),
  agree: Type.Integer({ description: '审核意见：同意' }),
  correct: Type.Integer({ description: '审核意见：纠正' }),
  transfer: Type.Integer({ description: '审核意见：移送有权机关处理' }),
  coordinated: Type.Integer({ description: '经协调（含集体讨论）的分歧' }),
  open: Type.Integer({ description: '尚待审核意见的轮次' }),
  overdue: Type.Integer({ description: '其中已超过审核期限的' }),
  onTime: Type.Integer({ description: '在审核期限内提出意见的' }),
  late: Type.Integer({ description: '超过审核期限提出意见的' }),
  averageWorkingDays: Nullable(Type.Number({ description: '自送审到提出意见的平均工作日数' })),
};

/** `GET /api/reviews/statistics`: legal review per agency in the caller's scope (L1), and in total. */
export const LegalReviewStatistics = Type.Object({
  from: Day('统计起始日'),
  to: Day('统计截止日'),
  agencies: Type.Array(
    Type.Object({
      agencyId: Type.String(),
      agencyName: Type.String(),
      ...ReviewCounts,
      officers: Type.Integer({ description: '持有效证件的执法人员' }),
      reviewers: Type.Integer({ description: '其中法制审核人员' }),
      reviewerRatio: Type.Number({ description: '法制审核人员占比' }),
      requiredRatio: Type.Number({ description: '要求的最低占比（5%）' }),
      ratioMet: Type.Boolean(),
    }),
  ),
  total: Type.Object(ReviewCounts),
});
export type LegalReviewStatistics = Static<typeof LegalReviewStatistics>;
