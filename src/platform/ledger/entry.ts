// What a ledger entry may hold: ids, hashes, times, codes and sequence numbers — never personal data.
// The ledger is public (GET /api/ledger/entries, no login), so a name, an ID-card number or a phone
// number put into an entry by mistake would be published for ever. The field NAME therefore declares
// the format of its value and anything else is refused:
//   …Id → a UUID or a decimal row number     …Hash → 64 lower-case hex characters (SM3/SHA-256)
//   …At, at → an instant as Date.toISOString() writes it (UTC, milliseconds)
//   kind, action, state, type, procedure, …Kind, …Action, …State, …Type, …Algorithm → a lower-case code
//   sequence, version, …Sequence, …Version, …Index → a decimal integer
// Every value is a string (or null for an optional field), so the stored jsonb returns exactly the
// object that was hashed and RFC 8785 serialises it the same in any language.
import { canonicalJsonBytes } from '../crypto/index.ts';
import { AppError } from '../http/errors.ts';

/** What `appendEntry` takes: the five required fields and optional fields named by the rules above. */
export interface LedgerEntryInput {
  /** What was recorded, e.g. `document.version`, `evidence.file`, `case.event`. */
  kind: string;
  /** The record's id (UUID or decimal row id). */
  recordId: string;
  /** Hash of the record's content, 64 lower-case hex characters. */
  contentHash: string;
  caseId: string | null;
  /** When the record was made: `date.toISOString()`. */
  at: string;
  [field: string]: string | null;
}

/** An entry as stored and published (the leaf is its RFC 8785 serialisation). */
export type LedgerEntry = LedgerEntryInput;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ID_RE = new RegExp(`^(?:${UUID}|0|[1-9][0-9]{0,15})$`);
const HASH_RE = /^[0-9a-f]{64}$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CODE_RE = /^[a-z][a-z0-9_.-]{0,63}$/;
const DECIMAL_RE = /^(?:0|[1-9][0-9]{0,15})$/;
const NAME_RE = /^[a-z][A-Za-z0-9]{0,39}$/;

/** At most this many fields (five required ones included). */
export const MAX_ENTRY_FIELDS = 16;

type Format = 'id' | 'hash' | 'instant' | 'code' | 'decimal';

const REQUIRED: Readonly<Record<string, { format: Format; nullable: boolean; label: string }>> = {
  kind: { format: 'code', nullable: false, label: '种类' },
  recordId: { format: 'id', nullable: false, label: '记录编号' },
  contentHash: { format: 'hash', nullable: false, label: '内容哈希' },
  caseId: { format: 'id', nullable: true, label: '案件编号' },
  at: { format: 'instant', nullable: false, label: '时间' },
};

const CODE_NAMES = new Set(['kind', 'action', 'state', 'type', 'procedure', 'algorithm']);
const DECIMAL_NAMES = new Set(['sequence', 'version', 'index']);

/** The format a field name declares, or null if the name is not allowed in an entry. */
export function formatOfField(name: string): Format | null {
  if (!NAME_RE.test(name)) return null;
  if (name === 'at' || name.endsWith('At')) return 'instant';
  if (name.endsWith('Id')) return 'id';
  if (name.endsWith('Hash')) return 'hash';
  if (CODE_NAMES.has(name) || /(?:Kind|Action|State|Type|Algorithm)$/.test(name)) return 'code';
  if (DECIMAL_NAMES.has(name) || /(?:Sequence|Version|Index)$/.test(name)) return 'decimal';
  return null;
}

const DESCRIBE: Record<Format, string> = {
  id: 'UUID（小写）或十进制编号',
  hash: '64 位小写十六进制哈希',
  instant: 'UTC 时间（形如 2026-01-02T03:04:05.678Z）',
  code: '小写英文代码',
  decimal: '十进制整数',
};

function matches(format: Format, v: string): boolean {
  switch (format) {
    case 'id':
      return ID_RE.test(v);
    case 'hash':
      return HASH_RE.test(v);
    case 'instant':
      return INSTANT_RE.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v;
    case 'code':
      return CODE_RE.test(v);
    case 'decimal':
      return DECIMAL_RE.test(v) && Number.isSafeInteger(Number(v));
  }
}

const invalid = (message: string, field: string) => new AppError('LEDGER_ENTRY_INVALID', message, field);

/**
 * Checks an entry and returns a clean copy (own enumerable fields only). Throws AppError
 * `LEDGER_ENTRY_INVALID` naming the field at fault.
 */
export function validateEntry(input: unknown): LedgerEntry {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('账本条目必须是对象', 'entry');
  }
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) throw invalid('账本条目必须是普通对象', 'entry');
  const names = Object.keys(input);
  if (names.length > MAX_ENTRY_FIELDS) {
    throw invalid(`账本条目最多 ${MAX_ENTRY_FIELDS} 个字段，实际 ${names.length} 个`, 'entry');
  }
  const src = input as Record<string, unknown>;
  const out: Record<string, string | null> = {};
  for (const [name, rule] of Object.entries(REQUIRED)) {
    if (!(name in src) || src[name] === undefined) {
      throw invalid(`账本条目缺少字段「${name}」（${rule.label}）`, name);
    }
  }
  for (const name of names) {
    const value = src[name];
    const required = REQUIRED[name];
    const format = required?.format ?? formatOfField(name);
    if (!format) {
      throw invalid(
        `账本条目不得包含字段「${name}」：账本公开，只允许编号（…Id）、哈希（…Hash）、时间（…At）、代码和序号，不得含个人信息`,
        name,
      );
    }
    if (value === null) {
      if (required && !required.nullable) throw invalid(`账本条目字段「${name}」不能为空`, name);
      out[name] = null;
      continue;
    }
    if (typeof value !== 'string' || !matches(format, value)) {
      throw invalid(`账本条目字段「${name}」应为${DESCRIBE[format]}`, name);
    }
    out[name] = value;
  }
  return out as LedgerEntry;
}

/** The leaf: UTF-8 bytes of the entry's RFC 8785 canonical JSON. */
export function entryLeafBytes(entry: LedgerEntry): Uint8Array {
  return canonicalJsonBytes(entry);
}
