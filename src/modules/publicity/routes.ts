import type { FastifyError, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { HtmlErrorPage } from '../../platform/http/server.ts';
import { toAppError } from '../../platform/http/server.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import type { LedgerDeps } from '../../platform/ledger/index.ts';
import type { CasesDeps } from '../cases/service.ts';
import * as org from '../org/service.ts';
import { publicApiRoutes } from './api-routes.ts';
import { decisionApiRoutes, decisionPageRoutes } from './decision-routes.ts';
import { itemPageRoutes } from './item-routes.ts';
import { openApiRoutes } from './open-api-routes.ts';
import { openDataRoutes } from './open-data-routes.ts';
import { pageRoutes } from './page-routes.ts';
import { ErrorPage, render } from './pages/layout.tsx';
import { type PortalContext, portalNameOf, withPortal } from './portal-context.ts';
import { verifyPageRoutes } from './verify-routes.ts';

export { RECEIPT_LIMIT_BYTES } from './verify-service.ts';

/** The portal's name and the page's path, for the page shell (portal-context.ts). */
async function loadPortalContext({ config, database }: AppDeps, req: FastifyRequest): Promise<PortalContext> {
  const region = config.portalName ? null : await org.portalRegion(database.db);
  return {
    name: portalNameOf(config.portalName, region?.name ?? null),
    regionName: region?.name ?? null,
    path: req.url.split('?')[0] ?? '',
  };
}

/**
 * The portal's error page for errors met outside its own pages (an unknown address, a refused request
 * to a page): what `buildServer` draws for a browser.
 */
export function portalErrorPage(deps: AppDeps): HtmlErrorPage {
  return async (req, e) =>
    withPortal(await loadPortalContext(deps, req), () =>
      render(ErrorPage({ title: e.title, message: e.message })),
    );
}

/** The public portal (P1–P3): no login, no personal data beyond what the law publishes. */
export function portalRoutes(app: App, deps: AppDeps, ledger: LedgerDeps, cases: CasesDeps) {
  // HTML pages live in their own scope so that their errors (e.g. a malformed parameter) are answered
  // as a Chinese HTML page, not the API's JSON envelope. Register new portal pages inside it: each
  // handler runs with the portal's context, so the page shell names the portal (`Layout`).
  app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      const handler = route.handler as RouteHandlerMethod;
      route.handler = async function (this: unknown, req, reply) {
        const ctx = await loadPortalContext(deps, req);
        return withPortal(ctx, () => handler.call(this as never, req, reply));
      } as RouteHandlerMethod;
    });
    scope.setErrorHandler(async (err: FastifyError, req, reply) => {
      const e = toAppError(err);
      if (e.status >= 500) req.log.error({ err }, 'request failed');
      const title = e.status === 404 ? '未找到' : e.status >= 500 ? '服务暂时不可用' : '请求有误';
      const ctx = await loadPortalContext(deps, req);
      return reply
        .status(e.status)
        .type('text/html; charset=utf-8')
        .send(withPortal(ctx, () => render(ErrorPage({ title, message: e.message }))));
    });
    pageRoutes(scope as unknown as App, deps, ledger);
    verifyPageRoutes(scope as unknown as App, deps, { ledger, cases });
    decisionPageRoutes(scope as unknown as App, deps);
    openDataRoutes(scope as unknown as App, deps);
    itemPageRoutes(scope as unknown as App, deps);
    openApiRoutes(scope as unknown as App, deps);
  });
  publicApiRoutes(app, deps);
  decisionApiRoutes(app, deps);
}
