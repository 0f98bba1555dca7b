import type { Config } from './config.ts';
import { casesRoutes } from './modules/cases/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { portalRoutes } from './modules/publicity/routes.ts';
import { recordsRoutes } from './modules/records/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import type { Database } from './platform/db/index.ts';
import { healthRoutes } from './platform/http/health.ts';
import { buildServer } from './platform/http/server.ts';
import type { App } from './platform/http/types.ts';
import { ledgerRoutes } from './platform/ledger/routes.ts';
import { rulebookRoutes } from './platform/rulebook/routes.ts';

/** The whole HTTP application on an open database: what `main.ts` listens with and tests start. */
export async function createApp(config: Config, database: Database): Promise<App> {
  const app = await buildServer(config, database);
  const deps = { config, database };
  healthRoutes(app, deps);
  authRoutes(app, deps);
  auditRoutes(app, deps);
  calendarRoutes(app, deps);
  rulebookRoutes(app, deps);
  orgRoutes(app, deps);
  catalogRoutes(app, deps);
  casesRoutes(app, deps);
  recordsRoutes(app, deps);
  ledgerRoutes(app, deps);
  portalRoutes(app, deps);
  await app.ready();
  return app;
}
