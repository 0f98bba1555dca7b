import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { validateXzcfRow, XZCF_COLUMNS, type XzcfRow } from '../src/modules/publicity/rules/shuanggongshi.ts';
import { residentIdCheckChar } from '../src/platform/identifiers/resident-id.ts';
import { company, decidedCase, type ReviewDesk, reviewDesk } from './helpers/review.ts';
import { Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// 执法决定公开 over real HTTP on the demo (国办发〔2018〕118号; 行政处罚法 art. 48): a decided case's notice
// is drafted from the case and redacted, published, found on the portal, exported and withdrawn; no
// personal data of the case ever reaches a public page, the API, the feed or an open-data file.
let server: TestServer;
let desk: ReviewDesk;
let officer1: Client;
let head: Client;
const citizen = () => new Client(server.url);

const ID = `34030219850312441${residentIdCheckChar('34030219850312441')}`;
const person = {
  type: 'natural_person',
  name: '张建国',
  idNumber: ID,
  address: '安徽省蚌埠市龙子湖区东海大道1号3栋502室',
  phone: '13905521234',
};
// The personal data of the case, as the 决定书's facts spell it out (spaced, as clerks type it).
const FACTS =
  `当事人张建国（身份证号码 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}，联系电话139 0552 1234，` +
  '家住蚌埠市龙子湖区东海大道1号3栋502室）于学校门口流动销售超过保质期的面包12袋，证人李秀英证实其已销售3天。';
const SECRETS = [
  '张建国',
  '建国',
  ID,
  ID.slice(6, 14),
  '13905521234',
  '139 0552 1234',
  '0552 1234',
  '东海大道1号',
  '502室',
  '李秀英',
];

let personCase: string;
let publicationId: string;

before(async () => {
  server = await startServer();
  desk = await reviewDesk(server);
  ({ officer1, head } = desk);
  personCase = await decidedCase(desk, '张建国销售过期食品案', person, FACTS);
});
after(async () => {
  await server?.close();
});

function assertNoSecrets(where: string, text: string) {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${where} must not contain 「${s}」`);
}

describe('publishing a decision', () => {
  test('a decided case is awaiting publication with its 7-working-day clock', async () => {
    const r = await officer1.get('/api/publications?view=pending&pageSize=200');
    assert.equal(r.status, 200, r.text);
    const row = r.body.items.find((i: { caseId: string }) => i.caseId === personCase);
    assert.ok(row, 'listed as pending');
    assert.equal(row.status, 'pending');
    assert.equal(row.clock.key, 'publication');
    assert.equal(row.clock.days, 7, '行政处罚: 7 working days');
    assert.equal(row.clock.basis, 'working_days');
  });

  test('the draft is written from the case, redacted, and says what was removed', async () => {
    const r = await officer1.post(`/api/publications/cases/${personCase}/draft`, {});
    assert.equal(r.status, 200, r.text);
    const { notice, removed, can, period } = r.body;
    assert.equal(notice.partyName, '张某某', 'the name masked by the default rule');
    assert.equal(notice.partyCategory, '自然人');
    assert.equal(notice.partyCode, null, "no natural person's number");
    assert.equal(notice.fineFen, 200_000);
    assert.match(notice.content, /警告；罚款人民币2,000元/);
    assert.match(notice.facts, /超过保质期的面包12袋/, 'the facts stay');
    assertNoSecrets('the draft notice', JSON.stringify(notice));
    const kinds = new Set(removed.map((x: { kind: string }) => x.kind));
    for (const k of ['id_number', 'phone', 'party_name'])
      assert.ok(kinds.has(k), `removed ${k}: ${JSON.stringify(removed)}`);
    assert.ok(
      removed.every((x: { kindLabel: string }) => /[\u4e00-\u9fff]/.test(x.kindLabel)),
      'labels in Chinese',
    );
    assert.deepEqual(
      can,
      { publish: true, withhold: false, withdraw: false },
      'an officer publishes, the head withholds',
    );
    assert.equal(period.minMonths, 3);
    assert.equal(period.maxMonths, 36);
    // Another mask, and a passage the officer marks.
    const masked = await officer1.post(`/api/publications/cases/${personCase}/draft`, {
      nameMask: 'surname_x',
      manual: ['流动销售'],
    });
    assert.equal(masked.body.notice.partyName, '张××');
    assert.ok(!masked.body.notice.facts.includes('流动销售'), 'the marked passage is gone');
  });

  test('a period outside 3 months to 3 years is refused and nothing is published', async () => {
    const r = await officer1.post(`/api/publications/cases/${personCase}/publish`, { periodMonths: 2 });
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'PUBLICATION_PERIOD_OUT_OF_RANGE');
    const pub = await citizen().get('/api/public/decisions?q=面包');
    assert.equal(pub.body.total, 0, 'nothing on the portal');
  });

  test('published: on the portal, the case clock met, the event in the history, never twice', async () => {
    const r = await officer1.post(`/api/publications/cases/${personCase}/publish`, { periodMonths: 6 });
    assert.equal(r.status, 201, r.text);
    publicationId = r.body.id;
    assert.equal(r.body.status, 'published');
    assert.ok(r.body.periodUntil > r.body.publishedOn);
    const again = await officer1.post(`/api/publications/cases/${personCase}/publish`, {});
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ALREADY_PUBLISHED');
    const c = (await officer1.get(`/api/cases/${personCase}`)).body;
    const clock = c.clocks.find((k: { key: string }) => k.key === 'publication');
    assert.equal(clock.status.state, 'done', 'the publication clock is met');
    assert.ok(
      c.events.some((e: { actionLabel: string }) => e.actionLabel === '执法决定信息公开'),
      'the history says it',
    );
    const pending = await officer1.get('/api/publications?view=pending&pageSize=200');
    assert.ok(
      !pending.body.items.some((i: { caseId: string }) => i.caseId === personCase),
      'no longer pending',
    );
  });

  test('a citizen finds it by masked name, words, 文号 and agency — never by the real name', async () => {
    const byWords = await citizen().get('/api/public/decisions?q=面包');
    assert.equal(byWords.status, 200, byWords.text);
    assert.equal(byWords.body.total, 1);
    const item = byWords.body.items[0];
    assert.equal(item.id, publicationId);
    assert.equal(item.partyName, '张某某');
    assert.equal((await citizen().get('/api/public/decisions?q=张某某 过期')).body.total, 1);
    assert.equal(
      (await citizen().get(`/api/public/decisions?q=${encodeURIComponent('张建国')}`)).body.total,
      0,
    );
    const byNumber = await citizen().get(
      `/api/public/decisions?q=${encodeURIComponent(item.documentNumber)}`,
    );
    assert.ok(
      byNumber.body.items.some((i: { id: string }) => i.id === publicationId),
      'by 文号',
    );
    const byAgency = await citizen().get(`/api/public/decisions?agencyId=${item.agencyId}&category=penalty`);
    assert.ok(byAgency.body.items.some((i: { id: string }) => i.id === publicationId));
    const outOfRange = await citizen().get('/api/public/decisions?from=2000-01-01&to=2000-12-31');
    assert.equal(outOfRange.body.total, 0);
  });

  test('no personal data on any public page, API answer, feed or open-data file', async () => {
    const c = citizen();
    const pages = [
      `/api/public/decisions?q=面包`,
      `/api/public/decisions/${publicationId}`,
      '/decisions',
      '/decisions?q=面包',
      `/decisions/${publicationId}`,
      '/open-data/decisions.json?pageSize=1000',
      '/open-data/decisions.csv',
      '/open-data/shuanggongshi/xzcf.csv',
      '/feeds/decisions.atom',
    ];
    for (const p of pages) {
      const r = await c.get(p);
      assert.equal(r.status, 200, `${p}: ${r.status}`);
      assertNoSecrets(p, r.text);
    }
    const html = (await c.get(`/decisions/${publicationId}`)).text;
    assert.match(html, /张某某/);
    assert.match(html, /2,000元/, 'amounts in 元');
  });

  test('open data: every published decision once, the 双公示 rows valid field by field', async () => {
    const c = citizen();
    const api = await c.get('/api/public/decisions?pageSize=100');
    const json = await c.get('/open-data/decisions.json?pageSize=1000');
    assert.equal(json.body.total, api.body.total, 'JSON total = published');
    assert.equal(json.body.items.length, api.body.total);
    const csv = (await c.get('/open-data/decisions.csv')).text.trim().split('\r\n');
    assert.equal(csv.length - 1, api.body.total, 'CSV rows = published');
    const xzcf = await c.get('/open-data/shuanggongshi/xzcf.csv');
    assert.match(xzcf.headers.get('content-type') ?? '', /text\/csv/);
    const lines = xzcf.text.trim().split('\r\n');
    assert.equal(lines[0], XZCF_COLUMNS.join(','));
    const penalties = (await c.get('/api/public/decisions?category=penalty&pageSize=100')).body.total;
    assert.equal(lines.length - 1, penalties, 'one row per published penalty');
    for (const line of lines.slice(1)) {
      // The demo's facts hold no comma-quoted fields with line breaks; a simple split suffices here.
      const cells = parseCsvLine(line);
      const row = Object.fromEntries(XZCF_COLUMNS.map((k, i) => [k, cells[i] ?? ''])) as XzcfRow;
      assert.deepEqual(validateXzcfRow(row), [], `row ${line.slice(0, 60)}`);
    }
  });
});

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

describe('withholding and withdrawing', () => {
  test('only the head withholds, with a reason; the clock stops with it; nothing reaches the portal', async () => {
    const id = await decidedCase(
      desk,
      '某食品公司商业秘密案',
      company('蚌埠公开测试食品有限公司', '91340300MA2N9R6A0'),
      '当事人生产的调味料配方涉及商业秘密。',
    );
    const byOfficer = await officer1.post(`/api/publications/cases/${id}/withhold`, {
      reason: 'trade_secret',
      note: '主要事实为配方工艺',
    });
    assert.equal(byOfficer.status, 403);
    const noNote = await head.post(`/api/publications/cases/${id}/withhold`, {
      reason: 'trade_secret',
      note: ' ',
    });
    assert.equal(noNote.status, 400);
    assert.equal(noNote.body.error.code, 'FIELD_REQUIRED');
    const r = await head.post(`/api/publications/cases/${id}/withhold`, {
      reason: 'trade_secret',
      note: '主要事实为配方工艺',
    });
    assert.equal(r.status, 201, r.text);
    const c = (await officer1.get(`/api/cases/${id}`)).body;
    const clock = c.clocks.find((k: { key: string }) => k.key === 'publication');
    assert.equal(clock.status.state, 'stopped');
    assert.match(clock.stopReason, /依法不予公开：主要内容涉及商业秘密/);
    assert.equal((await citizen().get('/api/public/decisions?q=调味料')).body.total, 0);
    const recorded = await officer1.get('/api/publications?view=recorded&pageSize=200');
    const row = recorded.body.items.find((i: { caseId: string }) => i.caseId === id);
    assert.equal(row.status, 'withheld');
    assert.match(row.reason, /商业秘密/);
    const publish = await officer1.post(`/api/publications/cases/${id}/publish`, {});
    assert.equal(publish.status, 409, 'a withheld decision is not published');
  });

  test('a withdrawal needs the head and a reason; the portal then shows only the reason', async () => {
    const byOfficer = await officer1.post(`/api/publications/${publicationId}/withdraw`, {
      reason: 'revoked',
      note: '复议机关撤销',
      rulingOn: '2026-01-05',
    });
    assert.equal(byOfficer.status, 403);
    const noReason = await head.post(`/api/publications/${publicationId}/withdraw`, {
      reason: 'revoked',
      note: '',
      rulingOn: '2026-01-05',
    });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.code, 'WITHDRAWAL_REASON_REQUIRED');
    assert.equal((await citizen().get('/api/public/decisions?q=面包')).body.total, 1, 'unchanged');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const r = await head.post(`/api/publications/${publicationId}/withdraw`, {
      reason: 'revoked',
      note: '蚌埠市人民政府行政复议决定撤销原处罚决定',
      rulingOn: today,
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.status, 'withdrawn');
    assert.ok(r.body.withdrawalDueOn > today, '3 working days from the ruling');
    assert.equal((await citizen().get('/api/public/decisions?q=面包')).body.total, 0, 'off the portal');
    const d = await citizen().get(`/api/public/decisions/${publicationId}`);
    assert.equal(d.status, 200);
    assert.equal(d.body.notice, null, 'the content is gone');
    assert.equal(d.body.withdrawal.reasonLabel, '原执法决定被依法撤销');
    const withdrawn = await citizen().get('/api/public/decisions?view=withdrawn');
    assert.ok(withdrawn.body.items.some((i: { id: string }) => i.id === publicationId));
    const feed = (await citizen().get('/feeds/decisions.atom')).text;
    assert.match(feed, /【撤下】/);
    const again = await head.post(`/api/publications/${publicationId}/withdraw`, {
      reason: 'revoked',
      note: '重复',
      rulingOn: today,
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'NOT_PUBLISHED');
  });
});

describe('bad input and scope', () => {
  test('a search of 10 KB or with control characters is refused with its own code', async () => {
    const c = citizen();
    const long = await c.get(`/api/public/decisions?q=${'a'.repeat(10_000)}`);
    assert.equal(long.status, 400, long.text.slice(0, 200));
    assert.equal(long.body.error.code, 'SEARCH_QUERY_TOO_LONG');
    const ctl = await c.get('/api/public/decisions?q=%01abc');
    assert.equal(ctl.status, 400);
    assert.equal(ctl.body.error.code, 'SEARCH_QUERY_INVALID');
    const inf = await c.get('/api/public/decisions?page=Infinity');
    assert.equal(inf.status, 400);
    const html = await c.get('/decisions?q=%01');
    assert.equal(html.status, 400);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    assert.equal((await c.get('/decisions/not-a-decision')).status, 404);
  });

  test("another agency's staff cannot see or publish the case; the public cannot reach staff routes", async () => {
    const other = await loggedIn(server, 'cg_officer1');
    const r = await other.post(`/api/publications/cases/${personCase}/draft`, {});
    assert.equal(r.status, 404);
    const anon = await citizen().get('/api/publications');
    assert.equal(anon.status, 401);
  });
});

describe('事前公开: the item lists and service guides', () => {
  test('an agency publishes its 执法事项清单 and 随机抽查事项清单; each item has its guide and generated flowchart', async () => {
    const c = citizen();
    const agencyId = (await officer1.get('/api/auth/me')).body.user.agencyId as string;
    const items = (await officer1.get('/api/items')).body.items as {
      id: string;
      name: string;
      type: string;
      isRandomInspection: boolean;
      active: boolean;
    }[];
    const list = await c.get(`/agencies/${agencyId}/items`);
    assert.equal(list.status, 200);
    for (const i of items.filter((x) => x.active)) assert.ok(list.text.includes(i.name), i.name);
    const random = await c.get(`/agencies/${agencyId}/items?random=1`);
    for (const i of items.filter((x) => x.active))
      assert.equal(random.text.includes(i.name), i.isRandomInspection, `${i.name} in the random list`);
    const penalty = items.find((i) => i.type === 'penalty')!;
    const guide = await c.get(`/items/${penalty.id}`);
    assert.equal(guide.status, 200);
    for (const words of [
      '实施依据',
      '办理时限',
      '救济途径',
      '普通程序',
      '简易程序',
      '立案',
      '已归档',
      '90日',
    ])
      assert.ok(guide.text.includes(words), `the guide says ${words}`);
    const missing = await c.get('/items/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /text\/html/);
  });
});

test('a URL past the HTTP parser’s limit is answered with the envelope, not a bare 431', async () => {
  const r = await citizen().get(`/api/public/decisions?q=${'罚'.repeat(3500)}`);
  assert.equal(r.status, 431);
  assert.equal(r.body.error.code, 'REQUEST_TOO_LARGE');
  assert.match(r.body.error.message, /过长/);
});
