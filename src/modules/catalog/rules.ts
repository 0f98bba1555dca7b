import { type RuleViolation, violation } from '../../platform/identifiers/violation.ts';

/** Item types of the 行政执法事项清单 (P4): 处罚/强制/检查/许可/征收/给付/确认/裁决/其他. */
export const ITEM_TYPES = [
  'penalty',
  'coercive',
  'inspection',
  'licence',
  'levy',
  'benefit',
  'confirmation',
  'adjudication',
  'other',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_TYPE_LABELS: Readonly<Record<ItemType, string>> = {
  penalty: '行政处罚',
  coercive: '行政强制',
  inspection: '行政检查',
  licence: '行政许可',
  levy: '行政征收',
  benefit: '行政给付',
  confirmation: '行政确认',
  adjudication: '行政裁决',
  other: '其他',
};

export interface ItemInput {
  code: string;
  name: string;
  type: ItemType;
  categoryCode: string;
  legalBasis: string;
  requiresAv?: boolean;
  isRandomInspection?: boolean;
}

// Item codes are the agency's own catalogue numbers, e.g. 3403-CF-001 (cf. 安徽 权责清单编码).
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;

export function validateItemInput(input: ItemInput, knownCategories: readonly string[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!CODE.test(input.code ?? '')) {
    out.push(violation('INVALID_ITEM_CODE', '事项编码须为 2–40 位字母、数字、点、横线或下划线', 'code'));
  }
  if (!input.name?.trim()) out.push(violation('FIELD_REQUIRED', '事项名称不能为空', 'name'));
  if (!(ITEM_TYPES as readonly string[]).includes(input.type)) {
    out.push(
      violation(
        'INVALID_ITEM_TYPE',
        '事项类型须为行政处罚、强制、检查、许可、征收、给付、确认、裁决或其他',
        'type',
      ),
    );
  }
  if (!knownCategories.includes(input.categoryCode)) {
    out.push(violation('UNKNOWN_CATEGORY', `执法类别「${input.categoryCode}」不存在`, 'categoryCode'));
  }
  if (!input.legalBasis?.trim()) out.push(violation('FIELD_REQUIRED', '实施依据不能为空', 'legalBasis'));
  // Random inspections are inspections (双随机、一公开): a penalty item cannot be drawn at random.
  if (input.isRandomInspection && input.type !== 'inspection') {
    out.push(
      violation(
        'RANDOM_INSPECTION_NOT_INSPECTION',
        '只有行政检查事项可以列为随机抽查事项',
        'isRandomInspection',
      ),
    );
  }
  return out;
}
