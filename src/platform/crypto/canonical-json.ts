// JSON Canonicalization Scheme (RFC 8785): the byte string that gets hashed and signed for
// audit records and ledger entries, so that any conforming implementation (Go, Java, Python…)
// can recompute it.
//
// Serialisation is delegated to `canonicalize`, the reference implementation by the RFC's
// authors. It follows JSON.stringify and so silently drops `undefined` and functions in objects
// and turns them into null in arrays, which would make a signed record differ from what the
// caller believed it signed: values are therefore checked (and toJSON applied) here first, and
// anything JSON cannot represent faithfully is rejected with the path of the offending value.
import canonicalize from 'canonicalize';
import { utf8 } from './hash.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends TypeError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`canonical JSON: ${message} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

/** RFC 8785 canonical form of `value` (a string; see canonicalJsonBytes for the UTF-8 bytes). */
export function canonicalJson(value: unknown): string {
  const plain = toPlainJson(value, '$', new Set());
  const text = canonicalize(plain);
  // Unreachable after toPlainJson, but the library's type admits undefined.
  if (text === undefined) throw new CanonicalJsonError('value has no JSON representation', '$');
  return text;
}

/** UTF-8 encoding of the canonical form (RFC 8785 §3.2.4): the bytes to hash or sign. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

function hasLoneSurrogate(s: string): boolean {
  // RFC 8785 §3.2.2.2: strings must be valid Unicode so that UTF-8 encoding is lossless.
  // (String.prototype.isWellFormed is ES2024, beyond this project's ES2023 lib.)
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1); // NaN past the end
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function toPlainJson(value: unknown, path: string, seen: Set<object>): JsonValue {
  switch (typeof value) {
    case 'string':
      if (hasLoneSurrogate(value)) throw new CanonicalJsonError('string contains a lone surrogate', path);
      return value;
    case 'boolean':
      return value;
    case 'number':
      // RFC 8785 §3.2.2.3: I-JSON numbers only; NaN and ±Infinity have no JSON form.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`non-finite number ${value}`, path);
      return value;
    case 'bigint':
      throw new CanonicalJsonError('bigint is not representable (serialise it as a string)', path);
    case 'undefined':
      throw new CanonicalJsonError('undefined is not representable', path);
    case 'function':
      throw new CanonicalJsonError('a function is not representable', path);
    case 'symbol':
      throw new CanonicalJsonError('a symbol is not representable', path);
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError('circular reference', path);

  // Date and other types that define their own JSON form, as JSON.stringify would do.
  const toJSON = (obj as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    seen.add(obj);
    const result = toPlainJson(toJSON.call(obj), path, seen);
    seen.delete(obj);
    return result;
  }

  seen.add(obj);
  let result: JsonValue;
  if (Array.isArray(obj)) {
    const items: JsonValue[] = [];
    for (let i = 0; i < obj.length; i++) {
      if (!(i in obj)) throw new CanonicalJsonError('sparse array hole', `${path}[${i}]`);
      items.push(toPlainJson(obj[i], `${path}[${i}]`, seen));
    }
    result = items;
  } else {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      // Map, Set, typed arrays, class instances: JSON.stringify would lose or mangle them.
      const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw new CanonicalJsonError(`${name} is not a plain object`, path);
    }
    // Null prototype: a "__proto__" key (legal in JSON.parse output) stays an ordinary key.
    const out: { [key: string]: JsonValue } = Object.create(null);
    for (const key of Object.keys(obj)) {
      const p = keyPath(path, key);
      if (hasLoneSurrogate(key)) throw new CanonicalJsonError('key contains a lone surrogate', p);
      out[key] = toPlainJson((obj as Record<string, unknown>)[key], p, seen);
    }
    result = out;
  }
  seen.delete(obj);
  return result;
}
