// Reading the log: entries, root hashes and RFC 9162 proofs, from stored nodes.
import type { HashAlgorithm, NodeRef } from '../crypto/index.ts';
import {
  consistencyProofFromStore,
  inclusionProofFromStore,
  inclusionProofNodes,
  rootHashFromStore,
  toHex,
} from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import type { LedgerEntry } from './entry.ts';
import { configuredAlgorithm, type LedgerDeps, nodeSource, rangeError } from './service-shared.ts';
import * as store from './store.ts';

/** Largest page of GET /api/ledger/entries. */
export const MAX_ENTRIES_PAGE = 1000;

export interface LedgerInfo {
  /** Committed entries. */
  size: number;
  hashAlgorithm: HashAlgorithm;
}

export async function ledgerInfo(db: Db, deps?: Pick<LedgerDeps, 'hashAlgorithm'>): Promise<LedgerInfo> {
  return (await store.readState(db)) ?? { size: 0, hashAlgorithm: configuredAlgorithm(deps) };
}

export interface PublicEntry {
  index: number;
  entry: LedgerEntry;
  leafHash: string;
}

const publicEntry = (r: store.EntryRow): PublicEntry => ({
  index: r.index,
  entry: r.entry,
  leafHash: toHex(r.leafHash),
});

/** Entries start..end inclusive; `end` is cut to the log's size and to MAX_ENTRIES_PAGE entries. */
export async function getEntries(db: Db, start: number, end: number): Promise<{ entries: PublicEntry[] }> {
  const { size } = await ledgerInfo(db);
  if (start > end) throw rangeError('end', `截止序号 end（${end}）不能小于起始序号 start（${start}）`);
  if (start >= size) {
    throw rangeError(
      'start',
      `起始序号 start（${start}）超出范围：账本共 ${size} 条，序号从 0 至 ${size - 1}`,
    );
  }
  const last = Math.min(end, size - 1, start + MAX_ENTRIES_PAGE - 1);
  return { entries: (await store.listEntries(db, start, last)).map(publicEntry) };
}

/** Entries that log the record `recordId` (every version), oldest first. */
export async function findEntriesForRecord(db: Db, recordId: string): Promise<PublicEntry[]> {
  return (await store.findEntriesByRecord(db, recordId, 100)).map(publicEntry);
}

function checkTreeSize(field: string, label: string, treeSize: number, size: number): void {
  if (treeSize < 1 || treeSize > size) {
    throw rangeError(
      field,
      size === 0
        ? `${label} ${field}（${treeSize}）超出范围：账本尚无条目`
        : `${label} ${field}（${treeSize}）应在 1 至 ${size} 之间（账本当前共 ${size} 条）`,
    );
  }
}

/** MTH of the first `treeSize` entries, from O(log n) stored nodes. */
export async function rootHashAt(db: Db, treeSize: number): Promise<{ treeSize: number; rootHash: string }> {
  const { size, hashAlgorithm } = await ledgerInfo(db);
  if (treeSize !== 0) checkTreeSize('treeSize', '树大小', treeSize, size);
  return { treeSize, rootHash: toHex(await rootHashFromStore(hashAlgorithm, treeSize, nodeSource(db))) };
}

/** Most entries findEntriesByContentHash returns (the same file logged this many times is plenty). */
export const MAX_CONTENT_HASH_MATCHES = 20;

/** Entries whose contentHash is `contentHash` (64 hex, any case), oldest first. */
export async function findEntriesByContentHash(db: Db, contentHash: string): Promise<PublicEntry[]> {
  const h = contentHash.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(h)) {
    throw new AppError('INVALID_FORMAT', '内容哈希应为 64 位十六进制', 'contentHash');
  }
  return (await store.findEntriesByContentHash(db, h, MAX_CONTENT_HASH_MATCHES)).map(publicEntry);
}

/** RFC 9162 §2.1.3.1 audit path for entry `index` in the tree of size `treeSize` (one SQL query). */
export async function inclusionProof(
  db: Db,
  index: number,
  treeSize: number,
): Promise<{ index: number; treeSize: number; leafHash: string; auditPath: string[] }> {
  const { size, hashAlgorithm } = await ledgerInfo(db);
  checkTreeSize('treeSize', '树大小', treeSize, size);
  if (index >= treeSize) {
    throw rangeError('index', `叶序号 index（${index}）应在 0 至 ${treeSize - 1} 之间（树大小 ${treeSize}）`);
  }
  // The leaf and the path's nodes in one batch; the proof is then computed from that batch.
  const refs: NodeRef[] = [{ level: 0, index }, ...inclusionProofNodes(index, treeSize)];
  const hashes = await store.getNodes(db, refs);
  const fetched = new Map(refs.map((r, i) => [`${r.level}:${r.index}`, hashes[i]]));
  const path = await inclusionProofFromStore(hashAlgorithm, index, treeSize, (level, i) =>
    fetched.get(`${level}:${i}`),
  );
  const leaf = fetched.get(`0:${index}`);
  if (!leaf) throw new Error(`ledger node (0, ${index}) missing`);
  return { index, treeSize, leafHash: toHex(leaf), auditPath: path.map(toHex) };
}

/** RFC 9162 §2.1.4.1 consistency proof between the trees of sizes first ≤ second (empty if equal). */
export async function consistencyProof(
  db: Db,
  first: number,
  second: number,
): Promise<{ first: number; second: number; proof: string[] }> {
  const { size, hashAlgorithm } = await ledgerInfo(db);
  checkTreeSize('second', '较新的树大小', second, size);
  if (first < 1 || first > second) {
    throw rangeError('first', `较早的树大小 first（${first}）应在 1 至 ${second} 之间（second = ${second}）`);
  }
  const proof = await consistencyProofFromStore(hashAlgorithm, first, second, nodeSource(db));
  return { first, second, proof: proof.map(toHex) };
}
