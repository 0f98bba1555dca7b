import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ListMultipartUploadsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { sql } from 'drizzle-orm';
import { expectUnchanged } from './helpers/fingerprint.ts';
import {
  avPhoto,
  checkError,
  documentScan,
  type EvidenceFields,
  fetchBytes,
  hoursAgo,
  ledgerEntries,
  type ScjgDesk,
  scjgDesk,
  shanghaiDay,
  sm3,
  someBytes,
  tusMetadata,
  tusUpload,
  uploadEvidence,
  type Want,
} from './helpers/records.ts';
import { type S3TestServer, startS3Server } from './helpers/s3.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The records module over real HTTP with the evidence store on S3 (issue 4, R6-R11): confidentiality
// marks and the access log, the device register, archiving into a locked case file and corrections
// after it, and random spot checks. The whole file runs on an S3-compatible server (the demo is seeded
// into it), so every upload and every opening here goes through the S3 back-end end to end.
let s3: S3TestServer;
let server: TestServer;
let desk: ScjgDesk;
let reviewer: Client;
let supervisor: Client;
let aux: Client;
let sysadmin: Client;
let cgAdmin: Client;

before(async () => {
  s3 = await startS3Server();
  server = await startServer({ env: s3.env });
  desk = await scjgDesk(server);
  [reviewer, supervisor, aux, sysadmin, cgAdmin] = await Promise.all([
    loggedIn(server, 'scjg_reviewer'),
    loggedIn(server, 'supervisor'),
    loggedIn(server, 'scjg_aux'),
    loggedIn(server, 'admin'),
    loggedIn(server, 'cg_admin'),
  ]);
});
after(async () => {
  await server?.close();
  await s3?.stop();
});

const CHINESE = /[\u4e00-\u9fff]/;
/** A request that must be refused, changing nothing in the database. */
async function refused<T extends { status: number; body: any }>(send: () => Promise<T>, want: Want) {
  const r = await expectUnchanged(server.database.db, send, want.code);
  checkError(r, want);
  return r;
}

async function uploaded(client: Client, caseId: string, fields: EvidenceFields, bytes: Buffer) {
  const r = await uploadEvidence(client, caseId, fields, bytes);
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string; contentHash: string; correctsId: string | null };
}

// ── R8/R9: confidentiality marks and the access log ──────────────────────────────────────────────
describe('opening records: marks and the access log (R8, R9)', () => {
  const MARKS = ['personal_privacy', 'trade_secret', 'state_secret'] as const;
  type Mark = (typeof MARKS)[number] | 'none';
  const rec = {} as Record<Mark, { id: string; bytes: Buffer }>;
  let caseId: string;

  before(async () => {
    caseId = await desk.filedCase('涉密记录调阅测试案');
    for (const mark of ['none', ...MARKS] as const) {
      const bytes = someBytes(2_000, mark);
      const e = await uploaded(
        desk.officer1,
        caseId,
        documentScan(`询问笔录扫描（${mark}）`, { confidentiality: mark === 'none' ? undefined : mark }),
        bytes,
      );
      rec[mark] = { id: e.id, bytes };
    }
  });

  const open = (client: Client, mark: Mark, reason?: string, download = false) => {
    const q = new URLSearchParams();
    if (reason !== undefined) q.set('reason', reason);
    // The console sends `true`; receipts and links use `1`: both download.
    if (download) q.set('download', client === desk.officer2 ? '1' : 'true');
    const qs = q.size > 0 ? `?${q}` : '';
    return fetchBytes(client, `/api/evidence/${rec[mark].id}/content${qs}`).then((r) => ({
      ...r,
      body: r.json,
    }));
  };
  const log = async (mark: Mark) => {
    const r = await desk.head.get(`/api/record-access?recordId=${rec[mark].id}`);
    assert.equal(r.status, 200, r.text);
    return r.body.items as any[];
  };
  const opened = (r: { status: number; bytes: Buffer; headers: Headers; body: any }, mark: Mark) => {
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.bytes.equals(rec[mark].bytes), 'the bytes as uploaded');
    assert.equal(r.headers.get('x-content-sm3'), sm3(rec[mark].bytes));
  };

  test('a marked record is not opened without a reason, and the refusal is not logged', async () => {
    const labels = { personal_privacy: /个人隐私/, trade_secret: /商业秘密/, state_secret: /国家秘密/ };
    for (const mark of MARKS) {
      for (const reason of [undefined, '   ']) {
        await refused(() => open(desk.officer1, mark, reason), {
          status: 400,
          code: 'ACCESS_REASON_REQUIRED',
          field: 'reason',
          names: /调阅事由/,
        });
      }
      const r = await open(desk.officer1, mark);
      assert.match(r.body.error.message, labels[mark]);
      assert.deepEqual(await log(mark), [], 'nothing logged');
    }
  });

  test('with a reason the case team opens a marked record, and the log says who, when and why', async () => {
    const before = Date.now();
    opened(await open(desk.officer1, 'personal_privacy', '制作听证材料需核对询问笔录'), 'personal_privacy');
    const download = await open(desk.officer2, 'personal_privacy', '移送材料', true);
    opened(download, 'personal_privacy');
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment/);
    const rows = await log('personal_privacy');
    assert.equal(rows.length, 2);
    const [second, first] = rows; // newest first
    assert.equal(first.userId, desk.userIds.officer1);
    assert.match(first.userName, /[\u4e00-\u9fff]/, 'the log names the reader');
    assert.equal(first.role, 'officer');
    assert.equal(first.roleLabel, '执法人员');
    assert.equal(typeof first.caseTitle, 'string');
    assert.equal(first.reason, '制作听证材料需核对询问笔录');
    assert.equal(first.purpose, 'open');
    assert.equal(first.recordType, 'evidence');
    assert.equal(first.caseId, caseId);
    assert.equal(first.confidentiality, 'personal_privacy');
    assert.equal(first.confidentialityLabel, '涉及个人隐私');
    // The console names the record opened, not its id.
    assert.equal(first.recordTitle, '询问笔录扫描（personal_privacy）');
    assert.ok(Date.parse(first.at) >= before - 1_000 && Date.parse(first.at) <= Date.now() + 1_000);
    assert.equal(second.userId, desk.userIds.officer2);
    assert.equal(second.purpose, 'download');
    assert.equal(second.reason, '移送材料');
    // A state secret: the case team, with a reason.
    opened(await open(desk.officer2, 'state_secret', '核对扣押物品清单'), 'state_secret');
  });

  test('auxiliary staff never open marked records; a legal reviewer may not open a state secret', async () => {
    for (const mark of MARKS) {
      await refused(() => open(aux, mark, '协助整理案卷'), {
        status: 403,
        code: 'FORBIDDEN',
        names: /辅助人员/,
      });
    }
    opened(await open(aux, 'none'), 'none');
    await refused(() => open(reviewer, 'state_secret', '法制审核'), {
      status: 403,
      code: 'FORBIDDEN',
      names: /国家秘密/,
    });
    opened(await open(reviewer, 'trade_secret', '法制审核'), 'trade_secret');
    opened(await open(reviewer, 'personal_privacy', '法制审核'), 'personal_privacy');
  });

  test('a supervisor opens a trade secret with a reason but not a state secret; the head opens both', async () => {
    opened(await open(supervisor, 'trade_secret', '执法监督检查'), 'trade_secret');
    await refused(() => open(supervisor, 'state_secret', '执法监督检查'), {
      status: 403,
      code: 'FORBIDDEN',
      names: /国家秘密/,
    });
    opened(await open(desk.head, 'state_secret', '审批扣押物品处理'), 'state_secret');
    const roles = (await log('trade_secret')).map((r) => [r.role, r.reason]);
    assert.deepEqual(roles, [
      ['supervisor', '执法监督检查'],
      ['legal_reviewer', '法制审核'],
    ]);
    assert.deepEqual(
      (await log('state_secret')).map((r) => r.role),
      ['agency_head', 'officer'],
    );
  });

  test('a system administrator never opens evidence content, marked or not', async () => {
    for (const mark of ['none', ...MARKS] as const) {
      await refused(() => open(sysadmin, mark, '系统维护'), {
        status: 403,
        code: 'FORBIDDEN',
        names: /系统管理员/,
      });
    }
  });

  test('opening an unmarked record needs no reason and is logged too', async () => {
    const before = (await log('none')).length;
    opened(await open(desk.officer2, 'none'), 'none');
    const rows = await log('none');
    assert.equal(rows.length, before + 1);
    assert.equal(rows[0].userId, desk.userIds.officer2);
    assert.equal(rows[0].reason, null);
    assert.equal(rows[0].confidentiality, 'none');
    // Scope first: another agency does not learn the record exists.
    const cg = await loggedIn(server, 'cg_officer1');
    await refused(() => open(cg, 'none'), { status: 404, code: 'EVIDENCE_NOT_FOUND', field: 'id' });
  });
  // Last in this group: opening without a reason logs the unmarked record's opening.
  test('each record says what the caller may do with it, and opening it answers just that', async () => {
    const readers = { officer1: desk.officer1, head: desk.head, aux, reviewer, supervisor, sysadmin };
    for (const [who, client] of Object.entries(readers)) {
      const page = await client.get(`/api/cases/${caseId}`);
      for (const mark of ['none', ...MARKS] as const) {
        const meta = await client.get(`/api/evidence/${rec[mark].id}`);
        assert.equal(meta.status, 200, `${who} reads the metadata of the ${mark} record`);
        const access = meta.body.access as {
          allowed: boolean;
          reasonRequired: boolean;
          message: string | null;
        };
        if (page.status === 200) {
          const onPage = (page.body.evidence as any[]).find((e) => e.id === rec[mark].id);
          assert.deepEqual(onPage.access, access, `${who}: the case page says the same of ${mark}`);
        }
        const r = await open(client, mark);
        if (!access.allowed) {
          assert.equal(r.status, 403, `${who} may not open ${mark}`);
          assert.equal(r.body.error.message, access.message, `${who}: the reason shown is the refusal's`);
        } else if (access.reasonRequired) {
          assert.equal(r.body.error?.code, 'ACCESS_REASON_REQUIRED', `${who} opens ${mark} with a reason`);
        } else {
          assert.equal(r.status, 200, `${who} opens ${mark} without a reason`);
          assert.equal(access.message, null);
        }
      }
    }
    // The answers are those of R8, not all alike: spot-check the table.
    const of = async (c: Client, mark: Mark) => (await c.get(`/api/evidence/${rec[mark].id}`)).body.access;
    assert.deepEqual(await of(desk.officer1, 'state_secret'), {
      allowed: true,
      reasonRequired: true,
      message: null,
    });
    assert.equal((await of(aux, 'personal_privacy')).allowed, false);
    assert.equal((await of(reviewer, 'state_secret')).allowed, false);
    assert.equal((await of(sysadmin, 'none')).allowed, false);
  });
});

// ── R11: the device register ─────────────────────────────────────────────────────────────────────
describe('device register (R11)', () => {
  let serial = 0;
  const register = (client: Client, agencyId: string, over: Record<string, string> = {}) =>
    client.post('/api/devices', {
      agencyId,
      kind: 'camera',
      serialNumber: `SCJG-TEST-${process.pid}-${++serial}`,
      model: '测试摄像机',
      ...over,
    });

  test('a device is handed out, passed on and taken back; its page shows the history and its records', async () => {
    const r = await register(desk.admin, desk.agencyId);
    assert.equal(r.status, 201, r.text);
    const id = r.body.id;
    const listed = (await desk.officer1.get(`/api/devices?agencyId=${desk.agencyId}`)).body.items.find(
      (d: { id: string }) => d.id === id,
    );
    assert.equal(listed.status, 'in_service');
    assert.equal(listed.holder, null);
    // What each caller may do travels with the device, from the server's policy.
    assert.deepEqual(listed.can, { manage: false }, 'an officer keeps no register');
    const byHead = (await desk.head.get(`/api/devices/${id}`)).body;
    assert.deepEqual(byHead.can, { manage: true }, 'the head answers for the recorders');

    const to1 = await desk.admin.post(`/api/devices/${id}/assign`, { officerId: desk.officerIds.officer1 });
    assert.equal(to1.status, 200, to1.text);
    assert.equal(to1.body.holder.officerId, desk.officerIds.officer1);
    assert.deepEqual(to1.body.can, { manage: true });
    assert.match(to1.body.holder.name, CHINESE);
    const caseId = await desk.filedCase('设备登记测试案');
    const photo = await uploaded(
      desk.officer1,
      caseId,
      avPhoto({ deviceId: id, officerId: desk.officerIds.officer1 }),
      someBytes(1_500),
    );
    const to2 = await desk.admin.post(`/api/devices/${id}/assign`, { officerId: desk.officerIds.officer2 });
    assert.equal(to2.body.holder.officerId, desk.officerIds.officer2);
    const back = await desk.admin.post(`/api/devices/${id}/assign`, { officerId: null });
    assert.equal(back.status, 200, back.text);
    assert.equal(back.body.holder, null);

    const d = await desk.officer2.get(`/api/devices/${id}`);
    assert.equal(d.status, 200);
    assert.deepEqual(
      d.body.assignments.map((a: { officerId: string; returnedAt: string | null }) => a.officerId),
      [desk.officerIds.officer2, desk.officerIds.officer1],
      'newest first',
    );
    assert.ok(d.body.assignments.every((a: { returnedAt: string | null }) => a.returnedAt !== null));
    assert.deepEqual(
      d.body.records.map((e: { id: string; contentHash: string }) => [e.id, e.contentHash]),
      [[photo.id, photo.contentHash]],
    );

    // Only to the agency's own people.
    const cg = await loggedIn(server, 'cg_officer1');
    const cgOfficer = (await cg.get('/api/auth/me')).body.user.officerId;
    await refused(() => desk.admin.post(`/api/devices/${id}/assign`, { officerId: cgOfficer }), {
      status: 404,
      code: 'OFFICER_NOT_FOUND',
      field: 'officerId',
    });
  });

  test('a serial number already registered in the agency is refused (409); another agency may use it', async () => {
    const first = await register(desk.admin, desk.agencyId);
    assert.equal(first.status, 201, first.text);
    const serialNumber = `SCJG-TEST-${process.pid}-${serial}`;
    await refused(() => register(desk.admin, desk.agencyId, { serialNumber: ` ${serialNumber} ` }), {
      status: 409,
      code: 'DUPLICATE_DEVICE',
      field: 'serialNumber',
      names: new RegExp(serialNumber),
    });
    await refused(() => register(desk.admin, desk.agencyId, { kind: 'toaster' }), {
      status: 400,
      code: 'DEVICE_KIND_INVALID',
      field: 'kind',
      names: /设备类型/,
    });
    const cgAgency = (await cgAdmin.get('/api/auth/me')).body.user.agencyId;
    const cg = await register(cgAdmin, cgAgency, { serialNumber });
    assert.equal(cg.status, 201, cg.text);
  });

  test('a retired device records nothing made after its retirement and is handed out no more', async () => {
    const id = (await register(desk.admin, desk.agencyId)).body.id;
    await desk.admin.post(`/api/devices/${id}/assign`, { officerId: desk.officerIds.officer1 });
    const retired = await desk.admin.post(`/api/devices/${id}/retire`);
    assert.equal(retired.status, 200, retired.text);
    assert.equal(retired.body.status, 'retired');
    assert.equal(retired.body.holder, null, 'taken back on retirement');
    assert.ok(retired.body.retiredAt);
    assert.deepEqual(retired.body.can, { manage: false }, 'a retired device takes no further action');
    const caseId = await desk.filedCase('停用设备测试案');
    const photo = (capturedAt: string) =>
      avPhoto({ deviceId: id, officerId: desk.officerIds.officer1, capturedAt });
    await refused(
      () => uploadEvidence(desk.officer1, caseId, photo(new Date().toISOString()), someBytes(900)),
      {
        status: 400,
        code: 'DEVICE_RETIRED',
        field: 'deviceId',
        names: /停用/,
      },
    );
    // Footage made before the retirement still belongs in the platform.
    await uploaded(desk.officer1, caseId, photo(hoursAgo(3)), someBytes(900));
    await refused(
      () => desk.admin.post(`/api/devices/${id}/assign`, { officerId: desk.officerIds.officer2 }),
      {
        status: 400,
        code: 'DEVICE_RETIRED',
      },
    );
    await refused(() => desk.admin.post(`/api/devices/${id}/retire`), {
      status: 400,
      code: 'DEVICE_RETIRED',
    });
  });
});

// ── R7: archiving and the locked case file ───────────────────────────────────────────────────────
describe('archiving into a locked case file (R7)', () => {
  let caseId: string;
  let scan: { id: string; contentHash: string };

  test('a case closed without its documents is not archived: CASE_FILE_INCOMPLETE lists each gap', async () => {
    caseId = await desk.closedOrdinaryCase('归档测试案', false);
    scan = await uploaded(desk.officer1, caseId, documentScan('现场检查笔录扫描'), someBytes(3_000));
    const r = await refused(() => desk.step(desk.officer1, caseId, 'archive'), {
      status: 400,
      code: 'CASE_FILE_INCOMPLETE',
      names: /案卷不完整/,
    });
    assert.deepEqual(
      r.body.error.reasons.map((v: { message: string }) => v.message.match(/「(.+?)」/)?.[1]),
      ['立案审批表', '送达回证', '结案审批表'],
    );
    assert.equal((await desk.officer1.get(`/api/cases/${caseId}`)).body.state, 'closed');
    await refused(() => desk.head.get(`/api/cases/${caseId}/case-file`), {
      status: 404,
      code: 'CASE_FILE_NOT_FOUND',
    });
  });

  test('with them it archives: items in order with their hashes, intact, and the lock in the ledger', async () => {
    for (const kind of ['filing_approval', 'service_receipt', 'closing_approval'] as const)
      await desk.doc(caseId, kind);
    const archived = await desk.ok(desk.officer1, caseId, 'archive');
    assert.equal(archived.state, 'archived');
    const c = (await desk.head.get(`/api/cases/${caseId}`)).body;
    const file = await desk.head.get(
      `/api/cases/${caseId}/case-file?reason=${encodeURIComponent('归档检查')}`,
    );
    assert.equal(file.status, 200, file.text);
    const f = file.body;
    assert.equal(f.intact, true);
    assert.equal(f.completeness.complete, true);
    assert.equal(f.late, false);
    assert.deepEqual(f.corrections, []);
    assert.deepEqual(
      f.items.map((i: { seq: number }) => i.seq),
      f.items.map((_: unknown, i: number) => i + 1),
    );
    const times = f.items.map((i: { at: string }) => Date.parse(i.at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
      'in the order the records were made',
    );
    const expected = new Map<string, string>([
      ...c.documents.map(
        (d: { id: string; contentHash: string }) => [d.id, d.contentHash] as [string, string],
      ),
      [scan.id, scan.contentHash],
      // The evidence the investigation ended with (行政处罚法 art. 40) is in the file too.
      ...c.evidence.map(
        (e: { id: string; contentHash: string }) => [e.id, e.contentHash] as [string, string],
      ),
    ]);
    assert.equal(f.items.length, expected.size, 'every document and every evidence record');
    for (const item of f.items) assert.equal(item.contentHash, expected.get(item.recordId), item.title);
    assert.deepEqual(
      f.items
        .filter((i: { recordType: string }) => i.recordType === 'document')
        .map((i: { kind: string }) => i.kind),
      // In the order they were issued: the filing form was only added after the refusal above.
      ['penalty_rights_notice', 'penalty_decision', 'filing_approval', 'service_receipt', 'closing_approval'],
    );
    const lock = (await ledgerEntries(server, f.id)).map((e) => e.entry);
    assert.equal(lock.length, 1);
    assert.equal(lock[0].kind, 'case_file.lock');
    assert.equal(lock[0].contentHash, f.manifestHash);
    assert.equal(lock[0].caseId, caseId);
    // Opening the case file is a record access too.
    const access = (await desk.head.get(`/api/record-access?recordId=${f.id}`)).body.items;
    assert.equal(access[0].recordType, 'case_file');
    assert.equal(access[0].reason, '归档检查');
  });

  test('after archiving an addition must name the record of this case it corrects, with a reason', async () => {
    // No document is issued into a locked file either.
    await refused(
      () =>
        desk.officer1.post(`/api/cases/${caseId}/documents`, {
          kind: 'inquiry_record',
          // What the officer would have written: the locked file refuses before the data is read.
          data: {},
        }),
      { status: 400, code: 'CASE_FILE_LOCKED', field: 'caseId', names: /归档/ },
    );
    const bytes = someBytes(1_200, 'correction');
    await refused(() => uploadEvidence(desk.officer1, caseId, documentScan('补充材料'), bytes), {
      status: 400,
      code: 'CASE_FILE_LOCKED',
      field: 'correctsId',
      names: /归档/,
    });
    await refused(
      () => uploadEvidence(desk.officer1, caseId, documentScan('补充材料', { correctsId: scan.id }), bytes),
      { status: 400, code: 'FIELD_REQUIRED', field: 'correctionReason', names: /更正理由/ },
    );
    const otherCase = await desk.filedCase('另一案件');
    const foreign = await uploaded(desk.officer1, otherCase, documentScan('另一案件的书证'), someBytes(300));
    for (const correctsId of [foreign.id, otherCase, crypto.randomUUID()]) {
      await refused(
        () =>
          uploadEvidence(
            desk.officer1,
            caseId,
            documentScan('补充材料', { correctsId, correctionReason: '原扫描件缺页' }),
            bytes,
          ),
        { status: 404, code: 'CORRECTED_RECORD_NOT_FOUND', field: 'correctsId', names: /本案/ },
      );
    }
    const correction = await uploaded(
      desk.officer1,
      caseId,
      documentScan('现场检查笔录扫描（补正）', { correctsId: scan.id, correctionReason: '原扫描件缺第2页' }),
      bytes,
    );
    assert.equal(correction.correctsId, scan.id);
    const decision = (await desk.head.get(`/api/cases/${caseId}`)).body.documents.find(
      (d: { kind: string }) => d.kind === 'penalty_decision',
    );
    const docCorrection = await uploaded(
      desk.officer1,
      caseId,
      documentScan('决定书送达照片', { correctsId: decision.id, correctionReason: '补充送达情况' }),
      someBytes(700),
    );
    const f = (await desk.head.get(`/api/cases/${caseId}/case-file`)).body;
    assert.deepEqual(
      f.corrections.map((e: { id: string }) => e.id).sort(),
      [correction.id, docCorrection.id].sort(),
    );
    assert.equal(f.intact, true, 'the locked items are untouched');
    assert.ok(!f.items.some((i: { recordId: string }) => i.recordId === correction.id));
    const logged = (await ledgerEntries(server, correction.id))[0].entry;
    assert.equal(logged.correctsId, scan.id);
  });

  test('the evidence table refuses UPDATE and DELETE (append-only)', async () => {
    const db = server.database.db;
    await assert.rejects(() =>
      db.execute(sql`update evidence set title = '篡改' where id = ${scan.id}::uuid`),
    );
    await assert.rejects(() => db.execute(sql`delete from evidence where id = ${scan.id}::uuid`));
    const e = await desk.head.get(`/api/evidence/${scan.id}`);
    assert.equal(e.body.title, '现场检查笔录扫描');
  });
});

// ── R9: random spot checks ───────────────────────────────────────────────────────────────────────
describe('random spot checks of archived files (R9: at least 60 %)', () => {
  // Files locked from yesterday to tomorrow: the ones this file archives (the demo's is 10 days old).
  const period = { periodFrom: shanghaiDay(-1), periodTo: shanghaiDay(1) };
  const coverage = async () => {
    const q = new URLSearchParams({ agencyId: desk.agencyId, ...period });
    const r = await reviewer.get(`/api/spot-checks/coverage?${q}`);
    assert.equal(r.status, 200, r.text);
    return r.body;
  };
  /** Archives cancelled inspections until `n` files are locked in the period. */
  const archivedFiles = async (n: number) => {
    let population = (await coverage()).population;
    assert.ok(population <= n, `already ${population} files`);
    while (population < n) {
      const id = await desk.cancelledInspection(`抽查样本检查${population}`);
      await desk.ok(desk.officer1, id, 'archive');
      population++;
    }
    assert.equal((await coverage()).population, n);
  };
  const draw = async () => {
    const r = await reviewer.post('/api/spot-checks', { agencyId: desk.agencyId, ...period });
    assert.equal(r.status, 201, r.text);
    const d = await reviewer.get(`/api/spot-checks/${r.body.id}`);
    assert.equal(d.status, 200);
    return d.body;
  };
  const review = (id: string, caseFileId: string, body: object = { result: 'conforming' }) =>
    reviewer.post(`/api/spot-checks/${id}/items/${caseFileId}`, body);
  let first: any;

  test('3 files archived: 2 are drawn, and coverage is met when both are reviewed', async () => {
    await archivedFiles(3);
    first = await draw();
    assert.equal(first.items.length, 2, 'ceil(0.6 × 3) = 2');
    assert.equal(new Set(first.items.map((i: { caseFileId: string }) => i.caseFileId)).size, 2);
    assert.deepEqual(
      { ...first.coverage, coverage: undefined },
      { population: 3, sampled: 2, reviewed: 0, coverage: undefined, required: 2, met: false },
    );
    let c = await coverage();
    assert.equal(c.minCoverage, 0.6);
    assert.deepEqual([c.population, c.reviewed, c.required, c.met], [3, 0, 2, false]);

    const one = await review(first.id, first.items[0].caseFileId);
    assert.equal(one.status, 200, one.text);
    assert.equal(
      one.body.items.find((i: any) => i.caseFileId === first.items[0].caseFileId).result,
      'conforming',
    );
    c = await coverage();
    assert.deepEqual([c.reviewed, c.met], [1, false]);
    const two = await review(first.id, first.items[1].caseFileId, {
      result: 'nonconforming',
      finding: '送达回证未注明送达地点',
    });
    assert.equal(two.status, 200, two.text);
    assert.equal(two.body.coverage.met, true);
    c = await coverage();
    assert.deepEqual([c.reviewed, c.met], [2, true]);
    assert.equal(c.coverage, 2 / 3);
  });

  test('5 files archived: 3 are drawn', async () => {
    await archivedFiles(5);
    const second = await draw();
    assert.equal(second.items.length, 3, 'ceil(0.6 × 5) = 3, not 4');
    assert.equal(second.coverage.required, 3);
    const c = await coverage();
    assert.deepEqual([c.population, c.required], [5, 3]);
    assert.equal(c.met, false, 'two of five reviewed');
    for (const item of second.items) {
      const r = await review(second.id, item.caseFileId);
      assert.equal(r.status, 200, r.text);
    }
    const reviewed = new Set(
      [...first.items, ...second.items].map((i: { caseFileId: string }) => i.caseFileId),
    );
    const after = await coverage();
    assert.equal(after.reviewed, reviewed.size);
    assert.equal(after.met, true);
  });

  test('a nonconforming finding needs its text; a file is reviewed once; only sampled files', async () => {
    const check = await draw();
    const [item] = check.items;
    await refused(() => review(check.id, item.caseFileId, { result: 'nonconforming' }), {
      status: 400,
      code: 'FIELD_REQUIRED',
      field: 'finding',
      names: /发现的问题/,
    });
    await refused(() => review(check.id, item.caseFileId, { result: 'nonconforming', finding: '  ' }), {
      status: 400,
      code: 'FIELD_REQUIRED',
      field: 'finding',
    });
    await refused(() => review(check.id, item.caseFileId, { result: 'fine' }), {
      status: 400,
      code: 'SPOT_CHECK_RESULT_INVALID',
      field: 'result',
      names: /抽查结论/,
    });
    assert.equal((await review(check.id, item.caseFileId)).status, 200);
    await refused(() => review(check.id, item.caseFileId), {
      status: 400,
      code: 'SPOT_CHECK_ITEM_INVALID',
      field: 'caseFileId',
      names: /已有抽查结论/,
    });
    // A file of the period that this check did not draw.
    const drawn = new Set(check.items.map((i: { caseFileId: string }) => i.caseFileId));
    const all = await server.database.db.execute(sql`select id from case_files`);
    const outside = ((all as unknown as { rows: { id: string }[] }).rows ?? []).find((r) => !drawn.has(r.id));
    assert.ok(outside);
    await refused(() => review(check.id, outside.id), { status: 400, code: 'SPOT_CHECK_ITEM_INVALID' });
  });

  test('reviewing a file is an opening of it, logged with the spot check as the reason', async () => {
    const check = await draw();
    const [item] = check.items;
    const before = (await reviewer.get(`/api/record-access?recordId=${item.caseFileId}`)).body.items.length;
    assert.equal((await review(check.id, item.caseFileId)).status, 200);
    const rows = (await reviewer.get(`/api/record-access?recordId=${item.caseFileId}`)).body.items;
    assert.equal(rows.length, before + 1);
    assert.equal(rows[0].recordType, 'case_file');
    assert.equal(rows[0].role, 'legal_reviewer');
    assert.equal(rows[0].reason, `随机抽查（${period.periodFrom} 至 ${period.periodTo}）`);
  });

  test('a period without archived files has nothing to draw', async () => {
    await refused(
      () =>
        reviewer.post('/api/spot-checks', {
          agencyId: desk.agencyId,
          periodFrom: '2020-01-01',
          periodTo: '2020-01-31',
        }),
      { status: 400, code: 'NOTHING_TO_CHECK', field: 'periodFrom' },
    );
    await refused(
      () =>
        reviewer.post('/api/spot-checks', {
          agencyId: desk.agencyId,
          periodFrom: '2020-02-01',
          periodTo: '2020-01-01',
        }),
      { status: 400, code: 'PERIOD_INVALID', field: 'periodTo' },
    );
  });
});

// ── the S3 back-end, end to end ──────────────────────────────────────────────────────────────────
describe('evidence on S3-compatible storage', () => {
  const client = () =>
    new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
  const keys = async (prefix: string) => {
    const c = client();
    try {
      const r = await c.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
      return (r.Contents ?? []).map((o) => o.Key!).sort();
    } finally {
      c.destroy();
    }
  };
  const multipart = async () => {
    const c = client();
    try {
      return (await c.send(new ListMultipartUploadsCommand({ Bucket: s3.bucket }))).Uploads ?? [];
    } finally {
      c.destroy();
    }
  };

  test('an upload over HTTP is stored in the bucket under its SM3 and read back identical', async () => {
    const caseId = await desk.filedCase('S3存储测试案');
    const bytes = someBytes(40_000, 's3');
    const e = await uploaded(
      desk.officer1,
      caseId,
      avPhoto({ deviceId: desk.cameras.officer1, officerId: desk.officerIds.officer1 }),
      bytes,
    );
    assert.ok((await keys('sm3/')).includes(`sm3/${sm3(bytes)}`), 'the object is named by its SM3');
    assert.ok(!existsSync(join(server.config.dataDir, 'blobs')), 'nothing on the local disk');
    const back = await fetchBytes(desk.officer2, `/api/evidence/${e.id}/content`);
    assert.equal(back.status, 200);
    assert.ok(back.bytes.equals(bytes));
    assert.equal(back.headers.get('x-content-sm3'), sm3(bytes));

    // A tus upload is finished into the bucket too.
    const video = someBytes(90_000, 's3-tus');
    const tus = await tusUpload(
      desk.officer1,
      video,
      tusMetadata(
        caseId,
        avPhoto({ deviceId: desk.cameras.officer1, officerId: desk.officerIds.officer1, mediaType: 'video' }),
      ),
      { chunkSize: 32 * 1024 },
    );
    assert.equal(tus.kind, 'success', JSON.stringify(tus));
    if (tus.kind !== 'success') return;
    const id = tus.headers('Mingjing-Evidence-Id')!;
    assert.ok((await fetchBytes(desk.officer1, `/api/evidence/${id}/content`)).bytes.equals(video));
    assert.ok((await keys('sm3/')).includes(`sm3/${sm3(video)}`));
  });

  test('a refused upload leaves no object, no temporary object and no multipart upload in the bucket', async () => {
    const caseId = await desk.filedCase('S3拒绝上传测试案');
    const before = await keys('');
    const bytes = someBytes(20_000);
    await refused(
      () =>
        uploadEvidence(
          desk.officer1,
          caseId,
          documentScan('声明哈希错误', { sm3: sm3(someBytes(5)) }),
          bytes,
        ),
      { status: 422, code: 'BLOB_HASH_MISMATCH', field: 'sm3' },
    );
    assert.deepEqual(await keys(''), before);
    assert.deepEqual(await keys('tmp/'), []);
    assert.deepEqual(await multipart(), []);
  });
});
