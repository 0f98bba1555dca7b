/**
 * The one shape of a rule failure, used by every validator in the platform. The HTTP layer turns it into
 * `{ error: { code, message, field } }` (docs/api.md); the message is Chinese and names the field.
 */
export type RuleViolation = {
  /** Stable machine code, e.g. `INVALID_USCC`. Never reworded once published. */
  code: string;
  /** 中文说明, shown to the user as is. */
  message: string;
  /** The input field concerned (API field name, dotted path for nested fields, e.g. `entrustment.termEnd`). */
  field?: string;
};

export function violation(code: string, message: string, field?: string): RuleViolation {
  return field === undefined ? { code, message } : { code, message, field };
}

/** Tells a violation apart from a successful parse result that also carries a `code` (e.g. a region). */
export function isRuleViolation(value: unknown): value is RuleViolation {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
