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
import type { HashAlgorithm } from '../crypto/index.ts';
import { canonicalJsonBytes, fromHex, leafHash, toHex, verifyInclusion } from '../crypto/index.ts';
import type { LedgerEntry } from './entry.ts';
import { HASH_RE, parseReceipt } from './receipt-parse.ts';
import { check, RECEIPT_FORMAT, type ReceiptCheck, type VerifyReceiptOptions } from './receipt-types.ts';
import { verifySignedTreeHead } from './sth.ts';

// The format (receipt-types.ts) and its parsing (receipt-parse.ts) have their own files.
export { parseReceipt, parseReceiptJson } from './receipt-parse.ts';
export type { Receipt, ReceiptCheck, ReceiptCheckName, VerifyReceiptOptions } from './receipt-types.ts';
export { CHECK_LABELS, check, RECEIPT_FORMAT, receiptVerified } from './receipt-types.ts';

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
