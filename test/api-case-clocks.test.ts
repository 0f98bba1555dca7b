/**
 * Clocks from the reader's side (issue 10), over HTTP on the demo: each clock says whose period it is;
 * a party's period is never the officer's "overdue"; an archived case runs no clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addDays, todayInShanghai } from '../src/platform/identifiers/date.ts';
import { rows } from './helpers/fingerprint.ts';
import { type Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

type Clock = {
  key: string;
  duty: 'agency' | 'party';
  dueOn: string;
  completedOn: string | null;
  rolledFrom: string | null;
  stopReason: string | null;
  status: { state: string; late: boolean };
};

let server: TestServer;
let head: Client;
before(async () => {
  server = await startServer();
  head = await loggedIn(server, 'scjg_head');
});
after(async () => {
  await server?.close();
});

async function caseByState(procedure: string, state: string): Promise<{ id: string; clocks: Clock[] }> {
  const list = await head.get(`/api/cases?procedure=${procedure}&state=${state}&pageSize=100`);
  assert.equal(list.status, 200, list.text);
  const item = list.body.items[0];
  assert.ok(item, `the demo has a ${procedure} case in ${state}`);
  const detail = await head.get(`/api/cases/${item.id}`);
  assert.equal(detail.status, 200, detail.text);
  return { id: item.id, clocks: detail.body.clocks };
}

describe('clocks from the reader’s point of view', () => {
  test('every clock says whose period it is; no party period reads overdue', async () => {
    const list = await head.get('/api/cases?pageSize=100');
    assert.equal(list.status, 200, list.text);
    let seen = 0;
    for (const item of list.body.items) {
      const r = await head.get(`/api/cases/${item.id}`);
      assert.equal(r.status, 200, r.text);
      for (const k of r.body.clocks as Clock[]) {
        seen++;
        assert.ok(['agency', 'party'].includes(k.duty), `${item.title} ${k.key}: duty ${k.duty}`);
        if (k.duty === 'party') {
          assert.notEqual(k.status.state, 'overdue', `${item.title} ${k.key} is the party's: not overdue`);
        }
      }
    }
    assert.ok(seen > 10, `the demo's cases have clocks (${seen})`);
  });

  test('an archived case runs no clock: its decision was published on time, none overdue', async () => {
    const { clocks } = await caseByState('ordinary', 'archived');
    const running = clocks.filter((k) => !['done', 'stopped'].includes(k.status.state));
    assert.deepEqual(
      running.map((k) => k.key),
      [],
      'nothing runs after archiving',
    );
    const publication = clocks.find((k) => k.key === 'publication');
    assert.ok(publication, 'the publication clock is listed');
    assert.equal(publication.status.state, 'done', 'the demo published the decision');
    assert.equal(publication.status.late, false, 'within its 7 working days');
    const statement = clocks.find((k) => k.key === 'statementDefence');
    assert.ok(statement, 'the statement period is listed');
    assert.equal(statement.duty, 'party', "the statement period is the party's");
  });

  test('rights notice served: the statement period is the party’s, the decision limit the agency’s', async () => {
    const { clocks } = await caseByState('ordinary', 'rights_notice');
    const statement = clocks.find((k) => k.key === 'statementDefence');
    const decision = clocks.find((k) => k.key === 'decision');
    assert.equal(statement?.duty, 'party', 'statement: party');
    assert.equal(decision?.duty, 'agency', 'decision: agency');
  });

  test('a fine unpaid past its limit reads defaulted, and warns the officer', async () => {
    const { id } = await caseByState('ordinary', 'served');
    // The demo's fine was served recently: move its stored limit to yesterday, as time would.
    const yesterday = addDays(todayInShanghai(), -1);
    await server.database.db.execute(
      sql`update case_clocks set due_on = ${yesterday}, clock = jsonb_set(clock, '{dueOn}', to_jsonb(${yesterday}::text))
          where case_id = ${id} and key = 'payment'`,
    );
    const [stored] = await rows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from case_clocks where case_id = ${id} and key = 'payment'`,
    );
    assert.equal(stored?.n, 1, 'the served case has a payment clock');
    const detail = await head.get(`/api/cases/${id}`);
    const payment = (detail.body.clocks as Clock[]).find((k) => k.key === 'payment');
    assert.equal(payment?.duty, 'party', 'paying is the party’s duty');
    assert.equal(payment?.status.state, 'defaulted', 'unpaid past the limit: the party’s default');
    const warnings = await head.get('/api/cases/warnings');
    assert.equal(warnings.status, 200, warnings.text);
    const listed = warnings.body.items.find(
      (k: { caseId: string; key: string }) => k.caseId === id && k.key === 'payment',
    );
    assert.equal(
      listed?.status.state,
      'defaulted',
      'the default is on the warning list for the officer to act on',
    );
  });
});

describe('court enforcement only when the law allows it (行政强制法 arts. 53–54)', () => {
  const court = { action: 'apply_court_enforcement', payload: { court: '蚌埠市龙子湖区人民法院' } };
  const setDate = (id: string, key: string, date: string) =>
    server.database.db.execute(
      sql`update cases set snapshot = jsonb_set(snapshot, ${`{dates,${key}}`}::text[], to_jsonb(${date}::text)) where id = ${id}`,
    );
  /** The day `months` months before today (the demo's decision was served days ago). */
  const monthsAgo = (months: number) => {
    const [y, m, d] = todayInShanghai().split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1 - months, Math.min(d, 28)));
    return date.toISOString().slice(0, 10);
  };

  test('refused while the payment limit runs, without a 催告, before its 10 working days; allowed after', async () => {
    const { id } = await caseByState('ordinary', 'served');
    const before = (await head.get(`/api/cases/${id}`)).body;
    const early = await head.post(`/api/cases/${id}/transitions`, court);
    assert.equal(early.status, 400, early.text);
    assert.equal(early.body.error.code, 'PAYMENT_NOT_OVERDUE', 'the payment limit still runs');
    const primary = before.actions.find((a: { action: string }) => a.action === 'apply_court_enforcement');
    assert.ok(primary, 'the step is listed for the head');

    // The decision served 7 months ago: the remedy periods (60 days, 6 months) are over.
    await setDate(id, 'servedOn', monthsAgo(7));
    const noDemand = await head.post(`/api/cases/${id}/transitions`, court);
    assert.equal(noDemand.status, 400, noDemand.text);
    assert.equal(noDemand.body.error.code, 'DEMAND_NOTICE_REQUIRED', 'a 催告 first');
    assert.equal(noDemand.body.error.field, 'demandServedOn', 'names the field');
    assert.match(noDemand.body.error.message, /催告书送达日期/, 'in Chinese, naming the field');

    const today = todayInShanghai();
    const demanded = await head.post(`/api/cases/${id}/transitions`, {
      action: 'serve_demand_notice',
      payload: { servedOn: today },
    });
    assert.equal(demanded.status, 200, demanded.text);
    assert.equal(demanded.body.case.snapshot.dates.demandServedOn, today, 'the 催告 recorded');
    const version = demanded.body.case.snapshot.version;
    const waiting = await head.post(`/api/cases/${id}/transitions`, court);
    assert.equal(waiting.status, 400, waiting.text);
    assert.equal(waiting.body.error.code, 'DEMAND_PERIOD_NOT_OVER', '10 working days after the 催告');
    assert.equal(waiting.body.error.field, 'demandServedOn', 'names the field');
    const unchanged = (await head.get(`/api/cases/${id}`)).body;
    assert.equal(unchanged.snapshot.version, version, 'nothing changed');
    assert.equal(unchanged.state, 'served', 'still served');

    await setDate(id, 'demandServedOn', monthsAgo(1));
    const applied = await head.post(`/api/cases/${id}/transitions`, court);
    assert.equal(applied.status, 200, applied.text);
    assert.equal(applied.body.state, 'compulsory_execution', 'applied to the court');
    assert.equal(applied.body.case.snapshot.dates.courtAppliedOn, today, 'the application date');
  });
});
