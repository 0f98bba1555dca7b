// Entering records in the ledger.
//
// Serialisation of appends. `appendEntry` runs inside the caller's transaction and starts with one
// upsert on the singleton row `ledger_state` (size := size + 1 RETURNING …). That row lock is held
// until the caller's transaction commits or rolls back, so across every process on the database:
//  - two appends never hold the same index (the second waits, then reads the size the first
//    committed: READ COMMITTED re-evaluates the row after the wait);
//  - the nodes an append combines with (its left siblings) were committed by earlier appends, which
//    finished before this one obtained the lock;
//  - a rolled-back transaction rolls back its size increment, entry and nodes together: no gap.
// The primary keys (ledger_entries.index, ledger_nodes (level, index)) make a fork impossible even
// for code that bypassed the lock. Call appendEntry as the LAST write of a transaction: other
// appenders wait for it until commit. Under REPEATABLE READ or SERIALIZABLE a concurrent append makes
// the upsert fail with a serialization error (retry the transaction); nothing is ever forked.
import { PgTransaction } from 'drizzle-orm/pg-core';
import { leafHash, nodesCompletedByAppend, nodesCompletedByAppends, toHex } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { entryLeafBytes, type LedgerEntry, type LedgerEntryInput, validateEntry } from './entry.ts';
import { configuredAlgorithm, type LedgerDeps, nodeSource } from './service-shared.ts';
import * as store from './store.ts';

export interface AppendedEntry {
  index: number;
  entry: LedgerEntry;
  /** H(0x00 || RFC 8785 bytes of the entry), hex. */
  leafHash: string;
}

const isTransaction = (db: Db): boolean => (db as unknown) instanceof PgTransaction;

/**
 * Enters `entry` in the log at the next index, inside the caller's transaction `tx` (required: the
 * lock and the rollback guarantee come from it). Throws AppError LEDGER_ENTRY_INVALID for an entry
 * that is not only ids, hashes, times and codes (see entry.ts).
 */
export async function appendEntry(
  tx: Db,
  entry: LedgerEntryInput,
  options?: Pick<LedgerDeps, 'hashAlgorithm'>,
): Promise<AppendedEntry> {
  const [appended] = await appendEntries(tx, [entry], options);
  return appended!;
}

/** Several entries at consecutive indices, in the order given, in one lock and three statements. */
export async function appendEntries(
  tx: Db,
  entries: readonly LedgerEntryInput[],
  options?: Pick<LedgerDeps, 'hashAlgorithm'>,
): Promise<AppendedEntry[]> {
  if (!isTransaction(tx)) {
    throw new Error('appendEntry must be called inside a transaction (db.transaction(async (tx) => …))');
  }
  if (entries.length === 0) return [];
  const clean = entries.map((e) => validateEntry(e));
  const leaves = clean.map(entryLeafBytes);
  const { first, hashAlgorithm: alg } = await store.reserveIndexes(
    tx,
    clean.length,
    configuredAlgorithm(options),
  );
  const leafHashes = leaves.map((l) => leafHash(alg, l));
  const source = nodeSource(tx);
  const nodes =
    leafHashes.length === 1
      ? await nodesCompletedByAppend(alg, first, leafHashes[0]!, source)
      : await nodesCompletedByAppends(alg, first, leafHashes, source);
  await store.insertEntries(
    tx,
    clean.map((entry, i) => ({ index: first + i, entry, leafHash: leafHashes[i]! })),
  );
  await store.insertNodes(tx, nodes);
  return clean.map((entry, i) => ({ index: first + i, entry, leafHash: toHex(leafHashes[i]!) }));
}
