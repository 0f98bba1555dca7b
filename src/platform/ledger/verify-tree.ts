// The tree rebuild of `mingjing verify` (see verify.ts): each leaf is checked against its entry, and
// equal-level frames on the stack are combined into their parents, each stored parent checked against
// its two children; a node that disagrees is held (Pending) until its parent tells which side changed.
import type { HashAlgorithm, LeafHasher } from '../crypto/index.ts';
import { bytesEqual, emptyRoot, toHex } from '../crypto/index.ts';
import { entryLeafBytes } from './entry.ts';
import type * as store from './store.ts';
import type { Discrepancy, VerifyReport } from './verify-report.ts';
import type * as vstore from './verify-store.ts';

/** A perfect subtree on the rebuild stack. */
export interface Frame {
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

export interface Pending {
  /** Reported when the parent agrees with the recomputed hash: the node itself was altered. */
  self: Discrepancy;
  /** Reported when the parent agrees with the stored node: what lies below was rewritten. */
  below: Discrepancy;
  /** Reported when neither (or no parent): the node and its children disagree. */
  neither: Discrepancy;
}

export const ZERO = new Uint8Array(32);
export const same = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && bytesEqual(a, b);
export const short = (h: Uint8Array): string => `${toHex(h).slice(0, 16)}…`;
export const nodeKey = (level: number, index: number): string => `${level}:${index}`;
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

export function leafFrame(
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
export function combine(
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
export function foldRoot(
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
