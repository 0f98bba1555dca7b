import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { casesDeps } from '../../src/modules/cases/deps.ts';
import { recordsDeps } from '../../src/modules/records/deps.ts';
import { ensureBundledCalendar } from '../../src/platform/calendar/service.ts';
import type { Database } from '../../src/platform/db/index.ts';
import type { App } from '../../src/platform/http/types.ts';
import { freshDatabase } from './database.ts';

export const DEMO_PASSWORD = 'Mingjing-demo-2026';

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real application on a fresh database, listening on a free loopback port. */
export async function startServer(
  opts: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const database = await freshDatabase();
  await ensureBundledCalendar(database.db);
  // A fresh master key per server: tests never write key files into the working directory.
  // …and its own data directory (evidence files, tus uploads), removed on close.
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-test-data-'));
  const env = {
    LOG_LEVEL: 'silent',
    MINGJING_MASTER_KEY: randomBytes(32).toString('hex'),
    MINGJING_DATA: dataDir,
    ...opts.env,
  };
  const config = { ...loadConfig(env), port: 0, host: '127.0.0.1' };
  if (opts.demo !== false)
    await seedDemo(database, {
      password: DEMO_PASSWORD,
      deps: casesDeps({ config }),
      records: recordsDeps({ config }),
    });
  const app = await createApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  config.publicBaseUrl = url;
  return {
    url,
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A browser-like HTTP client over real fetch: keeps the session cookie and sends the CSRF header. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /mj_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `mj_session=${m[1]}` : '';
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<Reply<any>> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status === 200) this.csrf = (r.body as { csrfToken: string }).csrfToken;
    return r;
  }
}

export async function loggedIn(server: TestServer, username: string): Promise<Client> {
  const c = new Client(server.url);
  const r = await c.login(username);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.text}`);
  return c;
}
