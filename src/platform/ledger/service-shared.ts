// What the ledger's use cases share: their dependencies and the small helpers of several of them.
import type { HashAlgorithm, NodeSource } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import type { MasterKey } from '../keys/master-key.ts';
import { ledgerHashAlgorithm } from './config.ts';
import * as store from './store.ts';

export interface LedgerDeps {
  /** Seals the platform's SM2 private key at rest (read only when a head is first signed). */
  masterKey: () => MasterKey;
  /** Hash function for a new log; defaults to MINGJING_LEDGER_HASH (sm3). */
  hashAlgorithm?: () => HashAlgorithm;
}

export const configuredAlgorithm = (deps?: Pick<LedgerDeps, 'hashAlgorithm'>): HashAlgorithm =>
  deps?.hashAlgorithm?.() ?? ledgerHashAlgorithm();

export const nodeSource = (db: Db): NodeSource => ({ getNodes: (refs) => store.getNodes(db, refs) });

export const rangeError = (field: string, message: string) => new AppError('INVALID_RANGE', message, field);
