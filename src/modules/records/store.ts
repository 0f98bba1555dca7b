import { and, asc, count, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import {
  caseFiles,
  deviceAssignments,
  devices,
  evidence,
  recordAccessLog,
  spotCheckItems,
  spotChecks,
} from './schema.ts';

export type DeviceRow = typeof devices.$inferSelect;
export type AssignmentRow = typeof deviceAssignments.$inferSelect;
export type EvidenceRow = typeof evidence.$inferSelect;
export type AccessRow = typeof recordAccessLog.$inferSelect;
export type CaseFileRow = typeof caseFiles.$inferSelect;
export type SpotCheckRow = typeof spotChecks.$inferSelect;
export type SpotCheckItemRow = typeof spotCheckItems.$inferSelect;

// ── devices ───────────────────────────────────────────────────────────────────────────────────────
export async function insertDevice(db: Db, d: typeof devices.$inferInsert): Promise<DeviceRow> {
  const [r] = await db.insert(devices).values(d).returning();
  return r!;
}
export async function findDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  const [r] = await db.select().from(devices).where(eq(devices.id, id));
  return r;
}
export async function listDevices(db: Db, agencyIds: readonly string[]): Promise<DeviceRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(devices)
    .where(inArray(devices.agencyId, [...agencyIds]))
    .orderBy(asc(devices.agencyId), asc(devices.serialNumber));
}
export async function retireDevice(db: Db, id: string, at: Date): Promise<void> {
  await db.update(devices).set({ status: 'retired', retiredAt: at }).where(eq(devices.id, id));
}
export async function openAssignments(db: Db, deviceIds: readonly string[]): Promise<AssignmentRow[]> {
  if (deviceIds.length === 0) return [];
  return db
    .select()
    .from(deviceAssignments)
    .where(and(inArray(deviceAssignments.deviceId, [...deviceIds]), isNull(deviceAssignments.returnedAt)));
}
export async function assignmentsOf(db: Db, deviceId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(deviceAssignments)
    .where(eq(deviceAssignments.deviceId, deviceId))
    .orderBy(desc(deviceAssignments.assignedAt));
}
export async function closeAssignment(db: Db, deviceId: string, at: Date): Promise<void> {
  await db
    .update(deviceAssignments)
    .set({ returnedAt: at })
    .where(and(eq(deviceAssignments.deviceId, deviceId), isNull(deviceAssignments.returnedAt)));
}
export async function insertAssignment(db: Db, a: typeof deviceAssignments.$inferInsert): Promise<void> {
  await db.insert(deviceAssignments).values(a);
}
/** Serialises changes to one device (assignment, retirement) across processes. */
export async function lockDevice(db: Db, id: string): Promise<DeviceRow | undefined> {
  const [r] = await db.select().from(devices).where(eq(devices.id, id)).for('update');
  return r;
}

// ── evidence ──────────────────────────────────────────────────────────────────────────────────────
export async function insertEvidence(db: Db, e: typeof evidence.$inferInsert): Promise<EvidenceRow> {
  const [r] = await db.insert(evidence).values(e).returning();
  return r!;
}
export async function findEvidence(db: Db, id: string): Promise<EvidenceRow | undefined> {
  const [r] = await db.select().from(evidence).where(eq(evidence.id, id));
  return r;
}
export async function evidenceOfCase(db: Db, caseId: string): Promise<EvidenceRow[]> {
  return db.select().from(evidence).where(eq(evidence.caseId, caseId)).orderBy(asc(evidence.capturedAt));
}
export async function evidenceCountOfCase(db: Db, caseId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(evidence).where(eq(evidence.caseId, caseId));
  return Number(row?.n ?? 0);
}
export async function evidenceOfDevice(db: Db, deviceId: string, limit: number): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidence)
    .where(eq(evidence.deviceId, deviceId))
    .orderBy(desc(evidence.capturedAt))
    .limit(limit);
}
export async function countByHash(db: Db, hash: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evidence)
    .where(eq(evidence.contentHash, hash));
  return r?.n ?? 0;
}
export async function evidenceByIds(db: Db, ids: readonly string[]): Promise<EvidenceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(evidence)
    .where(inArray(evidence.id, [...ids]));
}
/** Every stored evidence row, in pages by id (for `mingjing verify`). */
export async function evidencePage(db: Db, afterId: string | null, limit: number): Promise<EvidenceRow[]> {
  return db
    .select()
    .from(evidence)
    .where(afterId ? sql`${evidence.id} > ${afterId}` : undefined)
    .orderBy(asc(evidence.id))
    .limit(limit);
}

/** AV uploads per officer and agency over a period (R5 statistics). */
export async function uploadStatistics(
  db: Db,
  agencyIds: readonly string[],
  from: Date,
  to: Date,
): Promise<{ agencyId: string; officerId: string | null; total: number; av: number; late: number }[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select({
      agencyId: evidence.agencyId,
      officerId: evidence.officerId,
      total: sql<number>`count(*)::int`,
      av: sql<number>`count(*) filter (where ${evidence.isAv})::int`,
      late: sql<number>`count(*) filter (where ${evidence.lateUpload})::int`,
    })
    .from(evidence)
    .where(
      and(
        inArray(evidence.agencyId, [...agencyIds]),
        gte(evidence.uploadedAt, from),
        lte(evidence.uploadedAt, to),
      ),
    )
    .groupBy(evidence.agencyId, evidence.officerId);
}

// ── record access log ─────────────────────────────────────────────────────────────────────────────
export async function insertAccess(db: Db, a: typeof recordAccessLog.$inferInsert): Promise<void> {
  await db.insert(recordAccessLog).values(a);
}
export async function listAccess(
  db: Db,
  f: { agencyIds: readonly string[]; recordId?: string; caseId?: string; limit: number; offset: number },
): Promise<AccessRow[]> {
  if (f.agencyIds.length === 0) return [];
  return db
    .select()
    .from(recordAccessLog)
    .where(
      and(
        inArray(recordAccessLog.agencyId, [...f.agencyIds]),
        f.recordId ? eq(recordAccessLog.recordId, f.recordId) : undefined,
        f.caseId ? eq(recordAccessLog.caseId, f.caseId) : undefined,
      ),
    )
    .orderBy(desc(recordAccessLog.id))
    .limit(f.limit)
    .offset(f.offset);
}

// ── case files ────────────────────────────────────────────────────────────────────────────────────
export async function insertCaseFile(db: Db, c: typeof caseFiles.$inferInsert): Promise<CaseFileRow> {
  const [r] = await db.insert(caseFiles).values(c).returning();
  return r!;
}
export async function caseFileOf(db: Db, caseId: string): Promise<CaseFileRow | undefined> {
  const [r] = await db.select().from(caseFiles).where(eq(caseFiles.caseId, caseId));
  return r;
}
export async function findCaseFile(db: Db, id: string): Promise<CaseFileRow | undefined> {
  const [r] = await db.select().from(caseFiles).where(eq(caseFiles.id, id));
  return r;
}
/** Case files of an agency locked in [from, to] (days, Asia/Shanghai), oldest first. */
export async function caseFilesLocked(
  db: Db,
  agencyIds: readonly string[],
  from: string,
  to: string,
): Promise<CaseFileRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(caseFiles)
    .where(
      and(
        inArray(caseFiles.agencyId, [...agencyIds]),
        sql`(${caseFiles.lockedAt} at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date`,
      ),
    )
    .orderBy(asc(caseFiles.lockedAt));
}

// ── spot checks ───────────────────────────────────────────────────────────────────────────────────
export async function insertSpotCheck(db: Db, s: typeof spotChecks.$inferInsert): Promise<SpotCheckRow> {
  const [r] = await db.insert(spotChecks).values(s).returning();
  return r!;
}
export async function insertSpotCheckItems(
  db: Db,
  items: (typeof spotCheckItems.$inferInsert)[],
): Promise<void> {
  if (items.length > 0) await db.insert(spotCheckItems).values(items);
}
export async function findSpotCheck(db: Db, id: string): Promise<SpotCheckRow | undefined> {
  const [r] = await db.select().from(spotChecks).where(eq(spotChecks.id, id));
  return r;
}
export async function listSpotChecks(db: Db, agencyIds: readonly string[]): Promise<SpotCheckRow[]> {
  if (agencyIds.length === 0) return [];
  return db
    .select()
    .from(spotChecks)
    .where(inArray(spotChecks.agencyId, [...agencyIds]))
    .orderBy(desc(spotChecks.createdAt));
}
export async function spotCheckItemsOf(db: Db, spotCheckIds: readonly string[]): Promise<SpotCheckItemRow[]> {
  if (spotCheckIds.length === 0) return [];
  return db
    .select()
    .from(spotCheckItems)
    .where(inArray(spotCheckItems.spotCheckId, [...spotCheckIds]));
}
export async function reviewSpotCheckItem(
  db: Db,
  key: { spotCheckId: string; caseFileId: string },
  r: { result: string; finding: string | null; reviewedBy: string; reviewedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(spotCheckItems)
    .set(r)
    .where(
      and(
        eq(spotCheckItems.spotCheckId, key.spotCheckId),
        eq(spotCheckItems.caseFileId, key.caseFileId),
        isNull(spotCheckItems.reviewedAt),
      ),
    )
    .returning({ id: spotCheckItems.caseFileId });
  return rows.length === 1;
}
/** Case files already reviewed in any spot check (coverage counts each file once). */
export async function reviewedCaseFileIds(db: Db, caseFileIds: readonly string[]): Promise<Set<string>> {
  if (caseFileIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: spotCheckItems.caseFileId })
    .from(spotCheckItems)
    .where(
      and(
        inArray(spotCheckItems.caseFileId, [...caseFileIds]),
        sql`${spotCheckItems.reviewedAt} is not null`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/**
 * Ids of evidence rows or case files with no entry in `logged` (the ledger's entries of their kind, as
 * `mingjing verify` passes them): rows written behind the platform's back.
 */
export async function unloggedIds(
  db: Db,
  table: 'evidence' | 'case_files',
  logged: SQL,
  limit: number,
): Promise<string[]> {
  const t = table === 'evidence' ? evidence : caseFiles;
  const rows = await db
    .select({ id: t.id })
    .from(t)
    .where(sql`not exists (select 1 from (${logged}) l where l.record_id = ${t.id}::text)`)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Serial numbers of devices by id, for pages that name many devices (the audit log). */
export async function deviceNames(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; serialNumber: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: devices.id, serialNumber: devices.serialNumber })
    .from(devices)
    .where(inArray(devices.id, [...ids]));
}
