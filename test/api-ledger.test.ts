import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { sm2PublicKeyToPem, sm2Verify } from '../src/platform/crypto/index.ts';
import { type Database, openDatabase, queryRows } from '../src/platform/db/index.ts';
import {
  appendEntry,
  type LedgerEntryInput,
  ledgerDeps,
  startLedgerJobs,
  stopLedgerJobs,
} from '../src/platform/ledger/index.ts';
import { TEST_DB } from './helpers/database.ts';
import { Client, startServer, type TestServer } from './helpers/server.ts';

// The public ledger over real HTTP: entries appended through the service inside transactions, every
// proof checked by a verifier written here from RFC 9162 (not the platform's merkle.ts), every signed
// tree head checked with sm2Verify and with the OpenSSL command line.

// ── an independent RFC 9162 implementation ──────────────────────────────────────────────────────
type Alg = 'sm3' | 'sha256';
const H = (alg: Alg, ...parts: Buffer[]): Buffer => {
  const h = crypto.createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest();
};
const hex = (b: Buffer): string => b.toString('hex');
const unhex = (s: string): Buffer => Buffer.from(s, 'hex');

/** RFC 8785 for a flat object of strings and nulls: keys sorted by UTF-16 code units, JSON strings. */
function canonicalFlat(entry: Record<string, string | null>): string {
  const keys = Object.keys(entry).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(entry[k])}`).join(',')}}`;
}
const leafOf = (alg: Alg, entry: Record<string, string | null>): Buffer =>
  H(alg, Buffer.from([0]), Buffer.from(canonicalFlat(entry), 'utf8'));

/** MTH(D[n]) by the recursive definition of RFC 9162 §2.1.1, over leaf hashes. */
function mth(alg: Alg, leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return H(alg);
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return H(alg, Buffer.from([1]), mth(alg, leaves.slice(0, k)), mth(alg, leaves.slice(k)));
}

/** RFC 9162 §2.1.3.2, step by step. */
function verifyInclusionRfc(
  alg: Alg,
  index: number,
  treeSize: number,
  leaf: Buffer,
  path: Buffer[],
  root: Buffer,
): boolean {
  if (index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = H(alg, Buffer.from([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = H(alg, Buffer.from([1]), r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2, step by step (0 < first < second). */
function verifyConsistencyRfc(
  alg: Alg,
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: Buffer[],
): boolean {
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = H(alg, Buffer.from([1]), c, fr);
      sr = H(alg, Buffer.from([1]), c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = H(alg, Buffer.from([1]), sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

// The verifier must reject what it should, or the checks below prove nothing.
test('the test verifier itself rejects a wrong leaf, path, root or size', () => {
  const leaves = [...Array(7).keys()].map((i) => H('sm3', Buffer.from([0, i])));
  const root = mth('sm3', leaves);
  // PATH(2, D[7]) by hand: sibling leaf 3, then MTH(D[0:2]), then MTH(D[4:7]).
  const path = [leaves[3]!, mth('sm3', leaves.slice(0, 2)), mth('sm3', leaves.slice(4))];
  assert.equal(verifyInclusionRfc('sm3', 2, 7, leaves[2]!, path, root), true);
  assert.equal(verifyInclusionRfc('sm3', 3, 7, leaves[2]!, path, root), false);
  assert.equal(verifyInclusionRfc('sm3', 2, 3, leaves[2]!, path, root), false);
  assert.equal(verifyInclusionRfc('sm3', 2, 7, leaves[1]!, path, root), false);
  assert.equal(verifyInclusionRfc('sm3', 2, 7, leaves[2]!, path.slice(1), root), false);
  // PROOF(3, D[7]): leaf 2, leaf 3, MTH(D[0:2]), MTH(D[4:7]).
  const proof = [leaves[2]!, leaves[3]!, mth('sm3', leaves.slice(0, 2)), mth('sm3', leaves.slice(4))];
  const r3 = mth('sm3', leaves.slice(0, 3));
  assert.equal(verifyConsistencyRfc('sm3', 3, 7, r3, root, proof), true);
  assert.equal(verifyConsistencyRfc('sm3', 3, 7, root, root, proof), false);
  assert.equal(verifyConsistencyRfc('sm3', 3, 7, r3, root, proof.slice(0, 3)), false);
});

// ── OpenSSL ──────────────────────────────────────────────────────────────────────────────────────
const DISTID = 'distid:1234567812345678';
function openssl(cwd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}
function opensslVerify(dir: string, publicKeyHex: string, msg: Buffer, sigHex: string) {
  writeFileSync(path.join(dir, 'pub.pem'), sm2PublicKeyToPem(publicKeyHex));
  writeFileSync(path.join(dir, 'msg'), msg);
  writeFileSync(path.join(dir, 'sig'), unhex(sigHex));
  const r = openssl(dir, [
    'pkeyutl',
    '-verify',
    '-pubin',
    '-inkey',
    'pub.pem',
    '-rawin',
    '-in',
    'msg',
    '-sigfile',
    'sig',
    '-digest',
    'sm3',
    '-pkeyopt',
    DISTID,
  ]);
  return { ok: r.ok && r.out.includes('Signature Verified Successfully'), out: r.out };
}
/** Judged by OpenSSL alone: can it sign and verify SM2 with a distinguishing ID? Null if so. */
function opensslSm2Unsupported(dir: string): string | null {
  const v = openssl(dir, ['version']);
  if (!v.ok) return `openssl not runnable: ${v.out.trim()}`;
  writeFileSync(path.join(dir, 'probe'), 'probe');
  const steps = [
    ['genpkey', '-algorithm', 'SM2', '-out', 'k.pem'],
    ['pkey', '-in', 'k.pem', '-pubout', '-out', 'p.pem'],
    [
      'pkeyutl',
      '-sign',
      '-inkey',
      'k.pem',
      '-rawin',
      '-in',
      'probe',
      '-out',
      's',
      '-digest',
      'sm3',
      '-pkeyopt',
      DISTID,
    ],
    [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'p.pem',
      '-rawin',
      '-in',
      'probe',
      '-sigfile',
      's',
      '-digest',
      'sm3',
      '-pkeyopt',
      DISTID,
    ],
  ];
  for (const args of steps) {
    const r = openssl(dir, args);
    if (!r.ok) return `${v.out.trim()} cannot run "openssl ${args.join(' ')}": ${r.out.trim()}`;
  }
  return null;
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────
interface Sth {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  hashAlgorithm: Alg;
  signatureAlgorithm: string;
  signature: string;
  publicKey: string;
}
/** The signed bytes, built here independently: RFC 8785 of {treeSize, rootHash, timestamp}. */
const sthMessage = (h: Sth): Buffer =>
  Buffer.from(
    `{"rootHash":${JSON.stringify(h.rootHash)},"timestamp":${JSON.stringify(h.timestamp)},"treeSize":${h.treeSize}}`,
  );

function checkSth(h: Sth): void {
  assert.deepEqual(Object.keys(h).sort(), [
    'hashAlgorithm',
    'publicKey',
    'rootHash',
    'signature',
    'signatureAlgorithm',
    'timestamp',
    'treeSize',
  ]);
  assert.match(h.rootHash, /^[0-9a-f]{64}$/);
  assert.match(h.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  assert.equal(h.signatureAlgorithm, 'sm2-sm3');
  assert.equal(sm2Verify(h.publicKey, sthMessage(h), h.signature), true, `STH ${h.treeSize} signature`);
  const forged = { ...h, treeSize: h.treeSize + 1 };
  assert.equal(sm2Verify(h.publicKey, sthMessage(forged), h.signature), false);
}

let n = 0;
/** A valid entry: ids and hashes only. */
function sampleEntry(kind = 'case.event'): LedgerEntryInput {
  n++;
  return {
    kind,
    recordId: crypto.randomUUID(),
    contentHash: crypto.createHash('sm3').update(`record ${n}`).digest('hex'),
    caseId: n % 3 === 0 ? null : crypto.randomUUID(),
    at: new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString(),
    ...(n % 2 === 0 ? { sequence: String(n), agencyId: crypto.randomUUID() } : {}),
  };
}

async function appendInTx(db: Database['db'], count: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await appendEntry(tx, sampleEntry())).index);
    return out;
  });
}

/** Runs `fn` over `items` with at most `width` requests in flight. */
async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

interface LogView {
  size: number;
  leaves: Buffer[];
  entries: { index: number; entry: Record<string, string | null>; leafHash: string }[];
}

/** The whole log through the public API, pages of up to 1000, each leaf recomputed here. */
async function readLog(anon: Client, alg: Alg, size: number): Promise<LogView> {
  const entries: LogView['entries'] = [];
  while (entries.length < size) {
    const r = await anon.get(`/api/ledger/entries?start=${entries.length}&end=${size - 1}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.body.entries.length > 0 && r.body.entries.length <= 1000);
    entries.push(...r.body.entries);
  }
  entries.forEach((e, i) => {
    assert.equal(e.index, i, 'gap-free, in order');
    assert.equal(e.leafHash, hex(leafOf(alg, e.entry)), `leaf ${i} is H(0x00 || RFC 8785 entry)`);
  });
  return { size, entries, leaves: entries.map((e) => unhex(e.leafHash)) };
}

async function checkAllProofs(
  anon: Client,
  alg: Alg,
  log: LogView,
): Promise<{ inclusion: number; consistency: number }> {
  const roots = [H(alg)];
  for (let s = 1; s <= log.size; s++) roots.push(mth(alg, log.leaves.slice(0, s)));
  // Every index of the whole tree; in every smaller tree its first, middle and last leaf and a few at
  // random. The stored-node proofs are checked at every position of every size by the unit tests
  // (platform/crypto/merkle.test.ts, "stored-node generators"); here the HTTP answers are, over every size the log had.
  const sizes = [...Array(log.size).keys()].map((i) => i + 1);
  /** `fixed` and three random numbers in [lo, hi], without repeats (none when the range is empty). */
  const some = (lo: number, hi: number, fixed: number[]) =>
    hi < lo
      ? []
      : [
          ...new Set(
            [...fixed, ...Array.from({ length: 3 }, () => lo + crypto.randomInt(hi - lo + 1))].filter(
              (i) => i >= lo && i <= hi,
            ),
          ),
        ];
  const inclusion = [
    ...[...Array(log.size).keys()].map((i) => [i, log.size] as const),
    ...sizes
      .filter((s) => s < log.size)
      .flatMap((s) => some(0, s - 1, [0, s >> 1, s - 1]).map((i) => [i, s] as const)),
  ];
  await pool(inclusion, 8, async ([i, s]) => {
    const r = await anon.get(`/api/ledger/proof/inclusion?index=${i}&treeSize=${s}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.body).sort(), ['auditPath', 'index', 'leafHash', 'treeSize']);
    assert.equal(r.body.index, i);
    assert.equal(r.body.treeSize, s);
    assert.equal(r.body.leafHash, log.entries[i]!.leafHash);
    const ok = verifyInclusionRfc(alg, i, s, unhex(r.body.leafHash), r.body.auditPath.map(unhex), roots[s]!);
    assert.ok(ok, `inclusion of ${i} in ${s}`);
  });
  // From every size to the whole tree; into every size from its predecessor, the first size, its half and
  // a few at random.
  const pairs = [
    ...new Map(
      sizes.flatMap((b) =>
        [
          ...(b < log.size ? [[b, log.size] as const] : []),
          ...some(1, b - 1, [1, b >> 1, b - 1]).map((a) => [a, b] as const),
        ].map(([a, b2]) => [`${a}-${b2}`, [a, b2] as const] as const),
      ),
    ).values(),
  ];
  await pool(pairs, 8, async ([a, b]) => {
    const r = await anon.get(`/api/ledger/proof/consistency?first=${a}&second=${b}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.first, a);
    assert.deepEqual(r.body.second, b);
    const ok = verifyConsistencyRfc(alg, a, b, roots[a]!, roots[b]!, r.body.proof.map(unhex));
    assert.ok(ok, `consistency ${a} → ${b}`);
  });
  return { inclusion: inclusion.length, consistency: pairs.length };
}

async function committedSize(db: Database['db']): Promise<number> {
  const [r] = await queryRows<{ size: string | number }>(
    db,
    sql`select coalesce(max(size), 0) as size from ledger_state`,
  );
  return Number(r?.size ?? 0);
}

// ── the tests ────────────────────────────────────────────────────────────────────────────────────
describe(`ledger over HTTP (${TEST_DB})`, () => {
  let server: TestServer;
  let anon: Client;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mingjing-ledger-'));
  let opensslProblem: string | null = null;

  before(async () => {
    server = await startServer();
    anon = new Client(server.url);
    opensslProblem = opensslSm2Unsupported(dir);
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const requireOpenssl = (t: TestContext): boolean => {
    if (!opensslProblem) return true;
    const msg = `OpenSSL SM2 cross-check NOT RUN: ${opensslProblem}`;
    if (process.env.CI === 'true') assert.fail(`${msg} (CI=true: OpenSSL 3 with SM2 is required)`);
    console.error(`\n${'!'.repeat(100)}\n!!! ${msg}\n${'!'.repeat(100)}\n`);
    t.skip(msg);
    return false;
  };

  test('the head of the log as it starts is signed (the empty tree: MTH = H())', async () => {
    const r = await anon.get('/api/ledger/sth');
    assert.equal(r.status, 200, r.text);
    const h = r.body as Sth;
    checkSth(h);
    assert.equal(h.hashAlgorithm, 'sm3');
    const size = await committedSize(server.database.db);
    assert.equal(h.treeSize, size);
    if (size === 0)
      assert.equal(h.rootHash, '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  test('70 entries in several transactions: inclusion and consistency proofs over every tree size verify (RFC 9162)', async () => {
    const base = await committedSize(server.database.db);
    // Batches of 1, 2, 3, … with a head asked for between them, so heads exist at several sizes.
    let appended = 0;
    for (let batch = 1; appended < 70; batch++) {
      const k = Math.min(batch, 70 - appended);
      const idx = await appendInTx(server.database.db, k);
      assert.deepEqual(
        idx,
        [...Array(k).keys()].map((i) => base + appended + i),
      );
      appended += k;
      const sth = await anon.get('/api/ledger/sth');
      assert.equal(sth.body.treeSize, base + appended, 'signed on demand for the new size');
    }
    const size = base + 70;
    const log = await readLog(anon, 'sm3', size);
    const counts = await checkAllProofs(anon, 'sm3', log);
    // Every leaf of the whole tree, and at least three per earlier size; every size consistent.
    assert.ok(counts.inclusion >= size + 3 * (size - 3), JSON.stringify(counts));
    assert.ok(counts.consistency >= 2 * (size - 2), JSON.stringify(counts));

    const sth = (await anon.get('/api/ledger/sth')).body as Sth;
    checkSth(sth);
    assert.equal(sth.treeSize, size);
    assert.equal(sth.rootHash, hex(mth('sm3', log.leaves)));
    // Entries carry ids, hashes, times and codes only.
    for (const { entry } of log.entries) {
      for (const [k, v] of Object.entries(entry)) {
        if (v === null) continue;
        assert.match(
          v,
          /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}|\d+|\d{4}-\d\d-\d\dT[\d:.]+Z|[a-z][a-z0-9_.-]*)$/,
          k,
        );
      }
    }
  });

  test('every signed head is kept, verifies, and its root is the MTH of its prefix; heads are consistent', async () => {
    const size = await committedSize(server.database.db);
    const log = await readLog(anon, 'sm3', size);
    const heads: Sth[] = [];
    for (let page = 1; ; page++) {
      const r = await anon.get(`/api/ledger/sth/history?page=${page}&pageSize=5`);
      assert.equal(r.status, 200, r.text);
      heads.push(...r.body.items);
      if (heads.length >= r.body.total) break;
    }
    assert.ok(heads.length >= 12, `${heads.length} heads`);
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      checkSth(h);
      assert.equal(h.rootHash, hex(mth('sm3', log.leaves.slice(0, h.treeSize))), `head ${h.treeSize}`);
      if (i > 0) {
        assert.ok(h.treeSize < heads[i - 1]!.treeSize, 'newest first, one head per size');
        assert.ok(h.timestamp < heads[i - 1]!.timestamp, 'timestamps increase with the size');
      }
    }
    // Consistency between consecutive heads, as an auditor following the log would check it.
    for (let i = 1; i < heads.length; i++) {
      const [newer, older] = [heads[i - 1]!, heads[i]!];
      if (older.treeSize === 0) continue;
      const r = await anon.get(
        `/api/ledger/proof/consistency?first=${older.treeSize}&second=${newer.treeSize}`,
      );
      assert.ok(
        verifyConsistencyRfc(
          'sm3',
          older.treeSize,
          newer.treeSize,
          unhex(older.rootHash),
          unhex(newer.rootHash),
          r.body.proof.map(unhex),
        ),
      );
    }
  });

  test('OpenSSL verifies the signed tree head (SM2, SM3, distid 1234567812345678) and refuses a forgery', async (t) => {
    if (!requireOpenssl(t)) return;
    const h = (await anon.get('/api/ledger/sth')).body as Sth;
    const ok = opensslVerify(dir, h.publicKey, sthMessage(h), h.signature);
    assert.ok(ok.ok, ok.out);
    const bad = opensslVerify(dir, h.publicKey, sthMessage({ ...h, rootHash: '00'.repeat(32) }), h.signature);
    assert.equal(bad.ok, false, bad.out);
  });

  test('out-of-range and malformed requests get 400 naming the field', async () => {
    const size = await committedSize(server.database.db);
    const cases: [string, string, string][] = [
      [`/api/ledger/proof/inclusion?index=${size}&treeSize=${size}`, 'INVALID_RANGE', 'index'],
      [`/api/ledger/proof/inclusion?index=0&treeSize=${size + 1}`, 'INVALID_RANGE', 'treeSize'],
      ['/api/ledger/proof/inclusion?index=0&treeSize=0', 'INVALID_RANGE', 'treeSize'],
      [`/api/ledger/proof/consistency?first=0&second=${size}`, 'INVALID_RANGE', 'first'],
      ['/api/ledger/proof/consistency?first=5&second=4', 'INVALID_RANGE', 'first'],
      [`/api/ledger/proof/consistency?first=1&second=${size + 1}`, 'INVALID_RANGE', 'second'],
      [`/api/ledger/entries?start=${size}&end=${size + 5}`, 'INVALID_RANGE', 'start'],
      ['/api/ledger/entries?start=5&end=4', 'INVALID_RANGE', 'end'],
    ];
    for (const [url, code, field] of cases) {
      const r = await anon.get(url);
      assert.equal(r.status, 400, `${url}: ${r.text}`);
      assert.equal(r.body.error.code, code, url);
      assert.equal(r.body.error.field, field, url);
      assert.match(r.body.error.message, new RegExp(field), url);
    }
    for (const url of [
      '/api/ledger/proof/inclusion?index=-1&treeSize=3',
      '/api/ledger/proof/inclusion?index=abc&treeSize=3',
      '/api/ledger/proof/inclusion?index=1.5&treeSize=3',
      '/api/ledger/proof/inclusion?treeSize=3',
      '/api/ledger/proof/consistency?first=1',
      '/api/ledger/entries?start=0',
      '/api/ledger/entries?start=0&end=1&extra=1',
      '/api/ledger/proof/inclusion?index=0&treeSize=99999999999999999999',
    ]) {
      const r = await anon.get(url);
      assert.equal(r.status, 400, `${url}: ${r.text}`);
    }
    // first = second is the empty proof; a page larger than 1000 is cut, not refused.
    const same = await anon.get(`/api/ledger/proof/consistency?first=${size}&second=${size}`);
    assert.equal(same.status, 200);
    assert.deepEqual(same.body.proof, []);
    const page = await anon.get(`/api/ledger/entries?start=0&end=${size + 5000}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.entries.length, Math.min(size, 1000));
  });

  test('an entry with personal data or an unknown field is refused and leaves no gap', async () => {
    const before = await committedSize(server.database.db);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...sampleEntry(), partyName: '张三' }, 'partyName'],
      [{ ...sampleEntry(), phone: '13800000000' }, 'phone'],
      [{ ...sampleEntry(), recordId: '张三' }, 'recordId'],
      [{ ...sampleEntry(), contentHash: 'ABCD' }, 'contentHash'],
      [{ ...sampleEntry(), at: '2026-01-01 10:00' }, 'at'],
      [{ ...sampleEntry(), agencyId: '340321199001011234' }, 'agencyId'],
    ];
    for (const [entry, field] of bad) {
      await assert.rejects(
        server.database.db.transaction((tx) => appendEntry(tx, entry as LedgerEntryInput)),
        (e: { code?: string; field?: string }) => e.code === 'LEDGER_ENTRY_INVALID' && e.field === field,
      );
    }
    // Outside a transaction the lock would not be held: refused before anything is written.
    await assert.rejects(appendEntry(server.database.db, sampleEntry()), /inside a transaction/);
    assert.equal(await committedSize(server.database.db), before);
  });

  test('a rolled-back transaction leaves no entry and no gap', async () => {
    const before = await committedSize(server.database.db);
    const recordId = crypto.randomUUID();
    await assert.rejects(
      server.database.db.transaction(async (tx) => {
        await appendEntry(tx, { ...sampleEntry(), recordId });
        await appendEntry(tx, sampleEntry());
        throw new Error('the record failed after its ledger entry');
      }),
      /record failed/,
    );
    assert.equal(await committedSize(server.database.db), before);
    assert.deepEqual((await anon.get(`/api/ledger/records/${recordId}`)).body.entries, []);
    const [next] = await appendInTx(server.database.db, 1);
    assert.equal(next, before, 'the next append takes the index the rolled-back one had');
    const log = await readLog(anon, 'sm3', before + 1);
    const sth = (await anon.get('/api/ledger/sth')).body as Sth;
    assert.equal(sth.rootHash, hex(mth('sm3', log.leaves)));
    // A record's entries are found by its id.
    const last = log.entries[before]!;
    const found = await anon.get(`/api/ledger/records/${last.entry.recordId}`);
    assert.deepEqual(found.body.entries, [last]);
  });

  test('the log is append-only in the database too', async () => {
    for (const stmt of [
      sql`update ledger_entries set entry = '{}'::jsonb where index = 0`,
      sql`delete from ledger_nodes where level = 0 and index = 0`,
      sql`delete from ledger_heads`,
      sql`update ledger_state set size = 0`,
      sql`truncate ledger_entries`,
    ]) {
      await assert.rejects(server.database.db.execute(stmt), (e: Error & { cause?: Error }) =>
        /append-only|only grows/.test(`${e.message} ${e.cause?.message ?? ''}`),
      );
    }
  });

  test('20 concurrent transactions from two connection pools (two processes) give a gap-free, fork-free log', async () => {
    const url = (server.database as Database & { url?: string }).url;
    // On PostgreSQL a second pool is a second "process"; PGlite has one connection and serialises.
    const second: Database | null = url ? await openDatabase({ databaseUrl: url, poolSize: 10 }) : null;
    try {
      const before = await committedSize(server.database.db);
      const dbs = [server.database.db, (second ?? server.database).db];
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          dbs[i % 2]!.transaction(async (tx) => {
            // Some work before the append, so that transactions overlap.
            await tx.execute(sql`select pg_sleep(${(i % 5) * 0.01})`);
            const a = await appendEntry(tx, sampleEntry('evidence.file'));
            const b = i % 4 === 0 ? await appendEntry(tx, sampleEntry('document.version')) : null;
            await tx.execute(sql`select pg_sleep(0.005)`);
            if (i % 7 === 3) throw new Error('rolled back on purpose');
            return [a.index, b?.index].filter((x) => x !== undefined);
          }),
        ),
      );
      const committed = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      const rolledBack = results.filter((r) => r.status === 'rejected');
      for (const r of rolledBack) assert.match(String((r as PromiseRejectedResult).reason), /on purpose/);
      assert.equal(rolledBack.length, 3);
      const size = await committedSize(server.database.db);
      assert.equal(size, before + committed.length);
      assert.deepEqual(
        [...committed].sort((x, y) => x - y),
        [...Array(committed.length).keys()].map((i) => before + i),
        'the committed transactions hold exactly the next indices',
      );
      const [counts] = await queryRows<{ entries: string; nodes: string; leaves: string }>(
        server.database.db,
        sql`select (select count(*) from ledger_entries) as entries, (select count(*) from ledger_nodes) as nodes,
                   (select count(*) from ledger_nodes where level = 0) as leaves`,
      );
      assert.equal(Number(counts!.entries), size);
      assert.equal(Number(counts!.leaves), size);
      // Perfect subtrees of a log of size n: Σ_k floor(n / 2^k).
      let expectedNodes = 0;
      for (let k = 1; k <= size; k *= 2) expectedNodes += Math.floor(size / k);
      assert.equal(Number(counts!.nodes), expectedNodes);
      const log = await readLog(anon, 'sm3', size);
      const sth = (await anon.get('/api/ledger/sth')).body as Sth;
      checkSth(sth);
      assert.equal(sth.treeSize, size);
      assert.equal(sth.rootHash, hex(mth('sm3', log.leaves)), 'root = recomputation from all leaves');
      // Proofs over the concurrently written part still verify against the recomputed roots.
      const root = mth('sm3', log.leaves);
      for (let i = before; i < size; i++) {
        const r = await anon.get(`/api/ledger/proof/inclusion?index=${i}&treeSize=${size}`);
        assert.ok(verifyInclusionRfc('sm3', i, size, log.leaves[i]!, r.body.auditPath.map(unhex), root));
      }
    } finally {
      await second?.close();
    }
  });

  test('the signing job signs a head after the log grows, once, and stops cleanly', async () => {
    const deps = ledgerDeps({ config: server.config });
    const jobs = startLedgerJobs(server.database, deps, { intervalMs: 50 });
    try {
      await appendInTx(server.database.db, 3);
      const size = await committedSize(server.database.db);
      const deadline = Date.now() + 10_000;
      let covered = false;
      while (!covered && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 25));
        const [h] = await queryRows<{ n: string }>(
          server.database.db,
          sql`select count(*) as n from ledger_heads where tree_size = ${size}`,
        );
        covered = Number(h!.n) === 1;
      }
      assert.ok(covered, 'a head for the new size without anyone asking /sth');
      // Nothing to sign while the log stays as it is. (Under load another entry can land meanwhile — then
      // the job must sign exactly the new size, not skip it.)
      // runOnce joins a round still in flight (the one whose head was just seen committed): it may answer
      // that head; what matters is that the size is signed exactly once.
      const again = await jobs.runOnce();
      const now = await committedSize(server.database.db);
      const [heads] = await queryRows<{ n: string }>(
        server.database.db,
        sql`select count(*) as n from ledger_heads where tree_size = ${size}`,
      );
      assert.equal(Number(heads!.n), 1, 'the size is signed once');
      if (now === size)
        assert.ok(again === null || again.treeSize === size, 'nothing new to sign when the log did not grow');
      else assert.equal(again?.treeSize ?? now, now, 'a grown log is signed at its new size');
    } finally {
      await stopLedgerJobs(jobs);
    }
    const heads = (await anon.get('/api/ledger/sth/history?pageSize=1')).body;
    checkSth(heads.items[0]);
  });

  test('the ledger routes are public: no cookie, no CSRF', async () => {
    const r = await fetch(`${server.url}/api/ledger/sth`);
    assert.equal(r.status, 200);
    // Listed in the public API's own document, as public operations (no security).
    const doc = await anon.get('/open-api.json');
    for (const p of [
      '/api/ledger/sth',
      '/api/ledger/entries',
      '/api/ledger/proof/inclusion',
      '/api/ledger/proof/consistency',
    ]) {
      assert.ok(doc.body.paths[p], p);
      assert.deepEqual(doc.body.paths[p].get.tags, ['账本']);
    }
  });
});

describe(`ledger with SHA-256 (MINGJING_LEDGER_HASH=sha256, ${TEST_DB})`, () => {
  let server: TestServer;
  const saved = process.env.MINGJING_LEDGER_HASH;
  before(async () => {
    process.env.MINGJING_LEDGER_HASH = 'sha256';
    server = await startServer({ demo: false });
  });
  after(async () => {
    if (saved === undefined) delete process.env.MINGJING_LEDGER_HASH;
    else process.env.MINGJING_LEDGER_HASH = saved;
    await server?.close();
  });

  test('a SHA-256 log: leaves, proofs and head follow RFC 9162 with SHA-256', async () => {
    const anon = new Client(server.url);
    const empty = (await anon.get('/api/ledger/sth')).body as Sth;
    assert.equal(empty.hashAlgorithm, 'sha256');
    assert.equal(empty.rootHash, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    await appendInTx(server.database.db, 21);
    const log = await readLog(anon, 'sha256', 21);
    await checkAllProofs(anon, 'sha256', log);
    const sth = (await anon.get('/api/ledger/sth')).body as Sth;
    checkSth(sth);
    assert.equal(sth.hashAlgorithm, 'sha256');
    assert.equal(sth.rootHash, hex(mth('sha256', log.leaves)));
    // The log keeps its hash function even if the configuration changes afterwards.
    process.env.MINGJING_LEDGER_HASH = 'sm3';
    await appendInTx(server.database.db, 1);
    const after = (await anon.get('/api/ledger/sth')).body as Sth;
    assert.equal(after.hashAlgorithm, 'sha256');
    const log2 = await readLog(anon, 'sha256', 22);
    assert.equal(after.rootHash, hex(mth('sha256', log2.leaves)));
    process.env.MINGJING_LEDGER_HASH = 'sha256';
  });
});
