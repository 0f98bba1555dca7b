import type { Config } from './config.ts';
import { casesDeps } from './modules/cases/deps.ts';
import { caseLinks } from './modules/cases/record-links.ts';
import type { CasesDeps } from './modules/cases/service.ts';
import { archiveCaseFile } from './modules/records/case-file-service.ts';
import { type RecordsDeps, recordsDeps } from './modules/records/deps.ts';
import { type LedgerDeps, ledgerDeps } from './platform/ledger/index.ts';

/**
 * The composition root: the one place where the modules' services are wired to each other. Modules
 * import each other's service files only one way (cases → records for the AV reads, never back);
 * what has to go the other way is handed over here:
 * - records receives the case links it needs (scope, team, case file sources) from cases;
 * - cases receives archiving, the records use case that assembles and locks the case file.
 * `createApp` gives each module's routes its part; the demo seed, the CLI, the benches and the test
 * helpers take the same services from here.
 */
export interface Services {
  cases: CasesDeps;
  records: RecordsDeps;
  ledger: LedgerDeps;
}

// One set per configuration: one evidence store (one S3 client, one disk root), shared by the server,
// the seed and whoever else holds the same configuration.
const byConfig = new WeakMap<Config, Services>();

export function composeServices(config: Config): Services {
  let services = byConfig.get(config);
  if (!services) {
    const records = recordsDeps(config, { cases: caseLinks });
    const cases = casesDeps(config, {
      archiveCaseFile: (tx, ctx, caseId, now) => archiveCaseFile(records, tx, ctx, caseId, now),
    });
    services = { cases, records, ledger: ledgerDeps({ config }) };
    byConfig.set(config, services);
  }
  return services;
}
