/**
 * A region's rulebook, pure part (REQUIREMENTS "Rules differ by place"): every parameter of
 * RULEBOOK_DEFAULTS may be overridden by a region's own versioned layer where its documents say so; a
 * region inherits from its parent (township → county → city → province), and the national defaults sit
 * under all of them. Storage of the layers is not here: a store loads the current layer of each region
 * on the chain (`regionChain`) and calls `resolveRulebook`.
 *
 * The result records, per key, which layer defined it and its source, and one combined version string
 * that every computed clock or indicator stores ("which rulebook version it was computed under").
 */
import { DAYS_RANGE, MONTHS_RANGE } from '../calendar/rules.ts';
import { parseRegionCode } from '../identifiers/region-code.ts';
import { type RuleViolation, violation } from '../identifiers/violation.ts';
import {
  RULEBOOK_DEFAULTS,
  type Rulebook,
  type RuleKey,
  type RuleOrigin,
  type RuleParameter,
  type RuleSource,
} from './defaults.ts';

/** One value a region sets for itself, with the document that says so. */
export type RuleOverride = { value: number; source: RuleSource };

/** One version of one region's layer. Versions of a region increase; a store keeps the old ones. */
export type RegionRulebook = {
  regionCode: string;
  version: number;
  overrides: Readonly<Partial<Record<RuleKey, RuleOverride>>>;
};

/** `national` for the defaults, otherwise the code of the region whose layer set the value. */
export type ResolvedParameter = Readonly<RuleParameter & { definedBy: string }>;

export type ResolvedRulebook = {
  /** The region resolved for; null for the national defaults alone. */
  regionCode: string | null;
  /** e.g. `national:3f2a91c0/340000:2/340300:5`, parent first. Store it with every computed result. */
  version: string;
  params: Readonly<Record<RuleKey, ResolvedParameter>>;
};

/**
 * Keys a region may not override, with the reason. Each is fixed by a law that only another *law* may
 * change ("法律另有规定的除外"), or is deployment-wide rather than a rule of a place.
 */
export const NOT_OVERRIDABLE_BY_REGION: Readonly<Partial<Record<RuleKey, string>>> = {
  minOfficersPerAction: '行政处罚法第四十二条规定执法人员不得少于两人，仅法律可作例外规定',
  summaryFineMaxNaturalPersonYuan: '行政处罚法第五十一条规定的当场处罚限额，仅法律可作例外规定',
  summaryFineMaxOrganisationYuan: '行政处罚法第五十一条规定的当场处罚限额，仅法律可作例外规定',
  hearingRequestWorkingDays: '行政处罚法第六十四条规定的期限，地方不得变更',
  hearingNoticeWorkingDays: '行政处罚法第六十四条规定的期限，地方不得变更',
  serviceWorkingDays: '行政处罚法第六十一条规定的期限，地方不得变更',
  paymentDays: '行政处罚法第六十七条规定的期限，地方不得变更',
  lateSurchargePercentPerDay: '行政处罚法第七十二条规定的加处罚款标准，地方不得变更',
  coerciveTermDays: '行政强制法第二十五条规定的期限，仅法律、行政法规可作例外规定',
  coerciveExtensionDays: '行政强制法第二十五条规定的期限，仅法律、行政法规可作例外规定',
  demandNoticeWaitWorkingDays: '行政强制法第五十四条规定的期限，地方不得变更',
  reconsiderationDays: '行政复议法第二十条规定的申请期限，仅法律可规定更长期限',
  litigationMonths: '行政诉讼法第四十六条规定的起诉期限，仅法律可作例外规定',
  courtEnforcementApplicationMonths: '行政强制法第五十三条规定的期限，地方不得变更',
  onSpotCollectionMaxYuan: '行政处罚法第六十八条规定的当场收缴限额，仅法律可作例外规定',
  onSpotRemittanceWorkingDays: '行政处罚法第七十一条规定的期限，地方不得变更',
  bankDepositWorkingDays: '行政处罚法第七十一条规定的期限，地方不得变更',
  evidencePreservationWorkingDays: '行政处罚法第五十六条规定的期限，地方不得变更',
  limitationMonths: '行政处罚法第三十六条规定的追责期限，仅法律可作例外规定',
  limitationSafetyMonths: '行政处罚法第三十六条规定的追责期限，仅法律可作例外规定',
  loginMaxFailures: '平台安全策略对整个部署统一适用',
  loginLockoutMinutes: '平台安全策略对整个部署统一适用',
  sessionIdleHours: '平台安全策略对整个部署统一适用',
  sessionAbsoluteHours: '平台安全策略对整个部署统一适用',
};

export class RulebookError extends Error {
  readonly code = 'INVALID_RULEBOOK';
  readonly violations: RuleViolation[];
  constructor(violations: RuleViolation[]) {
    super(`规则库数据无效：${violations[0]?.message ?? ''}`);
    this.name = 'RulebookError';
    this.violations = violations;
  }
}

/** FNV-1a (32 bit) of the defaults, so a change of a default in code changes every version string. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The region itself, then its parent, up to the province: the order layers apply (child wins). */
export function regionChain(regionCode: string): string[] {
  const chain: string[] = [];
  let code: string | null = regionCode;
  while (code !== null) {
    const info = parseRegionCode(code);
    if (!('level' in info)) throw new RulebookError([info]);
    chain.push(info.code);
    code = info.parentCode;
  }
  return chain;
}

function checkValue(key: RuleKey, value: unknown, field: string, unitOf: Rulebook): RuleViolation[] {
  const unit = unitOf[key].unit;
  const bad = (why: string) => [violation('INVALID_RULE_VALUE', `规则“${key}”的取值${why}`, field)];
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return bad('必须是正数');
  switch (unit) {
    case 'days':
    case 'working_days':
      return Number.isInteger(value) && value >= DAYS_RANGE.min && value <= DAYS_RANGE.max
        ? []
        : bad(`必须是${DAYS_RANGE.min}至${DAYS_RANGE.max}之间的整数天数`);
    case 'months':
      return Number.isInteger(value) && value >= MONTHS_RANGE.min && value <= MONTHS_RANGE.max
        ? []
        : bad(`必须是${MONTHS_RANGE.min}至${MONTHS_RANGE.max}之间的整数月数`);
    case 'ratio':
      return value <= 1 ? [] : bad('是比例，不能大于1');
    case 'percent_per_day':
      return value <= 100 ? [] : bad('是百分比，不能大于100');
    case 'yuan':
      // Amounts are compared in integer fen; a value with fractions of a fen cannot be compared exactly.
      return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6 ? [] : bad('最小单位为分');
    default:
      return Number.isInteger(value) ? [] : bad('必须是整数');
  }
}

/**
 * Checks one layer as an admin would store it: a valid region code, a positive integer version, known
 * and overridable keys, values in the key's unit, and a Chinese source for each value.
 */
export function validateRegionRulebook(
  input: unknown,
  defaults: Rulebook = RULEBOOK_DEFAULTS,
): RuleViolation[] {
  if (!isRecord(input)) return [violation('INVALID_RULEBOOK', '地区规则库必须是对象')];
  const out: RuleViolation[] = [];
  const region = parseRegionCode(input.regionCode, 'regionCode');
  if (!('level' in region)) out.push(region);
  if (typeof input.version !== 'number' || !Number.isInteger(input.version) || input.version < 1) {
    out.push(violation('INVALID_RULEBOOK_VERSION', '规则库版本号必须是正整数', 'version'));
  }
  if (!isRecord(input.overrides)) {
    out.push(violation('INVALID_RULEBOOK', '规则覆盖项必须是对象', 'overrides'));
    return out;
  }
  for (const [key, override] of Object.entries(input.overrides)) {
    const field = `overrides.${key}`;
    if (!Object.hasOwn(defaults, key)) {
      out.push(violation('UNKNOWN_RULE_KEY', `未知的规则“${key}”`, field));
      continue;
    }
    const ruleKey = key as RuleKey;
    const fixed = NOT_OVERRIDABLE_BY_REGION[ruleKey];
    if (fixed) {
      out.push(violation('RULE_NOT_OVERRIDABLE', `规则“${key}”不能由地区覆盖：${fixed}`, field));
      continue;
    }
    if (!isRecord(override)) {
      out.push(violation('INVALID_RULE_VALUE', `规则“${key}”的覆盖项必须是对象`, field));
      continue;
    }
    out.push(...checkValue(ruleKey, override.value, `${field}.value`, defaults));
    const source = override.source;
    if (!isRecord(source) || typeof source.zh !== 'string' || !/[\u4e00-\u9fff]/.test(source.zh)) {
      out.push(
        violation('RULE_SOURCE_REQUIRED', `规则“${key}”的地方取值必须注明中文出处`, `${field}.source.zh`),
      );
    }
  }
  return out;
}

/**
 * The effective rulebook of `regionCode`: for each key the value of the nearest layer on the chain
 * (the region, then its parent, …), else the national default. `layers` holds at most one layer per
 * region, each on the chain; anything else is a store bug and throws RulebookError.
 */
export function resolveRulebook(
  regionCode: string | null,
  layers: readonly RegionRulebook[] = [],
  defaults: Rulebook = RULEBOOK_DEFAULTS,
): ResolvedRulebook {
  const chain = regionCode === null ? [] : regionChain(regionCode);
  const byRegion = new Map<string, RegionRulebook>();
  const problems: RuleViolation[] = [];
  for (const layer of layers) {
    problems.push(...validateRegionRulebook(layer, defaults));
    if (!chain.includes(layer.regionCode)) {
      problems.push(
        violation(
          'RULEBOOK_NOT_ON_CHAIN',
          `地区 ${layer.regionCode} 的规则库不适用于 ${regionCode ?? '全国'}`,
        ),
      );
    }
    if (byRegion.has(layer.regionCode)) {
      problems.push(violation('DUPLICATE_RULEBOOK', `地区 ${layer.regionCode} 的规则库重复`));
    }
    byRegion.set(layer.regionCode, layer);
  }
  if (problems.length > 0) throw new RulebookError(problems);

  const params = {} as Record<RuleKey, ResolvedParameter>;
  for (const key of Object.keys(defaults) as RuleKey[]) {
    const base = defaults[key];
    let resolved: ResolvedParameter = Object.freeze({ ...base, definedBy: 'national' });
    for (const code of chain) {
      const override = byRegion.get(code)?.overrides[key];
      if (override) {
        const origin: RuleOrigin = 'local';
        resolved = Object.freeze({
          value: override.value,
          unit: base.unit,
          origin,
          source: Object.freeze({ ...override.source }),
          definedBy: code,
        });
        break;
      }
    }
    params[key] = resolved;
  }
  const parts = [`national:${fingerprint(JSON.stringify(defaults))}`];
  for (const code of [...chain].reverse()) {
    const layer = byRegion.get(code);
    if (layer) parts.push(`${code}:${layer.version}`);
  }
  return Object.freeze({ regionCode, version: parts.join('/'), params: Object.freeze(params) });
}

/** The national defaults alone (tests, and regions without a layer of their own). */
export function nationalRulebook(defaults: Rulebook = RULEBOOK_DEFAULTS): ResolvedRulebook {
  return resolveRulebook(null, [], defaults);
}

/** The value of a key; the one accessor rules use so that no number is written as a literal. */
export function ruleValue(rulebook: ResolvedRulebook, key: RuleKey): number {
  return rulebook.params[key].value;
}
