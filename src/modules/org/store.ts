import { and, asc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import {
  agencies,
  certificateEvents,
  enforcementCategories,
  entrustments,
  officers,
  officerTraining,
  regions,
  units,
} from './schema.ts';

export type RegionRow = typeof regions.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
export type EntrustmentRow = typeof entrustments.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type OfficerRow = typeof officers.$inferSelect;
export type TrainingRow = typeof officerTraining.$inferSelect;
export type CategoryRow = typeof enforcementCategories.$inferSelect;

/** Which agencies a query may touch: set-based, applied in SQL (ARCHITECTURE practice 3). */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; prefix: string }
  | { kind: 'agency'; agencyId: string };

function agencyScope(scope: Scope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'region') return like(agencies.regionCode, `${scope.prefix}%`);
  return eq(agencies.id, scope.agencyId);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ── regions ───────────────────────────────────────────────────────────────────────────────────────
export async function listRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}
export async function findRegion(db: Db, code: string): Promise<RegionRow | undefined> {
  const [r] = await db.select().from(regions).where(eq(regions.code, code));
  return r;
}
export async function insertRegion(db: Db, r: typeof regions.$inferInsert): Promise<RegionRow> {
  const [row] = await db.insert(regions).values(r).returning();
  return row!;
}
export async function renameRegion(db: Db, code: string, name: string): Promise<void> {
  await db.update(regions).set({ name }).where(eq(regions.code, code));
}

// ── categories ────────────────────────────────────────────────────────────────────────────────────
export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.select().from(enforcementCategories).orderBy(asc(enforcementCategories.code));
}
export async function upsertCategory(db: Db, c: CategoryRow): Promise<void> {
  await db
    .insert(enforcementCategories)
    .values(c)
    .onConflictDoUpdate({ target: enforcementCategories.code, set: { name: c.name } });
}

// ── agencies ──────────────────────────────────────────────────────────────────────────────────────
export interface AgencyFilter {
  scope: Scope;
  regionCode?: string | undefined;
  q?: string | undefined;
}

export async function listAgencies(db: Db, f: AgencyFilter): Promise<AgencyRow[]> {
  const conds = [agencyScope(f.scope)];
  if (f.regionCode) conds.push(like(agencies.regionCode, `${escapeLike(f.regionCode)}%`));
  if (f.q) conds.push(ilike(agencies.name, `%${escapeLike(f.q)}%`));
  return db
    .select()
    .from(agencies)
    .where(and(...conds))
    .orderBy(asc(agencies.regionCode), asc(agencies.name));
}

export async function findAgency(
  db: Db,
  id: string,
  scope: Scope = { kind: 'all' },
): Promise<AgencyRow | undefined> {
  const [r] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, id), agencyScope(scope)));
  return r;
}
export async function findAgencyByUscc(db: Db, uscc: string): Promise<AgencyRow | undefined> {
  const [r] = await db.select().from(agencies).where(eq(agencies.uscc, uscc));
  return r;
}
export async function insertAgency(db: Db, a: typeof agencies.$inferInsert): Promise<AgencyRow> {
  const [row] = await db.insert(agencies).values(a).returning();
  return row!;
}
export async function updateAgency(
  db: Db,
  id: string,
  a: Partial<typeof agencies.$inferInsert>,
): Promise<void> {
  await db
    .update(agencies)
    .set({ ...a, updatedAt: new Date() })
    .where(eq(agencies.id, id));
}
export async function subordinatesOf(db: Db, id: string): Promise<AgencyRow[]> {
  return db.select().from(agencies).where(eq(agencies.parentId, id)).orderBy(asc(agencies.name));
}

export async function findEntrustment(db: Db, agencyId: string): Promise<EntrustmentRow | undefined> {
  const [r] = await db.select().from(entrustments).where(eq(entrustments.agencyId, agencyId));
  return r;
}
export async function setEntrustment(db: Db, agencyId: string, e: EntrustmentRow | null): Promise<void> {
  await db.delete(entrustments).where(eq(entrustments.agencyId, agencyId));
  if (e) await db.insert(entrustments).values(e);
}

export async function listUnits(db: Db, agencyId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(eq(units.agencyId, agencyId))
    .orderBy(asc(units.createdAt), asc(units.name));
}
export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [r] = await db.select().from(units).where(eq(units.id, id));
  return r;
}
export async function insertUnit(db: Db, u: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(units).values(u).returning();
  return row!;
}
export async function updateUnit(db: Db, id: string, u: Partial<typeof units.$inferInsert>): Promise<void> {
  await db.update(units).set(u).where(eq(units.id, id));
}

// ── officers ──────────────────────────────────────────────────────────────────────────────────────
export interface OfficerFilter {
  scope: Scope;
  agencyId?: string | undefined;
  category?: string | undefined;
  auxiliary?: boolean | undefined;
  q?: string | undefined;
  /** SQL translation of the effective status (expired is derived from the dates). */
  effectiveStatus?: 'valid' | 'suspended' | 'revoked' | 'expired' | undefined;
  today: string;
  limit: number;
  offset: number;
}

function effectiveStatusCond(s: NonNullable<OfficerFilter['effectiveStatus']>, today: string): SQL {
  switch (s) {
    case 'revoked':
      return eq(officers.status, 'revoked');
    case 'suspended':
      return eq(officers.status, 'suspended');
    case 'expired':
      return sql`${officers.status} = 'valid' and ${officers.expiryDate} < ${today}::date`;
    case 'valid':
      return sql`${officers.status} = 'valid' and ${officers.expiryDate} >= ${today}::date and ${officers.issueDate} <= ${today}::date`;
  }
}

export async function listOfficers(
  db: Db,
  f: OfficerFilter,
): Promise<{ items: OfficerWithAgency[]; total: number }> {
  const conds: (SQL | undefined)[] = [agencyScope(f.scope)];
  if (f.agencyId) conds.push(eq(officers.agencyId, f.agencyId));
  if (f.category) conds.push(sql`${f.category} = any(${officers.categories})`);
  if (f.auxiliary !== undefined) conds.push(eq(officers.isAuxiliary, f.auxiliary));
  if (f.q) {
    const q = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(officers.name, q), ilike(officers.certificateNo, q)));
  }
  if (f.effectiveStatus) conds.push(effectiveStatusCond(f.effectiveStatus, f.today));
  const where = and(...conds);
  const items = await db
    .select({ officer: officers, agencyName: agencies.name, agencyRegionCode: agencies.regionCode })
    .from(officers)
    .innerJoin(agencies, eq(agencies.id, officers.agencyId))
    .where(where)
    .orderBy(asc(agencies.name), asc(officers.isAuxiliary), asc(officers.certificateNo), asc(officers.name))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(officers)
    .innerJoin(agencies, eq(agencies.id, officers.agencyId))
    .where(where);
  return { items, total: count?.n ?? 0 };
}

export interface OfficerWithAgency {
  officer: OfficerRow;
  agencyName: string;
  agencyRegionCode: string;
}

export async function findOfficer(db: Db, id: string, scope: Scope): Promise<OfficerWithAgency | undefined> {
  const [r] = await db
    .select({ officer: officers, agencyName: agencies.name, agencyRegionCode: agencies.regionCode })
    .from(officers)
    .innerJoin(agencies, eq(agencies.id, officers.agencyId))
    .where(and(eq(officers.id, id), agencyScope(scope)));
  return r;
}

/** Officers with whether their unit is the review unit (L1), for the reviewer's qualification check. */
export async function reviewerRows(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: officers.id,
      name: officers.name,
      agencyId: officers.agencyId,
      isLegalReviewer: officers.isLegalReviewer,
      isReviewUnit: units.isReviewUnit,
      legalQualificationNo: officers.legalQualificationNo,
      reviewingSince: officers.reviewingSince,
    })
    .from(officers)
    .leftJoin(units, eq(units.id, officers.unitId))
    .where(inArray(officers.id, ids));
  return rows.map(({ isReviewUnit, ...r }) => ({ ...r, inReviewUnit: isReviewUnit === true }));
}

export async function findOfficerByCertificateNo(
  db: Db,
  certificateNo: string,
): Promise<OfficerWithAgency | undefined> {
  const [r] = await db
    .select({ officer: officers, agencyName: agencies.name, agencyRegionCode: agencies.regionCode })
    .from(officers)
    .innerJoin(agencies, eq(agencies.id, officers.agencyId))
    .where(eq(officers.certificateNo, certificateNo));
  return r;
}

export async function certificateNosTaken(db: Db, nos: string[]): Promise<Set<string>> {
  if (nos.length === 0) return new Set();
  const rows = await db
    .select({ no: officers.certificateNo })
    .from(officers)
    .where(inArray(officers.certificateNo, nos));
  return new Set(rows.map((r) => r.no!));
}

export async function insertOfficer(db: Db, o: typeof officers.$inferInsert): Promise<OfficerRow> {
  const [row] = await db.insert(officers).values(o).returning();
  return row!;
}
export async function updateOfficer(
  db: Db,
  id: string,
  o: Partial<typeof officers.$inferInsert>,
): Promise<void> {
  await db
    .update(officers)
    .set({ ...o, updatedAt: new Date() })
    .where(eq(officers.id, id));
}

export async function listAgencyOfficers(db: Db, agencyId: string): Promise<OfficerRow[]> {
  return db.select().from(officers).where(eq(officers.agencyId, agencyId));
}

export async function trainingOf(db: Db, officerIds: string[]): Promise<TrainingRow[]> {
  if (officerIds.length === 0) return [];
  return db
    .select()
    .from(officerTraining)
    .where(inArray(officerTraining.officerId, officerIds))
    .orderBy(asc(officerTraining.year));
}
export async function replaceTraining(db: Db, officerId: string, rows: { year: number; hours: number }[]) {
  await db.delete(officerTraining).where(eq(officerTraining.officerId, officerId));
  if (rows.length) await db.insert(officerTraining).values(rows.map((r) => ({ ...r, officerId })));
}

export async function insertCertificateEvent(
  db: Db,
  e: typeof certificateEvents.$inferInsert,
): Promise<void> {
  await db.insert(certificateEvents).values(e);
}
export async function certificateEventsOf(db: Db, officerId: string) {
  return db
    .select()
    .from(certificateEvents)
    .where(eq(certificateEvents.officerId, officerId))
    .orderBy(asc(certificateEvents.at));
}

export interface PublicOfficerRow {
  officer: OfficerRow;
  agencyName: string;
  regionName: string | null;
  categoryNames: string[];
}

/**
 * The public verification look-up in one round trip (the hottest public query: every badge scan).
 * Category names come back in the order of the officer's category codes.
 */
export async function findPublicOfficer(
  db: Db,
  certificateNo: string,
): Promise<PublicOfficerRow | undefined> {
  const [r] = await db
    .select({
      officer: officers,
      agencyName: agencies.name,
      regionName: regions.name,
      categoryNames: sql<
        string[]
      >`array(select coalesce(c.name, u.code) from unnest(${officers.categories}) with ordinality as u(code, n) left join ${enforcementCategories} c on c.code = u.code order by u.n)`,
    })
    .from(officers)
    .innerJoin(agencies, eq(agencies.id, officers.agencyId))
    .leftJoin(regions, eq(regions.code, officers.enforcementRegionCode))
    .where(eq(officers.certificateNo, certificateNo));
  return r;
}

export async function officersByIds(db: Db, ids: string[]): Promise<OfficerRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(officers).where(inArray(officers.id, ids));
}

/** Names by id (by code for regions), for pages that show many records by name (the audit log). */
export async function agencyNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
}
export async function unitNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]));
}
export async function regionNames(db: Db, codes: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (codes.length === 0) return [];
  return db
    .select({ id: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...codes]));
}
