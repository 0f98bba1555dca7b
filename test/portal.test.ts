import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_DB } from './helpers/database.ts';
import { Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The public portal as a citizen meets it (issue 11): its name, honest counts, paging, the ledger's
// words, error pages, the public API's page — over the real server, as HTML.

const html = (r: { status: number; headers: Headers; text: string }, status: number) => {
  assert.equal(r.status, status, r.text.slice(0, 300));
  assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(r.text, /^<!doctype html>/i);
};
/** The page's text without tags (what a reader sees, details folded or not). */
const words = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[ \n]+/g, ' ');

describe(`the public portal (${TEST_DB})`, () => {
  let server: TestServer;
  let anon: Client;
  let admin: Client;
  before(async () => {
    server = await startServer();
    anon = new Client(server.url);
    admin = await loggedIn(server, 'admin');
  });
  after(async () => server?.close());

  test("home and header name the deployment's region", async () => {
    const home = await anon.get('/');
    html(home, 200);
    // Every demo agency is in 蚌埠市 (340300) or its county 怀远县: the portal is 蚌埠's.
    assert.match(home.text, /<title>首页 - 蚌埠市行政执法信息公示平台<\/title>/);
    assert.match(home.text, /data-testid="portal-name">蚌埠市行政执法信息公示平台</);
    assert.match(home.text, /<h1>蚌埠市行政执法信息公示平台<\/h1>/);
    for (const path of ['/agencies', '/officers', '/ledger', '/verify', '/open-api', '/nope']) {
      const page = await anon.get(path);
      assert.match(page.text, /data-testid="portal-name">蚌埠市行政执法信息公示平台</, path);
    }
  });

  test('the home page and the agency page count only certificates valid today', async () => {
    const validTotal = async (query: string) =>
      (await admin.get(`/api/officers?status=valid&pageSize=1${query}`)).body.total as number;
    const all = (await admin.get('/api/officers?pageSize=200')).body.items as any[];
    const certified = all.filter((o) => !o.isAuxiliary);
    assert.ok(
      certified.some((o) => o.effectiveStatus !== 'valid'),
      'the demo has certificates that are not valid today',
    );
    const counts = /本平台公示蚌埠市 (\d+) 个行政执法主体和 (\d+) 名持有有效执法证件/;
    const home = counts.exec(words((await anon.get('/')).text));
    assert.ok(home, 'the home page states its counts');
    assert.equal(Number(home[2]), await validTotal(''));
    assert.ok(Number(home[2]) < certified.length, 'fewer than every certified officer');

    // An agency with a certificate that is not valid: its page counts the valid ones only.
    const agencyId = certified.find((o) => o.effectiveStatus !== 'valid')!.agencyId as string;
    const agencyCount = async () => {
      const page = await anon.get(`/agencies/${agencyId}`);
      html(page, 200);
      const m = /持有效执法证件 (\d+) 人/.exec(words(page.text));
      assert.ok(m, page.text.slice(0, 300));
      return Number(m[1]);
    };
    assert.equal(await agencyCount(), await validTotal(`&agencyId=${agencyId}`));
    // Revoking one more of its valid certificates takes one off both counts.
    const target = certified.find((o) => o.agencyId === agencyId && o.effectiveStatus === 'valid');
    assert.ok(target, 'the agency has a valid certificate to revoke');
    const before = await agencyCount();
    const r = await admin.post(`/api/officers/${target.id}/certificate-status`, {
      action: 'revoke',
      reason: '门户测试：注销',
      revocationCause: 'transfer',
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(await agencyCount(), before - 1);
    const after = counts.exec(words((await anon.get('/')).text))!;
    assert.equal(Number(after[2]), Number(home[2]) - 1);
  });

  test('paging never shows a page past the end; no results says so', async () => {
    const first = await anon.get('/officers');
    html(first, 200);
    assert.doesNotMatch(words(first.text), /第 \d+ \/ \d+ 页/);
    const beyond = await anon.get('/officers?page=2');
    html(beyond, 404);
    assert.match(words(beyond.text), /没有第 2 页：查询结果共 1 页/);
    assert.match(words(beyond.text), /转到第 1 页/);
    assert.match(beyond.text, /<a href="\/officers">转到第/);
    assert.doesNotMatch(beyond.text, /data-testid="officer-table"/);
    const none = await anon.get(`/officers?q=${encodeURIComponent('查无此人之名')}`);
    html(none, 200);
    assert.match(words(none.text), /没有找到符合条件的执法人员/);
    assert.match(words(none.text), /符合条件的执法人员（共 0 人）/);
    assert.doesNotMatch(none.text, /data-testid="pager"/);
    // A search past its end, too.
    const q = encodeURIComponent('蚌埠');
    const past = await anon.get(`/officers?agency=&q=${q}&page=3`);
    assert.ok([200, 404].includes(past.status));
    assert.doesNotMatch(words(past.text), /第 \d+ \/ \d+ 页/);
  });

  test('the ledger page speaks plain Chinese; the technical terms are folded away and spelled right', async () => {
    const page = await anon.get('/ledger');
    html(page, 200);
    const [outside, inside] = [
      page.text.replace(/<details>[\s\S]*?<\/details>/g, ''),
      [...page.text.matchAll(/<details>[\s\S]*?<\/details>/g)].join(''),
    ];
    assert.match(words(outside), /有没有被改动或删除/);
    assert.match(words(outside), /怎样核对您手中的文书或证据/);
    for (const jargon of [/默克尔/, /RFC/, /树头/, /哈希/]) assert.doesNotMatch(words(outside), jargon);
    assert.match(inside, /RFC 9162/);
    assert.match(inside, /SM2-SM3/);
    assert.doesNotMatch(page.text, /sm2-sm3|（sm3）/);
    assert.match(page.text, /class="hash"/, 'hashes wrap');
  });

  test('an unknown address is the portal’s 404 page; the API keeps its envelope', async () => {
    for (const path of ['/nope', '/nope/xyz', '/agencies/x/y']) {
      const r = await anon.request('GET', path, undefined, { accept: '*/*' });
      html(r, 404);
      assert.match(r.text, /页面不存在/);
      assert.match(r.text, /<a href="\/">返回首页<\/a>/);
      assert.match(r.text, /<main id="main"/);
    }
    const api = await anon.get('/api/nope');
    assert.equal(api.status, 404);
    assert.equal(api.body.error.code, 'NOT_FOUND');
    // A program asking for JSON only keeps the envelope outside /api too.
    const json = await anon.request('GET', '/nope', undefined, { accept: 'application/json' });
    assert.equal(json.status, 404);
    assert.equal(json.body.error.code, 'NOT_FOUND');
  });

  test('the public API page is Chinese, lists only public operations, and its examples answer', async () => {
    const home = await anon.get('/');
    assert.match(home.text, /href="\/open-api"/);
    assert.doesNotMatch(home.text, /\/api\/docs/);
    const page = await anon.get('/open-api');
    html(page, 200);
    assert.match(page.text, /开放数据接口/);
    assert.match(page.text, /按执法证件编号核验执法人员/);
    assert.match(page.text, /<td data-label="名称">执法证件编号<\/td>/);
    assert.match(page.text, /GET \/api\/public\/documents\/\{文书编号\}/);
    assert.doesNotMatch(page.text, /\/api\/(officers|cases|auth|uploads|agencies)\b|\/healthz|\/api\/docs/);
    const examples = [...page.text.matchAll(/示例：<a href="([^"]+)"/g)].map((m) =>
      m[1]!.replaceAll('&amp;', '&'),
    );
    assert.ok(examples.length >= 10, `examples: ${examples.length}`);
    for (const url of examples) {
      const r = await anon.get(url);
      assert.equal(r.status, 200, `${url}: ${r.text.slice(0, 200)}`);
    }
    const doc = await anon.get('/open-api.json');
    assert.equal(doc.status, 200);
    assert.match(doc.body.openapi, /^3\./);
    const paths = Object.keys(doc.body.paths);
    assert.ok(paths.includes('/api/public/officers/{certificateNo}'));
    assert.ok(paths.includes('/api/ledger/sth'));
    assert.deepEqual(
      paths.filter((p) => !/^\/(api\/(public|ledger)\/|officers\/|open-data\/|feeds\/)/.test(p)),
      [],
      'only public and open-data operations',
    );
    for (const ops of Object.values<any>(doc.body.paths))
      for (const op of Object.values<any>(ops)) assert.deepEqual(op.security, []);
  });

  test('the full API reference is for signed-in staff', async () => {
    const refused = await anon.request('GET', '/api/docs/', undefined, { accept: 'text/html' });
    html(refused, 401);
    assert.match(refused.text, /请先登录管理端/);
    assert.equal((await anon.get('/api/openapi.json')).status, 401);
    assert.equal((await admin.get('/api/openapi.json')).status, 200);
    assert.equal((await admin.get('/api/docs/')).status, 200);
  });

  test('the session says whether QR codes point at a public address', async () => {
    const me = await admin.get('/api/auth/me');
    // Test servers start without MINGJING_PUBLIC_URL.
    assert.deepEqual(me.body.deployment, {
      publicUrl: server.config.publicBaseUrl,
      publicUrlConfigured: false,
    });
  });

  test('no portal page prints an internal code or id', async () => {
    const agencies = await anon.get('/agencies');
    const agency = /href="(\/agencies\/[0-9a-f-]{36})"/.exec(agencies.text)![1]!;
    const officer = /href="(\/officers\/[^"]+)"/.exec((await anon.get('/officers')).text)![1]!;
    for (const path of ['/', '/agencies', agency, '/officers', officer, '/ledger', '/verify', '/open-api']) {
      const text = words((await anon.get(path)).text);
      assert.doesNotMatch(text, /\(\d{3}:\d+\)|（\d{3}:\d+）/, path);
      assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/, `${path}: no UUID on screen`);
    }
  });
});

describe(`the portal's name from the configuration (${TEST_DB})`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ demo: false, env: { MINGJING_PORTAL_NAME: '某某市行政执法信息公示平台' } });
  });
  after(async () => server?.close());

  test('MINGJING_PORTAL_NAME names the portal; an empty register shows no counts of nothing', async () => {
    const home = await new Client(server.url).get('/');
    html(home, 200);
    assert.match(home.text, /<title>首页 - 某某市行政执法信息公示平台<\/title>/);
    assert.match(home.text, /data-testid="portal-name">某某市行政执法信息公示平台</);
    const dir = await new Client(server.url).get('/officers');
    html(dir, 200);
    assert.match(words(dir.text), /目前没有公示的执法人员/);
  });
});
