import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { composeServices } from '../../src/composition.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { LocalBlobStore } from '../../src/platform/blobs/local.ts';
import { ensureBundledCalendar } from '../../src/platform/calendar/service.ts';
import type { Database } from '../../src/platform/db/index.ts';
import type { App } from '../../src/platform/http/types.ts';
import { freshDatabase } from './database.ts';
import { DEMO_PASSWORD, type Template, testTemplate } from './template.ts';

export { DEMO_PASSWORD };

export interface TestServer {
  url: string;
  app: App;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/**
 * The demo's evidence files into a new server's store: the template's data directory copied (a copy of
 * its own: tests alter stored files), or, on S3, every stored file put into the bucket.
 */
async function copyTemplateFiles(template: Template, config: Config) {
  const s3 = config.blobs.kind === 's3';
  cpSync(template.dataDir, config.dataDir, {
    recursive: true,
    filter: (src) => !(s3 && src === join(template.dataDir, 'blobs')),
  });
  if (!s3) return;
  const from = new LocalBlobStore(template.dataDir);
  const to = composeServices(config).records.blobs;
  for await (const hash of from.list()) {
    await to.putFile(from.pathOf(hash), { maxBytes: config.blobs.maxBytes, expectedHash: hash });
  }
}

/**
 * The real application on a database of its own, listening on a free loopback port: with the demo
 * seeded (a copy of the run's template, test/helpers/template.ts), or empty and migrated (`demo: false`).
 */
export async function startServer(
  opts: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const demo = opts.demo !== false;
  const template = await testTemplate();
  if (template && opts.env?.MINGJING_MASTER_KEY)
    throw new Error("startServer: the master key is the template's (the demo sealed its keys with it)");
  // Its own data directory (evidence files, tus uploads), removed on close, and a master key: the
  // template's, or a fresh one per server. Tests never write key files into the working directory.
  const dataDir = mkdtempSync(join(tmpdir(), 'mingjing-test-data-'));
  const env = {
    LOG_LEVEL: process.env.MINGJING_TEST_LOG_LEVEL ?? 'silent',
    MINGJING_CHECK_RESPONSES: '1',
    MINGJING_MASTER_KEY: template?.masterKey ?? randomBytes(32).toString('hex'),
    MINGJING_DATA: dataDir,
    ...opts.env,
  };
  const config = { ...loadConfig(env), port: 0, host: '127.0.0.1' };
  let database: Database;
  if (template && demo) {
    database = await freshDatabase(template.demo);
    await copyTemplateFiles(template, config);
  } else {
    database = await freshDatabase(template?.empty);
    await ensureBundledCalendar(database.db);
    // PostgreSQL without a template (a file run on its own): seeded here, as the template is.
    if (demo) await seedDemo(database, { password: DEMO_PASSWORD, services: composeServices(config) });
  }
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
