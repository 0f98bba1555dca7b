// What the catalog's routes answer: the console's types come from these schemas.
import Type, { type Static } from 'typebox';
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
