import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { composeServices } from '../src/composition.ts';
import type { BlobStore } from '../src/platform/blobs/index.ts';
import { LocalBlobStore } from '../src/platform/blobs/index.ts';
import { createSm2Signer, hashHex } from '../src/platform/crypto/index.ts';
import { restorePglite } from '../src/platform/db/backup.ts';
import { type Database, type Db, openDatabase, queryRows } from '../src/platform/db/index.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { masterKeyFromBytes } from '../src/platform/keys/master-key.ts';
import { SIGNATURE_ALGORITHM, treeHeadMessage } from '../src/platform/ledger/index.ts';
import { type Discrepancy, verifyAll, verifyCommand } from '../src/verify.ts';
import { TEST_DB } from './helpers/database.ts';
import { completedDraft } from './helpers/documents.ts';
import { approveProposal, shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// `mingjing verify` on real records: the demo deployment plus a case carried through the API, heads
// signed through /api/ledger/sth. Each way of tampering is done as an attacker with database access
// would (append-only triggers switched off) inside a transaction that is rolled back after the check,
// so every test starts from the untouched records. The CLI runs as a child process against the same
// records: a copy of the PGlite data directory, or the PostgreSQL test database.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let server: TestServer;
let blobs: BlobStore;
let db: Db;
let caseId: string;
let documentId: string;
/** The ledger index of the rights notice's entry, and the sizes of the two signed heads. */
let documentIndex: number;
let heads: number[];

const kinds = (ds: Discrepancy[]) => ds.map((d) => d.kind).sort();

class Rollback extends Error {}

async function tampered(tamper: (tx: Db) => Promise<void>): Promise<Discrepancy[]> {
  let found: Discrepancy[] = [];
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tamper(tx);
      found = (await verifyAll(tx, { blobs, pageSize: 50 })).discrepancies;
      throw new Rollback();
    }),
    Rollback,
  );
  return found;
}

async function step(c: Client, id: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await c.post(`/api/cases/${id}/transitions`, { action, payload, ...extra });
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}

async function signedHead(): Promise<number> {
  const r = await fetch(`${server.url}/api/ledger/sth`);
  assert.equal(r.status, 200);
  return ((await r.json()) as { treeSize: number }).treeSize;
}

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.MINGJING_DATA;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...base, LOG_LEVEL: 'silent', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b) => {
    out += b;
  });
  child.stderr.on('data', (b) => {
    err += b;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

before(async () => {
  server = await startServer();
  db = server.database.db;
  blobs = composeServices(server.config).records.blobs;
  const officer1 = await loggedIn(server, 'scjg_officer1');
  const officer2 = await loggedIn(server, 'scjg_officer2');
  const head = await loggedIn(server, 'scjg_head');
  const items = (await officer1.get('/api/items?type=penalty')).body.items;
  const itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
  const team = await Promise.all(
    [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
  );
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title: '涉嫌超范围经营案',
    payload: { source: 'inspection', summary: '日常检查发现超范围经营' },
  });
  assert.equal(lead.status, 201, lead.text);
  const party = {
    type: 'legal_person',
    name: '蚌埠龙湖贸易有限公司',
    idNumber: makeUscc('91340300MA2N8K4D1'),
    representative: '刘建国',
  };
  caseId = (
    await step(
      head,
      lead.body.id,
      'file',
      { violationOn: shanghaiDay(-40) },
      { case: { teamOfficerIds: team, party } },
    )
  ).filedCaseId;
  await storeEvidence(officer1, caseId);
  await step(officer1, caseId, 'submit_for_review');
  await approveProposal(head, caseId, { kinds: ['fine'], fineFen: 300_000 });
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  documentId = (
    await step(
      officer1,
      caseId,
      'notify_rights',
      { penalty: { kinds: ['fine'], fineFen: 300_000 }, servedOn: today },
      {
        document: await completedDraft(officer1, caseId, 'penalty_rights_notice', {
          action: 'notify_rights',
          payload: { penalty: { kinds: ['fine'], fineFen: 300_000 }, servedOn: today },
        }),
      },
    )
  ).documentId;
  const first = await signedHead();
  await step(officer2, caseId, 'close_rights_period', {
    waived: true,
    waiverRef: '当事人书面声明放弃陈述、申辩',
  });
  heads = [first, await signedHead()];
  const [row] = await queryRows<{ index: string }>(
    db,
    sql`select index::text from ledger_entries where entry->>'recordId' = ${documentId}`,
  );
  documentIndex = Number(row!.index);
});
after(async () => {
  await server?.close();
});

describe(`mingjing verify (${TEST_DB})`, () => {
  test('untouched records: nothing found; every entry, head and logged row checked', async () => {
    const r = await verifyAll(db, { blobs, pageSize: 50 });
    assert.deepEqual(r.discrepancies, []);
    assert.equal(r.ok, true);
    const [state] = await queryRows<{ size: string }>(db, sql`select size::text from ledger_state`);
    assert.equal(r.treeSize, Number(state!.size));
    assert.equal(r.entriesChecked, r.treeSize);
    assert.equal(r.headsChecked, 2);
    assert.equal(heads[1], r.treeSize);
    assert.ok((r.byKind['document.version']?.entries ?? 0) > 0, 'documents are logged');
    assert.ok((r.byKind['case.event']?.entries ?? 0) > 10, 'case events are logged');
    assert.deepEqual(r.byKind['document.version']?.checkedBy, ['文书']);
    assert.deepEqual(r.byKind['case.event']?.checkedBy, ['办案环节']);
    const events = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from case_events`);
    const documents = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from documents`);
    // Every event and document row was checked against its entry (and each has exactly one).
    assert.equal(r.byKind['case.event']!.entries, events[0]!.n);
    assert.equal(r.byKind['document.version']!.entries, documents[0]!.n);
    assert.ok(r.recordsChecked >= events[0]!.n + documents[0]!.n);
  });

  test('altered document content: the stored content no longer hashes to its entry', async () => {
    const found = await tampered(async (tx) => {
      await tx.execute(
        sql`update documents set content = jsonb_set(content, '{data,facts}', to_jsonb('当事人无违法行为'::text)) where id = ${documentId}`,
      );
    });
    assert.deepEqual(kinds(found), ['altered_row']);
    assert.equal(found[0]!.recordId, documentId);
    assert.equal(found[0]!.index, documentIndex);
    assert.match(found[0]!.detail, /内容被改动/);
  });

  test('a deleted document row', async () => {
    const found = await tampered(async (tx) => {
      await tx.execute(sql`delete from documents where id = ${documentId}`);
    });
    assert.deepEqual(kinds(found), ['deleted_row']);
    assert.equal(found[0]!.recordId, documentId);
  });

  test('an altered event row (its time moved), and an event row inserted behind the platform', async () => {
    let found = await tampered(async (tx) => {
      await tx.execute(
        sql`update case_events set at = at - interval '3 days' where case_id = ${caseId} and sequence = 2`,
      );
    });
    assert.deepEqual(kinds(found), ['altered_row']);
    assert.equal(found[0]!.recordId, caseId);
    assert.match(found[0]!.detail, /第 2 个办案环节/);

    found = await tampered(async (tx) => {
      await tx.execute(
        sql`insert into case_events (case_id, sequence, action, action_label, from_state, to_state, actor, actor_user_id, at, "on", payload, changes, calendar_version, rulebook_version)
            select case_id, 99, action, action_label, from_state, to_state, actor, actor_user_id, at, "on", payload, changes, calendar_version, rulebook_version
            from case_events where case_id = ${caseId} and sequence = 2`,
      );
    });
    assert.deepEqual(kinds(found), ['unlogged_row']);
    assert.match(found[0]!.detail, /第 99 个办案环节/);
  });

  test('a deleted ledger entry, and an altered one', async () => {
    let found = await tampered(async (tx) => {
      await tx.execute(sql`delete from ledger_entries where index = ${documentIndex}`);
    });
    // The gap in the log, and the document it logged now has no entry.
    assert.deepEqual(kinds(found), ['missing_entry', 'unlogged_row']);
    assert.equal(found.find((d) => d.kind === 'missing_entry')!.index, documentIndex);
    assert.equal(found.find((d) => d.kind === 'unlogged_row')!.recordId, documentId);

    found = await tampered(async (tx) => {
      await tx.execute(
        sql`update ledger_entries set entry = jsonb_set(entry, '{at}', to_jsonb('2020-01-01T00:00:00.000Z'::text)) where index = ${documentIndex}`,
      );
    });
    assert.deepEqual(kinds(found), ['altered_entry']);
    assert.equal(found[0]!.index, documentIndex);
  });

  test('an altered stored tree node', async () => {
    const [node] = await queryRows<{ level: number; index: string }>(
      db,
      sql`select level, index::text from ledger_nodes where level = 2 order by index limit 1 offset 1`,
    );
    const found = await tampered(async (tx) => {
      await tx.execute(
        sql`update ledger_nodes set hash = ${Buffer.from(randomBytes(32))} where level = ${node!.level} and index = ${Number(node!.index)}`,
      );
    });
    assert.deepEqual(kinds(found), ['altered_node']);
    assert.match(found[0]!.detail, new RegExp(`\\(2, ${node!.index}\\)`));
  });

  test('a head forged with the platform key over a wrong root, and a head with a bad signature', async () => {
    // The attacker has the database and the master key: the real signing key, unsealed.
    const [k] = await queryRows<{ id: string; private_key_sealed: string }>(
      db,
      sql`select id, private_key_sealed from ledger_keys`,
    );
    const master = masterKeyFromBytes(Buffer.from(server.config.masterKeyHex!, 'hex'));
    const signer = createSm2Signer(master.open(k!.private_key_sealed, `ledger-key:${k!.id}`).toString('hex'));
    const [first] = await queryRows<{ ms: string }>(
      db,
      sql`select (extract(epoch from timestamp) * 1000)::bigint::text as ms from ledger_heads where tree_size = ${heads[0]!}`,
    );
    // One millisecond before the first head, so the timestamps stay in order: only the root is wrong.
    const head = {
      treeSize: heads[0]! - 1,
      rootHash: hashHex('sm3', new TextEncoder().encode('另一段历史')),
      timestamp: new Date(Number(first!.ms) - 1).toISOString(),
    };
    const signature = signer.sign(treeHeadMessage(head));
    let found = await tampered(async (tx) => {
      await tx.execute(sql`insert into ledger_heads (tree_size, root_hash, timestamp, hash_algorithm, signature_algorithm, signature, public_key_hex)
        values (${head.treeSize}, decode(${head.rootHash}, 'hex'), ${head.timestamp}, 'sm3', ${SIGNATURE_ALGORITHM}, ${signature}, ${signer.publicKeyHex})`);
    });
    assert.deepEqual(kinds(found), ['forked_head']);
    assert.equal(found[0]!.index, head.treeSize);

    found = await tampered(async (tx) => {
      await tx.execute(
        sql`update ledger_heads set signature = overlay(signature placing (case when substr(signature, 30, 1) = 'a' then 'b' else 'a' end) from 30 for 1) where tree_size = ${heads[1]!}`,
      );
    });
    assert.deepEqual(kinds(found), ['bad_signature']);
    assert.equal(found[0]!.index, heads[1]);
  });

  test('evidence: an altered or deleted row, a missing file and altered bytes are each caught', async () => {
    const [ev] = await queryRows<{ id: string; content_hash: string }>(
      db,
      sql`select id, content_hash from evidence order by created_at limit 1`,
    );
    assert.ok(ev, 'the demo has evidence');
    let found = await tampered(async (tx) => {
      await tx.execute(sql`update evidence set location = '别处' where id = ${ev.id}`);
    });
    assert.deepEqual(
      found.map((d) => [d.kind, d.recordId]),
      [['altered_row', ev.id]],
    );
    found = await tampered(async (tx) => {
      await tx.execute(sql`delete from evidence where id = ${ev.id}`);
    });
    assert.deepEqual(
      found.map((d) => [d.kind, d.recordId]),
      [['deleted_row', ev.id]],
    );
    // Files: tampered on disk, then put back.
    const file = new LocalBlobStore(server.config.dataDir).pathOf(ev.content_hash);
    const original = readFileSync(file);
    renameSync(file, `${file}.away`);
    try {
      found = (await verifyAll(db, { blobs, pageSize: 50 })).discrepancies;
    } finally {
      renameSync(`${file}.away`, file);
    }
    assert.ok(found.length > 0 && found.every((d) => d.kind === 'missing_file'), JSON.stringify(found));
    assert.ok(found.some((d) => d.recordId === ev.id));
    chmodSync(file, 0o644);
    const altered = Buffer.from(original);
    altered[altered.length - 1]! ^= 0xff;
    writeFileSync(file, altered);
    try {
      found = (await verifyAll(db, { blobs, pageSize: 50 })).discrepancies;
    } finally {
      writeFileSync(file, original);
      chmodSync(file, 0o444);
    }
    assert.ok(found.length > 0 && found.every((d) => d.kind === 'altered_file'), JSON.stringify(found));
    assert.deepEqual((await verifyAll(db, { blobs, pageSize: 50 })).discrepancies, []);
  });

  test('a locked case file whose contents list was rewritten is caught', async () => {
    const [cf] = await queryRows<{ id: string }>(db, sql`select id from case_files limit 1`);
    assert.ok(cf, 'the demo has an archived case');
    const found = await tampered(async (tx) => {
      await tx.execute(sql`update case_files set items = items - 0 where id = ${cf.id}`);
    });
    assert.deepEqual(
      found.map((d) => [d.kind, d.recordId]),
      [['altered_row', cf.id]],
    );
  });

  test('--json prints the report as JSON and returns 1 when something is found', async () => {
    let out: string[] = [];
    const io = { out: (l: string) => out.push(l), progress: () => {} };
    assert.equal(await verifyCommand(db, blobs, ['--json'], io), 0);
    assert.equal(JSON.parse(out.join('\n')).ok, true);
    out = [];
    let code = -1;
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from case_events where case_id = ${caseId} and sequence = 3`);
        code = await verifyCommand(tx, blobs, ['--json'], io);
        throw new Rollback();
      }),
      Rollback,
    );
    assert.equal(code, 1);
    const report = JSON.parse(out.join('\n'));
    assert.equal(report.ok, false);
    assert.deepEqual(
      report.discrepancies.map((d: Discrepancy) => [d.kind, d.recordId]),
      [['deleted_row', caseId]],
    );
  });

  test('the CLI: exit 0 on the untouched records; exit 1 listing the discrepancy once one is altered', async () => {
    let env: Record<string, string>;
    let dataDir: string | null = null;
    let tamperDb: Database;
    // The server's data directory holds the stored files (evidence): the CLI gets it, or a full copy.
    if (TEST_DB === 'pglite') {
      // A copy of the data directory with the in-memory database written into it, which is what the
      // CLI opens.
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'mingjing-verify-'));
      const archive = path.join(dataDir, 'copy.tar.gz');
      const client = (db as unknown as { $client: PGlite }).$client;
      writeFileSync(archive, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
      cpSync(server.config.dataDir, path.join(dataDir, 'data'), { recursive: true });
      await restorePglite(path.join(dataDir, 'data'), archive);
      env = { MINGJING_DATA: path.join(dataDir, 'data') };
    } else {
      env = {
        DATABASE_URL: (server.database as Database & { url?: string }).url!,
        MINGJING_DATA: server.config.dataDir,
      };
    }
    try {
      const clean = await cli(['verify'], env);
      assert.equal(clean.code, 0, clean.out + clean.err);
      assert.match(clean.out, /未发现不一致/);
      assert.match(clean.out, /文书/);
      assert.match(clean.err, /已核对/);

      tamperDb = dataDir ? await openDatabase({ dataDir: env.MINGJING_DATA! }) : server.database;
      await tamperDb.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(
          sql`update documents set content = jsonb_set(content, '{data,facts}', to_jsonb('当事人无违法行为'::text)) where id = ${documentId}`,
        );
      });
      if (dataDir) await tamperDb.close();

      const text = await cli(['verify'], env);
      assert.equal(text.code, 1, text.out + text.err);
      assert.match(text.out, new RegExp(`✗ 记录被改动（altered_row）：文书 .*（${documentId}）的内容`));
      assert.match(text.out, /发现 1 处不一致/);
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
