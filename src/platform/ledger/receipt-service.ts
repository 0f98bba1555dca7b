// Receipts (存证回执) from the log, and the checks of a receipt only the platform can answer online.
import { fromHex, toHex, verifyConsistency } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import { consistencyProof, inclusionProof } from './reads.ts';
import { RECEIPT_FORMAT, type Receipt, type ReceiptCheck, check as receiptCheck } from './receipt-types.ts';
import { type LedgerDeps, rangeError } from './service-shared.ts';
import type { SignedTreeHead } from './sth.ts';
import * as store from './store.ts';
import { currentTreeHead } from './tree-heads.ts';

/**
 * The receipt of entry `index`, proven against the current signed tree head (signed now if the log
 * grew). Throws INVALID_RANGE (field `index`) for an index the log does not hold.
 */
export async function receiptForIndex(db: Db, deps: LedgerDeps, index: number): Promise<Receipt> {
  // The head first: it covers at least the size committed when it was read, so any entry found
  // afterwards below that size is in it.
  const head = await currentTreeHead(db, deps);
  if (index >= head.treeSize) {
    throw rangeError(
      'index',
      head.treeSize === 0
        ? `条目序号 index（${index}）超出范围：账本尚无条目`
        : `条目序号 index（${index}）应在 0 至 ${head.treeSize - 1} 之间（账本共 ${head.treeSize} 条）`,
    );
  }
  const row = await store.getEntry(db, index);
  if (!row) throw new Error(`ledger entry ${index} missing below the signed size ${head.treeSize}`);
  return buildReceipt(db, row, head);
}

/**
 * The receipt of the newest entry of record `recordId` (or of its entry `index`), proven against the
 * current signed tree head. 404 LEDGER_RECORD_NOT_FOUND if the record was never logged;
 * 404 LEDGER_ENTRY_NOT_FOUND if entry `index` does not log this record.
 */
export async function receiptForRecord(
  db: Db,
  deps: LedgerDeps,
  recordId: string,
  index?: number,
): Promise<Receipt> {
  const row =
    index === undefined ? await store.latestEntryByRecord(db, recordId) : await store.getEntry(db, index);
  if (!row && index === undefined) {
    throw new AppError('LEDGER_RECORD_NOT_FOUND', `账本中没有记录「${recordId}」的条目`, 'recordId');
  }
  if (!row || row.entry.recordId !== recordId) {
    throw new AppError('LEDGER_ENTRY_NOT_FOUND', `账本第 ${index} 条不是记录「${recordId}」的条目`, 'index');
  }
  return buildReceipt(db, row, await currentTreeHead(db, deps));
}

async function buildReceipt(db: Db, row: store.EntryRow, head: SignedTreeHead): Promise<Receipt> {
  const proof = await inclusionProof(db, row.index, head.treeSize);
  return {
    format: RECEIPT_FORMAT,
    index: row.index,
    entry: row.entry,
    leafHash: proof.leafHash,
    auditPath: proof.auditPath,
    signedTreeHead: head,
  };
}

/**
 * What only the platform can answer about a (well-formed) receipt: is its head one the platform signed
 * and published (`publishedHead`), and is today's log an extension of the tree it states
 * (`consistency`, RFC 9162 §2.1.4)? A head that passes offline but fails here was signed with a
 * platform key for a tree the platform does not have — a fork, which is exactly what must be shown.
 */
export async function checkReceiptWithLog(
  db: Db,
  deps: LedgerDeps,
  receipt: Receipt,
): Promise<ReceiptCheck[]> {
  const claimed = receipt.signedTreeHead;
  const [published, current] = await Promise.all([
    store.findHead(db, claimed.treeSize),
    currentTreeHead(db, deps),
  ]);
  const checks: ReceiptCheck[] = [];
  const same =
    published !== undefined &&
    toHex(published.rootHash) === claimed.rootHash &&
    published.timestamp.toISOString() === claimed.timestamp &&
    published.signature === claimed.signature &&
    published.publicKeyHex === claimed.publicKey;
  checks.push(
    same
      ? receiptCheck(
          'publishedHead',
          true,
          `该树头是本平台签署并公布的（树大小 ${claimed.treeSize}），与账本页面公布的一致`,
          `the platform published this head for tree size ${claimed.treeSize}`,
        )
      : published
        ? receiptCheck(
            'publishedHead',
            false,
            `本平台为树大小 ${claimed.treeSize} 签署的树头与回执中的不同：回执中的树头不是本平台公布的`,
            `the platform's head for tree size ${claimed.treeSize} differs from the receipt's`,
          )
        : receiptCheck(
            'publishedHead',
            false,
            `本平台没有签署过树大小为 ${claimed.treeSize} 的树头`,
            `the platform never signed a head for tree size ${claimed.treeSize}`,
          ),
  );

  let consistent = false;
  let why = '';
  if (claimed.hashAlgorithm !== current.hashAlgorithm) {
    why = `回执使用 ${claimed.hashAlgorithm}，本平台账本使用 ${current.hashAlgorithm}`;
  } else if (claimed.treeSize > current.treeSize) {
    why = `回执所依据的账本有 ${claimed.treeSize} 条，本平台账本目前只有 ${current.treeSize} 条`;
  } else {
    const { proof } = await consistencyProof(db, claimed.treeSize, current.treeSize);
    consistent = verifyConsistency(current.hashAlgorithm, {
      first: claimed.treeSize,
      second: current.treeSize,
      firstRoot: fromHex(claimed.rootHash),
      secondRoot: fromHex(current.rootHash),
      proof: proof.map(fromHex),
    });
    if (!consistent) why = '本平台当前账本的前缀与回执中的根哈希不符';
  }
  checks.push(
    consistent
      ? receiptCheck(
          'consistency',
          true,
          `本平台当前账本（${current.treeSize} 条）是回执所依据账本（${claimed.treeSize} 条）的延续，此后只有追加、没有删改（RFC 9162 §2.1.4）`,
          `consistency proof ${claimed.treeSize} → ${current.treeSize} verifies (RFC 9162 §2.1.4.2)`,
        )
      : receiptCheck(
          'consistency',
          false,
          `账本一致性不成立：${why}`,
          `the current tree (size ${current.treeSize}) is not consistent with the receipt's head (size ${claimed.treeSize})`,
        ),
  );
  return checks;
}
