import { formatYuan } from '../../../platform/identifiers/money.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';

// 执法决定公开 (P8–P11): what a public notice of a decision says, which decisions are withheld and why,
// when a published one must be withdrawn, and how long it stays on the portal. Pure: the publicity
// service feeds it the case's decision and the redaction.

export const DECISION_CATEGORIES = ['penalty', 'no_penalty', 'coercive', 'inspection'] as const;
export type DecisionCategory = (typeof DECISION_CATEGORIES)[number];
/** 执法类别 as the portal names it. */
export const DECISION_CATEGORY_LABELS: Readonly<Record<DecisionCategory, string>> = {
  penalty: '行政处罚',
  no_penalty: '不予行政处罚',
  coercive: '行政强制',
  inspection: '行政检查',
};

export const PUBLICATION_STATUSES = [
  'pending',
  'published',
  'withheld',
  'withdrawn',
  'expired',
  'removed',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const PUBLICATION_STATUS_LABELS: Readonly<Record<PublicationStatus, string>> = {
  pending: '待公开',
  published: '已公开',
  withheld: '依法不予公开',
  withdrawn: '已撤下',
  expired: '公示期满',
  removed: '信用修复后提前撤下',
};

/**
 * Why a decision is not published. 行政处罚法 art. 48 (具有一定社会影响的决定公开) and the 118号 guideline
 * (涉及国家秘密、商业秘密、个人隐私的除外); minors' cases are not published (未成年人保护法 art. 110 on
 * 个人信息 of minors in proceedings). Under the seeds' rule every penalty decision is due, so "no social
 * impact" (art. 48's narrower test) is not a reason here.
 */
export const WITHHOLD_REASONS = ['minor', 'state_secret', 'trade_secret', 'privacy', 'other_law'] as const;
export type WithholdReason = (typeof WITHHOLD_REASONS)[number];
export const WITHHOLD_REASON_LABELS: Readonly<Record<WithholdReason, string>> = {
  minor: '当事人为未成年人',
  state_secret: '主要内容涉及国家秘密',
  trade_secret: '主要内容涉及商业秘密',
  privacy: '主要内容涉及个人隐私',
  other_law: '法律、行政法规另有规定',
};

/**
 * Why a published decision is withdrawn: 行政处罚法 art. 48 para 2 (变更、撤销、确认违法、确认无效) and the
 * Bengbu task list item 12 (撤销、确认违法、要求重新作出) — within 3 working days, the reason published.
 */
export const WITHDRAWAL_REASONS = [
  'revoked',
  'confirmed_illegal',
  'remade',
  'changed',
  'confirmed_void',
] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];
export const WITHDRAWAL_REASON_LABELS: Readonly<Record<WithdrawalReason, string>> = {
  revoked: '原执法决定被依法撤销',
  confirmed_illegal: '原执法决定被确认违法',
  remade: '原执法决定被要求重新作出',
  changed: '原执法决定被依法变更',
  confirmed_void: '原执法决定被确认无效',
};

/** 行政相对人类别 as the 双公示 formats write it. */
export const PARTY_CATEGORY_LABELS = {
  natural_person: '自然人',
  legal_person: '法人及非法人组织',
  other_organisation: '法人及非法人组织',
  individual_business: '个体工商户',
} as const;
export type PartyType = keyof typeof PARTY_CATEGORY_LABELS;

/** The public notice as the portal shows it: nothing here may identify a natural person. */
export interface PublicNotice {
  agencyName: string;
  agencyUscc: string;
  category: DecisionCategory;
  categoryLabel: string;
  itemName: string;
  /** 执法对象: an organisation's name, or a natural person's masked name. */
  partyName: string;
  partyCategory: string;
  /** 统一社会信用代码 of an organisation or 个体工商户; never a natural person's ID number. */
  partyCode: string | null;
  /** 法定代表人 of an organisation (public in the business register); never for a natural person. */
  legalRepresentative: string | null;
  documentNumber: string | null;
  /** 违法行为类型 / 案由. */
  caseCause: string;
  facts: string;
  violatedProvision: string;
  legalBasis: string;
  penaltyKinds: string[];
  /** 执法结论 / 处罚内容, in words. */
  content: string;
  fineFen: number | null;
  confiscatedFen: number | null;
  decidedOn: string;
}

/** The kinds a penalty has, in words, and its content ("警告；罚款人民币5,000元"). */
export function penaltyContent(
  kinds: readonly string[],
  amounts: { fineFen?: number | undefined; gainsFen?: number | undefined; propertyFen?: number | undefined },
  labels: Readonly<Record<string, string>>,
): string {
  const parts = kinds.map((k) => {
    const label = labels[k] ?? k;
    if (k === 'fine' && amounts.fineFen) return `${label}人民币${formatYuan(amounts.fineFen)}`;
    if (k === 'confiscate_illegal_gains' && amounts.gainsFen)
      return `${label}人民币${formatYuan(amounts.gainsFen)}`;
    if (k === 'confiscate_illegal_property' && amounts.propertyFen)
      return `${label}（价值人民币${formatYuan(amounts.propertyFen)}）`;
    return label;
  });
  return parts.join('；');
}

/**
 * 公示期: at least 3 months and at most 3 years; at least 1 year for 特种设备、安全生产、消防 (the 信用中国
 * practice the issue cites, 《失信行为纠正后的信用信息修复管理办法（试行）》). The numbers are the rulebook's.
 */
export function periodBounds(
  sectorText: string,
  rule: { minMonths: number; maxMonths: number; safetyMinMonths: number },
): { minMonths: number; maxMonths: number; longSector: boolean } {
  const longSector = LONG_PERIOD_SECTOR.test(sectorText);
  return {
    minMonths: longSector ? rule.safetyMinMonths : rule.minMonths,
    maxMonths: rule.maxMonths,
    longSector,
  };
}
const LONG_PERIOD_SECTOR = /特种设备|安全生产|消防/;

/** The chosen period, refused outside its bounds. */
export function checkPeriod(
  months: number,
  bounds: { minMonths: number; maxMonths: number; longSector: boolean },
): RuleViolation[] {
  if (!Number.isInteger(months) || months < bounds.minMonths || months > bounds.maxMonths) {
    const why = bounds.longSector ? '（特种设备、安全生产、消防领域至少一年）' : '';
    return [
      violation(
        'PUBLICATION_PERIOD_OUT_OF_RANGE',
        `公示期须在${bounds.minMonths}个月至${bounds.maxMonths}个月之间${why}`,
        'periodMonths',
      ),
    ];
  }
  return [];
}

/** The corresponding day `months` later, else that month's last day (民法典 art. 202). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a published notice is on the portal on `today`: published, not withdrawn, period not over. */
export function shownOnPortal(p: { status: string; periodUntil: string | null }, today: string): boolean {
  return p.status === 'published' && (p.periodUntil === null || today <= p.periodUntil);
}

/** What the portal says of a notice's state on `today` (公示期满 once its period ran out). */
export function statusOn(
  p: { status: string; periodUntil: string | null },
  today: string,
): PublicationStatus {
  if (p.status === 'published' && p.periodUntil !== null && today > p.periodUntil) return 'expired';
  return p.status as PublicationStatus;
}

/**
 * Search tokens of a text: every CJK character and bigram, plus Latin/digit words. Searching by bigrams
 * finds any substring without a dictionary, the same on PGlite and PostgreSQL (a plain
 * `to_tsvector('simple', …)` GIN index, no extension).
 */
export function searchTokens(text: string): string[] {
  const out = new Set<string>();
  const norm = text.normalize('NFKC').toLowerCase();
  for (const run of norm.match(/[\u3400-\u9fff]+/g) ?? []) {
    const chars = [...run];
    for (const c of chars) out.add(c);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  for (const w of norm.match(/[a-z0-9]+/g) ?? []) out.add(w);
  return [...out];
}

/** The tokens a notice must all contain to match a query: bigrams of longer runs, a lone character alone. */
export function queryTokens(q: string): string[] {
  const out = new Set<string>();
  const norm = q.normalize('NFKC').toLowerCase();
  for (const run of norm.match(/[\u3400-\u9fff]+/g) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  for (const w of norm.match(/[a-z0-9]+/g) ?? []) out.add(w);
  return [...out].slice(0, 32);
}
