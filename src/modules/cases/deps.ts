import type { Config } from '../../config.ts';
import { lazyMasterKey } from '../../platform/keys/master-key.ts';
import { archiveCaseFile } from '../records/case-file-service.ts';
import type { CasesDeps } from './service.ts';

/**
 * Case handling deps from the configuration: the master key is read only when a seal is first needed;
 * archiving locks the case file through the records module (which owns case files).
 */
export function casesDeps({ config }: { config: Config }): CasesDeps {
  return { masterKey: lazyMasterKey(config), publicBaseUrl: () => config.publicBaseUrl, archiveCaseFile };
}
