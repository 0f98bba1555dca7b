import type { Config } from '../../config.ts';
import { loadMasterKey, type MasterKey } from '../../platform/keys/master-key.ts';
import type { CasesDeps } from './service.ts';

/** Case handling deps from the configuration: the master key is read only when a seal is first needed. */
export function casesDeps({ config }: { config: Config }): CasesDeps {
  let key: MasterKey | null = null;
  return {
    masterKey: () => {
      key ??= loadMasterKey({
        envValue: config.masterKeyHex,
        dataDir: config.dataDir,
        embedded: !config.databaseUrl,
      });
      return key;
    },
    publicBaseUrl: () => config.publicBaseUrl,
  };
}
