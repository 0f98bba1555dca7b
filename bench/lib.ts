import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { type Database, openDatabase } from '../src/platform/db/index.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** How the server process is started: the compiled build `npm start` runs, or the sources through tsx. */
export const ENTRIES = {
  dist: [fileURLToPath(new URL('../dist/main.js', import.meta.url))],
  tsx: ['--import', 'tsx', fileURLToPath(new URL('../src/main.ts', import.meta.url))],
} as const;
export type Entry = keyof typeof ENTRIES;

/** Builds what `npm start` would (nothing when the build is fresh), so the benches time the real thing. */
export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/build.mjs', import.meta.url))], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the build failed (node scripts/build.mjs)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  port: number;
  child: ChildProcess;
  /** milliseconds from spawn to the first 200 on /healthz */
  startMs: number;
  stop(): Promise<void>;
}

/** Starts the server as `npm start` does (`entry` 'dist') and waits for the first 200 on /healthz. */
export async function startServer(env: Record<string, string>, entry: Entry = 'dist'): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ENTRIES[entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`server exited with ${child.exitCode ?? child.signalCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const startMs = performance.now() - t0;
  return {
    port,
    child,
    startMs,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Load {
  rps: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Loopback load from this process: bounded in time and connections, stops by itself. */
export async function load(
  url: string,
  opts: { seconds: number; connections: number; paths?: string[] },
): Promise<Load> {
  let i = 0;
  const paths = opts.paths;
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: paths
      ? [
          {
            setupRequest: (req) => {
              req.path = paths[i++ % paths.length]!;
              return req;
            },
          },
        ]
      : undefined,
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh database for a bench: in-memory PGlite, or a new PostgreSQL database dropped afterwards. */
export async function benchDatabase(
  kind: 'pglite' | 'postgres',
  o: { prefix: string; poolSize: number },
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: null });
    return { database, drop: () => database.close() };
  }
  const name = `${o.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: o.poolSize });
  return {
    database,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
