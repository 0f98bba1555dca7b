import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';

/** Required free text: `REQUIRED` when blank, `TOO_LONG` above `max` characters (counted as code points). */
export function checkText(
  value: unknown,
  field: string,
  label: string,
  max: number,
  required = true,
): RuleViolation | null {
  const s = typeof value === 'string' ? value.trim() : '';
  if (s === '') return required ? violation('FIELD_REQUIRED', `${label}不能为空`, field) : null;
  if (Array.from(s).length > max) return violation('TOO_LONG', `${label}不能超过 ${max} 个字`, field);
  return null;
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function push(list: RuleViolation[], v: RuleViolation | null): void {
  if (v) list.push(v);
}
