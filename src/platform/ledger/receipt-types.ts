// What a receipt is (the JSON a party keeps) and what checking one answers: one result per check.
import type { LedgerEntry } from './entry.ts';
import type { SignedTreeHead } from './sth.ts';

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
  // Online only (receipt-service.ts checkReceiptWithLog): the platform's own published heads.
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
