import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/index.ts';

type Db = Database['db'];

/** Rows of a raw query, on either engine (PGlite and node-postgres both answer `{ rows }`). */
export async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

// Logs that legitimately grow on a refused request (failed logins are audited, sessions slide).
const EXCLUDED_TABLES = ['audit_log', 'sessions'];
// Login bookkeeping on users: counted on failed logins, reset on success; not a change of the register.
const EXCLUDED_COLUMNS = ['failed_logins', 'locked_until'];

// The schema does not change while a test server runs: the query is built once per database.
const queries = new WeakMap<Db, string>();

/**
 * A fingerprint of every table of the application schema except the audit log and sessions: row count
 * and an md5 over the rows' canonical JSON. Tables are discovered, so a table added later is covered too.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  let query = queries.get(db);
  if (!query) {
    const tables = await rows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    );
    const minus = EXCLUDED_COLUMNS.map((c) => ` - '${c}'`).join('');
    query = tables
      .map((t) => t.name)
      .filter((name) => !EXCLUDED_TABLES.includes(name))
      .map(
        (name) =>
          `select '${name}' as name, count(*)::int as n, ` +
          `md5(coalesce(string_agg((to_jsonb(t)${minus})::text, '|' order by (to_jsonb(t)${minus})::text), '')) as h ` +
          `from "${name}" t`,
      )
      .join(' union all ');
    queries.set(db, query);
  }
  const result = await rows<{ name: string; n: number; h: string }>(db, sql.raw(query));
  const out: Record<string, string> = {};
  for (const r of result.sort((a, b) => a.name.localeCompare(b.name))) out[r.name] = `${r.n}:${r.h}`;
  return out;
}

/** Runs `fn` and asserts that no table of the fingerprint changed; answers what `fn` answered. */
export async function expectUnchanged<T>(db: Db, fn: () => Promise<T>, what = 'refused request'): Promise<T> {
  const before = await fingerprint(db);
  const result = await fn();
  const after = await fingerprint(db);
  const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
  if (changed.length > 0) throw new Error(`${what} changed the database: tables ${changed.join(', ')}`);
  return result;
}
