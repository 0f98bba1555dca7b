import { isIsoDate } from '../identifiers/date.ts';

/**
 * Dates the HTTP layer accepts. PostgreSQL has no year 0 (`0000-01-01` fails inside the query), and
 * no enforcement record, certificate or calendar year reaches outside this window; the calendar's own
 * year range (1949–2100) lies inside it.
 */
export const ACCEPTED_DATES = { min: '1900-01-01', max: '2100-12-31' } as const;

export function isAcceptedDate(value: string): boolean {
  return isIsoDate(value) && value >= ACCEPTED_DATES.min && value <= ACCEPTED_DATES.max;
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}:?\d{2})$/;

/** An RFC 3339 instant whose date part is an accepted date. */
export function isAcceptedDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m || !isAcceptedDate(m[1]!)) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return false;
  return !Number.isNaN(Date.parse(value));
}

/** The parts of a JSON schema node that the request and response checks walk. */
export interface SchemaNode {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: unknown;
  patternProperties?: unknown;
  items?: SchemaNode | SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
}
type Node = SchemaNode;

const isNumeric = (t: Node['type']) =>
  t === 'integer' || t === 'number' || (Array.isArray(t) && (t.includes('integer') || t.includes('number')));

/**
 * Every route's request schemas get the same two guarantees, so a route written later cannot forget
 * them:
 * - a number without bounds is bounded by the safe integers: `page=1e23` or `Infinity` would otherwise
 *   pass as an "integer" and fail as a PostgreSQL bigint, or lose precision silently;
 * - an object that lists its properties refuses others (an unknown field is an error, never dropped).
 * Schemas are changed in place before Fastify compiles them; doing it twice changes nothing.
 */
export function hardenRequestSchema(node: unknown, strictObjects = true): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (isNumeric(n.type)) {
    if (n.maximum === undefined && n.exclusiveMaximum === undefined) n.maximum = Number.MAX_SAFE_INTEGER;
    if (n.minimum === undefined && n.exclusiveMinimum === undefined) n.minimum = -Number.MAX_SAFE_INTEGER;
  }
  if (n.properties) {
    if (strictObjects && n.additionalProperties === undefined && n.patternProperties === undefined)
      n.additionalProperties = false;
    for (const child of Object.values(n.properties)) hardenRequestSchema(child);
  }
  if (n.additionalProperties && typeof n.additionalProperties === 'object')
    hardenRequestSchema(n.additionalProperties);
  if (Array.isArray(n.items)) for (const child of n.items) hardenRequestSchema(child);
  else hardenRequestSchema(n.items);
  for (const list of [n.anyOf, n.oneOf]) for (const child of list ?? []) hardenRequestSchema(child);
  // The parts of an intersection each list only some properties: closing them would refuse every value.
  for (const child of n.allOf ?? []) hardenRequestSchema(child, false);
}
