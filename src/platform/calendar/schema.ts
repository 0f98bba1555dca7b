import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { day, instant } from '../db/columns.ts';
import type { Notice } from './rules.ts';

// One row per year of the official calendar (工作日历), as validated by `validateCalendarYear`. The
// bundled years 2019–2026 are inserted at start when missing; later years are loaded by a system admin.
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    // 国务院办公厅关于 XXXX 年部分节假日安排的通知 (title, number, publishedOn, signedOn?)
    notice: jsonb('notice').$type<Notice>().notNull(),
    amendments: jsonb('amendments').$type<Notice[]>().notNull().default(sql`'[]'::jsonb`),
    // Official days off, and weekend days made working days (调休上班).
    holidays: day('holidays').array().notNull(),
    workdays: day('workdays').array().notNull(),
    loadedAt: instant('loaded_at').notNull().defaultNow(),
    // Username of the system admin who loaded it, `cli` for the command line, `bundled` for shipped data.
    loadedBy: text('loaded_by').notNull(),
  },
  (t) => [check('calendar_years_year_range', sql`${t.year} between 1949 and 2100`)],
);
