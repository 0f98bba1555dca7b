import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import Type from 'typebox';
import { loadConfig } from '../src/config.ts';
import { createUser } from '../src/platform/auth/service.ts';
import type { Database } from '../src/platform/db/index.ts';
import { buildServer } from '../src/platform/http/server.ts';
import type { App } from '../src/platform/http/types.ts';
import { freshDatabase } from './helpers/database.ts';
import { type Client, DEMO_PASSWORD, loggedIn, startServer, type TestServer } from './helpers/server.ts';

// The HTTP contract: every route says what it answers, the console's types are those schemas, and an
// answer that strays from its schema is caught — by the suite (strict check) and, in production, never
// carries a field the contract does not name.

describe('every route of the application declares its answer', () => {
  let server: TestServer;
  let staff: Client;
  before(async () => {
    server = await startServer({ demo: false });
    // The empty deployment has no accounts; the whole API's document is for staff.
    await createUser(server.database.db, {
      username: 'contract_admin',
      displayName: '契约测试管理员',
      password: DEMO_PASSWORD,
      role: 'system_admin',
    });
    staff = await loggedIn(server, 'contract_admin');
  });
  after(async () => server?.close());

  test('each operation in the OpenAPI document has a success response with a schema', async () => {
    const spec = (await staff.get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const operations = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    assert.ok(operations.length > 60, `the API has its routes (${operations.length})`);
    const missing = operations
      .filter(({ op }) => !Object.keys(op.responses ?? {}).some((s) => s.startsWith('2')))
      .map((o) => o.route);
    assert.deepEqual(missing, []);
  });
});

/** The platform's server alone, with the given extra routes, on a free port. */
async function serverWith(
  database: Database,
  env: Record<string, string>,
  routes: (app: App) => void,
): Promise<{ app: App; url: string }> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), port: 0, host: '127.0.0.1' };
  const app = await buildServer(config, database);
  routes(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

describe('the contract is enforced', () => {
  let database: Database;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => database?.close());

  const Officer = Type.Object({ name: Type.String(), certificateNo: Type.String() });
  // A service that grew a field the contract does not name (here: personal data).
  const leaky = (app: App) =>
    app.get(
      '/api/test/officer',
      { config: { access: { public: true } }, schema: { response: { 200: Officer } } },
      async () => ({ name: '张三', certificateNo: 'ZF-001', phone: '13800138000' }),
    );

  test('a route that declares no answer stops the server from starting', async () => {
    await assert.rejects(
      serverWith(database, {}, (app) =>
        app.get('/api/test/undeclared', { config: { access: { public: true } } }, async () => ({ ok: 1 })),
      ),
      /declares no response schema/,
    );
  });

  test('in production an undeclared field never reaches the caller', async () => {
    const { app, url } = await serverWith(database, {}, leaky);
    try {
      const res = await fetch(`${url}/api/test/officer`);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { name: '张三', certificateNo: 'ZF-001' });
    } finally {
      await app.close();
    }
  });

  test('under MINGJING_CHECK_RESPONSES an answer outside its schema fails, naming the field', async () => {
    const { app, url } = await serverWith(database, { MINGJING_CHECK_RESPONSES: '1' }, (a) => {
      leaky(a);
      a.get(
        '/api/test/wrong-status',
        { config: { access: { public: true } }, schema: { response: { 200: Officer } } },
        // The type provider knows only 200: answering another status is exactly the drift under test.
        async (_req, reply) => (reply as any).status(201).send({ name: '李四', certificateNo: 'ZF-002' }),
      );
      a.get(
        '/api/test/ok',
        { config: { access: { public: true } }, schema: { response: { 200: Officer } } },
        async () => ({ name: '王五', certificateNo: 'ZF-003' }),
      );
    });
    const printed: string[] = [];
    const original = console.error;
    console.error = (m: unknown) => printed.push(String(m));
    try {
      const leak = await fetch(`${url}/api/test/officer`);
      assert.equal(leak.status, 500);
      assert.equal(((await leak.json()) as { error: { code: string } }).error.code, 'INTERNAL');
      assert.equal((await fetch(`${url}/api/test/wrong-status`)).status, 500);
      const ok = await fetch(`${url}/api/test/ok`);
      assert.equal(ok.status, 200);
      assert.deepEqual(await ok.json(), { name: '王五', certificateNo: 'ZF-003' });
    } finally {
      console.error = original;
      await app.close();
    }
    assert.match(printed.join('\n'), /GET \/api\/test\/officer answered 200 outside its schema/);
    assert.match(printed.join('\n'), /phone|additional/);
    assert.match(
      printed.join('\n'),
      /GET \/api\/test\/wrong-status answered 201, a status it does not declare/,
    );
  });
});
