import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshDatabase, TEST_DB } from './helpers/database.ts';
import { Client } from './helpers/server.ts';

// The platform as an operator starts it: real processes of the compiled build, dist/main.js, which is
// what `npm start` runs (the rest of the suite runs the sources through tsx). The build is brought up
// to date first — nothing to do when it is fresh; another process building meanwhile is waited for.
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

before(() => {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  assert.equal(r.status, 0, 'node scripts/build.mjs failed');
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitHealthy(port: number, proc: Proc, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not healthy after ${timeoutMs} ms:\n${proc.output()}`);
}

const running: Proc[] = [];
after(() => {
  for (const p of running) p.child.kill('SIGKILL');
});

describe('npm start', { skip: TEST_DB !== 'pglite' && 'runs in the PGlite pass' }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-npm-start-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('runs the compiled build and serves the portal, the console and the OpenAPI document', async () => {
    const port = await freePort();
    // Its own process group: npm starts a shell that starts node, and all of them must stop.
    const npm = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      detached: true,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        MINGJING_DATA: dataDir,
        MINGJING_DEMO: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    npm.stdout.on('data', (d) => {
      out += d;
    });
    npm.stderr.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    const group = npm.pid!;
    after(() => {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
    });
    await waitHealthy(port, { child: npm, output: () => out, exited });
    const base = `http://127.0.0.1:${port}`;
    const portal = await fetch(`${base}/`);
    assert.equal(portal.status, 200);
    assert.match(portal.headers.get('content-type') ?? '', /text\/html/);
    const consolePage = await fetch(`${base}/console/`);
    assert.equal(consolePage.status, 200);
    const html = await consolePage.text();
    assert.match(html, /<div id="root">/);
    // The bundle the page names is served too.
    const script = /<script[^>]+src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, html);
    assert.equal((await fetch(base + script)).status, 200);
    // The public API's document is open; the whole API's is for signed-in staff.
    const openapi = await fetch(`${base}/open-api.json`);
    assert.equal(openapi.status, 200);
    assert.match((await openapi.json()).openapi, /^3\./);
    assert.equal((await fetch(`${base}/api/openapi.json`)).status, 401);
    // The server is the compiled one, not the sources through tsx: the command lines of the group.
    const lines = spawnSync('ps', ['-eo', 'pgid=,args='], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((l) => l.trim().split(/\s+/)[0] === String(group))
      .join('\n');
    assert.match(lines, /node (\S*\/)?dist\/main\.js/, lines);
    assert.doesNotMatch(lines, /tsx/, lines);
    process.kill(-group, 'SIGTERM');
    await exited;
  });
});

describe('embedded PGlite data directory', {
  skip: TEST_DB !== 'pglite' && 'runs in the PGlite pass',
}, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-data-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('first start seeds the demo and prints its accounts; a second process is refused; a crash leaves no stale lock', async () => {
    const port = await freePort();
    const env = { MINGJING_DATA: dataDir, PORT: String(port), MINGJING_DEMO_PASSWORD: 'Demo-password-2026' };
    const a = launch(env);
    running.push(a);
    await waitHealthy(port, a);
    const out = a.output();
    assert.match(out, /演示账号/);
    assert.match(out, /scjg_admin/);
    assert.match(out, /Demo-password-2026/);
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    assert.deepEqual(health, { status: 'ok', db: 'pglite' });
    const c = new Client(`http://127.0.0.1:${port}`);
    assert.equal((await c.login('supervisor', 'Demo-password-2026')).status, 200);

    // Two processes on one data directory would corrupt it (STACK.md): the second must refuse.
    const b = launch({ ...env, PORT: String(await freePort()) });
    const code = await b.exited;
    assert.equal(code, 3);
    assert.match(b.output(), /正被另一个明镜进程/);
    assert.match(b.output(), /DATABASE_URL/);

    // A crash (SIGKILL) must not lock the operator out: the next start takes the stale lock over.
    a.child.kill('SIGKILL');
    await a.exited;
    const port2 = await freePort();
    const c2 = launch({ ...env, PORT: String(port2) });
    running.push(c2);
    await waitHealthy(port2, c2);
    // Data survived and the demo was not seeded twice.
    assert.doesNotMatch(c2.output(), /演示账号/);
    assert.equal(
      (await new Client(`http://127.0.0.1:${port2}`).login('supervisor', 'Demo-password-2026')).status,
      200,
    );
    c2.child.kill('SIGTERM');
    assert.equal(await c2.exited, 0);
  });
});

describe('PostgreSQL with several processes', {
  skip: TEST_DB !== 'postgres' && 'runs in the PostgreSQL pass',
}, () => {
  test('two processes start at once on one empty database, migrate once, and share sessions', async () => {
    const database = await freshDatabase();
    // freshDatabase migrated it; a brand-new database is what we want here, so use its URL after
    // closing our own pool — the processes run migrations again (a no-op) under the advisory lock.
    const url = (database as { url?: string }).url!;
    try {
      const [p1, p2] = [await freePort(), await freePort()];
      const env = {
        DATABASE_URL: url,
        MINGJING_DEMO: '1',
        MINGJING_DEMO_PASSWORD: 'Demo-password-2026',
        // Shared by both processes: the demo issues sealed documents, whose keys it encrypts.
        MINGJING_MASTER_KEY: 'ab'.repeat(32),
      };
      const a = launch({ ...env, PORT: String(p1) });
      const b = launch({ ...env, PORT: String(p2) });
      running.push(a, b);
      await Promise.all([waitHealthy(p1, a), waitHealthy(p2, b)]);
      const health = await (await fetch(`http://127.0.0.1:${p2}/healthz`)).json();
      assert.deepEqual(health, { status: 'ok', db: 'postgres' });
      // A session made on one process is valid on the other: sessions live in the database.
      const c = new Client(`http://127.0.0.1:${p1}`);
      assert.equal((await c.login('scjg_admin', 'Demo-password-2026')).status, 200);
      const other = new Client(`http://127.0.0.1:${p2}`);
      other.cookie = c.cookie;
      other.csrf = c.csrf;
      assert.equal((await other.get('/api/auth/me')).body.user.username, 'scjg_admin');
      a.child.kill('SIGTERM');
      b.child.kill('SIGTERM');
      await Promise.all([a.exited, b.exited]);
    } finally {
      await database.close();
    }
  });

  test('without MINGJING_DEMO, PostgreSQL starts with no demo data and no accounts', async () => {
    const database = await freshDatabase();
    const url = (database as { url?: string }).url!;
    try {
      const port = await freePort();
      const p = launch({ DATABASE_URL: url, PORT: String(port) });
      running.push(p);
      await waitHealthy(port, p);
      assert.doesNotMatch(p.output(), /演示账号/);
      const r = await new Client(`http://127.0.0.1:${port}`).login('admin', 'Demo-password-2026');
      assert.equal(r.status, 401);
      p.child.kill('SIGTERM');
      await p.exited;
    } finally {
      await database.close();
    }
  });
});
