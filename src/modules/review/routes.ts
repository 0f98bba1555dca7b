import Type from 'typebox';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { LegalReviewQueue } from '../cases/contract.ts';
import * as cases from '../cases/service.ts';

// 法制审核 (legal review, issue 9): the reviewer's workbench. A review's rounds are steps of its case
// (cases/rules/legal-review.ts), so this module reads them through the cases module's service.

const STAFF = { access: { roles: 'staff' } } as const;

const QueueQuery = Type.Object(
  {
    mine: Type.Optional(Type.Boolean({ title: '只看由我审核的' })),
    open: Type.Optional(Type.Boolean({ title: '只看尚待审核或协调的' })),
  },
  { additionalProperties: false },
);

export function reviewRoutes(app: App, deps: AppDeps) {
  const db = deps.database.db;
  app.get(
    '/api/reviews',
    {
      config: STAFF,
      schema: {
        tags: ['法制审核'],
        summary: '法制审核工作台：送审的案件、审核状态和审核期限',
        querystring: QueueQuery,
        response: { 200: LegalReviewQueue },
      },
    },
    async (req) => cases.legalReviewQueue(db, ctxOf(req), req.query),
  );
}
