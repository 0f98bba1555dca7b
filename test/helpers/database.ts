import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';

/** Which engine this test process runs on: the test runner runs the suite once per engine. */
export const TEST_DB: 'pglite' | 'postgres' =
  process.env.MINGJING_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated, empty database of the engine under test: in-memory PGlite, or a new PostgreSQL
 * database dropped again on close. Each test file gets its own, so files never see each other's rows.
 */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  if (TEST_DB === 'pglite') return openDatabase({ dataDir: null });
  const name = `mj_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(ADMIN_URL, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
