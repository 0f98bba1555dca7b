// The platform-wide tamper check (`mingjing verify`, R6 防删改): re-derives the whole log from what
// is stored and reports every place where the stored data disagrees with itself or with a signed
// tree head. Modules check their own rows against the entries through `RecordCheck`s (the ledger
// knows no module's tables).
//
// One pass over the entries in index order, one page at a time (memory O(page + log n)):
//  - every entry is re-hashed (RFC 9162 leaf = H(0x00 || RFC 8785 JSON)) and compared with its stored
//    leaf_hash and with the level-0 node; indexes missing below ledger_state.size are reported;
//  - the tree is rebuilt incrementally as a stack of perfect subtrees (at most log₂ n + 1 frames).
//    Each frame carries two hashes: `rebuilt`, from the entries as they now read, and `value`, the
//    stored node. Every stored node is compared with the hash of its two children: if every leaf
//    agrees with its entry and every node with its children, the stored tree IS the rebuilt one
//    (induction on the level), so this local check finds every altered node — and names the node
//    that was altered rather than all its ancestors. A node that disagrees with its children is held
//    until its parent is known: if the parent agrees with the recomputed hash, the node itself was
//    altered; if the parent agrees with the stored node, what lies below it was rewritten;
//  - every signed head is checked when the rebuild reaches its size: the signature (with the public
//    key it names, which must be one of the platform's keys), timestamps that never go back as sizes
//    grow, and its root. A head whose root is neither the root rebuilt from the entries nor the root
//    of the stored nodes signs a history that is not this one: forked or rewritten (a head whose root
//    matches only one of them is explained by the entry or node already reported).
// Appends that commit while the check runs are not covered: it checks the size it read at the start
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { HashAlgorithm, LeafHasher } from '../crypto/index.ts';
import { createLeafHasher } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import * as store from './store.ts';
import { HeadChecker } from './verify-heads.ts';
import type { CheckedEntry, Discrepancy, RecordCheck, VerifyOptions, VerifyReport } from './verify-report.ts';
import * as vstore from './verify-store.ts';
import { combine, type Frame, leafFrame, nodeKey, nodeRangesCompletedBy } from './verify-tree.ts';

// The report's types (verify-report.ts), the tree rebuild (verify-tree.ts) and the heads' checks
// (verify-heads.ts) have their own files.
export type {
  CheckedEntry,
  Discrepancy,
  DiscrepancyKind,
  KindSummary,
  RecordCheck,
  VerifyOptions,
  VerifyReport,
} from './verify-report.ts';
export { nodeRangesCompletedBy } from './verify-tree.ts';

export const DEFAULT_PAGE_SIZE = 1000;
/** Rows beyond the size read at the end: plenty to show what happened, bounded whatever happened. */
const TAIL_LIMIT = 100;

interface Page {
  a: number;
  b: number;
  rows: store.EntryRow[];
  nodes: Map<string, Uint8Array>;
  heads: store.HeadRow[];
}

async function fetchPage(db: Db, a: number, b: number, headsFrom: number): Promise<Page> {
  const rows = await store.listEntries(db, a, b);
  const nodes = await vstore.nodesInRanges(db, nodeRangesCompletedBy(a, b));
  const heads = await vstore.headsInRange(db, headsFrom, b + 1);
  return { a, b, rows, heads, nodes: new Map(nodes.map((n) => [nodeKey(n.level, n.index), n.hash])) };
}

/** Verifies the whole log and, through `checks`, the rows it logs. Reads only. */
export async function verifyLedger(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const started = performance.now();
  const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));
  const maxListed = options.maxListed ?? 1000;
  const checks = options.checks ?? [];
  const report: VerifyReport = {
    ok: true,
    treeSize: 0,
    hashAlgorithm: null,
    entriesChecked: 0,
    nodesChecked: 0,
    headsChecked: 0,
    recordsChecked: 0,
    filesChecked: 0,
    byKind: {},
    appendedDuringCheck: { entries: 0, heads: 0 },
    discrepancyCount: 0,
    discrepancies: [],
    durationMs: 0,
  };
  const found = (d: Discrepancy): void => {
    report.ok = false;
    report.discrepancyCount++;
    if (report.discrepancies.length < maxListed) report.discrepancies.push(d);
    options.onDiscrepancy?.(d);
  };

  const state = await store.readState(db);
  const size = state?.size ?? 0;
  // A log without a state row has no entries; its heads, if any, are checked against the empty tree.
  const alg: HashAlgorithm = state?.hashAlgorithm ?? 'sm3';
  report.treeSize = size;
  report.hashAlgorithm = state?.hashAlgorithm ?? null;
  const hasher = await createLeafHasher(alg);
  const keys = await vstore.platformPublicKeys(db);
  const heads = new HeadChecker(hasher, keys, found);
  const stack: Frame[] = [];

  // Heads of size 0 (signed before the first entry) are checked against the empty tree.
  for (const h of await vstore.headsInRange(db, -1, 0)) heads.check(h, stack, report);

  // On a pool the next page is read (on another connection) while this one is hashed and checked; a
  // transaction is one connection, whose queries must not overlap.
  const prefetch = !((db as unknown) instanceof PgTransaction);
  let next = size > 0 ? fetchPage(db, 0, Math.min(size, pageSize) - 1, 0) : null;
  while (next) {
    const page = await next;
    const a2 = page.b + 1;
    const load = () => (a2 < size ? fetchPage(db, a2, Math.min(size, a2 + pageSize) - 1, page.b + 1) : null);
    next = prefetch ? load() : null;
    // Awaited on the next turn; this only keeps a failure from being reported as unhandled meanwhile.
    next?.catch(() => {});
    const verified = processPage(page, hasher, stack, heads, report, found);
    await runChecks(db, checks, verified, report, found);
    options.onProgress?.({ entriesChecked: page.b + 1, treeSize: size });
    if (!prefetch) next = load();
  }
  // Frames never combined (the top of the tree) settle what they still hold.
  for (const f of stack) if (f.pending) found(f.pending.neither);

  for (const c of checks) if (c.unlogged) for (const d of await c.unlogged(db)) found(d);

  await checkTail(db, size, heads, report, found);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

/** Leaves a..b of one page: leaf checks, stack combination, heads at each size. The good entries. */
function processPage(
  page: Page,
  hasher: LeafHasher,
  stack: Frame[],
  heads: HeadChecker,
  report: VerifyReport,
  found: (d: Discrepancy) => void,
): CheckedEntry[] {
  const verified: CheckedEntry[] = [];
  let r = 0;
  let h = 0;
  for (let i = page.a; i <= page.b; i++) {
    while (r < page.rows.length && page.rows[r]!.index < i) r++;
    const row = page.rows[r]?.index === i ? page.rows[r] : undefined;
    const n0 = page.nodes.get(nodeKey(0, i));
    if (n0) report.nodesChecked++;
    const frame = leafFrame(i, row, n0, hasher, report, found);
    if (row && frame.entryMatches) verified.push({ index: i, entry: row.entry });
    stack.push(frame.frame);
    combine(stack, page.nodes, hasher, report, found);
    while (h < page.heads.length && page.heads[h]!.treeSize === i + 1)
      heads.check(page.heads[h++]!, stack, report);
  }
  return verified;
}

/** Hands each page's good entries to the checks registered for their kinds; counts every kind. */
async function runChecks(
  db: Db,
  checks: readonly RecordCheck[],
  entries: readonly CheckedEntry[],
  report: VerifyReport,
  found: (d: Discrepancy) => void,
): Promise<void> {
  for (const e of entries) {
    const kind = String(e.entry.kind);
    let k = report.byKind[kind];
    if (!k) {
      k = {
        entries: 0,
        checkedBy: checks.filter((c) => c.kinds.includes(kind)).map((c) => c.label ?? c.kinds.join('、')),
      };
      report.byKind[kind] = k;
    }
    k.entries++;
  }
  for (const c of checks) {
    const mine = entries.filter((e) => c.kinds.includes(String(e.entry.kind)));
    if (mine.length === 0) continue;
    if (c.unit === 'file') report.filesChecked += mine.length;
    else report.recordsChecked += mine.length;
    for (const d of await c.check(db, mine)) found(d);
  }
}

/**
 * What lies beyond the size read at the start. Entries, nodes and heads are read first and the size
 * after them: whatever a legitimate append committed by then is covered by that later size, so only
 * what lies beyond it is reported.
 */
async function checkTail(
  db: Db,
  size: number,
  heads: HeadChecker,
  report: VerifyReport,
  found: (d: Discrepancy) => void,
): Promise<void> {
  let largestHead = 0;
  // Sizes of the heads past the start: normally the few signed while the check ran.
  const sizes: number[] = [];
  for (let after = size; ; ) {
    const page = await vstore.headsAfter(db, after, DEFAULT_PAGE_SIZE);
    for (const h of page) {
      sizes.push(h.treeSize);
      // Only heads that verify claim anything about the log's size.
      if (heads.checkSignature(h)) largestHead = Math.max(largestHead, h.treeSize);
    }
    if (page.length < DEFAULT_PAGE_SIZE) break;
    after = page[page.length - 1]!.treeSize;
  }
  const extraEntries = await vstore.entryIndexesFrom(db, size, TAIL_LIMIT);
  const extraNodes = await vstore.nodesReachingPast(db, size, TAIL_LIMIT);
  const now = (await store.readState(db))?.size ?? 0;
  report.appendedDuringCheck = {
    entries: Math.max(0, now - size),
    heads: sizes.filter((s) => s <= now).length,
  };

  for (const index of extraEntries.filter((x) => x >= now).reverse()) {
    found({
      kind: 'extra_entry',
      index,
      detail: `账本条目 #${index} 超出账本大小 ${now}：账本大小被改动，或条目是绕过平台写入的`,
    });
  }
  for (const n of extraNodes.filter((n) => (n.index + 1) * 2 ** n.level > now)) {
    found({
      kind: 'extra_node',
      index: n.index * 2 ** n.level,
      detail: `账本树节点 (${n.level}, ${n.index}) 超出账本大小 ${now}：账本被截短，或节点是伪造的`,
    });
  }
  if (largestHead > now) {
    found({
      kind: 'missing_entry',
      index: now,
      detail: `签名有效的树头覆盖 ${largestHead} 个条目，而账本只有 ${now} 个：条目 #${now}–#${largestHead - 1} 缺失（账本末尾被删除）`,
    });
  }
}
