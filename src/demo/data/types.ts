import type { ReviewCatalogueEntryInput } from '../../modules/catalog/review-catalogue.ts';
import type { AgencyType } from '../../modules/org/rules/agency.ts';
import type { CertificateStatus, RevocationCause } from '../../modules/org/rules/certificate.ts';
import type { TrainingHours } from '../../modules/org/rules/officer.ts';
import type { Role } from '../../modules/org/rules/roles.ts';
import type { RegionLevel } from '../../platform/identifiers/region-code.ts';

/**
 * The demo deployment as plain data. Records refer to each other by stable demo keys (agency `key`,
 * officer `key`); the seeder turns keys into database ids.
 */
export type DemoRegion = { code: string; name: string; level: RegionLevel; parentCode: string | null };

export type DemoCategory = { code: string; name: string };

export type DemoUnit = { name: string; functions: string; isReviewUnit: boolean };

export type DemoEntrustment = {
  entrustingAgencyKey: string;
  basis: string;
  items: string[];
  powers: string[];
  termStart: string;
  termEnd: string;
};

export type DemoAgency = {
  key: string;
  name: string;
  uscc: string;
  type: AgencyType;
  legalBasis: string;
  functions: string;
  regionCode: string;
  contactPhone: string;
  contactAddress: string;
  parentKey: string | null;
  entrustment: DemoEntrustment | null;
  /** Enforcement categories the agency works in (its officers' certificates carry these). */
  categories: string[];
  units: DemoUnit[];
};

/** How a stored status other than `valid` came about, for the officer's history. */
export type DemoCertificateEvent = {
  action: 'suspend' | 'revoke';
  date: string;
  reason: string;
  revocationCause: RevocationCause | null;
};

export type DemoOfficer = {
  key: string;
  agencyKey: string;
  /** Name of one of the agency's units. */
  unitName: string;
  name: string;
  isAuxiliary: boolean;
  certificateNo: string | null;
  categories: string[];
  enforcementRegionCode: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  status: CertificateStatus;
  statusEvent: DemoCertificateEvent | null;
  isLegalReviewer: boolean;
  /** 法律职业资格证书编号 and 首次从事法制审核日期 (行政处罚法 art. 58 para 2); reviewers only. */
  legalQualificationNo: string | null;
  reviewingSince: string | null;
  trainingHours: TrainingHours[];
  phone: string | null;
};

export type DemoUser = {
  username: string;
  displayName: string;
  role: Role;
  agencyKey: string | null;
  /** Only for supervisors (their region of oversight); other users are scoped by their agency. */
  regionCode: string | null;
  officerKey: string | null;
};

/** An agency's 重大执法决定法制审核目录清单, already in force when the demo is seeded. */
export type DemoReviewCatalogue = {
  agencyKey: string;
  effectiveFrom: string;
  note: string;
  entries: ReviewCatalogueEntryInput[];
};

export type DemoData = {
  referenceDate: string;
  regions: DemoRegion[];
  categories: DemoCategory[];
  agencies: DemoAgency[];
  officers: DemoOfficer[];
  users: DemoUser[];
  reviewCatalogues: DemoReviewCatalogue[];
};
