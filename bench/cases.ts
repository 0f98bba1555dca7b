import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.ts';
import { composeServices } from '../src/composition.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import {
  buildDocumentContent,
  documentContentHash,
  getTemplate,
  renderDocumentPdf,
  signContentHash,
} from '../src/modules/cases/documents/index.ts';
import { SAMPLE_AGENCY, SAMPLE_DATA } from '../src/modules/cases/documents/samples.ts';
import { generateSm2KeyPair } from '../src/platform/crypto/index.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { benchDatabase, fmt } from './lib.ts';

const PASSWORD = 'Bench-password-2026';

class Session {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async req(method: string, path: string, body?: unknown) {
    const r = await fetch(this.base + path, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = r.headers.get('set-cookie');
    if (set) this.cookie = /mj_session=[^;]*/.exec(set)?.[0] ?? this.cookie;
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  }
  async login(username: string) {
    this.csrf = (await this.req('POST', '/api/auth/login', { username, password: PASSWORD })).csrfToken;
    return this;
  }
}

/** What the case records: left to the draft, never taken from the sample. */
const CASE_FIELDS = new Set([
  'party',
  'officers',
  'handlers',
  'servers',
  'filingDate',
  'fineFen',
  'confiscatedIncomeFen',
  'warning',
  'otherPenalties',
  'hearingRight',
  'decisionNumber',
  'documents',
  'serviceTime',
  'serviceMethod',
  'decisionSummary',
  'executionStatus',
]);

/**
 * One case from lead to archive over HTTP: 19 requests (5 of them documents' drafts), each a transaction with events, clocks, audit and
 * ledger entries; the archive step assembles, checks and locks the case file, so the procedural documents
 * the file must hold (立案审批表, 告知书, 决定书, 送达回证, 结案审批表) are issued on the way.
 */
async function fullProcedure(
  o1: Session,
  o2: Session,
  head: Session,
  itemId: string,
  team: string[],
  today: string,
) {
  const lead = await o1.req('POST', '/api/cases', {
    procedure: 'lead',
    itemId,
    title: '性能测试案',
    payload: { source: 'inspection', summary: '检查发现' },
  });
  const party = {
    type: 'legal_person',
    name: '蚌埠淮畔餐饮管理有限公司',
    idNumber: makeUscc('91340300MA2N7H3C0'),
  };
  const filed = await head.req('POST', `/api/cases/${lead.id}/transitions`, {
    action: 'file',
    case: { teamOfficerIds: team, party },
  });
  const id = filed.filedCaseId;
  const t = (s: Session, action: string, payload: object = {}, extra: object = {}) =>
    s.req('POST', `/api/cases/${id}/transitions`, { action, payload, ...extra });
  // As an officer works: the form's draft from the case, completed with what only a person knows.
  const draft = async (
    s: Session,
    kind: keyof typeof SAMPLE_DATA,
    step: { action?: string; payload?: object } = {},
  ) => {
    const d = await s.req('POST', `/api/cases/${id}/documents/draft`, { kind, ...step });
    const data: Record<string, unknown> = { ...d.data };
    for (const [k, v] of Object.entries(SAMPLE_DATA[kind]))
      if (data[k] === undefined || data[k] === '' || (Array.isArray(data[k]) && !data[k].length))
        if (!CASE_FIELDS.has(k)) data[k] = v;
    return data;
  };
  const doc = async (kind: keyof typeof SAMPLE_DATA) =>
    o1.req('POST', `/api/cases/${id}/documents`, { kind, data: await draft(o1, kind) });
  const fine = { kinds: ['fine'], fineFen: 100_000 };
  await doc('filing_approval');
  await t(o1, 'submit_for_review');
  const notify = { penalty: fine, servedOn: today };
  await t(o1, 'notify_rights', notify, {
    document: await draft(o1, 'penalty_rights_notice', { action: 'notify_rights', payload: notify }),
  });
  await t(o2, 'close_rights_period', { waived: true, waiverRef: '书面放弃' });
  await t(
    head,
    'decide',
    { penalty: fine },
    { document: await draft(head, 'penalty_decision', { action: 'decide', payload: { penalty: fine } }) },
  );
  await t(o1, 'serve', { method: 'direct', servedOn: today });
  await doc('service_receipt');
  await t(o1, 'record_execution', { executedOn: today, paidFen: 100_000 });
  await doc('closing_approval');
  await t(head, 'close');
  await t(o1, 'archive');
}

async function benchEngine(kind: 'pglite' | 'postgres', cases: number) {
  const { database, drop } = await benchDatabase(kind, { prefix: 'mj_bench', poolSize: 10 });
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-bench-'));
  try {
    const config = {
      ...loadConfig({
        LOG_LEVEL: 'silent',
        MINGJING_MASTER_KEY: randomBytes(32).toString('hex'),
        MINGJING_DATA: dataDir,
      }),
      port: 0,
    };
    await seedDemo(database, { password: PASSWORD, services: composeServices(config) });
    const app = await createApp(config, database);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const [o1, o2, head] = [
      await new Session(base).login('scjg_officer1'),
      await new Session(base).login('scjg_officer2'),
      await new Session(base).login('scjg_head'),
    ];
    const itemId = (await o1.req('GET', '/api/items?type=penalty')).items[0].id;
    const team = [
      (await o1.req('GET', '/api/auth/me')).user.officerId,
      (await o2.req('GET', '/api/auth/me')).user.officerId,
    ];
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await fullProcedure(o1, o2, head, itemId, team, today); // warm-up
    const t0 = performance.now();
    // Four officers' worth of concurrent work: cases proceed in parallel, each step by step.
    const lanes = 4;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let i = 0; i < cases / lanes; i++) await fullProcedure(o1, o2, head, itemId, team, today);
      }),
    );
    const s = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (let i = 0; i < 200; i++) await fetch(`${base}/healthz`);
    const healthRps = 200 / ((performance.now() - t1) / 1000);
    await app.close();
    console.log(
      `${kind.padEnd(8)} ${fmt(cases / s, 1)} cases/s through the full ordinary procedure (${fmt((cases * 14) / s)} requests/s, ${cases} cases, 4 in parallel); /healthz sequential ${fmt(healthRps)} req/s`,
    );
  } finally {
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchCases(opts: { seconds: number }) {
  console.log('\n## Case handling (HTTP, lead → filing → … → archive, each step one transaction)');
  const cases = Number(process.env.BENCH_CASES ?? 40);
  await benchEngine('pglite', cases);
  await benchEngine('postgres', cases);

  console.log('\n## Documents (行政处罚决定书, CJK font subset, vector seal and QR)');
  const template = getTemplate('penalty_decision');
  const keys = generateSm2KeyPair();
  const input = {
    template,
    data: SAMPLE_DATA.penalty_decision,
    agencyName: SAMPLE_AGENCY,
    documentNumber: '蚌市监处罚〔2026〕17号',
    verifyUrl: 'https://zhifa.example.gov.cn/documents/00000000-0000-0000-0000-000000000000',
    seal: { ...keys, agencyName: SAMPLE_AGENCY },
    issuedAt: '2026-03-18',
  };
  await renderDocumentPdf(input); // fonts parsed once per process
  let n = 0;
  let bytes = 0;
  const end = performance.now() + opts.seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < end) {
    bytes = (await renderDocumentPdf(input)).pdf.length;
    n++;
  }
  const rendered = n / ((performance.now() - t0) / 1000);
  // Reference: the same document's structured part alone (content, SM3 hash, SM2 signature).
  let m = 0;
  const t1 = performance.now();
  const end1 = t1 + 1000;
  while (performance.now() < end1) {
    const content = buildDocumentContent(template, SAMPLE_DATA.penalty_decision, {
      agencyName: SAMPLE_AGENCY,
      issuedOn: '2026-03-18',
    });
    signContentHash(documentContentHash(content), keys);
    m++;
  }
  const signed = m / ((performance.now() - t1) / 1000);
  console.log(`rendered to PDF: ${fmt(rendered, 1)} documents/s (${fmt(bytes / 1024)} KB each)`);
  console.log(
    `reference, content + SM3 + SM2 signature only: ${fmt(signed, 1)} documents/s (PDF layout and font subsetting cost ${fmt(signed / rendered, 1)}×)`,
  );
}
