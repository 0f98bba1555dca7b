import Type from 'typebox';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { Item, ItemList, ReviewCatalogue } from './contract.ts';
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
const AgencyParams = Type.Object({ id: Type.String({ title: '执法主体', format: 'uuid' }) });
// Entries are checked by the catalogue's own rule (review-catalogue.ts), which names the entry and the
// field in Chinese; the schema only bounds the size.
const CatalogueWrite = Type.Object(
  {
    effectiveFrom: Type.String({ title: '生效日期', format: 'date' }),
    note: Type.Optional(Type.String({ title: '修订说明', maxLength: 500 })),
    entries: Type.Array(Type.Record(Type.String(), Type.Unknown()), { title: '目录清单条目', maxItems: 100 }),
  },
  { additionalProperties: false },
);
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
  app.get(
    '/api/agencies/:id/review-catalogue',
    {
      config: STAFF,
      schema: {
        tags: ['重大执法决定法制审核目录清单'],
        summary: '本机关的重大执法决定法制审核目录清单：现行版本、待生效版本和历次版本',
        params: AgencyParams,
        response: { 200: ReviewCatalogue },
      },
    },
    async (req) => catalog.getReviewCatalogue(db, ctxOf(req), req.params.id),
  );
  app.put(
    '/api/agencies/:id/review-catalogue',
    {
      config: { access: { roles: ['agency_admin'] } },
      schema: {
        tags: ['重大执法决定法制审核目录清单'],
        summary: '修订目录清单：保存为新版本，自生效日期起适用（行政处罚法第五十八条）',
        params: AgencyParams,
        body: CatalogueWrite,
        response: { 200: ReviewCatalogue },
      },
    },
    async (req) => catalog.saveReviewCatalogue(db, ctxOf(req), req.params.id, req.body),
  );
}
