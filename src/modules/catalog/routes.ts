import Type from 'typebox';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { Item, ItemList } from './contract.ts';
import { ITEM_TYPES } from './rules.ts';
import * as catalog from './service.ts';

const STAFF = { access: { roles: 'staff' } } as const;
const KEEPERS = { access: { roles: ['agency_admin', 'supervisor', 'system_admin'] } } as const;
const ItemType = Type.Union(
  ITEM_TYPES.map((t) => Type.Literal(t)),
  { title: '事项类型' },
);
const fields = {
  code: Type.String({ title: '事项编码', minLength: 1, maxLength: 40 }),
  name: Type.String({ title: '事项名称', minLength: 1, maxLength: 200 }),
  type: ItemType,
  categoryCode: Type.String({ title: '执法类别', minLength: 1, maxLength: 32 }),
  legalBasis: Type.String({ title: '实施依据', minLength: 1, maxLength: 4000 }),
  requiresAv: Type.Optional(Type.Boolean({ title: '是否全程音像记录' })),
  isRandomInspection: Type.Optional(Type.Boolean({ title: '是否随机抽查事项' })),
};
const Create = Type.Object(
  { agencyId: Type.String({ title: '执法主体', format: 'uuid' }), ...fields },
  { additionalProperties: false },
);
const Patch = Type.Partial(Type.Object({ ...fields, active: Type.Boolean({ title: '是否有效' }) }), {
  additionalProperties: false,
});
const IdParams = Type.Object({ id: Type.String({ title: '事项编号', format: 'uuid' }) });
const ListQuery = Type.Object(
  {
    agencyId: Type.Optional(Type.String({ title: '执法主体', format: 'uuid' })),
    type: Type.Optional(ItemType),
    q: Type.Optional(Type.String({ title: '关键词', maxLength: 50 })),
  },
  { additionalProperties: false },
);

export function catalogRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  const tags = ['执法事项'];
  app.get(
    '/api/items',
    {
      config: STAFF,
      schema: { tags, summary: '执法事项列表', querystring: ListQuery, response: { 200: ItemList } },
    },
    async (req) => catalog.listItems(db, ctxOf(req), req.query),
  );
  app.get(
    '/api/items/:id',
    { config: STAFF, schema: { tags, summary: '执法事项详情', params: IdParams, response: { 200: Item } } },
    async (req) => catalog.getItem(db, ctxOf(req), req.params.id),
  );
  app.post(
    '/api/items',
    { config: KEEPERS, schema: { tags, summary: '新增执法事项', body: Create, response: { 201: Item } } },
    async (req, reply) => reply.status(201).send(await catalog.createItem(db, ctxOf(req), req.body)),
  );
  app.patch(
    '/api/items/:id',
    {
      config: KEEPERS,
      schema: { tags, summary: '修改执法事项', params: IdParams, body: Patch, response: { 200: Item } },
    },
    async (req) => catalog.updateItem(db, ctxOf(req), req.params.id, req.body),
  );
}
