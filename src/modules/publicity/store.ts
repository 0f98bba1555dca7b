import { and, asc, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { publications } from './schema.ts';

export type PublicationRow = typeof publications.$inferSelect;
export type NewPublication = typeof publications.$inferInsert;

export async function insertPublication(db: Db, row: NewPublication): Promise<PublicationRow> {
  const [r] = await db.insert(publications).values(row).returning();
  return r!;
}

export async function findByCase(db: Db, caseId: string): Promise<PublicationRow | undefined> {
  const [r] = await db.select().from(publications).where(eq(publications.caseId, caseId));
  return r;
}

export async function findById(db: Db, id: string): Promise<PublicationRow | undefined> {
  const [r] = await db.select().from(publications).where(eq(publications.id, id));
  return r;
}

/** Locks the row for a change of status (withdrawal, removal): two clerks never withdraw it twice. */
export async function lockById(tx: Db, id: string): Promise<PublicationRow | undefined> {
  const [r] = await tx.select().from(publications).where(eq(publications.id, id)).for('update');
  return r;
}

export async function updatePublication(
  db: Db,
  id: string,
  expectedStatus: string,
  set: Partial<NewPublication>,
): Promise<boolean> {
  const r = await db
    .update(publications)
    .set(set)
    .where(and(eq(publications.id, id), eq(publications.status, expectedStatus)))
    .returning({ id: publications.id });
  return r.length === 1;
}

export async function byCases(db: Db, caseIds: string[]): Promise<PublicationRow[]> {
  if (caseIds.length === 0) return [];
  return db.select().from(publications).where(inArray(publications.caseId, caseIds));
}

/** Staff list of recorded publications of the agencies, newest first. */
export async function listRecorded(
  db: Db,
  f: { agencyIds: string[]; statuses: string[]; limit: number; offset: number },
): Promise<{ items: PublicationRow[]; total: number }> {
  if (f.agencyIds.length === 0) return { items: [], total: 0 };
  const where = and(inArray(publications.agencyId, f.agencyIds), inArray(publications.status, f.statuses));
  const items = await db
    .select()
    .from(publications)
    .where(where)
    .orderBy(desc(publications.decidedOn), asc(publications.id))
    .limit(f.limit)
    .offset(f.offset);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(publications).where(where);
  return { items, total: n?.n ?? 0 };
}

export interface PublicFilter {
  /** Search tokens the notice must all contain. */
  tokens: string[];
  agencyId?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** `shown`: on the portal today; `withdrawn`: the withdrawal notices. */
  view: 'shown' | 'withdrawn';
  today: string;
}

function publicWhere(f: PublicFilter): SQL | undefined {
  const status =
    f.view === 'shown'
      ? and(
          eq(publications.status, 'published'),
          or(isNull(publications.periodUntil), gte(publications.periodUntil, f.today)),
        )
      : eq(publications.status, 'withdrawn');
  return and(
    status,
    f.tokens.length > 0 ? sql`${publications.searchTokens} @> ${sql.param(f.tokens)}::text[]` : undefined,
    f.agencyId ? eq(publications.agencyId, f.agencyId) : undefined,
    f.category ? eq(publications.category, f.category) : undefined,
    f.from ? gte(publications.decidedOn, f.from) : undefined,
    f.to ? lte(publications.decidedOn, f.to) : undefined,
  );
}

/** The portal's decisions: newest decision first, then by id so pages never overlap. */
export async function searchPublic(
  db: Db,
  f: PublicFilter & { limit: number; offset: number },
): Promise<{ items: PublicationRow[]; total: number }> {
  const where = publicWhere(f);
  const items = await db
    .select()
    .from(publications)
    .where(where)
    .orderBy(desc(publications.decidedOn), desc(publications.id))
    .limit(f.limit)
    .offset(f.offset);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(publications).where(where);
  return { items, total: n?.n ?? 0 };
}

/** New and withdrawn notices, the latest change first (the Atom feed). */
export async function recentChanges(db: Db, limit: number): Promise<PublicationRow[]> {
  return db
    .select()
    .from(publications)
    .where(inArray(publications.status, ['published', 'withdrawn']))
    .orderBy(
      desc(sql`coalesce(${publications.withdrawnAt}, ${publications.publishedAt})`),
      desc(publications.id),
    )
    .limit(limit);
}
