// The verifier's SQL (verify.ts): read-only page-by-page scans of the ledger tables. Kept apart from
// store.ts because nothing else needs them and each is shaped by the verifier's memory bound: every
// query returns at most one page, and every one is served by a primary key or the recordId index.
import { and, asc, desc, eq, gt, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { ledgerEntries, ledgerHeads, ledgerKeys, ledgerNodes } from './schema.ts';
import type { EntryRow, HeadRow } from './store.ts';

/** Node indices `from..to` (inclusive) at one level. */
export interface NodeRange {
  level: number;
  from: number;
  to: number;
}

/** The stored nodes in `ranges` (one query: a BitmapOr of primary-key ranges). */
export async function nodesInRanges(
  db: Db,
  ranges: readonly NodeRange[],
): Promise<{ level: number; index: number; hash: Uint8Array }[]> {
  if (ranges.length === 0) return [];
  const rows = await db
    .select({ level: ledgerNodes.level, index: ledgerNodes.index, hash: ledgerNodes.hash })
    .from(ledgerNodes)
    .where(
      or(
        ...ranges.map((r) =>
          and(eq(ledgerNodes.level, r.level), gte(ledgerNodes.index, r.from), lte(ledgerNodes.index, r.to)),
        ),
      ),
    );
  return rows.map((r) => ({ level: r.level, index: Number(r.index), hash: r.hash }));
}

/** Heads with from < tree_size ≤ to, smallest first (at most one per size: the primary key). */
export async function headsInRange(db: Db, from: number, to: number): Promise<HeadRow[]> {
  return db
    .select()
    .from(ledgerHeads)
    .where(and(gt(ledgerHeads.treeSize, from), lte(ledgerHeads.treeSize, to)))
    .orderBy(asc(ledgerHeads.treeSize));
}

/** Up to `limit` heads larger than `after`, smallest first. */
export async function headsAfter(db: Db, after: number, limit: number): Promise<HeadRow[]> {
  return db
    .select()
    .from(ledgerHeads)
    .where(gt(ledgerHeads.treeSize, after))
    .orderBy(asc(ledgerHeads.treeSize))
    .limit(limit);
}

/** Every public key the platform has held (a handful of rows). */
export async function platformPublicKeys(db: Db): Promise<Set<string>> {
  const rows = await db.select({ k: ledgerKeys.publicKeyHex }).from(ledgerKeys);
  return new Set(rows.map((r) => r.k));
}

/** The `limit` highest entry indices ≥ `size`, highest first: entries the log's size does not cover. */
export async function entryIndexesFrom(db: Db, size: number, limit: number): Promise<number[]> {
  const rows = await db
    .select({ index: ledgerEntries.index })
    .from(ledgerEntries)
    .where(gte(ledgerEntries.index, size))
    .orderBy(desc(ledgerEntries.index))
    .limit(limit);
  return rows.map((r) => Number(r.index));
}

/**
 * Up to `limit` stored nodes reaching past leaf `size` (node (k, i) spans leaves [i·2^k, (i+1)·2^k)):
 * per level, index ≥ ⌊size / 2^k⌋, so each branch is a primary-key range, never a scan of the table.
 * Levels above 52 cannot exist in a log of < 2^53 entries and are taken whole.
 */
export async function nodesReachingPast(
  db: Db,
  size: number,
  limit: number,
): Promise<{ level: number; index: number }[]> {
  const branches: (SQL | undefined)[] = [];
  for (let k = 0; k <= 52; k++) {
    branches.push(and(eq(ledgerNodes.level, k), gte(ledgerNodes.index, Math.floor(size / 2 ** k))));
  }
  branches.push(gt(ledgerNodes.level, 52), sql`${ledgerNodes.level} < 0`);
  const rows = await db
    .select({ level: ledgerNodes.level, index: ledgerNodes.index })
    .from(ledgerNodes)
    .where(or(...branches))
    .limit(limit);
  return rows.map((r) => ({ level: r.level, index: Number(r.index) }));
}

/**
 * The ledger's entries of `kind` as a subquery with the columns `record_id` and `sequence` (text),
 * for a module's check of rows that should be logged: `not exists (select 1 from (…) l where …)`.
 * The ledger stays the only code that knows how its table is laid out.
 */
export function loggedRecordsQuery(kind: string): SQL {
  return sql`select (${ledgerEntries.entry}->>'recordId') as record_id, (${ledgerEntries.entry}->>'sequence') as sequence from ${ledgerEntries} where (${ledgerEntries.entry}->>'kind') = ${kind}`;
}

export type { EntryRow, HeadRow };
