import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { hashHex, leafHash, rootHash, toHex, verifyConsistency, verifyInclusion } from '../crypto/index.ts';
import { type Database, openDatabase, queryRows } from '../db/index.ts';
import { masterKeyFromBytes } from '../keys/master-key.ts';
import { entryLeafBytes, type LedgerEntryInput } from './entry.ts';
import { startLedgerJobs, stopLedgerJobs } from './jobs.ts';
import {
  appendEntries,
  appendEntry,
  consistencyProof,
  currentTreeHead,
  inclusionProof,
  type LedgerDeps,
  ledgerInfo,
  rootHashAt,
  signTreeHeadIfGrown,
} from './service.ts';
import { verifySignedTreeHead } from './sth.ts';

// The service on an in-memory PGlite, checked against the platform's in-memory RFC 9162 tree
// (merkle.ts). The HTTP tests (test/api-ledger.test.ts) check the same with an independent verifier.

const entry = (i: number): LedgerEntryInput => ({
  kind: 'case.event',
  recordId: String(i + 1),
  contentHash: hashHex('sm3', new TextEncoder().encode(`event ${i}`)),
  caseId: randomUUID(),
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
});

const deps = (): LedgerDeps => {
  const key = masterKeyFromBytes(randomBytes(32));
  return { masterKey: () => key, hashAlgorithm: () => 'sm3' };
};

describe('ledger service (PGlite)', () => {
  let one: Database;
  let batched: Database;
  before(async () => {
    [one, batched] = await Promise.all([openDatabase({ dataDir: null }), openDatabase({ dataDir: null })]);
  });
  after(async () => {
    await Promise.all([one?.close(), batched?.close()]);
  });

  test('single and batched appends store the same nodes; roots and proofs match the in-memory tree', async () => {
    const entries = Array.from({ length: 37 }, (_, i) => entry(i));
    for (const e of entries) await one.db.transaction((tx) => appendEntry(tx, e));
    // The same entries in batches of 1, 2, 3, …
    for (let i = 0, k = 1; i < entries.length; i += k, k++) {
      const got = await batched.db.transaction((tx) => appendEntries(tx, entries.slice(i, i + k)));
      assert.deepEqual(
        got.map((g) => g.index),
        entries.slice(i, i + k).map((_, j) => i + j),
      );
    }
    const nodes = async (d: Database) =>
      queryRows(
        d.db,
        sql`select level, index::text, encode(hash, 'hex') as hash from ledger_nodes order by level, index`,
      );
    assert.deepEqual(await nodes(batched), await nodes(one));

    const leaves = entries.map((e) => leafHash('sm3', entryLeafBytes(e)));
    assert.deepEqual(await ledgerInfo(one.db), { size: 37, hashAlgorithm: 'sm3' });
    for (let n = 1; n <= 37; n++) {
      const root = rootHash('sm3', leaves.slice(0, n));
      assert.equal((await rootHashAt(one.db, n)).rootHash, toHex(root), `root ${n}`);
      for (const i of [0, n >> 1, n - 1]) {
        const p = await inclusionProof(one.db, i, n);
        assert.equal(p.leafHash, toHex(leaves[i]!));
        const auditPath = p.auditPath.map((h) => Buffer.from(h, 'hex'));
        assert.ok(
          verifyInclusion('sm3', { index: i, treeSize: n, leafHash: leaves[i]!, auditPath, rootHash: root }),
        );
      }
      for (const m of [1, n >> 1, n - 1].filter((m) => m >= 1 && m < n)) {
        const c = await consistencyProof(one.db, m, n);
        const proof = c.proof.map((h) => Buffer.from(h, 'hex'));
        const firstRoot = rootHash('sm3', leaves.slice(0, m));
        assert.ok(verifyConsistency('sm3', { first: m, second: n, firstRoot, secondRoot: root, proof }));
      }
    }
    assert.equal((await rootHashAt(one.db, 0)).rootHash, hashHex('sm3', new Uint8Array(0)));
  });

  test('appendEntry refuses to run outside a transaction and writes nothing', async () => {
    const before = await ledgerInfo(one.db);
    await assert.rejects(appendEntry(one.db, entry(99)), /inside a transaction/);
    assert.deepEqual(await ledgerInfo(one.db), before);
  });

  test('a head is signed once per size, with a key created once and sealed by the master key', async () => {
    const d = deps();
    const first = await signTreeHeadIfGrown(one.db, d);
    assert.equal(first.signed, true);
    assert.equal(first.head.treeSize, 37);
    assert.ok(verifySignedTreeHead(first.head));
    const again = await signTreeHeadIfGrown(one.db, d);
    assert.equal(again.signed, false);
    assert.deepEqual(again.head, first.head);
    assert.deepEqual(await currentTreeHead(one.db, d), first.head);

    const keys = await queryRows<{ public_key_hex: string; private_key_sealed: string }>(
      one.db,
      sql`select public_key_hex, private_key_sealed from ledger_keys`,
    );
    assert.equal(keys.length, 1);
    assert.equal(keys[0]!.public_key_hex, first.head.publicKey);
    assert.match(keys[0]!.private_key_sealed, /^v1\./);

    await one.db.transaction((tx) => appendEntry(tx, entry(37)));
    const next = await currentTreeHead(one.db, d);
    assert.equal(next.treeSize, 38);
    assert.equal(next.publicKey, first.head.publicKey, 'the same platform key');
    assert.ok(next.timestamp > first.head.timestamp);
    // Another master key cannot open the sealed private key: nothing is signed with a wrong key.
    await one.db.transaction((tx) => appendEntry(tx, entry(38)));
    await assert.rejects(signTreeHeadIfGrown(one.db, deps()));
    assert.equal((await currentTreeHead(one.db, d)).treeSize, 39);
  });

  test('the job signs when the log grew and not otherwise; stop waits and ends the timer', async () => {
    const d = deps();
    const jobs = startLedgerJobs(batched, d, { intervalMs: 60_000 });
    try {
      const h = (await jobs.runOnce()) ?? (await currentTreeHead(batched.db, d));
      assert.equal(h.treeSize, 37);
      assert.equal(await jobs.runOnce(), null);
      await batched.db.transaction((tx) => appendEntry(tx, entry(37)));
      const grown = await jobs.runOnce();
      assert.equal(grown?.treeSize, 38);
      assert.ok(grown && verifySignedTreeHead(grown));
    } finally {
      await stopLedgerJobs(jobs);
    }
    await stopLedgerJobs(undefined);
  });
});
