import type { Config } from '../../config.ts';
import { lazyMasterKey } from '../../platform/keys/master-key.ts';
import type { ArchiveCaseFile, CasesDeps } from './service.ts';

/**
 * Case handling deps from the configuration (the master key is read only when a seal is first needed) and
 * what the caller hands over: archiving, the records module's use case (cases does not import it; the
 * composition root, src/composition.ts, wires the two modules).
 */
export function casesDeps(config: Config, provided: { archiveCaseFile: ArchiveCaseFile }): CasesDeps {
  return {
    masterKey: lazyMasterKey(config),
    publicBaseUrl: () => config.publicBaseUrl,
    archiveCaseFile: provided.archiveCaseFile,
  };
}
