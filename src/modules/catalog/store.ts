import { and, asc, desc, eq, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { enforcementItems, reviewCatalogueVersions } from './schema.ts';

export type ItemRow = typeof enforcementItems.$inferSelect;

export interface ItemFilter {
  agencyIds: string[];
  type?: string | undefined;
  q?: string | undefined;
  activeOnly?: boolean;
}

export async function listItems(db: Db, f: ItemFilter): Promise<ItemRow[]> {
  if (f.agencyIds.length === 0) return [];
  const conds: (SQL | undefined)[] = [inArray(enforcementItems.agencyId, f.agencyIds)];
  if (f.type) conds.push(eq(enforcementItems.type, f.type));
  if (f.activeOnly) conds.push(eq(enforcementItems.active, true));
  if (f.q) {
    const q = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(enforcementItems.name, q), ilike(enforcementItems.code, q)));
  }
  return db
    .select()
    .from(enforcementItems)
    .where(and(...conds))
    .orderBy(asc(enforcementItems.code));
}

export async function findItem(db: Db, id: string): Promise<ItemRow | undefined> {
  const [r] = await db.select().from(enforcementItems).where(eq(enforcementItems.id, id));
  return r;
}

export async function findItemByCode(db: Db, agencyId: string, code: string): Promise<ItemRow | undefined> {
  const [r] = await db
    .select()
    .from(enforcementItems)
    .where(and(eq(enforcementItems.agencyId, agencyId), eq(enforcementItems.code, code)));
  return r;
}

export async function insertItem(db: Db, row: typeof enforcementItems.$inferInsert): Promise<ItemRow> {
  const [r] = await db.insert(enforcementItems).values(row).returning();
  return r!;
}

export async function updateItem(
  db: Db,
  id: string,
  patch: Partial<typeof enforcementItems.$inferInsert>,
): Promise<void> {
  await db
    .update(enforcementItems)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(enforcementItems.id, id));
}

/** Names by id, for pages that show many records by name (the audit log). */
export async function itemNames(db: Db, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: enforcementItems.id, name: enforcementItems.name })
    .from(enforcementItems)
    .where(inArray(enforcementItems.id, [...ids]));
}

// ── review catalogue (重大执法决定法制审核目录清单) ─────────────────────────────────────────────────────
export type ReviewCatalogueRow = typeof reviewCatalogueVersions.$inferSelect;

/** Every version of the agency's catalogue, oldest first. */
export async function listReviewCatalogues(db: Db, agencyId: string): Promise<ReviewCatalogueRow[]> {
  return db
    .select()
    .from(reviewCatalogueVersions)
    .where(eq(reviewCatalogueVersions.agencyId, agencyId))
    .orderBy(asc(reviewCatalogueVersions.version));
}

/** The version in force on `onDate`: the highest version already effective that day. */
export async function reviewCatalogueInForce(
  db: Db,
  agencyId: string,
  onDate: string,
): Promise<ReviewCatalogueRow | undefined> {
  const [r] = await db
    .select()
    .from(reviewCatalogueVersions)
    .where(
      and(eq(reviewCatalogueVersions.agencyId, agencyId), lte(reviewCatalogueVersions.effectiveFrom, onDate)),
    )
    .orderBy(desc(reviewCatalogueVersions.version))
    .limit(1);
  return r;
}

export async function latestReviewCatalogue(
  db: Db,
  agencyId: string,
): Promise<ReviewCatalogueRow | undefined> {
  const [r] = await db
    .select()
    .from(reviewCatalogueVersions)
    .where(eq(reviewCatalogueVersions.agencyId, agencyId))
    .orderBy(desc(reviewCatalogueVersions.version))
    .limit(1);
  return r;
}

export async function insertReviewCatalogue(
  db: Db,
  row: typeof reviewCatalogueVersions.$inferInsert,
): Promise<ReviewCatalogueRow> {
  const [r] = await db.insert(reviewCatalogueVersions).values(row).returning();
  return r!;
}
