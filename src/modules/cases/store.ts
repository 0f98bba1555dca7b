import { and, asc, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import type { Clock } from './rules/clocks.ts';
import type { CaseEvent, CaseSnapshot } from './rules/types.ts';
import {
  agencySeals,
  caseClocks,
  caseEvents,
  caseNumberCounters,
  cases,
  documentCounters,
  documentSettings,
  documents,
  parties,
  type TemplateOverrides,
} from './schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type EventRow = typeof caseEvents.$inferSelect;

// ── parties ───────────────────────────────────────────────────────────────────────────────────────
export async function insertParty(db: Db, p: typeof parties.$inferInsert): Promise<PartyRow> {
  const [r] = await db.insert(parties).values(p).returning();
  return r!;
}
/** The names of these parties, by id (a list shows the party by name only). */
export async function partyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: parties.id, name: parties.name })
    .from(parties)
    .where(inArray(parties.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
export async function findParty(db: Db, id: string): Promise<PartyRow | undefined> {
  const [r] = await db.select().from(parties).where(eq(parties.id, id));
  return r;
}

// ── cases ─────────────────────────────────────────────────────────────────────────────────────────
export interface CaseFilter {
  agencyIds: string[];
  procedure?: string | undefined;
  state?: string | undefined;
  officerId?: string | undefined;
  open?: boolean | undefined;
  /** Part of the title, the party's name, the 案号 or the 文号. */
  q?: string | undefined;
  itemId?: string | undefined;
  limit: number;
  offset: number;
}

/** `%`, `_` and `\` match themselves in a search, not as patterns. */
const likeEscaped = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listCases(db: Db, f: CaseFilter): Promise<{ items: CaseRow[]; total: number }> {
  if (f.agencyIds.length === 0) return { items: [], total: 0 };
  const conds: (SQL | undefined)[] = [inArray(cases.agencyId, f.agencyIds)];
  if (f.procedure) conds.push(eq(cases.procedure, f.procedure));
  if (f.state) conds.push(eq(cases.state, f.state));
  if (f.officerId) conds.push(sql`${f.officerId}::uuid = any(${cases.teamOfficerIds})`);
  if (f.itemId) conds.push(eq(cases.itemId, f.itemId));
  if (f.q) {
    const like = likeEscaped(f.q);
    conds.push(
      sql`(${cases.title} ilike ${like} or ${cases.caseNumber} ilike ${like} or ${cases.snapshot}->>'documentNo' ilike ${like} or exists (select 1 from ${parties} p where p.id = ${cases.partyId} and p.name ilike ${like}))`,
    );
  }
  // One row per case: a filed lead lives on as its case, and shows only in the lead register.
  if (f.procedure !== 'lead') conds.push(sql`not (${cases.procedure} = 'lead' and ${cases.state} = 'filed')`);
  // A lead is finished once filed, closed or transferred; other records once they have an outcome.
  if (f.open)
    conds.push(
      sql`${cases.outcome} is null and (${cases.procedure} <> 'lead' or ${cases.state} = 'registered')`,
    );
  const where = and(...conds);
  const items = await db
    .select()
    .from(cases)
    .where(where)
    .orderBy(desc(cases.updatedAt))
    .limit(f.limit)
    .offset(f.offset);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where);
  return { items, total: n?.n ?? 0 };
}

export async function findCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const [r] = await db.select().from(cases).where(eq(cases.id, id));
  return r;
}

/**
 * The case row, locked until the transaction ends: a step and a record written into the case (evidence)
 * take it first, so a record either lands before the file is assembled and locked, or sees it archived.
 */
export async function lockCase(tx: Db, id: string): Promise<CaseRow | undefined> {
  const [r] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
  return r;
}

/** Titles of the cases with these ids (unknown ids are absent). */
export async function caseTitlesByIds(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; title: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: cases.id, title: cases.title })
    .from(cases)
    .where(inArray(cases.id, [...ids]));
}

export async function insertCase(db: Db, row: typeof cases.$inferInsert): Promise<void> {
  await db.insert(cases).values(row);
}

/** Writes the new snapshot only if nobody moved the case since it was read; false when someone did. */
export async function updateCaseIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  s: CaseSnapshot,
): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set({
      state: s.state,
      outcome: s.outcome,
      version: s.version,
      partyId: s.partyId,
      teamOfficerIds: [...s.teamOfficerIds],
      snapshot: s,
      updatedAt: new Date(),
    })
    .where(and(eq(cases.id, id), eq(cases.version, expectedVersion)))
    .returning({ id: cases.id });
  return rows.length === 1;
}

export async function insertEvent(db: Db, e: CaseEvent, actorUserId: string | null): Promise<void> {
  await db.insert(caseEvents).values({
    caseId: e.caseId,
    sequence: e.sequence,
    action: e.action,
    actionLabel: e.actionLabel,
    fromState: e.from,
    toState: e.to,
    actor: e.actor,
    actorUserId,
    at: new Date(e.at),
    on: e.on,
    payload: e.payload,
    changes: e.changes,
    calendarVersion: e.calendarVersion,
    rulebookVersion: e.rulebookVersion,
  });
}

export async function eventsOf(db: Db, caseId: string): Promise<EventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.sequence));
}

export async function replaceClocks(db: Db, caseId: string, clocks: Clock[]): Promise<void> {
  await db.delete(caseClocks).where(eq(caseClocks.caseId, caseId));
  if (clocks.length === 0) return;
  await db.insert(caseClocks).values(
    clocks.map((c) => ({
      caseId,
      key: c.key,
      dueOn: c.dueOn,
      completedOn: c.completedOn,
      provisional: c.provisional,
      clock: c,
    })),
  );
}

export async function clocksOf(db: Db, caseIds: string[]): Promise<{ caseId: string; clock: Clock }[]> {
  if (caseIds.length === 0) return [];
  return db
    .select({ caseId: caseClocks.caseId, clock: caseClocks.clock })
    .from(caseClocks)
    .where(inArray(caseClocks.caseId, caseIds));
}

/** The largest warning period (in days of either basis) among the open clocks of these agencies. */
export async function maxOpenWarningDays(db: Db, agencyIds: string[]): Promise<number> {
  if (agencyIds.length === 0) return 0;
  const [r] = await db
    .select({ n: sql<number | null>`max((${caseClocks.clock}->>'warningDays')::int)` })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(and(isNull(caseClocks.completedOn), inArray(cases.agencyId, agencyIds)));
  return Number(r?.n ?? 0);
}

/**
 * Open clocks due on or before `dueBy` of the agencies' cases (for officers, only the cases they
 * handle), the most urgent first: one query over the clocks, so no case is missed however many there
 * are or however long ago they changed.
 */
export async function openClocksDueBy(
  db: Db,
  f: { agencyIds: string[]; officerId?: string | undefined; dueBy: string; limit: number },
): Promise<{ items: { caseId: string; title: string; clock: Clock }[]; total: number }> {
  if (f.agencyIds.length === 0) return { items: [], total: 0 };
  const where = and(
    isNull(caseClocks.completedOn),
    lte(caseClocks.dueOn, f.dueBy),
    inArray(cases.agencyId, f.agencyIds),
    f.officerId ? sql`${f.officerId}::uuid = any(${cases.teamOfficerIds})` : undefined,
  );
  const items = await db
    .select({ caseId: caseClocks.caseId, title: cases.title, clock: caseClocks.clock })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(where)
    .orderBy(asc(caseClocks.dueOn), asc(cases.title))
    .limit(f.limit);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(where);
  return { items, total: n?.n ?? 0 };
}

/**
 * Next 案号 sequence of the agency for the year, gap-free as document numbers are (nextDocumentSeq): the
 * counter row is taken in the filing transaction, and a refused filing rolls it back.
 */
export async function nextCaseNumberSeq(db: Db, agencyId: string, year: number): Promise<number> {
  const [r] = await db
    .insert(caseNumberCounters)
    .values({ agencyId, year, last: 1 })
    .onConflictDoUpdate({
      target: [caseNumberCounters.agencyId, caseNumberCounters.year],
      set: { last: sql`${caseNumberCounters.last} + 1` },
    })
    .returning({ last: caseNumberCounters.last });
  return r!.last;
}

/** `procedure:state` of a row, the key the home page's step sets are written in (my-day.ts). */
const stateKey = sql`(${cases.procedure} || ':' || ${cases.state})`;

/**
 * The agency's records where the caller may be a step's performer (home page): in a state where a step
 * is performed by the caller's role (`byRole`), by the case team (`byTeam`, the caller on the team) or
 * by the hearing host (`byHost`, the caller named host). States are `procedure:state` keys; the rules
 * then decide each row exactly. Longest waiting first.
 */
export async function casesAwaitingPerformer(
  db: Db,
  f: {
    agencyId: string;
    officerId: string | null;
    byRole: string[];
    byTeam: string[];
    byHost: string[];
    limit: number;
  },
): Promise<CaseRow[]> {
  const any = (keys: string[]) => sql`${stateKey} = any(${`{${keys.join(',')}}`}::text[])`;
  const who: SQL[] = [];
  if (f.byRole.length) who.push(any(f.byRole));
  if (f.officerId && f.byTeam.length)
    who.push(sql`(${any(f.byTeam)} and ${f.officerId}::uuid = any(${cases.teamOfficerIds}))`);
  if (f.officerId && f.byHost.length)
    who.push(sql`(${any(f.byHost)} and ${cases.snapshot}->>'hearingHostOfficerId' = ${f.officerId})`);
  if (who.length === 0) return [];
  return db
    .select()
    .from(cases)
    .where(and(eq(cases.agencyId, f.agencyId), sql`(${sql.join(who, sql` or `)})`))
    .orderBy(asc(cases.updatedAt))
    .limit(f.limit);
}

/**
 * Running clocks due by `dueBy` that are the agency's to act on: its own duties, and of the party's
 * periods only those in `partyKeys` (an unpaid fine is the agency's to pursue; a party's statement
 * period is not). For officers (`officerId`), the cases they handle.
 */
export async function agencyDutyClocksDueBy(
  db: Db,
  f: {
    agencyIds: string[];
    officerId?: string | undefined;
    dueBy: string;
    partyKeys: string[];
    limit: number;
  },
): Promise<{
  items: { caseId: string; title: string; caseNumber: string | null; clock: Clock }[];
  total: number;
}> {
  if (f.agencyIds.length === 0) return { items: [], total: 0 };
  const where = and(
    isNull(caseClocks.completedOn),
    lte(caseClocks.dueOn, f.dueBy),
    inArray(cases.agencyId, f.agencyIds),
    f.officerId ? sql`${f.officerId}::uuid = any(${cases.teamOfficerIds})` : undefined,
    f.partyKeys.length
      ? sql`(${caseClocks.clock}->>'duty' = 'agency' or ${inArray(caseClocks.key, f.partyKeys)})`
      : sql`${caseClocks.clock}->>'duty' = 'agency'`,
  );
  const items = await db
    .select({
      caseId: caseClocks.caseId,
      title: cases.title,
      caseNumber: cases.caseNumber,
      clock: caseClocks.clock,
    })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(where)
    .orderBy(asc(caseClocks.dueOn), asc(cases.title))
    .limit(f.limit);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(where);
  return { items, total: n?.n ?? 0 };
}

// ── documents ─────────────────────────────────────────────────────────────────────────────────────
/**
 * Next number of a kind for the agency and year, gap-free: the counter row is created or incremented in
 * one statement, which takes its row lock until the issuing transaction ends. A rolled-back issue
 * rolls the counter back with it, so no number is ever skipped or used twice.
 */
export async function nextDocumentSeq(db: Db, agencyId: string, kind: string, year: number): Promise<number> {
  const [r] = await db
    .insert(documentCounters)
    .values({ agencyId, kind, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.agencyId, documentCounters.kind, documentCounters.year],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  return r!.last;
}

export async function insertDocument(db: Db, d: typeof documents.$inferInsert): Promise<DocumentRow> {
  const [r] = await db.insert(documents).values(d).returning();
  return r!;
}
export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  const [r] = await db.select().from(documents).where(eq(documents.id, id));
  return r;
}
export async function documentsOf(db: Db, caseId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.createdAt));
}
export async function documentNumbers(
  db: Db,
  agencyId: string,
  kind: string,
  year: number,
): Promise<number[]> {
  const rows = await db
    .select({ seq: documents.seq })
    .from(documents)
    .where(and(eq(documents.agencyId, agencyId), eq(documents.kind, kind), eq(documents.year, year)))
    .orderBy(asc(documents.seq));
  return rows.map((r) => r.seq!).filter((n) => n !== null);
}

export async function findDocumentSettings(db: Db, agencyId: string) {
  const [r] = await db.select().from(documentSettings).where(eq(documentSettings.agencyId, agencyId));
  return r;
}
export async function saveDocumentSettings(
  db: Db,
  agencyId: string,
  s: { abbreviation: string; caseNumberPattern: string | null; templateOverrides: TemplateOverrides },
): Promise<void> {
  await db
    .insert(documentSettings)
    .values({ agencyId, ...s })
    .onConflictDoUpdate({ target: documentSettings.agencyId, set: s });
}

export async function findSeal(db: Db, agencyId: string) {
  const [r] = await db.select().from(agencySeals).where(eq(agencySeals.agencyId, agencyId));
  return r;
}
/** First writer wins when two processes create an agency's key at once; both then read the same row. */
export async function insertSealIfMissing(db: Db, row: typeof agencySeals.$inferInsert): Promise<void> {
  await db.insert(agencySeals).values(row).onConflictDoNothing();
}

/** The case a lead was filed as, if any. */
export async function caseFiledFrom(db: Db, leadId: string): Promise<string | null> {
  const [r] = await db.select({ id: cases.id }).from(cases).where(eq(cases.leadId, leadId));
  return r?.id ?? null;
}

/** Kind and number of documents by id, for pages that name many documents (the audit log). */
export async function documentNamesByIds(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; kind: string; number: string | null }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: documents.id, kind: documents.kind, number: documents.number })
    .from(documents)
    .where(inArray(documents.id, [...ids]));
}

/**
 * Cases of these agencies with a legal review round (snapshot `legalReview.rounds`), optionally only those
 * whose latest round is assigned to `reviewerOfficerId`; the newest submissions first.
 */
export async function casesWithReview(
  db: Db,
  f: { agencyIds: string[]; reviewerOfficerId?: string | undefined; limit: number },
): Promise<CaseRow[]> {
  if (f.agencyIds.length === 0) return [];
  const last = sql`(${cases.snapshot}->'legalReview'->'rounds'->-1)`;
  const conds: SQL[] = [inArray(cases.agencyId, f.agencyIds), sql`${last} is not null`];
  if (f.reviewerOfficerId) conds.push(sql`${last}->>'reviewerOfficerId' = ${f.reviewerOfficerId}`);
  return db
    .select()
    .from(cases)
    .where(and(...conds))
    .orderBy(sql`${last}->>'submittedOn' desc`, desc(cases.updatedAt))
    .limit(f.limit);
}

/** A decision whose publication the agency owes or recorded: its publication clock and the case. */
export type PublicationDutyRow = {
  caseId: string;
  agencyId: string;
  title: string;
  caseNumber: string | null;
  procedure: string;
  outcome: string | null;
  partyName: string | null;
  snapshot: CaseSnapshot;
  clock: Clock;
};

/**
 * The agencies' decisions with a publication clock (every decision to publish has one), oldest due first.
 * `open`: only those neither published nor withheld yet.
 */
export async function publicationDuties(
  db: Db,
  f: { agencyIds: string[]; open: boolean; limit: number; offset: number },
): Promise<{ items: PublicationDutyRow[]; total: number }> {
  if (f.agencyIds.length === 0) return { items: [], total: 0 };
  const where = and(
    eq(caseClocks.key, 'publication'),
    inArray(cases.agencyId, f.agencyIds),
    f.open ? isNull(caseClocks.completedOn) : undefined,
  );
  const items = await db
    .select({
      caseId: cases.id,
      agencyId: cases.agencyId,
      title: cases.title,
      caseNumber: cases.caseNumber,
      procedure: cases.procedure,
      outcome: cases.outcome,
      partyName: parties.name,
      snapshot: cases.snapshot,
      clock: caseClocks.clock,
    })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .leftJoin(parties, eq(parties.id, cases.partyId))
    .where(where)
    .orderBy(asc(caseClocks.dueOn), asc(cases.id))
    .limit(f.limit)
    .offset(f.offset);
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(where);
  return { items, total: n?.n ?? 0 };
}
