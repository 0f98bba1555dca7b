/**
 * Clock warnings at scale: the warning list is one query over the clocks, so a case that has not
 * changed for months still warns when its deadline comes, however many cases changed since. (It once
 * took the 1,000 most recently updated cases first and filtered their clocks after: the stale case
 * about to miss its deadline was dropped.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addDays, todayInShanghai } from '../src/platform/identifiers/date.ts';
import { rows } from './helpers/fingerprint.ts';
import { loggedIn, startServer, type TestServer } from './helpers/server.ts';

const CLONES = 100_000;

let server: TestServer;
let stale: { id: string; title: string; key: string };

before(async () => {
  server = await startServer();
  const db = server.database.db;
  // A case of 市场监管局 with an open clock of the agency's own (not a party's period, not one that opens
  // later), handled by scjg_officer1 (刘海涛).
  const [target] = await rows<{ id: string; title: string; key: string }>(
    db,
    sql`select c.id, c.title, k.key from cases c join case_clocks k on k.case_id = c.id
        join officers o on o.id = any(c.team_officer_ids)
        where k.completed_on is null and o.name = '刘海涛'
          and k.clock->>'duty' = 'agency' and k.clock->>'opensOn' is null
        order by c.title, k.key limit 1`,
  );
  assert.ok(target, 'the demo has an open clock on a case of 刘海涛');
  stale = target;
  // Overdue since yesterday, and untouched for years.
  const due = addDays(todayInShanghai(), -1);
  await db.execute(sql`update case_clocks set due_on = ${due}, clock = jsonb_set(clock, '{dueOn}', to_jsonb(${due}::text))
                       where case_id = ${target.id} and key = ${target.key}`);
  await db.execute(sql`update cases set updated_at = '2020-01-01T00:00:00Z' where id = ${target.id}`);
  // 10⁵ cases of the same agency and team changed since, each with a clock far from due.
  await db.execute(sql`
    insert into cases (id, agency_id, item_id, procedure, state, outcome, version, region_code, party_id,
                       title, lead_id, team_officer_ids, snapshot, created_at, updated_at)
    select gen_random_uuid(), agency_id, item_id, procedure, state, outcome, version, region_code, null,
           title || '（批量' || n || '）', null, team_officer_ids, '{}'::jsonb, now(), now()
    from cases, generate_series(1, ${CLONES}) as n where id = ${target.id}`);
  await db.execute(sql`
    insert into case_clocks (case_id, key, due_on, completed_on, provisional, clock)
    select c.id, k.key, '2099-12-31', null, false, jsonb_set(k.clock, '{dueOn}', '"2099-12-31"')
    from cases c, case_clocks k
    where c.title like ${`${target.title}（批量%`} and k.case_id = ${target.id} and k.key = ${target.key}`);
});
after(async () => {
  await server?.close();
});

describe('clock warnings over 10⁵ cases', () => {
  test('the stale overdue case is listed for its officer and its head, most urgent first', async () => {
    const [{ n }] = (await rows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from cases`,
    )) as [{ n: number }];
    assert.ok(n > CLONES, `${n} cases`);
    for (const user of ['scjg_officer1', 'scjg_head']) {
      const r = await (await loggedIn(server, user)).get('/api/cases/warnings');
      assert.equal(r.status, 200, r.text);
      const mine = r.body.items.find(
        (k: { caseId: string; key: string }) => k.caseId === stale.id && k.key === stale.key,
      );
      assert.ok(mine, `${user} sees the overdue clock of ${stale.title}`);
      assert.equal(mine.status.state, 'overdue');
      assert.equal(mine.title, stale.title);
      // None of the clocks due in 2099 warns; the list is ordered by due date.
      assert.ok(r.body.items.every((k: { dueOn: string }) => k.dueOn < '2099-01-01'));
      const dues = r.body.items.map((k: { dueOn: string }) => k.dueOn);
      assert.deepEqual(dues, [...dues].sort());
      assert.ok(r.body.total >= r.body.items.length);
    }
  });

  test('another agency does not see it', async () => {
    const r = await (await loggedIn(server, 'cg_officer1')).get('/api/cases/warnings');
    assert.equal(r.status, 200);
    assert.ok(!r.body.items.some((k: { caseId: string }) => k.caseId === stale.id));
  });
});
