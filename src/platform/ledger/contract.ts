// What the public ledger API answers (RFC 9162-style JSON): ids and hashes only, never personal data.
import Type, { type Static } from 'typebox';
import { Page } from '../http/contract.ts';

const Hex = Type.String({ pattern: '^[0-9a-f]*$' });

export const SignedTreeHeadAnswer = Type.Object({
  treeSize: Type.Integer({ description: '树大小（条目数）' }),
  rootHash: Type.String({ description: '前 treeSize 条的 Merkle 树根（十六进制）' }),
  timestamp: Type.String({ description: '签名时间（ISO 8601，UTC，毫秒）' }),
  hashAlgorithm: Type.Union([Type.Literal('sm3'), Type.Literal('sha256')]),
  signatureAlgorithm: Type.String({
    description: 'sm2-sm3：GB/T 32918.2 SM2 签名、SM3 摘要、签名者 ID 1234567812345678',
  }),
  signature: Type.String({ description: 'DER 编码的 SM2 签名（十六进制）' }),
  publicKey: Type.String({ description: '平台 SM2 公钥 04||x||y（十六进制）' }),
});
export type SignedTreeHeadAnswer = Static<typeof SignedTreeHeadAnswer>;

/** `GET /api/ledger/sth/history`. */
export const TreeHeadPage = Page(SignedTreeHeadAnswer);
export type TreeHeadPage = Static<typeof TreeHeadPage>;

// Entries hold only strings and nulls (entry.ts): the record is open because field names vary by kind.
const EntryFields = (description?: string) =>
  Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]), description ? { description } : {});

export const LedgerEntryAnswer = Type.Object({
  index: Type.Integer(),
  entry: EntryFields(),
  leafHash: Type.String(),
});
export type LedgerEntryAnswer = Static<typeof LedgerEntryAnswer>;

/** `GET /api/ledger/entries` and `GET /api/ledger/records/:recordId`. */
export const LedgerEntries = Type.Object({ entries: Type.Array(LedgerEntryAnswer) });
export type LedgerEntries = Static<typeof LedgerEntries>;

export const InclusionProofAnswer = Type.Object({
  index: Type.Integer(),
  treeSize: Type.Integer(),
  leafHash: Type.String(),
  auditPath: Type.Array(Hex),
});
export type InclusionProofAnswer = Static<typeof InclusionProofAnswer>;

export const ConsistencyProofAnswer = Type.Object({
  first: Type.Integer(),
  second: Type.Integer(),
  proof: Type.Array(Hex),
});
export type ConsistencyProofAnswer = Static<typeof ConsistencyProofAnswer>;

export const ReceiptAnswer = Type.Object({
  format: Type.Literal('mingjing-receipt/1'),
  index: Type.Integer({ description: '条目序号（从 0 起）' }),
  entry: EntryFields('账本条目（其 RFC 8785 规范化 JSON 即叶子）'),
  leafHash: Type.String({ description: 'H(0x00 ‖ 条目的 RFC 8785 JSON)（十六进制）' }),
  auditPath: Type.Array(Hex, { description: '包含证明的审计路径（RFC 9162 §2.1.3.1），由近及远' }),
  signedTreeHead: SignedTreeHeadAnswer,
});
export type ReceiptAnswer = Static<typeof ReceiptAnswer>;
