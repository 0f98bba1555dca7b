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
// and, at the end, reports only entries, nodes and heads beyond the size committed by then.
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { HashAlgorithm, LeafHasher } from '../crypto/index.ts';
import { bytesEqual, createLeafHasher, emptyRoot, toHex } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { entryLeafBytes, type LedgerEntry } from './entry.ts';
import { headJson } from './service.ts';
import { verifySignedTreeHead } from './sth.ts';
import * as store from './store.ts';
import * as vstore from './verify-store.ts';

export type DiscrepancyKind =
  /** A stored file (evidence) is gone. */
  | 'missing_file'
  /** A stored file's bytes no longer hash to what the ledger logged. */
  | 'altered_file'
  /** A logged row no longer hashes to its entry's contentHash (or disagrees with the entry). */
  | 'altered_row'
  /** A logged row is gone. */
  | 'deleted_row'
  /** A row that must be logged has no entry (written behind the platform's back). */
  | 'unlogged_row'
  /** An entry no longer hashes to its leaf (or the entry and its leaf were rewritten together). */
  | 'altered_entry'
  /** An index below the log's size (or below a signed head's size) has no entry. */
  | 'missing_entry'
  /** An entry at an index the log's size does not cover. */
  | 'extra_entry'
  /** A stored tree node disagrees with its children. */
  | 'altered_node'
  /** A tree node that must be stored is not. */
  | 'missing_node'
  /** A tree node stored beyond the log's size. */
  | 'extra_node'
  /** A validly signed head whose root is not the root of this log at its size. */
  | 'forked_head'
  /** A head whose signature does not verify. */
  | 'bad_signature'
  /** A head signed with a key the platform never held. */
  | 'unknown_key'
  /** A head timestamped earlier than a head of a smaller size. */
  | 'head_out_of_order';

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** The ledger index concerned (the first one for a range). */
  index?: number;
  /** The logged record concerned. */
  recordId?: string;
  /** What is wrong, in Chinese, one line. */
  detail: string;
}

/** An entry whose stored leaf hash it still matches: what a RecordCheck is given. */
export interface CheckedEntry {
  index: number;
  entry: LedgerEntry;
}

/**
 * A module's check of its own rows against their entries, registered by entry kind. `check` gets
 * every entry of its kinds, a page at a time in index order; `unlogged` runs once at the end and
 * reports rows that should have an entry and have none. Entries that no longer match their leaf
 * hash are reported by the ledger and not passed on.
 */
export interface RecordCheck {
  /** Entry kinds this check understands, e.g. `document.version`. */
  kinds: readonly string[];
  /** What an entry stands for, in Chinese, for the summary (e.g. 文书). */
  label?: string;
  /** Whether the summary counts its entries as stored files or as rows (default). */
  unit?: 'record' | 'file';
  check(db: Db, entries: readonly CheckedEntry[]): Promise<Discrepancy[]>;
  unlogged?(db: Db): Promise<Discrepancy[]>;
}

export interface VerifyOptions {
  checks?: readonly RecordCheck[];
  /** Entries per page (default 1000): memory and query size grow with it. */
  pageSize?: number;
  /** Called for every discrepancy as it is found (the report keeps only the first `maxListed`). */
  onDiscrepancy?: (d: Discrepancy) => void;
  /** Called after every page. */
  onProgress?: (p: { entriesChecked: number; treeSize: number }) => void;
  /** Discrepancies kept in the report (default 1000); all are counted and passed to onDiscrepancy. */
  maxListed?: number;
}

export interface KindSummary {
  entries: number;
  /** Labels of the checks that looked at the rows behind these entries; empty: ledger only. */
  checkedBy: string[];
}

export interface VerifyReport {
  /** No discrepancy. */
  ok: boolean;
  /** ledger_state.size when the check started: entries 0 … treeSize − 1 were checked. */
  treeSize: number;
  hashAlgorithm: HashAlgorithm | null;
  entriesChecked: number;
  nodesChecked: number;
  /** Heads whose signature and root were checked. */
  headsChecked: number;
  /** Entries handed to record checks counted as rows, and as files. */
  recordsChecked: number;
  filesChecked: number;
  byKind: Record<string, KindSummary>;
  /** Appended while the check ran (not checked): entries, and heads whose signature alone was checked. */
  appendedDuringCheck: { entries: number; heads: number };
  discrepancyCount: number;
  discrepancies: Discrepancy[];
  durationMs: number;
}

export const DEFAULT_PAGE_SIZE = 1000;
/** Rows beyond the size read at the end: plenty to show what happened, bounded whatever happened. */
const TAIL_LIMIT = 100;

/** A perfect subtree on the rebuild stack. */
interface Frame {
  level: number;
  index: number;
  /** MTH from the entries as they now read (stand-ins where an entry is missing). */
  rebuilt: Uint8Array;
  /** The stored node (or, where it is missing, the hash of its children); undefined: unknown. */
  value: Uint8Array | undefined;
  /** When the stored node disagrees with its children: the hash its children give. */
  alt?: Uint8Array;
  /** The discrepancy held until the parent tells which side was altered. */
  pending?: Pending;
}

interface Pending {
  /** Reported when the parent agrees with the recomputed hash: the node itself was altered. */
  self: Discrepancy;
  /** Reported when the parent agrees with the stored node: what lies below was rewritten. */
  below: Discrepancy;
  /** Reported when neither (or no parent): the node and its children disagree. */
  neither: Discrepancy;
}

const ZERO = new Uint8Array(32);
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && bytesEqual(a, b);
const short = (h: Uint8Array): string => `${toHex(h).slice(0, 16)}…`;
const nodeKey = (level: number, index: number): string => `${level}:${index}`;
/** Leaves [first, last] under node (level, index). */
const span = (level: number, index: number): [number, number] => [
  index * 2 ** level,
  (index + 1) * 2 ** level - 1,
];

/**
 * The node ranges completed by appending leaves a..b: node (k, i) completes with leaf (i+1)·2^k − 1,
 * so at level k the indices ⌈(a+1)/2^k⌉ − 1 … ⌊(b+1)/2^k⌋ − 1 (about one node per leaf in all).
 */
export function nodeRangesCompletedBy(a: number, b: number): vstore.NodeRange[] {
  const out: vstore.NodeRange[] = [];
  for (let k = 0; 2 ** k <= b + 1; k++) {
    const p = 2 ** k;
    const from = Math.ceil((a + 1) / p) - 1;
    const to = Math.floor((b + 1) / p) - 1;
    if (from <= to) out.push({ level: k, from, to });
  }
  return out;
}

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

function leafFrame(
  i: number,
  row: store.EntryRow | undefined,
  n0: Uint8Array | undefined,
  hasher: LeafHasher,
  report: VerifyReport,
  found: (d: Discrepancy) => void,
): { frame: Frame; entryMatches: boolean } {
  if (!n0)
    found({ kind: 'missing_node', index: i, detail: `账本树节点 (0, ${i})（条目 #${i} 的叶哈希）缺失` });
  if (!row) {
    found({ kind: 'missing_entry', index: i, detail: `账本条目 #${i} 缺失（已被删除）` });
    // The stored leaf stands in for the entry, so one deleted row does not also fork every head.
    return { frame: { level: 0, index: i, rebuilt: n0 ?? ZERO, value: n0 }, entryMatches: false };
  }
  report.entriesChecked++;
  const kind = typeof row.entry?.kind === 'string' ? row.entry.kind : '';
  const recordId = typeof row.entry?.recordId === 'string' ? row.entry.recordId : undefined;
  let e: Uint8Array | undefined;
  try {
    e = hasher.leafHash(entryLeafBytes(row.entry));
  } catch {
    e = undefined;
  }
  if (!e || !bytesEqual(e, row.leafHash)) {
    found({
      kind: 'altered_entry',
      index: i,
      ...(recordId ? { recordId } : {}),
      detail: `账本条目 #${i}${kind ? `（${kind}）` : ''}的内容与其叶哈希不符：条目被改动`,
    });
    return {
      frame: { level: 0, index: i, rebuilt: e ?? ZERO, value: n0 ?? row.leafHash },
      entryMatches: false,
    };
  }
  const frame: Frame = { level: 0, index: i, rebuilt: e, value: n0 ?? e };
  if (n0 && !bytesEqual(n0, e)) {
    // The entry and its leaf hash agree and the node does not: which was rewritten, the parent says.
    frame.alt = e;
    frame.pending = {
      self: {
        kind: 'altered_node',
        index: i,
        detail: `账本树节点 (0, ${i}) 被改动：与条目 #${i} 的叶哈希不符`,
      },
      below: {
        kind: 'altered_entry',
        index: i,
        ...(recordId ? { recordId } : {}),
        detail: `账本条目 #${i}${kind ? `（${kind}）` : ''}连同其叶哈希被改动：与账本树不符`,
      },
      neither: {
        kind: 'altered_node',
        index: i,
        detail: `账本树节点 (0, ${i}) 与条目 #${i} 的叶哈希不符：节点或条目被改动`,
      },
    };
  }
  return { frame, entryMatches: true };
}

/** Combines equal-level frames on top of the stack into their parents, checking each stored parent. */
function combine(
  stack: Frame[],
  nodes: Map<string, Uint8Array>,
  hasher: LeafHasher,
  report: VerifyReport,
  found: (d: Discrepancy) => void,
): void {
  while (stack.length >= 2 && stack[stack.length - 1]!.level === stack[stack.length - 2]!.level) {
    const right = stack.pop()!;
    const left = stack.pop()!;
    const level = left.level + 1;
    const index = left.index / 2;
    const rebuilt = hasher.nodeHash(left.rebuilt, right.rebuilt);
    const stored = nodes.get(nodeKey(level, index));
    const [first, last] = span(level, index);
    const parent: Frame = { level, index, rebuilt, value: stored };
    if (stored) report.nodesChecked++;
    // Which children explain the stored parent: stored ones first, then the recomputed alternatives.
    let match: [boolean, boolean] | null = null;
    if (stored && left.value && right.value) {
      for (const [useL, useR] of [
        [false, false],
        [true, false],
        [false, true],
        [true, true],
      ] as const) {
        const l = useL ? left.alt : left.value;
        const r = useR ? right.alt : right.value;
        if (l && r && same(hasher.nodeHash(l, r), stored)) {
          match = [useL, useR];
          break;
        }
      }
    }
    if (match) {
      if (left.pending) found(match[0] ? left.pending.self : left.pending.below);
      if (right.pending) found(match[1] ? right.pending.self : right.pending.below);
    } else {
      if (left.pending) found(left.pending.neither);
      if (right.pending) found(right.pending.neither);
      const expected = left.value && right.value ? hasher.nodeHash(left.value, right.value) : undefined;
      if (!stored) {
        found({
          kind: 'missing_node',
          index: first,
          detail: `账本树节点 (${level}, ${index})（条目 #${first}–#${last}）缺失`,
        });
        parent.value = expected;
      } else if (expected) {
        parent.alt = expected;
        parent.pending = {
          self: {
            kind: 'altered_node',
            index: first,
            detail: `账本树节点 (${level}, ${index})（条目 #${first}–#${last}）被改动：与其两个子节点不符`,
          },
          below: {
            kind: 'altered_node',
            index: first,
            detail: `账本树节点 (${level}, ${index}) 以下的节点被改写（条目 #${first}–#${last}）：与上一级节点不符`,
          },
          neither: {
            kind: 'altered_node',
            index: first,
            detail: `账本树节点 (${level}, ${index})（条目 #${first}–#${last}）与其两个子节点不符`,
          },
        };
      }
    }
    stack.push(parent);
  }
}

/** Right fold of the stack (RFC 9162 MTH of the current size); undefined if a hash is unknown. */
function foldRoot(
  hasher: LeafHasher,
  alg: HashAlgorithm,
  hashes: readonly (Uint8Array | undefined)[],
): Uint8Array | undefined {
  if (hashes.length === 0) return emptyRoot(alg);
  let h = hashes[hashes.length - 1];
  for (let i = hashes.length - 2; i >= 0 && h; i--) {
    const l = hashes[i];
    h = l ? hasher.nodeHash(l, h) : undefined;
  }
  return h;
}

class HeadChecker {
  private previous: { size: number; timestamp: Date } | null = null;
  constructor(
    private readonly hasher: LeafHasher,
    private readonly keys: ReadonlySet<string>,
    private readonly found: (d: Discrepancy) => void,
  ) {}

  /** Signature, key and timestamp order; false when the signature does not verify. */
  checkSignature(h: store.HeadRow): boolean {
    const at = h.timestamp.toISOString();
    if (this.previous && h.timestamp.getTime() < this.previous.timestamp.getTime()) {
      this.found({
        kind: 'head_out_of_order',
        index: h.treeSize,
        detail: `树头（大小 ${h.treeSize}）的时间 ${at} 早于较小的树头（大小 ${this.previous.size}）的时间 ${this.previous.timestamp.toISOString()}`,
      });
    }
    this.previous = { size: h.treeSize, timestamp: h.timestamp };
    if (!verifySignedTreeHead(headJson(h))) {
      this.found({
        kind: 'bad_signature',
        index: h.treeSize,
        detail: `树头（大小 ${h.treeSize}，${at}）的签名无效：树头被改动或伪造`,
      });
      return false;
    }
    if (!this.keys.has(h.publicKeyHex)) {
      this.found({
        kind: 'unknown_key',
        index: h.treeSize,
        detail: `树头（大小 ${h.treeSize}，${at}）的签名密钥不是平台的账本密钥`,
      });
    }
    return true;
  }

  /** A head at the size the rebuild has reached (stack = the perfect subtrees of that size). */
  check(h: store.HeadRow, stack: readonly Frame[], report: VerifyReport): void {
    report.headsChecked++;
    if (!this.checkSignature(h)) return;
    const alg = this.hasher.alg;
    const rebuilt = foldRoot(
      this.hasher,
      alg,
      stack.map((f) => f.rebuilt),
    )!;
    const stored = foldRoot(
      this.hasher,
      alg,
      stack.map((f) => f.value),
    );
    if (same(h.rootHash, rebuilt) || same(h.rootHash, stored)) return;
    this.found({
      kind: 'forked_head',
      index: h.treeSize,
      detail: `树头（大小 ${h.treeSize}，${h.timestamp.toISOString()}）签名有效，但其根哈希 ${short(h.rootHash)} 不是账本在该大小的根 ${short(rebuilt)}：历史被改写或分叉`,
    });
  }
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
