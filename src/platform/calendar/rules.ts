/**
 * The official working-day calendar (工作日历) and deadline arithmetic. Pure: no I/O, no clock.
 *
 * A "working day" is a day of China's official calendar: Monday–Friday, except the holidays of the
 * State Council's yearly notice (国务院办公厅关于 XXXX 年部分节假日安排的通知), plus the weekend days
 * that notice makes working days (调休上班). 行政处罚法 第八十五条: 本法中"二日""三日""五日""七日"的
 * 规定是指工作日，不含法定节假日.
 *
 * Dates are `YYYY-MM-DD` strings of the Asia/Shanghai calendar. Arithmetic is done on whole UTC days
 * built from the string's components, so the process time zone never shifts a date.
 */

/** A State Council notice (or an amending notice) that a calendar year is taken from. */
export type Notice = {
  /** e.g. 国务院办公厅关于2025年部分节假日安排的通知 */
  title: string;
  /** 发文字号, e.g. 国办发明电〔2024〕12号 */
  number: string;
  /** Date the notice was made public (YYYY-MM-DD). */
  publishedOn?: string;
  /** 成文日期, only when it differs from publishedOn. */
  signedOn?: string;
  /** What this notice changes in the year (used on amendments). */
  note?: string;
};

/**
 * One year of the official calendar. Every date lies inside `year`.
 * `amendments` lists further notices that changed days of this year: a notice amending this year's
 * arrangement (2019 劳动节, 2020 春节延长), or the next year's notice when its first holiday starts in
 * this year's last days (2023 元旦 began on 2022-12-31).
 */
export type CalendarYear = {
  year: number;
  notice: Notice;
  amendments?: Notice[];
  /** Official days off in the year, including those falling on weekends. */
  holidays: string[];
  /** Adjusted working days (调休上班): weekend days made working days. */
  workdays: string[];
};

export type ValidationError = { field: string; code: string; message: string };

export type ValidationResult = { ok: true; value: CalendarYear } | { ok: false; errors: ValidationError[] };

export type WorkingDayStatus = { working: boolean; provisional: boolean };

export type Deadline = { from: string; days: number; date: string; provisional: boolean };

export type CalendarDayDeadline = { from: string; days: number; date: string; provisional: false };

/**
 * A period counted in calendar days (or months) whose last day, when it is a rest day, moves to the next
 * working day (see REST_DAY_ROLL_FORWARD): `unadjusted` is the plain N-th day, `date` the last day after
 * the move (the same day when it is a working day). `provisional` when the move examined a day of a year
 * whose notice is not loaded.
 */
export type RolledDeadline = {
  from: string;
  days: number;
  date: string;
  unadjusted: string;
  provisional: boolean;
};

/** The last day of a period of N months (民法典 art. 202), before and after the rest-day move. */
export type MonthDeadline = {
  from: string;
  months: number;
  date: string;
  unadjusted: string;
  provisional: boolean;
};

/**
 * The rest-day roll-forward (期间届满日顺延), in this one place: a period whose last day is a rest day
 * (a weekend not made a working day, or a holiday of the State Council's notice) ends on the next working
 * day. It applies to the *party's* periods counted in calendar days or months (缴纳罚款 15 日, 申请复议
 * 60 日, 起诉 6 个月); the agency's own calendar-day limits keep their plain count (clocks decide which is
 * which). Working-day limits never end on a rest day, so they are unchanged.
 */
export const REST_DAY_ROLL_FORWARD = Object.freeze({
  zh: '《市场监督管理行政处罚程序规定》关于期间的规定：“期间届满的最后一日为法定节假日的，以法定节假日后的第一日为期间届满的日期”；《中华人民共和国民事诉讼法》第八十五条第三款（参照）：“期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期”；《中华人民共和国民法典》第二百零三条',
  en: 'SAMR administrative penalty procedure rules on periods; Civil Procedure Law art. 85(3) by analogy; Civil Code art. 203: a period whose last day is a statutory rest day ends on the first day after it',
});

/** Bounds of a period in months (the law's periods: 3 and 6 months). */
export const MONTHS_RANGE = { min: 1, max: 120 } as const;

export type CalendarErrorCode = 'INVALID_DATE' | 'INVALID_DAYS' | 'INVALID_CALENDAR';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly errors: ValidationError[];

  constructor(code: CalendarErrorCode, message: string, errors: ValidationError[] = []) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.errors = errors;
  }
}

/** Years a calendar year, or any date given to the arithmetic, may fall in. */
export const YEAR_RANGE = { min: 1949, max: 2100 } as const;

/**
 * Bounds of a time limit in days (working or calendar). The HTTP layer validates the same bounds (import
 * this constant), so a request that passes there never throws INVALID_DAYS here.
 */
export const DAYS_RANGE = { min: 1, max: 366 } as const;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date, or undefined (e.g. 2025-02-30, 2025-2-3). */
function toDayNumber(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 02-30 over to March and maps years 0–99 to 1900+: reject anything that moved.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return undefined;
  }
  return utc.getTime() / DAY_MS;
}

function toDateString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The Asia/Shanghai calendar date of an instant: what a timestamp's "day of the event" is. */
export function dateInShanghai(instant: Date | number): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateNotice(input: unknown, field: string, errors: ValidationError[]): Notice | undefined {
  if (!isRecord(input)) {
    errors.push({ field, code: 'FIELD_REQUIRED', message: '必须注明所依据的国务院办公厅通知' });
    return undefined;
  }
  const notice: Notice = { title: '', number: '' };
  for (const key of ['title', 'number'] as const) {
    const value = input[key];
    if (typeof value !== 'string' || value.trim() === '') {
      const label = key === 'title' ? '标题' : '文号';
      errors.push({ field: `${field}.${key}`, code: 'FIELD_REQUIRED', message: `通知${label}不能为空` });
    } else {
      notice[key] = value.trim();
    }
  }
  for (const key of ['publishedOn', 'signedOn'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (toDayNumber(value) === undefined) {
      errors.push({
        field: `${field}.${key}`,
        code: 'INVALID_DATE',
        message: `通知日期“${String(value)}”不是有效日期（格式应为 YYYY-MM-DD）`,
      });
    } else {
      notice[key] = value as string;
    }
  }
  if (typeof input.note === 'string' && input.note.trim() !== '') notice.note = input.note.trim();
  return notice;
}

function validateDates(
  input: unknown,
  field: 'holidays' | 'workdays',
  year: number | undefined,
  errors: ValidationError[],
): string[] {
  const label = field === 'holidays' ? '放假日期' : '调休上班日期';
  if (!Array.isArray(input)) {
    errors.push({ field, code: 'INVALID_TYPE', message: `${label}必须是日期列表` });
    return [];
  }
  const seen = new Set<string>();
  input.forEach((date: unknown, index) => {
    const at = `${field}[${index}]`;
    const dayNumber = toDayNumber(date);
    if (dayNumber === undefined) {
      errors.push({
        field: at,
        code: 'INVALID_DATE',
        message: `${label}“${String(date)}”不是有效日期（格式应为 YYYY-MM-DD）`,
      });
      return;
    }
    const text = date as string;
    if (year !== undefined && yearOf(dayNumber) !== year) {
      errors.push({ field: at, code: 'DATE_OUTSIDE_YEAR', message: `${label}${text}不在${year}年内` });
    }
    if (seen.has(text)) {
      errors.push({ field: at, code: 'DUPLICATE_DATE', message: `${label}${text}重复` });
    }
    if (field === 'workdays' && !isWeekend(dayNumber)) {
      errors.push({
        field: at,
        code: 'WORKDAY_NOT_WEEKEND',
        message: `调休上班日期${text}不是星期六或星期日（平日本来就上班）`,
      });
    }
    seen.add(text);
  });
  return [...seen].sort();
}

/** Checks one year's data as an admin would load it; messages are for the admin, in Chinese. */
export function validateCalendarYear(input: unknown): ValidationResult {
  const errors: ValidationError[] = [];
  if (!isRecord(input)) {
    return { ok: false, errors: [{ field: '', code: 'INVALID_TYPE', message: '日历年度数据必须是对象' }] };
  }
  let year: number | undefined;
  if (
    typeof input.year !== 'number' ||
    !Number.isInteger(input.year) ||
    input.year < YEAR_RANGE.min ||
    input.year > YEAR_RANGE.max
  ) {
    errors.push({
      field: 'year',
      code: 'INVALID_YEAR',
      message: `年份必须是${YEAR_RANGE.min}至${YEAR_RANGE.max}之间的整数`,
    });
  } else {
    year = input.year;
  }
  const notice = validateNotice(input.notice, 'notice', errors);
  const amendments: Notice[] = [];
  if (input.amendments !== undefined) {
    if (!Array.isArray(input.amendments)) {
      errors.push({ field: 'amendments', code: 'INVALID_TYPE', message: '补充通知必须是列表' });
    } else {
      input.amendments.forEach((item: unknown, index) => {
        const amendment = validateNotice(item, `amendments[${index}]`, errors);
        if (amendment) amendments.push(amendment);
      });
    }
  }
  const holidays = validateDates(input.holidays, 'holidays', year, errors);
  const workdays = validateDates(input.workdays, 'workdays', year, errors);
  const holidaySet = new Set(holidays);
  for (const date of workdays) {
    if (holidaySet.has(date)) {
      errors.push({
        field: 'workdays',
        code: 'HOLIDAY_AND_WORKDAY',
        message: `${date}不能既是放假日期又是调休上班日期`,
      });
    }
  }
  if (errors.length > 0 || year === undefined || notice === undefined) return { ok: false, errors };
  const value: CalendarYear =
    amendments.length > 0
      ? { year, notice, amendments, holidays, workdays }
      : { year, notice, holidays, workdays };
  return { ok: true, value };
}

function parseDate(date: unknown, name: string): number {
  const dayNumber = toDayNumber(date);
  if (dayNumber === undefined) {
    throw new CalendarError('INVALID_DATE', `${name}“${String(date)}”不是有效日期（格式应为 YYYY-MM-DD）`);
  }
  const year = yearOf(dayNumber);
  if (year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    throw new CalendarError(
      'INVALID_DATE',
      `${name}${String(date)}超出${YEAR_RANGE.min}至${YEAR_RANGE.max}年的范围`,
    );
  }
  return dayNumber;
}

function checkDays(days: unknown): asserts days is number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < DAYS_RANGE.min || days > DAYS_RANGE.max) {
    throw new CalendarError(
      'INVALID_DAYS',
      `期限天数必须是${DAYS_RANGE.min}至${DAYS_RANGE.max}之间的整数，收到“${String(days)}”`,
    );
  }
}

/** FNV-1a (32 bit): a short, dependency-free fingerprint of the loaded data for `version`. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** "2019-2026", or "2019-2020,2022" when years are missing in between. */
function describeYears(years: number[]): string {
  const ranges: string[] = [];
  let start = years[0];
  for (let i = 0; i < years.length; i++) {
    const current = years[i] as number;
    const next = years[i + 1];
    if (next !== current + 1) {
      ranges.push(start === current ? `${current}` : `${start}-${current}`);
      start = next;
    }
  }
  return ranges.length > 0 ? ranges.join(',') : 'none';
}

type LoadedYear = { holidays: Set<number>; workdays: Set<number> };

/**
 * The calendar built from the loaded years. A year that is not loaded (its notice not yet published or
 * not yet entered) is computed on weekends only, and every result touching it is marked provisional.
 */
export class WorkingCalendar {
  /** Which data a result was computed with, e.g. "2019-2026:1a2b3c4d"; record it with each deadline. */
  readonly version: string;
  readonly #years = new Map<number, LoadedYear>();

  constructor(years: readonly CalendarYear[]) {
    const accepted: CalendarYear[] = [];
    for (const input of years) {
      const result = validateCalendarYear(input);
      if (!result.ok) {
        const first = result.errors[0]?.message ?? '';
        throw new CalendarError('INVALID_CALENDAR', `日历数据无效：${first}`, result.errors);
      }
      const { value } = result;
      if (this.#years.has(value.year)) {
        throw new CalendarError('INVALID_CALENDAR', `${value.year}年的日历数据重复`);
      }
      this.#years.set(value.year, {
        holidays: new Set(value.holidays.map((d) => toDayNumber(d) as number)),
        workdays: new Set(value.workdays.map((d) => toDayNumber(d) as number)),
      });
      accepted.push(value);
    }
    accepted.sort((a, b) => a.year - b.year);
    this.version = `${describeYears(this.loadedYears())}:${fingerprint(JSON.stringify(accepted))}`;
  }

  loadedYears(): number[] {
    return [...this.#years.keys()].sort((a, b) => a - b);
  }

  isWorkingDay(date: string): WorkingDayStatus {
    return this.#status(parseDate(date, '日期'));
  }

  /**
   * The deadline of "N 个工作日" counted from an event: the event's own day is not counted, the
   * deadline is the N-th working day after it (行政处罚法 第八十五条; REQUIREMENTS, time limits).
   */
  addWorkingDays(from: string, days: number): Deadline {
    let day = parseDate(from, '起算日期');
    checkDays(days);
    let counted = 0;
    let provisional = false;
    while (counted < days) {
      day += 1;
      const status = this.#status(day);
      provisional ||= status.provisional;
      if (status.working) counted += 1;
    }
    return { from, days, date: toDateString(day), provisional };
  }

  /** The deadline of "N 日" (calendar days), counted the same way: from + N. Needs no notice. */
  addCalendarDays(from: string, days: number): CalendarDayDeadline {
    const day = parseDate(from, '起算日期');
    checkDays(days);
    return { from, days, date: toDateString(day + days), provisional: false };
  }

  /**
   * REST_DAY_ROLL_FORWARD: `date` itself when it is a working day, else the first working day after it.
   * `provisional` when a day examined lies in a year whose notice is not loaded.
   */
  rollForward(date: string): { date: string; provisional: boolean } {
    return this.#rollForward(parseDate(date, '日期'));
  }

  /**
   * A party's period of "N 日": from + N, moved to the next working day when that day is a rest day
   * (REST_DAY_ROLL_FORWARD). E.g. served 2026-01-31, 15 days → 2026-02-15 (春节) → 2026-02-24.
   */
  addCalendarDaysRolled(from: string, days: number): RolledDeadline {
    const plain = this.addCalendarDays(from, days);
    const rolled = this.rollForward(plain.date);
    return { from, days, date: rolled.date, unadjusted: plain.date, provisional: rolled.provisional };
  }

  /**
   * A period of N months (民法典 arts. 201–202): the event's day not counted, the last day is the day of
   * the N-th month that corresponds to the event's day, or that month's last day when it has none (served
   * 2026-08-31 + 6 months → 2027-02-28). `unadjusted` is that day; `date` is it after
   * REST_DAY_ROLL_FORWARD (a party's period). Use `unadjusted` for the agency's own limits.
   */
  addMonths(from: string, months: number): MonthDeadline {
    const day = parseDate(from, '起算日期');
    if (
      typeof months !== 'number' ||
      !Number.isInteger(months) ||
      months < MONTHS_RANGE.min ||
      months > MONTHS_RANGE.max
    ) {
      throw new CalendarError(
        'INVALID_DAYS',
        `期限月数必须是${MONTHS_RANGE.min}至${MONTHS_RANGE.max}之间的整数，收到“${String(months)}”`,
      );
    }
    const start = new Date(day * DAY_MS);
    const monthIndex = start.getUTCMonth() + months;
    const lastOfTarget = new Date(Date.UTC(start.getUTCFullYear(), monthIndex + 1, 0)).getUTCDate();
    const target = Date.UTC(start.getUTCFullYear(), monthIndex, Math.min(start.getUTCDate(), lastOfTarget));
    const unadjusted = target / DAY_MS;
    if (yearOf(unadjusted) > YEAR_RANGE.max) {
      throw new CalendarError('INVALID_DATE', `期限届满日超出${YEAR_RANGE.max}年`);
    }
    const rolled = this.#rollForward(unadjusted);
    return {
      from,
      months,
      date: rolled.date,
      unadjusted: toDateString(unadjusted),
      provisional: rolled.provisional,
    };
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from): e.g. how many were used so far. */
  workingDaysBetween(from: string, to: string): { count: number; provisional: boolean } {
    const start = parseDate(from, '起始日期');
    const end = parseDate(to, '截止日期');
    let count = 0;
    let provisional = false;
    for (let day = start + 1; day <= end; day++) {
      const status = this.#status(day);
      provisional ||= status.provisional;
      if (status.working) count += 1;
    }
    return { count, provisional };
  }

  #rollForward(day: number): { date: string; provisional: boolean } {
    let provisional = false;
    // A rest period is at most a few weeks long (2020's extended 春节 was the longest); the bound only
    // guards against a corrupt year with every day a holiday.
    for (let next = day; next < day + 366; next++) {
      const status = this.#status(next);
      provisional ||= status.provisional;
      if (status.working) return { date: toDateString(next), provisional };
    }
    throw new CalendarError('INVALID_CALENDAR', `${toDateString(day)}之后一年内没有工作日，日历数据有误`);
  }

  #status(day: number): WorkingDayStatus {
    const loaded = this.#years.get(yearOf(day));
    if (!loaded) return { working: !isWeekend(day), provisional: true };
    if (loaded.holidays.has(day)) return { working: false, provisional: false };
    if (loaded.workdays.has(day)) return { working: true, provisional: false };
    return { working: !isWeekend(day), provisional: false };
  }
}
