import {
  bytesEqual,
  canonicalJsonBytes,
  createLeafHasher,
  fromHex,
  type HashAlgorithm,
  type LeafHasher,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from '../src/platform/crypto/index.ts';
import {
  appendEntries,
  appendEntry,
  consistencyProof,
  inclusionProof,
  type LedgerEntryInput,
  rootHashAt,
} from '../src/platform/ledger/index.ts';
import { benchDatabase, fmt } from './lib.ts';

/**
 * Issue 4 figures for the public ledger, each beside its reference from the same run:
 *  - appends per second at N entries (batches of BATCH per transaction, and one entry per
 *    transaction as a case step appends), against raw SM3 leaf hashing of the same N leaves;
 *  - inclusion and consistency proof times and the root at size N, every proof checked with the
 *    RFC 9162 verifiers and the root against one computed independently from the raw leaf hashes.
 */

const ALG: HashAlgorithm = 'sm3';
const OPTIONS = { hashAlgorithm: () => ALG };
const BATCH = 1000;
const SINGLES = 2000;
const PROOFS = 1000;
/** Consistency proofs verified against roots read separately (two extra queries each). */
const CONSISTENCY_CHECKED = 100;

// ── deterministic entries ───────────────────────────────────────────────────────────────────────
// Entry i is a pure function of i, so the reference pass and the proof checks regenerate exactly
// the leaves that were appended without keeping 10^6 of them in memory. The ids look random (as
// UUIDs do), which matters: ledger_entries has a btree on entry->>'recordId'.

/** murmur3's 32-bit finaliser: a cheap, well-mixed function of (i, salt). */
function mix(i: number, salt: number): number {
  let h = (Math.imul(i, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (w: number) => w.toString(16).padStart(8, '0');

function hexWords(i: number, salt: number, words: number): string {
  let s = '';
  for (let w = 0; w < words; w++) s += hex8(mix(i, salt + w));
  return s;
}

function uuid(i: number, salt: number): string {
  const h = hexWords(i, salt, 4);
  // Version 4, variant 10xx, like randomUUID().
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);

/** An evidence file's entry; about eight files per case. */
function benchEntry(i: number): LedgerEntryInput {
  return {
    kind: 'evidence.file',
    recordId: uuid(i, 1),
    caseId: uuid(Math.floor(i / 8), 101),
    contentHash: hexWords(i, 201, 8),
    at: new Date(T0 + i * 1500).toISOString(),
  };
}

function entries(from: number, count: number): LedgerEntryInput[] {
  return Array.from({ length: count }, (_, k) => benchEntry(from + k));
}

/** Deterministic uniform integers in [lo, hi] for the proof positions. */
function randomInts(seed: number) {
  let n = 0;
  return (lo: number, hi: number) => lo + (mix(n++, seed) % (hi - lo + 1));
}

// ── reference: RFC 9162 root over raw leaf hashes, O(log n) memory ──────────────────────────────

/** The compact range of [0, size): perfect subtree roots, largest first (merkle-store.ts). */
class CompactRange {
  private readonly stack: { size: number; hash: Uint8Array }[] = [];
  constructor(private readonly hasher: LeafHasher) {}
  push(leafHash: Uint8Array): void {
    let top = { size: 1, hash: leafHash };
    for (let last = this.stack.at(-1); last && last.size === top.size; last = this.stack.at(-1)) {
      this.stack.pop();
      top = { size: last.size * 2, hash: this.hasher.nodeHash(last.hash, top.hash) };
    }
    this.stack.push(top);
  }
  /** MTH of everything pushed: the right fold of the perfect subtrees. */
  root(): Uint8Array {
    let h = this.stack.at(-1)!.hash;
    for (let k = this.stack.length - 2; k >= 0; k--) h = this.hasher.nodeHash(this.stack[k]!.hash, h);
    return h;
  }
}

interface Reference {
  /** SM3 leaf hashes H(0x00 || leaf) of the serialised leaves, per second. */
  hashesPerSecond: number;
  /** RFC 8785 serialisation plus that hash: all a leaf costs before it reaches the database. */
  leavesPerSecond: number;
  /** Root at every checkpoint size and at N, from the raw leaf hashes. */
  roots: Map<number, Uint8Array>;
}

/** The same N leaves: canonical JSON and SM3 leaf hash timed separately; nothing else is timed. */
async function rawReference(size: number, checkpoints: readonly number[]): Promise<Reference> {
  const hasher = await createLeafHasher(ALG);
  const range = new CompactRange(hasher);
  const roots = new Map<number, Uint8Array>();
  const wanted = new Set([...checkpoints, size]);
  const leaves: Uint8Array[] = new Array(BATCH);
  const hashes: Uint8Array[] = new Array(BATCH);
  let serialiseMs = 0;
  let hashMs = 0;
  for (let from = 0; from < size; from += BATCH) {
    const chunk = entries(from, Math.min(BATCH, size - from));
    let t = performance.now();
    for (let k = 0; k < chunk.length; k++) leaves[k] = canonicalJsonBytes(chunk[k]!);
    serialiseMs += performance.now() - t;
    t = performance.now();
    for (let k = 0; k < chunk.length; k++) hashes[k] = hasher.leafHash(leaves[k]!);
    hashMs += performance.now() - t;
    for (let k = 0; k < chunk.length; k++) {
      range.push(hashes[k]!);
      if (wanted.has(from + k + 1)) roots.set(from + k + 1, range.root());
    }
  }
  return {
    hashesPerSecond: size / (hashMs / 1000),
    leavesPerSecond: size / ((serialiseMs + hashMs) / 1000),
    roots,
  };
}

// ── measurements ────────────────────────────────────────────────────────────────────────────────

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function p99(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]!;
}
const elapsed = (t0: number) => `${fmt((performance.now() - t0) / 1000, 1)} s`;

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`ledger bench: ${what}`);
}

async function benchEngine(kind: 'pglite' | 'postgres', size: number, step: number, ref: Reference) {
  const started = performance.now();
  const { database, drop } = await benchDatabase(kind, { prefix: 'mj_bench_ledger', poolSize: 2 });
  const { db } = database;
  try {
    // Bulk load: BATCH entries per transaction, only the transactions timed.
    let appendMs = 0;
    let window = { from: 0, ms: 0 };
    for (let from = 0; from < size; ) {
      const batch = entries(from, Math.min(BATCH, size - from));
      const t = performance.now();
      const got = await db.transaction((tx) => appendEntries(tx, batch, OPTIONS));
      appendMs += performance.now() - t;
      check(got[0]!.index === from, `batch at ${from} appended at ${got[0]!.index}`);
      from += batch.length;
      if (from % step === 0 || from === size) {
        // The stored root at this size must equal the one computed from the raw leaves.
        const root = (await rootHashAt(db, from)).rootHash;
        check(root === toHex(ref.roots.get(from)!), `root at ${from} differs from the raw-leaf root`);
        const recent = (from - window.from) / ((appendMs - window.ms) / 1000);
        window = { from, ms: appendMs };
        console.log(
          `  ${kind} ${fmt(from)} / ${fmt(size)} entries: ${fmt(recent)} entries/s since the last line, ${fmt(from / (appendMs / 1000))} overall; ${elapsed(started)}`,
        );
      }
    }
    const bulkRate = size / (appendMs / 1000);

    // Proofs at size N.
    const rootN = fromHex((await rootHashAt(db, size)).rootHash);
    const rootTimes: number[] = [];
    for (let k = 0; k < 20; k++) {
      const t = performance.now();
      await rootHashAt(db, size);
      rootTimes.push(performance.now() - t);
    }
    const rnd = randomInts(kind === 'pglite' ? 7 : 11);
    const hasher = await createLeafHasher(ALG);
    const inclusionTimes: number[] = [];
    for (let k = 0; k < PROOFS; k++) {
      const index = rnd(0, size - 1);
      const t = performance.now();
      const p = await inclusionProof(db, index, size);
      inclusionTimes.push(performance.now() - t);
      // The leaf is recomputed from the regenerated entry, not taken from the store.
      const leaf = hasher.leafHash(canonicalJsonBytes(benchEntry(index)));
      check(bytesEqual(fromHex(p.leafHash), leaf), `leaf hash of entry ${index} differs`);
      check(
        verifyInclusion(ALG, {
          index,
          treeSize: size,
          leafHash: leaf,
          auditPath: p.auditPath.map(fromHex),
          rootHash: rootN,
        }),
        `inclusion proof of ${index} in ${size} does not verify`,
      );
    }
    const consistencyTimes: number[] = [];
    for (let k = 0; k < PROOFS; k++) {
      const second = rnd(1, size);
      const first = rnd(1, second);
      const t = performance.now();
      const p = await consistencyProof(db, first, second);
      consistencyTimes.push(performance.now() - t);
      if (k < CONSISTENCY_CHECKED) {
        const [r1, r2] = [await rootHashAt(db, first), await rootHashAt(db, second)];
        check(
          verifyConsistency(ALG, {
            first,
            second,
            firstRoot: fromHex(r1.rootHash),
            secondRoot: fromHex(r2.rootHash),
            proof: p.proof.map(fromHex),
          }),
          `consistency proof ${first} → ${second} does not verify`,
        );
      }
    }

    // One entry per transaction, as a case step appends, on top of the N-entry log.
    const singleTimes: number[] = [];
    for (let k = 0; k < SINGLES; k++) {
      const e = benchEntry(size + k);
      const t = performance.now();
      const got = await db.transaction((tx) => appendEntry(tx, e, OPTIONS));
      singleTimes.push(performance.now() - t);
      check(got.index === size + k, `single append ${k} at ${got.index}`);
    }
    const singleRate = SINGLES / (singleTimes.reduce((a, b) => a + b, 0) / 1000);
    // Still the same tree: the old root is consistent with the grown one.
    const grown = size + SINGLES;
    const grownProof = await consistencyProof(db, size, grown);
    check(
      verifyConsistency(ALG, {
        first: size,
        second: grown,
        firstRoot: rootN,
        secondRoot: fromHex((await rootHashAt(db, grown)).rootHash),
        proof: grownProof.proof.map(fromHex),
      }),
      `consistency ${size} → ${grown} after single appends does not verify`,
    );

    const ms = (xs: number[]) => `mean ${fmt(mean(xs), 2)} ms, p99 ${fmt(p99(xs), 2)} ms`;
    console.log(
      `${kind.padEnd(8)} append, ${BATCH} entries per transaction: ${fmt(bulkRate)} entries/s (${fmt(size)} entries in ${fmt(appendMs / 1000, 1)} s); ours ÷ raw SM3 ${fmt(bulkRate / ref.hashesPerSecond, 4)}, ÷ JSON + SM3 ${fmt(bulkRate / ref.leavesPerSecond, 3)}`,
    );
    console.log(
      `${kind.padEnd(8)} append, 1 entry per transaction at ${fmt(size)}: ${fmt(singleRate)} appends/s (${fmt(SINGLES)} in sequence; ${ms(singleTimes)}); ours ÷ raw SM3 ${fmt(singleRate / ref.hashesPerSecond, 5)}`,
    );
    console.log(
      `${kind.padEnd(8)} at ${fmt(size)}: inclusion proof ${ms(inclusionTimes)}; consistency proof ${ms(consistencyTimes)} (${PROOFS} random each); root ${ms(rootTimes)}`,
    );
    console.log(
      `${kind.padEnd(8)} root at ${fmt(size)}: ${toHex(rootN)} (= raw-leaf root; ${PROOFS} inclusion and ${CONSISTENCY_CHECKED} consistency proofs verified); total ${elapsed(started)}`,
    );
  } finally {
    await drop();
  }
}

export async function benchLedger() {
  const size = Number(process.env.BENCH_LEDGER_SIZE ?? 1_000_000);
  if (!Number.isSafeInteger(size) || size < 2)
    throw new Error(`BENCH_LEDGER_SIZE must be an integer ≥ 2, got ${size}`);
  // Progress every 100k entries, or every tenth of a smaller run (whole batches).
  const step = Math.min(100_000, Math.max(BATCH, Math.ceil(size / 10 / BATCH) * BATCH));
  const checkpoints = Array.from({ length: Math.floor(size / step) }, (_, k) => (k + 1) * step);
  console.log(`\n## Ledger (RFC 9162 Merkle log, SM3, ${fmt(size)} evidence.file entries)`);
  const started = performance.now();
  const ref = await rawReference(size, checkpoints);
  console.log(
    `reference, raw SM3 of the same ${fmt(size)} leaves (H(0x00 || leaf), hash-wasm): ${fmt(ref.hashesPerSecond)} leaves/s; with their RFC 8785 serialisation: ${fmt(ref.leavesPerSecond)} leaves/s`,
  );
  // BENCH_LEDGER_DB=pglite (or postgres) runs one engine; both by default, as the other benches do.
  const only = process.env.BENCH_LEDGER_DB;
  for (const kind of ['pglite', 'postgres'] as const) {
    if (!only || only === kind) await benchEngine(kind, size, step, ref);
  }
  console.log(`ledger bench total ${elapsed(started)}`);
}
