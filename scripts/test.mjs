#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it.
//  1. unit tests (pure rules, beside the code in src/);
//  2. HTTP and authorization tests (test/*.test.ts) on embedded PGlite, then again on PostgreSQL;
//  3. browser tests (test/browser/) in Debian's Chromium.
// Before the HTTP and browser tests of an engine, the demo is migrated and seeded once into a template
// (test/helpers/template.ts); each test file's server starts from a copy of it (MINGJING_TEST_TEMPLATE).
// A part that cannot run (no PostgreSQL, no Chromium) fails the run under CI=true and is announced
// loudly otherwise — never skipped in silence.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const CI = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2); // e.g. `npm test -- unit`, `npm test -- api:pglite`
const want = (part) => only.length === 0 || only.some((o) => part.startsWith(o));
const problems = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
const tapDir = mkdtempSync(join(tmpdir(), 'mingjing-tap-'));
// Ctrl-C stops the running part (the signal reaches it too); the templates are still cleaned up.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out.sort();
}

function loud(message) {
  const line = '!'.repeat(78);
  console.error(`\n${line}\n!! ${message}\n${line}\n`);
}

function cannotRun(part, why) {
  if (CI) problems.push(`${part}: ${why}`);
  loud(`${part} NOT RUN: ${why}${CI ? '' : ' (a failure under CI=true)'}`);
}

// Wall time of each part, printed at the end (docs/benchmarks.md keeps the figures).
const timings = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

function run(part, files, env = {}, concurrency = 2) {
  if (interrupted) return;
  if (files.length === 0) return cannotRun(part, 'no test files found');
  console.log(`\n━━ ${part}: ${files.length} files`);
  const t0 = Date.now();
  const tap = join(tapDir, `${part.replace(/\W/g, '_')}.tap`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  timings.push(`${part} ${seconds(Date.now() - t0)}`);
  // The TAP copy gives exact counts for the closing line.
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  totals.skipped += count('skipped');
  if (r.status !== 0) problems.push(`${part}: test run failed (exit ${r.status})`);
  else if (count('pass') === 0) problems.push(`${part}: no test passed`);
}

async function postgresReachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch (e) {
    return e.message;
  } finally {
    await c.end().catch(() => {});
  }
}

// The seeded templates of this run, by engine: their directory (for MINGJING_TEST_TEMPLATE) or null
// when building failed.
const templates = new Map();

/** Migrates and seeds the demo once for `engine` (test/helpers/build-template.ts). */
function template(engine, env = {}) {
  if (templates.has(engine)) return templates.get(engine);
  if (interrupted) return null;
  const dir = join(tapDir, `template-${engine}`);
  console.log(`\n━━ template:${engine}: migrating and seeding the demo once for every test file`);
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'test/helpers/build-template.ts', engine, dir, tag],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  const ok = r.status === 0 && existsSync(join(dir, 'manifest.json'));
  if (!ok) problems.push(`template:${engine}: building the seeded template failed (exit ${r.status})`);
  templates.set(engine, ok ? dir : null);
  return ok ? dir : null;
}

/** Drops the PostgreSQL template databases (PGlite's are files under tapDir, removed with it). */
async function dropTemplates(url) {
  for (const dir of templates.values()) {
    if (!dir) continue;
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const names = [m.demo.database, m.empty.database].filter(Boolean);
    if (names.length === 0) continue;
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      for (const name of names) await c.query(`drop database if exists ${name} with (force)`);
    } catch (e) {
      console.error(`could not drop the template databases ${names.join(', ')}: ${e.message}`);
    } finally {
      await c.end().catch(() => {});
    }
  }
}

function ensureBrowser() {
  const chromium = '/usr/bin/chromium';
  const fontsOk = () => spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim().length > 0;
  if (existsSync(chromium) && fontsOk()) return true;
  if (process.getuid?.() !== 0)
    return 'chromium or fonts-noto-cjk missing and not root: install them with apt-get';
  console.log('Installing Debian chromium and fonts-noto-cjk for the browser tests …');
  const upd = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  if (upd.status !== 0) return 'apt-get update failed';
  const inst = spawnSync(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'],
    {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    },
  );
  if (inst.status !== 0 || !existsSync(chromium)) return 'apt-get install chromium fonts-noto-cjk failed';
  return fontsOk() || 'fonts-noto-cjk installed but fc-list finds no Chinese font';
}

function ensureConsoleBuilt() {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-web.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  return r.status === 0;
}

const all = walk(join(root, 'src')).concat(walk(join(root, 'test')));
const unit = all.filter((f) => f.startsWith('src/'));
// The longest files first (they spawn processes or walk every route), so that two at a time finish
// together instead of one long file running alone at the end.
const LONGEST_FIRST = [
  'process',
  'calendar-api',
  'verify',
  'fuzz',
  'api-ledger',
  'api-receipts',
  'api-records',
];
const weight = (f) => {
  const i = LONGEST_FIRST.findIndex((n) => f.endsWith(`/${n}.test.ts`));
  return i === -1 ? LONGEST_FIRST.length : i;
};
const api = all
  .filter((f) => f.startsWith('test/') && !f.startsWith('test/browser/'))
  .sort((a, b) => weight(a) - weight(b) || a.localeCompare(b));
// The case walk-through is the longest browser file by far: it starts first.
const browser = all
  .filter((f) => f.startsWith('test/browser/'))
  .sort(
    (a, b) =>
      Number(!a.endsWith('/cases.test.ts')) - Number(!b.endsWith('/cases.test.ts')) || a.localeCompare(b),
  );

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
if (want('unit')) run('unit', unit);
if (want('api:pglite') || want('api')) {
  const dir = template('pglite', { MINGJING_TEST_DB: 'pglite' });
  if (dir) run('api:pglite', api, { MINGJING_TEST_DB: 'pglite', MINGJING_TEST_TEMPLATE: dir });
}
if (want('api:postgres') || want('api')) {
  const ok = await postgresReachable(url);
  if (ok === true) {
    const env = { MINGJING_TEST_DB: 'postgres', TEST_DATABASE_URL: url };
    const dir = template('postgres', env);
    // Three files at a time: much of their time is PostgreSQL's, in its own processes, not ours.
    if (dir) run('api:postgres', api, { ...env, MINGJING_TEST_TEMPLATE: dir }, 3);
  } else cannotRun('api:postgres', `PostgreSQL at ${url} unreachable (${ok}); set TEST_DATABASE_URL`);
}
if (want('browser') && !interrupted) {
  const ok = ensureBrowser();
  if (ok !== true) cannotRun('browser', ok);
  else if (!ensureConsoleBuilt()) problems.push('browser: console build failed');
  else {
    const dir = template('pglite', { MINGJING_TEST_DB: 'pglite' });
    if (dir) run('browser', browser, { MINGJING_TEST_DB: 'pglite', MINGJING_TEST_TEMPLATE: dir });
  }
}

await dropTemplates(url);
rmSync(tapDir, { recursive: true, force: true });
if (interrupted) {
  console.error('\nInterrupted.');
  process.exit(130);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
console.log(`${seconds(Date.now() - started)} in all: ${timings.join(', ')}`);
if (problems.length) {
  console.error(`\nFAILED:\n${problems.map((p) => ` - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('All test parts passed.');
