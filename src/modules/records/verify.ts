// The records module's part of `mingjing verify` (R6, 防删改): evidence rows and their files, and locked
// case files, checked against their ledger entries; rows that should have an entry and have none.
//  - `evidence.file`: the row exists; its metadata re-hashes to the logged metadataHash; its content hash
//    is the logged one; the file is in the store and its bytes re-hash (SM3) to that hash;
//  - `case_file.lock`: the locked file exists and its manifest re-hashes to the logged hash.
import type { BlobStore } from '../../platform/blobs/index.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import type { CheckedEntry, Discrepancy, RecordCheck } from '../../platform/ledger/verify.ts';
import { loggedRecordsQuery } from '../../platform/ledger/verify-store.ts';
import { manifestHashOf } from './case-file-service.ts';
import { evidenceMetadataHash } from './evidence-service.ts';
import * as store from './store.ts';

export const EVIDENCE_ENTRY_KIND = 'evidence.file';
export const CASE_FILE_ENTRY_KIND = 'case_file.lock';
const UNLOGGED_LIMIT = 1000;

/** Evidence rows and the bytes behind them. Each stored file is re-hashed once per run, however many rows share it. */
export function evidenceCheck(blobs: BlobStore): RecordCheck {
  const fileVerdicts = new Map<string, 'ok' | 'missing' | 'altered'>();
  const fileVerdict = async (hash: string) => {
    let v = fileVerdicts.get(hash);
    if (!v) {
      const rehashed = await blobs.rehash(hash);
      v = rehashed === null ? 'missing' : rehashed === hash ? 'ok' : 'altered';
      fileVerdicts.set(hash, v);
    }
    return v;
  };
  return {
    kinds: [EVIDENCE_ENTRY_KIND],
    label: '证据文件',
    unit: 'file',
    async check(db: Db, entries: readonly CheckedEntry[]): Promise<Discrepancy[]> {
      const ids = [...new Set(entries.map((e) => e.entry.recordId).filter((id) => UUID_RE.test(id)))];
      const rows = new Map((await store.evidenceByIds(db, ids)).map((r) => [r.id, r]));
      const out: Discrepancy[] = [];
      for (const { index, entry } of entries) {
        const recordId = entry.recordId;
        const row = rows.get(recordId);
        if (!row) {
          out.push({
            kind: 'deleted_row',
            index,
            recordId,
            detail: `证据记录 ${recordId} 已不存在：账本条目 #${index} 记录了它（被删除）`,
          });
          continue;
        }
        const name = `证据「${row.title}」（${row.id}）`;
        const metadata = evidenceMetadataHash(row);
        if (
          row.contentHash !== entry.contentHash ||
          metadata !== row.metadataHash ||
          (entry.metadataHash !== undefined && metadata !== entry.metadataHash) ||
          row.caseId !== entry.caseId
        ) {
          out.push({
            kind: 'altered_row',
            index,
            recordId,
            detail: `${name}的内容哈希或元数据（拍摄时间、设备、人员、地点、保密标识等）与账本条目 #${index} 不符：被改动`,
          });
        }
        const verdict = await fileVerdict(entry.contentHash);
        if (verdict === 'missing')
          out.push({
            kind: 'missing_file',
            index,
            recordId,
            detail: `${name}的文件 ${entry.contentHash} 不在证据存储中`,
          });
        else if (verdict === 'altered')
          out.push({
            kind: 'altered_file',
            index,
            recordId,
            detail: `${name}的文件内容与其 SM3 ${entry.contentHash} 不符：文件被改动`,
          });
      }
      return out;
    },
    async unlogged(db: Db): Promise<Discrepancy[]> {
      return (
        await store.unloggedIds(db, 'evidence', loggedRecordsQuery(EVIDENCE_ENTRY_KIND), UNLOGGED_LIMIT)
      ).map((id) => ({
        kind: 'unlogged_row',
        recordId: id,
        detail: `证据记录 ${id} 没有账本条目：绕过平台写入`,
      }));
    },
  };
}

export const caseFileCheck: RecordCheck = {
  kinds: [CASE_FILE_ENTRY_KIND],
  label: '案卷',
  async check(db: Db, entries: readonly CheckedEntry[]): Promise<Discrepancy[]> {
    const out: Discrepancy[] = [];
    for (const { index, entry } of entries) {
      const row = UUID_RE.test(entry.recordId) ? await store.findCaseFile(db, entry.recordId) : undefined;
      if (!row) {
        out.push({
          kind: 'deleted_row',
          index,
          recordId: entry.recordId,
          detail: `案卷 ${entry.recordId} 已不存在：账本条目 #${index} 记录了它的锁定（被删除）`,
        });
        continue;
      }
      const recomputed = manifestHashOf(row);
      if (
        recomputed !== entry.contentHash ||
        row.manifestHash !== entry.contentHash ||
        row.caseId !== entry.caseId
      )
        out.push({
          kind: 'altered_row',
          index,
          recordId: row.id,
          detail: `案卷 ${row.id}（案件 ${row.caseId}）的卷内目录与账本条目 #${index} 记录的哈希不符：锁定后被改动`,
        });
    }
    return out;
  },
  async unlogged(db: Db): Promise<Discrepancy[]> {
    return (
      await store.unloggedIds(db, 'case_files', loggedRecordsQuery(CASE_FILE_ENTRY_KIND), UNLOGGED_LIMIT)
    ).map((id) => ({
      kind: 'unlogged_row',
      recordId: id,
      detail: `案卷 ${id} 没有账本条目：不是经归档锁定的（绕过平台写入）`,
    }));
  },
};

/** The records module's checks; the evidence check needs the store the files live in. */
export function recordsRecordChecks(blobs: BlobStore): RecordCheck[] {
  return [evidenceCheck(blobs), caseFileCheck];
}
