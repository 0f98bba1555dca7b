// Types for the objects of the HTTP API (docs/api.md). Field names follow the contract exactly.

export type Role =
  | 'officer'
  | 'auxiliary'
  | 'legal_reviewer'
  | 'agency_head'
  | 'agency_admin'
  | 'supervisor'
  | 'system_admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Chinese role name from the server (not in docs/api.md). */
  roleLabel?: string;
  agencyId: string | null;
  /** In docs/api.md but not answered by the server at the time of writing; looked up when missing. */
  agencyName?: string | null;
  regionCode: string | null;
  officerId: string | null;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
}

export interface ListAnswer<T> {
  items: T[];
  total: number;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface EnforcementCategory {
  code: string;
  name: string;
}

export type AgencyType = 'statutory' | 'authorized' | 'entrusted';

export interface Entrustment {
  entrustingAgencyId: string;
  entrustingAgencyName?: string;
  basis: string;
  /** 委托事项, one entry per item. */
  items: string[];
  /** 委托权限, one entry per power. */
  powers: string[];
  termStart: string;
  termEnd: string;
}

export interface Unit {
  id: string;
  name: string;
  functions: string | null;
  /** 法制审核机构 */
  isReviewUnit?: boolean;
}

export interface Agency {
  id: string;
  name: string;
  uscc: string;
  type: AgencyType;
  typeLabel?: string;
  legalBasis: string;
  functions: string;
  regionCode: string;
  regionName: string;
  contactPhone: string | null;
  contactAddress: string | null;
  parentId: string | null;
  parentName?: string | null;
  entrustment: Entrustment | null;
}

/** A subordinate unit (下属单位) as listed in the agency detail: at least id and name. */
export interface SubordinateAgency {
  id: string;
  name: string;
  type?: AgencyType;
  regionName?: string;
}

export interface AgencyDetail extends Agency {
  units: Unit[];
  subordinates: SubordinateAgency[];
}

/** The fields a client may send to POST / PATCH /api/agencies ('' clears a text field). */
export interface AgencyInput {
  name: string;
  uscc: string;
  type: AgencyType;
  legalBasis: string;
  functions: string;
  regionCode: string;
  contactPhone: string;
  contactAddress: string;
  parentId: string | null;
  entrustment: Omit<Entrustment, 'entrustingAgencyName'> | null;
}

/** Where a rule parameter comes from; the server answers `{ zh, en, seedRef }`. */
export type RulebookSource =
  | string
  | { zh?: string; en?: string; seedRef?: string; [k: string]: unknown }
  | null;

export interface ReviewerRatio {
  officers: number;
  reviewers: number;
  /** reviewers / officers, a fraction */
  ratio: number;
  /** the minimum ratio, a fraction (0.05) */
  required: number;
  /** the minimum number of reviewers for this agency (server extra) */
  requiredReviewers?: number;
  meets: boolean;
  source: RulebookSource;
}

export type CertificateStatus = 'valid' | 'suspended' | 'revoked';
/** `auxiliary`: 辅助人员 or an officer without certificate dates (no certificate to judge). */
export type EffectiveStatus = CertificateStatus | 'expired' | 'auxiliary';

export interface TrainingHours {
  year: number;
  hours: number;
}

export interface Officer {
  id: string;
  agencyId: string;
  agencyName: string;
  unitId: string | null;
  name: string;
  isAuxiliary: boolean;
  certificateNo: string | null;
  categories: string[];
  enforcementRegionCode: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  status: CertificateStatus;
  effectiveStatus: EffectiveStatus;
  effectiveStatusLabel?: string;
  revocationCause?: RevocationCause | null;
  isLegalReviewer: boolean;
  trainingHours: TrainingHours[];
  phone?: string | null;
  /** Only in the detail answer. */
  certificateEvents?: CertificateEvent[];
}

export interface CertificateEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  revocationCause: RevocationCause | null;
  at: string;
}

/** The fields a client may send to POST / PATCH /api/officers. */
export interface OfficerInput {
  agencyId?: string;
  unitId: string | null;
  name: string;
  isAuxiliary: boolean;
  certificateNo: string | null;
  categories: string[];
  /** Left out rather than sent as null (see OfficerFormPage). */
  enforcementRegionCode?: string;
  issueDate: string | null;
  expiryDate: string | null;
  isLegalReviewer: boolean;
  trainingHours: TrainingHours[];
  phone: string | null;
}

export type CertificateAction = 'suspend' | 'reinstate' | 'revoke';
export type RevocationCause = 'retirement' | 'transfer' | 'misconduct' | 'other';

export interface CertificateStatusInput {
  action: CertificateAction;
  reason: string;
  revocationCause?: RevocationCause;
}

export interface CanActAnswer {
  allowed: boolean;
  reasons: { code: string; message: string }[];
}

export interface ImportRowError {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

/** Answer of POST /api/officers/import (201). */
export interface ImportAnswer {
  imported: number;
}

/** Answer of GET /api/audit, from the server's schema. */
export type { AuditEntryView as AuditEntry, AuditListAnswer } from '../../src/platform/audit/routes.ts';
