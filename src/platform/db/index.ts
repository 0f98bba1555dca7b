import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

/** One query layer for both engines: every store takes this type (a database or a transaction). */
export type Db = PgDatabase<PgQueryResultHKT>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  /**
   * Runs `fn` while holding a deployment-wide lock: a PostgreSQL advisory lock shared by every process
   * (jobs, first-start seeding); PGlite has one process per data directory, so it just runs.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const LOCK_KEYS = { migrations: 7_270_114, demoSeed: 7_270_115 } as const;

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));
// drizzle's migrator takes no lock of its own (STACK.md): migrations run under LOCK_KEYS.migrations.

export interface OpenOptions {
  /** postgres://… — when absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `null` for an in-memory database (tests). */
  dataDir?: string | null;
  /** PGlite: start from this data-directory tarball (`dumpDataDir`) instead of an empty database. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? null, opts.loadDataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A failing idle client must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  const withLock = async <T>(key: number, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [key]);
      try {
        return await fn(client);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [key]);
      }
    } finally {
      client.release();
    }
  };
  await withLock(LOCK_KEYS.migrations, async (client) => {
    await client.query('create extension if not exists pg_trgm');
    await migrateNodePg(drizzleNodePg(client), { migrationsFolder: MIGRATIONS });
  });
  const db = drizzleNodePg(pool) as unknown as Db;
  return { kind: 'postgres', db, withLock: (key, fn) => withLock(key, () => fn()), close: () => pool.end() };
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  try {
    const client = await PGlite.create(dataDir ? `${dataDir}/pglite` : undefined, {
      extensions: { pg_trgm },
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    await client.exec('create extension if not exists pg_trgm');
    const drizzled = drizzlePglite(client);
    await migratePglite(drizzled, { migrationsFolder: MIGRATIONS });
    const db = drizzled as unknown as Db;
    return {
      kind: 'pglite',
      db,
      withLock: (_key, fn) => fn(),
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** The PostgreSQL error inside `err` (drizzle wraps the driver's in `cause`), if a query failed. */
export function postgresErrorOf(
  err: unknown,
): { code: string; constraint?: string; message?: string } | undefined {
  for (
    let e: unknown = err, i = 0;
    e && typeof e === 'object' && i < 4;
    e = (e as { cause?: unknown }).cause, i++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as { code: string };
  }
  return undefined;
}

/** True when `err` (possibly wrapped by drizzle) is PostgreSQL's unique_violation, on `constraint` if given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pgErr = postgresErrorOf(err);
  if (pgErr?.code !== '23505') return false;
  return !constraint || pgErr.constraint === constraint || (pgErr.message ?? '').includes(constraint);
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Raw SQL for the rare query the builder cannot express; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}
