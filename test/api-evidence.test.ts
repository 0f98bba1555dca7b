import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SAMPLE_DATA } from '../src/modules/cases/documents/samples.ts';
import { completedDraft } from './helpers/documents.ts';
import { expectUnchanged } from './helpers/fingerprint.ts';
import {
  avPhoto,
  blobStore,
  checkError,
  documentScan,
  encodeTusMetadata,
  eventually,
  evidenceCount,
  evidenceForm,
  fetchBytes,
  filesUnder,
  hoursAgo,
  ledgerEntries,
  rawEvidenceUpload,
  type ScjgDesk,
  scjgDesk,
  shanghaiDay,
  sm3,
  someBytes,
  tusMetadata,
  tusRequest,
  tusUpload,
  uploadEvidence,
  uploadsDir,
  type Want,
} from './helpers/records.ts';
import { type Client, loggedIn, type Reply, startServer, type TestServer } from './helpers/server.ts';

// Evidence and AV records over real HTTP (issue 4, R3-R5): multipart and tus uploads into the local
// evidence store, what an AV record must carry, the AV guard of a mandatory step, the 24-hour flag, and
// every way an upload can go wrong leaving neither a record nor a file behind.
// One server with a small upload limit (256 KiB: the demo's media fit), so limits are cheap to pass.
const LIMIT = 256 * 1024;
let server: TestServer;
let desk: ScjgDesk;
let caseId: string; // an ordinary case of 市场监管局 in investigation, team officer 1 and 2
let store: ReturnType<typeof blobStore>;

before(async () => {
  server = await startServer({ env: { MINGJING_EVIDENCE_MAX_BYTES: String(LIMIT) } });
  desk = await scjgDesk(server);
  store = blobStore(server);
  caseId = await desk.filedCase('证据上传测试案');
});
after(async () => {
  await server?.close();
});

/**
 * Sends an upload that must be refused: the database is unchanged, and no file was stored or left in
 * the store's temporary area.
 */
async function refusedUpload(send: () => Promise<Reply<any>>, want: Want): Promise<Reply<any>> {
  const stored = store.stored();
  const r = await expectUnchanged(server.database.db, send, want.code);
  checkError(r, want);
  assert.deepEqual(store.stored(), stored, 'no file stored');
  assert.deepEqual(store.temporary(), [], 'no temporary file left');
  return r;
}

const photoOf1 = (extra: Parameters<typeof avPhoto>[0]['extra'] = {}, over = {}) =>
  avPhoto({ deviceId: desk.cameras.officer1, officerId: desk.officerIds.officer1, extra, ...over });

describe('evidence upload (multipart, fields then the file)', () => {
  test('an AV photo with capture time, device, officer and place is stored, listed, read back and logged', async () => {
    const bytes = someBytes(5_000, 'scene');
    const capturedAt = hoursAgo(2);
    const r = await uploadEvidence(desk.officer1, caseId, photoOf1({}, { capturedAt }), bytes, {
      name: '现场照片.jpg',
      type: 'image/jpeg',
    });
    assert.equal(r.status, 201, r.text);
    const e = r.body;
    assert.equal(e.isAv, true);
    assert.equal(e.mediaType, 'photo');
    assert.equal(e.stepKey, 'investigation');
    assert.equal(e.contentHash, sm3(bytes));
    assert.equal(e.size, bytes.length);
    assert.equal(e.capturedAt, capturedAt);
    assert.equal(e.deviceId, desk.cameras.officer1);
    assert.equal(e.officerId, desk.officerIds.officer1);
    assert.equal(e.location, '安徽省蚌埠市龙子湖区治淮路268号');
    assert.equal(e.fileName, '现场照片.jpg');
    assert.equal(e.lateUpload, false);
    assert.equal(e.confidentiality, 'none');

    const list = await desk.officer2.get(`/api/cases/${caseId}/evidence`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.find((i: { id: string }) => i.id === e.id),
      e,
      'listed with the same metadata',
    );

    const content = await fetchBytes(desk.officer2, `/api/evidence/${e.id}/content`);
    assert.equal(content.status, 200);
    assert.ok(content.bytes.equals(bytes), 'the bytes come back identical');
    assert.equal(content.headers.get('x-content-sm3'), sm3(bytes));
    assert.equal(content.headers.get('content-type'), 'image/jpeg');
    assert.equal(content.headers.get('accept-ranges'), 'bytes');

    const part = await fetchBytes(desk.officer2, `/api/evidence/${e.id}/content`, {
      range: 'bytes=1000-1999',
    });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 1000-1999/${bytes.length}`);
    assert.ok(part.bytes.equals(bytes.subarray(1000, 2000)), 'the range is the right slice');
    const tail = await fetchBytes(desk.officer2, `/api/evidence/${e.id}/content`, { range: 'bytes=-16' });
    assert.equal(tail.status, 206);
    assert.ok(tail.bytes.equals(bytes.subarray(bytes.length - 16)));
    const past = await fetchBytes(desk.officer2, `/api/evidence/${e.id}/content`, {
      range: `bytes=${bytes.length}-`,
    });
    assert.equal(past.status, 416);
    assert.equal(past.headers.get('content-range'), `bytes */${bytes.length}`);

    // In the evidence store under its SM3, and in the public ledger with that hash (R6).
    assert.ok(store.stored().includes(e.contentHash));
    const entries = await ledgerEntries(server, e.id);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].entry.kind, 'evidence.file');
    assert.equal(entries[0].entry.contentHash, sm3(bytes));
    assert.equal(entries[0].entry.caseId, caseId);
  });

  test('the same bytes uploaded twice are two records and one stored file', async () => {
    const bytes = someBytes(3_000, 'twice');
    const before = store.stored();
    const a = await uploadEvidence(desk.officer1, caseId, photoOf1({ title: '照片（第一次上传）' }), bytes);
    const b = await uploadEvidence(desk.officer2, caseId, photoOf1({ title: '照片（第二次上传）' }), bytes);
    assert.equal(a.status, 201, a.text);
    assert.equal(b.status, 201, b.text);
    assert.notEqual(a.body.id, b.body.id, 'two records');
    assert.equal(a.body.contentHash, b.body.contentHash);
    const added = store.stored().filter((h) => !before.includes(h));
    assert.deepEqual(added, [sm3(bytes)], 'one file, named by its SM3');
    for (const id of [a.body.id, b.body.id]) {
      const c = await fetchBytes(desk.officer1, `/api/evidence/${id}/content`);
      assert.ok(c.bytes.equals(bytes));
    }
  });

  test('an AV record without device, officer or place is refused naming each, and stores nothing', async () => {
    const bytes = someBytes(2_000);
    const none = await refusedUpload(
      () =>
        uploadEvidence(
          desk.officer1,
          caseId,
          photoOf1({ deviceId: undefined, officerId: undefined, location: undefined }),
          bytes,
        ),
      { status: 400, code: 'EVIDENCE_DEVICE_REQUIRED', field: 'deviceId', names: /记录设备/ },
    );
    assert.deepEqual(
      none.body.error.reasons.map((v: { code: string; field: string }) => [v.code, v.field]),
      [
        ['EVIDENCE_DEVICE_REQUIRED', 'deviceId'],
        ['EVIDENCE_OFFICER_REQUIRED', 'officerId'],
        ['EVIDENCE_LOCATION_REQUIRED', 'location'],
      ],
    );
    await refusedUpload(() => uploadEvidence(desk.officer1, caseId, photoOf1({ officerId: '' }), bytes), {
      status: 400,
      code: 'EVIDENCE_OFFICER_REQUIRED',
      field: 'officerId',
      names: /执法人员/,
    });
    await refusedUpload(() => uploadEvidence(desk.officer1, caseId, photoOf1({ location: '   ' }), bytes), {
      status: 400,
      code: 'EVIDENCE_LOCATION_REQUIRED',
      field: 'location',
      names: /拍摄地点/,
    });
    for (const mediaType of ['video', 'audio']) {
      await refusedUpload(
        () => uploadEvidence(desk.officer1, caseId, photoOf1({ mediaType, deviceId: undefined }), bytes),
        { status: 400, code: 'EVIDENCE_DEVICE_REQUIRED', field: 'deviceId' },
      );
    }
    // A document scan is not an AV record: it needs none of them.
    const scan = await uploadEvidence(desk.officer1, caseId, documentScan(), bytes);
    assert.equal(scan.status, 201, scan.text);
    assert.equal(scan.body.isAv, false);
  });

  test('a device of another agency, an unregistered device and another agency’s officer are refused', async () => {
    const cgAdmin = await loggedIn(server, 'cg_admin');
    const cgAgency = (await cgAdmin.get('/api/auth/me')).body.user.agencyId;
    const cgDevice = await cgAdmin.post('/api/devices', {
      agencyId: cgAgency,
      kind: 'body_camera',
      serialNumber: 'CG-JLY-TEST-1',
      model: '城管执法记录仪',
    });
    assert.equal(cgDevice.status, 201, cgDevice.text);
    const bytes = someBytes(1_000);
    for (const deviceId of [cgDevice.body.id, crypto.randomUUID(), 'not-a-uuid']) {
      await refusedUpload(() => uploadEvidence(desk.officer1, caseId, photoOf1({}, { deviceId }), bytes), {
        status: 404,
        code: 'DEVICE_NOT_FOUND',
        field: 'deviceId',
        names: /设备/,
      });
    }
    const cgOfficer = await loggedIn(server, 'cg_officer1');
    const cgOfficerId = (await cgOfficer.get('/api/auth/me')).body.user.officerId;
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, photoOf1({}, { officerId: cgOfficerId }), bytes),
      { status: 404, code: 'OFFICER_NOT_FOUND', field: 'officerId', names: /执法人员/ },
    );
  });

  test('a device retired before the capture time is refused', async () => {
    // The demo's SCJG-JLY-000 was retired 100 days ago.
    await refusedUpload(
      () =>
        uploadEvidence(
          desk.officer1,
          caseId,
          photoOf1({}, { deviceId: desk.cameras.retired }),
          someBytes(1_000),
        ),
      { status: 400, code: 'DEVICE_RETIRED', field: 'deviceId', names: /停用/ },
    );
  });

  test('a capture time in the future is refused; a camera clock a few minutes fast is tolerated', async () => {
    const bytes = someBytes(1_000);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, photoOf1({ capturedAt: inAnHour }), bytes),
      { status: 400, code: 'EVIDENCE_CAPTURED_IN_FUTURE', field: 'capturedAt', names: /拍摄/ },
    );
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, photoOf1({ capturedAt: '昨天下午' }), bytes),
      { status: 400, code: 'EVIDENCE_CAPTURED_AT_INVALID', field: 'capturedAt', names: /时间/ },
    );
    const skewed = new Date(Date.now() + 3 * 60_000).toISOString();
    const ok = await uploadEvidence(desk.officer1, caseId, photoOf1({ capturedAt: skewed }), bytes);
    assert.equal(ok.status, 201, ok.text);
  });

  test('malformed uploads are refused naming the part at fault', async () => {
    const bytes = someBytes(500);
    const noFile = new FormData();
    for (const [k, v] of Object.entries(documentScan())) noFile.append(k, v!);
    await refusedUpload(() => desk.officer1.request('POST', `/api/cases/${caseId}/evidence`, noFile), {
      status: 400,
      code: 'EVIDENCE_FILE_REQUIRED',
      field: 'file',
      names: /文件/,
    });
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { color: 'red' }), bytes),
      { status: 400, code: 'UNKNOWN_FIELD', field: 'color', names: /color/ },
    );
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { title: undefined }), bytes),
      { status: 400, code: 'FIELD_REQUIRED', field: 'title', names: /title/ },
    );
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { stepKey: 'lunch' }), bytes),
      { status: 400, code: 'EVIDENCE_STEP_INVALID', field: 'stepKey', names: /环节/ },
    );
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { mediaType: 'hologram' }), bytes),
      { status: 400, code: 'EVIDENCE_MEDIA_TYPE_INVALID', field: 'mediaType', names: /记录类型/ },
    );
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { confidentiality: 'secret' }), bytes),
      { status: 400, code: 'EVIDENCE_CONFIDENTIALITY_INVALID', field: 'confidentiality', names: /保密/ },
    );
    // A mark sent after the file must not be dropped silently: the whole upload is refused, nothing kept.
    const late = evidenceForm(documentScan(), bytes);
    late.append('confidentiality', 'trade_secret');
    await refusedUpload(() => desk.officer1.request('POST', `/api/cases/${caseId}/evidence`, late), {
      status: 400,
      code: 'FIELD_AFTER_FILE',
      field: 'confidentiality',
      names: /文件之前/,
    });
    const json = await expectUnchanged(server.database.db, () =>
      desk.officer1.post(`/api/cases/${caseId}/evidence`, documentScan()),
    );
    checkError(json, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file', names: /multipart/ });
  });
});

describe('R4: a mandatory AV step needs its AV record', () => {
  test('a seizure is applied only once an AV record of the application step is stored', async () => {
    const id = await desk.approvedSeizure();
    const decision = await completedDraft(
      desk.officer1,
      id,
      'coercive_measure_decision',
      { action: 'apply', payload: { appliedOn: shanghaiDay() } },
      { items: SAMPLE_DATA.coercive_measure_decision.items },
    );
    const apply = () =>
      desk.step(desk.officer1, id, 'apply', { appliedOn: shanghaiDay() }, { document: decision });
    const refuse = async () => {
      const r = await expectUnchanged(server.database.db, apply, 'apply without AV');
      checkError(r, { status: 409, code: 'AV_RECORD_REQUIRED' });
      assert.match(r.body.error.message, /实施查封扣押/);
    };
    await refuse();
    // An AV record of another step, or a document scan of this step, is not the AV record of this step.
    const other = await uploadEvidence(
      desk.officer1,
      id,
      photoOf1({ stepKey: 'investigation' }),
      someBytes(800),
    );
    assert.equal(other.status, 201, other.text);
    const scan = await uploadEvidence(
      desk.officer1,
      id,
      documentScan('扣押物品清单扫描', { stepKey: 'coercive_application' }),
      someBytes(800),
    );
    assert.equal(scan.status, 201, scan.text);
    await refuse();
    const video = await uploadEvidence(
      desk.officer2,
      id,
      avPhoto({
        deviceId: desk.cameras.officer2,
        officerId: desk.officerIds.officer2,
        stepKey: 'coercive_application',
        mediaType: 'video',
        title: '执法记录仪视频：扣押全过程',
      }),
      someBytes(4_000),
      { name: 'seize.mp4', type: 'video/mp4' },
    );
    assert.equal(video.status, 201, video.text);
    const applied = await apply();
    assert.equal(applied.status, 200, applied.text);
    assert.equal(applied.body.state, 'in_effect');
  });
});

describe('R5: the 24-hour upload rule', () => {
  test('an AV record stored more than 24 hours after capture is accepted but flagged and counted', async () => {
    const period = `from=${shanghaiDay(-1)}&to=${shanghaiDay(1)}`;
    const stats = async () => {
      const r = await desk.head.get(`/api/records/statistics?${period}`);
      assert.equal(r.status, 200, r.text);
      const agency = r.body.agencies.find((a: { agencyId: string }) => a.agencyId === desk.agencyId) ?? {
        total: 0,
        av: 0,
        late: 0,
      };
      const officer = r.body.officers.find(
        (o: { officerId: string }) => o.officerId === desk.officerIds.officer2,
      ) ?? { av: 0, late: 0 };
      return { agency, officer };
    };
    const before = await stats();
    const photo2 = (capturedAt: string, title: string) =>
      avPhoto({
        deviceId: desk.cameras.officer2,
        officerId: desk.officerIds.officer2,
        capturedAt,
        title,
      });
    const late = await uploadEvidence(
      desk.officer2,
      caseId,
      photo2(hoursAgo(25), '25小时前拍摄'),
      someBytes(900),
    );
    assert.equal(late.status, 201, late.text);
    assert.equal(late.body.lateUpload, true, '25 hours: late');
    const onTime = await uploadEvidence(
      desk.officer2,
      caseId,
      photo2(hoursAgo(23), '23小时前拍摄'),
      someBytes(900),
    );
    assert.equal(onTime.status, 201, onTime.text);
    assert.equal(onTime.body.lateUpload, false, '23 hours: in time');
    // A document scan is no AV record: the rule does not apply to it.
    const scan = await uploadEvidence(
      desk.officer2,
      caseId,
      documentScan('三天前的书证', { capturedAt: hoursAgo(72) }),
      someBytes(900),
    );
    assert.equal(scan.body.lateUpload, false);

    const after = await stats();
    assert.equal(after.officer.av - before.officer.av, 2, 'two AV records of officer 2');
    assert.equal(after.officer.late - before.officer.late, 1, 'one of them late');
    assert.equal(after.officer.lateRatio, after.officer.late / after.officer.av);
    assert.equal(after.agency.total - before.agency.total, 3);
    assert.equal(after.agency.av - before.agency.av, 2);
    assert.equal(after.agency.late - before.agency.late, 1);
    assert.equal(after.agency.lateRatio, after.agency.late / after.agency.av);
  });
});

describe('bad input: a refused or broken upload leaves no record and no file', () => {
  test('a wrong declared SM3 is refused; the right one is accepted', async () => {
    const bytes = someBytes(4_000);
    const wrong = sm3(someBytes(10));
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { sm3: wrong }), bytes),
      {
        status: 422,
        code: 'BLOB_HASH_MISMATCH',
        field: 'sm3',
        names: /SM3/,
      },
    );
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('书证', { sm3: wrong.toUpperCase() }), bytes),
      { status: 400, code: 'EVIDENCE_HASH_INVALID', field: 'sm3', names: /SM3/ },
    );
    await refusedUpload(
      () =>
        uploadEvidence(
          desk.officer1,
          caseId,
          documentScan('书证', { size: String(bytes.length + 1) }),
          bytes,
        ),
      { status: 422, code: 'BLOB_SIZE_MISMATCH', field: 'size', names: /大小/ },
    );
    const right = await uploadEvidence(
      desk.officer1,
      caseId,
      documentScan('书证', { sm3: sm3(bytes), size: String(bytes.length) }),
      bytes,
    );
    assert.equal(right.status, 201, right.text);
    assert.equal(right.body.contentHash, sm3(bytes));
  });

  test('a declared size over the limit is refused before the file is read', async () => {
    const stored = store.stored();
    const count = await evidenceCount(server);
    await expectUnchanged(server.database.db, async () => {
      const upload = rawEvidenceUpload(
        desk.officer1,
        caseId,
        documentScan('超大录像', { size: String(LIMIT + 1) }),
        'huge.mp4',
      );
      upload.req.write(someBytes(1_024));
      // The answer comes while the body is still open: nothing of the file was needed to refuse it.
      const r = await upload.answer;
      upload.req.destroy();
      checkError(r, { status: 413, code: 'BLOB_TOO_LARGE', field: 'size', names: /256 KiB/ });
    });
    assert.equal(await evidenceCount(server), count);
    assert.deepEqual(store.stored(), stored);
    assert.deepEqual(store.temporary(), []);
  });

  test('a file over the limit without a declared size is refused once the limit is passed', async () => {
    await refusedUpload(
      () => uploadEvidence(desk.officer1, caseId, documentScan('超过上限的文件'), someBytes(LIMIT + 10_000)),
      { status: 413, code: 'BLOB_TOO_LARGE', field: 'file', names: /256 KiB/ },
    );
    // Exactly at the limit is accepted.
    const full = await uploadEvidence(desk.officer1, caseId, documentScan('恰好达到上限'), someBytes(LIMIT));
    assert.equal(full.status, 201, full.text);
    assert.equal(full.body.size, LIMIT);
  });

  test('an upload interrupted mid-body leaves no record and no file, not even a temporary one', async () => {
    const stored = store.stored();
    const count = await evidenceCount(server);
    await expectUnchanged(server.database.db, async () => {
      const upload = rawEvidenceUpload(desk.officer1, caseId, documentScan('中断的上传'), 'cut.bin');
      upload.req.write(someBytes(64 * 1024));
      // The server is streaming it into the store…
      await eventually(() => store.temporary().length > 0, 'a temporary file while the bytes come');
      // …when the connection drops.
      upload.req.destroy();
      await eventually(() => store.temporary().length === 0, 'the temporary file removed');
    });
    assert.equal(await evidenceCount(server), count);
    assert.deepEqual(store.stored(), stored);
    // The server is fine afterwards.
    const next = await uploadEvidence(desk.officer1, caseId, documentScan('中断后再次上传'), someBytes(100));
    assert.equal(next.status, 201, next.text);
  });
});

describe('tus resumable uploads', () => {
  const uploads = () => filesUnder(uploadsDir(server));
  const meta = (fields: Record<string, string | undefined> = {}) =>
    tusMetadata(caseId, {
      ...avPhoto({
        deviceId: desk.cameras.officer1,
        officerId: desk.officerIds.officer1,
        mediaType: 'video',
        title: '执法记录仪视频（断点续传）',
      }),
      ...fields,
    });

  test('a complete upload becomes evidence, and the tus copy is gone', async () => {
    const bytes = someBytes(100_000, 'tus');
    const r = await tusUpload(desk.officer1, bytes, meta());
    assert.equal(r.kind, 'success', JSON.stringify(r));
    if (r.kind !== 'success') return;
    assert.equal(r.status, 201);
    const id = r.headers('Mingjing-Evidence-Id');
    assert.ok(id, 'the final answer names the evidence');
    assert.equal(r.body.id, id);
    const e = await desk.officer1.get(`/api/evidence/${id}`);
    assert.equal(e.status, 200);
    assert.equal(e.body.contentHash, sm3(bytes));
    assert.equal(e.body.mediaType, 'video');
    assert.equal(e.body.fileName, 'video.mp4');
    assert.equal(e.body.mimeType, 'video/mp4');
    const content = await fetchBytes(desk.officer1, `/api/evidence/${id}/content`);
    assert.ok(content.bytes.equals(bytes));
    assert.equal((await ledgerEntries(server, id!))[0].entry.contentHash, sm3(bytes));
    assert.deepEqual(uploads(), [], 'nothing left under uploads/');
  });

  test('an interrupted upload resumes from its offset, only by its owner, and completes intact', async () => {
    const bytes = someBytes(200_000, 'resume');
    const chunkSize = 64 * 1024;
    const first = await tusUpload(desk.officer1, bytes, meta({ title: '中断后续传的录像' }), {
      chunkSize,
      abortAfterFirstChunk: true,
    });
    assert.equal(first.kind, 'aborted', JSON.stringify(first));
    if (first.kind !== 'aborted') return;
    assert.equal(first.offset, chunkSize);
    const url = new URL(first.url, server.url).toString();
    assert.ok(uploads().length > 0, 'the partial upload waits on disk');

    // The owner sees how far it got.
    const head = await tusRequest(url, desk.officer1, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('upload-offset'), String(chunkSize));
    assert.equal(head.headers.get('upload-length'), String(bytes.length));
    // Another officer of the same agency can neither look at it nor write into it.
    const spyHead = await tusRequest(url, desk.officer2, 'HEAD');
    assert.equal(spyHead.status, 404);
    const spyPatch = await tusRequest(
      url,
      desk.officer2,
      'PATCH',
      { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(chunkSize) },
      someBytes(1_000),
    );
    assert.equal(spyPatch.status, 404);
    assert.equal((await spyPatch.json()).error.code, 'UPLOAD_NOT_FOUND');
    const spyDelete = await tusRequest(url, desk.officer2, 'DELETE');
    assert.equal(spyDelete.status, 404);
    const still = await tusRequest(url, desk.officer1, 'HEAD');
    assert.equal(still.headers.get('upload-offset'), String(chunkSize), 'untouched by the others');

    const offsets: string[] = [];
    const resumed = await tusUpload(desk.officer1, bytes, meta({ title: '中断后续传的录像' }), {
      chunkSize,
      uploadUrl: url,
      onBeforeRequest: (req) => {
        if (req.getMethod() === 'PATCH') offsets.push(req.getHeader('Upload-Offset') ?? '');
      },
    });
    assert.equal(resumed.kind, 'success', JSON.stringify(resumed));
    if (resumed.kind !== 'success') return;
    assert.equal(offsets[0], String(chunkSize), 'resumed where it stopped');
    const id = resumed.headers('Mingjing-Evidence-Id')!;
    const e = await desk.officer1.get(`/api/evidence/${id}`);
    assert.equal(e.body.contentHash, sm3(bytes), 'the resumed file is the whole file');
    assert.equal(e.body.size, bytes.length);
    assert.deepEqual(uploads(), []);
    // …and the finished upload is gone from tus.
    assert.equal((await tusRequest(url, desk.officer1, 'HEAD')).status, 404);
  });

  test('bad metadata is refused at creation, before any upload file is made', async () => {
    const create = (metadata: Record<string, string>, client: Client = desk.officer1) =>
      tusRequest(`${server.url}/api/uploads`, client, 'POST', {
        'upload-length': '1000',
        'upload-metadata': encodeTusMetadata(metadata),
      });
    const cases: [Record<string, string>, Want][] = [
      [meta({ deviceId: undefined }), { status: 400, code: 'EVIDENCE_DEVICE_REQUIRED', field: 'deviceId' }],
      [meta({ capturedAt: undefined }), { status: 400, code: 'FIELD_REQUIRED', field: 'capturedAt' }],
      [
        meta({ capturedAt: new Date(Date.now() + 86_400_000).toISOString() }),
        { status: 400, code: 'EVIDENCE_CAPTURED_IN_FUTURE', field: 'capturedAt' },
      ],
      [meta({ deviceId: desk.cameras.retired }), { status: 400, code: 'DEVICE_RETIRED', field: 'deviceId' }],
      [meta({ colour: 'red' }), { status: 400, code: 'UNKNOWN_FIELD', field: 'colour' }],
      [
        { ...meta(), caseId: '' },
        { status: 400, code: 'FIELD_REQUIRED', field: 'caseId' },
      ],
      [
        { ...meta(), caseId: crypto.randomUUID() },
        { status: 404, code: 'CASE_NOT_FOUND', field: 'caseId' },
      ],
    ];
    for (const [metadata, want] of cases) {
      const r = await expectUnchanged(server.database.db, () => create(metadata), want.code);
      const body = await r.json();
      checkError({ status: r.status, body }, want);
      assert.equal(r.headers.get('location'), null, `${want.code}: no upload made`);
      assert.deepEqual(uploads(), [], `${want.code}: no upload file`);
    }
  });

  test('the limit, the login and the role are checked at creation', async () => {
    const create = (client: Client | null, length: number) =>
      tusRequest(`${server.url}/api/uploads`, client, 'POST', {
        'upload-length': String(length),
        'upload-metadata': encodeTusMetadata(meta()),
      });
    assert.equal((await create(desk.officer1, LIMIT + 1)).status, 413);
    const anonymous = await create(null, 1000);
    assert.equal(anonymous.status, 401);
    assert.equal((await anonymous.json()).error.code, 'UNAUTHENTICATED');
    const supervisor = await loggedIn(server, 'supervisor');
    const forbidden = await create(supervisor, 1000);
    assert.equal(forbidden.status, 403);
    assert.equal((await forbidden.json()).error.code, 'FORBIDDEN');
    const noCsrf = await tusRequest(`${server.url}/api/uploads`, null, 'POST', {
      cookie: desk.officer1.cookie,
      'upload-length': '1000',
      'upload-metadata': encodeTusMetadata(meta()),
    });
    assert.equal(noCsrf.status, 403);
    assert.deepEqual(uploads(), []);
  });

  test('an upload refused when it finishes (wrong declared SM3) leaves no record, no blob and no tus file', async () => {
    const bytes = someBytes(50_000, 'tus-wrong');
    const stored = store.stored();
    const count = await evidenceCount(server);
    const r = await tusUpload(desk.officer1, bytes, meta({ sm3: sm3(someBytes(5)) }), { chunkSize: 20_000 });
    assert.equal(r.kind, 'error', JSON.stringify(r));
    if (r.kind !== 'error') return;
    assert.equal(r.status, 422);
    assert.equal(r.body.error.code, 'BLOB_HASH_MISMATCH');
    assert.equal(await evidenceCount(server), count);
    assert.deepEqual(store.stored(), stored);
    assert.deepEqual(store.temporary(), []);
    assert.deepEqual(uploads(), []);
  });
});

// Was a bug: the archived check ran only before the bytes came. An upload still streaming while its
// case was archived was then recorded into the locked file without being a correction.
describe('an upload that finishes after its case was archived', () => {
  test('is refused as CASE_FILE_LOCKED, leaving the locked file, the records and the store as they were', async () => {
    const id = await desk.cancelledInspection('上传途中归档的检查');
    const count = await evidenceCount(server);
    const stored = store.stored();
    const upload = rawEvidenceUpload(desk.officer1, id, documentScan('归档时仍在上传的扫描件'), 'scan.pdf');
    upload.req.write(someBytes(8_192, 'first half'));
    // The fields have been read and checked (the case was open then); the file is still coming.
    await new Promise((r) => setTimeout(r, 200));
    const archived = await desk.ok(desk.officer1, id, 'archive');
    assert.equal(archived.state, 'archived');
    const fileBefore = (
      await desk.head.get(`/api/cases/${id}/case-file?reason=${encodeURIComponent('核对')}`)
    ).body;
    upload.req.write(someBytes(8_192, 'second half'));
    upload.req.end(upload.tail);
    const r = await upload.answer;
    checkError(r, { status: 400, code: 'CASE_FILE_LOCKED', field: 'correctsId' });
    assert.equal(await evidenceCount(server), count);
    assert.deepEqual(store.stored(), stored);
    const fileAfter = (await desk.head.get(`/api/cases/${id}/case-file?reason=${encodeURIComponent('核对')}`))
      .body;
    assert.deepEqual(fileAfter.items, fileBefore.items);
    assert.equal(fileAfter.intact, true);
  });
});
