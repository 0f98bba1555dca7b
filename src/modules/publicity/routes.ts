import type { FastifyError } from 'fastify';
import { toAppError } from '../../platform/http/server.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import type { LedgerDeps } from '../../platform/ledger/index.ts';
import { publicApiRoutes } from './api-routes.ts';
import { decisionApiRoutes, decisionPageRoutes } from './decision-routes.ts';
import { itemPageRoutes } from './item-routes.ts';
import { openDataRoutes } from './open-data-routes.ts';
import { pageRoutes } from './page-routes.ts';
import { ErrorPage, render } from './pages/layout.tsx';
import { verifyPageRoutes } from './verify-routes.ts';

export { RECEIPT_LIMIT_BYTES } from './verify-service.ts';

/** The public portal (P1–P3): no login, no personal data beyond what the law publishes. */
export function portalRoutes(app: App, deps: AppDeps, ledger: LedgerDeps) {
  // HTML pages live in their own scope so that their errors (e.g. a malformed parameter) are answered
  // as a Chinese HTML page, not the API's JSON envelope.
  app.register(async (scope) => {
    scope.setErrorHandler((err: FastifyError, _req, reply) => {
      const e = toAppError(err);
      const title = e.status === 404 ? '未找到' : e.status >= 500 ? '服务暂时不可用' : '请求有误';
      return reply
        .status(e.status)
        .type('text/html; charset=utf-8')
        .send(render(ErrorPage({ title, message: e.message })));
    });
    pageRoutes(scope as unknown as App, deps, ledger);
    verifyPageRoutes(scope as unknown as App, deps, ledger);
    decisionPageRoutes(scope as unknown as App, deps);
    openDataRoutes(scope as unknown as App, deps);
    itemPageRoutes(scope as unknown as App, deps);
  });
  publicApiRoutes(app, deps);
  decisionApiRoutes(app, deps);
}
