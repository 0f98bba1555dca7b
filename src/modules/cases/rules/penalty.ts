/**
 * Penalty terms and the rules that depend on them: which penalties open the hearing (行政处罚法 art. 63),
 * which may be decided on the spot (art. 51), and that a decision is never heavier than what the rights
 * notice announced (art. 45 para 2). Money is integer fen; thresholds come from the rulebook in yuan.
 */
import { formatYuan } from '../../../platform/identifiers/money.ts';

export { formatYuan };

import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import type { RuleKey } from '../../../platform/rulebook/defaults.ts';
import { type ResolvedRulebook, ruleValue } from '../../../platform/rulebook/resolve.ts';
import {
  PARTY_TYPE_LABELS,
  type PartyType,
  PENALTY_KIND_LABELS,
  PENALTY_KINDS,
  type PenaltyKind,
  type PenaltyTerms,
} from './types.ts';

export { PENALTY_KIND_LABELS };

const AMOUNT_FIELDS = [
  ['fineFen', 'fine', '罚款数额'],
  ['confiscatedGainsFen', 'confiscate_illegal_gains', '没收违法所得数额'],
  ['confiscatedPropertyFen', 'confiscate_illegal_property', '没收非法财物价值'],
] as const;

/** Yuan (as the rulebook states thresholds) to integer fen. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type PenaltyParse = { ok: true; value: PenaltyTerms } | { ok: false; violations: RuleViolation[] };

/**
 * Parses penalty terms from a payload. Kinds are known and distinct; every amount is a positive safe
 * integer of fen and comes with its kind (a fine needs an amount, an amount needs its kind).
 */
export function parsePenaltyTerms(input: unknown, field = 'penalty'): PenaltyParse {
  const bad = (message: string, at = field) => violation('INVALID_PENALTY', message, at);
  if (!isRecord(input)) return { ok: false, violations: [bad('处罚内容必须填写')] };
  const out: RuleViolation[] = [];
  const kinds = input.kinds;
  if (!Array.isArray(kinds) || kinds.length === 0) {
    out.push(bad('至少选择一种处罚种类', `${field}.kinds`));
  } else {
    const seen = new Set<string>();
    for (const k of kinds) {
      if (typeof k !== 'string' || !(PENALTY_KINDS as readonly string[]).includes(k)) {
        out.push(bad(`未知的处罚种类“${String(k)}”（行政处罚法第九条）`, `${field}.kinds`));
      } else if (seen.has(k)) {
        out.push(bad(`处罚种类“${PENALTY_KIND_LABELS[k as PenaltyKind]}”重复`, `${field}.kinds`));
      }
      seen.add(String(k));
    }
  }
  const value: { -readonly [K in keyof PenaltyTerms]: PenaltyTerms[K] } = {
    kinds: Array.isArray(kinds) ? (kinds as PenaltyKind[]) : [],
  };
  for (const [key, kind, label] of AMOUNT_FIELDS) {
    const amount = input[key];
    const hasKind = Array.isArray(kinds) && kinds.includes(kind);
    if (amount === undefined || amount === null) {
      if (hasKind) out.push(bad(`选择了“${PENALTY_KIND_LABELS[kind]}”，须填写${label}`, `${field}.${key}`));
      continue;
    }
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      out.push(bad(`${label}必须是以分为单位的正整数`, `${field}.${key}`));
    } else if (!hasKind) {
      out.push(bad(`填写了${label}，但处罚种类中没有“${PENALTY_KIND_LABELS[kind]}”`, `${field}.${key}`));
    } else {
      value[key] = amount;
    }
  }
  if (input.otherSevere !== undefined) {
    if (typeof input.otherSevere !== 'boolean')
      out.push(bad('“其他较重的行政处罚”须为是或否', `${field}.otherSevere`));
    else if (input.otherSevere) value.otherSevere = true;
  }
  return out.length > 0 ? { ok: false, violations: out } : { ok: true, value };
}

/** Natural persons (and 个体工商户, 民法典 art. 54) take the citizen's thresholds; the rest the organisation's. */
function isNaturalPerson(party: PartyType): boolean {
  return party === 'natural_person' || party === 'individual_business';
}

function threshold(
  rulebook: ResolvedRulebook,
  party: PartyType,
  person: RuleKey,
  organisation: RuleKey,
): number {
  return yuanToFen(ruleValue(rulebook, isNaturalPerson(party) ? person : organisation));
}

export type HearingEligibility = { eligible: boolean; basis: string[] };

/**
 * 行政处罚法 art. 63: the party has the right to a hearing before (1) a large fine, (2) confiscation of a
 * large amount of gains or of property of large value, (3) 降低资质等级、吊销许可证件, (4) 责令停产停业、
 * 责令关闭、限制从业, (5) other severe penalties, (6) other cases a law or rule names. "较大数额" is set per
 * province or ministry: the amounts come from the region's rulebook, and "以上" includes the amount.
 */
export function hearingEligibility(
  terms: PenaltyTerms,
  party: PartyType,
  rulebook: ResolvedRulebook,
): HearingEligibility {
  const basis: string[] = [];
  const largeFine = threshold(
    rulebook,
    party,
    'hearingLargeFineNaturalPersonYuan',
    'hearingLargeFineOrganisationYuan',
  );
  const largeConfiscation = threshold(
    rulebook,
    party,
    'hearingLargeConfiscationNaturalPersonYuan',
    'hearingLargeConfiscationOrganisationYuan',
  );
  const who = PARTY_TYPE_LABELS[party];
  if ((terms.fineFen ?? 0) >= largeFine) {
    basis.push(`较大数额罚款（对${who}${formatYuan(largeFine)}以上，第六十三条第一款第（一）项）`);
  }
  if ((terms.confiscatedGainsFen ?? 0) >= largeConfiscation) {
    basis.push(`没收较大数额违法所得（${formatYuan(largeConfiscation)}以上，第六十三条第一款第（二）项）`);
  }
  if ((terms.confiscatedPropertyFen ?? 0) >= largeConfiscation) {
    basis.push(`没收较大价值非法财物（${formatYuan(largeConfiscation)}以上，第六十三条第一款第（二）项）`);
  }
  const byKind: [PenaltyKind, string][] = [
    ['qualification_downgrade', '（三）'],
    ['licence_revocation', '（三）'],
    ['suspension_of_business', '（四）'],
    ['closure', '（四）'],
    ['employment_restriction', '（四）'],
  ];
  for (const [kind, item] of byKind) {
    if (terms.kinds.includes(kind)) basis.push(`${PENALTY_KIND_LABELS[kind]}（第六十三条第一款第${item}项）`);
  }
  if (terms.otherSevere)
    basis.push('其他较重的行政处罚或法律、法规、规章规定的其他情形（第六十三条第一款第（五）、（六）项）');
  return { eligible: basis.length > 0, basis };
}

/**
 * 行政处罚法 art. 51: on the spot only a warning, or a fine of at most 200 yuan for a citizen or 3,000
 * yuan for a legal person or other organisation ("以下" includes the amount); anything else goes through
 * the ordinary procedure.
 */
export function checkSummaryEligible(
  terms: PenaltyTerms,
  party: PartyType,
  rulebook: ResolvedRulebook,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const others = terms.kinds.filter((k) => k !== 'warning' && k !== 'fine');
  if (others.length > 0) {
    const names = others.map((k) => PENALTY_KIND_LABELS[k]).join('、');
    out.push(
      violation(
        'SUMMARY_PENALTY_KIND_NOT_ALLOWED',
        `简易程序只能当场给予警告或者罚款，“${names}”应当适用普通程序（行政处罚法第五十一条）`,
        'penalty.kinds',
      ),
    );
  }
  const max = threshold(rulebook, party, 'summaryFineMaxNaturalPersonYuan', 'summaryFineMaxOrganisationYuan');
  if ((terms.fineFen ?? 0) > max) {
    out.push(
      violation(
        'SUMMARY_FINE_TOO_HIGH',
        `当场处罚对${PARTY_TYPE_LABELS[party]}的罚款不得超过${formatYuan(max)}，拟罚款${formatYuan(terms.fineFen ?? 0)}，应当适用普通程序（行政处罚法第五十一条）`,
        'penalty.fineFen',
      ),
    );
  }
  return out;
}

/**
 * 行政处罚法 art. 45 para 2: the decision may not be heavier than the penalty the party was told of.
 * Heavier = a kind not announced, or a larger amount. A heavier penalty needs a new rights notice.
 */
export function heavierThanNotified(decided: PenaltyTerms, notified: PenaltyTerms): string[] {
  const reasons: string[] = [];
  for (const kind of decided.kinds) {
    if (!notified.kinds.includes(kind)) reasons.push(`增加了告知时没有的“${PENALTY_KIND_LABELS[kind]}”`);
  }
  for (const [key, , label] of AMOUNT_FIELDS) {
    const d = decided[key] ?? 0;
    const n = notified[key] ?? 0;
    if (d > n) reasons.push(`${label}${formatYuan(d)}高于告知的${formatYuan(n)}`);
  }
  return reasons;
}

/** The same penalty: the same kinds (in any order), amounts and 其他较重 mark (absent amounts count as 0). */
export function penaltyTermsEqual(a: PenaltyTerms, b: PenaltyTerms): boolean {
  const kinds = (t: PenaltyTerms) => [...new Set(t.kinds)].sort().join();
  return (
    kinds(a) === kinds(b) &&
    AMOUNT_FIELDS.every(([key]) => (a[key] ?? 0) === (b[key] ?? 0)) &&
    Boolean(a.otherSevere) === Boolean(b.otherSevere)
  );
}
