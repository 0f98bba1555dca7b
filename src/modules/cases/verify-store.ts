// The tamper check's SQL for the cases module's tables (verify.ts): read-only, one page at a time.
// Kept apart from store.ts because only the verifier needs it.
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { caseEvents, cases, documents } from './schema.ts';
import type { DocumentRow, EventRow } from './store.ts';

/** What the check reads of a document (not `data`, the signature or the key: they are not logged). */
export type CheckedDocument = Pick<
  DocumentRow,
  'id' | 'caseId' | 'kind' | 'number' | 'content' | 'contentHash' | 'issuedAt'
>;

export async function documentsByIds(db: Db, ids: readonly string[]): Promise<CheckedDocument[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: documents.id,
      caseId: documents.caseId,
      kind: documents.kind,
      number: documents.number,
      content: documents.content,
      contentHash: documents.contentHash,
      issuedAt: documents.issuedAt,
    })
    .from(documents)
    .where(inArray(documents.id, [...ids]));
}

/**
 * The events at (case, sequence), each with its case's procedure (null when the case row is gone).
 * The keys go in as two arrays joined by unnest, so each is one primary-key probe, and the procedure
 * is read per event by primary key: no step of the plan grows with the size of the tables.
 */
export async function eventsByKeys(
  db: Db,
  keys: readonly { caseId: string; sequence: number }[],
): Promise<{ event: EventRow; procedure: string | null }[]> {
  if (keys.length === 0) return [];
  const caseIds = sql.join(
    keys.map((k) => sql`${k.caseId}`),
    sql`, `,
  );
  const sequences = sql.join(
    keys.map((k) => sql`${k.sequence}`),
    sql`, `,
  );
  return db
    .select({
      event: caseEvents,
      procedure: sql<
        string | null
      >`(select ${cases.procedure} from ${cases} where ${cases.id} = ${caseEvents.caseId})`,
    })
    .from(caseEvents)
    .where(
      sql`(${caseEvents.caseId}, ${caseEvents.sequence}) in (select * from unnest(array[${caseIds}]::uuid[], array[${sequences}]::int[]))`,
    );
}

/**
 * Up to `limit` documents with no entry in `logged` (the ledger's subquery of `document.version`
 * entries: record_id, sequence). One anti-join, planned by the database.
 */
export async function unloggedDocuments(
  db: Db,
  logged: SQL,
  limit: number,
): Promise<Pick<DocumentRow, 'id' | 'number' | 'kind'>[]> {
  return db
    .select({ id: documents.id, number: documents.number, kind: documents.kind })
    .from(documents)
    .where(sql`not exists (select 1 from (${logged}) l where l.record_id = ${documents.id}::text)`)
    .limit(limit);
}

/** Up to `limit` events with no entry in `logged` (the ledger's `case.event` entries). */
export async function unloggedEvents(
  db: Db,
  logged: SQL,
  limit: number,
): Promise<Pick<EventRow, 'caseId' | 'sequence' | 'action'>[]> {
  return db
    .select({ caseId: caseEvents.caseId, sequence: caseEvents.sequence, action: caseEvents.action })
    .from(caseEvents)
    .where(
      sql`not exists (select 1 from (${logged}) l where l.record_id = ${caseEvents.caseId}::text and l.sequence = ${caseEvents.sequence}::text)`,
    )
    .limit(limit);
}
