/**
 * The official calendar in the platform: the years live in `calendar_years`, the arithmetic is the pure
 * `WorkingCalendar` of rules.ts. Every process reads the same table, so a year loaded through one
 * process (console, CLI) is used by all of them at their next request.
 */
import { audit } from '../audit/service.ts';
import type { Ctx } from '../auth/actor.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import { isIsoDate } from '../identifiers/date.ts';
import { loadBundledCalendarYears } from './bundled.ts';
import {
  CalendarError,
  type CalendarYear,
  DAYS_RANGE,
  type Deadline,
  type Notice,
  type RolledDeadline,
  validateCalendarYear,
  WorkingCalendar,
  YEAR_RANGE,
} from './rules.ts';
import * as store from './store.ts';

/** One year as the API shows it: `amendments` is always a list. */
export type CalendarYearView = Required<CalendarYear>;
export type LoadedYearView = CalendarYearView & { loadedAt: string; loadedBy: string; replaced: boolean };

// ── input checks (the HTTP routes and the CLI share them) ──────────────────────────────────────────
const named = (label: string, field: string) => `「${label}」(${field})`;

/** A real `YYYY-MM-DD` date inside the calendar's year range, or `INVALID_DATE` naming the field. */
export function parseDateInput(value: unknown, field: string, label: string): string {
  if (value === undefined || value === '') {
    throw new AppError('FIELD_REQUIRED', `缺少必填字段${named(label, field)}，应为 YYYY-MM-DD`, field);
  }
  if (!isIsoDate(value)) {
    throw new AppError(
      'INVALID_DATE',
      `${named(label, field)}“${String(value)}”不是有效日期，应为 YYYY-MM-DD 格式的真实日期`,
      field,
    );
  }
  const year = Number(value.slice(0, 4));
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw new AppError(
      'INVALID_DATE',
      `${named(label, field)}${value}超出${YEAR_RANGE.min}至${YEAR_RANGE.max}年的范围`,
      field,
    );
  }
  return value;
}

/** A whole number of days in DAYS_RANGE, given as a number or as decimal digits (query, CLI). */
export function parseDaysInput(value: unknown, field = 'days', label = '期限天数'): number {
  if (value === undefined) {
    throw new AppError('FIELD_REQUIRED', `缺少必填字段${named(label, field)}`, field);
  }
  const days =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,6}$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(days) || days < DAYS_RANGE.min || days > DAYS_RANGE.max) {
    throw new AppError(
      'INVALID_DAYS',
      `${named(label, field)}必须是${DAYS_RANGE.min}至${DAYS_RANGE.max}之间的整数，收到“${String(value)}”`,
      field,
    );
  }
  return days;
}

/** Inputs are checked above; a CalendarError from the arithmetic would be a bug, reported with its code. */
function fromCalendarError(err: unknown, field: string): unknown {
  return err instanceof CalendarError ? new AppError(err.code, err.message, field) : err;
}

// ── the calendar built from the table ─────────────────────────────────────────────────────────────
const cache = new WeakMap<Db, { version: string; calendar: WorkingCalendar }>();

function toCalendarYear(row: store.CalendarYearRow): CalendarYear {
  const year: CalendarYear = {
    year: row.year,
    notice: row.notice,
    holidays: row.holidays,
    workdays: row.workdays,
  };
  if (row.amendments.length > 0) year.amendments = row.amendments;
  return year;
}

/**
 * The working calendar of every loaded year. Cached per database and rebuilt when the table's version
 * (row count + sum of load instants: one aggregate over ≤ a few dozen rows) changes, so a year loaded by
 * another process is seen at the next call.
 */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const version = await store.tableVersion(db);
  const hit = cache.get(db);
  if (hit?.version === version) return hit.calendar;
  // Rows read after the version: a load committed in between only makes the next call rebuild again.
  const calendar = new WorkingCalendar((await store.listYears(db)).map(toCalendarYear));
  cache.set(db, { version, calendar });
  return calendar;
}

/** The bundled years (2019–2026) that are not in the table yet; safe when several processes start at once. */
export async function ensureBundledCalendar(db: Db): Promise<number[]> {
  const rows = loadBundledCalendarYears().map((y) => ({
    year: y.year,
    notice: y.notice,
    amendments: y.amendments ?? [],
    holidays: y.holidays,
    workdays: y.workdays,
    loadedBy: 'bundled',
  }));
  return db.transaction(async (tx) => {
    const inserted = await store.insertMissingYears(tx, rows);
    if (inserted.length > 0) {
      await audit(
        tx,
        { actor: null, origin: { ip: '127.0.0.1', userAgent: 'mingjing (bundled calendar)' } },
        { action: 'calendar.load_bundled', targetType: 'calendar_year', details: { years: inserted } },
      );
    }
    return inserted;
  });
}

// ── arithmetic ────────────────────────────────────────────────────────────────────────────────────
/** `from` + N working days (the event's day not counted); `provisional` when a year without notice was used. */
export async function addWorkingDays(db: Db, from: unknown, days: unknown): Promise<Deadline> {
  const start = parseDateInput(from, 'from', '起算日期');
  const n = parseDaysInput(days);
  const calendar = await loadCalendar(db);
  try {
    return calendar.addWorkingDays(start, n);
  } catch (err) {
    throw fromCalendarError(err, 'from');
  }
}

/**
 * `from` + N calendar days, the last day moved to the next working day when it is a rest day
 * (rules.ts REST_DAY_ROLL_FORWARD: a party's period); `unadjusted` is the plain N-th day. `provisional`
 * when the move looked at a year whose notice is not loaded.
 */
export async function addCalendarDays(db: Db, from: unknown, days: unknown): Promise<RolledDeadline> {
  const start = parseDateInput(from, 'from', '起算日期');
  const n = parseDaysInput(days);
  const calendar = await loadCalendar(db);
  try {
    return calendar.addCalendarDaysRolled(start, n);
  } catch (err) {
    throw fromCalendarError(err, 'from');
  }
}

/** Working days d with from < d ≤ to (0 when to ≤ from). */
export async function workingDaysBetween(
  db: Db,
  from: unknown,
  to: unknown,
): Promise<{ from: string; to: string; count: number; provisional: boolean }> {
  const start = parseDateInput(from, 'from', '起始日期');
  const end = parseDateInput(to, 'to', '截止日期');
  const calendar = await loadCalendar(db);
  try {
    return { from: start, to: end, ...calendar.workingDaysBetween(start, end) };
  } catch (err) {
    throw fromCalendarError(err, 'from');
  }
}

// ── the years ─────────────────────────────────────────────────────────────────────────────────────
function present(year: CalendarYear): CalendarYearView {
  return {
    year: year.year,
    notice: year.notice,
    amendments: year.amendments ?? [],
    holidays: year.holidays,
    workdays: year.workdays,
  };
}

export async function listYears(db: Db): Promise<CalendarYearView[]> {
  return (await store.listYears(db)).map((row) => {
    // Through the validator: notices come back with their keys in one order, whatever jsonb did to them.
    const checked = validateCalendarYear(toCalendarYear(row));
    return present(checked.ok ? checked.value : toCalendarYear(row));
  });
}

const YEAR_FIELDS = ['year', 'notice', 'amendments', 'holidays', 'workdays', 'replace'];
const NOTICE_FIELDS = ['title', 'number', 'publishedOn', 'signedOn', 'note'];

function refuseUnknownFields(value: unknown, allowed: string[], at: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  if (extra !== undefined) {
    const field = at ? `${at}.${extra}` : extra;
    throw new AppError('UNKNOWN_FIELD', `日历数据包含不允许的字段「${field}」`, field);
  }
}

/**
 * Loads one year from a State Council notice (system admins only). A year already loaded is replaced
 * only with `replace: true`. Validated with `validateCalendarYear`; the first problem is the answer.
 */
export async function loadYear(db: Db, ctx: Ctx, input: unknown): Promise<LoadedYearView> {
  if (ctx.actor.role !== 'system_admin') throw new AppError('FORBIDDEN', '只有系统管理员可以载入工作日历');
  refuseUnknownFields(input, YEAR_FIELDS, '');
  const record = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  refuseUnknownFields(record.notice, NOTICE_FIELDS, 'notice');
  if (Array.isArray(record.amendments)) {
    for (const [i, a] of record.amendments.entries())
      refuseUnknownFields(a, NOTICE_FIELDS, `amendments[${i}]`);
  }
  if (record.replace !== undefined && typeof record.replace !== 'boolean') {
    throw new AppError('VALIDATION_FAILED', '「是否替换」(replace)必须是 true 或 false', 'replace');
  }
  const replace = record.replace === true;
  const result = validateCalendarYear(input);
  if (!result.ok) {
    const first = result.errors[0]!;
    throw new AppError(first.code, first.message, first.field || undefined);
  }
  const value = result.value;
  const row = {
    year: value.year,
    notice: value.notice,
    amendments: value.amendments ?? ([] as Notice[]),
    holidays: value.holidays,
    workdays: value.workdays,
    loadedBy: ctx.actor.username,
  };
  const saved = await db.transaction(async (tx) => {
    const previous = replace ? await store.findYear(tx, value.year) : undefined;
    const written = replace ? await store.upsertYear(tx, row) : await store.insertYear(tx, row);
    if (!written) {
      throw new AppError(
        'CALENDAR_YEAR_EXISTS',
        `${value.year}年的工作日历已经载入；如需更正，请以 replace: true（命令行 --replace）重新载入`,
        'year',
      );
    }
    await audit(tx, ctx, {
      action: previous ? 'calendar.replace' : 'calendar.load',
      targetType: 'calendar_year',
      targetId: String(value.year),
      details: {
        notice: value.notice.number,
        amendments: row.amendments.map((a) => a.number),
        holidays: value.holidays.length,
        workdays: value.workdays.length,
        ...(previous ? { previousNotice: previous.notice.number, previousLoadedBy: previous.loadedBy } : {}),
      },
    });
    return { written, replaced: previous !== undefined };
  });
  cache.delete(db);
  return {
    ...present(value),
    loadedAt: saved.written.loadedAt.toISOString(),
    loadedBy: saved.written.loadedBy,
    replaced: saved.replaced,
  };
}
