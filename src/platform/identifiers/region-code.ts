import { type RuleViolation, violation } from './violation.ts';

/**
 * 行政区划代码, GB/T 2260 (six digits) and GB/T 10114 township codes (nine digits).
 *
 * Our rule, kept deliberately simple (we read the code's shape, we do not look it up in a register):
 *   XX0000      province (省级). XX must be one of the 34 province-level codes below.
 *   XXYY00      city (地级), YY ≠ 00. Includes the 直辖市 groupings XX0100 (市辖区) and XX0200 (县), and the
 *               XX90 grouping of 省直辖县级行政区划 (e.g. 429000), which we treat as city level.
 *   XXYYZZ      county (县级), YY ≠ 00 and ZZ ≠ 00. Its parent is XXYY00: the parent of 110105 (朝阳区)
 *               is 110100, and of 429004 (仙桃市) is 429000.
 *   XXYYZZNNN   township (乡级), NNN ≠ 000, under a county code, or under a city code for the
 *               prefecture-level cities without counties (e.g. 东莞 441900). Its parent is the first 6 digits.
 * Codes of the form XX00ZZ (a county directly under a province code) do not occur and are refused.
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export type RegionCodeInfo = {
  code: string;
  level: RegionLevel;
  parentCode: string | null;
};

/** Province-level codes in GB/T 2260 (31 provinces, 台湾 71, 香港 81, 澳门 82). Unchanged since 1997. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export const REGION_LEVEL_LABELS: Readonly<Record<RegionLevel, string>> = {
  province: '省级',
  city: '地级',
  county: '县级',
  township: '乡级',
};

function invalid(reason: string, field: string): RuleViolation {
  return violation('INVALID_REGION_CODE', `行政区划代码不正确：${reason}`, field);
}

export function parseRegionCode(value: unknown, field = 'regionCode'): RegionCodeInfo | RuleViolation {
  if (typeof value !== 'string' || !/^(\d{6}|\d{9})$/.test(value)) {
    return invalid('应为 6 位（省、市、县）或 9 位（乡镇、街道）数字', field);
  }
  const province = value.slice(0, 2);
  const city = value.slice(2, 4);
  const county = value.slice(4, 6);
  if (!PROVINCE_CODES.has(province)) return invalid(`前两位“${province}”不是省级行政区划代码`, field);
  if (value.length === 9) {
    if (value.slice(6) === '000') return invalid('乡级代码后三位不能为 000', field);
    if (city === '00') return invalid('乡级代码须位于市级或县级行政区划之下', field);
    return { code: value, level: 'township', parentCode: value.slice(0, 6) };
  }
  if (city === '00') {
    if (county !== '00') return invalid('县级代码的第三、四位不能为 00', field);
    return { code: value, level: 'province', parentCode: null };
  }
  if (county === '00') return { code: value, level: 'city', parentCode: `${province}0000` };
  return { code: value, level: 'county', parentCode: `${province}${city}00` };
}

/** Convenience for input validation: code `INVALID_REGION_CODE`, or null. */
export function validateRegionCode(value: unknown, field = 'regionCode'): RuleViolation | null {
  const r = parseRegionCode(value, field);
  return 'level' in r ? null : r;
}

/** Number of leading digits a region shares with everything inside it. */
const PREFIX_LENGTH: Readonly<Record<RegionLevel, number>> = { province: 2, city: 4, county: 6, township: 9 };

/**
 * The leading digits every code inside `code` shares (province 2, city 4, county 6, township all 9),
 * e.g. for a `LIKE prefix%` scope. Throws RangeError on an invalid code: an empty or short prefix would
 * widen a scope, so a bad code must never reach a query.
 */
export function regionPrefix(code: string): string {
  const r = parseRegionCode(code);
  if (!('level' in r)) throw new RangeError(`invalid region code: ${code}`);
  return r.code.slice(0, PREFIX_LENGTH[r.level]);
}

/**
 * True when `code` is `scopeCode` or lies inside it (by code prefix: province 2 digits, city 4,
 * county 6). Invalid codes are never within anything.
 */
export function isWithinRegion(code: string, scopeCode: string): boolean {
  const target = parseRegionCode(code);
  const scope = parseRegionCode(scopeCode);
  if (!('level' in target) || !('level' in scope)) return false;
  if (target.code === scope.code) return true;
  return target.code.startsWith(regionPrefix(scope.code));
}
