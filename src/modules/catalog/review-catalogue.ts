/**
 * 重大执法决定法制审核目录清单 (review catalogue, L2): which decisions are "major" and need legal review
 * before they are taken (行政处罚法 art. 58; seed 000 item 29: 结合执法行为的类别、执法层级、所属领域、
 * 涉案金额等因素). The catalogue is data: each entry is a rule over the case's facts, and the platform
 * evaluates it and says which entry matched. Pure: no I/O.
 *
 * The party types and penalty kinds are defined here, in the lower module: cases re-exports them
 * (cases/rules/types.ts), as it depends on the catalog and never the reverse.
 */
import { formatYuan } from '../../platform/identifiers/money.ts';
import { type RuleViolation, violation } from '../../platform/identifiers/violation.ts';
import { ITEM_TYPE_LABELS, ITEM_TYPES, type ItemType } from './rules.ts';

/** 行政处罚法 art. 58(1) items 1–4. */
export const REVIEW_GROUNDS = [
  'major_public_interest',
  'major_rights',
  'complex_multiple_relations',
  'other_law',
] as const;
export type ReviewGround = (typeof REVIEW_GROUNDS)[number];
export const REVIEW_GROUND_LABELS: Record<ReviewGround, string> = {
  major_public_interest: '涉及重大公共利益',
  major_rights: '直接关系当事人或者第三人重大权益',
  complex_multiple_relations: '案件情况疑难复杂、涉及多个法律关系',
  other_law: '法律、法规规定应当进行法制审核的其他情形',
};

/** 当事人 kinds. */
export const PARTY_TYPES = [
  'natural_person',
  'legal_person',
  'other_organisation',
  'individual_business',
] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_TYPE_LABELS: Readonly<Record<PartyType, string>> = {
  natural_person: '公民',
  legal_person: '法人',
  other_organisation: '其他组织',
  individual_business: '个体工商户',
};

/** 行政处罚的种类 (行政处罚法 art. 9). */
export const PENALTY_KINDS = [
  'warning',
  'circulated_criticism',
  'fine',
  'confiscate_illegal_gains',
  'confiscate_illegal_property',
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
  'business_restriction',
  'suspension_of_business',
  'closure',
  'employment_restriction',
  'detention',
  'other',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];
export const PENALTY_KIND_LABELS: Readonly<Record<PenaltyKind, string>> = {
  warning: '警告',
  circulated_criticism: '通报批评',
  fine: '罚款',
  confiscate_illegal_gains: '没收违法所得',
  confiscate_illegal_property: '没收非法财物',
  licence_suspension: '暂扣许可证件',
  qualification_downgrade: '降低资质等级',
  licence_revocation: '吊销许可证件',
  business_restriction: '限制开展生产经营活动',
  suspension_of_business: '责令停产停业',
  closure: '责令关闭',
  employment_restriction: '限制从业',
  detention: '行政拘留',
  other: '法律、行政法规规定的其他行政处罚',
};

/** The amounts of a proposed or decided penalty the catalogue looks at (a subset of cases' PenaltyTerms). */
export type PenaltyTerms = {
  kinds: readonly PenaltyKind[];
  fineFen?: number;
  confiscatedGainsFen?: number;
  confiscatedPropertyFen?: number;
};

export type ReviewCondition =
  | { kind: 'fine_at_least'; fen: number } // 罚款金额达到
  | { kind: 'confiscation_at_least'; fen: number } // 没收违法所得和非法财物价值合计达到
  | { kind: 'seized_value_at_least'; fen: number } // 查封扣押财物价值达到
  | { kind: 'penalty_kind'; kinds: PenaltyKind[] } // 处罚种类包括其一
  | { kind: 'hearing_held' } // 经过听证程序
  | { kind: 'ground'; grounds: ReviewGround[] }; // 承办人员标记的第五十八条情形（其一）
export type ReviewConditionKind = ReviewCondition['kind'];

export const REVIEW_CONDITION_KINDS = [
  'fine_at_least',
  'confiscation_at_least',
  'seized_value_at_least',
  'penalty_kind',
  'hearing_held',
  'ground',
] as const satisfies readonly ReviewConditionKind[];

export const REVIEW_CONDITION_LABELS: Readonly<Record<ReviewConditionKind, string>> = {
  fine_at_least: '罚款金额达到',
  confiscation_at_least: '没收违法所得和非法财物价值合计达到',
  seized_value_at_least: '查封、扣押财物价值达到',
  penalty_kind: '处罚种类包括',
  hearing_held: '经过听证程序',
  ground: '属于第五十八条规定的情形',
};

export type ReviewCatalogueEntry = {
  id: string;
  label: string;
  actionTypes: ItemType[];
  partyTypes: PartyType[];
  conditions: ReviewCondition[];
};

/** An entry as the agency sends it: the id is the server's, kept when sent back; no party types = any. */
export type ReviewCatalogueEntryInput = Omit<ReviewCatalogueEntry, 'id' | 'partyTypes'> & {
  id?: string | undefined;
  partyTypes?: PartyType[] | undefined;
};

export type ReviewFacts = {
  actionType: ItemType;
  partyType: PartyType | null;
  penalty: PenaltyTerms | null;
  seizedValueFen: number | null;
  hearingHeld: boolean;
  grounds: readonly ReviewGround[];
};

function holds(c: ReviewCondition, f: ReviewFacts): boolean {
  switch (c.kind) {
    case 'fine_at_least':
      return f.penalty !== null && (f.penalty.fineFen ?? 0) >= c.fen;
    case 'confiscation_at_least':
      // 没收违法所得和非法财物: the two are added up, as the catalogues state one 合计 amount.
      return (
        f.penalty !== null &&
        (f.penalty.confiscatedGainsFen ?? 0) + (f.penalty.confiscatedPropertyFen ?? 0) >= c.fen
      );
    case 'seized_value_at_least':
      return f.seizedValueFen !== null && f.seizedValueFen >= c.fen;
    case 'penalty_kind':
      return f.penalty?.kinds.some((k) => c.kinds.includes(k)) ?? false;
    case 'hearing_held':
      return f.hearingHeld;
    case 'ground':
      return f.grounds.some((g) => c.grounds.includes(g));
  }
}

/**
 * The entries the case falls under, in catalogue order: the action type is listed, the party's type is
 * listed (none listed = any party), and every condition holds. None matched = no review required by
 * the catalogue.
 */
export function evaluateReviewCatalogue(
  entries: readonly ReviewCatalogueEntry[],
  facts: ReviewFacts,
): { entryId: string; label: string }[] {
  return entries
    .filter(
      (e) =>
        e.actionTypes.includes(facts.actionType) &&
        (e.partyTypes.length === 0 || (facts.partyType !== null && e.partyTypes.includes(facts.partyType))) &&
        e.conditions.length > 0 &&
        e.conditions.every((c) => holds(c, facts)),
    )
    .map((e) => ({ entryId: e.id, label: e.label }));
}

/** One condition in words, as the console and the published catalogue show it. */
export function describeCondition(c: ReviewCondition): string {
  switch (c.kind) {
    case 'fine_at_least':
    case 'confiscation_at_least':
    case 'seized_value_at_least':
      return `${REVIEW_CONDITION_LABELS[c.kind]}${formatYuan(c.fen)}`;
    case 'penalty_kind':
      return c.kinds.length === 1
        ? `处罚种类为${PENALTY_KIND_LABELS[c.kinds[0]!]}`
        : `处罚种类包括${c.kinds.map((k) => PENALTY_KIND_LABELS[k]).join('、')}之一`;
    case 'hearing_held':
      return '经过听证程序';
    case 'ground':
      return c.grounds.length === 1
        ? `属于“${REVIEW_GROUND_LABELS[c.grounds[0]!]}”情形（行政处罚法第五十八条）`
        : `属于下列情形之一（行政处罚法第五十八条）：${c.grounds.map((g) => REVIEW_GROUND_LABELS[g]).join('；')}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Validation: a catalogue the platform cannot evaluate is refused when it is saved, never at a case.

const ENTRY_KEYS = new Set(['id', 'label', 'actionTypes', 'partyTypes', 'conditions']);
const CONDITION_KEYS: Readonly<Record<ReviewConditionKind, readonly string[]>> = {
  fine_at_least: ['kind', 'fen'],
  confiscation_at_least: ['kind', 'fen'],
  seized_value_at_least: ['kind', 'fen'],
  penalty_kind: ['kind', 'kinds'],
  hearing_held: ['kind'],
  ground: ['kind', 'grounds'],
};
export const ENTRY_ID = /^e[0-9]{1,6}$/;
export const MAX_ENTRIES = 100;
export const MAX_LABEL = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const bad = (message: string, field: string) => violation('INVALID_REVIEW_CATALOGUE', message, field);

function listOf<T extends string>(
  value: unknown,
  known: readonly T[],
  labels: Readonly<Record<T, string>>,
  what: string,
  field: string,
  who: string,
  out: RuleViolation[],
  required: boolean,
): void {
  if (!Array.isArray(value)) {
    out.push(bad(`${who}的${what}须为列表`, field));
    return;
  }
  if (required && value.length === 0) out.push(bad(`${who}须至少选择一项${what}`, field));
  const seen = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string' || !(known as readonly string[]).includes(v)) {
      out.push(bad(`${who}的${what}“${String(v)}”不存在`, field));
    } else if (seen.has(v)) {
      out.push(bad(`${who}的${what}“${labels[v as T]}”重复`, field));
    }
    seen.add(String(v));
  }
}

function conditionViolations(c: unknown, field: string, who: string, out: RuleViolation[]): void {
  if (
    !isRecord(c) ||
    typeof c.kind !== 'string' ||
    !(REVIEW_CONDITION_KINDS as readonly string[]).includes(c.kind)
  ) {
    out.push(bad(`${who}的条件种类${isRecord(c) ? `“${String(c.kind)}”` : ''}不存在`, `${field}.kind`));
    return;
  }
  const kind = c.kind as ReviewConditionKind;
  for (const key of Object.keys(c)) {
    if (!CONDITION_KEYS[kind].includes(key))
      out.push(bad(`${who}的条件含有未知字段“${key}”`, `${field}.${key}`));
  }
  switch (kind) {
    case 'fine_at_least':
    case 'confiscation_at_least':
    case 'seized_value_at_least':
      // Amounts are integer fen everywhere; a threshold of nothing would make every case major.
      if (typeof c.fen !== 'number' || !Number.isSafeInteger(c.fen) || c.fen <= 0) {
        out.push(
          bad(`${who}的“${REVIEW_CONDITION_LABELS[kind]}”金额须为大于零的整数（以分计）`, `${field}.fen`),
        );
      }
      return;
    case 'penalty_kind':
      listOf(c.kinds, PENALTY_KINDS, PENALTY_KIND_LABELS, '处罚种类', `${field}.kinds`, who, out, true);
      return;
    case 'ground':
      listOf(
        c.grounds,
        REVIEW_GROUNDS,
        REVIEW_GROUND_LABELS,
        '第五十八条情形',
        `${field}.grounds`,
        who,
        out,
        true,
      );
      return;
    case 'hearing_held':
      return;
  }
}

/**
 * What makes a catalogue unusable, each naming the entry (第N项「label」) and the field as a dotted
 * path (`entries.0.conditions.1.fen`) so the console can show it on the input.
 */
export function reviewCatalogueViolations(entries: unknown): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!Array.isArray(entries)) return [bad('目录清单须为条目列表', 'entries')];
  if (entries.length === 0) out.push(bad('目录清单至少须有一项', 'entries'));
  if (entries.length > MAX_ENTRIES) out.push(bad(`目录清单最多${MAX_ENTRIES}项`, 'entries'));
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    const field = `entries.${i}`;
    const label = isRecord(e) && typeof e.label === 'string' ? e.label.trim() : '';
    const who = label ? `第${i + 1}项「${label}」` : `第${i + 1}项`;
    if (!isRecord(e)) {
      out.push(bad(`${who}格式不正确`, field));
      return;
    }
    for (const key of Object.keys(e)) {
      if (!ENTRY_KEYS.has(key)) out.push(bad(`${who}含有未知字段“${key}”`, `${field}.${key}`));
    }
    if (e.id !== undefined) {
      if (typeof e.id !== 'string' || !ENTRY_ID.test(e.id))
        out.push(bad(`${who}的编号格式不正确`, `${field}.id`));
      else if (ids.has(e.id)) out.push(bad(`${who}的编号与其他条目重复`, `${field}.id`));
      else ids.add(e.id);
    }
    if (!label) out.push(bad(`${who}的事项名称不能为空`, `${field}.label`));
    else if (label.length > MAX_LABEL)
      out.push(bad(`${who}的事项名称不能超过${MAX_LABEL}字`, `${field}.label`));
    listOf(
      e.actionTypes,
      ITEM_TYPES,
      ITEM_TYPE_LABELS,
      '执法行为类别',
      `${field}.actionTypes`,
      who,
      out,
      true,
    );
    if (e.partyTypes !== undefined) {
      listOf(
        e.partyTypes,
        PARTY_TYPES,
        PARTY_TYPE_LABELS,
        '当事人类型',
        `${field}.partyTypes`,
        who,
        out,
        false,
      );
    }
    if (!Array.isArray(e.conditions) || e.conditions.length === 0) {
      out.push(bad(`${who}须至少设置一个条件`, `${field}.conditions`));
      return;
    }
    e.conditions.forEach((c, j) => {
      conditionViolations(c, `${field}.conditions.${j}`, `${who}第${j + 1}个条件`, out);
    });
  });
  return out;
}

/**
 * A valid catalogue with every entry given an id: ids the client sent back are kept (so an entry keeps
 * its identity across versions), new entries get the next `eN` after every id seen in `previous`.
 * Call only when reviewCatalogueViolations returned nothing.
 */
export function normaliseReviewCatalogue(
  entries: readonly ReviewCatalogueEntryInput[],
  previous: readonly ReviewCatalogueEntry[] = [],
): ReviewCatalogueEntry[] {
  const n = (id: string | undefined) => (id && ENTRY_ID.test(id) ? Number(id.slice(1)) : 0);
  let next = Math.max(0, ...previous.map((e) => n(e.id)), ...entries.map((e) => n(e.id)));
  return entries.map((e) => ({
    id: e.id ?? `e${++next}`,
    label: e.label.trim(),
    actionTypes: [...e.actionTypes],
    partyTypes: [...(e.partyTypes ?? [])],
    conditions: e.conditions.map((c) => ({ ...c })),
  }));
}
