import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { completedDraft } from './helpers/documents.ts';
import { approveProposal, shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The ordinary procedure's own procedures (issue 10) over real HTTP on the demo: each refusal with its
// code and the field it names, and nothing written by a refused step.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let itemId: string;
let team: string[];
const company = {
  type: 'legal_person',
  name: '蚌埠程序测试商贸有限公司',
  idNumber: makeUscc('91340300MA2N7H3C0'),
  representative: '周海燕',
};

before(async () => {
  server = await startServer();
  officer1 = await loggedIn(server, 'scjg_officer1');
  officer2 = await loggedIn(server, 'scjg_officer2');
  head = await loggedIn(server, 'scjg_head');
  const items = (await officer1.get('/api/items?type=penalty')).body.items;
  itemId = items.find((i: { code: string }) => i.code === 'SCJG-CF-001').id;
  team = await Promise.all(
    [officer1, officer2].map(async (c) => (await c.get('/api/auth/me')).body.user.officerId),
  );
});
after(async () => {
  await server?.close();
});

type Answer = {
  status: number;
  text: string;
  body: { error: { code: string; field?: string; message: string } };
};
async function step(c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) {
  return c.post(`/api/cases/${caseId}/transitions`, { action, payload, ...extra });
}
async function ok(c: Client, caseId: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await step(c, caseId, action, payload, extra);
  assert.equal(r.status, 200, `${action}: ${r.text}`);
  return r.body;
}
function refused(r: Answer, code: string, field: string | null, what: string) {
  assert.equal(r.status, 400, `${what}: ${r.text}`);
  assert.equal(r.body.error.code, code, `${what}: ${r.text}`);
  if (field) assert.equal(r.body.error.field, field, `${what}: the field is named`);
  assert.match(r.body.error.message, /[\u4e00-\u9fff]/, `${what}: the reason is in Chinese`);
}
const detail = async (id: string) => (await officer1.get(`/api/cases/${id}`)).body;

async function newLead(title: string): Promise<string> {
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报' },
  });
  assert.equal(lead.status, 201, lead.text);
  return lead.body.id;
}
async function filedCase(title: string): Promise<string> {
  const filed = await ok(
    head,
    await newLead(title),
    'file',
    { violationOn: shanghaiDay(-40) },
    { case: { teamOfficerIds: team, party: company } },
  );
  assert.ok(filed.filedCaseId, 'filing answers the case');
  return filed.filedCaseId;
}

describe('limitation (行政处罚法 art. 36)', () => {
  test("the lead's filing step asks for the violation's dates with the console's input kinds", async () => {
    const leadId = await newLead('追责时效表单测试');
    const file = (await detail(leadId)).actions.find((a: { action: string }) => a.action === 'file');
    assert.ok(file, 'the head may file the lead');
    const kinds = Object.fromEntries(file.inputs.map((i: { key: string; kind: string }) => [i.key, i.kind]));
    assert.deepEqual(
      kinds,
      { violationOn: 'past_date', violationEndedOn: 'past_date', involvesSafety: 'flag' },
      'date and flag inputs the console renders from the server',
    );
    assert.ok(
      file.inputs.every((i: { label: string }) => /[\u4e00-\u9fff]/.test(i.label)),
      'labels in Chinese',
    );
  });

  test('a violation older than 2 years is not filed; 5 years where safety is involved', async () => {
    const leadId = await newLead('超过追责时效测试');
    const old = shanghaiDay(-800);
    const barred = await step(
      head,
      leadId,
      'file',
      { violationOn: old },
      { case: { teamOfficerIds: team, party: company } },
    );
    refused(barred, 'LIMITATION_EXPIRED', 'violationOn', 'a violation 800 days old');
    assert.match(barred.body.error.message, /2年内未被发现.*第三十六条/, 'the reason names the law');
    const lead = await detail(leadId);
    assert.equal(lead.state, 'registered', 'nothing changed: the lead is still registered');
    assert.equal(lead.events.length, 1, 'no event written');
    const missing = await step(head, leadId, 'file', {}, { case: { teamOfficerIds: team, party: company } });
    refused(missing, 'INPUT_REQUIRED', 'violationOn', 'no violation date');
    const filed = await ok(
      head,
      leadId,
      'file',
      { violationOn: old, involvesSafety: true },
      { case: { teamOfficerIds: team, party: company } },
    );
    const c = await detail(filed.filedCaseId);
    assert.equal(c.snapshot.dates.violationOn, old, 'the case records the violation date');
    assert.equal(c.snapshot.involvesSafety, true, 'and the 5-year matter');
    assert.equal(c.snapshot.dates.discoveredOn, lead.snapshot.dates.openedOn, "discovered: the lead's day");
  });

  test('opening the ordinary procedure directly checks the same limitation', async () => {
    const open = (payload: object) =>
      head.post('/api/cases', {
        procedure: 'ordinary',
        itemId,
        title: '直接立案时效测试',
        party: company,
        teamOfficerIds: team,
        payload: { leadId: '现场检查发现', ...payload },
      });
    refused(
      await open({ violationOn: shanghaiDay(-30), violationEndedOn: shanghaiDay(-31) }),
      'VIOLATION_DATES_INVALID',
      'violationEndedOn',
      'a continuing act ending before it began',
    );
    refused(
      await open({ violationOn: shanghaiDay(-900) }),
      'LIMITATION_EXPIRED',
      'violationOn',
      'time-barred',
    );
    const r = await open({ violationOn: shanghaiDay(-900), violationEndedOn: shanghaiDay(-100) });
    assert.equal(r.status, 201, `a continuing act counts from its end: ${r.text}`);
  });
});

describe('复核 (行政处罚法 art. 45)', () => {
  test('a statement on record: decide is refused until the re-examination is recorded', async () => {
    const caseId = await filedCase('复核测试案');
    const today = shanghaiDay();
    await storeEvidence(officer1, caseId);
    await ok(officer1, caseId, 'submit_for_review');
    const fine = { kinds: ['fine'], fineFen: 300_000 };
    await approveProposal(head, caseId, fine);
    await ok(
      officer1,
      caseId,
      'notify_rights',
      { penalty: fine, servedOn: today },
      {
        document: await completedDraft(officer1, caseId, 'penalty_rights_notice', {
          action: 'notify_rights',
          payload: { penalty: fine, servedOn: today },
        }),
      },
    );
    refused(
      await step(officer1, caseId, 'reexamine_statement', { conclusion: 'accepted', reasons: '无' }),
      'NO_STATEMENT_TO_REEXAMINE',
      null,
      'no statement yet',
    );
    await ok(officer1, caseId, 'record_statement', { statement: '当事人称系初次违法，已当场改正' });
    await ok(officer2, caseId, 'close_rights_period', { waived: true, waiverRef: '当事人书面放弃' });
    const before = await detail(caseId);
    const early = await step(head, caseId, 'decide', { penalty: fine });
    refused(early, 'STATEMENT_REEXAMINATION_REQUIRED', null, 'decide before the 复核');
    assert.match(early.body.error.message, /第四十五条/, 'cites art. 45');
    assert.equal((await detail(caseId)).version, before.version, 'nothing changed');
    refused(
      await step(officer1, caseId, 'reexamine_statement', { conclusion: 'accepted' }),
      'INPUT_REQUIRED',
      'reasons',
      'the reasons are required',
    );
    await ok(officer1, caseId, 'reexamine_statement', {
      conclusion: 'partly_accepted',
      reasons: '初次违法属实，予以从轻；违法事实清楚，仍予处罚',
    });
    const decided = await ok(
      head,
      caseId,
      'decide',
      { penalty: fine },
      {
        document: await completedDraft(head, caseId, 'penalty_decision', {
          action: 'decide',
          payload: { penalty: fine },
        }),
      },
    );
    assert.equal(decided.state, 'decided', `decided after the 复核: ${JSON.stringify(decided.state)}`);
  });
});

type ClockView = {
  key: string;
  dueOn: string;
  duty: string;
  completedOn: string | null;
  stopReason: string | null;
  excluded: { kind: string; from: string; to: string; days: number }[];
  status: { state: string };
};
const clockOf = async (id: string, key: string): Promise<ClockView> => {
  const c = (await detail(id)).clocks.find((x: ClockView) => x.key === key);
  assert.ok(c, `the ${key} clock is shown`);
  return c;
};
const plusWorkingDays = async (days: number) =>
  (await officer1.get(`/api/public/calendar/add-working-days?from=${shanghaiDay()}&days=${days}`)).body.date;

describe('回避 (行政处罚法 art. 43)', () => {
  test('a pending request stops the decision; granted, the officer leaves and a replacement joins', async () => {
    const caseId = await filedCase('回避测试案');
    const today = shanghaiDay();
    const offered = (await detail(caseId)).actions.find(
      (a: { action: string }) => a.action === 'request_recusal',
    );
    assert.ok(offered, 'the request is offered during the investigation');
    assert.deepEqual(
      offered.inputs.map((i: { label: string }) => i.label),
      ['被申请回避的执法人员', '申请人', '申请回避的理由'],
      'with Chinese labels',
    );
    refused(
      await step(officer1, caseId, 'request_recusal', { officerId: 'nobody', reason: '亲属关系' }),
      'RECUSAL_OFFICER_NOT_ON_TEAM',
      'officerId',
      'a name off the team',
    );
    await ok(officer1, caseId, 'request_recusal', {
      officerId: team[1],
      requestedBy: 'party',
      reason: '当事人称该执法人员与其法定代表人系近亲属',
    });
    assert.equal((await detail(caseId)).snapshot.recusalRequest?.officerId, team[1], 'pending');
    await storeEvidence(officer1, caseId);
    await ok(officer1, caseId, 'submit_for_review');
    const fine = { kinds: ['fine'], fineFen: 300_000 };
    await approveProposal(head, caseId, fine);
    await ok(
      officer1,
      caseId,
      'notify_rights',
      { penalty: fine, servedOn: today },
      {
        document: await completedDraft(officer1, caseId, 'penalty_rights_notice', {
          action: 'notify_rights',
          payload: { penalty: fine, servedOn: today },
        }),
      },
    );
    await ok(officer1, caseId, 'close_rights_period', { waived: true, waiverRef: '当事人书面放弃' });
    const before = await detail(caseId);
    const early = await step(head, caseId, 'decide', { penalty: fine });
    refused(early, 'RECUSAL_PENDING', null, 'decide while the request waits');
    assert.match(early.body.error.message, /第四十三条/, 'cites art. 43');
    refused(
      await step(head, caseId, 'rule_recusal', { ruling: 'granted', reason: '属实' }),
      'RECUSAL_REPLACEMENT_REQUIRED',
      'replacementOfficerId',
      'one officer would remain',
    );
    assert.equal((await detail(caseId)).version, before.version, 'nothing changed');
    const found = (await head.get(`/api/officers?q=${encodeURIComponent('王立新')}`)).body.items;
    const replacement = found.find((o: { name: string }) => o.name === '王立新')?.id;
    assert.ok(replacement, 'the demo has 王立新 at the same agency');
    await ok(head, caseId, 'rule_recusal', {
      ruling: 'granted',
      reason: '近亲属关系属实，决定回避',
      replacementOfficerId: replacement,
    });
    const after = (await detail(caseId)).snapshot;
    assert.deepEqual(after.teamOfficerIds, [team[0], replacement], 'the team changed');
    assert.equal(after.recusalRequest, null, 'nothing pending');
    const decided = await ok(
      head,
      caseId,
      'decide',
      { penalty: fine },
      {
        document: await completedDraft(head, caseId, 'penalty_decision', {
          action: 'decide',
          payload: { penalty: fine },
        }),
      },
    );
    assert.equal(decided.state, 'decided', 'decided after the ruling');
  });
});

describe('办案期限 (行政处罚法 art. 60): excluded periods and 中止', () => {
  test('an excluded period moves the due date and is listed; overlaps and future dates are refused', async () => {
    const caseId = await filedCase('期间扣除测试案');
    const today = shanghaiDay();
    const plain = await clockOf(caseId, 'decision');
    refused(
      await step(officer1, caseId, 'record_excluded_period', {
        kind: 'testing',
        from: today,
        to: shanghaiDay(3),
      }),
      'INVALID_INPUT',
      'to',
      'an end in the future',
    );
    await ok(officer1, caseId, 'record_excluded_period', { kind: 'testing', from: today, to: today });
    const moved = await clockOf(caseId, 'decision');
    assert.equal(
      moved.dueOn,
      (await officer1.get(`/api/public/calendar/add-calendar-days?from=${plain.dueOn}&days=1`)).body
        .unadjusted,
      'one day later',
    );
    assert.deepEqual(
      moved.excluded.map((p) => [p.kind, p.from, p.to, p.days]),
      [['testing', today, today, 1]],
      'the clock lists the excluded day',
    );
    refused(
      await step(officer1, caseId, 'record_excluded_period', { kind: 'hearing', from: today, to: today }),
      'EXCLUDED_PERIOD_OVERLAP',
      'from',
      'the same day twice',
    );
    refused(
      await step(head, caseId, 'suspend', { suspendedOn: today, reason: '等待鉴定结论' }),
      'EXCLUDED_PERIOD_OVERLAP',
      'suspendedOn',
      'a suspension inside an excluded period',
    );
  });

  test('中止 stops the clock with its reason; the resumption restarts it', async () => {
    const caseId = await filedCase('中止测试案');
    const today = shanghaiDay();
    refused(
      await step(head, caseId, 'resume', { resumedOn: today }),
      'CASE_NOT_SUSPENDED',
      'resumedOn',
      'nothing to resume',
    );
    await ok(head, caseId, 'suspend', { suspendedOn: today, reason: '当事人下落不明' });
    const stopped = await clockOf(caseId, 'decision');
    assert.equal(stopped.status.state, 'stopped', 'the clock stands still');
    assert.match(stopped.stopReason ?? '', /当事人下落不明/, 'with the reason');
    refused(
      await step(head, caseId, 'suspend', { suspendedOn: today, reason: 'x' }),
      'CASE_ALREADY_SUSPENDED',
      'suspendedOn',
      'not twice',
    );
    refused(
      await step(head, caseId, 'resume', { resumedOn: shanghaiDay(-1) }),
      'RESUMPTION_BEFORE_SUSPENSION',
      'resumedOn',
      'not before the suspension',
    );
    await ok(head, caseId, 'resume', { resumedOn: today });
    const running = await clockOf(caseId, 'decision');
    assert.equal(running.completedOn, null, 'running again');
    assert.equal((await detail(caseId)).snapshot.suspension, null, 'no longer suspended');
  });
});

describe("the lead's filing time", () => {
  test('a clock on the lead for 15 working days, extended once by the head', async () => {
    const leadId = await newLead('案源期限测试');
    const c = await clockOf(leadId, 'leadFiling');
    assert.equal(c.dueOn, await plusWorkingDays(15), '15 working days from registration');
    assert.equal(c.duty, 'agency', "the agency's duty");
    const byOfficer = await step(officer1, leadId, 'extend_lead_filing', { reason: '需调取材料' });
    assert.equal(byOfficer.status, 403, `only the head: ${byOfficer.text}`);
    await ok(head, leadId, 'extend_lead_filing', { reason: '需向有关部门调取材料' });
    assert.equal((await clockOf(leadId, 'leadFiling')).dueOn, await plusWorkingDays(30), 'extended by 15');
    refused(
      await step(head, leadId, 'extend_lead_filing', { reason: '再次延长' }),
      'LEAD_EXTENSION_LIMIT_REACHED',
      'reason',
      'only once',
    );
    await ok(
      head,
      leadId,
      'file',
      { violationOn: shanghaiDay(-40) },
      { case: { teamOfficerIds: team, party: company } },
    );
    assert.equal((await clockOf(leadId, 'leadFiling')).status.state, 'done', 'met when filed');
  });
});
