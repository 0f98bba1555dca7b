import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rulebookLayers } from './schema.ts';

export type LayerRow = typeof rulebookLayers.$inferSelect;

/** The layer in force (highest version) of each given region. */
export async function currentLayers(db: Db, regionCodes: string[]): Promise<LayerRow[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db
    .select()
    .from(rulebookLayers)
    .where(inArray(rulebookLayers.regionCode, regionCodes))
    .orderBy(rulebookLayers.regionCode, desc(rulebookLayers.version));
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.regionCode) && seen.add(r.regionCode));
}

export async function layersOf(db: Db, regionCode: string): Promise<LayerRow[]> {
  return db
    .select()
    .from(rulebookLayers)
    .where(eq(rulebookLayers.regionCode, regionCode))
    .orderBy(desc(rulebookLayers.version));
}

export async function nextVersion(db: Db, regionCode: string): Promise<number> {
  const [r] = await db
    .select({ v: sql<number>`coalesce(max(${rulebookLayers.version}), 0)::int` })
    .from(rulebookLayers)
    .where(and(eq(rulebookLayers.regionCode, regionCode)));
  return (r?.v ?? 0) + 1;
}

export async function insertLayer(db: Db, row: typeof rulebookLayers.$inferInsert): Promise<void> {
  await db.insert(rulebookLayers).values(row);
}
