import { type HashAlgorithm, isHashAlgorithm } from '../crypto/index.ts';

/**
 * The ledger's hash function for a NEW log: `MINGJING_LEDGER_HASH` = `sm3` (default, GB/T 32905) or
 * `sha256` (for Certificate Transparency tooling). A log keeps the algorithm of its first entry for
 * ever: changing the variable afterwards has no effect on an existing log (the jobs log a warning).
 */
export function ledgerHashAlgorithm(env: NodeJS.ProcessEnv = process.env): HashAlgorithm {
  const v = env.MINGJING_LEDGER_HASH?.trim().toLowerCase();
  if (v === undefined || v === '') return 'sm3';
  if (isHashAlgorithm(v)) return v;
  throw new Error(`环境变量 MINGJING_LEDGER_HASH 应为 sm3 或 sha256，实际为「${env.MINGJING_LEDGER_HASH}」`);
}
