import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { enforcementItems } from './schema.ts';

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
