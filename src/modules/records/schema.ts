import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, day, instant } from '../../platform/db/columns.ts';
import type { CaseFileItem, Completeness } from './rules/case-file.ts';

/**
 * 执法记录仪等记录设备 (R11, seed 000 items 16 and 20): every recorder an agency owns, so that an AV
 * record names the device that made it and the register shows what each device produced.
 */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    kind: text('kind').notNull(),
    serialNumber: text('serial_number').notNull(),
    model: text('model').notNull(),
    /** in_service | retired: a retired device keeps its history and records but records nothing new. */
    status: text('status').notNull().default('in_service'),
    retiredAt: instant('retired_at'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('devices_agency_serial').on(t.agencyId, t.serialNumber),
    check('devices_kind', sql`${t.kind} in ('body_camera', 'phone', 'camera', 'audio_recorder', 'other')`),
    check('devices_status', sql`${t.status} in ('in_service', 'retired')`),
  ],
);

/** Who holds a device, over time; at most one open assignment per device. */
export const deviceAssignments = pgTable(
  'device_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id),
    officerId: uuid('officer_id').notNull(),
    assignedAt: instant('assigned_at').notNull(),
    returnedAt: instant('returned_at'),
  },
  (t) => [index('device_assignments_device_idx').on(t.deviceId, t.assignedAt)],
);

/**
 * 证据 and 音像记录 (R3): a stored file (content-addressed by SM3 in the blob store) with what it records.
 * Rows are never updated: a correction is a new row whose `correctsId` names what it corrects.
 */
export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    regionCode: text('region_code').notNull(),
    /** The case step it records (AV_STEP_LABELS) or `other`. */
    stepKey: text('step_key').notNull(),
    isAv: boolean('is_av').notNull(),
    /** photo | audio | video | document | other */
    mediaType: text('media_type').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    /** SM3 of the bytes, 64 hex: the blob's address. */
    contentHash: text('content_hash').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    capturedAt: instant('captured_at').notNull(),
    deviceId: uuid('device_id').references(() => devices.id),
    /** The officer who made the record. */
    officerId: uuid('officer_id'),
    location: text('location'),
    uploadedAt: instant('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    /** R5: stored more than 24 hours after capture (seed 000 item 22). Fixed at upload, counted in statistics. */
    lateUpload: boolean('late_upload').notNull(),
    /** none | state_secret | trade_secret | personal_privacy (R8). */
    confidentiality: text('confidentiality').notNull().default('none'),
    /** The party the record concerns: links text and AV records of the same party (R6). */
    partyId: uuid('party_id'),
    correctsId: uuid('corrects_id'),
    correctionReason: text('correction_reason'),
    /** SM3 of the canonical metadata, logged beside the content hash. */
    metadataHash: text('metadata_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('evidence_case_idx').on(t.caseId, t.uploadedAt),
    index('evidence_hash_idx').on(t.contentHash),
    index('evidence_agency_idx').on(t.agencyId, t.uploadedAt),
    check('evidence_media_type', sql`${t.mediaType} in ('photo', 'audio', 'video', 'document', 'other')`),
    check(
      'evidence_confidentiality',
      sql`${t.confidentiality} in ('none', 'state_secret', 'trade_secret', 'personal_privacy')`,
    ),
    check('evidence_size', sql`${t.size} >= 0`),
  ],
);

/**
 * 记录信息调阅 (R9, seed 000 item 26): every opening of a record — who, when, why. Append-only (trigger).
 */
export const recordAccessLog = pgTable(
  'record_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    /** evidence | document | case_file */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    caseId: uuid('case_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    regionCode: text('region_code').notNull(),
    confidentiality: text('confidentiality').notNull(),
    /** open | download */
    purpose: text('purpose').notNull(),
    reason: text('reason'),
  },
  (t) => [
    index('record_access_log_agency_idx').on(t.agencyId, t.at),
    index('record_access_log_record_idx').on(t.recordId, t.at),
  ],
);

/**
 * 案卷 (R7, seed 000 item 22): assembled from the case's records in order, checked for completeness and
 * locked at archiving. The manifest is what was locked; its SM3 is logged.
 */
export const caseFiles = pgTable(
  'case_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().unique(),
    agencyId: uuid('agency_id').notNull(),
    regionCode: text('region_code').notNull(),
    procedure: text('procedure').notNull(),
    /** The day the enforcement action ended, and the last day to archive (archivingDays later). */
    endedOn: day('ended_on').notNull(),
    dueOn: day('due_on').notNull(),
    lockedAt: instant('locked_at').notNull(),
    lockedBy: uuid('locked_by').notNull(),
    /** Locked after dueOn: reported, not refused (the records still belong in the file). */
    late: boolean('late').notNull(),
    items: jsonb('items').$type<CaseFileItem[]>().notNull(),
    completeness: jsonb('completeness').$type<Completeness>().notNull(),
    manifestHash: text('manifest_hash').notNull(),
  },
  (t) => [index('case_files_agency_idx').on(t.agencyId, t.lockedAt)],
);

/**
 * 随机调阅、抽查 (R9; seed 001 一(二): coverage of at least 60% of the period's archived files). A spot check
 * samples an agency's case files locked in a period; reviewers record a finding for each.
 */
export const spotChecks = pgTable('spot_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull(),
  regionCode: text('region_code').notNull(),
  periodFrom: day('period_from').notNull(),
  periodTo: day('period_to').notNull(),
  /** Archived case files in the period when the sample was drawn. */
  population: integer('population').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: createdAt(),
});

export const spotCheckItems = pgTable(
  'spot_check_items',
  {
    spotCheckId: uuid('spot_check_id')
      .notNull()
      .references(() => spotChecks.id),
    caseFileId: uuid('case_file_id')
      .notNull()
      .references(() => caseFiles.id),
    /** conforming | nonconforming, once reviewed. */
    result: text('result'),
    finding: text('finding'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
  },
  (t) => [
    unique('spot_check_items_pk').on(t.spotCheckId, t.caseFileId),
    check(
      'spot_check_items_result',
      sql`${t.result} is null or ${t.result} in ('conforming', 'nonconforming')`,
    ),
  ],
);
