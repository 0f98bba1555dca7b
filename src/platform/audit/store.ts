import { and, desc, eq, gte, like, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { auditLog } from './schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export async function insertAudit(db: Db, row: NewAuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

export interface AuditFilter {
  /** Region prefix the caller may see; null = everything. */
  regionPrefix: string | null;
  action?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export async function listAudit(db: Db, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.regionPrefix !== null) {
    // Entries about records in the supervisor's region (each entry carries the record's region).
    conds.push(like(auditLog.regionCode, `${f.regionPrefix}%`));
  }
  if (f.action) conds.push(like(auditLog.action, `${f.action}%`));
  if (f.actor) conds.push(eq(auditLog.actorUsername, f.actor));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.to) conds.push(lte(auditLog.at, f.to));
  const where = conds.length ? and(...conds) : undefined;
  const items = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { items, total: count?.n ?? 0 };
}
