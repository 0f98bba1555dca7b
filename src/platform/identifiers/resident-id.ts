import { isIsoDate } from './date.ts';
import { PROVINCE_CODES } from './region-code.ts';
import { type RuleViolation, violation } from './violation.ts';

/**
 * 居民身份证号码, GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date YYYYMMDD,
 * 3-digit sequence, 1 check character. Check = ISO 7064 MOD 11-2 with the weights below;
 * (Σ mod 11) indexes "10X98765432". Strict: expects upper-case X (see `normalizeResidentId`).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** 83 is used by 台湾居民居住证, which shares this number format (GB 11643). */
const ID_PROVINCE_CODES: ReadonlySet<string> = new Set([...PROVINCE_CODES, '83']);

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`resident ID body must be 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function normalizeResidentId(value: string): string {
  return value.trim().toUpperCase();
}

/** The birth date `YYYY-MM-DD` embedded in a number (not validated). */
export function residentIdBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Code `INVALID_RESIDENT_ID`. Checks the format, the province part of the address code, a real birth
 * date from 1900 on (and not after `today` when given) and the check character.
 */
export function validateResidentId(
  value: unknown,
  field = 'residentIdNumber',
  today?: string,
): RuleViolation | null {
  const bad = (reason: string) => violation('INVALID_RESIDENT_ID', `居民身份证号码不正确：${reason}`, field);
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) {
    return bad('应为 18 位，前 17 位为数字，末位为数字或大写 X');
  }
  if (!ID_PROVINCE_CODES.has(value.slice(0, 2))) return bad('前六位地址码不正确');
  const birth = residentIdBirthDate(value);
  if (!isIsoDate(birth) || birth < '1900-01-01' || (today !== undefined && birth > today)) {
    return bad('出生日期不正确');
  }
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return bad('校验位错误');
  return null;
}

/**
 * For display and publication: keeps the 6-digit address code and the last 4 characters and hides the
 * birth date, e.g. 110105********002X. Anything not 18 characters long is hidden completely.
 */
export function maskResidentId(id: string): string {
  const s = id.trim();
  if (s.length !== 18) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}********${s.slice(14)}`;
}
