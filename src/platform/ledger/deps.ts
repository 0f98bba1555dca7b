import type { Config } from '../../config.ts';
import { lazyMasterKey } from '../keys/master-key.ts';
import { ledgerHashAlgorithm } from './config.ts';
import type { LedgerDeps } from './service.ts';

/** Ledger deps from the configuration: the master key is read only when a head is first signed. */
export function ledgerDeps({ config }: { config: Config }, env: NodeJS.ProcessEnv = process.env): LedgerDeps {
  const hashAlgorithm = ledgerHashAlgorithm(env);
  return { masterKey: lazyMasterKey(config), hashAlgorithm: () => hashAlgorithm };
}
