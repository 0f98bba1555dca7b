import { type RuleViolation, violation } from './violation.ts';

/**
 * 执法证件编号. Provinces number their certificates differently (e.g. 皖 + digits, or digits only), so
 * the platform accepts one documented format rather than any one province's:
 *   - compared after trimming and upper-casing (`normalizeCertificateNo`);
 *   - optionally one province abbreviation character first (皖, 京, 陕, 宁 …);
 *   - then upper-case Latin letters A–Z and digits 0–9 only (no spaces, hyphens or other symbols);
 *   - 6 to 24 characters in total, the abbreviation included.
 */
export const PROVINCE_ABBREVIATIONS =
  '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新台港澳';

const PATTERN = new RegExp(`^[${PROVINCE_ABBREVIATIONS}]?[0-9A-Z]+$`);
const MIN_LENGTH = 6;
const MAX_LENGTH = 24;

export function normalizeCertificateNo(value: string): string {
  return value.trim().toUpperCase();
}

/** Code `INVALID_CERTIFICATE_NO`. Lower case and surrounding spaces are accepted (normalised first). */
export function validateCertificateNo(value: unknown, field = 'certificateNo'): RuleViolation | null {
  const s = typeof value === 'string' ? normalizeCertificateNo(value) : '';
  // Array.from counts the CJK abbreviation as one character whatever its UTF-16 length.
  const length = Array.from(s).length;
  if (length >= MIN_LENGTH && length <= MAX_LENGTH && PATTERN.test(s)) return null;
  return violation(
    'INVALID_CERTIFICATE_NO',
    `执法证件编号格式不正确：应为 ${MIN_LENGTH}–${MAX_LENGTH} 位大写字母或数字，可以一个省份简称（如“皖”）开头`,
    field,
  );
}
