/**
 * Shapes shared by the case-handling rules. Pure data: a store persists CaseSnapshot and CaseEvent as
 * they are; the service builds a TransitionContext from the database and the clock reading.
 */
import type { Role } from '../../../platform/auth/roles.ts';
import type { WorkingCalendar } from '../../../platform/calendar/rules.ts';
import type { ResolvedRulebook } from '../../../platform/rulebook/resolve.ts';
import type { PartyType, PenaltyKind, ReviewGround } from '../../catalog/review-catalogue.ts';
import type { ActingOfficer } from '../../org/rules/can-act.ts';
import type { ReviewerRecord } from '../../org/rules/reviewer-qualification.ts';

/** 普通程序, 简易程序, 查封扣押, 行政检查, and the lead (案源) before a case is filed. */
export const PROCEDURES = ['lead', 'ordinary', 'summary', 'coercive', 'inspection'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PROCEDURE_LABELS: Readonly<Record<Procedure, string>> = {
  lead: '案源',
  ordinary: '普通程序',
  summary: '简易程序',
  coercive: '查封扣押',
  inspection: '行政检查',
};

/**
 * 当事人 kinds and 行政处罚的种类 (行政处罚法 art. 9): the catalog module's vocabulary (its review catalogue
 * speaks of them; cases depends on the catalog, never the reverse). `individual_business` (个体工商户) is a
 * natural person in law (民法典 art. 54) and takes the natural person's thresholds.
 */
export {
  PARTY_TYPE_LABELS,
  PARTY_TYPES,
  type PartyType,
  PENALTY_KIND_LABELS,
  PENALTY_KINDS,
  type PenaltyKind,
  REVIEW_GROUND_LABELS,
  REVIEW_GROUNDS,
  type ReviewGround,
} from '../../catalog/review-catalogue.ts';

/** A proposed (告知) or decided (决定) penalty. Money is integer fen (分) everywhere. */
export type PenaltyTerms = {
  kinds: readonly PenaltyKind[];
  fineFen?: number;
  /** 没收违法所得 amount. */
  confiscatedGainsFen?: number;
  /** 没收非法财物: their value. */
  confiscatedPropertyFen?: number;
  /** 行政处罚法 art. 63(1)(5)-(6): 其他较重的行政处罚, or a hearing required by another law or rule. */
  otherSevere?: boolean;
};

/**
 * 行政处罚法 art. 68 (and art. 69): why the fine could be collected on the spot — 100 元 or less, hard to
 * enforce later, or a remote, water or poorly connected area where paying at the bank is truly hard.
 */
export const SPOT_COLLECTION_GROUNDS = ['small_fine', 'hard_to_enforce', 'remote_area'] as const;
export type SpotCollectionGround = (typeof SPOT_COLLECTION_GROUNDS)[number];
export const SPOT_COLLECTION_GROUND_LABELS: Readonly<Record<SpotCollectionGround, string>> = {
  small_fine: '依法给予一百元以下罚款（第六十八条第一项）',
  hard_to_enforce: '不当场收缴事后难以执行（第六十八条第二项）',
  remote_area: '边远、水上、交通不便地区，当事人到银行或者通过电子支付系统缴纳确有困难并提出（第六十九条）',
};

export type SpotCollection = {
  /** art. 70: the number of the 罚款专用票据 handed to the party. */
  receiptNo: string;
  ground: SpotCollectionGround;
  groundDetail?: string;
  collectedOn: string;
  /** art. 71: collected on water, the remittance runs from the landing. */
  landedOn?: string;
};

/** One instalment of an art. 66 schedule; `paidOn` once the party paid it. */
export type Instalment = { dueOn: string; amountFen: number; paidOn?: string };

export const REMEDY_KINDS = ['reconsideration', 'litigation'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];
export const REMEDY_KIND_LABELS: Readonly<Record<RemedyKind, string>> = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
};
/** The party applied for 复议 or sued on `filedOn`; `endedOn` once it ended (decision, judgment, withdrawal). */
export type RemedyProceeding = { kind: RemedyKind; filedOn: string; endedOn?: string };

export const PRESERVATION_DECISIONS = ['record_evidence', 'test', 'seize', 'transfer', 'release'] as const;
export type PreservationDecision = (typeof PRESERVATION_DECISIONS)[number];
export const PRESERVATION_DECISION_LABELS: Readonly<Record<PreservationDecision, string>> = {
  record_evidence: '采取记录、复制、拍照、录像等证据保全措施后留存',
  test: '送交检测、检验、检疫、鉴定',
  seize: '依法采取查封、扣押措施',
  transfer: '移交有关部门处理',
  release: '解除先行登记保存，退还当事人',
};
/** art. 56: what was preserved, when, on whose approval, and what was decided. */
export type EvidencePreservation = {
  items: string;
  approvalRef: string;
  preservedOn: string;
  decision?: PreservationDecision;
  decidedOn?: string;
};

/** Milestone dates (YYYY-MM-DD, Asia/Shanghai) the clocks are computed from. */
export type CaseDates = {
  openedOn?: string;
  /** 行政处罚法 art. 36: the day the violation was committed (recorded at filing). */
  violationOn?: string;
  /** The end of a continuing act (有连续或者继续状态), from which the limitation runs instead. */
  violationEndedOn?: string;
  /** The day the violation was discovered: the lead's registration, or the filing without a lead. */
  discoveredOn?: string;
  filedOn?: string;
  rightsNoticeServedOn?: string;
  hearingRequestedOn?: string;
  hearingNoticeServedOn?: string;
  hearingDate?: string;
  hearingHeldOn?: string;
  rightsPeriodClosedOn?: string;
  decidedOn?: string;
  servedOn?: string;
  paymentDueOverride?: string;
  executedOn?: string;
  /** 催告书 served (行政强制法 art. 54), before an application to the court. */
  demandServedOn?: string;
  /** The application to the people's court for enforcement was made. */
  courtAppliedOn?: string;
  /** 行政处罚法 art. 71: the fine collected on the spot was handed to the agency / paid into the bank. */
  remittedOn?: string;
  bankDepositedOn?: string;
  coerciveAppliedOn?: string;
  inspectedOn?: string;
  rectifyBy?: string;
  endedOn?: string;
  archivedOn?: string;
};

/** One case, lead, coercive measure or inspection as the rules see it. */
export type CaseSnapshot = {
  id: string;
  procedure: Procedure;
  state: string;
  /** The `ended` state the action ended in (closed, no_penalty, withdrawn, …); kept after archiving. */
  outcome: string | null;
  /** Number of events applied; the store updates `WHERE version = previous` (optimistic locking). */
  version: number;
  /** Where the action takes place (the case's region, GB/T 2260 or township code). */
  regionCode: string;
  partyId: string | null;
  partyType: PartyType | null;
  /** Assigned officers (承办人员); auxiliaries may be listed but are never counted or act. */
  teamOfficerIds: readonly string[];
  /** 情节复杂或者重大违法行为 (行政处罚法 art. 57 para 2): the decision needs collective discussion. */
  complexOrSerious: boolean;
  /** The proposal after the rights notice, the decision's terms after the decision. */
  penalty: PenaltyTerms | null;
  /** The penalty the rights notice announced (art. 45: the decision may not be heavier). */
  notifiedPenalty: PenaltyTerms | null;
  hearingEligible: boolean;
  /** Which art. 63 items made the hearing available, in Chinese. */
  hearingBasis: readonly string[];
  hearingHostOfficerId: string | null;
  /** Approved extensions of the 90-day decision limit (art. 60). */
  extensionCount: number;
  /** Approved extensions of a coercive measure (行政强制法 art. 25). */
  coerciveExtensionCount: number;
  /** Days of 检测、检验、检疫、鉴定 not counted in the coercive term (行政强制法 art. 25 para 3). */
  coerciveExcludedDays: number;
  paidFen: number | null;
  documentNo: string | null;
  /**
   * 行政处罚法 art. 36: the matter involves citizens' life and health safety or financial safety with
   * harm (5-year limitation). Optional: snapshots stored before it have none (false).
   */
  involvesSafety?: boolean;
  /** 行政处罚法 arts. 68–71: the fine was collected on the spot (optional: older snapshots have none). */
  spotCollection?: SpotCollection | null;
  /** 行政处罚法 art. 66 para 2: the approved instalment schedule, summing to the fine. */
  instalments?: readonly Instalment[];
  /** 行政处罚法 art. 73: the party's 行政复议 or 行政诉讼 against the decision, each with its end. */
  remedies?: readonly RemedyProceeding[];
  /** 行政处罚法 art. 56: evidence registered and preserved in advance, each with its decision. */
  preservations?: readonly EvidencePreservation[];
  /**
   * 行政处罚法 art. 45: the party stated or defended and the agency has not yet recorded its 复核 of it.
   * Optional: snapshots stored before it have none (nothing pending).
   */
  reexaminationPending?: boolean;
  /**
   * 行政处罚法 art. 43: a 回避 request awaiting the agency head's ruling. Optional: snapshots stored before
   * it have none (nothing pending).
   */
  recusalRequest?: RecusalRequest | null;
  /**
   * Periods not counted in the decision limit (art. 60 as the departmental rules apply it: 听证, 公告,
   * 检测、检验、检疫、鉴定) and the ended suspensions (中止), each with both ends.
   */
  decisionPauses?: readonly DecisionPause[];
  /** 中止: the case is suspended since this day, for this reason; the decision clock stands still. */
  suspension?: { since: string; reason: string } | null;
  /** Approved extensions of the lead's filing time (one, by the agency head). */
  leadExtensionCount?: number;
  /**
   * 行政处罚法 art. 58(1) items 1–4 the officer found in the case, with the reason: they make the decision
   * a major one whatever the agency's catalogue says. Optional: older snapshots have none.
   */
  reviewGrounds?: ReviewGroundsMark | null;
  /** 法制审核: every round submitted, with its opinion (rules/legal-review.ts). Optional as above. */
  legalReview?: LegalReviewRecord | null;
  /**
   * The proposed penalty (拟处罚意见) as the agency head approved it after the case review; the rights
   * notice must announce exactly this. Optional: snapshots stored before it have none (not approved).
   */
  approvedProposal?: ApprovedProposal | null;
  /**
   * 执法决定公开 (国办发〔2018〕118号; 行政处罚法 art. 48): what the publicity module recorded about publishing
   * the decision — it stops the publication clock. Optional: snapshots stored before it have none.
   */
  publication?: PublicationMark | null;
  dates: CaseDates;
};

/** The publication of the case's decision as the publicity module recorded it (rules/publication-mark.ts). */
export type PublicationMark = {
  status: 'published' | 'withheld' | 'withdrawn';
  /** The day the notice went on the portal (kept after a withdrawal). */
  publishedOn: string | null;
  /** The day the agency decided not to publish, with its reason (the clock stops there). */
  withheldOn: string | null;
  withdrawnOn: string | null;
  reason: string | null;
};

/** The head's approval of the proposed penalty: what, on which day, by whom, with the head's opinion. */
export type ApprovedProposal = {
  penalty: PenaltyTerms;
  approvedOn: string;
  approverName: string;
  opinion: string;
};

export type ReviewGroundsMark = { grounds: readonly ReviewGround[]; reason: string; markedOn: string };

/** A catalogue entry the case matched, under the catalogue version in force. */
export type MatchedEntry = { entryId: string; label: string };

/** What the handler submitted for review; its hash fixes what was reviewed. */
export type ReviewSubject = {
  penalty: PenaltyTerms | null;
  facts: string;
  provisions: string;
  discretion: string;
  grounds: readonly ReviewGround[];
  /** The evidence on the case when submitted (ids, sorted): adding evidence is a revision. */
  evidenceIds: readonly string[];
};

export const REVIEW_OPINIONS = ['agree', 'correct', 'transfer'] as const;
export type ReviewOpinionKind = (typeof REVIEW_OPINIONS)[number];
export const REVIEW_OPINION_LABELS: Readonly<Record<ReviewOpinionKind, string>> = {
  agree: '同意',
  correct: '纠正',
  transfer: '移送有权机关处理',
};

/** One point of the content checklist (蚌埠任务分解方案 item 30) as the reviewer found it. */
export type ReviewFinding = { point: string; ok: boolean; note?: string };

export type LegalReviewRound = {
  round: number;
  submittedOn: string;
  submittedBy: { userId: string; name: string; officerId: string | null };
  /** 对上一轮审核意见的处理情况 (a resubmission says what was done). */
  response?: string;
  reviewerOfficerId: string;
  reviewerName: string;
  subject: ReviewSubject;
  subjectHash: string;
  catalogueVersion: number | null;
  matched: readonly MatchedEntry[];
  extended: boolean;
  opinion?: {
    kind: ReviewOpinionKind;
    reasons: string;
    findings: readonly ReviewFinding[];
    on: string;
    reviewerName: string;
  };
  /** The handler disagrees with a 纠正 (蚌埠任务分解方案 item 32: coordination when they differ). */
  dispute?: { reasons: string; on: string; by: string };
  /** The head's coordination or the collective discussion (行政处罚法 art. 57) settling the dispute. */
  coordination?: {
    outcome: 'agree' | 'correct';
    reasons: string;
    collectiveDiscussion: boolean;
    on: string;
    by: string;
  };
};
export type LegalReviewRecord = { rounds: readonly LegalReviewRound[] };

/** 行政处罚法 art. 43: who asked for whose recusal, and why. */
export type RecusalRequest = {
  officerId: string;
  requestedBy: 'party' | 'officer';
  reason: string;
  requestedOn: string;
};

/** Kinds of the periods the decision limit does not count. */
export const DECISION_PAUSE_KINDS = ['hearing', 'public_notice', 'testing', 'suspension'] as const;
export type DecisionPauseKind = (typeof DECISION_PAUSE_KINDS)[number];
export const DECISION_PAUSE_LABELS: Readonly<Record<DecisionPauseKind, string>> = {
  hearing: '听证',
  public_notice: '公告',
  testing: '检测、检验、检疫、鉴定',
  suspension: '中止',
};

/**
 * One period the decision limit does not count: `from` and `to` both inside it for an excluded period;
 * a suspension runs from the day it was suspended to the day before the resumption (`to`).
 */
export type DecisionPause = { kind: DecisionPauseKind; from: string; to: string; reason?: string };

/** Who performs an action. A party acts through the party end (F2) on their own case only. */
export type Actor =
  | { kind: 'staff'; userId: string; name: string; roles: readonly Role[]; officerId: string | null }
  | { kind: 'party'; partyId: string; name: string };

/** A member of the case team as the org register knows them on the day (ids required). */
export type TeamMember = ActingOfficer & { id: string };

/** Item types of the enforcement item list (P4): 处罚/强制/检查/许可/征收/给付/确认/裁决/其他. */
export type ItemType =
  | 'penalty'
  | 'coercive'
  | 'inspection'
  | 'licence'
  | 'levy'
  | 'benefit'
  | 'confirmation'
  | 'adjudication'
  | 'other';

export type EnforcementItemRef = {
  categoryCode: string;
  categoryName?: string;
  /** On the agency's AV item list (音像记录事项清单, R4). */
  requiresAV: boolean;
  type: ItemType;
};

/** What the records module says is attached to a step of this case. */
export type AttachmentSummary = { stepKey: string; isAV: boolean };

export type { ReviewerRecord } from '../../org/rules/reviewer-qualification.ts';

/**
 * The legal-review inputs (L2, L5): the agency's review catalogue evaluated on the case as this step
 * would leave it, and the register's record of the reviewer the step names.
 */
export type ReviewContext = {
  catalogueVersion: number | null;
  matched: readonly MatchedEntry[];
  reviewer: ReviewerRecord | null;
  /** The case's agency (a reviewer comes from it). */
  agencyId: string;
  /** The evidence on the case now (ids): part of what a round reviews. */
  evidenceIds: readonly string[];
};

export type TransitionContext = {
  /** ISO 8601 instant of the action, from the service's one clock reading. */
  at: string;
  /** Its Asia/Shanghai date (`dateInShanghai(at)`); checked against `at`. */
  today: string;
  actor: Actor;
  /** The org register's records of the case team's officers (and, for opening, of the proposed team). */
  team: readonly TeamMember[];
  item: EnforcementItemRef;
  attachments: readonly AttachmentSummary[];
  /** How many evidence records the records module stores for the case (0 before the case exists). */
  evidenceCount: number;
  review: ReviewContext;
  calendar: WorkingCalendar;
  rulebook: ResolvedRulebook;
};

export type Payload = Readonly<Record<string, unknown>>;

export type EventActor =
  | { kind: 'staff'; userId: string; name: string; officerId: string | null }
  | { kind: 'party'; partyId: string; name: string };

/**
 * The record of one transition, written in the same transaction as the new snapshot. `changes` is
 * exactly what the transition set, so folding the changes of a case's events gives back its snapshot.
 */
export type CaseEvent = {
  caseId: string;
  procedure: Procedure;
  /** = the snapshot's version after this event (1 for the opening event). */
  sequence: number;
  action: string;
  actionLabel: string;
  from: string | null;
  to: string;
  actor: EventActor;
  at: string;
  on: string;
  payload: Payload;
  changes: Partial<CaseSnapshot>;
  calendarVersion: string;
  rulebookVersion: string;
};
