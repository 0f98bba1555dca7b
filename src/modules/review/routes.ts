import Type from 'typebox';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { LegalReviewQueue, LegalReviewStatistics, ReviewChecklist, ReviewTrail } from '../cases/contract.ts';
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

const CaseParams = Type.Object(
  { caseId: Type.String({ title: '案件', maxLength: 64 }) },
  { additionalProperties: false },
);

const StatisticsQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ title: '统计起始日', minLength: 10, maxLength: 10 })),
    to: Type.Optional(Type.String({ title: '统计截止日', minLength: 10, maxLength: 10 })),
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
  // Staff of the case's agency and supervisors in scope, as the case page: the service refuses any other
  // caller with CASE_NOT_FOUND, so a case outside the scope is not revealed.
  app.get(
    '/api/reviews/:caseId/checklist',
    {
      config: STAFF,
      schema: {
        tags: ['法制审核'],
        summary: '审核内容清单的平台核查：逐项列出平台记录显示的情况和须注意之处',
        params: CaseParams,
        response: { 200: ReviewChecklist },
      },
    },
    async (req) => cases.reviewChecklist(db, ctxOf(req), req.params.caseId),
  );
  app.get(
    '/api/reviews/:caseId/trail',
    {
      config: STAFF,
      schema: {
        tags: ['法制审核'],
        summary: '责任追溯：立案、承办、送审、审核、协调和决定各由谁在何时作出',
        params: CaseParams,
        response: { 200: ReviewTrail },
      },
    },
    async (req) => cases.reviewTrail(db, ctxOf(req), req.params.caseId),
  );
  app.get(
    '/api/reviews/statistics',
    {
      config: STAFF,
      schema: {
        tags: ['法制审核'],
        summary: '法制审核统计：送审、审核意见、协调、用时、按期，及法制审核人员占比（按机关）',
        querystring: StatisticsQuery,
        response: { 200: LegalReviewStatistics },
      },
    },
    async (req) => cases.legalReviewStatistics(db, ctxOf(req), req.query),
  );
}
