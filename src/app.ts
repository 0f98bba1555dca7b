import { CAPABILITIES } from './capabilities.ts';
import { composeServices } from './composition.ts';
import type { Config } from './config.ts';
import { CASES_AUDIT } from './modules/cases/audit.ts';
import { casesRoutes } from './modules/cases/routes.ts';
import { CATALOG_AUDIT } from './modules/catalog/audit.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { ORG_AUDIT } from './modules/org/audit.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { PUBLICITY_AUDIT } from './modules/publicity/audit.ts';
import { portalErrorPage, portalRoutes } from './modules/publicity/routes.ts';
import { publicationRoutes } from './modules/publicity/staff-routes.ts';
import { RECORDS_AUDIT } from './modules/records/audit.ts';
import { recordsRoutes } from './modules/records/routes.ts';
import { reviewRoutes } from './modules/review/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import type { Database } from './platform/db/index.ts';
import { healthRoutes } from './platform/http/health.ts';
import { buildServer } from './platform/http/server.ts';
import type { App } from './platform/http/types.ts';
import { ledgerRoutes } from './platform/ledger/routes.ts';
import { rulebookRoutes } from './platform/rulebook/routes.ts';

/**
 * The whole HTTP application on an open database: what `main.ts` listens with and tests start. The
 * modules' services come wired from the composition root (src/composition.ts); each routes function is
 * given its part.
 */
export async function createApp(config: Config, database: Database): Promise<App> {
  const services = composeServices(config);
  const deps = { config, database };
  // A browser's error pages are the portal's (its name, navigation and way home).
  const app = await buildServer(config, database, { htmlErrorPage: portalErrorPage(deps) });
  healthRoutes(app, deps);
  // The session answer carries what the caller may do, as each module's policy says (capabilities.ts).
  authRoutes(app, deps, CAPABILITIES);
  // The audit page names what each module's entries are about (platform/audit/present.ts).
  auditRoutes(app, deps, [ORG_AUDIT, CATALOG_AUDIT, CASES_AUDIT, RECORDS_AUDIT, PUBLICITY_AUDIT]);
  calendarRoutes(app, deps);
  rulebookRoutes(app, deps);
  orgRoutes(app, deps);
  catalogRoutes(app, deps);
  casesRoutes(app, deps, services.cases);
  recordsRoutes(app, deps, services.records);
  reviewRoutes(app, deps);
  publicationRoutes(app, deps);
  ledgerRoutes(app, deps, services.ledger);
  portalRoutes(app, deps, services.ledger, services.cases);
  await app.ready();
  return app;
}
