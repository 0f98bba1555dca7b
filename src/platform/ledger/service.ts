// The ledger: an append-only RFC 9162 Merkle log of every record (document versions, evidence files,
// case events), its proofs and its signed tree heads. The use cases live in their own files:
// append.ts (entering records, and how appends are serialised), reads.ts (entries and proofs),
// tree-heads.ts (signing and listing heads), receipt-service.ts (receipts and their online checks).
export type { AppendedEntry } from './append.ts';
export { appendEntries, appendEntry } from './append.ts';
export type { LedgerInfo, PublicEntry } from './reads.ts';
export {
  consistencyProof,
  findEntriesByContentHash,
  findEntriesForRecord,
  getEntries,
  inclusionProof,
  ledgerInfo,
  MAX_CONTENT_HASH_MATCHES,
  MAX_ENTRIES_PAGE,
  rootHashAt,
} from './reads.ts';
export { checkReceiptWithLog, receiptForIndex, receiptForRecord } from './receipt-service.ts';
export type { LedgerDeps } from './service-shared.ts';
export {
  currentTreeHead,
  headJson,
  listTreeHeads,
  platformPublicKeys,
  signTreeHead,
  signTreeHeadIfGrown,
} from './tree-heads.ts';
