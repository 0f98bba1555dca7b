import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createSm2Signer, generateSm2KeyPair, hashHex, leafHash, nodeHash } from '../crypto/index.ts';
import { type Database, type Db, openDatabase, queryRows } from '../db/index.ts';
import { type MasterKey, masterKeyFromBytes } from '../keys/master-key.ts';
import { entryLeafBytes, type LedgerEntryInput } from './entry.ts';
import { appendEntries, type LedgerDeps, rootHashAt, signTreeHeadIfGrown } from './service.ts';
import { SIGNATURE_ALGORITHM, treeHeadMessage } from './sth.ts';
import {
  type CheckedEntry,
  type Discrepancy,
  nodeRangesCompletedBy,
  type RecordCheck,
  type VerifyOptions,
  verifyLedger,
} from './verify.ts';

// The verifier on a synthetic log (in-memory PGlite): untouched it finds nothing at any page size;
// each way of tampering — as someone with write access to the database would, triggers disabled —
// is reported once, with the right kind and place. test/verify.test.ts does the same with real
// records over HTTP and through the CLI.

const SIZE = 37;
/** Heads are signed when the log reaches these sizes. */
const HEAD_SIZES = [1, 5, 8, 16, 23, 37];

const entry = (i: number): LedgerEntryInput => ({
  kind: i % 3 === 0 ? 'document.version' : 'case.event',
  recordId: randomUUID(),
  contentHash: hashHex('sm3', new TextEncoder().encode(`record ${i}`)),
  caseId: randomUUID(),
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
});

class Rollback extends Error {}

/** Runs `tamper` and the verifier in one transaction that is then rolled back: tests stay independent. */
async function tampered(
  db: Db,
  tamper: (tx: Db) => Promise<void>,
  options: VerifyOptions = {},
): Promise<Discrepancy[]> {
  let found: Discrepancy[] = [];
  await assert.rejects(
    db.transaction(async (tx) => {
      // What an attacker with database access does first: switch off the append-only triggers.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tamper(tx);
      found = (await verifyLedger(tx, { pageSize: 3, ...options })).discrepancies;
      throw new Rollback();
    }),
    Rollback,
  );
  return found;
}

const kinds = (ds: Discrepancy[]) => ds.map((d) => d.kind).sort();

describe('ledger verification (PGlite)', () => {
  let database: Database;
  let db: Db;
  let masterKey: MasterKey;
  let nodes: { level: number; index: number }[];

  before(async () => {
    database = await openDatabase({ dataDir: null });
    db = database.db;
    masterKey = masterKeyFromBytes(randomBytes(32));
    const deps: LedgerDeps = { masterKey: () => masterKey, hashAlgorithm: () => 'sm3' };
    let from = 0;
    for (const to of HEAD_SIZES) {
      const batch = Array.from({ length: to - from }, (_, j) => entry(from + j));
      await db.transaction((tx) => appendEntries(tx, batch));
      await signTreeHeadIfGrown(db, deps);
      from = to;
    }
    nodes = (
      await queryRows<{ level: number; index: string }>(db, sql`select level, index from ledger_nodes`)
    ).map((r) => ({ level: Number(r.level), index: Number(r.index) }));
  });
  after(async () => {
    await database?.close();
  });

  /** The platform's head-signing key, unsealed with the master key as the signer does. */
  async function platformSigner(tx: Db) {
    const [k] = await queryRows<{ id: string; private_key_sealed: string }>(
      tx,
      sql`select id, private_key_sealed from ledger_keys`,
    );
    return createSm2Signer(masterKey.open(k!.private_key_sealed, `ledger-key:${k!.id}`).toString('hex'));
  }

  async function insertHead(
    tx: Db,
    treeSize: number,
    rootHash: string,
    timestamp: Date,
    signer?: ReturnType<typeof createSm2Signer>,
  ) {
    const s = signer ?? (await platformSigner(tx));
    const signature = s.sign(treeHeadMessage({ treeSize, rootHash, timestamp: timestamp.toISOString() }));
    await tx.execute(sql`insert into ledger_heads (tree_size, root_hash, timestamp, hash_algorithm, signature_algorithm, signature, public_key_hex)
      values (${treeSize}, decode(${rootHash}, 'hex'), ${timestamp.toISOString()}, 'sm3', ${SIGNATURE_ALGORITHM}, ${signature}, ${s.publicKeyHex})`);
  }

  /** A timestamp strictly between the heads of sizes 23 and 37, so the order check stays quiet. */
  async function between23and37(): Promise<Date> {
    const [r] = await queryRows<{ a: string; b: string }>(
      db,
      sql`select (select (extract(epoch from timestamp) * 1000)::bigint::text from ledger_heads where tree_size = 23) as a,
                 (select (extract(epoch from timestamp) * 1000)::bigint::text from ledger_heads where tree_size = 37) as b`,
    );
    const a = Number(r!.a);
    const b = Number(r!.b);
    assert.ok(b - a >= 2, 'heads at least 2 ms apart');
    return new Date(a + 1);
  }

  test('node ranges completed by a page cover each node exactly once', () => {
    for (const pageSize of [1, 2, 3, 5, 8, 13]) {
      const seen = new Map<string, number>();
      for (let a = 0; a < 64; a += pageSize) {
        for (const r of nodeRangesCompletedBy(a, Math.min(64, a + pageSize) - 1)) {
          for (let i = r.from; i <= r.to; i++)
            seen.set(`${r.level}:${i}`, (seen.get(`${r.level}:${i}`) ?? 0) + 1);
        }
      }
      // 64 leaves: 64 + 32 + … + 1 = 127 perfect subtrees.
      assert.equal(seen.size, 127, `page size ${pageSize}`);
      assert.ok([...seen.values()].every((n) => n === 1));
    }
  });

  test('an untouched log: nothing found at any page size; every entry, node and head checked', async () => {
    for (const pageSize of [1, 3, 7, 1000]) {
      const progress: number[] = [];
      const r = await verifyLedger(db, { pageSize, onProgress: (p) => progress.push(p.entriesChecked) });
      assert.deepEqual(r.discrepancies, [], `page size ${pageSize}`);
      assert.equal(r.ok, true);
      assert.equal(r.treeSize, SIZE);
      assert.equal(r.entriesChecked, SIZE);
      assert.equal(r.nodesChecked, nodes.length);
      assert.equal(r.headsChecked, HEAD_SIZES.length);
      assert.equal(progress.at(-1), SIZE);
      assert.equal(progress.length, Math.ceil(SIZE / pageSize));
    }
  });

  test('every stored node altered in turn: reported once, as that node', async () => {
    for (const [k, n] of nodes.entries()) {
      // Some in pages of 3 (nodes completed across page boundaries), the others in one page.
      for (const pageSize of [k % 4 === 0 ? 3 : 1000]) {
        const found = await tampered(
          db,
          async (tx) => {
            await tx.execute(
              sql`update ledger_nodes set hash = ${Buffer.from(randomBytes(32))} where level = ${n.level} and index = ${n.index}`,
            );
          },
          { pageSize },
        );
        assert.deepEqual(
          kinds(found),
          ['altered_node'],
          `node (${n.level}, ${n.index}), pages of ${pageSize}`,
        );
        assert.equal(found[0]!.index, n.index * 2 ** n.level);
        assert.match(found[0]!.detail, new RegExp(`\\(${n.level}, ${n.index}\\)`));
      }
    }
  });

  test('an altered entry; an entry rewritten with its leaf hash; a deleted entry', async () => {
    const alter = sql`update ledger_entries set entry = jsonb_set(entry, '{contentHash}', to_jsonb(repeat('0', 64))) where index = 10`;
    let found = await tampered(db, async (tx) => {
      await tx.execute(alter);
    });
    assert.deepEqual(kinds(found), ['altered_entry']);
    assert.equal(found[0]!.index, 10);

    found = await tampered(db, async (tx) => {
      await tx.execute(alter);
      const [row] = await queryRows<{ entry: LedgerEntryInput }>(
        tx,
        sql`select entry from ledger_entries where index = 10`,
      );
      const leaf = leafHash('sm3', entryLeafBytes(row!.entry));
      await tx.execute(sql`update ledger_entries set leaf_hash = ${Buffer.from(leaf)} where index = 10`);
    });
    assert.deepEqual(kinds(found), ['altered_entry']);
    assert.match(found[0]!.detail, /连同其叶哈希/);

    found = await tampered(db, async (tx) => {
      await tx.execute(sql`delete from ledger_entries where index = 10`);
    });
    assert.deepEqual(kinds(found), ['missing_entry']);
    assert.equal(found[0]!.index, 10);
  });

  test('history rewritten consistently (entry, leaf and every node above it): the signed heads fork', async () => {
    const found = await tampered(db, async (tx) => {
      await tx.execute(
        sql`update ledger_entries set entry = jsonb_set(entry, '{contentHash}', to_jsonb(repeat('0', 64))) where index = 10`,
      );
      const [row] = await queryRows<{ entry: LedgerEntryInput }>(
        tx,
        sql`select entry from ledger_entries where index = 10`,
      );
      let h = leafHash('sm3', entryLeafBytes(row!.entry));
      await tx.execute(sql`update ledger_entries set leaf_hash = ${Buffer.from(h)} where index = 10`);
      // Every stored node above leaf 10, recomputed from the forged leaf, up to the top of its subtree.
      for (let level = 0, index = 10; ; level++, index = Math.floor(index / 2)) {
        await tx.execute(
          sql`update ledger_nodes set hash = ${Buffer.from(h)} where level = ${level} and index = ${index}`,
        );
        const sibling = index ^ 1;
        const [s] = await queryRows<{ hash: string }>(
          tx,
          sql`select encode(hash, 'hex') as hash from ledger_nodes where level = ${level} and index = ${sibling}`,
        );
        if (!s) break;
        const sh = Buffer.from(s.hash, 'hex');
        h = index % 2 === 0 ? nodeHash('sm3', h, sh) : nodeHash('sm3', sh, h);
      }
    });
    // Heads of sizes 16, 23 and 37 cover entry 10; nothing else disagrees.
    assert.deepEqual(kinds(found), ['forked_head', 'forked_head', 'forked_head']);
    assert.deepEqual(
      found.map((d) => d.index),
      [16, 23, 37],
    );
  });

  test('the end of the log cut off (entries deleted, size lowered), and an entry beyond the size', async () => {
    let found = await tampered(db, async (tx) => {
      await tx.execute(sql`delete from ledger_entries where index >= 35`);
      await tx.execute(sql`update ledger_state set size = 35`);
    });
    // The signed head of size 37 proves two entries are gone; nodes (0, 35), (0, 36), (1, 17) and
    // (2, 8) (leaves 32–35) remain.
    assert.deepEqual(kinds(found), ['extra_node', 'extra_node', 'extra_node', 'extra_node', 'missing_entry']);
    assert.equal(found.find((d) => d.kind === 'missing_entry')!.index, 35);

    found = await tampered(db, async (tx) => {
      await tx.execute(
        sql`insert into ledger_entries (index, entry, leaf_hash) select 40, entry, leaf_hash from ledger_entries where index = 3`,
      );
    });
    assert.deepEqual(kinds(found), ['extra_entry']);
    assert.equal(found[0]!.index, 40);
  });

  test('a forged head (the platform key over a wrong root), a bad signature, a foreign key, a head out of order', async () => {
    const at = await between23and37();
    let found = await tampered(db, async (tx) => {
      await insertHead(tx, 30, hashHex('sm3', new TextEncoder().encode('another history')), at);
    });
    assert.deepEqual(kinds(found), ['forked_head']);
    assert.equal(found[0]!.index, 30);

    // The same head over the true root: nothing to report (the check itself is not what fails).
    const root = (await rootHashAt(db, 30)).rootHash;
    found = await tampered(db, async (tx) => {
      await insertHead(tx, 30, root, at);
    });
    assert.deepEqual(found, []);

    found = await tampered(db, async (tx) => {
      await tx.execute(
        sql`update ledger_heads set signature = overlay(signature placing (case when substr(signature, 20, 1) = 'a' then 'b' else 'a' end) from 20 for 1) where tree_size = 16`,
      );
    });
    assert.deepEqual(kinds(found), ['bad_signature']);
    assert.equal(found[0]!.index, 16);

    found = await tampered(db, async (tx) => {
      await insertHead(tx, 30, root, at, createSm2Signer(generateSm2KeyPair().privateKeyHex));
    });
    assert.deepEqual(kinds(found), ['unknown_key']);

    found = await tampered(db, async (tx) => {
      await insertHead(tx, 30, root, new Date(Date.UTC(2020, 0, 1)));
    });
    assert.deepEqual(kinds(found), ['head_out_of_order']);
    assert.equal(found[0]!.index, 30);
  });

  test('record checks get the entries of their kinds, page by page; other kinds are only counted', async () => {
    const seen: CheckedEntry[] = [];
    const calls: number[] = [];
    const check: RecordCheck = {
      kinds: ['document.version'],
      label: '文书',
      async check(_db, entries) {
        calls.push(entries.length);
        seen.push(...entries);
        const first = entries.find((e) => e.index === 3);
        return first
          ? [{ kind: 'altered_row', index: 3, recordId: first.entry.recordId, detail: '测试' }]
          : [];
      },
      async unlogged() {
        return [{ kind: 'unlogged_row', recordId: 'x', detail: '测试' }];
      },
    };
    const r = await verifyLedger(db, { pageSize: 7, checks: [check] });
    const documents = Array.from({ length: SIZE }, (_, i) => i).filter((i) => i % 3 === 0);
    assert.deepEqual(
      seen.map((e) => e.index),
      documents,
    );
    assert.ok(calls.every((n) => n <= 7));
    assert.deepEqual(kinds(r.discrepancies), ['altered_row', 'unlogged_row']);
    assert.equal(r.discrepancies[0]!.index, 3);
    assert.equal(r.recordsChecked, documents.length);
    assert.deepEqual(r.byKind['document.version'], { entries: documents.length, checkedBy: ['文书'] });
    assert.deepEqual(r.byKind['case.event'], { entries: SIZE - documents.length, checkedBy: [] });

    // An entry that no longer matches its leaf is the ledger's finding, not handed to the check.
    seen.length = 0;
    const found = await tampered(
      db,
      async (tx) => {
        await tx.execute(
          sql`update ledger_entries set entry = jsonb_set(entry, '{contentHash}', to_jsonb(repeat('0', 64))) where index = 6`,
        );
      },
      { checks: [{ ...check, unlogged: undefined }] },
    );
    // The check's own finding at index 3 stays; entry 6 is the ledger's alone.
    assert.deepEqual(kinds(found), ['altered_entry', 'altered_row']);
    assert.equal(found.find((d) => d.kind === 'altered_entry')!.index, 6);
    assert.ok(!seen.some((e) => e.index === 6));
  });
});
