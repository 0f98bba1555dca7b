import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import {
  canonicalJsonBytes,
  generateSm2KeyPair,
  inclusionProof,
  leafHash,
  rootHash,
  sm2Sign,
  toHex,
} from '../crypto/index.ts';
import type { LedgerEntry } from './entry.ts';
import {
  parseReceiptJson,
  RECEIPT_FORMAT,
  type Receipt,
  type ReceiptCheck,
  receiptVerified,
  verifyReceipt,
} from './receipt.ts';
import { treeHeadMessage } from './sth.ts';

// Receipts built here from the in-memory RFC 9162 tree (merkle.ts) and a fresh SM2 key, then tampered
// with one field at a time: each change must fail exactly the check that covers that field.

const key = generateSm2KeyPair();
const fileBytes = Buffer.from('执法记录仪视频 2026-03-04 示例文件内容');
const fileHash = crypto.createHash('sm3').update(fileBytes).digest('hex');

function entries(n: number): LedgerEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    kind: i === 5 ? 'evidence.file' : 'case.event',
    recordId: crypto.randomUUID(),
    contentHash: i === 5 ? fileHash : crypto.createHash('sm3').update(`record ${i}`).digest('hex'),
    caseId: i % 3 === 0 ? null : crypto.randomUUID(),
    at: new Date(Date.UTC(2026, 2, 4) + i * 1000).toISOString(),
  }));
}

function makeReceipt(index = 5, size = 11, alg: 'sm3' | 'sha256' = 'sm3'): Receipt {
  const log = entries(size);
  const leaves = log.map((e) => leafHash(alg, canonicalJsonBytes(e)));
  const head = {
    treeSize: size,
    rootHash: toHex(rootHash(alg, leaves)),
    timestamp: '2026-03-04T05:06:07.089Z',
  };
  return {
    format: RECEIPT_FORMAT,
    index,
    entry: log[index]!,
    leafHash: toHex(leaves[index]!),
    auditPath: inclusionProof(alg, leaves, index, size).map(toHex),
    signedTreeHead: {
      ...head,
      hashAlgorithm: alg,
      signatureAlgorithm: 'sm2-sm3',
      signature: sm2Sign(key.privateKeyHex, treeHeadMessage(head)),
      publicKey: key.publicKeyHex,
    },
  };
}

const clone = (r: Receipt): Receipt => structuredClone(r);
const flip = (hex: string, at = 0): string =>
  hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);
const outcome = (checks: ReceiptCheck[]) => Object.fromEntries(checks.map((c) => [c.name, c.ok]));

test('a valid receipt passes every check, with the pinned key and the right file', () => {
  const r = makeReceipt();
  const checks = verifyReceipt(r, { fileHash, trustedPublicKeys: [key.publicKeyHex] });
  assert.deepEqual(outcome(checks), {
    format: true,
    leafHash: true,
    inclusion: true,
    signature: true,
    publicKey: true,
    fileHash: true,
  });
  assert.equal(receiptVerified(checks), true);
  for (const c of checks) {
    assert.match(c.label, /[\u4e00-\u9fff]/, `${c.name} label in Chinese`);
    assert.match(c.message, /[\u4e00-\u9fff]/, `${c.name} message in Chinese`);
    assert.ok(c.detail.length > 0);
  }
  // The same receipt as JSON text, round trip (what the CLI and the portal read).
  const parsed = parseReceiptJson(JSON.stringify(r, null, 2));
  assert.ok(parsed.ok);
  assert.equal(receiptVerified(verifyReceipt(parsed.value)), true);
});

test('every position in trees of several sizes, SM3 and SHA-256', () => {
  for (const alg of ['sm3', 'sha256'] as const) {
    for (const size of [1, 2, 3, 7, 8, 9]) {
      for (let i = 0; i < size; i++) {
        const checks = verifyReceipt(makeReceipt(i, size, alg));
        assert.equal(receiptVerified(checks), true, `${alg} ${i}/${size}: ${JSON.stringify(checks)}`);
      }
    }
  }
});

test('each tampering fails the check that covers it', () => {
  const base = makeReceipt();
  const cases: [string, (r: Receipt) => void, Record<string, boolean>][] = [
    [
      'an entry field',
      (r) => {
        r.entry.at = '2026-03-05T00:00:00.000Z';
      },
      // The proof is run over the recomputed leaf: a changed entry is not in the tree.
      { leafHash: false, inclusion: false, signature: true },
    ],
    [
      'the entry content hash',
      (r) => {
        r.entry.contentHash = flip(r.entry.contentHash);
      },
      { leafHash: false, inclusion: false, signature: true },
    ],
    [
      'the leaf hash',
      (r) => {
        r.leafHash = flip(r.leafHash, 10);
      },
      { leafHash: false, inclusion: true, signature: true },
    ],
    [
      'an audit path element',
      (r) => {
        r.auditPath[1] = flip(r.auditPath[1]!, 63);
      },
      { leafHash: true, inclusion: false, signature: true },
    ],
    [
      'the audit path shortened',
      (r) => {
        r.auditPath.pop();
      },
      { leafHash: true, inclusion: false, signature: true },
    ],
    [
      'the index',
      (r) => {
        r.index = 4;
      },
      { leafHash: true, inclusion: false, signature: true },
    ],
    [
      'the root hash',
      (r) => {
        r.signedTreeHead.rootHash = flip(r.signedTreeHead.rootHash, 5);
      },
      { leafHash: true, inclusion: false, signature: false },
    ],
    [
      'the tree size (a size that changes the shape of the path)',
      (r) => {
        r.signedTreeHead.treeSize = 6;
      },
      { leafHash: true, inclusion: false, signature: false },
    ],
    [
      // PATH(5, D[11]) and PATH(5, D[12]) have the same shape, so the path still leads to the root:
      // the size is bound by the signature (RFC 9162 signs tree_size with root_hash for this reason).
      'the tree size (a size with the same path shape)',
      (r) => {
        r.signedTreeHead.treeSize = 12;
      },
      { leafHash: true, inclusion: true, signature: false },
    ],
    [
      'the timestamp',
      (r) => {
        r.signedTreeHead.timestamp = '2026-03-04T05:06:07.090Z';
      },
      { leafHash: true, inclusion: true, signature: false },
    ],
    [
      'the signature',
      (r) => {
        const s = r.signedTreeHead.signature;
        r.signedTreeHead.signature = flip(s, s.length - 1);
      },
      { leafHash: true, inclusion: true, signature: false },
    ],
    [
      'the public key',
      (r) => {
        r.signedTreeHead.publicKey = generateSm2KeyPair().publicKeyHex;
      },
      { leafHash: true, inclusion: true, signature: false },
    ],
  ];
  for (const [what, tamper, expected] of cases) {
    const r = clone(base);
    tamper(r);
    const got = outcome(verifyReceipt(r));
    assert.deepEqual(got, { format: true, ...expected }, what);
  }
});

test('a head re-signed with another key verifies, and only the key pin catches it', () => {
  const forger = generateSm2KeyPair();
  const r = clone(makeReceipt());
  const h = r.signedTreeHead;
  h.publicKey = forger.publicKeyHex;
  h.signature = sm2Sign(forger.privateKeyHex, treeHeadMessage(h));
  assert.equal(receiptVerified(verifyReceipt(r)), true, 'self-consistent forgery');
  const pinned = verifyReceipt(r, { trustedPublicKeys: [key.publicKeyHex] });
  assert.deepEqual(outcome(pinned), {
    format: true,
    leafHash: true,
    inclusion: true,
    signature: true,
    publicKey: false,
  });
  // Keys compare case-insensitively (a key copied from a page in upper case).
  assert.equal(
    receiptVerified(verifyReceipt(makeReceipt(), { trustedPublicKeys: [key.publicKeyHex.toUpperCase()] })),
    true,
  );
});

test('a different file fails the file check only; a document entry explains why a PDF never matches', () => {
  const other = crypto
    .createHash('sm3')
    .update(Buffer.concat([fileBytes, Buffer.from([0])]))
    .digest('hex');
  const checks = verifyReceipt(makeReceipt(), { fileHash: other });
  assert.deepEqual(outcome(checks), {
    format: true,
    leafHash: true,
    inclusion: true,
    signature: true,
    fileHash: false,
  });
  const fc = checks.find((c) => c.name === 'fileHash')!;
  assert.match(fc.message, /不一致/);
  assert.equal(outcome(verifyReceipt(makeReceipt(), { fileHash: fileHash.toUpperCase() })).fileHash, true);
  assert.equal(outcome(verifyReceipt(makeReceipt(), { fileHash: 'xyz' })).fileHash, false);
  const doc = makeReceipt(3);
  doc.entry.kind = 'document.version';
  const docCheck = verifyReceipt(doc, { fileHash }).find((c) => c.name === 'fileHash')!;
  assert.match(docCheck.message, /结构化内容/);
});

test('malformed receipts give one failed format check with a Chinese reason, never an exception', () => {
  const base = makeReceipt();
  const bad: [string, unknown, RegExp][] = [
    ['null', null, /JSON 对象/],
    ['an array', [base], /JSON 对象/],
    ['a string', JSON.stringify(base), /JSON 对象/],
    ['no format', { ...base, format: undefined }, /不是明镜存证回执/],
    ['another product', { ...base, format: 'other-receipt/1' }, /不是明镜存证回执/],
    ['a newer version', { ...base, format: 'mingjing-receipt/2' }, /不支持的回执版本/],
    ['an unknown field', { ...base, note: '已核对' }, /未知字段「note」/],
    ['a missing field', { ...base, auditPath: undefined }, /缺少字段「auditPath」/],
    ['a negative index', { ...base, index: -1 }, /条目序号/],
    ['a fractional index', { ...base, index: 1.5 }, /条目序号/],
    ['an index as text', { ...base, index: '5' }, /条目序号/],
    ['an upper-case leaf hash', { ...base, leafHash: base.leafHash.toUpperCase() }, /叶哈希/],
    ['a short path element', { ...base, auditPath: ['ab'] }, /审计路径第 1 项/],
    ['a path that is not an array', { ...base, auditPath: 'ab' }, /审计路径/],
    ['a path too long', { ...base, auditPath: Array(54).fill(base.leafHash) }, /至多 53/],
    ['an entry that is not an object', { ...base, entry: 'x' }, /entry/],
    ['an entry with a number', { ...base, entry: { ...base.entry, sequence: 3 } }, /字段「sequence」/],
    ['an entry without kind', { ...base, entry: { ...base.entry, kind: undefined } }, /缺少字段「kind」/],
    [
      'an entry with a bad content hash',
      { ...base, entry: { ...base.entry, contentHash: 'ab' } },
      /内容哈希/,
    ],
    ['a head that is not an object', { ...base, signedTreeHead: [] }, /签名树头/],
    [
      'a head with an extra field',
      { ...base, signedTreeHead: { ...base.signedTreeHead, verified: true } },
      /未知字段「verified」/,
    ],
    ['tree size 0', { ...base, signedTreeHead: { ...base.signedTreeHead, treeSize: 0 } }, /树大小/],
    [
      'a bad timestamp',
      { ...base, signedTreeHead: { ...base.signedTreeHead, timestamp: '2026-03-04' } },
      /树头时间/,
    ],
    ['md5', { ...base, signedTreeHead: { ...base.signedTreeHead, hashAlgorithm: 'md5' } }, /哈希算法/],
    [
      'ecdsa',
      { ...base, signedTreeHead: { ...base.signedTreeHead, signatureAlgorithm: 'ecdsa' } },
      /签名算法/,
    ],
    ['a signature not hex', { ...base, signedTreeHead: { ...base.signedTreeHead, signature: 'zz' } }, /签名/],
    [
      'a short public key',
      { ...base, signedTreeHead: { ...base.signedTreeHead, publicKey: '04ab' } },
      /公钥/,
    ],
  ];
  for (const [what, value, message] of bad) {
    let checks: ReceiptCheck[] = [];
    assert.doesNotThrow(() => {
      checks = verifyReceipt(JSON.parse(JSON.stringify(value ?? null)));
    }, what);
    assert.equal(checks.length, 1, what);
    assert.equal(checks[0]!.name, 'format', what);
    assert.equal(checks[0]!.ok, false, what);
    assert.match(checks[0]!.message, message, `${what}: ${checks[0]!.message}`);
    assert.equal(receiptVerified(checks), false, what);
  }
  // Values JSON.parse cannot produce, as a caller in code might pass them.
  assert.equal(verifyReceipt(undefined)[0]!.ok, false);
  assert.equal(verifyReceipt(new Date())[0]!.ok, false);
  // A lone surrogate has no RFC 8785 form: the leaf cannot be computed, so it is not verified.
  const lone = clone(base);
  lone.entry.kind = '\ud800';
  const got = outcome(verifyReceipt(lone));
  assert.equal(got.leafHash, false);
  assert.equal(got.inclusion, false);
  // Not JSON at all.
  const notJson = parseReceiptJson('{"format": "mingjing-receipt/1",');
  assert.equal(notJson.ok, false);
  if (!notJson.ok) assert.match(notJson.check.message, /不是有效的 JSON/);
  assert.equal(receiptVerified([]), false, 'no checks is not a pass');
});
