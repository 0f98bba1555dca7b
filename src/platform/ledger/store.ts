import { and, asc, count, desc, eq, gte, lte, or, sql } from 'drizzle-orm';
import type { HashAlgorithm, MerkleNode, NodeRef } from '../crypto/index.ts';
import { isHashAlgorithm } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { ledgerEntries, ledgerHeads, ledgerKeys, ledgerNodes, ledgerState } from './schema.ts';

export type EntryRow = typeof ledgerEntries.$inferSelect;
export type HeadRow = typeof ledgerHeads.$inferSelect;
export type KeyRow = typeof ledgerKeys.$inferSelect;

/** Lock key of the signing transaction (`pg_advisory_xact_lock`): one head at a time, sizes in order. */
export const SIGN_XACT_LOCK = 7_270_117;

function algorithmOf(v: string): HashAlgorithm {
  if (!isHashAlgorithm(v)) throw new Error(`ledger_state.hash_algorithm is corrupt: ${v}`);
  return v;
}

// ── state ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Reserves `n` consecutive indices and returns the first one, with the log's hash function (set
 * to `alg` only when this creates the log). The upsert row-locks `ledger_state` until the caller's
 * transaction ends; under READ COMMITTED a waiting upsert re-reads the row once the holder commits
 * (or sees it unchanged after a rollback), so indices are handed out in commit order without gaps.
 */
export async function reserveIndexes(
  db: Db,
  n: number,
  alg: HashAlgorithm,
): Promise<{ first: number; hashAlgorithm: HashAlgorithm }> {
  const [r] = await db
    .insert(ledgerState)
    .values({ id: 1, size: n, hashAlgorithm: alg })
    .onConflictDoUpdate({ target: ledgerState.id, set: { size: sql`${ledgerState.size} + ${n}` } })
    .returning({ size: ledgerState.size, hashAlgorithm: ledgerState.hashAlgorithm });
  return { first: Number(r!.size) - n, hashAlgorithm: algorithmOf(r!.hashAlgorithm) };
}

/** The committed size and hash function; undefined before the first append. */
export async function readState(db: Db): Promise<{ size: number; hashAlgorithm: HashAlgorithm } | undefined> {
  const [r] = await db
    .select({ size: ledgerState.size, hashAlgorithm: ledgerState.hashAlgorithm })
    .from(ledgerState)
    .where(eq(ledgerState.id, 1));
  return r ? { size: Number(r.size), hashAlgorithm: algorithmOf(r.hashAlgorithm) } : undefined;
}

// ── nodes ─────────────────────────────────────────────────────────────────────────────────────────

/** The hashes of `refs` in one query (a BitmapOr over the primary key), in the order of `refs`. */
export async function getNodes(db: Db, refs: readonly NodeRef[]): Promise<(Uint8Array | undefined)[]> {
  if (refs.length === 0) return [];
  const rows = await db
    .select({ level: ledgerNodes.level, index: ledgerNodes.index, hash: ledgerNodes.hash })
    .from(ledgerNodes)
    .where(or(...refs.map((r) => and(eq(ledgerNodes.level, r.level), eq(ledgerNodes.index, r.index)))));
  const found = new Map(rows.map((r) => [`${r.level}:${Number(r.index)}`, r.hash]));
  return refs.map((r) => found.get(`${r.level}:${r.index}`));
}

export async function insertNodes(db: Db, nodes: readonly MerkleNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await db.insert(ledgerNodes).values(nodes.map((n) => ({ level: n.level, index: n.index, hash: n.hash })));
}

// ── entries ───────────────────────────────────────────────────────────────────────────────────────

export async function insertEntries(db: Db, rows: (typeof ledgerEntries.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(ledgerEntries).values(rows);
}

/** Entries start..end inclusive, in order. */
export async function listEntries(db: Db, start: number, end: number): Promise<EntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(gte(ledgerEntries.index, start), lte(ledgerEntries.index, end)))
    .orderBy(asc(ledgerEntries.index));
}

export async function findEntriesByRecord(db: Db, recordId: string, limit: number): Promise<EntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(sql`(${ledgerEntries.entry}->>'recordId') = ${recordId}`)
    .orderBy(asc(ledgerEntries.index))
    .limit(limit);
}

/** Entries whose content hash is `contentHash` (the same file or document logged), oldest first. */
export async function findEntriesByContentHash(
  db: Db,
  contentHash: string,
  limit: number,
): Promise<EntryRow[]> {
  // Served by an expression index on (entry->>'contentHash'), like the recordId lookup above.
  return db
    .select()
    .from(ledgerEntries)
    .where(sql`(${ledgerEntries.entry}->>'contentHash') = ${contentHash}`)
    .orderBy(asc(ledgerEntries.index))
    .limit(limit);
}

/** The newest entry of a record, or undefined. */
export async function latestEntryByRecord(db: Db, recordId: string): Promise<EntryRow | undefined> {
  const [r] = await db
    .select()
    .from(ledgerEntries)
    .where(sql`(${ledgerEntries.entry}->>'recordId') = ${recordId}`)
    .orderBy(desc(ledgerEntries.index))
    .limit(1);
  return r;
}

export async function getEntry(db: Db, index: number): Promise<EntryRow | undefined> {
  const [r] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.index, index));
  return r;
}

// ── signed tree heads ─────────────────────────────────────────────────────────────────────────────

/** Serialises head signing until the transaction ends (PostgreSQL and PGlite alike). */
export async function lockSigning(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${SIGN_XACT_LOCK})`);
}

export async function latestHead(db: Db): Promise<HeadRow | undefined> {
  const [r] = await db.select().from(ledgerHeads).orderBy(desc(ledgerHeads.treeSize)).limit(1);
  return r;
}

export async function listHeads(
  db: Db,
  limit: number,
  offset: number,
): Promise<{ items: HeadRow[]; total: number }> {
  const items = await db
    .select()
    .from(ledgerHeads)
    .orderBy(desc(ledgerHeads.treeSize))
    .limit(limit)
    .offset(offset);
  const [n] = await db.select({ n: count() }).from(ledgerHeads);
  return { items, total: Number(n?.n ?? 0) };
}

/** The head signed for `treeSize`, if any (at most one per size: the primary key). */
export async function findHead(db: Db, treeSize: number): Promise<HeadRow | undefined> {
  const [r] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.treeSize, treeSize));
  return r;
}

export async function insertHead(db: Db, row: typeof ledgerHeads.$inferInsert): Promise<void> {
  await db.insert(ledgerHeads).values(row);
}

// ── signing keys ──────────────────────────────────────────────────────────────────────────────────

export async function latestKey(db: Db): Promise<KeyRow | undefined> {
  const [r] = await db.select().from(ledgerKeys).orderBy(desc(ledgerKeys.createdAt)).limit(1);
  return r;
}

/** Every public key the platform has signed heads with, oldest first. */
export async function listPublicKeys(db: Db): Promise<string[]> {
  const rows = await db
    .select({ publicKeyHex: ledgerKeys.publicKeyHex })
    .from(ledgerKeys)
    .orderBy(asc(ledgerKeys.createdAt));
  return rows.map((r) => r.publicKeyHex);
}

export async function insertKey(db: Db, row: typeof ledgerKeys.$inferInsert): Promise<KeyRow> {
  const [r] = await db.insert(ledgerKeys).values(row).returning();
  return r!;
}
