import Type from 'typebox';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { PublicationDraft, PublicationList, PublicationRecord } from './contract.ts';
import { WITHDRAWAL_REASONS, WITHHOLD_REASONS } from './rules/publication.ts';
import * as publicity from './service.ts';

// 执法决定公开 for staff: the list of decisions to publish with their clocks, the draft notice with what
// redaction removed, and publishing, withholding, withdrawing and removing a notice.

const STAFF = { access: { roles: 'staff' } } as const;
const tags = ['执法公示'];

const NAME_MASKS = ['surname_mou_mou', 'surname_mou', 'surname_x'] as const;
const NameMask = Type.Union(
  NAME_MASKS.map((m) => Type.Literal(m)),
  { title: '姓名隐去方式', description: 'surname_mou_mou 张某某；surname_mou 张某；surname_x 张××' },
);
const Manual = Type.Array(Type.String({ maxLength: 500 }), {
  title: '人工标记须隐去的段落',
  maxItems: 50,
});

const CaseParams = Type.Object(
  { caseId: Type.String({ title: '案件', maxLength: 64 }) },
  { additionalProperties: false },
);
const IdParams = Type.Object(
  { id: Type.String({ title: '公开记录', maxLength: 64 }) },
  { additionalProperties: false },
);

const ListQuery = Type.Object(
  {
    view: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('recorded')], {
        title: '范围',
        description: 'pending 待公开；recorded 已登记（已公开、不予公开、已撤下）',
      }),
    ),
    agencyId: Type.Optional(Type.String({ title: '执法主体', maxLength: 64 })),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

const DraftBody = Type.Object(
  { manual: Type.Optional(Manual), nameMask: Type.Optional(NameMask) },
  { additionalProperties: false },
);
const PublishBody = Type.Object(
  {
    manual: Type.Optional(Manual),
    nameMask: Type.Optional(NameMask),
    periodMonths: Type.Optional(Type.Integer({ title: '公示期（月）', minimum: 1, maximum: 120 })),
  },
  { additionalProperties: false },
);
const WithholdBody = Type.Object(
  {
    reason: Type.Union(
      WITHHOLD_REASONS.map((r) => Type.Literal(r)),
      { title: '不予公开的理由' },
    ),
    note: Type.String({ title: '具体情况', maxLength: 2000 }),
  },
  { additionalProperties: false },
);
const WithdrawBody = Type.Object(
  {
    reason: Type.Union(
      WITHDRAWAL_REASONS.map((r) => Type.Literal(r)),
      { title: '撤下的理由' },
    ),
    note: Type.String({ title: '理由说明', maxLength: 2000 }),
    rulingOn: Type.String({ title: '撤销（变更）决定的日期', maxLength: 10 }),
  },
  { additionalProperties: false },
);
const RemoveBody = Type.Object(
  { note: Type.String({ title: '信用修复依据', maxLength: 2000 }) },
  { additionalProperties: false },
);

function recordAnswer(r: {
  id: string;
  caseId: string;
  status: string;
  publishedOn: string | null;
  periodUntil: string | null;
  withdrawnOn?: string | null;
  withdrawalDueOn?: string | null;
}) {
  return {
    id: r.id,
    caseId: r.caseId,
    status: r.status,
    publishedOn: r.publishedOn,
    periodUntil: r.periodUntil,
    withdrawnOn: r.withdrawnOn ?? null,
    withdrawalDueOn: r.withdrawalDueOn ?? null,
  };
}

export function publicationRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get(
    '/api/publications',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '执法决定公开：待公开的决定及其公开期限，或已登记的公开情况',
        querystring: ListQuery,
        response: { 200: PublicationList },
      },
    },
    async (req) =>
      publicity.listPublications(db, ctxOf(req), {
        view: req.query.view ?? 'pending',
        agencyId: req.query.agencyId,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 50,
      }),
  );
  app.post(
    '/api/publications/cases/:caseId/draft',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '公开信息草稿：从案件生成并自动隐去个人信息，列出隐去的每一处',
        params: CaseParams,
        body: DraftBody,
        response: { 200: PublicationDraft },
      },
    },
    async (req) => publicity.publicationDraft(db, ctxOf(req), req.params.caseId, req.body),
  );
  app.post(
    '/api/publications/cases/:caseId/publish',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '公开执法决定（按所见草稿发布到公示平台）',
        params: CaseParams,
        body: PublishBody,
        response: { 201: PublicationRecord },
      },
    },
    async (req, reply) => {
      const r = await publicity.publishDecision(db, ctxOf(req), req.params.caseId, req.body);
      return reply.status(201).send(recordAnswer(r));
    },
  );
  app.post(
    '/api/publications/cases/:caseId/withhold',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '决定不予公开并记录理由（机关负责人）',
        params: CaseParams,
        body: WithholdBody,
        response: { 201: PublicationRecord },
      },
    },
    async (req, reply) => {
      const r = await publicity.withholdDecision(db, ctxOf(req), req.params.caseId, req.body);
      return reply.status(201).send(recordAnswer(r));
    },
  );
  app.post(
    '/api/publications/:id/withdraw',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '撤下已公开的执法决定并公开理由（机关负责人，3个工作日内）',
        params: IdParams,
        body: WithdrawBody,
        response: { 200: PublicationRecord },
      },
    },
    async (req) => recordAnswer(await publicity.withdrawPublication(db, ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/publications/:id/remove',
    {
      config: STAFF,
      schema: {
        tags,
        summary: '信用修复后提前撤下（最短公示期届满后，机关负责人）',
        params: IdParams,
        body: RemoveBody,
        response: { 200: PublicationRecord },
      },
    },
    async (req) =>
      recordAnswer(await publicity.removeAfterCreditRepair(db, ctxOf(req), req.params.id, req.body)),
  );
}
