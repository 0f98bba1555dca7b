// Merkle tree of RFC 9162 §2.1 (identical to RFC 6962 §2.1) with the hash function as a
// parameter: SHA-256 for compatibility with Certificate Transparency tooling, SM3 for the
// national-standard deployment.
//
// This file: hashing, the in-memory tree (a literal transcription of the RFC's recursive
// definitions, used for tests and small trees) and the proof verifiers. merkle-store.ts computes
// the same roots and proofs from O(log n) stored perfect-subtree hashes for large logs.
import type { HashAlgorithm } from './hash.ts';
import { bytesEqual, HASH_SIZE, hash } from './hash.ts';

/** MTH({}) = HASH() (RFC 9162 §2.1.1): the root of the empty tree. */
export function emptyRoot(alg: HashAlgorithm): Uint8Array {
  return hash(alg, new Uint8Array(0));
}

/** MTH({d}) = HASH(0x00 || d) (RFC 9162 §2.1.1). The 0x00/0x01 prefixes separate leaves from
 * interior nodes so that no interior node can be passed off as a leaf (second preimage). */
export function leafHash(alg: HashAlgorithm, leaf: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + leaf.length);
  buf[0] = 0x00;
  buf.set(leaf, 1);
  return hash(alg, buf);
}

/** HASH(0x01 || left || right) (RFC 9162 §2.1.1). */
export function nodeHash(alg: HashAlgorithm, left: Uint8Array, right: Uint8Array): Uint8Array {
  const buf = new Uint8Array(1 + left.length + right.length);
  buf[0] = 0x01;
  buf.set(left, 1);
  buf.set(right, 1 + left.length);
  return hash(alg, buf);
}

/** Tree sizes and indices are non-negative safe integers (2^53 leaves is plenty). */
export function isTreeIndex(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function assertIndex(name: string, n: number): void {
  if (!isTreeIndex(n)) throw new RangeError(`${name} must be a non-negative safe integer, got ${n}`);
}

/** The largest power of two smaller than n, for n ≥ 2 (the split point k of RFC 9162 §2.1.1). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

// ---- In-memory tree over leaf hashes (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1) ---------------------

/** MTH(D[lo:hi]) from leaf hashes (the 0x00-prefixed hashes, not the leaf data). */
function mth(alg: HashAlgorithm, leaves: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  const n = hi - lo;
  if (n === 0) return emptyRoot(alg);
  if (n === 1) return leaves[lo] as Uint8Array;
  const k = splitPoint(n);
  return nodeHash(alg, mth(alg, leaves, lo, lo + k), mth(alg, leaves, lo + k, hi));
}

/** Root of the tree whose leaf hashes are `leafHashes` (all of them; slice for a prefix). */
export function rootHash(alg: HashAlgorithm, leafHashes: readonly Uint8Array[]): Uint8Array {
  return mth(alg, leafHashes, 0, leafHashes.length);
}

/** Audit path PATH(index, D[0:treeSize]) (RFC 9162 §2.1.3.1), nearest sibling first. */
export function inclusionProof(
  alg: HashAlgorithm,
  leafHashes: readonly Uint8Array[],
  index: number,
  treeSize: number = leafHashes.length,
): Uint8Array[] {
  assertIndex('index', index);
  assertIndex('treeSize', treeSize);
  if (treeSize > leafHashes.length) throw new RangeError('treeSize exceeds the number of leaves');
  if (index >= treeSize) throw new RangeError(`index ${index} not in a tree of size ${treeSize}`);
  const path = (m: number, lo: number, hi: number): Uint8Array[] => {
    const n = hi - lo;
    if (n === 1) return [];
    const k = splitPoint(n);
    // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])       for m < k
    //              = PATH(m - k, D[k:n]) : MTH(D[0:k])   for m ≥ k
    if (m < k) return [...path(m, lo, lo + k), mth(alg, leafHashes, lo + k, hi)];
    return [...path(m - k, lo + k, hi), mth(alg, leafHashes, lo, lo + k)];
  };
  return path(index, 0, treeSize);
}

/**
 * Consistency proof PROOF(first, D[0:second]) (RFC 9162 §2.1.4.1). Empty when first = second.
 * first = 0 is refused: the empty tree is trivially consistent with every tree and the
 * verifier (§2.1.4.2, which assumes 0 < first) rejects such proofs.
 */
export function consistencyProof(
  alg: HashAlgorithm,
  leafHashes: readonly Uint8Array[],
  first: number,
  second: number = leafHashes.length,
): Uint8Array[] {
  assertIndex('first', first);
  assertIndex('second', second);
  if (second > leafHashes.length) throw new RangeError('second exceeds the number of leaves');
  if (first < 1 || first > second) throw new RangeError(`need 0 < first ≤ second, got ${first}, ${second}`);
  const subproof = (m: number, lo: number, hi: number, b: boolean): Uint8Array[] => {
    const n = hi - lo;
    // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])}
    if (m === n) return b ? [] : [mth(alg, leafHashes, lo, hi)];
    const k = splitPoint(n);
    // m ≤ k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]);  m > k: SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
    if (m <= k) return [...subproof(m, lo, lo + k, b), mth(alg, leafHashes, lo + k, hi)];
    return [...subproof(m - k, lo + k, hi, false), mth(alg, leafHashes, lo, lo + k)];
  };
  return subproof(first, 0, second, true);
}

// ---- Verification (RFC 9162 §2.1.3.2 and §2.1.4.2) ---------------------------------------------

export interface InclusionCheck {
  index: number;
  treeSize: number;
  leafHash: Uint8Array;
  auditPath: readonly Uint8Array[];
  rootHash: Uint8Array;
}

export interface ConsistencyCheck {
  first: number;
  second: number;
  firstRoot: Uint8Array;
  secondRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

const half = (n: number): number => Math.floor(n / 2);
const isOdd = (n: number): boolean => n % 2 === 1;

function allHashSized(hashes: readonly Uint8Array[]): boolean {
  return hashes.every((h) => h instanceof Uint8Array && h.length === HASH_SIZE);
}

/** RFC 9162 §2.1.3.2. Returns false (never throws) for any invalid input. */
export function verifyInclusion(alg: HashAlgorithm, check: InclusionCheck): boolean {
  const { index, treeSize, leafHash: hash0, auditPath, rootHash: root } = check;
  if (!isTreeIndex(index) || !isTreeIndex(treeSize) || !Array.isArray(auditPath)) return false;
  // Hash lengths are not part of the RFC's procedure, but without this check an empty leaf
  // hash would "prove" itself against an empty root in a tree of size 1.
  if (!allHashSized([hash0, root]) || !allHashSized(auditPath)) return false;
  // 1. leaf_index ≥ tree_size fails.
  if (index >= treeSize) return false;
  // 2. fn = leaf_index, sn = tree_size − 1.  3. r = hash.
  let fn = index;
  let sn = treeSize - 1;
  let r = hash0;
  // 4. For each p in inclusion_path:
  for (const p of auditPath) {
    // a. sn = 0 before the path is exhausted: the path is too long.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // b. r = HASH(0x01 || p || r); if LSB(fn) is not set, shift until it is or fn = 0.
      r = nodeHash(alg, p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = nodeHash(alg, r, p);
    }
    // c. shift both once.
    fn = half(fn);
    sn = half(sn);
  }
  // 5. sn = 0 and r = root_hash.
  return sn === 0 && bytesEqual(r, root);
}

/**
 * RFC 9162 §2.1.4.2, which is defined for 0 < first < second. Outside that range:
 * first = second is accepted with an empty proof iff the two roots are byte-equal (nothing to
 * prove; this is what transparency-dev/merkle does), and first = 0 is always rejected.
 */
export function verifyConsistency(alg: HashAlgorithm, check: ConsistencyCheck): boolean {
  const { first, second, firstRoot, secondRoot, proof } = check;
  if (!isTreeIndex(first) || !isTreeIndex(second) || !Array.isArray(proof)) return false;
  if (!(firstRoot instanceof Uint8Array) || !(secondRoot instanceof Uint8Array)) return false;
  if (first === 0 || first > second) return false;
  if (first === second) return proof.length === 0 && bytesEqual(firstRoot, secondRoot);
  if (!allHashSized([firstRoot, secondRoot]) || !allHashSized(proof)) return false;
  // 1. An empty consistency_path fails.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  // 3. fn = first − 1, sn = second − 1.  4. If LSB(fn) is set, shift both until it is not.
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5. fr = sr = first value of the path.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // 6. For each subsequent value c:
  for (let i = 1; i < path.length; i++) {
    const c = path[i] as Uint8Array;
    // a. sn = 0 before the path is exhausted fails.
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      // b. fr = HASH(0x01 || c || fr), sr = HASH(0x01 || c || sr); if LSB(fn) is not set,
      //    shift both until it is or fn = 0.
      fr = nodeHash(alg, c, fr);
      sr = nodeHash(alg, c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      // Otherwise sr = HASH(0x01 || sr || c).
      sr = nodeHash(alg, sr, c);
    }
    // c. shift both once.
    fn = half(fn);
    sn = half(sn);
  }
  // 7. fr = first_hash, sr = second_hash and sn = 0.
  return sn === 0 && bytesEqual(fr, firstRoot) && bytesEqual(sr, secondRoot);
}
