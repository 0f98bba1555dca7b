// Types of the HTTP API. What the server answers comes from its route schemas (`import type`, erased
// from the bundle): one source, so a change on the server breaks the console's build instead of a page.
// Only what the console sends (form inputs) and the error details it parses are written here.
import type {
  AgencyType,
  CertificateAction,
  Entrustment,
  ReviewerRatio,
  RevocationCause,
  TrainingHours,
} from '../../src/modules/org/contract.ts';

export type { Permissions, SessionAnswer, SessionUser as User } from '../../src/capabilities.ts';
export type {
  Item as EnforcementItem,
  ReviewCatalogue,
  ReviewCatalogueVersion,
  ReviewConditionView,
  ReviewEntryView,
} from '../../src/modules/catalog/contract.ts';
export type {
  Agency,
  AgencyDetail,
  AgencyList,
  AgencyRights,
  AgencyType,
  CanActAnswer,
  CategoryList,
  CertificateAction,
  CertificateEvent,
  CertificateStatus,
  EffectiveStatus,
  EnforcementCategory,
  Entrustment,
  ImportAnswer,
  Officer,
  OfficerDetail,
  OfficerPage,
  OfficerRights,
  Region,
  RegionLevel,
  RegionList,
  ReviewerRatio,
  RevocationCause,
  TrainingHours,
  Unit,
} from '../../src/modules/org/contract.ts';
/** Answer of GET /api/audit, from the server's schema. */
export type { AuditEntryView as AuditEntry, AuditListAnswer } from '../../src/platform/audit/routes.ts';
export type { Role } from '../../src/platform/auth/roles.ts';

/** A page of a list: the shape of `Page(…)` in src/platform/http/contract.ts, for any item type. */
export interface ListAnswer<T> {
  items: T[];
  total: number;
}

/** Where a rule parameter comes from, as the reviewer ratio carries it. */
export type RulebookSource = ReviewerRatio['source'];

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
  legalQualificationNo: string | null;
  reviewingSince: string | null;
  trainingHours: TrainingHours[];
  phone: string | null;
}

export interface CertificateStatusInput {
  action: CertificateAction;
  reason: string;
  revocationCause?: RevocationCause;
}

/** One refused row of an import (`error.rows[]`), as api.ts reads it. */
export interface ImportRowError {
  row: number;
  field: string | null;
  code: string;
  message: string;
}
