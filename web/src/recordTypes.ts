// Types of the whole-process records API (src/modules/records/routes.ts and its services). Where the
// server's pure rules or read models define the shape, it is imported type-only: nothing is bundled.

import type { EvidenceSummary } from '../../src/modules/records/evidence-reads.ts';
import type { CaseFileItem, Completeness } from '../../src/modules/records/rules/case-file.ts';
import type { Coverage } from '../../src/modules/records/rules/spot-check.ts';
import type {
  Confidentiality,
  DeviceKind,
  DeviceStatus,
  MediaType,
  RecordType,
  SpotCheckResult,
} from '../../src/modules/records/rules/vocabulary.ts';

export type {
  CaseFileItem,
  Completeness,
  Confidentiality,
  Coverage,
  DeviceKind,
  DeviceStatus,
  EvidenceSummary,
  MediaType,
  RecordType,
  SpotCheckResult,
};

/** 设备登记 (GET /api/devices). */
export interface Device {
  id: string;
  agencyId: string;
  kind: DeviceKind;
  kindLabel: string;
  serialNumber: string;
  model: string;
  status: DeviceStatus;
  statusLabel: string;
  retiredAt: string | null;
  holder: { officerId: string; name: string | null; since: string } | null;
}

export interface DeviceAssignment {
  officerId: string;
  officerName: string | null;
  assignedAt: string;
  returnedAt: string | null;
}

/** GET /api/devices/:id: the device, who held it, what it recorded (newest first, metadata only). */
export interface DeviceDetail extends Device {
  assignments: DeviceAssignment[];
  records: EvidenceSummary[];
}

/** GET /api/cases/:id/case-file: the locked 案卷 and the corrections added after locking. */
export interface CaseFile {
  id: string;
  caseId: string;
  caseTitle: string;
  procedure: string;
  endedOn: string;
  dueOn: string;
  lockedAt: string;
  late: boolean;
  items: CaseFileItem[];
  completeness: Completeness;
  manifestHash: string;
  intact: boolean;
  corrections: EvidenceSummary[];
}

/** GET /api/record-access. */
export interface AccessLogEntry {
  id: number;
  at: string;
  userId: string;
  role: string;
  recordType: RecordType;
  recordTypeLabel: string;
  recordId: string;
  caseId: string;
  agencyId: string;
  agencyName: string | null;
  confidentiality: Confidentiality;
  purpose: 'open' | 'download';
  reason: string | null;
}

/** GET /api/records/statistics. Ratios are fractions (0.25 = 25 %). */
export interface UploadStatistics {
  from: string;
  to: string;
  agencies: {
    agencyId: string;
    agencyName: string;
    total: number;
    av: number;
    late: number;
    lateRatio: number;
  }[];
  officers: {
    agencyId: string;
    officerId: string | null;
    officerName: string | null;
    av: number;
    late: number;
    lateRatio: number;
  }[];
}

/** GET /api/spot-checks. */
export interface SpotCheckListItem {
  id: string;
  agencyId: string;
  agencyName: string | null;
  periodFrom: string;
  periodTo: string;
  population: number;
  sampled: number;
  reviewed: number;
  createdAt: string;
}

export interface SpotCheckItem {
  caseFileId: string;
  caseId: string | null;
  caseTitle: string | null;
  lockedAt: string | null;
  result: SpotCheckResult | null;
  resultLabel: string | null;
  finding: string | null;
  reviewedAt: string | null;
}

/** GET /api/spot-checks/:id. */
export interface SpotCheckDetail {
  id: string;
  agencyId: string;
  agencyName: string;
  periodFrom: string;
  periodTo: string;
  createdAt: string;
  items: SpotCheckItem[];
  coverage: Coverage;
}

/** GET /api/spot-checks/coverage. */
export interface CoverageReport extends Coverage {
  agencyId: string;
  agencyName: string;
  periodFrom: string;
  periodTo: string;
  /** The required share, a fraction (0.6). */
  minCoverage: number;
  /** Files of the period archived after their due day. */
  late: number;
}
