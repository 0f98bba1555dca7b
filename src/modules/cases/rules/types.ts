/**
 * Shapes shared by the case-handling rules. Pure data: a store persists CaseSnapshot and CaseEvent as
 * they are; the service builds a TransitionContext from the database and the clock reading.
 */
import type { Role } from '../../../platform/auth/roles.ts';
import type { WorkingCalendar } from '../../../platform/calendar/rules.ts';
import type { ResolvedRulebook } from '../../../platform/rulebook/resolve.ts';
import type { ActingOfficer } from '../../org/rules/can-act.ts';

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
 * 当事人 kinds, the same names as the documents module (documents/types.ts `PartyKind`).
 * `individual_business` (个体工商户) is a natural person in law (民法典 art. 54) and takes the natural
 * person's thresholds.
 */
export const PARTY_TYPES = [
  'natural_person',
  'legal_person',
  'other_organisation',
  'individual_business',
] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

export const PARTY_TYPE_LABELS: Readonly<Record<PartyType, string>> = {
  natural_person: '公民',
  legal_person: '法人',
  other_organisation: '其他组织',
  individual_business: '个体工商户',
};

/** 行政处罚的种类, 行政处罚法 art. 9. */
export const PENALTY_KINDS = [
  'warning',
  'circulated_criticism',
  'fine',
  'confiscate_illegal_gains',
  'confiscate_illegal_property',
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
  'business_restriction',
  'suspension_of_business',
  'closure',
  'employment_restriction',
  'detention',
  'other',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PENALTY_KIND_LABELS: Readonly<Record<PenaltyKind, string>> = {
  warning: '警告',
  circulated_criticism: '通报批评',
  fine: '罚款',
  confiscate_illegal_gains: '没收违法所得',
  confiscate_illegal_property: '没收非法财物',
  licence_suspension: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  licence_revocation: '吊销许可证件',
  business_restriction: '限制开展生产经营活动',
  suspension_of_business: '责令停产停业',
  closure: '责令关闭',
  employment_restriction: '限制从业',
  detention: '行政拘留',
  other: '法律、行政法规规定的其他行政处罚',
};

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
  /**
   * 行政处罚法 art. 45: the party stated or defended and the agency has not yet recorded its 复核 of it.
   * Optional: snapshots stored before it have none (nothing pending).
   */
  reexaminationPending?: boolean;
  dates: CaseDates;
};

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

/** The legal-review hook (L5): the review module answers both questions for this case. */
export type ReviewStatus = { required: boolean; agreed: boolean };

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
  review: ReviewStatus;
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
