// The HTTP contract: every route declares what it answers, and the console's types come from the same
// schemas (`Static<typeof …>` imported with `import type`, erased from the console's bundle).
//
// In production Fastify serializes answers with the declared schema (fast-json-stringify), which also
// drops any field the schema does not list: a field added to a service without the contract never
// reaches a caller (personal data included). Under `MINGJING_CHECK_RESPONSES=1` (set by the test
// servers) every answer is also checked against its schema, strictly — an undeclared field, a missing
// one or a wrong type fails the request with a 500 — so the suite, which calls every route, catches any
// drift between a service and its contract.
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import Type, { type Static, type TSchema } from 'typebox';
import Compile from 'typebox/compile';
import type { SchemaNode } from './request-schemas.ts';
import type { App } from './types.ts';

/** `T | null`. */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A page of a list: `{ items, total }`. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ description: '符合条件的总条数' }) });

/** An answer that is a file or a page, not JSON: documented, never serialized from an object. */
export const FileAnswer = (mediaType: string, description: string) =>
  Type.Unsafe<unknown>({ description, 'x-media-type': mediaType });

/** `204 No Content`. */
export const NoContent = Type.Null({ description: '无内容' });

/** An option of a select the server offers: value and its Chinese label. */
export const Choice = Type.Object({ value: Type.String(), label: Type.String() });
export type Choice = Static<typeof Choice>;

type Node = SchemaNode & { 'x-media-type'?: string; [k: string]: unknown };

/** A copy of `schema` in which every object that lists its properties refuses others. */
function closed(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(closed);
  const n = node as Node;
  const out: Node = {};
  for (const [k, v] of Object.entries(n)) {
    out[k] =
      k === 'properties'
        ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)]))
        : closed(v);
  }
  if (n.properties && n.additionalProperties === undefined && n.patternProperties === undefined)
    out.additionalProperties = false;
  return out;
}

const checkers = new WeakMap<object, ReturnType<typeof Compile>>();

function checkerOf(schema: object) {
  let c = checkers.get(schema);
  if (!c) {
    c = Compile(closed(schema) as TSchema);
    checkers.set(schema, c);
  }
  return c;
}

/** The schema a route declares for `status`: exact, else its class (`2xx`), else `default`. */
function schemaFor(responses: Record<string, unknown> | undefined, status: number): object | undefined {
  if (!responses) return undefined;
  const s = responses[String(status)] ?? responses[`${String(status)[0]}xx`] ?? responses.default;
  return s && typeof s === 'object' ? (s as object) : undefined;
}

/** Describes why `value` does not match `schema`, or null when it does. */
export function responseMismatch(schema: object, value: unknown): string | null {
  if ((schema as Node)['x-media-type']) return null;
  const c = checkerOf(schema);
  if (c.Check(value)) return null;
  return [...c.Errors(value)]
    .slice(0, 5)
    .map(
      (e) => `${(e as { instancePath?: string }).instancePath || '/'} ${(e as { message?: string }).message}`,
    )
    .join('; ');
}

// Printed as well as thrown: the test sees only the 500's envelope, and test servers log nothing.
function fail(message: string): never {
  console.error(message);
  throw new Error(message);
}

/**
 * Checks every JSON answer against the route's declared schema, strictly, before it is serialized.
 * A successful answer with a status the route does not declare is an error too. Answers are
 * compared as they travel (through JSON), so a `Date` is its ISO string, as the caller receives it.
 */
export function checkResponses(app: App) {
  app.addHook('preSerialization', async (req, reply, payload) => {
    const status = reply.statusCode;
    const responses = req.routeOptions.schema?.response as Record<string, unknown> | undefined;
    const schema = schemaFor(responses, status);
    const route = `${req.method} ${req.routeOptions.url ?? req.url}`;
    if (!schema) {
      // A route without any schema is refused at registration (assertDeclaresResponse).
      if (status < 300 && responses)
        fail(`contract: ${route} answered ${status}, a status it does not declare`);
      return payload;
    }
    const why = responseMismatch(schema, JSON.parse(JSON.stringify(payload)));
    if (why) fail(`contract: ${route} answered ${status} outside its schema: ${why}`);
    return payload;
  });
}

/**
 * Routes that answer data must say what they answer (a successful status with a schema). Hidden routes
 * (the portal's pages, the console's files) are not part of the API contract.
 */
export function assertDeclaresResponse(route: {
  method: string | string[];
  url: string;
  schema?: { hide?: boolean; response?: unknown };
}) {
  if (route.schema?.hide) return;
  const responses = route.schema?.response as Record<string, unknown> | undefined;
  const ok = responses && Object.keys(responses).some((k) => k.startsWith('2') || k === 'default');
  if (!ok) throw new Error(`route ${String(route.method)} ${route.url} declares no response schema`);
}

/**
 * Fastify's own serializer factory (fast-json-stringify, the same options), but each route's serializer
 * is compiled when the route first answers rather than when the server starts: compiling every route's
 * schema up front added about half a second to every restart, for routes most processes never serve.
 * A schema fast-json-stringify cannot compile fails that route's first answer; the suite calls every
 * route (test/authz-matrix.test.ts), so it fails there.
 */
export function lazySerializers(externalSchemas?: unknown, options?: unknown) {
  const build = SerializerSelector()(externalSchemas, options as never);
  return (route: Parameters<typeof build>[0]) => {
    let serialize: ((doc: unknown) => string) | undefined;
    return (doc: unknown) => {
      serialize ??= build(route);
      return serialize(doc);
    };
  };
}
