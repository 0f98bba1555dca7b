import Type from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import * as org from '../org/service.ts';
import { PublicDecisionAnswer, PublicDecisionList } from './contract.ts';
import { DecisionListPage, DecisionPage } from './pages/decisions.tsx';
import { ErrorPage, render } from './pages/layout.tsx';
import { publicDecision, searchPublicDecisions } from './public-decisions.ts';

// 执法决定公开 on the portal: the JSON API (`/api/public/decisions`) and the HTML pages (`/decisions`).

const PUBLIC = { access: { public: true } } as const;
const tags = ['公示'];
const PAGE_SIZE = 20;

// Lengths are checked by the service, so that a long or malformed query gets its own code and message.
const DecisionQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ title: '关键词' })),
    agencyId: Type.Optional(Type.String({ title: '执法机关', maxLength: 64 })),
    category: Type.Optional(Type.String({ title: '执法类别', maxLength: 32 })),
    from: Type.Optional(Type.String({ title: '决定日期自', maxLength: 10 })),
    to: Type.Optional(Type.String({ title: '决定日期至', maxLength: 10 })),
    view: Type.Optional(
      Type.Union([Type.Literal('shown'), Type.Literal('withdrawn')], {
        title: '范围',
        description: 'shown 公开中（默认）；withdrawn 已撤下的决定及撤下理由',
      }),
    ),
    page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

const IdParams = Type.Object({ id: Type.String({ title: '决定编号', maxLength: 64 }) });

export function decisionApiRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get(
    '/api/public/decisions',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '检索已公开的执法决定（按当事人、执法机关、类别、文号、日期或任意词语）',
        querystring: DecisionQuery,
        response: { 200: PublicDecisionList },
      },
    },
    async (req) =>
      searchPublicDecisions(db, {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? PAGE_SIZE,
      }),
  );
  app.get(
    '/api/public/decisions/:id',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: '一项已公开的执法决定（已撤下的只公开撤下理由）',
        params: IdParams,
        response: { 200: PublicDecisionAnswer },
      },
    },
    async (req) => {
      const d = await publicDecision(db, req.params.id);
      if (!d) throw new AppError('DECISION_NOT_FOUND', '未找到该执法决定，或其公示期已满', 'id');
      return d;
    },
  );
}

/** The HTML pages, registered in the portal's HTML scope (errors answered as pages). */
export function decisionPageRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get(
    '/decisions',
    { config: PUBLIC, schema: { hide: true, querystring: DecisionQuery } },
    async (req, reply) => {
      const q = req.query;
      const page = q.page ?? 1;
      const [list, agencies] = await Promise.all([
        searchPublicDecisions(db, { ...q, page, pageSize: PAGE_SIZE }),
        org.listPublicAgencies(db),
      ]);
      const body = DecisionListPage({
        ...list,
        query: {
          q: (q.q ?? '').trim(),
          agencyId: q.agencyId ?? '',
          category: q.category ?? '',
          from: q.from ?? '',
          to: q.to ?? '',
          view: q.view ?? 'shown',
        },
        agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      });
      return reply.type('text/html; charset=utf-8').send(render(body));
    },
  );
  app.get(
    '/decisions/:id',
    { config: PUBLIC, schema: { hide: true, params: IdParams } },
    async (req, reply) => {
      const d = await publicDecision(db, req.params.id);
      reply.type('text/html; charset=utf-8');
      if (!d)
        return reply.status(404).send(
          render(
            ErrorPage({
              title: '未找到该执法决定',
              message: '该执法决定不存在，或其公示期已满、已依法提前撤下。可在执法决定公开页面重新检索。',
            }),
          ),
        );
      return reply.send(render(DecisionPage({ d })));
    },
  );
}
