import { asc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/index.ts';
import { calendarYears } from './schema.ts';

export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type CalendarYearInsert = Omit<typeof calendarYears.$inferInsert, 'loadedAt'>;

export async function listYears(db: Db): Promise<CalendarYearRow[]> {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findYear(db: Db, year: number): Promise<CalendarYearRow | undefined> {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row;
}

/**
 * A cheap fingerprint of the table's content: the row count and the exact sum of the load instants
 * (microseconds). Loading a year adds a row; replacing one moves its `loaded_at` forward. Either changes it.
 */
export async function tableVersion(db: Db): Promise<string> {
  const [row] = await queryRows<{ n: number; t: string | null }>(
    db,
    sql`select count(*)::int as n, sum(extract(epoch from ${calendarYears.loadedAt}))::text as t
        from ${calendarYears}`,
  );
  return `${row?.n ?? 0}:${row?.t ?? ''}`;
}

/** Inserts the years that are missing (several processes may start at once); answers the years inserted. */
export async function insertMissingYears(db: Db, rows: CalendarYearInsert[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(calendarYears)
    .values(rows)
    .onConflictDoNothing({ target: calendarYears.year })
    .returning({ year: calendarYears.year });
  return inserted.map((r) => r.year).sort((a, b) => a - b);
}

/** Inserts a new year; answers undefined when the year is already loaded (nothing written). */
export async function insertYear(db: Db, row: CalendarYearInsert): Promise<CalendarYearRow | undefined> {
  const [inserted] = await db
    .insert(calendarYears)
    .values({ ...row, loadedAt: sql`clock_timestamp()` })
    .onConflictDoNothing({ target: calendarYears.year })
    .returning();
  return inserted;
}

/** Inserts or replaces a year. */
export async function upsertYear(db: Db, row: CalendarYearInsert): Promise<CalendarYearRow> {
  const [saved] = await db
    .insert(calendarYears)
    .values({ ...row, loadedAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: {
        notice: row.notice,
        amendments: row.amendments ?? [],
        holidays: row.holidays,
        workdays: row.workdays,
        loadedAt: sql`clock_timestamp()`,
        loadedBy: row.loadedBy,
      },
    })
    .returning();
  return saved!;
}
