// Types of the case-handling API (src/modules/cases/routes.ts, service.ts). Field names follow the answers.

// The value sets are the server's own (pure rules): type-only imports, nothing is bundled.
export type { ItemType, PartyType, Procedure } from '../../src/modules/cases/rules/types.ts';

import type { ItemType, PartyType, Procedure } from '../../src/modules/cases/rules/types.ts';
import type { EvidenceSummary } from './recordTypes.ts';

/** 执法事项 (GET /api/items). */
export interface EnforcementItem {
  id: string;
  agencyId: string;
  agencyName: string;
  code: string;
  name: string;
  type: ItemType;
  typeLabel?: string;
  categoryCode: string;
  legalBasis: string;
  requiresAv: boolean;
  isRandomInspection: boolean;
  active: boolean;
}

export type ClockState = 'ok' | 'warning' | 'overdue' | 'done';

export interface ClockStatus {
  /** Days to dueOn in the clock's basis; negative when overdue. */
  remainingDays: number;
  state: ClockState;
  late: boolean;
  provisional: boolean;
}

export interface ClockSource {
  zh?: string;
  en?: string;
  seedRef?: string;
  definedBy?: string;
}

export interface CaseClock {
  key: string;
  label: string;
  startsOn: string;
  dueOn: string;
  basis: 'working_days' | 'calendar_days';
  direction: 'after' | 'before';
  days: number;
  provisional: boolean;
  completedOn: string | null;
  warningDays: number;
  source: ClockSource | null;
  status: ClockStatus;
}

export interface CaseListItem {
  id: string;
  title: string;
  procedure: Procedure;
  procedureLabel: string;
  state: string;
  stateLabel: string;
  outcome: string | null;
  documentNo: string | null;
  updatedAt: string;
  nextClock: CaseClock | null;
}

export type InputKind = 'text' | 'date' | 'past_date' | 'fen' | 'penalty' | 'officer_ids' | 'flag' | 'choice';

export interface InputSpec {
  key: string;
  label: string;
  kind: InputKind;
  optional?: boolean;
  options?: readonly string[];
  optionLabels?: Readonly<Record<string, string>>;
}

export interface CaseAction {
  action: string;
  label: string;
  to: string;
  toLabel: string;
  performers: string[];
  inputs: InputSpec[];
  issuesDocument: string | null;
  av: { step: string; when: 'always' | 'item' } | null;
}

export interface CaseParty {
  id?: string;
  type: PartyType;
  name: string;
  idNumber: string | null;
  representative: string | null;
  address: string | null;
  phone: string | null;
}

export interface TeamMember {
  id: string;
  name: string;
  certificateNo: string | null;
  isAuxiliary: boolean;
}

export interface CaseEventActor {
  kind: 'staff' | 'party';
  name: string;
  userId?: string;
  officerId?: string | null;
  partyId?: string;
}

export interface CaseEvent {
  sequence: number;
  action: string;
  actionLabel: string;
  from: string | null;
  fromLabel: string | null;
  to: string;
  toLabel: string;
  actor: CaseEventActor;
  at: string;
  payload: Record<string, unknown>;
  calendarVersion: string;
  rulebookVersion: string;
}

export interface CaseDocument {
  id: string;
  kind: string;
  number: string | null;
  issuedAt: string;
  contentHash: string;
}

export interface PenaltyTerms {
  kinds: string[];
  fineFen?: number;
  confiscatedGainsFen?: number;
  confiscatedPropertyFen?: number;
  otherSevere?: boolean;
}

/** The parts of the rules' snapshot the console reads. */
export interface CaseSnapshot {
  complexOrSerious?: boolean;
  penalty?: PenaltyTerms | null;
  notifiedPenalty?: PenaltyTerms | null;
  hearingEligible?: boolean;
  hearingBasis?: string[];
  documentNo?: string | null;
  partyType?: PartyType | null;
  dates?: Record<string, string | undefined>;
  [k: string]: unknown;
}

export interface CaseDetail {
  id: string;
  title: string;
  agencyId: string;
  procedure: Procedure;
  procedureLabel: string;
  state: string;
  stateLabel: string;
  outcome: string | null;
  version: number;
  regionCode: string;
  leadId: string | null;
  item: {
    id: string;
    code: string;
    name: string;
    type: ItemType;
    categoryCode: string;
    requiresAv: boolean;
  } | null;
  party: CaseParty | null;
  team: TeamMember[];
  snapshot: CaseSnapshot;
  clocks: CaseClock[];
  events: CaseEvent[];
  documents: CaseDocument[];
  /** 证据和音像记录 (metadata; the content is opened through /api/evidence/:id/content). */
  evidence: EvidenceSummary[];
  actions: CaseAction[];
}

/** Answer of POST /api/cases/:id/transitions. */
export interface TransitionAnswer {
  caseId: string;
  state: string;
  documentId: string | null;
  filedCaseId: string | null;
  case: CaseDetail;
}

export interface PartyInput {
  type: PartyType;
  name: string;
  idNumber?: string | null;
  representative?: string | null;
  address?: string | null;
  phone?: string | null;
}
