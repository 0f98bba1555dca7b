import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { residentIdCheckChar } from '../src/platform/identifiers/resident-id.ts';
import { makeUscc } from '../src/platform/identifiers/uscc.ts';
import { completedDraft } from './helpers/documents.ts';
import { approveProposal, shanghaiDay, storeEvidence } from './helpers/records.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// Payment and evidence procedures (issue 10) over real HTTP on the demo: on-the-spot collection
// (行政处罚法 arts. 68–71), instalments (art. 66), 复议/诉讼 during execution (art. 73) and 先行登记保存
// (art. 56). Each refusal with its code and the field it names, and nothing written by a refused step.
let server: TestServer;
let officer1: Client;
let officer2: Client;
let head: Client;
let itemId: string;
let team: string[];
const residentId = (first17: string) => first17 + residentIdCheckChar(first17);
const company = {
  type: 'legal_person',
  name: '蚌埠收缴测试商贸有限公司',
  idNumber: makeUscc('91340300MA2N7H4D0'),
  representative: '钱立新',
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
const step = (c: Client, id: string, action: string, payload: object = {}, extra: object = {}) =>
  c.post(`/api/cases/${id}/transitions`, { action, payload, ...extra });
async function ok(c: Client, id: string, action: string, payload: object = {}, extra: object = {}) {
  const r = await step(c, id, action, payload, extra);
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
type ClockView = { key: string; dueOn: string; duty: string; completedOn: string | null; startsOn: string };
const clockOf = async (id: string, key: string): Promise<ClockView | undefined> =>
  (await detail(id)).clocks.find((x: ClockView) => x.key === key);
const plusWorkingDays = async (from: string, days: number) =>
  (await officer1.get(`/api/public/calendar/add-working-days?from=${from}&days=${days}`)).body.date;

async function filedCase(title: string): Promise<string> {
  const lead = await officer1.post('/api/cases', {
    procedure: 'lead',
    itemId,
    title,
    payload: { source: 'complaint', summary: '群众举报' },
  });
  assert.equal(lead.status, 201, lead.text);
  const filed = await ok(
    head,
    lead.body.id,
    'file',
    { violationOn: shanghaiDay(-40) },
    { case: { teamOfficerIds: team, party: company } },
  );
  assert.ok(filed.filedCaseId, 'filing answers the case');
  return filed.filedCaseId;
}

/** An ordinary case with a fine of 3,000 元, decided and served today. */
async function servedCase(title: string): Promise<string> {
  const id = await filedCase(title);
  const today = shanghaiDay();
  const fine = { kinds: ['fine'], fineFen: 300_000 };
  await storeEvidence(officer1, id);
  await ok(officer1, id, 'submit_for_review');
  await approveProposal(head, id, fine);
  await ok(
    officer1,
    id,
    'notify_rights',
    { penalty: fine, servedOn: today },
    {
      document: await completedDraft(officer1, id, 'penalty_rights_notice', {
        action: 'notify_rights',
        payload: { penalty: fine, servedOn: today },
      }),
    },
  );
  await ok(officer2, id, 'close_rights_period', { waived: true, waiverRef: '当事人书面放弃' });
  await ok(
    head,
    id,
    'decide',
    { penalty: fine },
    {
      document: await completedDraft(head, id, 'penalty_decision', {
        action: 'decide',
        payload: { penalty: fine },
      }),
    },
  );
  await ok(officer1, id, 'serve', { method: 'direct', servedOn: today });
  return id;
}

describe('on-the-spot collection (行政处罚法 arts. 68–71)', () => {
  test('a 50 元 summary fine collected with its receipt; remitted, paid into the bank, then closed', async () => {
    const today = shanghaiDay();
    const opened = await officer1.post('/api/cases', {
      procedure: 'summary',
      itemId,
      title: '当场收缴测试',
      party: { type: 'natural_person', name: '柏青松', idNumber: residentId('34030319800312201') },
      teamOfficerIds: team,
    });
    assert.equal(opened.status, 201, opened.text);
    const id = opened.body.id;
    const onSpot = { penalty: { kinds: ['fine'], fineFen: 5_000 }, rightsNotified: true };
    await ok(officer1, id, 'decide_on_spot', onSpot, {
      document: await completedDraft(
        officer1,
        id,
        'on_spot_penalty_decision',
        { action: 'decide_on_spot', payload: onSpot },
        { decidedAt: `${today}T10:00`, place: '蚌埠市蚌山区纬四路与胜利路交口' },
      ),
    });
    const collect = { executedOn: today, paidFen: 5_000, ground: 'small_fine' };
    const before = await detail(id);
    refused(
      await step(officer1, id, 'collect_fine_on_spot', collect),
      'SPOT_RECEIPT_REQUIRED',
      'receiptNo',
      'without the 专用票据 number',
    );
    assert.equal((await detail(id)).version, before.version, 'nothing written by the refused step');
    refused(
      await step(officer1, id, 'collect_fine_on_spot', {
        ...collect,
        ground: 'remote_area',
        receiptNo: 'R1',
      }),
      'SPOT_COLLECTION_REASON_REQUIRED',
      'groundDetail',
      'a remote area without its circumstances',
    );
    const collected = await ok(officer1, id, 'collect_fine_on_spot', {
      ...collect,
      receiptNo: '皖财罚 0012345',
    });
    assert.equal(collected.state, 'executed', 'the fine is paid');
    assert.equal(
      collected.case.snapshot.spotCollection.receiptNo,
      '皖财罚 0012345',
      'the receipt is on the case',
    );
    const remit = await clockOf(id, 'spotRemittance');
    assert.ok(remit, 'the remittance clock is shown');
    assert.equal(remit?.duty, 'agency', "the agency's duty");
    assert.equal(remit?.dueOn, await plusWorkingDays(today, 2), 'two working days from the collection');
    refused(
      await step(officer1, id, 'close', { reportedOn: today }),
      'SPOT_FINE_NOT_SETTLED',
      'remittedOn',
      'closing first',
    );
    await ok(officer1, id, 'record_remittance', { remittedOn: today });
    assert.equal((await clockOf(id, 'spotRemittance'))?.completedOn, today, 'the remittance is met');
    assert.equal((await clockOf(id, 'bankDeposit'))?.dueOn, await plusWorkingDays(today, 2), 'the bank next');
    await ok(head, id, 'record_bank_deposit', { depositedOn: today, bankReceiptNo: '工行缴款书 778899' });
    const closed = await ok(officer1, id, 'close', { reportedOn: today });
    assert.equal(closed.state, 'closed', 'closed once the money reached the bank');
  });
});

describe('instalments and 复议 during execution (行政处罚法 arts. 66, 73)', () => {
  test('a schedule summing to the fine; the clock follows it; the court waits for a 复议', async () => {
    const id = await servedCase('分期缴纳测试案');
    const plan = [
      { dueOn: shanghaiDay(30), amountFen: 150_000 },
      { dueOn: shanghaiDay(60), amountFen: 100_000 },
    ];
    refused(
      await step(head, id, 'approve_payment_deferral', { instalments: plan, reason: '经营困难' }),
      'INSTALMENTS_SUM_MISMATCH',
      'instalments',
      '2,500 元 of 3,000 元',
    );
    const full = [...plan, { dueOn: shanghaiDay(90), amountFen: 50_000 }];
    await ok(head, id, 'approve_payment_deferral', { instalments: full, reason: '经营困难' });
    assert.equal((await clockOf(id, 'payment'))?.dueOn, shanghaiDay(30), 'the first instalment');
    refused(
      await step(officer1, id, 'record_instalment_payment', { paidOn: shanghaiDay(), paidFen: 100_000 }),
      'INSTALMENT_PAYMENT_INSUFFICIENT',
      'paidFen',
      'less than the instalment',
    );
    await ok(officer1, id, 'record_instalment_payment', { paidOn: shanghaiDay(), paidFen: 150_000 });
    assert.equal((await clockOf(id, 'payment'))?.dueOn, shanghaiDay(60), 'then the second');
    await ok(officer1, id, 'record_remedy', {
      kind: 'reconsideration',
      filedOn: shanghaiDay(),
      body: '蚌埠市人民政府',
    });
    const c = await detail(id);
    assert.deepEqual(
      c.snapshot.remedies,
      [{ kind: 'reconsideration', filedOn: shanghaiDay() }],
      'the 复议 is on the case',
    );
    assert.equal(
      c.clocks.find((k: ClockView) => k.key === 'enforcementApplication'),
      undefined,
      'no enforcement window while it runs',
    );
    refused(
      await step(head, id, 'apply_court_enforcement', { court: '蚌埠市中级人民法院' }),
      'REMEDY_PENDING',
      'remedies',
      'the court waits for the 复议',
    );
    refused(
      await step(officer1, id, 'record_remedy_end', {
        kind: 'litigation',
        endedOn: shanghaiDay(),
        result: '维持',
      }),
      'NO_REMEDY_PENDING',
      'kind',
      'no 诉讼 to end',
    );
    await ok(officer1, id, 'record_remedy_end', {
      kind: 'reconsideration',
      endedOn: shanghaiDay(),
      result: '维持',
    });
    assert.ok(await clockOf(id, 'enforcementApplication'), 'the window is back once the 复议 ended');
  });
});

describe('先行登记保存 (行政处罚法 art. 56)', () => {
  test('recorded with its items and approval, decided within 7 working days', async () => {
    const id = await filedCase('先行登记保存测试案');
    const today = shanghaiDay();
    const preserve = {
      preservedOn: today,
      items: '涉嫌侵权商品 60 件',
      approvalRef: '先行登记保存审批表 001',
    };
    refused(
      await step(officer1, id, 'preserve_evidence', { ...preserve, preservedOn: shanghaiDay(-1) }),
      'DATE_OUT_OF_ORDER',
      'preservedOn',
      'before the filing',
    );
    refused(
      await step(officer1, id, 'preserve_evidence', { ...preserve, approvalRef: '' }),
      'INPUT_REQUIRED',
      'approvalRef',
      "without the head's approval",
    );
    await ok(officer1, id, 'preserve_evidence', preserve);
    const c = await clockOf(id, 'evidencePreservation');
    assert.equal(c?.dueOn, await plusWorkingDays(today, 7), '7 working days');
    assert.equal(c?.duty, 'agency', "the agency's duty");
    refused(
      await step(officer1, id, 'preserve_evidence', preserve),
      'PRESERVATION_PENDING',
      'preservedOn',
      'the first is still undecided',
    );
    refused(
      await step(officer1, id, 'decide_preserved_evidence', { decidedOn: today, decision: 'keep' }),
      'INVALID_INPUT',
      'decision',
      'a decision the law does not know',
    );
    await ok(officer1, id, 'decide_preserved_evidence', { decidedOn: today, decision: 'test' });
    const d = await detail(id);
    assert.equal(d.snapshot.preservations[0].decision, 'test', 'the decision is on the case');
    assert.equal((await clockOf(id, 'evidencePreservation'))?.completedOn, today, 'the clock is met');
  });
});
