// Merkle roots and proofs (RFC 9162 §2.1) for a log too large to hold in memory.
//
// The log stores the hash of every PERFECT subtree: node (level k, index i) is MTH of the leaves
// [i·2^k, (i+1)·2^k); level 0 holds the leaf hashes. Each append completes at most log₂(n) + 1
// nodes, so the store holds < 2n rows and is append-only (rows never change).
//
// Every hash that RFC 9162 needs — a root MTH(D[0:N]) for any N up to the current size, and each
// element of an audit path or consistency proof — is MTH of a range [a, b) produced by the RFC's
// recursion, which always splits at the largest power of two below the range length. Such a
// range is tiled by perfect subtrees of strictly decreasing size (greedy, left to right), and its
// MTH is their right fold: MTH = H(0x01 || P₁ || H(0x01 || P₂ || … Pₘ)). A proof has O(log n)
// elements and only one of them (plus the root) spans several perfect subtrees, so each
// computation reads O(log n) stored nodes, fetched in a single batch.
import type { HashAlgorithm } from './hash.ts';
import { HASH_SIZE } from './hash.ts';
import { emptyRoot, isTreeIndex, nodeHash, splitPoint } from './merkle.ts';

export interface NodeRef {
  level: number;
  index: number;
}

export interface MerkleNode extends NodeRef {
  hash: Uint8Array;
}

/** Reads one stored node; must return (or throw), never resolve to undefined for a stored node. */
export type GetNode = (
  level: number,
  index: number,
) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

/** Reads many nodes at once (one SQL query); results in the order of `refs`. */
export type GetNodes = (
  refs: readonly NodeRef[],
) => readonly (Uint8Array | undefined)[] | Promise<readonly (Uint8Array | undefined)[]>;

/** Either a per-node lookup (called concurrently for all needed nodes) or a batch lookup. */
export type NodeSource = GetNode | { getNodes: GetNodes };

const key = (level: number, index: number): string => `${level}:${index}`;

function assertIndex(name: string, n: number): void {
  if (!isTreeIndex(n)) throw new RangeError(`${name} must be a non-negative safe integer, got ${n}`);
}

/** Fetches `refs` (deduplicated) and returns a lookup; throws if the store lacks one of them. */
async function fetchNodes(
  source: NodeSource,
  refs: readonly NodeRef[],
): Promise<(level: number, index: number) => Uint8Array> {
  const unique = new Map<string, NodeRef>();
  for (const r of refs) unique.set(key(r.level, r.index), r);
  const list = [...unique.values()];
  const hashes =
    typeof source === 'function'
      ? await Promise.all(list.map((r) => source(r.level, r.index)))
      : await source.getNodes(list);
  if (hashes.length !== list.length) throw new Error('getNodes returned the wrong number of nodes');
  const found = new Map<string, Uint8Array>();
  list.forEach((r, i) => {
    const h = hashes[i];
    if (!(h instanceof Uint8Array))
      throw new Error(`Merkle node (level ${r.level}, index ${r.index}) not found`);
    if (h.length !== HASH_SIZE)
      throw new Error(`Merkle node (level ${r.level}, index ${r.index}) is corrupt`);
    found.set(key(r.level, r.index), h);
  });
  return (level, index) => {
    const h = found.get(key(level, index));
    // A planning bug, not a store problem: every node used must have been requested.
    if (!h) throw new Error(`Merkle node (level ${level}, index ${index}) was not fetched`);
    return h;
  };
}

/**
 * The perfect subtrees tiling the leaf range [start, end), left to right: at each step the
 * largest aligned power-of-two block that fits. For [0, N) these are the nodes of the binary
 * decomposition of N, e.g. N = 13 → (3,0) (2,2) (0,12).
 */
export function perfectSubtrees(start: number, end: number): NodeRef[] {
  assertIndex('start', start);
  assertIndex('end', end);
  if (start > end) throw new RangeError(`empty range [${start}, ${end})`);
  const out: NodeRef[] = [];
  let a = start;
  while (a < end) {
    let level = 0;
    let size = 1;
    while (a % (size * 2) === 0 && size * 2 <= end - a) {
      size *= 2;
      level++;
    }
    out.push({ level, index: a / size });
    a += size;
  }
  return out;
}

type Range = readonly [number, number];

function rangeRefs(ranges: readonly Range[]): NodeRef[] {
  return ranges.flatMap(([a, b]) => perfectSubtrees(a, b));
}

/** MTH(D[a:b]) for a range produced by the RFC recursion (see the header comment). */
function rangeHash(
  alg: HashAlgorithm,
  [a, b]: Range,
  get: (level: number, index: number) => Uint8Array,
): Uint8Array {
  if (a === b) return emptyRoot(alg);
  const parts = perfectSubtrees(a, b);
  let h = get(parts[parts.length - 1]!.level, parts[parts.length - 1]!.index);
  for (let i = parts.length - 2; i >= 0; i--) h = nodeHash(alg, get(parts[i]!.level, parts[i]!.index), h);
  return h;
}

/** Ranges of the audit path PATH(index, D[0:size]) (RFC 9162 §2.1.3.1), nearest sibling first. */
function inclusionRanges(index: number, treeSize: number): Range[] {
  assertIndex('index', index);
  assertIndex('treeSize', treeSize);
  if (index >= treeSize) throw new RangeError(`index ${index} not in a tree of size ${treeSize}`);
  const out: Range[] = [];
  let lo = 0;
  let hi = treeSize;
  // Walk down from the root; the recursion emits siblings on the way back up, hence the reverse.
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
    }
  }
  return out.reverse();
}

/** Ranges of PROOF(first, D[0:second]) = SUBPROOF(first, D[0:second], true) (RFC 9162 §2.1.4.1). */
function consistencyRanges(first: number, second: number): Range[] {
  assertIndex('first', first);
  assertIndex('second', second);
  if (first < 1 || first > second) throw new RangeError(`need 0 < first ≤ second, got ${first}, ${second}`);
  const out: Range[] = [];
  let lo = 0;
  let hi = second;
  let m = first;
  let b = true;
  for (;;) {
    if (m === hi - lo) {
      if (!b) out.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
      m -= k;
      b = false;
    }
  }
  return out.reverse();
}

// ---- Which nodes to read (for callers that fetch nodes themselves) -----------------------------

export function rootHashNodes(treeSize: number): NodeRef[] {
  return perfectSubtrees(0, treeSize);
}

export function inclusionProofNodes(index: number, treeSize: number): NodeRef[] {
  return rangeRefs(inclusionRanges(index, treeSize));
}

export function consistencyProofNodes(first: number, second: number): NodeRef[] {
  return rangeRefs(consistencyRanges(first, second));
}

// ---- Roots and proofs from stored nodes ------------------------------------------------------

/** MTH(D[0:treeSize]) for any treeSize up to the log's current size. */
export async function rootHashFromStore(
  alg: HashAlgorithm,
  treeSize: number,
  source: NodeSource,
): Promise<Uint8Array> {
  assertIndex('treeSize', treeSize);
  if (treeSize === 0) return emptyRoot(alg);
  const get = await fetchNodes(source, rootHashNodes(treeSize));
  return rangeHash(alg, [0, treeSize], get);
}

export async function inclusionProofFromStore(
  alg: HashAlgorithm,
  index: number,
  treeSize: number,
  source: NodeSource,
): Promise<Uint8Array[]> {
  const ranges = inclusionRanges(index, treeSize);
  const get = await fetchNodes(source, rangeRefs(ranges));
  return ranges.map((r) => rangeHash(alg, r, get));
}

export async function consistencyProofFromStore(
  alg: HashAlgorithm,
  first: number,
  second: number,
  source: NodeSource,
): Promise<Uint8Array[]> {
  const ranges = consistencyRanges(first, second);
  const get = await fetchNodes(source, rangeRefs(ranges));
  return ranges.map((r) => rangeHash(alg, r, get));
}

// ---- Appending --------------------------------------------------------------------------------

/** The stored nodes that appending leaf `index` combines with: one left sibling per level at
 * which a perfect subtree completes (the trailing 1-bits of `index`). */
export function nodesNeededForAppend(index: number): NodeRef[] {
  assertIndex('index', index);
  const out: NodeRef[] = [];
  let i = index;
  for (let level = 0; i % 2 === 1; level++) {
    out.push({ level, index: i - 1 });
    i = (i - 1) / 2;
  }
  return out;
}

/**
 * The nodes that become complete when the leaf with hash `leafHash` is appended at position
 * `index` (= the tree size before the append): (0, index) itself, then each parent whose right
 * child was just completed. Insert them all; none is ever modified afterwards.
 */
export async function nodesCompletedByAppend(
  alg: HashAlgorithm,
  index: number,
  leafHash: Uint8Array,
  source: NodeSource,
): Promise<MerkleNode[]> {
  const needed = nodesNeededForAppend(index);
  const get = await fetchNodes(source, needed);
  return completeAppend(alg, index, leafHash, get);
}

function completeAppend(
  alg: HashAlgorithm,
  index: number,
  leafHash: Uint8Array,
  get: (level: number, index: number) => Uint8Array,
): MerkleNode[] {
  if (!(leafHash instanceof Uint8Array) || leafHash.length !== HASH_SIZE) {
    throw new TypeError(`leaf hash must be ${HASH_SIZE} bytes`);
  }
  const out: MerkleNode[] = [{ level: 0, index, hash: leafHash }];
  let h = leafHash;
  let i = index;
  for (let level = 0; i % 2 === 1; level++) {
    h = nodeHash(alg, get(level, i - 1), h);
    i = (i - 1) / 2;
    out.push({ level: level + 1, index: i, hash: h });
  }
  return out;
}

/**
 * Batch append of `leafHashes` at positions startIndex, startIndex + 1, …: all newly complete
 * nodes, reading only the perfect subtrees of the tree of size startIndex (one batch).
 */
export async function nodesCompletedByAppends(
  alg: HashAlgorithm,
  startIndex: number,
  leafHashes: readonly Uint8Array[],
  source: NodeSource,
): Promise<MerkleNode[]> {
  assertIndex('startIndex', startIndex);
  const stored = await fetchNodes(source, leafHashes.length > 0 ? perfectSubtrees(0, startIndex) : []);
  const fresh = new Map<string, Uint8Array>();
  const get = (level: number, index: number): Uint8Array =>
    fresh.get(key(level, index)) ?? stored(level, index);
  const out: MerkleNode[] = [];
  leafHashes.forEach((leaf, offset) => {
    for (const node of completeAppend(alg, startIndex + offset, leaf, get)) {
      fresh.set(key(node.level, node.index), node.hash);
      out.push(node);
    }
  });
  return out;
}
