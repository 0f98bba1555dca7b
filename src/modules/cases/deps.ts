import type { Config } from '../../config.ts';
import { lazyMasterKey } from '../../platform/keys/master-key.ts';
import type { CasesDeps } from './service.ts';

/** Case handling deps from the configuration: the master key is read only when a seal is first needed. */
export function casesDeps({ config }: { config: Config }): CasesDeps {
  return { masterKey: lazyMasterKey(config), publicBaseUrl: () => config.publicBaseUrl };
}
