// The ledger: an append-only RFC 9162 Merkle log of every record (document versions, evidence files,
// case events), its proofs and its signed tree heads.
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
import { randomUUID } from 'node:crypto';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { HashAlgorithm, NodeRef, NodeSource } from '../crypto/index.ts';
import {
  consistencyProofFromStore,
  createSm2Signer,
  fromHex,
  generateSm2KeyPair,
  inclusionProofFromStore,
  inclusionProofNodes,
  leafHash,
  nodesCompletedByAppend,
  nodesCompletedByAppends,
  rootHashFromStore,
  toHex,
  verifyConsistency,
} from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import type { MasterKey } from '../keys/master-key.ts';
import { ledgerHashAlgorithm } from './config.ts';
import { entryLeafBytes, type LedgerEntry, type LedgerEntryInput, validateEntry } from './entry.ts';
import { RECEIPT_FORMAT, type Receipt, type ReceiptCheck, check as receiptCheck } from './receipt.ts';
import { SIGNATURE_ALGORITHM, type SignedTreeHead, treeHeadMessage } from './sth.ts';
import * as store from './store.ts';

export interface LedgerDeps {
  /** Seals the platform's SM2 private key at rest (read only when a head is first signed). */
  masterKey: () => MasterKey;
  /** Hash function for a new log; defaults to MINGJING_LEDGER_HASH (sm3). */
  hashAlgorithm?: () => HashAlgorithm;
}

export interface AppendedEntry {
  index: number;
  entry: LedgerEntry;
  /** H(0x00 || RFC 8785 bytes of the entry), hex. */
  leafHash: string;
}

/** Largest page of GET /api/ledger/entries. */
export const MAX_ENTRIES_PAGE = 1000;

const configuredAlgorithm = (deps?: Pick<LedgerDeps, 'hashAlgorithm'>): HashAlgorithm =>
  deps?.hashAlgorithm?.() ?? ledgerHashAlgorithm();

const nodeSource = (db: Db): NodeSource => ({ getNodes: (refs) => store.getNodes(db, refs) });

const isTransaction = (db: Db): boolean => (db as unknown) instanceof PgTransaction;

// ── appending ─────────────────────────────────────────────────────────────────────────────────────

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

// ── reading ───────────────────────────────────────────────────────────────────────────────────────

export interface LedgerInfo {
  /** Committed entries. */
  size: number;
  hashAlgorithm: HashAlgorithm;
}

export async function ledgerInfo(db: Db, deps?: Pick<LedgerDeps, 'hashAlgorithm'>): Promise<LedgerInfo> {
  return (await store.readState(db)) ?? { size: 0, hashAlgorithm: configuredAlgorithm(deps) };
}

const rangeError = (field: string, message: string) => new AppError('INVALID_RANGE', message, field);

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

// ── signed tree heads ─────────────────────────────────────────────────────────────────────────────

export function headJson(r: store.HeadRow): SignedTreeHead {
  return {
    treeSize: r.treeSize,
    rootHash: toHex(r.rootHash),
    timestamp: r.timestamp.toISOString(),
    hashAlgorithm: r.hashAlgorithm as SignedTreeHead['hashAlgorithm'],
    signatureAlgorithm: r.signatureAlgorithm as typeof SIGNATURE_ALGORITHM,
    signature: r.signature,
    publicKey: r.publicKeyHex,
  };
}

const keyContext = (id: string) => `ledger-key:${id}`;

/** The platform's SM2 key pair for tree heads, created on first use; call under the signing lock. */
async function platformSigner(tx: Db, deps: LedgerDeps) {
  let row = await store.latestKey(tx);
  if (!row) {
    const pair = generateSm2KeyPair();
    const id = randomUUID();
    const sealed = deps.masterKey().seal(Buffer.from(pair.privateKeyHex, 'hex'), keyContext(id));
    row = await store.insertKey(tx, { id, publicKeyHex: pair.publicKeyHex, privateKeySealed: sealed });
  }
  const privateKeyHex = deps.masterKey().open(row.privateKeySealed, keyContext(row.id)).toString('hex');
  const signer = createSm2Signer(privateKeyHex);
  if (signer.publicKeyHex !== row.publicKeyHex)
    throw new Error('ledger key: sealed private key does not match');
  return signer;
}

/**
 * Signs a head for the current size unless the newest head already covers it. Heads are signed one
 * at a time (transaction-scoped advisory lock), so tree sizes and timestamps increase together.
 */
export async function signTreeHeadIfGrown(
  db: Db,
  deps: LedgerDeps,
): Promise<{ head: SignedTreeHead; signed: boolean }> {
  return db.transaction(async (tx) => {
    await store.lockSigning(tx);
    const { size, hashAlgorithm } = await ledgerInfo(tx, deps);
    const latest = await store.latestHead(tx);
    if (latest && latest.treeSize >= size) return { head: headJson(latest), signed: false };
    const root = await rootHashFromStore(hashAlgorithm, size, nodeSource(tx));
    const signer = await platformSigner(tx, deps);
    // Never earlier than the previous head, even if this host's clock is behind another's.
    const timestamp = new Date(Math.max(Date.now(), (latest?.timestamp.getTime() ?? 0) + 1));
    const head = { treeSize: size, rootHash: toHex(root), timestamp: timestamp.toISOString() };
    const signature = signer.sign(treeHeadMessage(head));
    await store.insertHead(tx, {
      treeSize: size,
      rootHash: root,
      timestamp,
      hashAlgorithm,
      signatureAlgorithm: SIGNATURE_ALGORITHM,
      signature,
      publicKeyHex: signer.publicKeyHex,
    });
    return {
      head: {
        ...head,
        hashAlgorithm,
        signatureAlgorithm: SIGNATURE_ALGORITHM,
        signature,
        publicKey: signer.publicKeyHex,
      },
      signed: true,
    };
  });
}

/** The head covering the current size: signed now if the log grew since the last one. */
export async function signTreeHead(db: Db, deps: LedgerDeps): Promise<SignedTreeHead> {
  return (await signTreeHeadIfGrown(db, deps)).head;
}

/** The newest head if it covers the committed size; otherwise one is signed on demand. */
export async function currentTreeHead(db: Db, deps: LedgerDeps): Promise<SignedTreeHead> {
  const [{ size }, latest] = await Promise.all([ledgerInfo(db, deps), store.latestHead(db)]);
  if (latest && latest.treeSize >= size) return headJson(latest);
  return signTreeHead(db, deps);
}

/** Every signed head, newest first. */
export async function listTreeHeads(
  db: Db,
  page: number,
  pageSize: number,
): Promise<{ items: SignedTreeHead[]; total: number }> {
  const r = await store.listHeads(db, pageSize, (page - 1) * pageSize);
  return { items: r.items.map(headJson), total: r.total };
}

// ── receipts ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The receipt of entry `index`, proven against the current signed tree head (signed now if the log
 * grew). Throws INVALID_RANGE (field `index`) for an index the log does not hold.
 */
export async function receiptForIndex(db: Db, deps: LedgerDeps, index: number): Promise<Receipt> {
  // The head first: it covers at least the size committed when it was read, so any entry found
  // afterwards below that size is in it.
  const head = await currentTreeHead(db, deps);
  if (index >= head.treeSize) {
    throw rangeError(
      'index',
      head.treeSize === 0
        ? `条目序号 index（${index}）超出范围：账本尚无条目`
        : `条目序号 index（${index}）应在 0 至 ${head.treeSize - 1} 之间（账本共 ${head.treeSize} 条）`,
    );
  }
  const row = await store.getEntry(db, index);
  if (!row) throw new Error(`ledger entry ${index} missing below the signed size ${head.treeSize}`);
  return buildReceipt(db, row, head);
}

/**
 * The receipt of the newest entry of record `recordId` (or of its entry `index`), proven against the
 * current signed tree head. 404 LEDGER_RECORD_NOT_FOUND if the record was never logged;
 * 404 LEDGER_ENTRY_NOT_FOUND if entry `index` does not log this record.
 */
export async function receiptForRecord(
  db: Db,
  deps: LedgerDeps,
  recordId: string,
  index?: number,
): Promise<Receipt> {
  const row =
    index === undefined ? await store.latestEntryByRecord(db, recordId) : await store.getEntry(db, index);
  if (!row && index === undefined) {
    throw new AppError('LEDGER_RECORD_NOT_FOUND', `账本中没有记录「${recordId}」的条目`, 'recordId');
  }
  if (!row || row.entry.recordId !== recordId) {
    throw new AppError('LEDGER_ENTRY_NOT_FOUND', `账本第 ${index} 条不是记录「${recordId}」的条目`, 'index');
  }
  return buildReceipt(db, row, await currentTreeHead(db, deps));
}

async function buildReceipt(db: Db, row: store.EntryRow, head: SignedTreeHead): Promise<Receipt> {
  const proof = await inclusionProof(db, row.index, head.treeSize);
  return {
    format: RECEIPT_FORMAT,
    index: row.index,
    entry: row.entry,
    leafHash: proof.leafHash,
    auditPath: proof.auditPath,
    signedTreeHead: head,
  };
}

/** The SM2 public keys the platform has signed tree heads with (what a receipt's key is pinned to). */
export async function platformPublicKeys(db: Db): Promise<string[]> {
  return store.listPublicKeys(db);
}

/**
 * What only the platform can answer about a (well-formed) receipt: is its head one the platform signed
 * and published (`publishedHead`), and is today's log an extension of the tree it states
 * (`consistency`, RFC 9162 §2.1.4)? A head that passes offline but fails here was signed with a
 * platform key for a tree the platform does not have — a fork, which is exactly what must be shown.
 */
export async function checkReceiptWithLog(
  db: Db,
  deps: LedgerDeps,
  receipt: Receipt,
): Promise<ReceiptCheck[]> {
  const claimed = receipt.signedTreeHead;
  const [published, current] = await Promise.all([
    store.findHead(db, claimed.treeSize),
    currentTreeHead(db, deps),
  ]);
  const checks: ReceiptCheck[] = [];
  const same =
    published !== undefined &&
    toHex(published.rootHash) === claimed.rootHash &&
    published.timestamp.toISOString() === claimed.timestamp &&
    published.signature === claimed.signature &&
    published.publicKeyHex === claimed.publicKey;
  checks.push(
    same
      ? receiptCheck(
          'publishedHead',
          true,
          `该树头是本平台签署并公布的（树大小 ${claimed.treeSize}），与账本页面公布的一致`,
          `the platform published this head for tree size ${claimed.treeSize}`,
        )
      : published
        ? receiptCheck(
            'publishedHead',
            false,
            `本平台为树大小 ${claimed.treeSize} 签署的树头与回执中的不同：回执中的树头不是本平台公布的`,
            `the platform's head for tree size ${claimed.treeSize} differs from the receipt's`,
          )
        : receiptCheck(
            'publishedHead',
            false,
            `本平台没有签署过树大小为 ${claimed.treeSize} 的树头`,
            `the platform never signed a head for tree size ${claimed.treeSize}`,
          ),
  );

  let consistent = false;
  let why = '';
  if (claimed.hashAlgorithm !== current.hashAlgorithm) {
    why = `回执使用 ${claimed.hashAlgorithm}，本平台账本使用 ${current.hashAlgorithm}`;
  } else if (claimed.treeSize > current.treeSize) {
    why = `回执所依据的账本有 ${claimed.treeSize} 条，本平台账本目前只有 ${current.treeSize} 条`;
  } else {
    const { proof } = await consistencyProof(db, claimed.treeSize, current.treeSize);
    consistent = verifyConsistency(current.hashAlgorithm, {
      first: claimed.treeSize,
      second: current.treeSize,
      firstRoot: fromHex(claimed.rootHash),
      secondRoot: fromHex(current.rootHash),
      proof: proof.map(fromHex),
    });
    if (!consistent) why = '本平台当前账本的前缀与回执中的根哈希不符';
  }
  checks.push(
    consistent
      ? receiptCheck(
          'consistency',
          true,
          `本平台当前账本（${current.treeSize} 条）是回执所依据账本（${claimed.treeSize} 条）的延续，此后只有追加、没有删改（RFC 9162 §2.1.4）`,
          `consistency proof ${claimed.treeSize} → ${current.treeSize} verifies (RFC 9162 §2.1.4.2)`,
        )
      : receiptCheck(
          'consistency',
          false,
          `账本一致性不成立：${why}`,
          `the current tree (size ${current.treeSize}) is not consistent with the receipt's head (size ${claimed.treeSize})`,
        ),
  );
  return checks;
}
