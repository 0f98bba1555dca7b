import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { approveProposal, shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The home page per role (GET /api/cases/my-day) and the 案号 a case takes when it is filed, over real
// HTTP on the demo.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let cgOfficer: Client;
let supervisor: Client;
let itemId: string;
let team: string[];
const year = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
const party = {
  type: 'legal_person',
  name: '蚌埠禾丰副食品商行有限公司',
  idNumber: makeUscc('91340300MA2P4K8D1'),
};

type Task = {
  caseId: string;
  title: string;
  caseNumber: string | null;
  steps: { action: string; label: string }[];
};
type DayClock = { caseId: string; duty: string; key: string; status: { state: string } };
type MyDay = {
  view: string;
  tasks: { items: Task[]; total: number };
  clocks: { items: DayClock[]; total: number };
  recent: { id: string; caseNumber: string | null }[];
};

before(async () => {
  server = await startServer();
  const [o1, o2, h, cg, sup] = await Promise.all(
    ['scjg_officer1', 'scjg_officer2', 'scjg_head', 'cg_officer1', 'supervisor'].map((u) =>
      loggedIn(server, u),
    ),
  );
  [officer1, officer2, head, cgOfficer, supervisor] = [o1!, o2!, h!, cg!, sup!];
  const items = (await officer1.get('/api/items?type=penalty')).body.items;
  itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
  team = await Promise.all(
    [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
  );
});
after(async () => {
  await server?.close();
});

async function myDay(c: Client): Promise<MyDay> {
  const r = await c.get('/api/cases/my-day');
  assert.equal(r.status, 200, r.text);
  return r.body;
}
async function newLead(title: string): Promise<string> {
  const r = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报' },
  });
  assert.equal(r.status, 201, r.text);
  return r.body.id;
}
function fileLead(leadId: string, teamOfficerIds = team) {
  return head.post(`/api/cases/${leadId}/transitions`, {
    action: 'file',
    payload: { violationOn: shanghaiDay(-40) },
    case: { teamOfficerIds, party },
  });
}
async function filedCase(title: string): Promise<{ id: string; caseNumber: string }> {
  const r = await fileLead(await newLead(title));
  assert.equal(r.status, 200, r.text);
  const c = (await head.get(`/api/cases/${r.body.filedCaseId}`)).body;
  return { id: c.id, caseNumber: c.caseNumber };
}
const seqOf = (n: string) => Number(/〔\d{4}〕(\d+)号$/.exec(n)?.[1]);

describe('home page per role', () => {
  test('the officer sees the step that is theirs, with its label; not another agency’s officer', async () => {
    const c = await filedCase('涉嫌销售过期食品案（首页）');
    const day = await myDay(officer1);
    assert.equal(day.view, 'officer');
    const task = day.tasks.items.find((t) => t.caseId === c.id);
    assert.ok(task, 'the new case is the officer’s task');
    assert.ok(
      task.steps.some((s) => s.label === '调查终结，提交审核'),
      JSON.stringify(task.steps),
    );
    assert.equal(task.caseNumber, c.caseNumber);
    assert.ok(
      day.recent.some((r) => r.id === c.id),
      'and among the officer’s recent cases',
    );
    // Every task of the officer is a record of their agency where they are on the team.
    for (const t of day.tasks.items) {
      const detail = (await officer1.get(`/api/cases/${t.caseId}`)).body;
      assert.ok(
        detail.actions.some((a: { mine: boolean }) => a.mine),
        `${t.title}: a step is the officer’s on the case page too`,
      );
    }
    const cg = await myDay(cgOfficer);
    assert.ok(!cg.tasks.items.some((t) => t.caseId === c.id), 'not the task of 城管局’s officer');
    assert.ok(!cg.recent.some((r) => r.id === c.id));
  });

  test('the head sees the lead waiting for filing; the officer who registered it does not', async () => {
    const leadId = await newLead('涉嫌无照经营线索（首页）');
    const day = await myDay(head);
    assert.equal(day.view, 'head');
    const task = day.tasks.items.find((t) => t.caseId === leadId);
    assert.ok(task, 'the lead waits for the head');
    assert.ok(
      task.steps.some((s) => s.label === '立案'),
      JSON.stringify(task.steps),
    );
    assert.equal(task.caseNumber, null, 'a lead has no case number');
    assert.ok(!(await myDay(officer1)).tasks.items.some((t) => t.caseId === leadId));
    // The demo's served decision: its fine is not due yet, so neither the 催告 nor the court application
    // is anyone's task (行政强制法 arts. 53–54).
    const everyStep = [...day.tasks.items, ...(await myDay(officer1)).tasks.items].flatMap((t) =>
      t.steps.map((x) => x.action),
    );
    assert.ok(!everyStep.includes('apply_court_enforcement'), 'no court application before its window');
    assert.ok(!everyStep.includes('serve_demand_notice'), 'no 催告 before the fine is overdue');
  });

  test('a case in review waits for the head’s approval of the proposal, then for the officer’s notice', async () => {
    const c = await filedCase('涉嫌未按规定公示许可证案（首页审批）');
    await storeEvidence(officer1, c.id);
    const submitted = await officer1.post(`/api/cases/${c.id}/transitions`, { action: 'submit_for_review' });
    assert.equal(submitted.status, 200, submitted.text);
    const steps = async (who: Client) =>
      (await myDay(who)).tasks.items.find((t) => t.caseId === c.id)?.steps.map((s) => s.action) ?? [];
    assert.ok((await steps(head)).includes('approve_proposal'), 'the approval is the head’s task');
    assert.ok(!(await steps(officer1)).includes('notify_rights'), 'the notice waits for the approval');
    await approveProposal(head, c.id, { kinds: ['warning'] });
    assert.ok(!(await steps(head)).includes('approve_proposal'), 'approved: no longer the head’s task');
    assert.ok((await steps(officer1)).includes('notify_rights'), 'now the officer’s notice is due');
  });

  test('clocks: the agency’s own, and of a party’s periods only an unpaid fine', async () => {
    // The officer's warning list (all of their cases' clocks) against their home page: the agency's own
    // clocks all there, a party's running period not.
    const warnings = (await officer1.get('/api/cases/warnings')).body.items as DayClock[];
    const own = (await myDay(officer1)).clocks.items.map((k) => `${k.caseId}:${k.key}`);
    assert.ok(
      warnings.some((k) => k.duty === 'agency'),
      'the demo has a clock of the officer about to run out',
    );
    for (const k of warnings)
      assert.equal(
        own.includes(`${k.caseId}:${k.key}`),
        k.duty === 'agency' || k.status.state === 'defaulted',
        JSON.stringify(k),
      );

    for (const c of [officer1, head]) {
      const day = await myDay(c);
      for (const k of day.clocks.items) {
        assert.ok(
          k.duty === 'agency' || (k.key === 'payment' && k.status.state === 'defaulted'),
          JSON.stringify(k),
        );
        assert.ok(['warning', 'overdue', 'defaulted'].includes(k.status.state));
      }
    }
    const sup = await myDay(supervisor);
    assert.equal(sup.view, 'oversight');
    assert.equal(sup.tasks.total, 0, 'a supervisor takes no step');
    for (const k of sup.clocks.items) assert.deepEqual([k.duty, k.status.state], ['agency', 'overdue']);
  });
});

describe('case numbers (案号)', () => {
  test('consecutive per agency and year, with no gap after a refused filing', async () => {
    const a = await filedCase('案号连续性测试案一');
    assert.match(a.caseNumber, new RegExp(`^蚌市监立〔${year}〕\\d+号$`));
    // Refused: a team of one officer (行政处罚法 art. 42).
    const refused = await fileLead(await newLead('案号连续性测试案二'), [team[0]!]);
    assert.notEqual(refused.status, 200, refused.text);
    const b = await filedCase('案号连续性测试案三');
    assert.equal(seqOf(b.caseNumber), seqOf(a.caseNumber) + 1, `${a.caseNumber} → ${b.caseNumber}`);
    // Another agency counts on its own.
    const cgNumbers = (await cgOfficer.get('/api/cases?procedure=ordinary&pageSize=200')).body.items
      .map((c: { caseNumber: string | null }) => c.caseNumber)
      .filter(Boolean);
    for (const n of cgNumbers) assert.match(n, /^蚌城管立〔\d{4}〕\d+号$/);
  });

  test('the demo’s filed cases have theirs, gap-free per year; leads none; the list finds a case by it', async () => {
    const list = (await head.get('/api/cases?pageSize=200')).body.items as {
      id: string;
      procedure: string;
      caseNumber: string | null;
    }[];
    const ordinary = list.filter((c) => c.procedure === 'ordinary');
    assert.ok(ordinary.length > 3);
    for (const c of list) assert.equal(c.caseNumber !== null, c.procedure === 'ordinary', JSON.stringify(c));
    const byYear = new Map<string, number[]>();
    for (const c of ordinary) {
      const y = /〔(\d{4})〕/.exec(c.caseNumber!)![1]!;
      byYear.set(y, [...(byYear.get(y) ?? []), seqOf(c.caseNumber!)]);
    }
    for (const [y, seqs] of byYear) {
      const sorted = [...seqs].sort((p, q) => p - q);
      assert.deepEqual(
        sorted,
        sorted.map((_, i) => i + 1),
        `${y}: ${sorted.join(',')}`,
      );
    }
    const one = ordinary[0]!;
    const found = (await head.get(`/api/cases?q=${encodeURIComponent(one.caseNumber!)}`)).body.items;
    assert.deepEqual(
      found.map((c: { id: string }) => c.id),
      [one.id],
    );
  });
});
