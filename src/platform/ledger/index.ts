// Public API of the ledger (issue 4): what other modules and main.ts use.
export { ledgerHashAlgorithm } from './config.ts';
export { ledgerDeps } from './deps.ts';
export type { LedgerEntry, LedgerEntryInput } from './entry.ts';
export { validateEntry } from './entry.ts';
export type { LedgerJobOptions, LedgerJobs } from './jobs.ts';
export { DEFAULT_SIGN_INTERVAL_MS, LEDGER_LOCK_KEYS, startLedgerJobs, stopLedgerJobs } from './jobs.ts';
export type { Receipt, ReceiptCheck, ReceiptCheckName, VerifyReceiptOptions } from './receipt.ts';
export {
  check as receiptCheck,
  parseReceipt,
  parseReceiptJson,
  RECEIPT_FORMAT,
  receiptVerified,
  verifyReceipt,
} from './receipt.ts';
export type { AppendedEntry, LedgerDeps, LedgerInfo, PublicEntry } from './service.ts';
export {
  appendEntries,
  appendEntry,
  checkReceiptWithLog,
  consistencyProof,
  currentTreeHead,
  findEntriesByContentHash,
  findEntriesForRecord,
  getEntries,
  inclusionProof,
  ledgerInfo,
  listTreeHeads,
  platformPublicKeys,
  receiptForIndex,
  receiptForRecord,
  rootHashAt,
  signTreeHead,
} from './service.ts';
export type { SignedTreeHead, TreeHead } from './sth.ts';
export { SIGNATURE_ALGORITHM, treeHeadMessage, verifySignedTreeHead } from './sth.ts';
