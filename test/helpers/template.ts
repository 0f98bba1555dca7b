// The seeded demo, built once and copied for each test file (docs/architecture.md, "Tests").
//
// Seeding the demo goes through every service (hundreds of requests' worth of work, argon2 hashes, SM2
// seals, evidence files): far too slow to repeat for every test file. A *template* is built once per
// run and per engine instead, and every test file gets its own copy, pristine:
//   - PGlite: the in-memory database is dumped to a tarball (`dumpDataDir`), once before seeding (the
//     migrated, empty schema) and once after; each server loads one into a new in-memory PGlite
//     (`loadDataDir`).
//   - PostgreSQL: two template databases, `CREATE DATABASE … TEMPLATE …` for each server. Nobody may
//     be connected to a template while it is copied, so they refuse connections once built.
//   - The data directory the demo wrote (evidence files under blobs/) is copied for each server, and
//     every copy runs with the template's master key (the seed sealed the agencies' private keys).
// `npm test` (scripts/test.mjs) builds the templates before it starts the runner and passes the
// directory in MINGJING_TEST_TEMPLATE; a test file run on its own builds a PGlite template itself and
// keeps it in the temporary directory, keyed by a hash of everything the seed depends on.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { composeServices } from '../../src/composition.ts';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { ensureBundledCalendar } from '../../src/platform/calendar/service.ts';
import { type Database, openDatabase } from '../../src/platform/db/index.ts';
import { ADMIN_URL, TEST_DB, withDatabase } from './database.ts';

export const DEMO_PASSWORD = 'Mingjing-demo-2026';

/** Where a copy comes from: a PGlite tarball, or a PostgreSQL template database. */
export type DatabaseSource = { dump: string } | { database: string };

export interface Template {
  engine: 'pglite' | 'postgres';
  /** The master key the demo sealed its private keys with: every copy runs with it. */
  masterKey: string;
  /** The data directory the demo was seeded with (evidence files): copied for each server. */
  dataDir: string;
  /** Migrated and empty (no calendar, no rows). */
  empty: DatabaseSource;
  /** Migrated, the bundled calendar loaded and the demo seeded. */
  demo: DatabaseSource;
}

const MANIFEST = 'manifest.json';
const root = fileURLToPath(new URL('../../', import.meta.url));

async function dump(database: Database, file: string) {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  // A checkpoint first, so that loading the copy has no WAL to replay.
  await client.exec('checkpoint');
  writeFileSync(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops the template databases of a manifest (PostgreSQL); nothing to do for PGlite. */
export async function dropTemplate(t: Pick<Template, 'empty' | 'demo'>): Promise<void> {
  const names = [t.demo, t.empty].flatMap((s) => ('database' in s ? [s.database] : []));
  if (names.length === 0) return;
  await admin(async (c) => {
    for (const name of names) await c.query(`drop database if exists ${name} with (force)`);
  });
}

/**
 * Builds the templates of `engine` into `dir` (created; must not exist) and writes its manifest.
 * PostgreSQL template databases are named after `tag`; drop them with dropTemplate.
 */
export async function buildTemplate(engine: Template['engine'], dir: string, tag: string): Promise<Template> {
  mkdirSync(join(dir, 'data'), { recursive: true });
  const masterKey = randomBytes(32).toString('hex');
  // The configuration a test server has (test/helpers/server.ts), on the template's data directory.
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', MINGJING_MASTER_KEY: masterKey, MINGJING_DATA: join(dir, 'data') }),
    port: 0,
    host: '127.0.0.1',
  };
  const seed = (database: Database) =>
    seedDemo(database, { password: DEMO_PASSWORD, services: composeServices(config) });
  const manifest = {
    engine,
    masterKey,
    dataDir: 'data',
    empty: {} as DatabaseSource,
    demo: {} as DatabaseSource,
  };
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: null });
    try {
      await dump(database, join(dir, 'empty.tar'));
      await ensureBundledCalendar(database.db);
      await seed(database);
      await dump(database, join(dir, 'demo.tar'));
    } finally {
      await database.close();
    }
    manifest.empty = { dump: 'empty.tar' };
    manifest.demo = { dump: 'demo.tar' };
  } else {
    const safeTag = tag.replace(/\W/g, '_').toLowerCase();
    manifest.empty = { database: `mj_template_empty_${safeTag}` };
    manifest.demo = { database: `mj_template_demo_${safeTag}` };
    const names = [manifest.empty.database, manifest.demo.database];
    try {
      await admin((c) => c.query(`create database ${names[0]}`));
      const empty = await openDatabase({ databaseUrl: withDatabase(ADMIN_URL, names[0]!), poolSize: 2 });
      await empty.close();
      await admin((c) => c.query(`create database ${names[1]} template ${names[0]}`));
      const demo = await openDatabase({ databaseUrl: withDatabase(ADMIN_URL, names[1]!), poolSize: 10 });
      try {
        await ensureBundledCalendar(demo.db);
        await seed(demo);
      } finally {
        await demo.close();
      }
      // Copies fail while anyone is connected to a template: from now on nobody can be.
      await admin(async (c) => {
        for (const name of names) await c.query(`alter database ${name} with allow_connections false`);
      });
    } catch (e) {
      await dropTemplate(manifest).catch(() => {});
      throw e;
    }
  }
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return readTemplate(dir);
}

/** The manifest in `dir`, its paths made absolute. */
export function readTemplate(dir: string): Template {
  const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Template;
  const abs = (s: DatabaseSource): DatabaseSource => ('dump' in s ? { dump: join(dir, s.dump) } : s);
  return { ...m, dataDir: join(dir, m.dataDir), empty: abs(m.empty), demo: abs(m.demo) };
}

// ── a test file run on its own ────────────────────────────────────────────────────────────────────
function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (!name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/**
 * What the seeded template depends on: the application's sources and migrations, the PGlite version,
 * the day in Asia/Shanghai (the demo's dates count back from today) and the MINGJING_* environment
 * (e.g. MINGJING_LEDGER_HASH).
 */
function templateKey(): string {
  const h = createHash('sha256');
  for (const f of [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'migrations'))]) {
    h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  h.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
  h.update(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  for (const [k, v] of Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b)))
    if (k.startsWith('MINGJING_') && !k.startsWith('MINGJING_TEST_')) h.update(`\0${k}=${v}`);
  return h.digest('hex').slice(0, 20);
}

const CACHE_PREFIX = 'mingjing-test-template-';

/** A PGlite template in the temporary directory, built unless an identical one is there already. */
async function cachedPgliteTemplate(): Promise<Template> {
  const dir = join(tmpdir(), `${CACHE_PREFIX}${templateKey()}`);
  if (existsSync(join(dir, MANIFEST))) return readTemplate(dir);
  // Built aside and renamed into place, so a process never sees half a template; of two processes
  // building at once, the second finds the first's and throws its own away.
  const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await buildTemplate('pglite', building, 'cache');
    renameSync(building, dir);
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, MANIFEST))) throw e;
  }
  // Templates of other sources or other days are of no further use.
  const old = Date.now() - 2 * 86_400_000;
  for (const name of readdirSync(tmpdir())) {
    const p = join(tmpdir(), name);
    if (name.startsWith(CACHE_PREFIX) && p !== dir && statSync(p).mtimeMs < old)
      rmSync(p, { recursive: true, force: true });
  }
  return readTemplate(dir);
}

let template: Promise<Template | null> | undefined;

/**
 * The template of this run (MINGJING_TEST_TEMPLATE, set by scripts/test.mjs), else a cached PGlite one;
 * null on PostgreSQL without a template: the server then seeds its own database, as a single file
 * run directly may.
 */
export function testTemplate(): Promise<Template | null> {
  template ??= (async () => {
    const dir = process.env.MINGJING_TEST_TEMPLATE;
    if (dir) {
      const t = readTemplate(dir);
      if (t.engine !== TEST_DB)
        throw new Error(`MINGJING_TEST_TEMPLATE is a ${t.engine} template, the tests run on ${TEST_DB}`);
      return t;
    }
    return TEST_DB === 'pglite' ? cachedPgliteTemplate() : null;
  })();
  return template;
}
