import { type RuleViolation, violation } from './violation.ts';

/**
 * Mainland China phone numbers, as officers and agencies give them:
 *   mobile   11 digits starting 13–19, optionally prefixed +86 (e.g. 13855201234, +8613855201234);
 *   landline area code 0 + 2–3 digits, optional hyphen, a 7–8 digit local number not starting with 0 or 1,
 *            optional extension after a hyphen (e.g. 0552-3021234, 010-65123456, 0552-3021234-806).
 * Spaces are ignored.
 */
const MOBILE = /^(?:\+86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?$/;

export function normalizePhone(value: string): string {
  return value.replace(/\s+/g, '');
}

/** Code `INVALID_PHONE`. `label` names the field in the message. */
export function validatePhone(value: unknown, field = 'phone', label = '联系电话'): RuleViolation | null {
  const s = typeof value === 'string' ? normalizePhone(value) : '';
  if (MOBILE.test(s) || LANDLINE.test(s)) return null;
  return violation(
    'INVALID_PHONE',
    `${label}格式不正确：应为手机号码（如 13855201234）或带区号的固定电话（如 0552-3021234）`,
    field,
  );
}
