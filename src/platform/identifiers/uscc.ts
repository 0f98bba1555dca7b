import { type RuleViolation, violation } from './violation.ts';

/**
 * 统一社会信用代码 (USCC), GB 32100-2015:
 *   position 1      登记管理部门代码 (registration authority, e.g. 1 机构编制, 5 民政, 9 工商/市场监管)
 *   position 2      机构类别代码 (organisation type within that authority, e.g. 11 = 机关, 12 = 事业单位)
 *   positions 3–8   登记管理机关行政区划码 (GB/T 2260 region code of the registering authority)
 *   positions 9–17  主体标识码 (the former 组织机构代码, GB 11714, itself ending in a check character)
 *   position 18     校验码 computed over the first 17 (mod 31)
 * Letters I, O, Z, S, V are never used. Only upper case is valid; normalise before validating.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$/;
const USCC_BODY_PATTERN = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{17}$/;

/** Labels of the registration authorities and organisation types we are sure of (GB 32100-2015 table). */
export const USCC_AUTHORITIES: Readonly<
  Record<string, { label: string; types: Readonly<Record<string, string>> }>
> = {
  '1': { label: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '群众团体', '9': '其他' } },
  '5': { label: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '9': { label: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  Y: { label: '其他', types: {} },
};

export type UsccParts = {
  uscc: string;
  /** 登记管理部门代码 (position 1). */
  registrationAuthority: string;
  registrationAuthorityLabel: string | null;
  /** 机构类别代码 (position 2). */
  organisationType: string;
  organisationTypeLabel: string | null;
  /** 登记管理机关行政区划码 (positions 3–8); `100000` is used for national-level registration. */
  regionCode: string;
  /** 主体标识码 (positions 9–17). */
  subjectCode: string;
  checkChar: string;
};

/** The check character for the first 17 characters. Throws if they are not 17 valid USCC characters. */
export function usccCheckChar(first17: string): string {
  if (!USCC_BODY_PATTERN.test(first17)) {
    throw new RangeError(`USCC body must be 17 characters of ${USCC_CHARSET}: ${first17}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  // GB 32100-2015 §5: C18 = 31 − (Σ mod 31); a result of 31 is written as 0.
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The full 18-character code for a 17-character body (used to build demo data). */
export function makeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}

/**
 * Check character of a 9-character 组织机构代码 (GB 11714-1997) over its first 8 characters
 * (digits and upper-case letters, A = 10 … Z = 35): 11 − (Σ mod 11), 10 → X, 11 → 0.
 */
export function organisationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8))
    throw new RangeError(`organisation code body must be 8 characters: ${first8}`);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8[i]!, 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Code `INVALID_USCC`. Strict: expects the normalised form (see `normalizeUscc`). */
export function validateUscc(value: unknown, field = 'uscc'): RuleViolation | null {
  if (
    typeof value === 'string' &&
    USCC_PATTERN.test(value) &&
    usccCheckChar(value.slice(0, 17)) === value[17]
  ) {
    return null;
  }
  return violation('INVALID_USCC', '统一社会信用代码格式不正确或校验位错误', field);
}

/** Trim and upper-case, as people type codes in lower case or with spaces around them. */
export function normalizeUscc(value: string): string {
  return value.trim().toUpperCase();
}

/** Splits a valid USCC into its parts, or answers the violation. */
export function parseUscc(value: unknown, field = 'uscc'): UsccParts | RuleViolation {
  const v = validateUscc(value, field);
  if (v) return v;
  const s = value as string;
  const authority = USCC_AUTHORITIES[s[0]!];
  return {
    uscc: s,
    registrationAuthority: s[0]!,
    registrationAuthorityLabel: authority?.label ?? null,
    organisationType: s[1]!,
    organisationTypeLabel: authority?.types[s[1]!] ?? null,
    regionCode: s.slice(2, 8),
    subjectCode: s.slice(8, 17),
    checkChar: s[17]!,
  };
}
