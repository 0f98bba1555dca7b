import { type RuleViolation, violation } from './violation.ts';

/**
 * Dates in the platform are calendar dates `YYYY-MM-DD` in Asia/Shanghai (docs/api.md "Conventions").
 * Strings in this form compare correctly with `<`, `>` and `===`, so no Date objects are needed.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** China Standard Time is UTC+8 all year; there has been no daylight saving time since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD` (year 0001–9999): 2024-02-29 yes, 2023-02-29 no. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * `label` is the Chinese name of the field used in the message (defaults to the field name).
 * Code `INVALID_DATE`.
 */
export function validateIsoDate(value: unknown, field: string, label: string = field): RuleViolation | null {
  if (isIsoDate(value)) return null;
  return violation('INVALID_DATE', `${label}不是有效日期，应为 YYYY-MM-DD 格式的真实日期`, field);
}

/** Today's date in Asia/Shanghai, whatever the time zone of the process. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days (negative goes back). Throws on an invalid date: a programming error. */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(0);
  utc.setUTCFullYear(y, m - 1, d);
  return new Date(utc.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}
