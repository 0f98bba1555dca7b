import { AppError } from './errors.ts';

// `String#isWellFormed` is ES2024, beyond the ES2023 library this code is typed against.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text the platform refuses wherever it arrives (body, query, path, upload metadata):
 * - U+0000: PostgreSQL cannot store it in `text` or `jsonb`, so it would fail deep inside a write;
 * - lone UTF-16 surrogates: not Unicode text at all; `jsonb` refuses their `\ud800` escapes and
 *   UTF-8 encoders silently replace them, so what was stored would differ from what was sent.
 */
export function badTextReason(value: string): string | null {
  if (value.includes('\u0000')) return '空字符（\\u0000）';
  if (LONE_SURROGATE.test(value)) return '不成对的 Unicode 代理字符';
  return null;
}

interface SchemaNode {
  title?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** The Chinese title the request schema gives the field at `path`, if any. */
function titleAt(schema: SchemaNode | undefined, path: (string | number)[]): string | undefined {
  let node = schema;
  for (const key of path) {
    if (!node) return undefined;
    node = typeof key === 'number' ? node.items : (node.properties?.[key] ?? undefined);
    if (node?.anyOf && !node.title) node = node.anyOf.find((n) => n.properties || n.items) ?? node;
  }
  return node?.title;
}

/** The first string (or object key) in `value` that `badTextReason` refuses, with its path. */
function findBadText(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; reason: string } | null {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { path, reason } : null;
  }
  // `1e999` in JSON and `Infinity` in a query string (Ajv's coercion lets it past `maximum`).
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path, reason: NOT_FINITE };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = badTextReason(k);
      if (keyReason) return { path: [...path, k], reason: keyReason };
      const found = findBadText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

const NOT_FINITE = '非有限数值';

const PART_LABEL = { body: '请求内容', querystring: '查询参数', params: '路径参数' } as const;

/**
 * Refuses a request part that carries text `badTextReason` refuses or a number that is not finite,
 * naming the field (and its title from the route's schema). Runs for every route before and after
 * schema validation (coercion can make `Infinity`), so no handler or SQL ever sees such a value.
 */
export function assertCleanRequestPart(
  part: keyof typeof PART_LABEL,
  value: unknown,
  schema: SchemaNode | undefined,
): void {
  const found = findBadText(value);
  if (!found) return;
  const field = found.path.join('.');
  const title = titleAt(schema, found.path);
  const named = field ? (title ? `「${title}」(${field})` : `「${field}」`) : PART_LABEL[part];
  if (found.reason === NOT_FINITE)
    throw new AppError('VALIDATION_FAILED', `${named}超出允许范围`, field || undefined);
  throw new AppError('INVALID_CHARACTERS', `${named}包含无法保存的字符：${found.reason}`, field || undefined);
}

/** The same check for one text field that arrives outside a JSON schema (multipart, tus metadata). */
export function assertCleanText(value: string, field: string, label: string = field): void {
  const reason = badTextReason(value);
  if (reason) throw new AppError('INVALID_CHARACTERS', `「${label}」包含无法保存的字符：${reason}`, field);
}

/**
 * A query string whose percent-encoding is not UTF-8 (`?q=%FF`, `?q=%ED%A0%80`, a lone surrogate's
 * bytes): the parser would hand the raw `%FF` on as text, so what is searched or stored would not be
 * what the sender meant. Refused, naming the parameter.
 */
export function assertQueryEncoding(url: string): void {
  const q = url.indexOf('?');
  if (q < 0) return;
  for (const pair of url.slice(q + 1).split('&')) {
    if (!pair.includes('%')) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    try {
      decodeURIComponent(pair.replaceAll('+', ' '));
    } catch {
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey);
      } catch {}
      throw new AppError('INVALID_URL', `查询参数「${key}」含有无法识别的字符，请检查链接是否完整`, key);
    }
  }
}
