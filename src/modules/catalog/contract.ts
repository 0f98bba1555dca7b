// What the catalog's routes answer: the console's types come from these schemas.
import Type, { type Static } from 'typebox';
import { PARTY_TYPES, PENALTY_KINDS, REVIEW_CONDITION_KINDS, REVIEW_GROUNDS } from './review-catalogue.ts';
import { ITEM_TYPES } from './rules.ts';

export const ItemType = Type.Enum([...ITEM_TYPES], { description: '事项类型' });

/** An enforcement item (行政执法事项) of an agency. */
export const Item = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String({ description: '执法主体' }),
  code: Type.String({ description: '事项编码' }),
  name: Type.String({ description: '事项名称' }),
  type: ItemType,
  typeLabel: Type.String({ description: '事项类型名称' }),
  categoryCode: Type.String({ description: '执法类别代码' }),
  legalBasis: Type.String({ description: '实施依据' }),
  requiresAv: Type.Boolean({ description: '是否全程音像记录' }),
  isRandomInspection: Type.Boolean({ description: '是否随机抽查事项' }),
  active: Type.Boolean({ description: '是否有效' }),
});
export type Item = Static<typeof Item>;

/** `GET /api/items`. */
export const ItemList = Type.Object({ items: Type.Array(Item), total: Type.Integer() });
export type ItemList = Static<typeof ItemList>;

// ── 重大执法决定法制审核目录清单 (review catalogue) ───────────────────────────────────────────────────
const Day = (description: string) => Type.String({ description: `${description}（YYYY-MM-DD）` });
const Choice = Type.Object({ value: Type.String(), label: Type.String() });

export const ReviewConditionKind = Type.Enum([...REVIEW_CONDITION_KINDS], { description: '条件种类' });
export const PenaltyKind = Type.Enum([...PENALTY_KINDS], { description: '处罚种类' });
export const PartyType = Type.Enum([...PARTY_TYPES], { description: '当事人类型' });
export const ReviewGround = Type.Enum([...REVIEW_GROUNDS], { description: '行政处罚法第五十八条情形' });

/** One condition, flat: the amount (`fen`) or the lists its kind uses, and its words. */
export const ReviewConditionView = Type.Object({
  kind: ReviewConditionKind,
  kindLabel: Type.String({ description: '条件种类名称' }),
  fen: Type.Optional(Type.Integer({ description: '金额（分）' })),
  kinds: Type.Optional(Type.Array(PenaltyKind)),
  grounds: Type.Optional(Type.Array(ReviewGround)),
  description: Type.String({ description: '条件的文字表述，如“罚款金额达到50,000元”' }),
});
export type ReviewConditionView = Static<typeof ReviewConditionView>;

export const ReviewEntryView = Type.Object({
  id: Type.String({ description: '条目编号（系统生成，跨版本保持）' }),
  label: Type.String({ description: '事项名称' }),
  actionTypes: Type.Array(ItemType),
  actionTypeLabels: Type.Array(Type.String(), { description: '执法行为类别名称' }),
  partyTypes: Type.Array(PartyType, { description: '当事人类型（空为不限）' }),
  partyTypeLabels: Type.Array(Type.String()),
  conditions: Type.Array(ReviewConditionView, { description: '同时满足的条件' }),
});
export type ReviewEntryView = Static<typeof ReviewEntryView>;

export const ReviewCatalogueVersion = Type.Object({
  version: Type.Integer({ description: '版本号（第N版）' }),
  effectiveFrom: Day('生效日期'),
  note: Type.String({ description: '修订说明' }),
  createdAt: Type.String({ description: '保存时间' }),
  status: Type.Enum(['current', 'upcoming', 'superseded']),
  statusLabel: Type.String({ description: '现行有效、待生效或已失效' }),
  entries: Type.Array(ReviewEntryView),
});
export type ReviewCatalogueVersion = Static<typeof ReviewCatalogueVersion>;

/** `GET`/`PUT /api/agencies/:id/review-catalogue`. */
export const ReviewCatalogue = Type.Object({
  agencyId: Type.String(),
  agencyName: Type.String({ description: '执法主体' }),
  today: Day('今天（北京时间），生效日期不得早于此日'),
  current: Type.Union([ReviewCatalogueVersion, Type.Null()], { description: '今天有效的版本' }),
  upcoming: Type.Array(ReviewCatalogueVersion, { description: '已保存、尚未生效的版本' }),
  history: Type.Array(ReviewCatalogueVersion, { description: '全部版本，新版本在前' }),
  choices: Type.Object({
    actionTypes: Type.Array(Choice),
    partyTypes: Type.Array(Choice),
    penaltyKinds: Type.Array(Choice),
    grounds: Type.Array(Choice),
    conditionKinds: Type.Array(Choice),
  }),
  can: Type.Object({ edit: Type.Boolean({ description: '调用者可以修订本机关的目录清单' }) }),
});
export type ReviewCatalogue = Static<typeof ReviewCatalogue>;
