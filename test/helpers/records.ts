// Helpers for the records tests (issue 4): evidence uploads as the console sends them, a look at the
// evidence store and the tus directory on disk, and cases walked to the steps the tests need.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import * as tus from 'tus-js-client';
import type { SAMPLE_DATA } from '../../src/modules/cases/documents/samples.ts';
import { makeUscc } from '../../src/platform/identifiers/uscc.ts';
import { completedDraft } from './documents.ts';
import { rows } from './fingerprint.ts';
import { type Client, loggedIn, type Reply, type TestServer } from './server.ts';

export const sm3 = (bytes: Uint8Array): string => createHash('sm3').update(bytes).digest('hex');

/** A day in Asia/Shanghai, `offset` days from today (the calendar the platform counts in). */
export const shanghaiDay = (offset = 0): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

export const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();

/** Distinct bytes for each call (so no two tests deduplicate by accident). */
let made = 0;
export function someBytes(size: number, label = 'evidence'): Buffer {
  made++;
  const b = Buffer.alloc(size);
  const seed = Buffer.from(`${label}-${made}-${process.pid}-${Date.now()}-`);
  for (let i = 0; i < size; i++) b[i] = (seed[i % seed.length]! + Math.floor(i / seed.length)) & 0xff;
  return b;
}

export type EvidenceFields = Record<string, string | undefined>;

/** The form the console sends: every field first, the part `file` last (undefined fields left out). */
export function evidenceForm(
  fields: EvidenceFields,
  bytes: Uint8Array,
  file: { name?: string; type?: string } = {},
): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
  fd.append(
    'file',
    new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }),
    file.name ?? 'evidence.bin',
  );
  return fd;
}

/** POST /api/cases/:id/evidence (multipart, file last). */
export function uploadEvidence(
  client: Client,
  caseId: string,
  fields: EvidenceFields,
  bytes: Uint8Array,
  file: { name?: string; type?: string } = {},
): Promise<Reply<any>> {
  return client.request('POST', `/api/cases/${caseId}/evidence`, evidenceForm(fields, bytes, file));
}

/** Fields of an AV photo that carries everything R3 asks for (capture time, device, officer, place). */
export function avPhoto(o: {
  deviceId: string;
  officerId: string;
  stepKey?: string;
  title?: string;
  capturedAt?: string;
  location?: string;
  mediaType?: string;
  extra?: EvidenceFields;
}): EvidenceFields {
  return {
    stepKey: o.stepKey ?? 'investigation',
    mediaType: o.mediaType ?? 'photo',
    title: o.title ?? '执法记录仪拍摄：现场照片',
    capturedAt: o.capturedAt ?? hoursAgo(1),
    deviceId: o.deviceId,
    officerId: o.officerId,
    location: o.location ?? '安徽省蚌埠市龙子湖区治淮路268号',
    ...o.extra,
  };
}

/** Fields of a document scan (书证): not AV, so no device, officer or place is needed. */
export function documentScan(title = '当事人营业执照复印件扫描', extra: EvidenceFields = {}): EvidenceFields {
  return { stepKey: 'other', mediaType: 'document', title, capturedAt: hoursAgo(2), ...extra };
}

/**
 * 行政处罚法 arts. 40, 54: a document scan stored on the case, so that its investigation may end
 * (submit_for_review is refused with EVIDENCE_REQUIRED while the case has no evidence).
 */
export async function storeEvidence(client: Client, caseId: string, title = '当事人营业执照复印件扫描') {
  const r = await uploadEvidence(client, caseId, documentScan(title), someBytes(512, 'scan'));
  assert.equal(r.status, 201, `evidence: ${r.text}`);
  return r.body as { id: string };
}

/** The head approves the proposed penalty (审批拟处罚意见) that the rights notice then announces. */
export async function approveProposal(
  head: Client,
  caseId: string,
  penalty: object,
  opinion = '同意拟处罚意见。',
) {
  const r = await head.post(`/api/cases/${caseId}/transitions`, {
    action: 'approve_proposal',
    payload: { penalty, opinion },
  });
  assert.equal(r.status, 200, `approve_proposal: ${r.text}`);
  return r.body;
}

/** Every file under `dir` (relative paths, sorted); [] when the directory does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** The local evidence store of a test server: stored blobs (by hash) and temporary files. */
export function blobStore(server: TestServer) {
  const root = join(server.config.dataDir, 'blobs');
  return {
    root,
    stored: () => filesUnder(join(root, 'sm3')).map((p) => p.split('/').pop()!),
    temporary: () => filesUnder(join(root, 'tmp')),
    pathOf: (hash: string) => join(root, 'sm3', hash.slice(0, 2), hash.slice(2, 4), hash),
  };
}

/** The tus directory of a test server (partial uploads and their .json bookkeeping). */
export const uploadsDir = (server: TestServer) => join(server.config.dataDir, 'uploads');

export async function evidenceCount(server: TestServer): Promise<number> {
  return (await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from evidence`))[0]!.n;
}

/** Polls `check` until it holds (the server may still be finishing a request the client gave up on). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** GET /api/ledger/records/:id without a session (the ledger is public). */
export async function ledgerEntries(server: TestServer, recordId: string): Promise<any[]> {
  const r = await fetch(`${server.url}/api/ledger/records/${recordId}`);
  assert.equal(r.status, 200);
  return ((await r.json()) as { entries: any[] }).entries;
}

export const PARTY = {
  type: 'legal_person',
  name: '蚌埠淮畔餐饮管理有限公司',
  idNumber: makeUscc('91340300MA2N7H3C0'),
  representative: '周海燕',
  address: '安徽省蚌埠市龙子湖区东海大道1688号',
};

/**
 * The 市场监管局 demo accounts and their case work over HTTP: filing, stepping, and walking cases to the
 * points the records tests need. Logs in once per server.
 */
export async function scjgDesk(server: TestServer) {
  const [officer1, officer2, head, admin] = await Promise.all([
    loggedIn(server, 'scjg_officer1'),
    loggedIn(server, 'scjg_officer2'),
    loggedIn(server, 'scjg_head'),
    loggedIn(server, 'scjg_admin'),
  ]);
  const me = async (c: Client) => (await c.get('/api/auth/me')).body.user;
  const [u1, u2] = await Promise.all([me(officer1), me(officer2)]);
  const items = (await officer1.get('/api/items')).body.items as { id: string; code: string }[];
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const devices = (await admin.get('/api/devices')).body.items as any[];
  const device = (serial: string) => devices.find((d) => d.serialNumber === serial)!.id as string;
  const team = [u1.officerId as string, u2.officerId as string];

  const step = (c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) =>
    c.post(`/api/cases/${caseId}/transitions`, { action, payload, ...extra });
  const ok = async (c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) => {
    const r = await step(c, caseId, action, payload, extra);
    assert.equal(r.status, 200, `${action}: ${r.text}`);
    return r.body;
  };
  const doc = async (caseId: string, kind: keyof typeof SAMPLE_DATA) => {
    const data = await completedDraft(officer1, caseId, kind);
    const r = await officer1.post(`/api/cases/${caseId}/documents`, { kind, data });
    assert.equal(r.status, 201, `${kind}: ${r.text}`);
    return r.body as { id: string };
  };

  /** A lead registered by officer 1 and filed by the head: an ordinary case in investigation. */
  async function filedCase(title = '涉嫌未取得食品经营许可从事食品经营活动案'): Promise<string> {
    const lead = await officer1.post('/api/cases', {
      procedure: 'lead',
      itemId: item('SCJG-CF-001'),
      title,
      payload: { source: 'complaint', summary: '群众举报某餐饮公司无证经营' },
    });
    assert.equal(lead.status, 201, lead.text);
    const filed = await ok(
      head,
      lead.body.id,
      'file',
      { violationOn: shanghaiDay(-40) },
      { case: { teamOfficerIds: team, party: PARTY } },
    );
    return filed.filedCaseId as string;
  }

  /**
   * An ordinary case walked from filing to `close` (a warning, rights waived). `withDocuments`: the
   * 立案审批表, 送达回证 and 结案审批表 are issued too, so the file is complete; without them it is not.
   */
  async function closedOrdinaryCase(title: string, withDocuments: boolean): Promise<string> {
    const today = shanghaiDay();
    const id = await filedCase(title);
    if (withDocuments) await doc(id, 'filing_approval');
    await storeEvidence(officer1, id);
    await ok(officer1, id, 'submit_for_review');
    const penalty = { kinds: ['warning'] };
    await approveProposal(head, id, penalty);
    await ok(
      officer1,
      id,
      'notify_rights',
      { penalty, servedOn: today },
      {
        document: await completedDraft(officer1, id, 'penalty_rights_notice', {
          action: 'notify_rights',
          payload: { penalty, servedOn: today },
        }),
      },
    );
    await ok(officer2, id, 'close_rights_period', {
      waived: true,
      waiverRef: '当事人书面声明放弃陈述、申辩',
    });
    const decision = await completedDraft(head, id, 'penalty_decision', {
      action: 'decide',
      payload: { penalty },
    });
    await ok(head, id, 'decide', { penalty }, { document: decision });
    await ok(officer1, id, 'serve', { method: 'direct', servedOn: today });
    await ok(officer1, id, 'record_execution', { executedOn: today });
    await ok(head, id, 'close');
    if (withDocuments) {
      await doc(id, 'service_receipt');
      await doc(id, 'closing_approval');
    }
    return id;
  }

  /** A planned inspection cancelled by the head: the shortest case that can be archived. */
  async function cancelledInspection(title: string): Promise<string> {
    const opened = await officer1.post('/api/cases', {
      procedure: 'inspection',
      itemId: item('SCJG-JC-001'),
      title,
      party: PARTY,
      teamOfficerIds: team,
    });
    assert.equal(opened.status, 201, opened.text);
    await ok(head, opened.body.id, 'cancel', { reason: '检查对象已停业' });
    return opened.body.id as string;
  }

  /** A coercive measure (扣押) approved by the head, waiting to be applied on site. */
  async function approvedSeizure(title = '扣押过期冷冻食品'): Promise<string> {
    const opened = await officer1.post('/api/cases', {
      procedure: 'coercive',
      itemId: item('SCJG-QZ-001'),
      title,
      party: PARTY,
      teamOfficerIds: team,
      payload: { measure: 'seize', property: '仓库内超过保质期的冷冻食品', reason: '防止流入市场' },
    });
    assert.equal(opened.status, 201, opened.text);
    await ok(head, opened.body.id, 'approve');
    return opened.body.id as string;
  }

  return {
    officer1,
    officer2,
    head,
    admin,
    /** user ids (the access log's `userId`) */
    userIds: { officer1: u1.id as string, officer2: u2.id as string },
    officerIds: { officer1: team[0]!, officer2: team[1]! },
    team,
    agencyId: u1.agencyId as string,
    item,
    /** demo body cameras held by officer 1 and 2, and the camera retired 100 days ago */
    cameras: {
      officer1: device('SCJG-JLY-001'),
      officer2: device('SCJG-JLY-002'),
      retired: device('SCJG-JLY-000'),
    },
    step,
    ok,
    doc,
    filedCase,
    closedOrdinaryCase,
    cancelledInspection,
    approvedSeizure,
  };
}
export type ScjgDesk = Awaited<ReturnType<typeof scjgDesk>>;

/** A GET whose answer is bytes (evidence content), with the client's session. */
export async function fetchBytes(
  client: Client,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; bytes: Buffer; json: any }> {
  const res = await fetch(client.base + path, { headers: { cookie: client.cookie, ...headers } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = (res.headers.get('content-type') ?? '').includes('json')
    ? JSON.parse(bytes.toString('utf8'))
    : null;
  return { status: res.status, headers: res.headers, bytes, json };
}

/**
 * A multipart upload sent by hand over node:http, so a test can stop writing half-way (an interrupted
 * upload) or wait for the answer before the body is complete (refused before the file is read).
 * `start` holds the fields and the file part's headers; write file bytes, then `end` (or destroy).
 */
export function rawEvidenceUpload(client: Client, caseId: string, fields: EvidenceFields, file: string) {
  const boundary = `----mingjing-test-${Math.random().toString(16).slice(2)}`;
  let head = '';
  for (const [k, v] of Object.entries(fields))
    if (v !== undefined)
      head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const url = new URL(`${client.base}/api/cases/${caseId}/evidence`);
  const req = http.request(url, {
    method: 'POST',
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'transfer-encoding': 'chunked',
    },
  });
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
  // An aborted request rejects `answer`; callers that abort on purpose do not await it.
  answer.catch(() => undefined);
  req.write(head);
  return {
    req,
    answer,
    tail: `\r\n--${boundary}--\r\n`,
  };
}

export type TusOutcome =
  | { kind: 'success'; url: string; status: number; headers: (name: string) => string | undefined; body: any }
  | { kind: 'error'; url: string | null; status: number | undefined; body: any; message: string }
  | { kind: 'aborted'; url: string; offset: number };

/**
 * A tus upload with tus-js-client as a phone would send it (session cookie and CSRF header of `client`).
 * `abortAfterFirstChunk` stops it like a lost connection once the server has acknowledged one chunk.
 */
export function tusUpload(
  client: Client,
  bytes: Buffer,
  metadata: Record<string, string>,
  o: {
    chunkSize?: number;
    uploadUrl?: string;
    abortAfterFirstChunk?: boolean;
    onBeforeRequest?: (req: tus.HttpRequest) => void;
  } = {},
): Promise<TusOutcome> {
  return new Promise((resolve) => {
    const upload: tus.Upload = new tus.Upload(bytes, {
      endpoint: `${client.base}/api/uploads`,
      ...(o.uploadUrl ? { uploadUrl: o.uploadUrl } : {}),
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrf },
      metadata,
      ...(o.chunkSize ? { chunkSize: o.chunkSize } : {}),
      retryDelays: null,
      ...(o.onBeforeRequest ? { onBeforeRequest: o.onBeforeRequest } : {}),
      onChunkComplete(_size, accepted) {
        if (o.abortAfterFirstChunk)
          void upload.abort().then(() => resolve({ kind: 'aborted', url: upload.url!, offset: accepted }));
      },
      onSuccess({ lastResponse }) {
        const text = lastResponse.getBody();
        resolve({
          kind: 'success',
          url: upload.url!,
          status: lastResponse.getStatus(),
          headers: (name) => lastResponse.getHeader(name),
          body: text ? JSON.parse(text) : null,
        });
      },
      onError(error) {
        const res = (error as tus.DetailedError).originalResponse;
        const text = res?.getBody();
        let body: any = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {}
        resolve({ kind: 'error', url: upload.url, status: res?.getStatus(), body, message: error.message });
      },
    });
    upload.start();
  });
}

/** tus metadata of an AV photo (what the console's uploader sends). */
export function tusMetadata(caseId: string, fields: EvidenceFields, file = 'video.mp4', type = 'video/mp4') {
  const m: Record<string, string> = { caseId, filename: file, filetype: type };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) m[k] = v;
  return m;
}

/** A raw tus request (HEAD, PATCH, POST) with the client's session, for the protocol's edges. */
export function tusRequest(
  url: string,
  client: Client | null,
  method: string,
  headers: Record<string, string> = {},
  body?: Uint8Array,
) {
  return fetch(url, {
    method,
    headers: {
      'tus-resumable': '1.0.0',
      ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {}),
      ...headers,
    },
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
}

/** tus Upload-Metadata: comma-separated `key base64(value)`. */
export const encodeTusMetadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');

/** What a refusal must carry: status, stable code, the field, and a Chinese message naming it. */
export interface Want {
  status: number;
  code: string;
  field?: string;
  /** words the Chinese message must contain (the field's name) */
  names?: RegExp;
}

export function checkError(r: { status: number; body: any; text?: string }, want: Want) {
  const text = r.text ?? JSON.stringify(r.body);
  assert.equal(r.status, want.status, `status: ${text}`);
  assert.equal(r.body?.error?.code, want.code, text);
  if (want.field) assert.equal(r.body.error.field, want.field, text);
  assert.match(r.body.error.message, /[\u4e00-\u9fff]/, 'the message is Chinese');
  if (want.names) assert.match(r.body.error.message, want.names, 'the message names what is wrong');
}
