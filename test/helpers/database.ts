import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import type { DatabaseSource } from './template.ts';

/** Which engine this test process runs on: the test runner runs the suite once per engine. */
export const TEST_DB: 'pglite' | 'postgres' =
  process.env.MINGJING_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

// A file that starts several servers from one tarball reads it once.
const dumps = new Map<string, Blob>();

/**
 * A fresh database of the engine under test, of its own: in-memory PGlite, or a new PostgreSQL
 * database dropped again on close. Each test file gets its own, so files never see each other's rows.
 * Without `from` it is empty and migrated here; with it, a copy of a template (test/helpers/template.ts):
 * a PGlite tarball loaded into memory, or `CREATE DATABASE … TEMPLATE` on PostgreSQL. Either way it is
 * migrated again on opening, as every start migrates (a no-op on an up-to-date copy).
 */
export async function freshDatabase(from?: DatabaseSource): Promise<Database & { url?: string }> {
  if (TEST_DB === 'pglite') {
    if (from && !('dump' in from)) throw new Error('a PostgreSQL template cannot be loaded into PGlite');
    let loadDataDir: Blob | undefined;
    if (from) {
      loadDataDir = dumps.get(from.dump) ?? new Blob([readFileSync(from.dump)]);
      dumps.set(from.dump, loadDataDir);
    }
    return openDatabase({ dataDir: null, loadDataDir });
  }
  if (from && !('database' in from)) throw new Error('a PGlite tarball cannot be copied into PostgreSQL');
  const name = `mj_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}${from ? ` template ${from.database}` : ''}`);
  // A test database is thrown away at the end of its file: waiting for each commit to reach the disk
  // buys nothing (a crash loses the test run either way). Atomicity and isolation are unchanged.
  await admin.query(`alter database ${name} set synchronous_commit = off`);
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
