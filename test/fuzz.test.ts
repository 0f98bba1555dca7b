/**
 * No input gives a 5xx. A property-based fuzz (fast-check) over every route of the server — each
 * operation of the OpenAPI document with its declared parameters and body schema, plus the routes the
 * document hides (portal pages, tus) — sends requests that are wrong in one way the platform must
 * refuse: a NUL or a lone surrogate in a path, query or body value (or a key), an unknown field, a
 * number beyond the safe integers or not finite, a date out of range (year 0000), malformed JSON, a
 * wrong content type, or a path identifier that names nothing. Around them it varies everything else
 * (valid-looking values, extreme strings, wrong types) and the caller (every role, and nobody).
 *
 * Every answer must be a 4xx with the error envelope (`{ error: { code, message } }`, a Chinese
 * message) — or, for the portal's HTML pages, a Chinese HTML error page — and the database must be
 * exactly as it was (fingerprint of every table) after each route's batch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { fingerprint } from './helpers/fingerprint.ts';
import { registeredRoutes } from './helpers/routes.ts';
import { Client, loggedIn, type Reply, startServer, type TestServer } from './helpers/server.ts';

/** Requests per route; `FUZZ_RUNS` raises it for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const USERS = [
  'admin',
  'supervisor',
  'scjg_admin',
  'scjg_head',
  'scjg_reviewer',
  'scjg_officer1',
  'scjg_aux',
];

let server: TestServer;
let clients: Client[];

before(async () => {
  server = await startServer();
  clients = [new Client(server.url)];
  for (const u of USERS) clients.push(await loggedIn(server, u));
});
after(async () => {
  await server?.close();
});

// ── the routes ───────────────────────────────────────────────────────────────────────────────────
interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: Schema;
  minimum?: number;
  maximum?: number;
}
interface Operation {
  method: string;
  /** Fastify's form, e.g. `/api/agencies/:id`. */
  route: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body?: Schema | undefined;
  multipart: boolean;
}

function operationsOf(openapi: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries<any>(openapi.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const params: any[] = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      out.push({
        method: method.toUpperCase(),
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: Object.fromEntries(
          params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]),
        ),
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return out;
}

// Routes without an OpenAPI entry: what their inputs are is read from the route itself.
function hiddenOperation(route: string): Operation {
  const [method, path] = route.split(' ') as [string, string];
  const pathParams = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const multipart = method === 'POST' && (path === '/verify' || path.includes('import'));
  return { method, route: path, pathParams, query: {}, multipart };
}

// ── values ───────────────────────────────────────────────────────────────────────────────────────
const POISON_CHARS = ['\u0000', '\ud800', '\udfff', '\udc00\ud800'];
/** A string the platform must refuse wherever it appears. */
const poisonString = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...POISON_CHARS), fc.string({ maxLength: 8 }))
  .map(([a, p, b]) => a + p + b);
/** Strings that are odd but not necessarily wrong. */
const noiseString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'Infinity',
    'NaN',
    '99999999999999999999999',
    'null',
    'true',
    '[]',
    '{}',
    '0000-01-01',
    '9999-12-31',
    '2025-02-29',
    '2025-13-01',
    '../../etc/passwd',
    '%00',
    "' or 1=1 --",
    '00000000-0000-0000-0000-000000000000',
    '😀'.repeat(200),
    'a'.repeat(5000),
  ),
);
const badDate = fc.constantFrom(
  '0000-01-01',
  '0000-12-31',
  '9999-12-31',
  '1899-12-31',
  '2101-01-01',
  '2025-02-30',
  '+02025-01-01',
);
const goodDate = fc.constantFrom('2025-01-01', '2025-09-26', '2026-02-17', '2024-02-29');
/** Numbers JSON can carry that no field may take. */
const hugeNumber = fc.constantFrom(1e23, -1e23, 2 ** 60, -(2 ** 60), 1e308, -1e308);

function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return fc.oneof(noiseString, fc.integer(), fc.boolean(), fc.constant(null));
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueFor(s, depth + 1)));
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), noiseString);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), noiseString);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'date') return fc.oneof(goodDate, badDate, noiseString);
      return noiseString;
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double({ noNaN: true }), hugeNumber);
    case 'boolean':
      return fc.oneof(fc.boolean(), noiseString);
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, valueFor(s, depth + 1)])), {
        requiredKeys: [],
      });
    }
    default:
      return fc.oneof(noiseString, fc.integer(), fc.constant(null));
  }
}

// ── the wrong part of each request ───────────────────────────────────────────────────────────────
type Fault =
  | { kind: 'query-poison'; name: string; value: string }
  | { kind: 'path-poison'; param: string; value: string }
  | { kind: 'path-noise'; param: string; value: string }
  | { kind: 'body-poison'; value: string; asKey: boolean }
  | { kind: 'unknown-field' }
  | { kind: 'huge-number'; field: string; value: number }
  | { kind: 'infinite-number'; field: string }
  | { kind: 'bad-date'; field: string; value: string }
  | { kind: 'bad-json'; text: string }
  | { kind: 'content-type'; type: string };

function faultsFor(op: Operation): fc.Arbitrary<Fault> {
  const queryNames = [...Object.keys(op.query), 'x'];
  const options: fc.Arbitrary<Fault>[] = [
    fc
      .record({ name: fc.constantFrom(...queryNames), value: poisonString })
      .map((r) => ({ kind: 'query-poison' as const, ...r })),
  ];
  if (op.pathParams.length > 0) {
    options.push(
      fc
        .record({ param: fc.constantFrom(...op.pathParams), value: poisonString })
        .map((r) => ({ kind: 'path-poison' as const, ...r })),
      // A well-formed path that names nothing: the handler runs, and must answer 4xx.
      fc
        .record({ param: fc.constantFrom(...op.pathParams), value: noiseString.filter((s) => s.length > 0) })
        .map((r) => ({ kind: 'path-noise' as const, ...r })),
    );
  }
  const hasBody = op.method !== 'GET' && op.method !== 'HEAD' && op.method !== 'DELETE';
  if (hasBody) {
    options.push(
      fc
        .record({ value: poisonString, asKey: fc.boolean() })
        .map((r) => ({ kind: 'body-poison' as const, ...r })),
      fc
        .constantFrom('{"a":', '{"a":1}x', '[1,', '"\\u12"', '{"a":"\\ud800"', '\u0000')
        .map((text) => ({ kind: 'bad-json' as const, text })),
      fc
        .constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png')
        .map((type) => ({ kind: 'content-type' as const, type })),
    );
    const props = Object.entries(op.body?.properties ?? {});
    if (op.body?.properties && op.body.additionalProperties === false)
      options.push(fc.constant({ kind: 'unknown-field' as const }));
    const numeric = props.filter(([, s]) => s.type === 'integer' || s.type === 'number').map(([k]) => k);
    if (numeric.length > 0) {
      options.push(
        fc
          .record({ field: fc.constantFrom(...numeric), value: hugeNumber })
          .map((r) => ({ kind: 'huge-number' as const, ...r })),
        fc.constantFrom(...numeric).map((field) => ({ kind: 'infinite-number' as const, field })),
      );
    }
    const dates = props.filter(([, s]) => s.format === 'date').map(([k]) => k);
    if (dates.length > 0)
      options.push(
        fc
          .record({ field: fc.constantFrom(...dates), value: badDate })
          .map((r) => ({ kind: 'bad-date' as const, ...r })),
      );
  }
  return fc.oneof(...options);
}

/** Puts a poison string at a random place in a JSON value: a string leaf, a key, or a new field. */
function poisoned(value: unknown, poison: string, asKey: boolean, pick: number): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return [poison];
    const i = pick % value.length;
    return value.map((v, j) => (j === i ? poisoned(v, poison, asKey, Math.floor(pick / 7)) : v));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0 || asKey) return { ...value, [poison]: 'x' };
    const i = pick % entries.length;
    return Object.fromEntries(
      entries.map(([k, v], j) => [k, j === i ? poisoned(v, poison, asKey, Math.floor(pick / 7)) : v]),
    );
  }
  return poison;
}

/**
 * Percent-encodes like `encodeURIComponent`, but a lone surrogate too (which that function refuses): as
 * its generalized-UTF-8 bytes (e.g. `%ED%A0%80`), the way a client that does not check sends it.
 */
function encodeWtf8(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0xd800 || cp > 0xdfff) {
      out += encodeURIComponent(ch);
      continue;
    }
    const bytes = [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  }
  return out;
}

interface Built {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string | FormData };
}

function build(
  op: Operation,
  fault: Fault,
  query: Record<string, unknown>,
  body: unknown,
  pick: number,
): Built {
  let path = op.route;
  for (const p of op.pathParams) {
    const value =
      (fault.kind === 'path-poison' || fault.kind === 'path-noise') && fault.param === p
        ? fault.value
        : // Never a real identifier: a path that names a record would let a write through.
          `fuzz-${p}-${pick % 97}`;
    path = path.replace(`:${p}`, encodeWtf8(value));
  }
  const q = new Map<string, string>();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, String(v));
  if (fault.kind === 'query-poison') q.set(fault.name, fault.value);
  const search = [...q].map(([k, v]) => `${encodeWtf8(k)}=${encodeWtf8(v)}`).join('&');
  const url = path + (search ? `?${search}` : '');
  const headers: Record<string, string> = {};
  if (op.method === 'GET' || op.method === 'HEAD' || op.method === 'DELETE')
    return { url, init: { method: op.method, headers } };
  if (op.multipart && fault.kind !== 'content-type' && fault.kind !== 'bad-json') {
    const form = new FormData();
    const fields = body && typeof body === 'object' && !Array.isArray(body) ? body : {};
    for (const [k, v] of Object.entries(fields))
      form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
    if (fault.kind === 'body-poison') form.append(fault.asKey ? fault.value : 'title', fault.value);
    form.append('file', new Blob([`a,b\n${fault.kind === 'body-poison' ? fault.value : 'x'}\n`]), 'f.csv');
    return { url, init: { method: op.method, headers, body: form } };
  }
  let json: unknown = body ?? {};
  let text: string | undefined;
  switch (fault.kind) {
    case 'body-poison':
      json = poisoned(json, fault.value, fault.asKey, pick);
      break;
    case 'unknown-field':
      json = { ...(json as object), [`fuzzUnknown${pick}`]: 1 };
      break;
    case 'huge-number':
    case 'bad-date':
      json = { ...(json as object), [fault.field]: fault.value };
      break;
    case 'infinite-number':
      // JSON has no Infinity; a number too large for a double parses as one.
      text = JSON.stringify({ ...(json as object), [fault.field]: 0 }).replace(
        new RegExp(`"${fault.field}":0`),
        `"${fault.field}":1e999`,
      );
      break;
    case 'bad-json':
      text = fault.text;
      break;
  }
  headers['content-type'] = fault.kind === 'content-type' ? fault.type : 'application/json';
  return { url, init: { method: op.method, headers, body: text ?? JSON.stringify(json) } };
}

function isEnvelope(r: Reply): boolean {
  const e = (r.body as { error?: { code?: unknown; message?: unknown } })?.error;
  return typeof e?.code === 'string' && typeof e.message === 'string' && /[\u4e00-\u9fff]/.test(e.message);
}

/** The portal's HTML error page: Chinese, no stack trace. */
function isHtmlErrorPage(r: Reply): boolean {
  return (
    (r.headers.get('content-type') ?? '').includes('text/html') &&
    /[\u4e00-\u9fff]/.test(r.text) &&
    !/at \S+ \(|node_modules|Error:/.test(r.text)
  );
}

async function send(client: Client, b: Built): Promise<Reply> {
  return client.request(b.init.method, b.url, b.init.body, b.init.headers);
}

// ── the properties ───────────────────────────────────────────────────────────────────────────────
describe('no input gives a 5xx', () => {
  test('every route refuses every fault with a 4xx and the envelope, leaving the database unchanged', async () => {
    // The whole API's document is for staff (clients[0] is anonymous).
    const openapi = (await clients[1]!.get('/api/openapi.json')).body;
    const documented = operationsOf(openapi);
    const known = new Set(documented.map((o) => `${o.method} ${o.route}`));
    const hidden = registeredRoutes(server.app)
      .filter((r) => !known.has(r))
      // The API reference's own static files (swagger-ui plugin) and the console's files take no input.
      .filter((r) => !/ \/(api\/docs|console)/.test(r) && r !== 'GET /api/openapi.json')
      .map(hiddenOperation);
    const operations = [...documented, ...hidden];
    // The set must be the server's routes, or an empty list would pass.
    assert.ok(operations.length >= 80, `only ${operations.length} operations found`);
    for (const must of [
      'POST /api/auth/login',
      'PATCH /api/regions/:code',
      'POST /verify',
      'GET /officers/:certificateNo',
    ])
      assert.ok(
        operations.some((o) => `${o.method} ${o.route}` === must),
        `${must} is fuzzed`,
      );

    // A head signed on demand would change the database: sign the current one first.
    await clients[0]!.get('/api/ledger/sth');
    const failures: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const before = await fingerprint(server.database.db);
      const queryArb = fc.record(
        Object.fromEntries(Object.entries(op.query).map(([k, s]) => [k, valueFor(s)])),
        { requiredKeys: [] },
      );
      await fc
        .assert(
          fc.asyncProperty(
            faultsFor(op),
            queryArb,
            valueFor(op.body),
            fc.nat({ max: clients.length - 1 }),
            fc.nat(),
            async (fault, query, body, who, pick) => {
              requests++;
              const built = build(op, fault, query, body, pick);
              const r = await send(clients[who]!, built);
              const html = !op.route.startsWith('/api/') && op.route !== '/healthz';
              const where = `${op.method} ${op.route} [${fault.kind}] as ${USERS[who - 1] ?? 'anonymous'} → ${built.init.method} ${built.url}`;
              // A read by an identifier that names nothing may answer an empty result; all else is refused.
              if (fault.kind === 'path-noise' && op.method === 'GET' && r.status < 300) return;
              const status = `${where}: HTTP ${r.status} ${r.text.slice(0, 300)}`;
              assert.ok(r.status >= 400 && r.status < 500, status);
              // A HEAD answer has no body to carry the envelope.
              const ok = op.method === 'HEAD' || isEnvelope(r) || (html && isHtmlErrorPage(r));
              assert.ok(ok, `${where}: no envelope: ${r.text.slice(0, 300)}`);
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch((e: Error) => {
          // fast-check's report: the counterexample, then the assertion that failed (our `where`).
          const lines = e.message.split('\n').filter((l) => l.trim() && !l.startsWith('Hint'));
          failures.push(`${op.method} ${op.route}\n${lines.slice(0, 8).join('\n')}`);
        });
      const after = await fingerprint(server.database.db);
      const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
      if (changed.length)
        failures.push(`${op.method} ${op.route} changed the database: ${changed.join(', ')}`);
    }
    assert.deepEqual(failures, [], `${failures.length} routes failed:\n${failures.join('\n\n')}`);
    assert.ok(requests >= operations.length * RUNS, `${requests} requests sent`);
  });
});

describe('tus uploads answer protocol faults in the envelope', () => {
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const metadata = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 30 }),
    fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'caseId',
            'stepKey',
            'mediaType',
            'title',
            'capturedAt',
            'filename',
            'size',
            'bogus',
          ),
          fc.oneof(noiseString, poisonString),
        ),
        { maxLength: 6 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${k} ${b64(v)}`).join(',')),
  );
  const header = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

  test('no header or metadata makes the tus server answer 5xx or plain text', async () => {
    const officer = clients[USERS.indexOf('scjg_officer1') + 1]!;
    const before = await fingerprint(server.database.db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PATCH', 'HEAD', 'DELETE'),
        fc.constantFrom('', '/0123456789abcdef', '/%00', '/..%2F..'),
        header(['1.0.0', '0.2.2', 'x']),
        header(['0', '1', '-1', 'abc', '1e23', '99999999999999999999', String(2 ** 53)]),
        header(['0', '5', '-1', 'x']),
        header(['application/offset+octet-stream', 'text/plain', 'application/json']),
        header(['partial', 'final;/a /b']),
        header(['1']),
        metadata,
        async (method, id, resumable, length, offset, type, concat, defer, meta) => {
          const headers: Record<string, string> = {};
          if (resumable) headers['tus-resumable'] = resumable;
          if (length) headers['upload-length'] = length;
          if (offset) headers['upload-offset'] = offset;
          if (type) headers['content-type'] = type;
          if (concat) headers['upload-concat'] = concat;
          if (defer) headers['upload-defer-length'] = defer;
          if (meta !== undefined) headers['upload-metadata'] = meta;
          const body = method === 'PATCH' ? 'abcde' : undefined;
          const r = await officer.request(method, `/api/uploads${id}`, body, headers);
          const where = `${method} /api/uploads${id} ${JSON.stringify(headers)}`;
          assert.ok(r.status >= 400 && r.status < 500, `${where}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
          if (method !== 'HEAD') assert.ok(isEnvelope(r), `${where}: no envelope: ${r.text.slice(0, 300)}`);
        },
      ),
      { numRuns: RUNS * 10 },
    );
    assert.deepEqual(await fingerprint(server.database.db), before);
  });
});
