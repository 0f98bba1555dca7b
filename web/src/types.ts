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
  agencyId: string | null;
  agencyName: string | null;
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
  items: string;
  powers: string;
  termStart: string;
  termEnd: string;
}

export interface Unit {
  id: string;
  name: string;
  functions: string | null;
}

export interface Agency {
  id: string;
  name: string;
  uscc: string;
  type: AgencyType;
  legalBasis: string;
  functions: string;
  regionCode: string;
  regionName: string;
  contactPhone: string | null;
  contactAddress: string | null;
  parentId: string | null;
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

/** The fields a client may send to POST / PATCH /api/agencies. */
export interface AgencyInput {
  name: string;
  uscc: string;
  type: AgencyType;
  legalBasis: string;
  functions: string;
  regionCode: string;
  contactPhone: string | null;
  contactAddress: string | null;
  parentId: string | null;
  entrustment: Omit<Entrustment, 'entrustingAgencyName'> | null;
}

export type RulebookSource = string | Record<string, unknown> | null;

export interface ReviewerRatio {
  officers: number;
  reviewers: number;
  ratio: number;
  required: number;
  meets: boolean;
  source: RulebookSource;
}

export type CertificateStatus = 'valid' | 'suspended' | 'revoked';
export type EffectiveStatus = CertificateStatus | 'expired';

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
  isLegalReviewer: boolean;
  trainingHours: TrainingHours[];
  phone?: string | null;
}

/** The fields a client may send to POST / PATCH /api/officers. */
export interface OfficerInput {
  agencyId?: string;
  unitId: string | null;
  name: string;
  isAuxiliary: boolean;
  certificateNo?: string;
  categories?: string[];
  enforcementRegionCode?: string;
  issueDate?: string;
  expiryDate?: string;
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

/** Answer of POST /api/officers/import. The contract does not fix it; see importedCount(). */
export interface ImportAnswer {
  imported?: number;
  count?: number;
  created?: number;
  total?: number;
  items?: unknown[];
}

export interface AuditEntry {
  id: string | number;
  at?: string;
  time?: string;
  createdAt?: string;
  actor?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  actorUsername?: string | null;
  action: string;
  target?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: unknown;
}
