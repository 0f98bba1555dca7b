#!/usr/bin/env node
// The production build: the server (src/ → dist/, tsc) and the staff console (web/ → web/dist, vite).
// `npm ci` builds through the `prepare` script (--force: new dependencies can change the console
// bundle); `npm start` and `npx mingjing` build only what is missing or older than its sources, so a
// process start costs a directory walk, not a compile.
//
//   node scripts/build.mjs [--force] [server] [web]     no part named: both
//
// Several processes may start at once (N servers, a test run beside `npm start`): one builds under an
// exclusive lock file while the others wait, then find the build fresh. Each output is written to a
// temporary directory and renamed into place, so nobody ever loads a half-written dist/.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Temporary outputs and the lock live where git, biome and tsc never look, on the same file system
// as the outputs (rename must not cross devices).
const work = join(root, 'node_modules', '.cache', 'mingjing-build');
const lockPath = join(work, 'build.lock');
const STAMP = '.build.json';
// A lock older than this is taken over even if its PID runs again (a PID reused after a reboot).
const LOCK_MAX_AGE_MS = 15 * 60_000;

const isServerSource = (p) =>
  !p.endsWith('.test.ts') && !p.endsWith(`${join('calendar', 'extract-from-chinese-days.ts')}`);

/** What each part is built from, and where it goes. */
const PARTS = {
  server: {
    label: '服务端（src → dist）',
    out: join(root, 'dist'),
    inputs: () => [
      ...walk(join(root, 'src')).filter(isServerSource),
      join(root, 'tsconfig.json'),
      join(root, 'tsconfig.build.json'),
      fileURLToPath(import.meta.url),
    ],
    build: buildServer,
  },
  web: {
    label: '管理端（web → web/dist）',
    out: join(root, 'web', 'dist'),
    inputs: () => [
      ...walk(join(root, 'web', 'src')),
      join(root, 'web', 'index.html'),
      join(root, 'web', 'vite.config.ts'),
      // The bundle contains the dependencies: a pull that changes them must rebuild it.
      join(root, 'package-lock.json'),
      fileURLToPath(import.meta.url),
    ],
    build: buildWeb,
  },
};

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const newest = (files) => Math.max(0, ...files.map((f) => statSync(f).mtimeMs));

function readStamp(out) {
  try {
    return JSON.parse(readFileSync(join(out, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/** Fresh: built from sources no newer than the ones it was built from (stamped before the build). */
function isFresh(part) {
  const stamp = readStamp(part.out);
  return (
    stamp !== null &&
    typeof stamp.sourcesMtimeMs === 'number' &&
    newest(part.inputs()) <= stamp.sourcesMtimeMs
  );
}

const log = (message) => process.stderr.write(`${message}\n`);

function run(args, what) {
  // Child output goes to stderr: `npx mingjing verify --json` and friends keep a clean stdout.
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`${what}失败（退出码 ${r.status ?? r.signal}）`);
}

function tool(relPath, pkg) {
  const p = join(root, 'node_modules', relPath);
  if (!existsSync(p))
    throw new Error(`构建需要 ${pkg}，但它没有安装。请在完整安装后再构建：npm ci（不要带 --omit=dev）。`);
  return p;
}

function buildServer(tmp) {
  // --noCheck: emit only, as tsx ran the sources before; `npm run check` is where types are checked,
  // and with isolatedModules the emitted JavaScript does not depend on type information. It halves
  // the build.
  run(
    [
      tool('typescript/bin/tsc', 'typescript'),
      '-p',
      join(root, 'tsconfig.build.json'),
      '--outDir',
      tmp,
      '--noCheck',
    ],
    'tsc 编译服务端',
  );
  // Files the code reads beside itself (the bundled calendar years, src/platform/calendar/data).
  const src = join(root, 'src');
  for (const file of walk(src)) {
    if (/\.(ts|tsx|md)$/.test(file)) continue;
    const target = join(tmp, relative(src, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
}

function buildWeb(tmp) {
  run(
    [
      tool('vite/bin/vite.js', 'vite'),
      'build',
      '--config',
      join(root, 'web', 'vite.config.ts'),
      '--outDir',
      tmp,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    'vite 构建管理端',
  );
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exclusive lock file holding our PID; a dead holder's lock is taken over. */
async function acquireLock() {
  mkdirSync(work, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let holder = Number.NaN;
    let age = 0;
    try {
      holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      age = Date.now() - statSync(lockPath).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    // An empty file is a lock being taken this instant (created, PID not yet written): wait.
    const stale = age > LOCK_MAX_AGE_MS || (Number.isInteger(holder) && holder > 0 && !alive(holder));
    if (stale) {
      // Two waiters can both find the same dead holder; re-reading narrows the window in which one
      // removes the other's new lock. Should both build, each still swaps in a complete output.
      try {
        if (readFileSync(lockPath, 'utf8') === String(holder)) rmSync(lockPath);
      } catch {
        // gone already
      }
      continue;
    }
    if (!announced) {
      log(`另一个进程（PID ${Number.isNaN(holder) ? '?' : holder}）正在构建，等待它完成……`);
      announced = true;
    }
    await sleep(200);
  }
}

/** Replaces `out` with the finished `tmp` (two renames; the old build is removed afterwards). */
function swapIn(tmp, out) {
  const old = `${tmp}.old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Builds the named parts that are missing or stale (all of them with `force`). Returns once every
 * named part is fresh, whether this process built it or waited for another that did.
 */
export async function build({ parts = ['server', 'web'], force = false } = {}) {
  const wanted = parts.map((name) => {
    if (!Object.hasOwn(PARTS, name)) throw new Error(`unknown build part ${name}`);
    return PARTS[name];
  });
  if (!force && wanted.every(isFresh)) return;
  const release = await acquireLock();
  try {
    // Leftovers of builds that were killed (their PID no longer runs).
    for (const name of readdirSync(work)) {
      const pid = Number(/-(\d+)(\.old)?$/.exec(name)?.[1]);
      if (pid && (pid === process.pid || !alive(pid)))
        rmSync(join(work, name), { recursive: true, force: true });
    }
    for (const part of wanted) {
      // Another process may have built it while we waited for the lock.
      if (!force && isFresh(part)) continue;
      const started = performance.now();
      log(`正在构建${part.label}……`);
      // Stamped with the sources as they were before the build: an edit made while it runs is newer
      // and triggers the next build.
      const sourcesMtimeMs = newest(part.inputs());
      const tmp = join(work, `${relative(root, part.out).replaceAll(/[\\/]/g, '-')}-${process.pid}`);
      part.build(tmp);
      writeFileSync(
        join(tmp, STAMP),
        `${JSON.stringify({ sourcesMtimeMs, builtAt: new Date().toISOString(), node: process.version })}\n`,
      );
      swapIn(tmp, part.out);
      log(`${part.label}构建完成（${((performance.now() - started) / 1000).toFixed(1)} 秒）。`);
    }
  } finally {
    release();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const parts = args.filter((a) => !a.startsWith('--'));
  try {
    await build({ parts: parts.length > 0 ? parts : undefined, force: args.includes('--force') });
  } catch (err) {
    log(`构建失败：${err.message}`);
    process.exit(1);
  }
}
