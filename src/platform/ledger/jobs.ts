import type { Database } from '../db/index.ts';
import { type LedgerDeps, ledgerInfo, signTreeHeadIfGrown } from './service.ts';
import type { SignedTreeHead } from './sth.ts';

/** Deployment-wide lock (Database.withLock) held by the process that runs the signing job. */
export const LEDGER_LOCK_KEYS = { signer: 7_270_116 } as const;

/** A head is signed at least this often while the log grows (half a minute: well within a minute). */
export const DEFAULT_SIGN_INTERVAL_MS = 30_000;

export interface LedgerJobs {
  /** One signing round now (what the timer runs): the new head, or null when the log did not grow. */
  runOnce(): Promise<SignedTreeHead | null>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

export interface LedgerJobOptions {
  intervalMs?: number;
  /** Where failures and warnings go (default: console.error / console.warn). */
  log?: { error(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void };
}

/**
 * Starts the tree-head signer: every `intervalMs` (default 30 s) one process — the holder of
 * LEDGER_LOCK_KEYS.signer — signs a head if the log grew since the last one. The timer is unref()'d
 * and never keeps the process alive; call `stopLedgerJobs(jobs)` before closing the database.
 */
export function startLedgerJobs(
  database: Database,
  deps: LedgerDeps,
  options: LedgerJobOptions = {},
): LedgerJobs {
  const intervalMs = options.intervalMs ?? DEFAULT_SIGN_INTERVAL_MS;
  const log = options.log ?? {
    error: (obj: unknown, msg?: string) => console.error(msg ?? '', obj),
    warn: (obj: unknown, msg?: string) => console.warn(msg ?? '', obj),
  };
  let stopped = false;
  let running: Promise<SignedTreeHead | null> | null = null;

  const runOnce = (): Promise<SignedTreeHead | null> => {
    running ??= database
      .withLock(LEDGER_LOCK_KEYS.signer, async () => {
        const r = await signTreeHeadIfGrown(database.db, deps);
        return r.signed ? r.head : null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const tick = () => {
    if (stopped) return;
    runOnce().catch((err) => log.error({ err }, '账本树头签名失败'));
  };

  // A log created with one hash function keeps it: say so if the configuration now asks for another.
  const configured = deps.hashAlgorithm?.();
  ledgerInfo(database.db, deps)
    .then((info) => {
      if (configured && info.size > 0 && info.hashAlgorithm !== configured) {
        log.warn(
          { configured, ledger: info.hashAlgorithm },
          `MINGJING_LEDGER_HASH=${configured} 对已有账本无效：账本自首条记录起使用 ${info.hashAlgorithm}`,
        );
      }
    })
    .catch(() => {});

  const timer = setInterval(tick, intervalMs);
  timer.unref();
  setImmediate(tick).unref();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

export async function stopLedgerJobs(jobs: LedgerJobs | null | undefined): Promise<void> {
  await jobs?.stop();
}
