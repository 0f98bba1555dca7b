// Ledger receipts (存证回执): everything a party, a lawyer or a court needs to check OFFLINE that one
// record was entered in the platform's public log — the entry, its leaf hash, its RFC 9162 inclusion
// proof and the SM2-signed tree head it is proven against. Pure: no database, no network, no clock;
// the CLI (`mingjing verify-receipt`), the portal page /verify and the tests all call verifyReceipt.
//
// A receipt proves: (1) the entry hashes to the stated leaf, H(0x00 || RFC 8785 bytes of the entry)
// (RFC 9162 §2.1.1); (2) that leaf is in the tree whose root the head states (RFC 9162 §2.1.3.2);
// (3) the head is signed by the key it names (GB/T 32918.2 SM2 over SM3, ID 1234567812345678);
// optionally (4) that key is one the platform publishes — without this pin anyone could sign a head
// of their own — and (5) a file's SM3 equals the entry's contentHash. What a receipt cannot show
// offline is that the platform never signed a conflicting head: that is the consistency check the
// platform answers online (/verify) and auditors run over /api/ledger/proof/consistency.
import type { HashAlgorithm } from '../crypto/index.ts';
import {
  canonicalJsonBytes,
  fromHex,
  isHashAlgorithm,
  leafHash,
  toHex,
  verifyInclusion,
} from '../crypto/index.ts';
import type { LedgerEntry } from './entry.ts';
import { MAX_ENTRY_FIELDS } from './entry.ts';
import { SIGNATURE_ALGORITHM, type SignedTreeHead, verifySignedTreeHead } from './sth.ts';

/** Version tag of the JSON format; a verifier refuses versions it does not know. */
export const RECEIPT_FORMAT = 'mingjing-receipt/1';

export interface Receipt {
  format: typeof RECEIPT_FORMAT;
  /** 0-based index of the entry in the log. */
  index: number;
  /** The entry exactly as logged (its RFC 8785 serialisation is the leaf). */
  entry: LedgerEntry;
  /** H(0x00 || RFC 8785 bytes of entry), hex. */
  leafHash: string;
  /** RFC 9162 §2.1.3.1 audit path of `index` in the tree of size signedTreeHead.treeSize, hex, nearest first. */
  auditPath: string[];
  /** The head the proof leads to, as GET /api/ledger/sth publishes it. */
  signedTreeHead: SignedTreeHead;
}

export type ReceiptCheckName =
  | 'format'
  | 'leafHash'
  | 'inclusion'
  | 'signature'
  | 'publicKey'
  | 'fileHash'
  // Online only (service.ts checkReceiptWithLog): the platform's own published heads.
  | 'publishedHead'
  | 'consistency';

export interface ReceiptCheck {
  name: ReceiptCheckName;
  ok: boolean;
  /** What is checked (zh-CN, for the UI). */
  label: string;
  /** The outcome for people (zh-CN). */
  message: string;
  /** The outcome in English, for logs and tools. */
  detail: string;
}

export interface VerifyReceiptOptions {
  /** SM3 of a file (64 hex) to compare with entry.contentHash. */
  fileHash?: string | undefined;
  /** Public keys (04||x||y hex) the platform publishes; the head must be signed by one of them. */
  trustedPublicKeys?: readonly string[] | undefined;
}

export const CHECK_LABELS: Readonly<Record<ReceiptCheckName, string>> = {
  format: '回执格式',
  leafHash: '条目哈希',
  inclusion: '包含证明',
  signature: '树头签名',
  publicKey: '平台公钥',
  fileHash: '文件比对',
  publishedHead: '平台树头',
  consistency: '账本一致性',
};

export const check = (
  name: ReceiptCheckName,
  ok: boolean,
  message: string,
  detail: string,
): ReceiptCheck => ({
  name,
  ok,
  label: CHECK_LABELS[name],
  message,
  detail,
});

/** True if there is at least one check and every check passed. */
export function receiptVerified(checks: readonly ReceiptCheck[]): boolean {
  return checks.length > 0 && checks.every((c) => c.ok);
}

// ── parsing ───────────────────────────────────────────────────────────────────────────────────────

const HASH_RE = /^[0-9a-f]{64}$/;
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

// ── verification ──────────────────────────────────────────────────────────────────────────────────

/** H(0x00 || RFC 8785 bytes of the entry) (RFC 9162 §2.1.1), hex; null if the entry is not serialisable. */
export function entryLeafHash(alg: HashAlgorithm, entry: LedgerEntry): string | null {
  try {
    return toHex(leafHash(alg, canonicalJsonBytes(entry)));
  } catch {
    // e.g. a lone surrogate in a forged entry: RFC 8785 §3.2.2.2 has no serialisation for it.
    return null;
  }
}

/**
 * Checks a receipt (the parsed JSON, any shape) and returns every check, in order: format, leafHash,
 * inclusion, signature, then publicKey and fileHash when asked. A malformed receipt yields one failed
 * `format` check. Never throws.
 */
export function verifyReceipt(value: unknown, opts: VerifyReceiptOptions = {}): ReceiptCheck[] {
  const parsed = parseReceipt(value);
  if (!parsed.ok) return [parsed.check];
  const r = parsed.receipt;
  const head = r.signedTreeHead;
  const alg = head.hashAlgorithm;
  const checks: ReceiptCheck[] = [
    check(
      'format',
      true,
      `回执格式正确（${RECEIPT_FORMAT}）：账本第 ${r.index} 条，证明所依据的账本共 ${head.treeSize} 条`,
      `well-formed ${RECEIPT_FORMAT}: entry ${r.index} in a tree of size ${head.treeSize}`,
    ),
  ];

  // RFC 9162 §2.1.1: the leaf is recomputed from the entry, never taken from the receipt.
  const computed = entryLeafHash(alg, r.entry);
  checks.push(
    computed === r.leafHash
      ? check(
          'leafHash',
          true,
          `叶哈希与条目内容一致（${alg.toUpperCase()}(0x00 ‖ 条目的 RFC 8785 规范化 JSON)）`,
          `leafHash = ${alg}(0x00 || RFC 8785 entry)`,
        )
      : check(
          'leafHash',
          false,
          '叶哈希与条目内容不一致：回执中的条目或叶哈希被改动过',
          `leafHash ${r.leafHash} != ${alg}(0x00 || RFC 8785 entry) = ${computed ?? '(entry not serialisable)'}`,
        ),
  );

  // RFC 9162 §2.1.3.2 over the RECOMPUTED leaf: the proof must cover this entry, not merely the
  // hash the receipt states next to it.
  const included =
    computed !== null &&
    verifyInclusion(alg, {
      index: r.index,
      treeSize: head.treeSize,
      leafHash: fromHex(computed),
      auditPath: r.auditPath.map(fromHex),
      rootHash: fromHex(head.rootHash),
    });
  checks.push(
    included
      ? check(
          'inclusion',
          true,
          `该条目位于账本前 ${head.treeSize} 条构成的默克尔树中（RFC 9162 §2.1.3.2），算出的根哈希与签名树头一致`,
          `inclusion proof of index ${r.index} in tree size ${head.treeSize} verifies to rootHash (RFC 9162 §2.1.3.2)`,
        )
      : check(
          'inclusion',
          false,
          r.index >= head.treeSize
            ? `包含证明不成立：条目序号 ${r.index} 不在大小为 ${head.treeSize} 的树中`
            : '包含证明不成立：由条目和审计路径算出的根哈希与签名树头的根哈希不符，回执被改动过',
          `inclusion proof of index ${r.index} in tree size ${head.treeSize} does not verify to rootHash`,
        ),
  );

  checks.push(
    verifySignedTreeHead(head)
      ? check(
          'signature',
          true,
          '树头的 SM2 签名有效（SM3 摘要，签名者 ID 1234567812345678）',
          'SM2-SM3 signature over RFC 8785 {rootHash,timestamp,treeSize} verifies with publicKey',
        )
      : check(
          'signature',
          false,
          '树头的 SM2 签名无效：树头（树大小、根哈希或时间）被改动过，或签名不是该公钥所签',
          'SM2-SM3 signature does not verify with publicKey',
        ),
  );

  if (opts.trustedPublicKeys !== undefined) {
    const trusted = opts.trustedPublicKeys.map((k) => k.toLowerCase());
    checks.push(
      trusted.includes(head.publicKey)
        ? check(
            'publicKey',
            true,
            '签署树头的公钥是明镜平台公布的公钥',
            'publicKey is a published platform key',
          )
        : check(
            'publicKey',
            false,
            '签署树头的公钥不是明镜平台公布的公钥：该树头不是平台签署的',
            `publicKey ${head.publicKey.slice(0, 18)}… is not among the ${trusted.length} trusted key(s)`,
          ),
    );
  }

  if (opts.fileHash !== undefined) checks.push(fileHashCheck(r.entry, opts.fileHash));
  return checks;
}

function fileHashCheck(entry: LedgerEntry, fileHash: string): ReceiptCheck {
  const fh = fileHash.toLowerCase();
  if (!HASH_RE.test(fh)) {
    return check(
      'fileHash',
      false,
      '文件摘要格式有误（应为 64 位十六进制）',
      'fileHash must be 64 hex characters',
    );
  }
  if (fh === entry.contentHash) {
    return check(
      'fileHash',
      true,
      `文件的 SM3 摘要与账本条目的内容哈希一致：正是登记的那份文件（${fh}）`,
      `SM3(file) = entry.contentHash = ${fh}`,
    );
  }
  // A document's contentHash is over its structured content (RFC 8785), not over a rendered PDF.
  const hint =
    entry.kind === 'document.version'
      ? '注意：文书登记的是其结构化内容的摘要，不是 PDF 文件的摘要；请用文书上的二维码核验文书。'
      : '文件与登记时不同（被改动、转码或不是同一文件）。';
  return check(
    'fileHash',
    false,
    `文件的 SM3 摘要（${fh}）与账本条目的内容哈希（${entry.contentHash}）不一致。${hint}`,
    `SM3(file) = ${fh} != entry.contentHash = ${entry.contentHash}`,
  );
}
