import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createBundledCalendar } from '../src/platform/calendar/bundled.ts';
import { loadCalendar } from '../src/platform/calendar/service.ts';
import { TEST_DB } from './helpers/database.ts';
import { expectUnchanged, rows } from './helpers/fingerprint.ts';
import { Client, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The official calendar over real HTTP on the engine under test (MINGJING_TEST_DB), and the CLI.
let server: TestServer;
let anon: Client;
before(async () => {
  server = await startServer();
  anon = new Client(server.url);
});
after(async () => {
  await server?.close();
});

const addWorkingDays = (from: string, days: number | string) =>
  anon.get(`/api/public/calendar/add-working-days?from=${from}&days=${days}`);

/**
 * A made-up 2027 year for the tests (the real notice is not in the bundled data): 元旦 on Friday
 * 2027-01-01 and a Saturday made a working day. Test data only — not the State Council's arrangement.
 */
const year2027 = (over: Record<string, unknown> = {}) => ({
  year: 2027,
  notice: {
    title: '测试数据：2027年部分节假日安排（非官方）',
    number: '测试〔2026〕1号',
    publishedOn: '2026-11-01',
  },
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: ['2027-01-09'],
  ...over,
});

describe('add working days (public)', () => {
  test('the issue example: 2025-09-26 + 7 working days = 2025-10-13, exactly this answer', async () => {
    const r = await addWorkingDays('2025-09-26', 7);
    assert.equal(r.status, 200);
    assert.equal(r.text, '{"from":"2025-09-26","days":7,"date":"2025-10-13","provisional":false}');
  });

  test('crossing the 2026 Spring Festival: the adjusted Saturday counts, the nine days off do not', async () => {
    // 02-13 Fri (1), 02-14 Sat 调休上班 (2), 02-15…02-23 春节, 02-24 (3), 02-25 (4), 02-26 (5).
    const r = await addWorkingDays('2026-02-12', 5);
    assert.deepEqual(r.body, { from: '2026-02-12', days: 5, date: '2026-02-26', provisional: false });
  });

  test('the bounds 1 and 366 are accepted', async () => {
    assert.deepEqual((await addWorkingDays('2025-09-30', 1)).body.date, '2025-10-09');
    const r = await addWorkingDays('2019-01-02', 366);
    assert.equal(r.status, 200);
    assert.equal(r.body.provisional, false);
  });

  test('a deadline reaching into 2027 (no notice loaded) is provisional, counted on weekends only', async () => {
    const r = await addWorkingDays('2026-12-25', 10);
    // 12-28 … 12-31 (4), 2027-01-01 Fri counted as a weekday (5), 01-04 … 01-08 (10).
    assert.deepEqual(r.body, { from: '2026-12-25', days: 10, date: '2027-01-08', provisional: true });
    const inside = await addWorkingDays('2026-12-01', 5);
    assert.equal(inside.body.provisional, false, 'a deadline inside 2026 is not provisional');
  });

  const BAD: [string, string, string][] = [
    ['from=2025-09-26&days=1.5', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=0', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=367', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=abc', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=-1', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=1e2', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=', 'INVALID_DAYS', 'days'],
    ['from=2025-09-26&days=7&days=8', 'INVALID_DAYS', 'days'],
    ['from=2025-02-30&days=7', 'INVALID_DATE', 'from'],
    ['from=2025/09/26&days=7', 'INVALID_DATE', 'from'],
    ['from=2025-9-26&days=7', 'INVALID_DATE', 'from'],
    ['from=1900-01-01&days=7', 'INVALID_DATE', 'from'],
    ['days=7', 'FIELD_REQUIRED', 'from'],
    ['from=2025-09-26', 'FIELD_REQUIRED', 'days'],
    ['', 'FIELD_REQUIRED', 'from'],
    ['from=2025-09-26&days=7&extra=1', 'UNKNOWN_FIELD', 'extra'],
  ];
  for (const [query, code, field] of BAD) {
    test(`?${query} → 400 ${code} (${field})`, async () => {
      const r = await anon.get(`/api/public/calendar/add-working-days?${query}`);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.body.error.code, code);
      assert.equal(r.body.error.field, field);
      assert.match(r.body.error.message, /[\u4e00-\u9fff]/, 'Chinese message');
      assert.ok(r.body.error.message.includes(field), `the message names the field: ${r.body.error.message}`);
    });
  }
});

describe('other public calendar answers', () => {
  test('add calendar days: the last day moved off a rest day (date), the plain N-th day (unadjusted)', async () => {
    const r = await anon.get('/api/public/calendar/add-calendar-days?from=2025-09-26&days=7');
    assert.deepEqual(
      r.body,
      { from: '2025-09-26', days: 7, date: '2025-10-09', unadjusted: '2025-10-03', provisional: false },
      'National Day 2025 (10-01..10-08): moved to 10-09',
    );
    // The case: served 2026-01-31, 15-day payment limit; 02-15..02-23 is 春节 2026.
    const spring = await anon.get('/api/public/calendar/add-calendar-days?from=2026-01-31&days=15');
    assert.equal(spring.status, 200, 'answered');
    assert.deepEqual(
      spring.body,
      { from: '2026-01-31', days: 15, date: '2026-02-24', unadjusted: '2026-02-15', provisional: false },
      'Spring Festival 2026: moved to 02-24',
    );
    const national = await anon.get('/api/public/calendar/add-calendar-days?from=2026-09-18&days=15');
    assert.deepEqual(
      national.body,
      { from: '2026-09-18', days: 15, date: '2026-10-08', unadjusted: '2026-10-03', provisional: false },
      'National Day 2026: moved to 10-08',
    );
    const working = await anon.get('/api/public/calendar/add-calendar-days?from=2025-10-13&days=15');
    assert.deepEqual(
      working.body,
      { from: '2025-10-13', days: 15, date: '2025-10-28', unadjusted: '2025-10-28', provisional: false },
      'a working day stays',
    );
    const unknown = await anon.get('/api/public/calendar/add-calendar-days?from=2026-12-20&days=13');
    assert.deepEqual(
      unknown.body,
      { from: '2026-12-20', days: 13, date: '2027-01-04', unadjusted: '2027-01-02', provisional: true },
      'moved over a weekend of 2027, whose notice is not loaded',
    );
    const bad = await anon.get('/api/public/calendar/add-calendar-days?from=2025-09-26&days=400');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'INVALID_DAYS');
  });

  test('working days between two dates (from excluded, to included)', async () => {
    const r = await anon.get('/api/public/calendar/working-days-between?from=2026-02-12&to=2026-02-26');
    assert.deepEqual(r.body, { from: '2026-02-12', to: '2026-02-26', count: 5, provisional: false });
    const late = await anon.get('/api/public/calendar/working-days-between?from=2026-12-30&to=2027-01-05');
    assert.equal(late.body.provisional, true);
    const bad = await anon.get('/api/public/calendar/working-days-between?from=2026-02-12&to=2026-13-01');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'INVALID_DATE');
    assert.equal(bad.body.error.field, 'to');
  });

  test('years 2019–2026 are loaded, each with its notice', async () => {
    const r = await anon.get('/api/public/calendar/years');
    assert.equal(r.status, 200);
    const items = r.body.items as { year: number; notice: { number: string }; amendments: unknown[] }[];
    assert.deepEqual(
      items.map((y) => y.year),
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026],
    );
    for (const y of items) {
      assert.deepEqual(Object.keys(y), ['year', 'notice', 'amendments', 'holidays', 'workdays']);
      assert.match(y.notice.number, /国办发明电/);
    }
    assert.equal(items.find((y) => y.year === 2020)!.amendments.length, 1, '2020 春节延长');
  });

  test('the calendar built from the table is the bundled data (same version fingerprint)', async () => {
    const calendar = await loadCalendar(server.database.db);
    assert.equal(calendar.version, createBundledCalendar().version);
  });
});

describe('loading a year (system admin)', () => {
  test('a supervisor and an anonymous caller are refused, and nothing changes', async () => {
    const supervisor = await loggedIn(server, 'supervisor');
    const r = await expectUnchanged(server.database.db, () =>
      supervisor.post('/api/calendar/years', year2027()),
    );
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'FORBIDDEN');
    const a = await expectUnchanged(server.database.db, () => anon.post('/api/calendar/years', year2027()));
    assert.equal(a.status, 401);
  });

  test('invalid data is refused with the rule code and field, and nothing changes', async () => {
    const admin = await loggedIn(server, 'admin');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ workdays: ['2027-01-02'] }, 'HOLIDAY_AND_WORKDAY', 'workdays'],
      [{ holidays: ['2027-01-01', '2028-01-01'] }, 'DATE_OUTSIDE_YEAR', 'holidays[1]'],
      [{ holidays: ['2027-02-30'] }, 'INVALID_DATE', 'holidays[0]'],
      [{ workdays: ['2027-01-04'] }, 'WORKDAY_NOT_WEEKEND', 'workdays[0]'],
      [{ year: 3000 }, 'INVALID_YEAR', 'year'],
      [{ notice: { title: '', number: '测试〔2026〕1号' } }, 'FIELD_REQUIRED', 'notice.title'],
      [{ note: 'x' }, 'UNKNOWN_FIELD', 'note'],
    ];
    for (const [over, code, field] of cases) {
      const r = await expectUnchanged(server.database.db, () =>
        admin.post('/api/calendar/years', year2027(over)),
      );
      assert.equal(r.status, 400, `${code}: ${r.text}`);
      assert.equal(r.body.error.code, code, r.text);
      assert.equal(r.body.error.field, field, r.text);
      assert.match(r.body.error.message, /[\u4e00-\u9fff]/);
    }
    assert.equal((await addWorkingDays('2026-12-25', 10)).body.provisional, true, 'still not loaded');
  });

  test('loading 2027 makes a 2027 deadline final and counts its holidays; the load is audited', async () => {
    const admin = await loggedIn(server, 'admin');
    const r = await admin.post('/api/calendar/years', year2027());
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.year, 2027);
    assert.equal(r.body.loadedBy, 'admin');
    assert.equal(r.body.replaced, false);
    // 12-28 … 12-31 (4), 01-01 元旦 off, 01-04 … 01-08 (9), 01-09 Sat 调休上班 (10).
    assert.deepEqual((await addWorkingDays('2026-12-25', 10)).body, {
      from: '2026-12-25',
      days: 10,
      date: '2027-01-09',
      provisional: false,
    });
    const years = (await anon.get('/api/public/calendar/years')).body.items as { year: number }[];
    assert.equal(years.at(-1)!.year, 2027);
    const [entry] = await rows<{ actor_username: string; target_id: string; details: { notice: string } }>(
      server.database.db,
      sql`select actor_username, target_id, details from audit_log where action = 'calendar.load'`,
    );
    assert.equal(entry?.actor_username, 'admin');
    assert.equal(entry?.target_id, '2027');
    assert.equal(entry?.details.notice, '测试〔2026〕1号');
  });

  test('a loaded year is replaced only with replace: true', async () => {
    const admin = await loggedIn(server, 'admin');
    const again = await expectUnchanged(server.database.db, () =>
      admin.post('/api/calendar/years', year2027({ workdays: [] })),
    );
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CALENDAR_YEAR_EXISTS');
    const r = await admin.post('/api/calendar/years', year2027({ workdays: [], replace: true }));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.body.replaced, true);
    assert.equal(
      (await addWorkingDays('2026-12-25', 10)).body.date,
      '2027-01-11',
      'the Saturday is off again',
    );
    const [entry] = await rows<{ n: number }>(
      server.database.db,
      sql`select count(*)::int as n from audit_log where action = 'calendar.replace' and target_id = '2027'`,
    );
    assert.equal(entry?.n, 1);
  });

  test('a year written by another process is seen at the next request (no stale cache)', async () => {
    await addWorkingDays('2030-12-27', 3); // warm the cache
    await server.database.db.execute(sql`insert into calendar_years (year, notice, holidays, workdays, loaded_by)
      values (2031, '{"title":"测试数据","number":"测试〔2030〕1号"}', '{2031-01-01}', '{}', 'other-process')`);
    try {
      const r = await addWorkingDays('2030-12-30', 2);
      // 12-31 (1), 2031-01-01 off, 01-02 Thu (2); 2030 itself is still not loaded.
      assert.deepEqual(r.body, { from: '2030-12-30', days: 2, date: '2031-01-02', provisional: true });
      const in2031 = await addWorkingDays('2031-03-02', 2);
      assert.equal(in2031.body.provisional, false);
    } finally {
      await server.database.db.execute(sql`delete from calendar_years where year = 2031`);
    }
    assert.equal((await addWorkingDays('2031-03-02', 2)).body.provisional, true, 'and its removal too');
  });
});

// ── the command line ─────────────────────────────────────────────────────────────────────────────
const BIN = fileURLToPath(new URL('../bin/mingjing.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe('CLI: mingjing calendar', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-calendar-'));
  const env = { MINGJING_DATA: dataDir };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('add-working-days prints the same JSON as the API (fresh embedded database)', async () => {
    const r = await cli(['calendar', 'add-working-days', '--from', '2025-09-26', '--days', '7'], env);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.trim(), '{"from":"2025-09-26","days":7,"date":"2025-10-13","provisional":false}');
  });

  test('a bad input is refused in Chinese with exit code 1', async () => {
    const r = await cli(['calendar', 'add-working-days', '--from', '2025-09-26', '--days', '1.5'], env);
    assert.equal(r.code, 1);
    assert.match(r.err, /错误：.*期限天数.*1至366/);
  });

  test('load a year from a file, refuse it twice, replace it; years lists it', async () => {
    const file = join(dataDir, '2027.json');
    writeFileSync(file, JSON.stringify(year2027()));
    const loaded = await cli(['calendar', 'load', '--file', file], env);
    assert.equal(loaded.code, 0, loaded.err);
    assert.match(loaded.out, /已载入 2027 年放假安排/);
    const twice = await cli(['calendar', 'load', '--file', file], env);
    assert.equal(twice.code, 1);
    assert.match(twice.err, /已经载入/);
    const replaced = await cli(['calendar', 'load', '--file', file, '--replace'], env);
    assert.equal(replaced.code, 0, replaced.err);
    assert.match(replaced.out, /已替换 2027 年/);
    const years = await cli(['calendar', 'years'], env);
    assert.equal(years.code, 0, years.err);
    const lines = years.out.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => Number(l.slice(0, 4))),
      [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027],
    );
    const deadline = await cli(['calendar', 'add-working-days', '--from', '2026-12-25', '--days', '10'], env);
    assert.deepEqual(JSON.parse(deadline.out), {
      from: '2026-12-25',
      days: 10,
      date: '2027-01-09',
      provisional: false,
    });
  });

  test('a year loaded with the CLI is used by a running server on the same PostgreSQL database', {
    skip: TEST_DB !== 'postgres' && 'PostgreSQL only: an embedded data directory has one process',
  }, async () => {
    const url = (server.database as { url?: string }).url!;
    const file = join(dataDir, '2029.json');
    writeFileSync(
      file,
      JSON.stringify({
        year: 2029,
        notice: { title: '测试数据（非官方）', number: '测试〔2028〕1号' },
        holidays: ['2029-01-01'],
        workdays: [],
      }),
    );
    assert.equal((await addWorkingDays('2029-03-01', 1)).body.provisional, true);
    const r = await cli(['calendar', 'load', '--file', file], { DATABASE_URL: url });
    assert.equal(r.code, 0, r.err);
    assert.equal((await addWorkingDays('2029-03-01', 1)).body.provisional, false);
  });
});
