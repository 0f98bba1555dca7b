// Reading a receipt: a strict parse of its JSON into a Receipt, or the failed `format` check that says,
// in Chinese and in English, what is wrong with it.
import { isHashAlgorithm } from '../crypto/index.ts';
import type { LedgerEntry } from './entry.ts';
import { MAX_ENTRY_FIELDS } from './entry.ts';
import { check, RECEIPT_FORMAT, type Receipt, type ReceiptCheck } from './receipt-types.ts';
import { SIGNATURE_ALGORITHM, type SignedTreeHead } from './sth.ts';

export const HASH_RE = /^[0-9a-f]{64}$/;
const HEX_RE = /^(?:[0-9a-f]{2})+$/;
const PUBLIC_KEY_RE = /^(?:04[0-9a-f]{128}|0[23][0-9a-f]{64})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** An audit path has at most ⌈log2 n⌉ elements; n < 2^53 (indices are safe integers). */
const MAX_AUDIT_PATH = 53;
/** A DER SM2 signature is at most 72 bytes. */
const MAX_SIGNATURE_HEX = 144;

const RECEIPT_FIELDS = ['format', 'index', 'entry', 'leafHash', 'auditPath', 'signedTreeHead'] as const;
const HEAD_FIELDS = [
  'treeSize',
  'rootHash',
  'timestamp',
  'hashAlgorithm',
  'signatureAlgorithm',
  'signature',
  'publicKey',
] as const;

class FormatError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

function exactFields(
  obj: Record<string, unknown>,
  fields: readonly string[],
  where: string,
  whereZh: string,
) {
  for (const f of fields) {
    if (!(f in obj)) throw new FormatError(`${whereZh}缺少字段「${f}」`, `${where}: missing field "${f}"`);
  }
  // Strict on purpose: a field no verifier reads would look covered by the proof while it is not.
  for (const f of Object.keys(obj)) {
    if (!fields.includes(f))
      throw new FormatError(`${whereZh}含有未知字段「${f}」`, `${where}: unknown field "${f}"`);
  }
}

function hashField(v: unknown, name: string, nameZh: string): string {
  if (typeof v !== 'string' || !HASH_RE.test(v)) {
    throw new FormatError(`${nameZh}应为 64 位小写十六进制`, `${name} must be 64 lower-case hex characters`);
  }
  return v;
}

function indexField(v: unknown, name: string, nameZh: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) {
    throw new FormatError(`${nameZh}应为不小于 ${min} 的整数`, `${name} must be an integer ≥ ${min}`);
  }
  return v;
}

// The entry is checked only as far as verification needs (a flat object of strings, the fields that
// are compared): the ledger's stricter naming rules (entry.ts) may grow, and an old receipt must keep
// verifying with a newer verifier. Its hash, not its shape, is what the proof covers.
function parseEntry(v: unknown): LedgerEntry {
  if (!isPlainObject(v))
    throw new FormatError('回执中的账本条目（entry）应为对象', 'entry must be an object');
  const names = Object.keys(v);
  if (names.length > MAX_ENTRY_FIELDS) {
    throw new FormatError(
      `账本条目最多 ${MAX_ENTRY_FIELDS} 个字段，回执中有 ${names.length} 个`,
      `entry has ${names.length} fields, at most ${MAX_ENTRY_FIELDS}`,
    );
  }
  for (const name of names) {
    const value = v[name];
    if (value !== null && typeof value !== 'string') {
      throw new FormatError(
        `账本条目字段「${name}」应为字符串或 null`,
        `entry.${name} must be a string or null`,
      );
    }
  }
  for (const name of ['kind', 'recordId', 'at']) {
    if (typeof v[name] !== 'string') {
      throw new FormatError(`账本条目缺少字段「${name}」`, `entry.${name} is missing`);
    }
  }
  hashField(v.contentHash, 'entry.contentHash', '账本条目的内容哈希（contentHash）');
  return v as LedgerEntry;
}

function parseHead(v: unknown): SignedTreeHead {
  if (!isPlainObject(v)) {
    throw new FormatError('回执中的签名树头（signedTreeHead）应为对象', 'signedTreeHead must be an object');
  }
  exactFields(v, HEAD_FIELDS, 'signedTreeHead', '签名树头');
  const treeSize = indexField(v.treeSize, 'signedTreeHead.treeSize', '树大小（treeSize）', 1);
  const rootHash = hashField(v.rootHash, 'signedTreeHead.rootHash', '根哈希（rootHash）');
  if (typeof v.timestamp !== 'string' || !INSTANT_RE.test(v.timestamp)) {
    throw new FormatError(
      '树头时间（timestamp）应为 UTC 时间，形如 2026-01-02T03:04:05.678Z',
      'signedTreeHead.timestamp must be an ISO 8601 UTC instant with milliseconds',
    );
  }
  if (!isHashAlgorithm(v.hashAlgorithm)) {
    throw new FormatError(
      '哈希算法（hashAlgorithm）应为 sm3 或 sha256',
      'signedTreeHead.hashAlgorithm must be sm3 or sha256',
    );
  }
  if (v.signatureAlgorithm !== SIGNATURE_ALGORITHM) {
    throw new FormatError(
      `签名算法（signatureAlgorithm）应为 ${SIGNATURE_ALGORITHM}`,
      `signedTreeHead.signatureAlgorithm must be ${SIGNATURE_ALGORITHM}`,
    );
  }
  if (
    typeof v.signature !== 'string' ||
    !HEX_RE.test(v.signature) ||
    v.signature.length > MAX_SIGNATURE_HEX
  ) {
    throw new FormatError(
      '签名（signature）应为 DER 编码 SM2 签名的小写十六进制',
      'signedTreeHead.signature must be a DER SM2 signature in lower-case hex',
    );
  }
  if (typeof v.publicKey !== 'string' || !PUBLIC_KEY_RE.test(v.publicKey)) {
    throw new FormatError(
      '公钥（publicKey）应为 SM2 公钥 04‖x‖y 的小写十六进制（130 位）',
      'signedTreeHead.publicKey must be an SM2 public key 04||x||y in lower-case hex',
    );
  }
  return {
    treeSize,
    rootHash,
    timestamp: v.timestamp,
    hashAlgorithm: v.hashAlgorithm,
    signatureAlgorithm: SIGNATURE_ALGORITHM,
    signature: v.signature,
    publicKey: v.publicKey,
  };
}

function parseOrThrow(v: unknown): Receipt {
  if (!isPlainObject(v)) throw new FormatError('回执应为 JSON 对象', 'a receipt must be a JSON object');
  if (v.format !== RECEIPT_FORMAT) {
    const known = typeof v.format === 'string' && v.format.startsWith('mingjing-receipt/');
    throw known
      ? new FormatError(
          `不支持的回执版本「${v.format}」（本程序支持 ${RECEIPT_FORMAT}），请使用新版核验程序`,
          `unsupported receipt format "${v.format}" (this verifier reads ${RECEIPT_FORMAT})`,
        )
      : new FormatError(
          `不是明镜存证回执：format 字段应为「${RECEIPT_FORMAT}」`,
          `not a Mingjing receipt: format must be "${RECEIPT_FORMAT}"`,
        );
  }
  exactFields(v, RECEIPT_FIELDS, 'receipt', '回执');
  const index = indexField(v.index, 'index', '条目序号（index）', 0);
  const entry = parseEntry(v.entry);
  const leaf = hashField(v.leafHash, 'leafHash', '叶哈希（leafHash）');
  if (!Array.isArray(v.auditPath) || v.auditPath.length > MAX_AUDIT_PATH) {
    throw new FormatError(
      `审计路径（auditPath）应为至多 ${MAX_AUDIT_PATH} 个哈希的数组`,
      `auditPath must be an array of at most ${MAX_AUDIT_PATH} hashes`,
    );
  }
  const auditPath = v.auditPath.map((h, i) => hashField(h, `auditPath[${i}]`, `审计路径第 ${i + 1} 项`));
  const signedTreeHead = parseHead(v.signedTreeHead);
  return { format: RECEIPT_FORMAT, index, entry, leafHash: leaf, auditPath, signedTreeHead };
}

/** A well-formed receipt, or the failed `format` check saying what is wrong with it. Never throws. */
export function parseReceipt(
  value: unknown,
): { ok: true; receipt: Receipt } | { ok: false; check: ReceiptCheck } {
  try {
    return { ok: true, receipt: parseOrThrow(value) };
  } catch (e) {
    if (e instanceof FormatError)
      return { ok: false, check: check('format', false, `回执格式有误：${e.zh}`, e.en) };
    return { ok: false, check: check('format', false, '回执无法读取', `unreadable receipt: ${String(e)}`) };
  }
}

/** JSON text (a downloaded receipt file) → value for verifyReceipt; a failed format check if not JSON. */
export function parseReceiptJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; check: ReceiptCheck } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    return {
      ok: false,
      check: check('format', false, '回执文件不是有效的 JSON', `not JSON: ${(e as Error).message}`),
    };
  }
}
