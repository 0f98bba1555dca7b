/**
 * The authorization matrix: every staff endpoint under /api × every role, with cross-agency (城管 admin
 * against 市场监管局 records) and cross-region (a second city, 合肥 340100, with its own supervisor)
 * attempts. The matrix is data: one row per endpoint target, one expected outcome per role, and one
 * generated test per cell. Every refused request must leave the database as it was.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { SAMPLE_DATA } from '../src/modules/cases/documents/samples.ts';
import { createUser } from '../src/platform/auth/service.ts';
import { makeUscc, organisationCodeCheckChar } from '../src/platform/identifiers/uscc.ts';
import { completedDraft } from './helpers/documents.ts';
import { expectUnchanged, fingerprint, rows } from './helpers/fingerprint.ts';
import { shanghaiDay } from './helpers/records.ts';
import { decidedCase, reviewDesk } from './helpers/review.ts';
import { registeredRoutes } from './helpers/routes.ts';
import {
  Client,
  DEMO_PASSWORD,
  loggedIn,
  type Reply,
  startServer,
  type TestServer,
} from './helpers/server.ts';

// ── roles ────────────────────────────────────────────────────────────────────────────────────────
const ROLES = [
  { name: 'anonymous', username: null },
  { name: 'officer', username: 'scjg_officer1' },
  { name: 'auxiliary', username: 'scjg_aux' },
  { name: 'legal_reviewer', username: 'scjg_reviewer' },
  { name: 'agency_head', username: 'scjg_head' },
  { name: 'agency_admin', username: 'scjg_admin' },
  { name: 'cg_admin', username: 'cg_admin' }, // agency_admin of 城管: the cross-agency attacker
  { name: 'supervisor', username: 'supervisor' }, // supervisor of 蚌埠 340300
  { name: 'hf_supervisor', username: 'hf_supervisor' }, // supervisor of 合肥 340100: the cross-region attacker
  { name: 'system_admin', username: 'admin' },
] as const;
type RoleName = (typeof ROLES)[number]['name'];

// ── expected outcomes ────────────────────────────────────────────────────────────────────────────
type Expect = 'ok' | { status: number; code: string };
const K: Expect = 'ok';
const U: Expect = { status: 401, code: 'UNAUTHENTICATED' };
const F: Expect = { status: 403, code: 'FORBIDDEN' }; // the route's role gate
const AO: Expect = { status: 403, code: 'AGENCY_OUT_OF_SCOPE' };
const RO: Expect = { status: 403, code: 'REGION_OUT_OF_SCOPE' };
const AN: Expect = { status: 404, code: 'AGENCY_NOT_FOUND' };
const ON: Expect = { status: 404, code: 'OFFICER_NOT_FOUND' };
const NF: Expect = { status: 404, code: 'NOT_FOUND' };
const IN: Expect = { status: 404, code: 'ITEM_NOT_FOUND' };
const CN: Expect = { status: 404, code: 'CASE_NOT_FOUND' };
const DN: Expect = { status: 404, code: 'DOCUMENT_NOT_FOUND' };
const EN: Expect = { status: 404, code: 'EVIDENCE_NOT_FOUND' };
const SN: Expect = { status: 404, code: 'SPOT_CHECK_NOT_FOUND' };
const VN: Expect = { status: 404, code: 'DEVICE_NOT_FOUND' };
const PN: Expect = { status: 404, code: 'PUBLICATION_NOT_FOUND' };
const UI: Expect = { status: 400, code: 'UNKNOWN_ITEM' }; // an item of another agency (not revealed)
// Refusals of the case rules (rules/table.ts names who performs each step; guards.ts says why not).
const NA: Expect = { status: 403, code: 'ACTOR_NOT_ALLOWED' }; // not one of the step's roles
const NT: Expect = { status: 403, code: 'ACTOR_NOT_ON_TEAM' }; // 'assigned_officer', not on this case's team
const AX: Expect = { status: 403, code: 'AUXILIARY_CANNOT_ACT' }; // 001 五(一)
/** One expectation per role, in the order of ROLES. */
type Row = readonly [Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect, Expect];
const ALL_STAFF: Row = [U, K, K, K, K, K, K, K, K, K];

// ── fixtures (filled in `before`) ──────────────────────────────────────────────────────────────────
interface Fixtures {
  scjg: string; // 蚌埠市市场监督管理局 (340300): the agency of the scjg_* accounts
  cg: string; // 蚌埠市城市管理局 (340300)
  hyScjg: string; // 怀远县市场监督管理局 (340321, inside 蚌埠; subordinate of scjg)
  hefei: string; // 合肥市市场监督管理局 (340100), created here
  scjgUnit: string;
  cgUnit: string;
  hefeiUnit: string;
  scjgOfficer: string; // 刘海涛 (scjg)
  scjgOfficerCert: string;
  cgOfficer: string; // 张国栋 (cg)
  hyOfficer: string; // 潘玉梅 (怀远县市场监督管理局)
  hefeiOfficer: string; // created here
  certTarget: string; // scjg officer whose certificate the matrix suspends and reinstates
  moveToCg: string; // scjg officer the matrix tries to move to 城管
  moveToHefei: string; // scjg officer the matrix tries to move to 合肥
  scjgItem: string; // 执法事项 of scjg (demo)
  cgItem: string; // 执法事项 of cg (demo)
  hefeiItem: string; // created here
  // ── cases (created through the API as the right users) ──
  scjgPenaltyItem: string; // SCJG-CF-001, a penalty item of scjg
  team: string[]; // officer ids of scjg_officer1 (the matrix's officer) and scjg_officer2
  scjgCase: string; // ordinary case of scjg in investigation, with a legal-person party
  reviewCase: string; // like scjgCase, for submit_for_review: replaced after each success
  fileLead: string; // registered lead of scjg, for file: replaced after each success
  cgLead: string; // registered lead of 城管, registered by cg_admin
  hefeiLead: string; // registered lead of 合肥市场监管局, registered by its own agency admin
  scjgDoc: string; // inquiry record issued on scjgCase
  inquiry: Record<string, unknown>; // its data, drafted from scjgCase
  cgDoc: string; // inquiry record issued on cgLead
  hefeiDoc: string; // inquiry record issued on hefeiLead
  scjgDocSettings: {
    abbreviation: string;
    caseNumberPattern: string;
    templateOverrides: Record<string, unknown>;
  }; // as seeded
  // ── records (issue 4) ──
  scjgEvidence: string; // an unmarked document scan uploaded to scjgCase
  scjgDevice: string; // body camera SCJG-JLY-001 (demo)
  retireDevice: string; // a device registered here for retire: replaced after each success
  archivedCase: string; // the demo's archived case of scjg (its case file is locked)
  spotCheck: string; // a spot check of scjg's archived files: replaced after each review
  spotCheckFile: string; // the case file sampled by spotCheck
  // ── publicity (issue 11) ──
  pubCase: string; // a decided case of scjg awaiting publication: replaced after each publication
  withholdCase: string; // the same, for withhold: replaced after each success
  publishedPub: string; // a published notice of scjg: replaced after each withdrawal
}
const f = {} as Fixtures;
let server: TestServer;
const clients = new Map<RoleName, Client>();

// ── unique values for writes that succeed ────────────────────────────────────────────────────────
let counter = 0;
const seq = () => ++counter;
const counters = new Map<string, number>();
/** A fresh two-digit suffix per prefix (40, 41, …): county codes 3403xx, city codes 34xx00. */
const next2 = (key: string, start: number) => {
  const n = counters.get(key) ?? start;
  counters.set(key, n + 1);
  return String(n);
};
const uscc = (region: string) => {
  const body8 = String(20_000_000 + seq());
  return makeUscc(`11${region}${body8}${organisationCodeCheckChar(body8)}`);
};
const certNo = () => `皖M${String(seq()).padStart(8, '0')}`;
const phone = () => `139${String(seq()).padStart(8, '0')}`;

const officerBody = (agencyId: string, region: string) => ({
  agencyId,
  name: `矩阵测试${seq()}`,
  isAuxiliary: false,
  certificateNo: certNo(),
  categories: ['MARKET'],
  enforcementRegionCode: region,
  issueDate: '2024-01-15',
  expiryDate: '2029-01-14',
  phone: phone(),
});
const agencyBody = (region: string) => ({
  name: `矩阵测试执法主体${seq()}`,
  uscc: uscc(region),
  type: 'statutory',
  legalBasis: '测试依据',
  functions: '测试职能',
  regionCode: region,
});
const itemBody = (agencyId: string) => ({
  agencyId,
  code: `MX-${seq()}`,
  name: `矩阵测试事项${seq()}`,
  type: 'inspection',
  categoryCode: 'MARKET',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条',
});
const IMPORT_HEADER =
  '姓名,是否执法辅助人员,执法证件编号,执法类别,执法区域代码,发证日期,有效期截止日期,是否法制审核人员,联系电话';
const importForm = (agencyId: string, region: string) => {
  const form = new FormData();
  form.append('agencyId', agencyId);
  const csv = `${IMPORT_HEADER}\n导入测试${seq()},否,${certNo()},市场监管,${region},2024-01-15,2029-01-14,否,\n`;
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'officers.csv');
  return form;
};

// ── scope, as the policy states it, for checking what lists answer ───────────────────────────────
async function agencyIdsInScope(role: RoleName): Promise<Set<string>> {
  const db = server.database.db;
  const all = await rows<{ id: string; region_code: string }>(db, sql`select id, region_code from agencies`);
  switch (role) {
    case 'system_admin':
      return new Set(all.map((a) => a.id));
    case 'supervisor':
      return new Set(all.filter((a) => a.region_code.startsWith('3403')).map((a) => a.id));
    case 'hf_supervisor':
      return new Set(all.filter((a) => a.region_code.startsWith('3401')).map((a) => a.id));
    case 'cg_admin':
      return new Set([f.cg]);
    default:
      return new Set([f.scjg]);
  }
}
const REGION_OF: Partial<Record<RoleName, string>> = { supervisor: '3403', hf_supervisor: '3401' };

async function officersOf(agencyIds: Set<string>): Promise<number> {
  const all = await rows<{ agency_id: string }>(server.database.db, sql`select agency_id from officers`);
  return all.filter((o) => agencyIds.has(o.agency_id)).length;
}

// ── cases: fixtures made through the API, as the users the rules name ───────────────────────────
const PARTY = {
  type: 'legal_person',
  name: '蚌埠矩阵测试餐饮管理有限公司',
  idNumber: makeUscc('91340300MA2N7H3C0'),
  representative: '周海燕',
};
const leadBody = (itemId: string) => ({
  procedure: 'lead',
  itemId,
  title: `矩阵测试案源${seq()}`,
  payload: { source: 'complaint', summary: '矩阵测试：群众举报无证经营' },
});
const client = (role: RoleName) => clients.get(role)!;
/** A lead registered by `role` (scjg_officer1 unless told otherwise). */
async function newLead(role: RoleName = 'officer', itemId = f.scjgPenaltyItem): Promise<string> {
  return (await created(await client(role).post('/api/cases', leadBody(itemId)), 'lead')).id;
}
/** A lead registered by scjg_officer1 and filed by scjg_head: an ordinary case in investigation. */
async function filedCase(): Promise<string> {
  const filed = await client('agency_head').post(`/api/cases/${await newLead()}/transitions`, {
    action: 'file',
    payload: { violationOn: shanghaiDay(-40) },
    case: { teamOfficerIds: f.team, party: PARTY },
  });
  assert.equal(filed.status, 200, filed.text);
  assert.equal(filed.body.case.state, 'investigation');
  return filed.body.filedCaseId;
}
/** A filed case with a document scan stored: its investigation may end (行政处罚法 art. 40, EVIDENCE_REQUIRED). */
async function reviewableCase(): Promise<string> {
  const id = await filedCase();
  const r = await client('officer').request('POST', `/api/cases/${id}/evidence`, evidenceBody());
  await created(r, 'evidence of the case to review');
  return id;
}
/** A case of scjg decided by the head (a warning and 2,000 元), its notice not yet published. */
let decided = 0;
async function decidedScjgCase(): Promise<string> {
  decided += 1;
  return decidedCase(
    await reviewDesk(server),
    `矩阵公开测试案${decided}`,
    {
      type: 'legal_person',
      name: `矩阵公开测试商行${decided}`,
      idNumber: uscc('340300'),
      representative: '周明',
    },
    '当事人销售超过保质期的食品。',
  );
}
async function publishedScjgNotice(): Promise<string> {
  const id = await decidedScjgCase();
  return (
    await created(await client('officer').post(`/api/publications/cases/${id}/publish`, {}), 'publication')
  ).id;
}
async function issueInquiryRecord(role: RoleName, caseId: string): Promise<string> {
  const r = await client(role).post(`/api/cases/${caseId}/documents`, {
    kind: 'inquiry_record',
    data: f.inquiry,
  });
  return (await created(r, 'inquiry record')).id;
}
/** Who handles (may write to) the cases of each fixture agency: the matrix's staff of that agency. */
const HANDLERS_OF = {
  scjg: ['officer', 'auxiliary', 'legal_reviewer', 'agency_head', 'agency_admin'],
  cg: ['cg_admin'],
  hefei: [],
} as const satisfies Record<string, readonly RoleName[]>;
/** Checks on a case detail: the right record, and action buttons only for its agency's handlers. */
const caseDetail = (id: () => string, agency: keyof typeof HANDLERS_OF) => (b: any, role: RoleName) => {
  assert.equal(b.id, id());
  const handler = (HANDLERS_OF[agency] as readonly RoleName[]).includes(role);
  assert.equal(b.actions.length > 0, handler, `actions offered to ${role}: ${b.actions.length}`);
};
/** A document scan (not AV: needs no device) as the console uploads it: multipart, file last. */
const evidenceBody = () => {
  const fd = new FormData();
  fd.set('stepKey', 'other');
  fd.set('mediaType', 'document');
  fd.set('title', `矩阵测试书证${seq()}`);
  fd.set('capturedAt', new Date(Date.now() - 3_600_000).toISOString());
  fd.set('file', new Blob([`矩阵测试书证内容 ${seq()}`], { type: 'text/plain' }), 'scan.txt');
  return fd;
};
const deviceBody = (agencyId: string) => ({
  agencyId,
  kind: 'body_camera',
  serialNumber: `MX-JLY-${seq()}`,
  model: '矩阵测试执法记录仪',
});
const monthAgo = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - 30 * 86_400_000),
  );
const todayCn = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
async function newSpotCheck(): Promise<void> {
  const r = await client('legal_reviewer').post('/api/spot-checks', {
    agencyId: f.scjg,
    periodFrom: monthAgo(),
    periodTo: todayCn(),
  });
  f.spotCheck = (await created(r, 'spot check')).id;
  const detail = await client('legal_reviewer').get(`/api/spot-checks/${f.spotCheck}`);
  f.spotCheckFile = detail.body.items[0].caseFileId;
}
// A 询问笔录 as the case team completes it (signed by the team of f.scjgCase; a lead has no team yet).
const documentBody = () => ({ kind: 'inquiry_record', data: f.inquiry });
const isPdf = (b: unknown) => assert.equal(String(b).slice(0, 5), '%PDF-');

// ── the matrix ───────────────────────────────────────────────────────────────────────────────────
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
interface Case {
  /** The route as registered, e.g. `PATCH /api/agencies/:id`: checked against the server's routes. */
  route: `${Method} /api/${string}`;
  /** Which record the request aims at. */
  target: string;
  path: () => string;
  body?: (role: RoleName) => unknown | Promise<unknown>;
  expect: Row;
  /** Checks on a 2xx answer. */
  verify?: (body: any, role: RoleName) => void | Promise<void>;
  /** Log in a separate session for the request (logout ends it). */
  freshSession?: boolean;
  /** After a 2xx answer (checks on sessions, undoing a move). */
  afterOk?: (role: RoleName, fresh: Client | null) => Promise<void>;
  /** Whether a 2xx answer must change the register (default: every POST/PATCH/PUT). */
  writes?: boolean;
  /** Cells whose expectation states the correct behaviour but src/ does not yet: `BUG …`. */
  todo?: Partial<Record<RoleName, string>>;
}

const MATRIX: Case[] = [
  // ── auth ──
  {
    route: 'GET /api/auth/me',
    target: 'own account',
    path: () => '/api/auth/me',
    expect: ALL_STAFF,
    verify: (b, role) => {
      assert.equal(b.user.username, ROLES.find((r) => r.name === role)!.username);
      assert.equal(typeof b.csrfToken, 'string');
      assert.equal(typeof b.deployment.publicUrlConfigured, 'boolean');
    },
  },
  // The whole API's document lists every staff endpoint: for staff (the public part is /open-api.json).
  {
    route: 'GET /api/openapi.json',
    target: 'the whole API',
    path: () => '/api/openapi.json',
    expect: ALL_STAFF,
    verify: (b) => assert.ok(b.paths['/api/officers']),
  },
  {
    route: 'POST /api/auth/logout',
    target: 'own session',
    path: () => '/api/auth/logout',
    expect: ALL_STAFF,
    freshSession: true,
    writes: false,
    afterOk: async (role, fresh) => {
      assert.equal((await fresh!.get('/api/auth/me')).status, 401, 'the session that logged out is over');
      assert.equal((await clients.get(role)!.get('/api/auth/me')).status, 200, 'other sessions live on');
    },
  },
  {
    route: 'POST /api/auth/logout-all',
    target: 'every session of the user',
    path: () => '/api/auth/logout-all',
    expect: ALL_STAFF,
    freshSession: true,
    writes: false,
    afterOk: async (role, fresh) => {
      assert.equal((await fresh!.get('/api/auth/me')).status, 401);
      assert.equal((await clients.get(role)!.get('/api/auth/me')).status, 401, 'the other session ended too');
      const username = ROLES.find((r) => r.name === role)!.username!;
      clients.set(role, await loggedIn(server, username));
    },
  },

  // ── regions ──
  {
    route: 'GET /api/regions',
    target: 'all regions',
    path: () => '/api/regions',
    expect: ALL_STAFF,
    verify: (b) => {
      const codes = b.items.map((r: any) => r.code);
      for (const c of ['340000', '340100', '340300', '340321']) assert.ok(codes.includes(c), c);
    },
  },
  {
    route: 'POST /api/regions',
    target: 'county inside 蚌埠 3403xx',
    path: () => '/api/regions',
    body: () => ({ code: `3403${next2('3403', 40)}`, name: '矩阵测试区' }),
    //      anon off aux rev head adm cgadm sup hfsup sys
    expect: [U, F, F, F, F, F, F, K, RO, K],
  },
  {
    route: 'POST /api/regions',
    target: 'county inside 合肥 3401xx',
    path: () => '/api/regions',
    body: () => ({ code: `3401${next2('3401', 40)}`, name: '矩阵测试区' }),
    expect: [U, F, F, F, F, F, F, RO, K, K],
  },
  {
    route: 'POST /api/regions',
    target: 'new city under the province 34xx00',
    path: () => '/api/regions',
    body: () => ({ code: `34${next2('34', 50)}00`, name: '矩阵测试市' }),
    expect: [U, F, F, F, F, F, F, RO, RO, K],
  },
  {
    route: 'PATCH /api/regions/:code',
    target: '龙子湖区 340302 (蚌埠)',
    path: () => '/api/regions/340302',
    body: () => ({ name: `龙子湖区${seq()}` }),
    expect: [U, F, F, F, F, F, F, K, RO, K],
  },
  {
    route: 'PATCH /api/regions/:code',
    target: '合肥市 340100',
    path: () => '/api/regions/340100',
    body: () => ({ name: `合肥市${seq()}` }),
    expect: [U, F, F, F, F, F, F, RO, K, K],
  },
  {
    route: 'PATCH /api/regions/:code',
    target: '安徽省 340000 (above both supervisors)',
    path: () => '/api/regions/340000',
    body: () => ({ name: `安徽省${seq()}` }),
    expect: [U, F, F, F, F, F, F, RO, RO, K],
  },
  {
    route: 'GET /api/enforcement-categories',
    target: 'reference data',
    path: () => '/api/enforcement-categories',
    expect: ALL_STAFF,
    verify: (b) => assert.ok(b.items.some((c: any) => c.code === 'MARKET')),
  },

  // ── agencies ──
  {
    route: 'GET /api/agencies',
    target: 'list (scoped)',
    path: () => '/api/agencies',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const want = await agencyIdsInScope(role);
      assert.deepEqual(new Set(b.items.map((a: any) => a.id)), want);
      assert.equal(b.total, want.size);
    },
  },
  {
    route: 'GET /api/agencies',
    target: 'list filtered to 合肥 (scoped)',
    path: () => '/api/agencies?regionCode=3401',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const inHefei = await rows<{ id: string }>(
        server.database.db,
        sql`select id from agencies where region_code like '3401%'`,
      );
      const want = new Set(inHefei.map((a) => a.id).filter((id) => scope.has(id)));
      assert.deepEqual(new Set(b.items.map((a: any) => a.id)), want);
    },
  },
  {
    route: 'GET /api/agencies/:id',
    target: '市场监管局 (own agency of scjg_*)',
    path: () => `/api/agencies/${f.scjg}`,
    expect: [U, K, K, K, K, K, AN, K, AN, K],
    verify: (b) => assert.equal(b.id, f.scjg),
  },
  {
    route: 'GET /api/agencies/:id',
    target: '城管局 (another agency)',
    path: () => `/api/agencies/${f.cg}`,
    expect: [U, AN, AN, AN, AN, AN, K, K, AN, K],
    verify: (b) => assert.equal(b.id, f.cg),
  },
  {
    route: 'GET /api/agencies/:id',
    target: '怀远县市场监管局 (county, subordinate of 市场监管局)',
    path: () => `/api/agencies/${f.hyScjg}`,
    expect: [U, AN, AN, AN, AN, AN, AN, K, AN, K],
    verify: (b) => assert.equal(b.id, f.hyScjg),
  },
  {
    route: 'GET /api/agencies/:id',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}`,
    expect: [U, AN, AN, AN, AN, AN, AN, AN, K, K],
    verify: (b) => assert.equal(b.id, f.hefei),
  },
  {
    route: 'POST /api/agencies',
    target: 'new agency in 蚌埠',
    path: () => '/api/agencies',
    body: () => agencyBody('340300'),
    expect: [U, F, F, F, F, F, F, K, RO, K],
  },
  {
    route: 'POST /api/agencies',
    target: 'new agency in 合肥',
    path: () => '/api/agencies',
    body: () => agencyBody('340100'),
    expect: [U, F, F, F, F, F, F, RO, K, K],
  },
  {
    route: 'PATCH /api/agencies/:id',
    target: '市场监管局',
    path: () => `/api/agencies/${f.scjg}`,
    body: () => ({ contactAddress: `安徽省蚌埠市蚌山区涂山路 ${seq()} 号` }),
    expect: [U, F, F, F, F, K, AN, K, AN, K],
  },
  {
    route: 'PATCH /api/agencies/:id',
    target: '怀远县市场监管局 (county)',
    path: () => `/api/agencies/${f.hyScjg}`,
    body: () => ({ contactAddress: `安徽省蚌埠市怀远县禹王路 ${seq()} 号` }),
    expect: [U, F, F, F, F, AN, AN, K, AN, K],
  },
  {
    route: 'PATCH /api/agencies/:id',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}`,
    body: () => ({ contactAddress: `安徽省合肥市 ${seq()} 号` }),
    expect: [U, F, F, F, F, AN, AN, AN, K, K],
  },
  {
    route: 'PATCH /api/agencies/:id',
    target: '市场监管局 moved to 合肥 340100',
    path: () => `/api/agencies/${f.scjg}`,
    body: () => ({ regionCode: '340100' }),
    expect: [U, F, F, F, F, RO, AN, RO, AN, K],
    afterOk: async () => {
      const back = await clients
        .get('system_admin')!
        .patch(`/api/agencies/${f.scjg}`, { regionCode: '340300' });
      assert.equal(back.status, 200, back.text);
    },
  },
  {
    route: 'POST /api/agencies/:id/units',
    target: '市场监管局',
    path: () => `/api/agencies/${f.scjg}/units`,
    body: () => ({ name: `矩阵测试科${seq()}` }),
    expect: [U, F, F, F, F, K, AN, K, AN, K],
  },
  {
    route: 'POST /api/agencies/:id/units',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/units`,
    body: () => ({ name: `矩阵测试科${seq()}` }),
    expect: [U, F, F, F, F, AN, AN, AN, K, K],
  },
  {
    route: 'PATCH /api/agencies/:id/units/:unitId',
    target: 'unit of 市场监管局',
    path: () => `/api/agencies/${f.scjg}/units/${f.scjgUnit}`,
    body: () => ({ functions: `矩阵测试职能${seq()}` }),
    expect: [U, F, F, F, F, K, AN, K, AN, K],
  },
  {
    route: 'PATCH /api/agencies/:id/units/:unitId',
    target: 'unit of 城管局 through the path of 市场监管局',
    path: () => `/api/agencies/${f.scjg}/units/${f.cgUnit}`,
    body: () => ({ functions: `矩阵测试职能${seq()}` }),
    expect: [U, F, F, F, F, NF, AN, NF, AN, NF],
  },
  {
    route: 'PATCH /api/agencies/:id/units/:unitId',
    target: 'unit of 城管局',
    path: () => `/api/agencies/${f.cg}/units/${f.cgUnit}`,
    body: () => ({ functions: `矩阵测试职能${seq()}` }),
    expect: [U, F, F, F, F, AN, K, K, AN, K],
  },
  {
    route: 'PATCH /api/agencies/:id/units/:unitId',
    target: 'unit of 合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/units/${f.hefeiUnit}`,
    body: () => ({ functions: `矩阵测试职能${seq()}` }),
    expect: [U, F, F, F, F, AN, AN, AN, K, K],
  },
  {
    route: 'GET /api/agencies/:id/reviewer-ratio',
    target: '市场监管局',
    path: () => `/api/agencies/${f.scjg}/reviewer-ratio`,
    expect: [U, K, K, K, K, K, AN, K, AN, K],
    verify: (b) => assert.equal(typeof b.meets, 'boolean'),
  },
  {
    route: 'GET /api/agencies/:id/reviewer-ratio',
    target: '城管局 (another agency)',
    path: () => `/api/agencies/${f.cg}/reviewer-ratio`,
    expect: [U, AN, AN, AN, AN, AN, K, K, AN, K],
  },
  {
    route: 'GET /api/agencies/:id/reviewer-ratio',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/reviewer-ratio`,
    expect: [U, AN, AN, AN, AN, AN, AN, AN, K, K],
  },

  // ── officers ──
  {
    route: 'GET /api/officers',
    target: 'list (scoped)',
    path: () => '/api/officers?pageSize=200',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      assert.equal(b.total, await officersOf(scope));
      assert.ok(b.items.length > 0);
      for (const o of b.items) {
        assert.ok(scope.has(o.agencyId), `${o.name} of ${o.agencyName} is outside the scope of ${role}`);
        assert.equal(o.phone, null, 'lists leave personal fields out');
      }
    },
  },
  {
    route: 'GET /api/officers',
    target: 'list filtered to 城管局 (scoped)',
    path: () => `/api/officers?pageSize=200&agencyId=${f.cg}`,
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const want = scope.has(f.cg) ? await officersOf(new Set([f.cg])) : 0;
      assert.equal(b.total, want);
      assert.ok(b.items.every((o: any) => o.agencyId === f.cg));
    },
  },
  {
    route: 'GET /api/officers/:id',
    target: 'officer of 市场监管局',
    path: () => `/api/officers/${f.scjgOfficer}`,
    expect: [U, K, K, K, K, K, ON, K, ON, K],
    verify: (b) => {
      assert.equal(b.id, f.scjgOfficer);
      assert.equal(b.phone, '13955201864');
    },
  },
  {
    route: 'GET /api/officers/:id',
    target: 'officer of 城管局',
    path: () => `/api/officers/${f.cgOfficer}`,
    expect: [U, ON, ON, ON, ON, ON, K, K, ON, K],
    verify: (b) => assert.equal(b.id, f.cgOfficer),
  },
  {
    route: 'GET /api/officers/:id',
    target: 'officer of 怀远县市场监管局 (county)',
    path: () => `/api/officers/${f.hyOfficer}`,
    expect: [U, ON, ON, ON, ON, ON, ON, K, ON, K],
    verify: (b) => assert.equal(b.id, f.hyOfficer),
  },
  {
    route: 'GET /api/officers/:id',
    target: 'officer of 合肥 (other region)',
    path: () => `/api/officers/${f.hefeiOfficer}`,
    expect: [U, ON, ON, ON, ON, ON, ON, ON, K, K],
    verify: (b) => assert.equal(b.id, f.hefeiOfficer),
  },
  {
    route: 'POST /api/officers',
    target: 'new officer in 市场监管局',
    path: () => '/api/officers',
    body: () => officerBody(f.scjg, '340300'),
    expect: [U, F, F, F, F, K, AO, K, AO, K],
  },
  {
    route: 'POST /api/officers',
    target: 'new officer in 城管局',
    path: () => '/api/officers',
    body: () => ({ ...officerBody(f.cg, '340300'), categories: ['URBAN'] }),
    expect: [U, F, F, F, F, AO, K, K, AO, K],
  },
  {
    route: 'POST /api/officers',
    target: 'new officer in 合肥 (other region)',
    path: () => '/api/officers',
    body: () => officerBody(f.hefei, '340100'),
    expect: [U, F, F, F, F, AO, AO, AO, K, K],
  },
  {
    route: 'PATCH /api/officers/:id',
    target: 'officer of 市场监管局',
    path: () => `/api/officers/${f.scjgOfficer}`,
    body: () => ({ phone: phone() }),
    expect: [U, F, F, F, F, K, ON, K, ON, K],
  },
  {
    route: 'PATCH /api/officers/:id',
    target: 'officer of 城管局',
    path: () => `/api/officers/${f.cgOfficer}`,
    body: () => ({ phone: phone() }),
    expect: [U, F, F, F, F, ON, K, K, ON, K],
  },
  {
    route: 'PATCH /api/officers/:id',
    target: 'officer of 合肥 (other region)',
    path: () => `/api/officers/${f.hefeiOfficer}`,
    body: () => ({ phone: phone() }),
    expect: [U, F, F, F, F, ON, ON, ON, K, K],
  },
  {
    route: 'PATCH /api/officers/:id',
    target: 'officer of 市场监管局 moved to 城管局',
    path: () => `/api/officers/${f.moveToCg}`,
    // The phone changes too, so that the system admin's repeat of the move is still a change.
    body: () => ({ agencyId: f.cg, phone: phone() }),
    expect: [U, F, F, F, F, AO, ON, K, ON, K],
  },
  {
    route: 'PATCH /api/officers/:id',
    target: 'officer of 市场监管局 moved to 合肥 (other region)',
    path: () => `/api/officers/${f.moveToHefei}`,
    body: () => ({ agencyId: f.hefei }),
    expect: [U, F, F, F, F, AO, ON, AO, ON, K],
  },
  {
    route: 'POST /api/officers/:id/certificate-status',
    target: 'officer of 市场监管局',
    path: () => `/api/officers/${f.certTarget}/certificate-status`,
    body: () => toggleCertificate(f.certTarget),
    expect: [U, F, F, F, F, K, ON, K, ON, K],
  },
  {
    route: 'POST /api/officers/:id/certificate-status',
    target: 'officer of 合肥 (other region)',
    path: () => `/api/officers/${f.hefeiOfficer}/certificate-status`,
    body: () => toggleCertificate(f.hefeiOfficer),
    expect: [U, F, F, F, F, ON, ON, ON, K, K],
  },
  {
    route: 'GET /api/officers/:id/can-act',
    target: 'officer of 市场监管局',
    path: () => `/api/officers/${f.scjgOfficer}/can-act?category=MARKET&regionCode=340300`,
    expect: [U, K, K, K, K, K, ON, K, ON, K],
    verify: (b) => assert.equal(typeof b.allowed, 'boolean'),
  },
  {
    route: 'GET /api/officers/:id/can-act',
    target: 'officer of 城管局',
    path: () => `/api/officers/${f.cgOfficer}/can-act?category=URBAN&regionCode=340300`,
    expect: [U, ON, ON, ON, ON, ON, K, K, ON, K],
  },
  {
    route: 'GET /api/officers/:id/can-act',
    target: 'officer of 合肥 (other region)',
    path: () => `/api/officers/${f.hefeiOfficer}/can-act?category=MARKET&regionCode=340100`,
    expect: [U, ON, ON, ON, ON, ON, ON, ON, K, K],
  },

  // ── import ──
  {
    route: 'GET /api/officers/import/template.csv',
    target: 'template',
    path: () => '/api/officers/import/template.csv',
    expect: [U, F, F, F, F, K, K, K, K, K],
    verify: (b) => assert.match(String(b), /姓名,是否执法辅助人员,执法证件编号/),
  },
  {
    route: 'POST /api/officers/import',
    target: 'into 市场监管局',
    path: () => '/api/officers/import',
    body: () => importForm(f.scjg, '340300'),
    expect: [U, F, F, F, F, K, AO, K, AO, K],
    verify: (b) => assert.equal(b.imported, 1),
  },
  {
    route: 'POST /api/officers/import',
    target: 'into 合肥 (other region)',
    path: () => '/api/officers/import',
    body: () => importForm(f.hefei, '340100'),
    expect: [U, F, F, F, F, AO, AO, AO, K, K],
    verify: (b) => assert.equal(b.imported, 1),
  },

  // ── enforcement items (catalog) ──
  {
    route: 'GET /api/items',
    target: 'list (scoped)',
    path: () => '/api/items',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const all = await rows<{ agency_id: string }>(
        server.database.db,
        sql`select agency_id from enforcement_items`,
      );
      assert.equal(b.total, all.filter((i) => scope.has(i.agency_id)).length);
      assert.ok(b.total > 0);
      for (const i of b.items)
        assert.ok(scope.has(i.agencyId), `${i.name} of ${i.agencyName} is outside the scope of ${role}`);
    },
  },
  {
    route: 'GET /api/items/:id',
    target: 'item of 市场监管局',
    path: () => `/api/items/${f.scjgItem}`,
    expect: [U, K, K, K, K, K, IN, K, IN, K],
    verify: (b) => assert.equal(b.id, f.scjgItem),
  },
  {
    route: 'GET /api/items/:id',
    target: 'item of 城管局',
    path: () => `/api/items/${f.cgItem}`,
    expect: [U, IN, IN, IN, IN, IN, K, K, IN, K],
  },
  {
    route: 'GET /api/items/:id',
    target: 'item of 合肥 (other region)',
    path: () => `/api/items/${f.hefeiItem}`,
    expect: [U, IN, IN, IN, IN, IN, IN, IN, K, K],
  },
  {
    route: 'POST /api/items',
    target: 'new item of 市场监管局',
    path: () => '/api/items',
    body: () => itemBody(f.scjg),
    expect: [U, F, F, F, F, K, AO, K, AO, K],
  },
  {
    route: 'POST /api/items',
    target: 'new item of 合肥 (other region)',
    path: () => '/api/items',
    body: () => itemBody(f.hefei),
    expect: [U, F, F, F, F, AO, AO, AO, K, K],
  },
  {
    route: 'PATCH /api/items/:id',
    target: 'item of 市场监管局',
    path: () => `/api/items/${f.scjgItem}`,
    body: () => ({ name: `矩阵测试事项${seq()}` }),
    expect: [U, F, F, F, F, K, IN, K, IN, K],
  },
  {
    route: 'PATCH /api/items/:id',
    target: 'item of 城管局',
    path: () => `/api/items/${f.cgItem}`,
    body: () => ({ name: `矩阵测试事项${seq()}` }),
    expect: [U, F, F, F, F, IN, K, K, IN, K],
  },
  {
    route: 'PATCH /api/items/:id',
    target: 'item of 合肥 (other region)',
    path: () => `/api/items/${f.hefeiItem}`,
    body: () => ({ name: `矩阵测试事项${seq()}` }),
    expect: [U, F, F, F, F, IN, IN, IN, K, K],
  },

  // ── cases ──
  {
    route: 'GET /api/cases',
    target: 'list (scoped)',
    path: () => '/api/cases?pageSize=200',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const all = await rows<{ id: string; agency_id: string }>(
        server.database.db,
        // One row per case: a filed lead lives on as its case (it shows with procedure=lead only).
        sql`select id, agency_id from cases where not (procedure = 'lead' and state = 'filed')`,
      );
      const want = new Set(all.filter((c) => scope.has(c.agency_id)).map((c) => c.id));
      assert.ok(want.size > 0 && want.size <= 200, `${want.size} cases in scope`);
      assert.equal(b.total, want.size);
      assert.deepEqual(new Set(b.items.map((c: any) => c.id)), want);
    },
  },
  {
    route: 'GET /api/cases/warnings',
    target: 'clocks due soon or overdue (scoped; officers and auxiliaries: their own cases)',
    path: () => '/api/cases/warnings',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const all = await rows<{ id: string; agency_id: string; team: string[] }>(
        server.database.db,
        sql`select id, agency_id, team_officer_ids as team from cases`,
      );
      const me = (await client(role).get('/api/auth/me')).body.user.officerId as string | null;
      const ownOnly = role === 'officer' || role === 'auxiliary';
      const visible = new Set(
        all.filter((c) => scope.has(c.agency_id) && (!ownOnly || c.team.includes(me!))).map((c) => c.id),
      );
      // The demo has cases near or past a deadline: the check below is not vacuous.
      if (role === 'system_admin') assert.ok(b.items.length > 0, 'the demo has warnings');
      for (const w of b.items) assert.ok(visible.has(w.caseId), `${w.title} (${w.caseId}) shown to ${role}`);
    },
  },
  {
    route: 'GET /api/cases/my-day',
    target: 'home page (tasks of the own agency only; clocks and recent cases scoped)',
    path: () => '/api/cases/my-day',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const all = await rows<{ id: string; agency_id: string }>(
        server.database.db,
        sql`select id, agency_id from cases`,
      );
      const agencyOf = new Map(all.map((c) => [c.id, c.agency_id]));
      const me = (await client(role).get('/api/auth/me')).body.user;
      // Steps are taken only in one's own agency: oversight has none.
      for (const t of b.tasks.items)
        assert.equal(agencyOf.get(t.caseId), me.agencyId, `${t.title} task of ${role}`);
      if (['supervisor', 'hf_supervisor', 'system_admin'].includes(role)) assert.equal(b.tasks.total, 0);
      for (const k of [...b.clocks.items, ...b.recent.map((c: { id: string }) => ({ caseId: c.id }))])
        assert.ok(scope.has(agencyOf.get(k.caseId)!), `${k.caseId} shown to ${role}`);
    },
  },
  {
    route: 'GET /api/publications',
    target: 'decisions awaiting publication (scoped: the agencies in scope)',
    path: () => '/api/publications?view=pending&pageSize=200',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const all = await rows<{ id: string; agency_id: string }>(
        server.database.db,
        sql`select id, agency_id from cases`,
      );
      const agencyOf = new Map(all.map((c) => [c.id, c.agency_id]));
      for (const i of b.items) assert.ok(scope.has(agencyOf.get(i.caseId)!), `${i.title} shown to ${role}`);
    },
  },
  {
    route: 'POST /api/publications/cases/:caseId/draft',
    target: 'the draft notice of a decided case of 市场监管局 (a read: the case page’s scope)',
    path: () => `/api/publications/cases/${f.pubCase}/draft`,
    body: () => ({}),
    expect: [U, K, K, K, K, K, CN, K, CN, K],
    writes: false,
    verify: (b) => assert.equal(b.status, 'pending'),
  },
  {
    route: 'POST /api/publications/cases/:caseId/publish',
    target: 'publish a decision of 市场监管局 (its officers, reviewers, head and admin)',
    path: () => `/api/publications/cases/${f.pubCase}/publish`,
    body: () => ({}),
    expect: [U, K, F, K, K, K, CN, F, CN, F],
    verify: (b) => assert.equal(b.status, 'published'),
    afterOk: async () => {
      f.pubCase = await decidedScjgCase();
    },
  },
  {
    route: 'POST /api/publications/cases/:caseId/withhold',
    target: 'withhold a decision of 市场监管局 with its reason (the head only)',
    path: () => `/api/publications/cases/${f.withholdCase}/withhold`,
    body: () => ({ reason: 'trade_secret', note: '矩阵测试：涉及配方' }),
    expect: [U, F, F, F, K, F, CN, F, CN, F],
    verify: (b) => assert.equal(b.status, 'withheld'),
    afterOk: async () => {
      f.withholdCase = await decidedScjgCase();
    },
  },
  {
    route: 'POST /api/publications/:id/withdraw',
    target: 'withdraw a published notice of 市场监管局 (the head only)',
    path: () => `/api/publications/${f.publishedPub}/withdraw`,
    body: () => ({ reason: 'revoked', note: '矩阵测试：复议撤销', rulingOn: shanghaiDay() }),
    expect: [U, F, F, F, K, F, PN, F, PN, F],
    verify: (b) => assert.equal(b.status, 'withdrawn'),
    afterOk: async () => {
      f.publishedPub = await publishedScjgNotice();
    },
  },
  {
    route: 'POST /api/publications/:id/remove',
    target:
      'early removal after credit repair of a notice published today (the head; the minimum period runs)',
    path: () => `/api/publications/${f.publishedPub}/remove`,
    body: () => ({ note: '矩阵测试：信用修复决定' }),
    expect: [U, F, F, F, { status: 409, code: 'MINIMUM_PERIOD_NOT_OVER' }, F, PN, F, PN, F],
  },
  {
    route: 'GET /api/reviews',
    target: 'legal review workbench (scoped; rounds of the agencies in scope)',
    path: () => '/api/reviews',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      const all = await rows<{ id: string; agency_id: string }>(
        server.database.db,
        sql`select id, agency_id from cases`,
      );
      const agencyOf = new Map(all.map((c) => [c.id, c.agency_id]));
      for (const i of b.items) assert.ok(scope.has(agencyOf.get(i.caseId)!), `${i.title} shown to ${role}`);
    },
  },
  {
    route: 'GET /api/reviews/:caseId/checklist',
    target: 'the platform’s checklist answers on a case of 市场监管局 (the case page’s scope)',
    path: () => `/api/reviews/${f.scjgCase}/checklist`,
    expect: [U, K, K, K, K, K, CN, K, CN, K],
    verify: (b) => assert.equal(b.points.length, 8),
  },
  {
    route: 'GET /api/reviews/:caseId/trail',
    target: 'responsibility trail of a case of 市场监管局 (the case page’s scope)',
    path: () => `/api/reviews/${f.scjgCase}/trail`,
    expect: [U, K, K, K, K, K, CN, K, CN, K],
    verify: (b) => assert.ok(b.caseTitle, 'the case is named'),
  },
  {
    route: 'GET /api/reviews/statistics',
    target: 'legal review statistics per agency in scope (L1)',
    path: () => '/api/reviews/statistics',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const scope = await agencyIdsInScope(role);
      assert.deepEqual(
        new Set(b.agencies.map((a: { agencyId: string }) => a.agencyId)),
        scope,
        `${role}: one row per agency in scope`,
      );
    },
  },
  {
    route: 'POST /api/cases',
    target: 'lead on an item of 市场监管局 (opened by officer, agency_admin, agency_head)',
    path: () => '/api/cases',
    body: () => leadBody(f.scjgPenaltyItem),
    //      anon off aux rev head adm cgadm sup hfsup sys
    expect: [U, K, NA, NA, K, K, UI, F, F, F],
    verify: (b) => {
      assert.equal(b.procedure, 'lead');
      assert.equal(b.state, 'registered');
      assert.equal(b.agencyId, f.scjg);
    },
  },
  {
    route: 'POST /api/cases',
    target: 'lead on an item of 城管局',
    path: () => '/api/cases',
    body: () => leadBody(f.cgItem),
    expect: [U, UI, UI, UI, UI, UI, K, F, F, F],
    verify: (b) => assert.equal(b.agencyId, f.cg),
  },
  {
    route: 'POST /api/cases',
    target: 'lead on an item of 合肥 (other region)',
    path: () => '/api/cases',
    body: () => leadBody(f.hefeiItem),
    expect: [U, UI, UI, UI, UI, UI, UI, F, F, F],
  },
  {
    route: 'GET /api/cases/:id',
    target: 'case of 市场监管局 (with a party: the read is audited)',
    path: () => `/api/cases/${f.scjgCase}`,
    expect: [U, K, K, K, K, K, CN, K, CN, K],
    verify: (b, role) => {
      caseDetail(() => f.scjgCase, 'scjg')(b, role);
      assert.equal(b.party.name, PARTY.name);
    },
  },
  {
    route: 'GET /api/cases/:id',
    target: 'lead of 城管局',
    path: () => `/api/cases/${f.cgLead}`,
    expect: [U, CN, CN, CN, CN, CN, K, K, CN, K],
    verify: caseDetail(() => f.cgLead, 'cg'),
  },
  {
    route: 'GET /api/cases/:id',
    target: 'lead of 合肥 (other region)',
    path: () => `/api/cases/${f.hefeiLead}`,
    expect: [U, CN, CN, CN, CN, CN, CN, CN, K, K],
    verify: caseDetail(() => f.hefeiLead, 'hefei'),
  },
  {
    route: 'POST /api/cases/:id/transitions',
    target: 'submit_for_review of a case in investigation (assigned officers only)',
    path: () => `/api/cases/${f.reviewCase}/transitions`,
    body: () => ({ action: 'submit_for_review' }),
    // officer: scjg_officer1 is on the team; reviewer: an officer, not on it; head and admin: no officer.
    expect: [U, K, AX, NT, NT, NT, CN, F, F, F],
    verify: (b) => assert.equal(b.state, 'case_review'),
    afterOk: async () => {
      f.reviewCase = await reviewableCase();
    },
  },
  {
    route: 'POST /api/cases/:id/transitions',
    target: 'file a lead of 市场监管局 (agency head only)',
    path: () => `/api/cases/${f.fileLead}/transitions`,
    body: () => ({
      action: 'file',
      payload: { violationOn: shanghaiDay(-40) },
      case: { teamOfficerIds: f.team, party: PARTY },
    }),
    expect: [U, NA, NA, NA, K, NA, CN, F, F, F],
    verify: (b) => {
      assert.equal(b.state, 'filed');
      assert.equal(b.case.state, 'investigation');
    },
    afterOk: async () => {
      f.fileLead = await newLead();
    },
  },
  {
    route: 'POST /api/cases/:id/transitions',
    target: 'file a lead of 城管局 (its head only)',
    path: () => `/api/cases/${f.cgLead}/transitions`,
    body: () => ({
      action: 'file',
      payload: { violationOn: shanghaiDay(-40) },
      case: { teamOfficerIds: f.team, party: PARTY },
    }),
    expect: [U, CN, CN, CN, CN, CN, NA, F, F, F],
  },
  {
    route: 'POST /api/cases/:id/transitions',
    target: 'close a lead of 合肥 (other region)',
    path: () => `/api/cases/${f.hefeiLead}/transitions`,
    body: () => ({ action: 'close_lead', payload: { reason: '矩阵测试' } }),
    expect: [U, CN, CN, CN, CN, CN, CN, F, F, F],
  },
  // ── records (issue 4): evidence, case files, access supervision, spot checks, devices ──
  {
    route: 'POST /api/cases/:id/evidence',
    target: 'case of 市场监管局',
    path: () => `/api/cases/${f.scjgCase}/evidence`,
    body: evidenceBody,
    expect: [U, K, K, K, K, K, CN, F, F, F],
    verify: (b) => assert.match(b.contentHash, /^[0-9a-f]{64}$/),
  },
  {
    route: 'POST /api/cases/:id/evidence',
    target: 'lead of 城管局',
    path: () => `/api/cases/${f.cgLead}/evidence`,
    body: evidenceBody,
    expect: [U, CN, CN, CN, CN, CN, K, F, F, F],
  },
  {
    route: 'POST /api/cases/:id/evidence',
    target: 'lead of 合肥 (other region)',
    path: () => `/api/cases/${f.hefeiLead}/evidence`,
    body: evidenceBody,
    expect: [U, CN, CN, CN, CN, CN, CN, F, F, F],
  },
  {
    route: 'GET /api/cases/:id/evidence',
    target: 'case of 市场监管局',
    path: () => `/api/cases/${f.scjgCase}/evidence`,
    expect: [U, K, K, K, K, K, CN, K, CN, K],
    verify: (b) => assert.ok(b.items.some((e: { id: string }) => e.id === f.scjgEvidence)),
  },
  {
    route: 'GET /api/evidence/:id',
    target: 'evidence of 市场监管局',
    path: () => `/api/evidence/${f.scjgEvidence}`,
    expect: [U, K, K, K, K, K, EN, K, EN, K],
    verify: (b) => assert.equal(b.id, f.scjgEvidence),
  },
  {
    route: 'GET /api/evidence/:id/content',
    target: 'evidence of 市场监管局 (opening is logged)',
    path: () => `/api/evidence/${f.scjgEvidence}/content`,
    // System administrators run the platform; they do not read enforcement records.
    expect: [U, K, K, K, K, K, EN, K, EN, F],
    writes: true, // R9: the opening itself is recorded
    verify: (b) => assert.match(String(b), /矩阵测试书证内容/),
  },
  {
    route: 'GET /api/cases/:id/case-file',
    target: 'archived case of 市场监管局 (opening is logged)',
    path: () => `/api/cases/${f.archivedCase}/case-file`,
    expect: [U, K, K, K, K, K, CN, K, CN, K],
    writes: true,
    verify: (b) => {
      assert.equal(b.caseId, f.archivedCase);
      assert.equal(b.intact, true);
    },
  },
  {
    route: 'GET /api/record-access',
    target: 'access log in scope',
    path: () => '/api/record-access',
    expect: [U, F, F, K, K, F, F, K, K, F],
    verify: (b, role) => {
      if (role === 'hf_supervisor') assert.deepEqual(b.items, []);
    },
  },
  {
    route: 'GET /api/records/statistics',
    target: 'AV upload statistics in scope',
    path: () => `/api/records/statistics?from=${monthAgo()}&to=${todayCn()}`,
    expect: [U, F, F, K, K, F, F, K, K, F],
  },
  {
    route: 'GET /api/spot-checks',
    target: 'spot checks in scope',
    path: () => '/api/spot-checks',
    expect: [U, F, F, K, K, F, F, K, K, F],
  },
  {
    route: 'POST /api/spot-checks',
    target: "draw a sample of 市场监管局's archived files",
    path: () => '/api/spot-checks',
    body: () => ({ agencyId: f.scjg, periodFrom: monthAgo(), periodTo: todayCn() }),
    expect: [U, F, F, K, K, F, F, K, AN, F],
  },
  {
    route: 'GET /api/spot-checks/coverage',
    target: "coverage of 市场监管局's archived files",
    path: () => `/api/spot-checks/coverage?agencyId=${f.scjg}&periodFrom=${monthAgo()}&periodTo=${todayCn()}`,
    expect: [U, F, F, K, K, F, F, K, AN, F],
    verify: (b) => assert.ok(b.population >= 1),
  },
  {
    route: 'GET /api/spot-checks/:id',
    target: 'spot check of 市场监管局',
    path: () => `/api/spot-checks/${f.spotCheck}`,
    expect: [U, F, F, K, K, F, F, K, SN, F],
  },
  {
    route: 'POST /api/spot-checks/:id/items/:caseFileId',
    target: 'finding on a sampled file of 市场监管局',
    path: () => `/api/spot-checks/${f.spotCheck}/items/${f.spotCheckFile}`,
    body: () => ({ result: 'conforming', finding: '矩阵测试：规范' }),
    expect: [U, F, F, K, K, F, F, K, SN, F],
    afterOk: async () => newSpotCheck(),
  },
  {
    route: 'GET /api/devices',
    target: 'device register in scope',
    path: () => '/api/devices',
    expect: ALL_STAFF,
    verify: async (b, role) => {
      const inScope = await agencyIdsInScope(role);
      for (const d of b.items) assert.ok(inScope.has(d.agencyId), `${role} sees device of ${d.agencyId}`);
    },
  },
  {
    route: 'POST /api/devices',
    target: 'register a device of 市场监管局',
    path: () => '/api/devices',
    body: () => deviceBody(f.scjg),
    expect: [U, F, F, F, K, K, AN, K, AN, K],
  },
  {
    route: 'GET /api/devices/:id',
    target: 'device of 市场监管局',
    path: () => `/api/devices/${f.scjgDevice}`,
    expect: [U, K, K, K, K, K, VN, K, VN, K],
  },
  {
    route: 'POST /api/devices/:id/assign',
    target: 'hand a camera of 市场监管局 to its officer',
    path: () => `/api/devices/${f.scjgDevice}/assign`,
    body: () => ({ officerId: f.team[0] }),
    expect: [U, F, F, F, K, K, VN, K, VN, K],
  },
  {
    route: 'POST /api/devices/:id/retire',
    target: 'retire a device of 市场监管局',
    path: () => `/api/devices/${f.retireDevice}/retire`,
    expect: [U, F, F, F, K, K, VN, K, VN, K],
    afterOk: async () => {
      f.retireDevice = (
        await created(await client('agency_admin').post('/api/devices', deviceBody(f.scjg)), 'device')
      ).id;
    },
  },
  {
    route: 'POST /api/cases/:id/documents',
    target: 'inquiry record on a case of 市场监管局',
    path: () => `/api/cases/${f.scjgCase}/documents`,
    body: documentBody,
    // 笔录 are signed by the officers handling the case: not by an auxiliary, nor staff off the team.
    expect: [U, K, AX, NT, NT, NT, CN, F, F, F],
    verify: (b) => assert.equal(typeof b.contentHash, 'string'),
  },
  {
    route: 'POST /api/cases/:id/documents/draft',
    target: 'the form of an inquiry record on a case of 市场监管局',
    path: () => `/api/cases/${f.scjgCase}/documents/draft`,
    body: () => ({ kind: 'inquiry_record' }),
    writes: false,
    // Drafted for whoever may issue it (the same refusals as issuing), with the party's identifiers.
    expect: [U, K, AX, NT, NT, NT, CN, F, F, F],
    verify: (b) => assert.equal(b.title, '询问笔录'),
  },
  {
    route: 'POST /api/cases/:id/documents/preview',
    target: 'the preview of an inquiry record on a case of 市场监管局',
    path: () => `/api/cases/${f.scjgCase}/documents/preview`,
    body: () => ({ kind: 'inquiry_record', data: f.inquiry }),
    writes: false,
    expect: [U, K, AX, NT, NT, NT, CN, F, F, F],
    verify: (b) => assert.deepEqual(b.problems, []),
  },
  {
    route: 'POST /api/cases/:id/documents',
    target: 'inquiry record on a lead of 城管局',
    path: () => `/api/cases/${f.cgLead}/documents`,
    body: documentBody,
    // Only officers record 笔录: 城管's admin is refused on its own agency's lead.
    expect: [U, CN, CN, CN, CN, CN, NT, F, F, F],
  },
  {
    route: 'POST /api/cases/:id/documents',
    target: 'inquiry record on a lead of 合肥 (other region)',
    path: () => `/api/cases/${f.hefeiLead}/documents`,
    body: documentBody,
    expect: [U, CN, CN, CN, CN, CN, CN, F, F, F],
  },
  {
    route: 'GET /api/documents/:id/pdf',
    target: 'document of 市场监管局',
    path: () => `/api/documents/${f.scjgDoc}/pdf`,
    expect: [U, K, K, K, K, K, DN, K, DN, K],
    verify: isPdf,
  },
  {
    route: 'GET /api/documents/:id/pdf',
    target: 'document of 城管局',
    path: () => `/api/documents/${f.cgDoc}/pdf`,
    expect: [U, DN, DN, DN, DN, DN, K, K, DN, K],
    verify: isPdf,
  },
  {
    route: 'GET /api/documents/:id/pdf',
    target: 'document of 合肥 (other region)',
    path: () => `/api/documents/${f.hefeiDoc}/pdf`,
    expect: [U, DN, DN, DN, DN, DN, DN, DN, K, K],
    verify: isPdf,
  },

  // ── document settings of an agency (abbreviation of its numbers, wording overrides) ──
  {
    route: 'GET /api/agencies/:id/document-settings',
    target: '市场监管局',
    path: () => `/api/agencies/${f.scjg}/document-settings`,
    expect: [U, K, K, K, K, K, AN, K, AN, K],
    verify: (b) => assert.equal(b.abbreviation, f.scjgDocSettings.abbreviation),
  },
  {
    route: 'GET /api/agencies/:id/document-settings',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/document-settings`,
    expect: [U, AN, AN, AN, AN, AN, AN, AN, K, K],
  },
  {
    route: 'PUT /api/agencies/:id/document-settings',
    target: '市场监管局 (a new abbreviation, the seeded wording kept)',
    path: () => `/api/agencies/${f.scjg}/document-settings`,
    body: () => ({ ...f.scjgDocSettings, abbreviation: `矩阵${seq()}` }),
    expect: [U, F, F, F, F, K, AN, K, AN, K],
    afterOk: async () => {
      const back = await client('system_admin').request(
        'PUT',
        `/api/agencies/${f.scjg}/document-settings`,
        f.scjgDocSettings,
      );
      assert.equal(back.status, 200, back.text);
    },
  },
  {
    route: 'PUT /api/agencies/:id/document-settings',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/document-settings`,
    body: () => ({ abbreviation: `合市监${seq()}` }),
    expect: [U, F, F, F, F, AN, AN, AN, K, K],
  },

  // ── review catalogue (重大执法决定法制审核目录清单): staff in scope read, only the agency's admin saves ──
  {
    route: 'GET /api/agencies/:id/review-catalogue',
    target: '市场监管局',
    path: () => `/api/agencies/${f.scjg}/review-catalogue`,
    expect: [U, K, K, K, K, K, AN, K, AN, K],
    verify: (b) => assert.ok(b.current && b.current.entries.length > 0, 'the demo catalogue is in force'),
  },
  {
    route: 'GET /api/agencies/:id/review-catalogue',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/review-catalogue`,
    expect: [U, AN, AN, AN, AN, AN, AN, AN, K, K],
  },
  {
    route: 'PUT /api/agencies/:id/review-catalogue',
    target: '市场监管局 (a new version from today)',
    path: () => `/api/agencies/${f.scjg}/review-catalogue`,
    body: () => ({
      effectiveFrom: shanghaiDay(),
      note: `矩阵${seq()}`,
      entries: [
        {
          label: '对法人处以10万元以上罚款',
          actionTypes: ['penalty'],
          partyTypes: ['legal_person'],
          conditions: [{ kind: 'fine_at_least', fen: 10_000_000 }],
        },
      ],
    }),
    expect: [U, F, F, F, F, K, AN, F, F, F],
  },
  {
    route: 'PUT /api/agencies/:id/review-catalogue',
    target: '合肥市场监管局 (other region)',
    path: () => `/api/agencies/${f.hefei}/review-catalogue`,
    body: () => ({
      effectiveFrom: shanghaiDay(),
      entries: [{ label: '经过听证', actionTypes: ['penalty'], conditions: [{ kind: 'hearing_held' }] }],
    }),
    expect: [U, F, F, F, F, AN, AN, F, F, F],
  },

  // ── rulebook (after the cases: a published layer changes the version their clocks record) ──
  {
    route: 'GET /api/rulebook/layers',
    target: 'history of 蚌埠 340300 (the rules are public anyway)',
    path: () => '/api/rulebook/layers?regionCode=340300',
    expect: ALL_STAFF,
    verify: (b) => assert.ok(Array.isArray(b.items)),
  },
  {
    route: 'POST /api/rulebook/layers',
    target: 'layer of 蚌埠 340300',
    path: () => '/api/rulebook/layers',
    body: () => rulebookLayer('340300'),
    expect: [U, F, F, F, F, F, F, K, RO, K],
    verify: (b) => assert.equal(b.regionCode, '340300'),
  },
  {
    route: 'POST /api/rulebook/layers',
    target: 'layer of 合肥 340100',
    path: () => '/api/rulebook/layers',
    body: () => rulebookLayer('340100'),
    expect: [U, F, F, F, F, F, F, RO, K, K],
  },
  {
    route: 'POST /api/rulebook/layers',
    target: 'layer of 安徽省 340000 (above both supervisors)',
    path: () => '/api/rulebook/layers',
    body: () => rulebookLayer('340000'),
    expect: [U, F, F, F, F, F, F, RO, RO, K],
  },

  // ── working calendar ──
  {
    route: 'POST /api/calendar/years',
    target: 'a year of holidays (system admin only)',
    path: () => '/api/calendar/years',
    body: () => ({
      year: 2090,
      notice: { title: '矩阵测试：2090年节假日安排（非官方）', number: '测试〔2089〕1号' },
      holidays: ['2090-01-01'],
      workdays: [],
      replace: true,
    }),
    expect: [U, F, F, F, F, F, F, F, F, K],
  },

  // ── audit ──
  {
    route: 'GET /api/audit',
    target: 'log (system admin all, supervisor own region)',
    path: () => '/api/audit?pageSize=200',
    expect: [U, F, F, F, F, F, F, K, K, K],
    verify: async (b, role) => {
      const db = server.database.db;
      const prefix = REGION_OF[role];
      if (prefix) {
        const [c] = await rows<{ n: number }>(
          db,
          sql`select count(*)::int as n from audit_log where region_code like ${`${prefix}%`}`,
        );
        assert.equal(b.total, c!.n);
        assert.ok(b.total > 0, 'the region has entries');
        for (const e of b.items)
          assert.ok(String(e.regionCode).startsWith(prefix), `${e.action} ${e.regionCode}`);
      } else {
        const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log`);
        assert.equal(b.total, c!.n);
      }
    },
  },
];

/** A local rule with its source, as a region's justice bureau would publish it. */
const rulebookLayer = (regionCode: string) => ({
  regionCode,
  overrides: {
    archivingDays: { value: 20, source: { zh: '矩阵测试：地方规定（演示）', en: 'matrix test (demo)' } },
  },
  note: `矩阵测试${seq()}`,
});

/** A legal action for the officer's current certificate status: suspend a valid one, reinstate a suspended one. */
async function toggleCertificate(officerId: string) {
  const [o] = await rows<{ status: string }>(
    server.database.db,
    sql`select status from officers where id = ${officerId}`,
  );
  return o!.status === 'valid'
    ? { action: 'suspend', reason: '矩阵测试：暂扣' }
    : { action: 'reinstate', reason: '矩阵测试：恢复' };
}

// ── public routes under /api (no login) ──────────────────────────────────────────────────────────
const PUBLIC_API: { route: string; url: () => string }[] = [
  {
    route: 'GET /api/public/officers/:certificateNo',
    url: () => `/api/public/officers/${encodeURIComponent(f.scjgOfficerCert)}`,
  },
  { route: 'GET /api/public/agencies', url: () => '/api/public/agencies' },
  {
    route: 'GET /api/public/calendar/add-working-days',
    url: () => '/api/public/calendar/add-working-days?from=2025-09-26&days=7',
  },
  {
    route: 'GET /api/public/calendar/add-calendar-days',
    url: () => '/api/public/calendar/add-calendar-days?from=2025-09-26&days=7',
  },
  {
    route: 'GET /api/public/calendar/working-days-between',
    url: () => '/api/public/calendar/working-days-between?from=2025-09-26&to=2025-10-13',
  },
  { route: 'GET /api/public/calendar/years', url: () => '/api/public/calendar/years' },
  { route: 'GET /api/public/documents/:id', url: () => `/api/public/documents/${f.scjgDoc}` },
  // The ledger is public by design (issue 4): ids and hashes only.
  { route: 'GET /api/ledger/sth', url: () => '/api/ledger/sth' },
  { route: 'GET /api/ledger/sth/history', url: () => '/api/ledger/sth/history' },
  { route: 'GET /api/ledger/records/:recordId', url: () => `/api/ledger/records/${f.scjgDoc}` },
  { route: 'GET /api/ledger/entries', url: () => '/api/ledger/entries?start=0&end=0' },
  { route: 'GET /api/ledger/proof/inclusion', url: () => '/api/ledger/proof/inclusion?index=0&treeSize=1' },
  { route: 'GET /api/ledger/proof/consistency', url: () => '/api/ledger/proof/consistency?first=1&second=1' },
  { route: 'GET /api/ledger/receipt', url: () => '/api/ledger/receipt?index=0&download=1' },
  {
    route: 'GET /api/ledger/records/:recordId/receipt',
    url: () => `/api/ledger/records/${f.scjgDoc}/receipt`,
  },
  { route: 'GET /api/public/rulebook', url: () => '/api/public/rulebook?regionCode=340321' },
  { route: 'GET /api/public/decisions', url: () => '/api/public/decisions?q=食品' },
  { route: 'GET /api/public/decisions/:id', url: () => `/api/public/decisions/${f.publishedPub}` },
];
/** The API reference (swagger-ui plugin) registers its own routes under /api/docs: all for staff. */
const DOCS_PREFIX = '/api/docs';
/** Portal pages outside /api that are new with the public API's page: anyone, no login. */
const PUBLIC_PAGES = ['/open-api', '/open-api.json'];
/**
 * tus resumable uploads speak their own protocol (Tus-Resumable headers, text answers): their role gate
 * and per-upload ownership are tested in test/api-evidence.test.ts rather than in this matrix.
 */
const TUS_PREFIX = '/api/uploads';
const LOGIN = 'POST /api/auth/login';

// ── set-up ───────────────────────────────────────────────────────────────────────────────────────
async function created(r: Reply, what: string): Promise<any> {
  assert.equal(r.status, 201, `${what}: ${r.text}`);
  return r.body;
}

before(async () => {
  server = await startServer();
  const db = server.database.db;
  const admin = await loggedIn(server, 'admin');
  const agencies = (await admin.get('/api/agencies')).body.items as any[];
  const byName = (name: string) => agencies.find((a) => a.name === name)!.id as string;
  f.scjg = byName('蚌埠市市场监督管理局');
  f.cg = byName('蚌埠市城市管理局');
  f.hyScjg = byName('怀远县市场监督管理局');

  // A second city outside 蚌埠, with an agency, a unit, an officer and its own supervisor.
  const regions = (await admin.get('/api/regions')).body.items as any[];
  assert.ok(
    regions.some((r) => r.code === '340000'),
    'the demo has the province',
  );
  if (!regions.some((r) => r.code === '340100')) {
    await created(await admin.post('/api/regions', { code: '340100', name: '合肥市' }), 'region 340100');
  }
  f.hefei = (
    await created(
      await admin.post('/api/agencies', { ...agencyBody('340100'), name: '合肥市市场监督管理局' }),
      'hefei agency',
    )
  ).id;
  f.hefeiUnit = (
    await created(await admin.post(`/api/agencies/${f.hefei}/units`, { name: '稽查执法支队' }), 'hefei unit')
  ).id;
  f.hefeiOfficer = (
    await created(await admin.post('/api/officers', officerBody(f.hefei, '340100')), 'hefei officer')
  ).id;
  await createUser(db, {
    username: 'hf_supervisor',
    displayName: '合肥市司法局执法监督',
    password: DEMO_PASSWORD,
    role: 'supervisor',
    regionCode: '340100',
  });

  // Officers the matrix acts on, so that demo records keep their meaning for other checks.
  f.certTarget = (
    await created(await admin.post('/api/officers', officerBody(f.scjg, '340300')), 'cert target')
  ).id;
  f.moveToCg = (
    await created(await admin.post('/api/officers', officerBody(f.scjg, '340300')), 'move target')
  ).id;
  f.moveToHefei = (
    await created(await admin.post('/api/officers', officerBody(f.scjg, '340300')), 'move target')
  ).id;

  const officer = async (name: string) => {
    const [o] = await rows<{ id: string; certificate_no: string }>(
      db,
      sql`select id, certificate_no from officers where name = ${name}`,
    );
    assert.ok(o, name);
    return o;
  };
  const liu = await officer('刘海涛');
  f.scjgOfficer = liu.id;
  f.scjgOfficerCert = liu.certificate_no;
  f.cgOfficer = (await officer('张国栋')).id;
  f.hyOfficer = (await officer('潘玉梅')).id;
  const item = async (agencyId: string) =>
    (
      await rows<{ id: string }>(
        db,
        sql`select id from enforcement_items where agency_id = ${agencyId} order by code limit 1`,
      )
    )[0]!.id;
  f.scjgItem = await item(f.scjg);
  f.cgItem = await item(f.cg);
  f.hefeiItem = (await created(await admin.post('/api/items', itemBody(f.hefei)), 'hefei item')).id;
  const unit = async (agencyId: string) =>
    (
      await rows<{ id: string }>(
        db,
        sql`select id from units where agency_id = ${agencyId} order by name limit 1`,
      )
    )[0]!.id;
  f.scjgUnit = await unit(f.scjg);
  f.cgUnit = await unit(f.cg);

  clients.set('anonymous', new Client(server.url));
  for (const r of ROLES) if (r.username) clients.set(r.name, await loggedIn(server, r.username));

  // Cases: scjg_officer1 registers, scjg_head files with scjg_officer1 and scjg_officer2 on the team.
  f.scjgPenaltyItem = (
    await rows<{ id: string }>(db, sql`select id from enforcement_items where code = 'SCJG-CF-001'`)
  )[0]!.id;
  const officer2 = await loggedIn(server, 'scjg_officer2');
  f.team = [
    (await client('officer').get('/api/auth/me')).body.user.officerId,
    (await officer2.get('/api/auth/me')).body.user.officerId,
  ];
  assert.ok(f.team.every((id) => typeof id === 'string'));
  f.scjgCase = await filedCase();
  f.reviewCase = await reviewableCase();
  f.fileLead = await newLead();
  f.inquiry = await completedDraft(client('officer'), f.scjgCase, 'inquiry_record');
  f.scjgDoc = await issueInquiryRecord('officer', f.scjgCase);
  f.scjgEvidence = (
    await created(
      await client('officer').request('POST', `/api/cases/${f.scjgCase}/evidence`, evidenceBody()),
      'evidence',
    )
  ).id;
  const devices = (await client('agency_admin').get('/api/devices')).body.items;
  f.scjgDevice = devices.find((d: { serialNumber: string }) => d.serialNumber === 'SCJG-JLY-001').id;
  f.retireDevice = (
    await created(await client('agency_admin').post('/api/devices', deviceBody(f.scjg)), 'device')
  ).id;
  f.archivedCase = (
    await rows<{ case_id: string }>(db, sql`select case_id from case_files limit 1`)
  )[0]!.case_id;
  await newSpotCheck();
  f.pubCase = await decidedScjgCase();
  f.withholdCase = await decidedScjgCase();
  f.publishedPub = await publishedScjgNotice();
  const settings = await client('agency_admin').get(`/api/agencies/${f.scjg}/document-settings`);
  assert.equal(settings.status, 200, settings.text);
  // What an editor sends back: the writable settings, not the answer's `can`.
  f.scjgDocSettings = {
    abbreviation: settings.body.abbreviation,
    caseNumberPattern: settings.body.caseNumberPattern,
    templateOverrides: settings.body.templateOverrides,
  };
  assert.equal(typeof f.scjgDocSettings.abbreviation, 'string', "the demo sets 市场监管局's abbreviation");
  f.cgLead = await newLead('cg_admin', f.cgItem);
  // 笔录 on a lead are made by the agency's officers (here 城管's own officer), not its admin.
  const cgOfficer = await loggedIn(server, 'cg_officer1');
  f.cgDoc = (
    await created(
      await cgOfficer.post(`/api/cases/${f.cgLead}/documents`, documentBody()),
      'cg inquiry record',
    )
  ).id;
  // 合肥's own agency admin (not a role of the matrix) registers 合肥's lead.
  await createUser(db, {
    username: 'hf_admin',
    displayName: '合肥市场监管局管理员',
    password: DEMO_PASSWORD,
    role: 'agency_admin',
    agencyId: f.hefei,
  });
  const hfAdmin = await loggedIn(server, 'hf_admin');
  await createUser(db, {
    username: 'hf_officer',
    displayName: '合肥市场监管局执法人员',
    password: DEMO_PASSWORD,
    role: 'officer',
    agencyId: f.hefei,
    officerId: f.hefeiOfficer,
  });
  const hfOfficer = await loggedIn(server, 'hf_officer');
  f.hefeiLead = (await created(await hfAdmin.post('/api/cases', leadBody(f.hefeiItem)), 'hefei lead')).id;
  f.hefeiDoc = (
    await created(
      await hfOfficer.post(`/api/cases/${f.hefeiLead}/documents`, documentBody()),
      'hefei inquiry record',
    )
  ).id;
});

after(async () => {
  await server?.close();
});

// ── the matrix, one test per (endpoint target, role) ─────────────────────────────────────────────
const label = (e: Expect) => (e === 'ok' ? '2xx' : `${e.status} ${e.code}`);

for (const c of MATRIX) {
  describe(`${c.route} — ${c.target}`, () => {
    ROLES.forEach((role, i) => {
      const expected = c.expect[i]!;
      const todo = c.todo?.[role.name];
      test(`${role.name} → ${label(expected)}`, todo ? { todo } : {}, async () => {
        const db = server.database.db;
        let client = clients.get(role.name)!;
        let fresh: Client | null = null;
        if (c.freshSession && role.username) {
          fresh = await loggedIn(server, role.username);
          client = fresh;
        }
        const method = c.route.split(' ')[0]!;
        const body = c.body ? await c.body(role.name) : undefined;
        const before = await fingerprint(db);
        const r = await client.request(method, c.path(), body);
        const afterFp = await fingerprint(db);
        const changed = Object.keys(before).filter((k) => before[k] !== afterFp[k]);

        if (expected === 'ok') {
          assert.ok(
            r.status >= 200 && r.status < 300,
            `expected 2xx, got ${r.status} ${r.text.slice(0, 300)}`,
          );
          const writes = c.writes ?? method !== 'GET';
          if (writes) assert.ok(changed.length > 0, 'a successful write changes the register');
          else assert.deepEqual(changed, [], 'a read changes nothing');
          if (c.verify) await c.verify(r.body, role.name);
          if (c.afterOk) await c.afterOk(role.name, fresh);
        } else {
          assert.equal(
            r.status,
            expected.status,
            `expected ${label(expected)}, got ${r.status} ${r.text.slice(0, 300)}`,
          );
          assert.equal(r.body?.error?.code, expected.code, r.text);
          assert.match(r.body.error.message, /[\u4e00-\u9fff]/, 'the message is Chinese');
          assert.deepEqual(Object.keys(r.body), ['error'], 'a refusal carries no data');
          assert.deepEqual(changed, [], `the refused request changed: ${changed.join(', ')}`);
        }
      });
    });
  });
}

// ── case writes that must not get around the rules (found while building the case rows) ─────────
/** Runs `fn` and asserts a 4xx refusal that changed nothing; the code is for the fix to choose. */
async function refusedUnchanged(fn: () => Promise<Reply>): Promise<void> {
  const db = server.database.db;
  const before = await fingerprint(db);
  const r = await fn();
  const afterFp = await fingerprint(db);
  assert.ok(r.status >= 400 && r.status < 500, `expected a refusal, got ${r.status} ${r.text.slice(0, 300)}`);
  assert.deepEqual(
    Object.keys(before).filter((k) => before[k] !== afterFp[k]),
    [],
    'the refused request changed the database',
  );
}

describe('case writes stay within the rules, the agency and the region', () => {
  test('a penalty decision is issued only by the decide step, not as a stand-alone document', async () => {
    await refusedUnchanged(() =>
      client('agency_head').post(`/api/cases/${f.scjgCase}/documents`, {
        kind: 'penalty_decision',
        data: SAMPLE_DATA.penalty_decision,
      }),
    );
  });

  test("a case team holds only officers of the case's agency", async () => {
    // An officer of 城管局 who holds the MARKET category in 蚌埠: only the agency differs.
    const cgOfficer = (
      await created(
        await client('system_admin').post('/api/officers', officerBody(f.cg, '340300')),
        'cg officer',
      )
    ).id;
    const lead = await newLead();
    await refusedUnchanged(() =>
      client('agency_head').post(`/api/cases/${lead}/transitions`, {
        action: 'file',
        payload: { violationOn: shanghaiDay(-40) },
        case: { teamOfficerIds: [f.team[0], cgOfficer], party: PARTY },
      }),
    );
  });

  test("a case lies in its agency's region", async () => {
    await refusedUnchanged(() =>
      client('officer').post('/api/cases', { ...leadBody(f.scjgPenaltyItem), regionCode: '340100' }),
    );
  });
});

// ── the matrix covers every route ────────────────────────────────────────────────────────────────
describe('route coverage', () => {
  test('every route under /api is in the matrix, public, or login', () => {
    const routes = registeredRoutes(server.app);
    // The parser must see the routes at all, or an empty list would pass.
    for (const r of [LOGIN, 'GET /healthz', 'GET /api/officers/:id', 'POST /api/officers/import']) {
      assert.ok(routes.includes(r), `route list has ${r}`);
    }
    const inMatrix = new Set(MATRIX.map((c) => c.route));
    const isPublic = new Set(PUBLIC_API.map((p) => p.route));
    const uncovered = routes.filter(
      (r) =>
        r.split(' ')[1]!.startsWith('/api') &&
        r !== LOGIN &&
        !inMatrix.has(r as Case['route']) &&
        !isPublic.has(r) &&
        !r.split(' ')[1]!.startsWith(DOCS_PREFIX) &&
        !r.split(' ')[1]!.startsWith(TUS_PREFIX),
    );
    assert.deepEqual(
      uncovered,
      [],
      'routes missing from the authorization matrix (add a row for every role)',
    );
    const stale = [...inMatrix, ...isPublic].filter((r) => !routes.includes(r));
    assert.deepEqual(stale, [], 'matrix rows for routes the server does not have');
  });

  test('every staff row refuses anonymous callers with 401', () => {
    for (const c of MATRIX) assert.deepEqual(c.expect[0], U, `${c.route} ${c.target}`);
  });

  test('public routes under /api answer without login', async () => {
    const anon = new Client(server.url);
    const docs = registeredRoutes(server.app).filter((r) => r.startsWith(`GET ${DOCS_PREFIX}`));
    assert.ok(docs.length > 0);
    for (const p of PUBLIC_API) {
      const r = await anon.get(p.url());
      assert.equal(r.status, 200, `${p.route}: ${r.status} ${r.text.slice(0, 200)}`);
    }
    // The reference pages refuse anonymous callers; staff get them, or a redirect to a page of them.
    const staff = client('officer');
    for (const url of docs.map((r) => r.slice(4).replace(/\*$/, 'static/swagger-ui.css'))) {
      const refused = await anon.get(url);
      assert.equal(refused.status, 401, `${url}: ${refused.status} ${refused.text.slice(0, 200)}`);
      const r = await staff.get(url);
      assert.ok(r.status >= 200 && r.status < 400, `${url}: ${r.status} ${r.text.slice(0, 200)}`);
      if (r.status >= 300) assert.match(r.headers.get('location') ?? '', /^(\/api\/docs|\.\/|[a-z])/, url);
    }
    // The public API's page and document: anyone; staff endpoints are not in them.
    for (const url of PUBLIC_PAGES) {
      const r = await anon.get(url);
      assert.equal(r.status, 200, `${url}: ${r.status} ${r.text.slice(0, 200)}`);
      for (const staffPath of ['/api/officers', '/api/cases', '/api/auth/login', '/api/docs'])
        assert.ok(
          !r.text.includes(`"${staffPath}`) && !r.text.includes(`>${staffPath}`),
          `${url} names ${staffPath}`,
        );
    }
    assert.ok(registeredRoutes(server.app).includes('GET /open-api'), 'the public API page is a route');
    const verified = await anon.get(PUBLIC_API[0]!.url());
    assert.equal(verified.body.certificateNo, f.scjgOfficerCert);
    assert.equal('phone' in verified.body, false, 'no personal data in public answers');
    // Document verification (the QR code's target): authentic, and nothing of the party or the case.
    const doc = await anon.get(`/api/public/documents/${f.scjgDoc}`);
    assert.equal(doc.body.unaltered, true);
    assert.equal(doc.body.signatureValid, true);
    // (Matched by value: a pattern like /\d{17}[\dX]/ also hits the hex of the hash or key now and then.)
    const interviewee = SAMPLE_DATA.inquiry_record.interviewee as unknown as Record<string, string>;
    for (const v of [
      interviewee.name,
      interviewee.residentIdNumber,
      interviewee.address,
      PARTY.name,
      PARTY.idNumber,
      f.scjgCase,
    ]) {
      assert.ok(v && !doc.text.includes(v), `the public check shows ${v}`);
    }
    const page = await anon.get(`/documents/${f.scjgDoc}`);
    assert.equal(page.status, 200, page.text.slice(0, 200));
    assert.match(page.text, /文书真实有效/);
  });
});

// ── CSRF ─────────────────────────────────────────────────────────────────────────────────────────
describe('CSRF', () => {
  /** The same session (cookie) as `c`, sending the given x-csrf-token, or none. */
  const withToken = (c: Client, token: string) => {
    const copy = new Client(server.url);
    copy.cookie = c.cookie;
    copy.csrf = token;
    return copy;
  };
  const refused = (r: Reply<any>) => {
    assert.equal(r.status, 403, r.text);
    assert.equal(r.body.error.code, 'CSRF_TOKEN_INVALID');
    assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
  };

  test('a write without x-csrf-token is refused and changes nothing', async () => {
    const c = withToken(clients.get('agency_admin')!, '');
    const r = await expectUnchanged(server.database.db, () =>
      c.patch(`/api/agencies/${f.scjg}`, { contactAddress: '无令牌修改' }),
    );
    refused(r);
  });

  test('a write with a wrong x-csrf-token is refused and changes nothing', async () => {
    const c = withToken(clients.get('agency_admin')!, 'not-the-token');
    refused(
      await expectUnchanged(server.database.db, () => c.post('/api/officers', officerBody(f.scjg, '340300'))),
    );
  });

  test("another user's csrf token does not fit this session", async () => {
    const c = withToken(clients.get('agency_admin')!, clients.get('cg_admin')!.csrf);
    refused(
      await expectUnchanged(server.database.db, () =>
        c.post(`/api/agencies/${f.scjg}/units`, { name: '冒用令牌科' }),
      ),
    );
  });

  test('a system admin needs the token too, and so do imports, region and certificate writes', async () => {
    const admin = withToken(clients.get('system_admin')!, '');
    const db = server.database.db;
    refused(await expectUnchanged(db, () => admin.post('/api/agencies', agencyBody('340300'))));
    refused(
      await expectUnchanged(db, () => admin.post('/api/regions', { code: '340398', name: '无令牌区' })),
    );
    refused(
      await expectUnchanged(db, () =>
        admin.request('POST', '/api/officers/import', importForm(f.scjg, '340300')),
      ),
    );
    refused(
      await expectUnchanged(db, () =>
        admin.post(`/api/officers/${f.scjgOfficer}/certificate-status`, {
          action: 'suspend',
          reason: '无令牌',
        }),
      ),
    );
  });

  test('case writes need the token too', async () => {
    const officer = withToken(clients.get('officer')!, '');
    const db = server.database.db;
    refused(await expectUnchanged(db, () => officer.post('/api/cases', leadBody(f.scjgPenaltyItem))));
    refused(
      await expectUnchanged(db, () =>
        officer.post(`/api/cases/${f.reviewCase}/transitions`, { action: 'submit_for_review' }),
      ),
    );
    refused(
      await expectUnchanged(db, () => officer.post(`/api/cases/${f.scjgCase}/documents`, documentBody())),
    );
    refused(
      await expectUnchanged(db, () =>
        officer.request('POST', `/api/cases/${f.scjgCase}/evidence`, evidenceBody()),
      ),
    );
    const keeper = withToken(clients.get('agency_admin')!, '');
    refused(await expectUnchanged(db, () => keeper.post('/api/devices', deviceBody(f.scjg))));
  });

  test('with the right token the same write goes through (the refusals were the token)', async () => {
    const r = await clients
      .get('agency_admin')!
      .patch(`/api/agencies/${f.scjg}`, { contactAddress: '有令牌修改' });
    assert.equal(r.status, 200, r.text);
  });

  test('logout without the token is refused and the session lives on', async () => {
    const own = await loggedIn(server, 'scjg_officer2');
    refused(await withToken(own, '').post('/api/auth/logout'));
    refused(await withToken(own, 'wrong').post('/api/auth/logout-all'));
    assert.equal((await own.get('/api/auth/me')).status, 200);
  });
});

// ── sessions and lockout ─────────────────────────────────────────────────────────────────────────
describe('sessions', () => {
  test('logout-all ends every session of that user, and only of that user', async () => {
    await createUser(server.database.db, {
      username: 'multi_device',
      displayName: '多设备测试',
      password: DEMO_PASSWORD,
      role: 'officer',
      agencyId: f.scjg,
    });
    const phoneA = await loggedIn(server, 'multi_device');
    const laptopB = await loggedIn(server, 'multi_device');
    const someoneElse = await loggedIn(server, 'scjg_officer2');
    assert.equal((await phoneA.get('/api/auth/me')).status, 200);
    assert.equal((await laptopB.get('/api/auth/me')).status, 200);

    const r = await phoneA.post('/api/auth/logout-all');
    assert.equal(r.status, 204, r.text);
    for (const c of [phoneA, laptopB]) {
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 401);
      assert.equal(me.body.error.code, 'UNAUTHENTICATED');
    }
    // B still holds its cookie: it must not be able to write either.
    const write = await laptopB.get('/api/officers');
    assert.equal(write.status, 401);
    assert.equal((await someoneElse.get('/api/auth/me')).status, 200, "other users' sessions are untouched");
    const [left] = await rows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from sessions s join users u on u.id = s.user_id where u.username = 'multi_device'`,
    );
    assert.equal(left!.n, 0);
  });

  test('a forged or unknown session cookie is 401', async () => {
    const c = new Client(server.url);
    c.cookie = 'mj_session=forged-token-value';
    const r = await c.get('/api/officers');
    assert.equal(r.status, 401);
    assert.equal(r.body.error.code, 'UNAUTHENTICATED');
  });

  test('5 wrong passwords lock the account, even against the right password afterwards', async () => {
    await createUser(server.database.db, {
      username: 'lockout_probe',
      displayName: '锁定测试',
      password: DEMO_PASSWORD,
      role: 'officer',
      agencyId: f.scjg,
    });
    const c = new Client(server.url);
    for (let i = 1; i <= 4; i++) {
      const r = await c.login('lockout_probe', `Wrong-password-${i}`);
      assert.equal(r.status, 401, `attempt ${i}: ${r.text}`);
      assert.equal((r.body as any).error.code, 'INVALID_CREDENTIALS');
    }
    const fifth = await c.login('lockout_probe', 'Wrong-password-5');
    assert.equal(fifth.status, 423, fifth.text);
    assert.equal((fifth.body as any).error.code, 'ACCOUNT_LOCKED');
    assert.match((fifth.body as any).error.message, /[\u4e00-\u9fff]/);

    const right = await c.login('lockout_probe', DEMO_PASSWORD);
    assert.equal(right.status, 423, right.text);
    assert.equal((right.body as any).error.code, 'ACCOUNT_LOCKED');
    assert.equal(right.headers.get('set-cookie'), null, 'no session for a locked account');
    assert.equal((await c.get('/api/auth/me')).status, 401);

    // Other accounts are unaffected.
    const other = new Client(server.url);
    assert.equal((await other.login('scjg_officer2')).status, 200);
  });

  test('an unknown username answers exactly like a wrong password', async () => {
    const c = new Client(server.url);
    const unknown = await c.login('no_such_user', 'Whatever-123');
    const wrong = await c.login('multi_device', 'Whatever-123');
    assert.equal(unknown.status, 401);
    assert.deepEqual(unknown.body, wrong.body);
  });
});
