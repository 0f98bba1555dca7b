import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { HashAlgorithm } from './hash.ts';
import {
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';
import type { MerkleNode, NodeSource } from './merkle-store.ts';
import {
  consistencyProofFromStore,
  consistencyProofNodes,
  inclusionProofFromStore,
  inclusionProofNodes,
  nodesCompletedByAppend,
  nodesCompletedByAppends,
  perfectSubtrees,
  rootHashFromStore,
  rootHashNodes,
} from './merkle-store.ts';

const ALGS: readonly HashAlgorithm[] = ['sm3', 'sha256'];
const MAX = 70;

// ---- Independent reference, written from RFC 9162 without importing merkle.ts ----------------
// BigInt bit operations (as in the RFC's LSB/right-shift wording) and node:crypto directly.

const H = (alg: string, ...parts: Uint8Array[]): Uint8Array => {
  const h = crypto.createHash(alg);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const refNode = (alg: string, l: Uint8Array, r: Uint8Array) => H(alg, Uint8Array.of(1), l, r);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

/** MTH (§2.1.1) by its recursive definition, over leaf hashes. */
function refMth(alg: string, hs: readonly Uint8Array[]): Uint8Array {
  if (hs.length === 0) return H(alg);
  if (hs.length === 1) return hs[0] as Uint8Array;
  let k = 1;
  while (k << 1 < hs.length) k <<= 1;
  return refNode(alg, refMth(alg, hs.slice(0, k)), refMth(alg, hs.slice(k)));
}

/** §2.1.3.2, step by step. */
function refVerifyInclusion(
  alg: string,
  index: bigint,
  size: bigint,
  hash: Uint8Array,
  path: Uint8Array[],
  root: Uint8Array,
) {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1n;
  let r = hash;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = refNode(alg, p, r);
      if ((fn & 1n) === 0n) {
        while (!((fn & 1n) === 1n || fn === 0n)) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = refNode(alg, r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && same(r, root);
}

/** §2.1.4.2, step by step, for 0 < first < second. */
function refVerifyConsistency(
  alg: string,
  first: bigint,
  second: bigint,
  h1: Uint8Array,
  h2: Uint8Array,
  proof: Uint8Array[],
) {
  if (!(0n < first && first < second)) throw new Error('reference verifier covers 0 < first < second only');
  if (proof.length === 0) return false;
  const path = (first & (first - 1n)) === 0n ? [h1, ...proof] : [...proof];
  let fn = first - 1n;
  let sn = second - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0] as Uint8Array;
  let sr = path[0] as Uint8Array;
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = refNode(alg, c, fr);
      sr = refNode(alg, c, sr);
      if ((fn & 1n) === 0n) {
        while (!((fn & 1n) === 1n || fn === 0n)) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      sr = refNode(alg, sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return same(fr, h1) && same(sr, h2) && sn === 0n;
}

const leavesOf = (alg: HashAlgorithm, n: number) =>
  Array.from({ length: n }, (_, i) => leafHash(alg, new TextEncoder().encode(`leaf ${i}`)));

// ---- RFC 6962 vectors (transparency-dev/merkle testdata) ---------------------------------------

const VECTOR_DIR = new URL('../../../../shared/vectors/rfc6962/', import.meta.url);

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = `${dir}/${name}`;
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return name.endsWith('.json') ? [p] : [];
  });
}

function loadVectors(kind: 'inclusion' | 'consistency'): Array<{ file: string; v: Record<string, unknown> }> {
  const dir = fileURLToPath(new URL(kind, VECTOR_DIR));
  if (!existsSync(dir)) throw new Error(`RFC 6962 vectors missing: ${dir}`);
  const files = jsonFiles(dir);
  if (files.length < 50) throw new Error(`expected ≥ 50 ${kind} vectors in ${dir}, found ${files.length}`);
  return files.map((file) => ({
    file: file.slice(dir.length + 1),
    v: JSON.parse(readFileSync(file, 'utf8')),
  }));
}

const b64 = (s: unknown): Uint8Array => new Uint8Array(Buffer.from(String(s ?? ''), 'base64'));
const b64s = (a: unknown): Uint8Array[] => ((a as string[] | null) ?? []).map(b64);

// The standard leaves of the vectors (README): the happy paths must also be what we generate.
const VECTOR_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => leafHash('sha256', new Uint8Array(Buffer.from(hex, 'hex'))));

describe('RFC 6962 vectors (SHA-256)', () => {
  test('root of the eight standard leaves', () => {
    assert.equal(
      Buffer.from(rootHash('sha256', VECTOR_LEAVES)).toString('base64'),
      'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=',
    );
  });

  test('inclusion: happy paths verify and match our proofs; every wantErr case is rejected', () => {
    let happy = 0;
    let bad = 0;
    for (const { file, v } of loadVectors('inclusion')) {
      const check = {
        index: v.leafIdx as number,
        treeSize: v.treeSize as number,
        leafHash: b64(v.leafHash),
        auditPath: b64s(v.proof),
        rootHash: b64(v.root),
      };
      assert.equal(verifyInclusion('sha256', check), !v.wantErr, file);
      if (v.wantErr) {
        bad++;
        continue;
      }
      happy++;
      if (check.treeSize <= 8 && same(check.leafHash, VECTOR_LEAVES[check.index] as Uint8Array)) {
        const ours = inclusionProof('sha256', VECTOR_LEAVES, check.index, check.treeSize);
        assert.deepEqual(ours, check.auditPath, file);
      }
    }
    assert.ok(happy >= 5 && bad >= 50, `${happy} happy, ${bad} wantErr`);
  });

  test('consistency: happy paths verify and match our proofs; every wantErr case is rejected', () => {
    let happy = 0;
    let bad = 0;
    for (const { file, v } of loadVectors('consistency')) {
      const check = {
        first: v.size1 as number,
        second: v.size2 as number,
        firstRoot: b64(v.root1),
        secondRoot: b64(v.root2),
        proof: b64s(v.proof),
      };
      assert.equal(verifyConsistency('sha256', check), !v.wantErr, file);
      if (v.wantErr) {
        bad++;
        continue;
      }
      happy++;
      if (
        check.second <= 8 &&
        same(check.secondRoot, rootHash('sha256', VECTOR_LEAVES.slice(0, check.second)))
      ) {
        assert.deepEqual(
          consistencyProof('sha256', VECTOR_LEAVES, check.first, check.second),
          check.proof,
          file,
        );
      }
    }
    assert.ok(happy >= 5 && bad >= 50, `${happy} happy, ${bad} wantErr`);
  });
});

// ---- Generated proofs against the independent reference -------------------------------------

for (const alg of ALGS) {
  describe(`${alg}: in-memory tree, sizes 1..${MAX}`, () => {
    const leaves = leavesOf(alg, MAX);
    const roots = Array.from({ length: MAX + 1 }, (_, n) => refMth(alg, leaves.slice(0, n)));

    test('roots equal the recursive reference; empty root = H("")', () => {
      assert.deepEqual(emptyRoot(alg), H(alg));
      for (let n = 0; n <= MAX; n++)
        assert.deepEqual(rootHash(alg, leaves.slice(0, n)), roots[n], `size ${n}`);
      assert.deepEqual(leafHash(alg, Uint8Array.of(7)), H(alg, Uint8Array.of(0, 7)));
    });

    test('every inclusion proof verifies (reference and ours); wrong index, size or leaf does not', () => {
      for (let n = 1; n <= MAX; n++) {
        for (let i = 0; i < n; i++) {
          const p = inclusionProof(alg, leaves, i, n);
          const root = roots[n] as Uint8Array;
          const leaf = leaves[i] as Uint8Array;
          assert.ok(refVerifyInclusion(alg, BigInt(i), BigInt(n), leaf, p, root), `ref ${i}/${n}`);
          assert.ok(
            verifyInclusion(alg, { index: i, treeSize: n, leafHash: leaf, auditPath: p, rootHash: root }),
          );
          const wrong = (index: number, treeSize: number, l = leaf, path = p) =>
            verifyInclusion(alg, { index, treeSize, leafHash: l, auditPath: path, rootHash: root });
          if (n > 1) assert.equal(wrong(i, n, leaves[(i + 1) % n]), false);
          assert.equal(wrong(i + 1, n), false);
          // A proof does not bind the tree size to the root (the signed tree head does): in
          // some shapes the same path also fits size n + 1. Ours must agree with the reference.
          assert.equal(wrong(i, n + 1), refVerifyInclusion(alg, BigInt(i), BigInt(n + 1), leaf, p, root));
          if (p.length > 0) {
            assert.equal(wrong(i, n, leaf, p.slice(1)), false);
            assert.equal(wrong(i, n, leaf, [...p, p[0] as Uint8Array]), false);
          }
        }
      }
    });

    test('every consistency proof verifies (reference and ours); tampering does not', () => {
      for (let n = 1; n <= MAX; n++) {
        for (let m = 1; m <= n; m++) {
          const p = consistencyProof(alg, leaves, m, n);
          const r1 = roots[m] as Uint8Array;
          const r2 = roots[n] as Uint8Array;
          const ok = (first: number, second: number, proof = p, a = r1, b = r2) =>
            verifyConsistency(alg, { first, second, firstRoot: a, secondRoot: b, proof });
          if (m === n) {
            assert.equal(p.length, 0);
            assert.ok(ok(m, n));
            continue;
          }
          assert.ok(refVerifyConsistency(alg, BigInt(m), BigInt(n), r1, r2, p), `ref ${m}→${n}`);
          assert.ok(ok(m, n), `${m}→${n}`);
          assert.equal(ok(m, n, p, r2, r1), false);
          assert.equal(ok(m, n, p.slice(0, -1)), false);
          assert.equal(ok(m, n, [...p, r1]), false);
          assert.equal(ok(0, n), false);
          if (m > 1) {
            assert.equal(ok(m - 1, n), refVerifyConsistency(alg, BigInt(m - 1), BigInt(n), r1, r2, p));
          }
          for (let j = 0; j < p.length; j++) {
            const t = p.map((x) => Uint8Array.from(x));
            const e = t[j] as Uint8Array;
            e[0] = (e[0] as number) ^ 1;
            assert.equal(ok(m, n, t), false, `${m}→${n} element ${j}`);
            assert.equal(refVerifyConsistency(alg, BigInt(m), BigInt(n), r1, r2, t), false);
          }
        }
      }
    });
  });
}

// ---- Stored perfect-subtree nodes -------------------------------------------------------------

const nodeKey = (level: number, index: number) => `${level}:${index}`;

describe('stored-node generators equal the in-memory ones', () => {
  for (const alg of ALGS) {
    test(`${alg}: append one by one, then every root, inclusion and consistency proof for sizes 1..${MAX}`, async () => {
      const leaves = leavesOf(alg, MAX);
      const store = new Map<string, Uint8Array>();
      let reads = 0;
      const getNode = (level: number, index: number) => {
        reads++;
        return Promise.resolve(store.get(nodeKey(level, index)));
      };
      const batch: NodeSource = {
        getNodes: async (refs) => refs.map((r) => store.get(nodeKey(r.level, r.index))),
      };
      for (let i = 0; i < MAX; i++) {
        const nodes = await nodesCompletedByAppend(alg, i, leaves[i] as Uint8Array, getNode);
        for (const n of nodes) {
          assert.equal(store.has(nodeKey(n.level, n.index)), false, 'nodes are never rewritten');
          store.set(nodeKey(n.level, n.index), n.hash);
        }
        // A perfect subtree of 2^k leaves ending at i: its hash is the in-memory root of that range.
        for (const n of nodes) {
          const span = 2 ** n.level;
          assert.deepEqual(n.hash, rootHash(alg, leaves.slice(n.index * span, (n.index + 1) * span)));
        }
      }
      // 2n − popcount(n) perfect subtrees in a tree of n leaves.
      assert.equal(store.size, 2 * MAX - MAX.toString(2).replaceAll('0', '').length);

      for (let n = 1; n <= MAX; n++) {
        const prefix = leaves.slice(0, n);
        assert.deepEqual(await rootHashFromStore(alg, n, getNode), rootHash(alg, prefix), `root ${n}`);
        assert.deepEqual(await rootHashFromStore(alg, n, batch), rootHash(alg, prefix));
        assert.ok(rootHashNodes(n).length <= Math.log2(n) + 1);
        for (let i = 0; i < n; i++) {
          reads = 0;
          assert.deepEqual(
            await inclusionProofFromStore(alg, i, n, getNode),
            inclusionProof(alg, leaves, i, n),
            `${i}/${n}`,
          );
          // O(log n) reads: at most one multi-subtree element (≤ log n parts) plus log n others.
          assert.ok(reads <= 2 * Math.ceil(Math.log2(n)) + 1, `${reads} reads for ${i}/${n}`);
          assert.equal(inclusionProofNodes(i, n).length >= reads, true);
        }
        for (let m = 1; m <= n; m++) {
          reads = 0;
          const expected = consistencyProof(alg, leaves, m, n);
          assert.deepEqual(await consistencyProofFromStore(alg, m, n, getNode), expected, `${m}→${n}`);
          assert.deepEqual(await consistencyProofFromStore(alg, m, n, batch), expected);
          assert.ok(reads <= 3 * Math.ceil(Math.log2(n)) + 2, `${reads} reads for ${m}→${n}`);
          assert.ok(consistencyProofNodes(m, n).length >= reads);
        }
      }
      assert.deepEqual(await rootHashFromStore(alg, 0, getNode), emptyRoot(alg));
      await assert.rejects(rootHashFromStore(alg, MAX + 1, getNode), /not found/);
      await assert.rejects(inclusionProofFromStore(alg, MAX, MAX, getNode), /not in a tree/);
    });

    test(`${alg}: batch appends in uneven chunks give the same store`, async () => {
      const leaves = leavesOf(alg, MAX);
      const one = new Map<string, Uint8Array>();
      for (let i = 0; i < MAX; i++) {
        const got = await nodesCompletedByAppend(alg, i, leaves[i] as Uint8Array, (l, x) =>
          one.get(nodeKey(l, x)),
        );
        for (const n of got) one.set(nodeKey(n.level, n.index), n.hash);
      }
      const chunked = new Map<string, Uint8Array>();
      const all: MerkleNode[] = [];
      for (let start = 0, size = 1; start < MAX; start += size, size = (size * 3) % 11 || 1) {
        const chunk = leaves.slice(start, start + size);
        const got = await nodesCompletedByAppends(alg, start, chunk, {
          getNodes: (refs) => refs.map((r) => chunked.get(nodeKey(r.level, r.index))),
        });
        for (const n of got) chunked.set(nodeKey(n.level, n.index), n.hash);
        all.push(...got);
      }
      assert.equal(all.length, one.size);
      assert.deepEqual(new Map([...chunked].sort()), new Map([...one].sort()));
    });
  }

  test('perfectSubtrees tiles ranges with aligned power-of-two blocks', () => {
    assert.deepEqual(perfectSubtrees(0, 13), [
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    assert.deepEqual(perfectSubtrees(6, 16), [
      { level: 1, index: 3 },
      { level: 3, index: 1 },
    ]);
    assert.deepEqual(perfectSubtrees(5, 5), []);
  });

  test('a million-leaf log: proofs read O(log n) nodes (plans only, no hashing)', () => {
    const n = 1_000_003;
    assert.ok(rootHashNodes(n).length <= 20);
    for (const i of [0, 1, 500_000, 999_999, 1_000_002]) assert.ok(inclusionProofNodes(i, n).length <= 40);
    for (const m of [1, 2, 3, 524_288, 999_999, 1_000_002])
      assert.ok(consistencyProofNodes(m, n).length <= 60);
  });

  test('a node of the wrong size from the store is reported as corrupt', async () => {
    await assert.rejects(
      rootHashFromStore('sm3', 3, () => new Uint8Array(5)),
      /corrupt/,
    );
  });
});
