import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { queryRows } from '../src/platform/db/index.ts';
import { Client, DEMO_PASSWORD, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The register over real HTTP on the engine under test (MINGJING_TEST_DB): what agency admins,
// supervisors and the public actually do with it.
let server: TestServer;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.close();
});

async function agencyIdByName(c: Client, name: string): Promise<string> {
  const r = await c.get(`/api/agencies?q=${encodeURIComponent(name)}`);
  const a = r.body.items.find((x: { name: string }) => x.name === name);
  assert.ok(a, `agency ${name} in demo data`);
  return a.id;
}

describe('health and login', () => {
  test('healthz names the engine', async () => {
    const r = await new Client(server.url).get('/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      status: 'ok',
      db: process.env.MINGJING_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
    });
  });

  test('login sets an HttpOnly SameSite=Strict session cookie and returns a CSRF token', async () => {
    const c = new Client(server.url);
    const r = await c.login('scjg_admin');
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie') ?? '';
    assert.match(cookie, /mj_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.equal(r.body.user.role, 'agency_admin');
    assert.equal(r.body.user.roleLabel, '机关管理员');
    assert.ok(r.body.csrfToken.length >= 32);
    const me = await c.get('/api/auth/me');
    assert.equal(me.body.user.username, 'scjg_admin');
  });

  test('wrong password is refused in Chinese without saying which part was wrong', async () => {
    const a = await new Client(server.url).post('/api/auth/login', {
      username: 'scjg_admin',
      password: 'wrong-password-1',
    });
    const b = await new Client(server.url).post('/api/auth/login', {
      username: 'nobody_here',
      password: 'wrong-password-1',
    });
    assert.equal(a.status, 401);
    assert.equal(a.body.error.code, 'INVALID_CREDENTIALS');
    assert.deepEqual(a.body, b.body);
  });

  test('password hashes are argon2id', async () => {
    const { sql } = await import('drizzle-orm');
    const rows = await queryRows<{ password_hash: string }>(
      server.database.db,
      sql`select password_hash from users where username = 'admin'`,
    );
    assert.match(rows[0]!.password_hash, /^\$argon2id\$/);
  });

  test('logout ends the session', async () => {
    const c = await loggedIn(server, 'scjg_officer1');
    assert.equal((await c.post('/api/auth/logout')).status, 204);
    assert.equal((await c.get('/api/auth/me')).status, 401);
  });

  test('security headers are set', async () => {
    const r = await new Client(server.url).get('/');
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(r.headers.get('x-frame-options'));
  });
});

describe('regions', () => {
  test('supervisor adds a township under a county of their city; parent is derived from the code', async () => {
    const c = await loggedIn(server, 'supervisor');
    const r = await c.post('/api/regions', { code: '340321100', name: '榴城镇' });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.body, { code: '340321100', name: '榴城镇', level: 'township', parentCode: '340321' });
    const list = await c.get('/api/regions');
    assert.ok(list.body.items.some((x: { code: string }) => x.code === '340321100'));
  });

  test('a region whose parent is not registered is refused', async () => {
    const c = await loggedIn(server, 'admin');
    const r = await c.post('/api/regions', { code: '110105', name: '朝阳区' });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'REGION_PARENT_MISSING');
  });
});

describe('agencies', () => {
  test('supervisor creates an entrusted agency with its entrustment; admin sees it with units', async () => {
    const sup = await loggedIn(server, 'supervisor');
    const entrusting = await agencyIdByName(sup, '蚌埠市市场监督管理局');
    const body = {
      name: '蚌埠市淮上区小蚌埠镇综合执法队',
      // 11 = 机关 registration authority/type, 340311 = 淮上区; check character computed by GB 32100.
      uscc: await validUscc('11340311MB1234567'),
      type: 'entrusted',
      legalBasis: '《中华人民共和国行政处罚法》第二十条',
      functions: '受委托开展市场监管领域行政检查',
      regionCode: '340311',
      contactPhone: '0552-3021234',
      contactAddress: '蚌埠市淮上区小蚌埠镇政府院内',
      entrustment: {
        entrustingAgencyId: entrusting,
        basis: '蚌市监委〔2026〕1号',
        items: ['食品经营监督检查'],
        powers: ['行政检查'],
        termStart: '2026-01-01',
        termEnd: '2027-12-31',
      },
    };
    const r = await sup.post('/api/agencies', body);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.type, 'entrusted');
    assert.equal(r.body.entrustment.entrustingAgencyName, '蚌埠市市场监督管理局');
    assert.deepEqual(r.body.entrustment.items, ['食品经营监督检查']);
    const unit = await sup.post(`/api/agencies/${r.body.id}/units`, {
      name: '综合执法组',
      functions: '日常巡查',
    });
    assert.equal(unit.status, 201);
    const detail = await sup.get(`/api/agencies/${r.body.id}`);
    assert.equal(detail.body.units[0].name, '综合执法组');
    // The portal publishes the entrustment (P2).
    const page = await new Client(server.url).get(`/agencies/${r.body.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /委托执法信息/);
    assert.match(page.text, /蚌市监委〔2026〕1号/);
  });

  test('agency admin edits their own agency and renames a unit', async () => {
    const c = await loggedIn(server, 'scjg_admin');
    const me = (await c.get('/api/auth/me')).body.user;
    const r = await c.patch(`/api/agencies/${me.agencyId}`, { contactPhone: '0552-7654321' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.contactPhone, '0552-7654321');
    const unit = r.body.units[0];
    const u = await c.patch(`/api/agencies/${me.agencyId}/units/${unit.id}`, { functions: '负责法制审核' });
    assert.equal(u.status, 200);
    assert.equal(u.body.functions, '负责法制审核');
  });

  test('legal-reviewer ratio is reported against the 5 % rule, and one demo agency falls short', async () => {
    const c = await loggedIn(server, 'supervisor');
    const agencies = (await c.get('/api/agencies')).body.items;
    const ratios = await Promise.all(
      agencies.map((a: { id: string }) => c.get(`/api/agencies/${a.id}/reviewer-ratio`)),
    );
    for (const r of ratios) {
      assert.equal(r.status, 200);
      assert.equal(r.body.required, 0.05);
      assert.equal(r.body.meets, r.body.officers > 0 && r.body.reviewers / r.body.officers >= 0.05 - 1e-12);
    }
    assert.ok(
      ratios.some((r) => r.body.meets === false && r.body.officers > 0),
      'one agency below 5 %',
    );
    assert.ok(ratios.some((r) => r.body.meets === true));
  });
});

describe('officers', () => {
  let agencyId: string;
  let officerId: string;
  const certificateNo = '皖0399990001';

  before(async () => {
    const c = await loggedIn(server, 'scjg_admin');
    agencyId = (await c.get('/api/auth/me')).body.user.agencyId;
  });

  test('agency admin registers an officer; the public can verify the certificate', async () => {
    const c = await loggedIn(server, 'scjg_admin');
    const r = await c.post('/api/officers', {
      agencyId,
      name: '王建国',
      isAuxiliary: false,
      certificateNo,
      categories: ['MARKET'],
      enforcementRegionCode: '340300',
      issueDate: '2025-01-01',
      expiryDate: '2030-12-31',
      isLegalReviewer: false,
      trainingHours: [{ year: 2026, hours: 64 }],
      phone: '13905521234',
    });
    assert.equal(r.status, 201, r.text);
    officerId = r.body.id;
    assert.equal(r.body.effectiveStatus, 'valid');

    const pub = await new Client(server.url).get(`/api/public/officers/${encodeURIComponent(certificateNo)}`);
    assert.equal(pub.status, 200);
    assert.deepEqual(pub.body, {
      certificateNo,
      name: '王建国',
      agency: '蚌埠市市场监督管理局',
      categories: [{ code: 'MARKET', name: '市场监管' }],
      region: { code: '340300', name: '蚌埠市' },
      status: 'valid',
      statusLabel: '有效',
      validFrom: '2025-01-01',
      validUntil: '2030-12-31',
    });
    // Personal data never leaves through a public page.
    assert.doesNotMatch(pub.text, /13905521234/);
    const page = await new Client(server.url).get(`/officers/${encodeURIComponent(certificateNo)}`);
    assert.doesNotMatch(page.text, /13905521234/);
    assert.match(page.text, /执法证件有效/);
  });

  test('lists leave the phone out; reading the detail shows it and is audited', async () => {
    const c = await loggedIn(server, 'scjg_admin');
    const list = await c.get(`/api/officers?q=${encodeURIComponent('王建国')}`);
    assert.equal(list.body.total, 1);
    assert.equal(list.body.items[0].phone, null);
    const d = await c.get(`/api/officers/${officerId}`);
    assert.equal(d.body.phone, '13905521234');
    const admin = await loggedIn(server, 'admin');
    const log = await admin.get('/api/audit?action=officer.read_personal');
    // The audit page names the reader, the action and the officer, and links to the officer's page.
    const entry = log.body.items.find(
      (e: { targetPath: string | null; actorUsername: string }) =>
        e.targetPath === `/officers/${officerId}` && e.actorUsername === 'scjg_admin',
    );
    assert.ok(entry, log.text);
    assert.equal(entry.actionLabel, '查看执法人员个人信息');
    assert.equal(entry.actorName, '周敏');
    assert.equal(entry.targetLabel, '执法人员');
    assert.equal(entry.targetName, d.body.name);
  });

  test('filters by status, category and auxiliary', async () => {
    const c = await loggedIn(server, 'supervisor');
    for (const status of ['valid', 'suspended', 'revoked', 'expired']) {
      const r = await c.get(`/api/officers?status=${status}&pageSize=200`);
      assert.equal(r.status, 200);
      assert.ok(r.body.total > 0, `demo has ${status} officers`);
      for (const o of r.body.items) assert.equal(o.effectiveStatus, status);
    }
    const aux = await c.get('/api/officers?auxiliary=true&pageSize=200');
    assert.ok(aux.body.total >= 1);
    for (const o of aux.body.items) assert.equal(o.certificateNo, null);
    const cat = await c.get('/api/officers?category=ECOLOGY&pageSize=200');
    assert.ok(cat.body.total > 0);
    for (const o of cat.body.items) assert.ok(o.categories.includes('ECOLOGY'));
  });

  test('can-act answers O3: category, region, date and status', async () => {
    const c = await loggedIn(server, 'scjg_officer1');
    const ok = await c.get(
      `/api/officers/${officerId}/can-act?category=MARKET&regionCode=340321&date=2026-06-01`,
    );
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, { allowed: true, reasons: [] });
    const wrong = await c.get(
      `/api/officers/${officerId}/can-act?category=ECOLOGY&regionCode=340100&date=2031-01-01`,
    );
    assert.equal(wrong.body.allowed, false);
    const codes = wrong.body.reasons.map((r: { code: string }) => r.code).sort();
    assert.deepEqual(codes, ['CATEGORY_NOT_COVERED', 'CERTIFICATE_NOT_VALID', 'REGION_NOT_COVERED']);
  });

  test('certificate lifecycle: suspend, reinstate, revoke on transfer; revoked is final and public', async () => {
    const c = await loggedIn(server, 'scjg_admin');
    const s = await c.post(`/api/officers/${officerId}/certificate-status`, {
      action: 'suspend',
      reason: '涉嫌违规执法，暂扣调查',
    });
    assert.equal(s.status, 200, s.text);
    assert.equal(s.body.effectiveStatus, 'suspended');
    const pub = await new Client(server.url).get(`/api/public/officers/${encodeURIComponent(certificateNo)}`);
    assert.equal(pub.body.status, 'suspended');
    const can = await c.get(`/api/officers/${officerId}/can-act?category=MARKET&regionCode=340300`);
    assert.equal(can.body.allowed, false);
    assert.equal(
      (
        await c.post(`/api/officers/${officerId}/certificate-status`, {
          action: 'reinstate',
          reason: '调查结束',
        })
      ).body.effectiveStatus,
      'valid',
    );
    const noCause = await c.post(`/api/officers/${officerId}/certificate-status`, {
      action: 'revoke',
      reason: '调离',
    });
    assert.equal(noCause.status, 400);
    assert.equal(noCause.body.error.code, 'REVOCATION_CAUSE_REQUIRED');
    const rv = await c.post(`/api/officers/${officerId}/certificate-status`, {
      action: 'revoke',
      reason: '调往市交通运输局',
      revocationCause: 'transfer',
    });
    assert.equal(rv.body.effectiveStatus, 'revoked');
    const again = await c.post(`/api/officers/${officerId}/certificate-status`, {
      action: 'reinstate',
      reason: '误操作',
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ILLEGAL_CERTIFICATE_TRANSITION');
    const page = await new Client(server.url).get(`/officers/${encodeURIComponent(certificateNo)}`);
    assert.match(page.text, /不得从事行政执法/);
    const d = await c.get(`/api/officers/${officerId}`);
    assert.deepEqual(
      d.body.certificateEvents.map((e: { action: string }) => e.action),
      ['suspend', 'reinstate', 'revoke'],
    );
  });
});

describe('public portal', () => {
  test('home, agencies and the officer directory render without login, auxiliaries listed apart', async () => {
    const anon = new Client(server.url);
    const home = await anon.get('/');
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    assert.match(home.text, /行政执法公示/);
    const list = await anon.get('/agencies');
    assert.match(list.text, /蚌埠市生态环境局/);
    const dir = await anon.get('/officers');
    assert.match(dir.text, /执法辅助人员/);
    const json = await anon.get('/api/public/agencies');
    assert.ok(json.body.items.length >= 6);
  });

  test('the badge QR is an SVG for a known certificate and 404 for an unknown one', async () => {
    const c = await loggedIn(server, 'supervisor');
    const o = (await c.get('/api/officers?status=valid&pageSize=1')).body.items[0];
    const anon = new Client(server.url);
    const svg = await anon.get(`/officers/${encodeURIComponent(o.certificateNo)}/badge.svg`);
    assert.equal(svg.status, 200);
    assert.match(svg.headers.get('content-type') ?? '', /image\/svg\+xml/);
    assert.match(svg.text, /^<svg/);
    const missing = await anon.get('/officers/ZZ00000000/badge.svg');
    assert.equal(missing.status, 404);
  });

  test('the OpenAPI document lists the register endpoints, for staff only', async () => {
    const anon = new Client(server.url);
    assert.equal((await anon.get('/api/openapi.json')).status, 401);
    assert.equal((await anon.get('/api/docs/')).status, 401);
    const staff = await loggedIn(server, 'scjg_officer1');
    const r = await staff.get('/api/openapi.json');
    assert.equal(r.status, 200);
    for (const p of [
      '/api/officers',
      '/api/agencies/{id}',
      '/api/public/officers/{certificateNo}',
      '/api/officers/import',
    ]) {
      assert.ok(r.body.paths[p], `${p} documented`);
    }
    const docs = await staff.get('/api/docs/');
    assert.equal(docs.status, 200);
  });
});

async function validUscc(first17: string): Promise<string> {
  const { usccCheckChar } = await import('../src/platform/identifiers/uscc.ts');
  return first17 + usccCheckChar(first17);
}

export { DEMO_PASSWORD };
