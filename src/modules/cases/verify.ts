// The cases module's part of `mingjing verify` (R6): its logged rows — documents (文书) and case
// events — checked against their ledger entries, and rows that should have an entry and have none.
//  - `document.version`: the row exists, its stored signed content re-hashes (SM3 over RFC 8785, as
//    the public verification page does) to the entry's contentHash and to its own content_hash, and
//    its case, kind and issue time are those the entry logged;
//  - `case.event`: the row (case id, sequence) exists and re-hashes to the entry's contentHash — the
//    hash the service logged when it wrote the event (eventLedgerEntry in service-shared.ts);
//  - a document or event row with no entry of its kind: written behind the platform's back (every
//    write through the services logs in the same transaction).
import { canonicalJsonBytes, hashHex } from '../../platform/crypto/index.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import type { CheckedEntry, Discrepancy, RecordCheck } from '../../platform/ledger/verify.ts';
import { loggedRecordsQuery } from '../../platform/ledger/verify-store.ts';
import { documentContentHash } from './documents/index.ts';
import type { CaseEvent, Procedure } from './rules/types.ts';
import type { DocumentRow, EventRow } from './store.ts';
import * as vstore from './verify-store.ts';

export const DOCUMENT_ENTRY_KIND = 'document.version';
export const EVENT_ENTRY_KIND = 'case.event';

/** Unlogged rows listed per table; beyond that one line says there are more. */
const UNLOGGED_LIMIT = 1000;

/** The event as the rules produced it and the service hashed it (CaseEvent, same fields, same values). */
export function eventOfRow(row: EventRow, procedure: string): CaseEvent {
  return {
    caseId: row.caseId,
    procedure: procedure as Procedure,
    sequence: row.sequence,
    action: row.action,
    actionLabel: row.actionLabel,
    from: row.fromState,
    to: row.toState,
    actor: row.actor,
    at: row.at.toISOString(),
    on: row.on,
    payload: row.payload,
    changes: row.changes,
    calendarVersion: row.calendarVersion,
    rulebookVersion: row.rulebookVersion,
  };
}

/** SM3 over the RFC 8785 JSON of the event: what `case.event` entries log as contentHash. */
export function eventContentHash(e: CaseEvent): string {
  return hashHex('sm3', canonicalJsonBytes(e));
}

/** A hash that cannot be computed (content that is no longer valid JSON for RFC 8785) is a mismatch. */
function safely(f: () => string): string | null {
  try {
    return f();
  } catch {
    return null;
  }
}

const docName = (d: Pick<DocumentRow, 'id' | 'number' | 'kind'>) =>
  d.number ? `文书 ${d.number}（${d.id}）` : `文书 ${d.id}（${d.kind}）`;

export const documentCheck: RecordCheck = {
  kinds: [DOCUMENT_ENTRY_KIND],
  label: '文书',
  async check(db: Db, entries: readonly CheckedEntry[]): Promise<Discrepancy[]> {
    const ids = [...new Set(entries.map((e) => e.entry.recordId).filter((id) => UUID_RE.test(id)))];
    const rows = new Map((await vstore.documentsByIds(db, ids)).map((d) => [d.id, d]));
    const out: Discrepancy[] = [];
    for (const { index, entry } of entries) {
      const recordId = entry.recordId;
      const row = rows.get(recordId);
      if (!row) {
        out.push({
          kind: 'deleted_row',
          index,
          recordId,
          detail: `文书 ${recordId} 已不存在：账本条目 #${index} 记录了它（被删除）`,
        });
        continue;
      }
      const recomputed = safely(() => documentContentHash(row.content));
      if (recomputed !== entry.contentHash) {
        out.push({
          kind: 'altered_row',
          index,
          recordId,
          detail: `${docName(row)}的内容与账本条目 #${index} 记录的哈希不符：内容被改动`,
        });
      } else if (row.contentHash !== entry.contentHash) {
        out.push({
          kind: 'altered_row',
          index,
          recordId,
          detail: `${docName(row)}的内容哈希列与账本条目 #${index} 不符：被改动`,
        });
      } else if (
        row.caseId !== entry.caseId ||
        row.issuedAt.toISOString() !== entry.at ||
        (entry.documentKind !== undefined && row.kind !== entry.documentKind)
      ) {
        out.push({
          kind: 'altered_row',
          index,
          recordId,
          detail: `${docName(row)}的所属案件、种类或签发时间与账本条目 #${index} 不符：被改动`,
        });
      }
    }
    return out;
  },
  async unlogged(db: Db): Promise<Discrepancy[]> {
    const rows = await vstore.unloggedDocuments(
      db,
      loggedRecordsQuery(DOCUMENT_ENTRY_KIND),
      UNLOGGED_LIMIT + 1,
    );
    const out: Discrepancy[] = rows.slice(0, UNLOGGED_LIMIT).map((d) => ({
      kind: 'unlogged_row',
      recordId: d.id,
      detail: `${docName(d)}没有账本条目：不是经平台签发的（绕过平台写入）`,
    }));
    if (rows.length > UNLOGGED_LIMIT) {
      out.push({
        kind: 'unlogged_row',
        detail: `另有更多没有账本条目的文书（只列出前 ${UNLOGGED_LIMIT} 份）`,
      });
    }
    return out;
  },
};

export const eventCheck: RecordCheck = {
  kinds: [EVENT_ENTRY_KIND],
  label: '办案环节',
  async check(db: Db, entries: readonly CheckedEntry[]): Promise<Discrepancy[]> {
    const keyOf = (caseId: string, sequence: number) => `${caseId}:${sequence}`;
    const wanted = entries.map(({ index, entry }) => ({
      index,
      entry,
      caseId: entry.recordId,
      sequence: /^[1-9][0-9]{0,8}$/.test(entry.sequence ?? '') ? Number(entry.sequence) : null,
    }));
    const keys = wanted.filter((w) => UUID_RE.test(w.caseId) && w.sequence !== null) as {
      caseId: string;
      sequence: number;
    }[];
    const rows = new Map(
      (await vstore.eventsByKeys(db, keys)).map((r) => [keyOf(r.event.caseId, r.event.sequence), r]),
    );
    const out: Discrepancy[] = [];
    for (const { index, entry, caseId, sequence } of wanted) {
      const found = sequence === null ? undefined : rows.get(keyOf(caseId, sequence));
      if (!found) {
        out.push({
          kind: 'deleted_row',
          index,
          recordId: caseId,
          detail: `案件 ${caseId} 的第 ${entry.sequence ?? '?'} 个办案环节记录已不存在：账本条目 #${index} 记录了它（被删除）`,
        });
        continue;
      }
      if (found.procedure === null) {
        out.push({
          kind: 'deleted_row',
          index,
          recordId: caseId,
          detail: `案件 ${caseId} 已不存在，其办案环节仍在：案件记录被删除`,
        });
        continue;
      }
      const procedure = found.procedure;
      const recomputed = safely(() => eventContentHash(eventOfRow(found.event, procedure)));
      if (recomputed !== entry.contentHash) {
        out.push({
          kind: 'altered_row',
          index,
          recordId: caseId,
          detail: `案件 ${caseId} 的第 ${sequence} 个办案环节（${found.event.action}）与账本条目 #${index} 记录的哈希不符：被改动`,
        });
      }
    }
    return out;
  },
  async unlogged(db: Db): Promise<Discrepancy[]> {
    const rows = await vstore.unloggedEvents(db, loggedRecordsQuery(EVENT_ENTRY_KIND), UNLOGGED_LIMIT + 1);
    const out: Discrepancy[] = rows.slice(0, UNLOGGED_LIMIT).map((e) => ({
      kind: 'unlogged_row',
      recordId: e.caseId,
      detail: `案件 ${e.caseId} 的第 ${e.sequence} 个办案环节（${e.action}）没有账本条目：绕过平台写入`,
    }));
    if (rows.length > UNLOGGED_LIMIT) {
      out.push({
        kind: 'unlogged_row',
        detail: `另有更多没有账本条目的办案环节（只列出前 ${UNLOGGED_LIMIT} 个）`,
      });
    }
    return out;
  },
};

/** The cases module's record checks, for src/verify.ts. */
export function casesRecordChecks(): RecordCheck[] {
  return [documentCheck, eventCheck];
}
