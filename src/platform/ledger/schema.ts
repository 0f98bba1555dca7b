import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, instant } from '../db/columns.ts';
import type { LedgerEntry } from './entry.ts';

/** Both drivers hand bytea back as bytes (node-postgres a Buffer, PGlite a Uint8Array): normalised here. */
export function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string' && v.startsWith('\\x')) return new Uint8Array(Buffer.from(v.slice(2), 'hex'));
  throw new TypeError(`not a bytea value: ${typeof v}`);
}

/** A 32-byte hash (SM3 or SHA-256) stored as bytea. */
const hashBytes = customType<{ data: Uint8Array; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
  fromDriver: (v) => bytesOf(v),
});

/**
 * The log's one mutable row: its size and hash function. `appendEntry` increments `size` with an
 * upsert inside the caller's transaction; the row lock it takes is held until that transaction ends,
 * which is what serialises appends across processes (see service.ts).
 */
export const ledgerState = pgTable(
  'ledger_state',
  {
    id: smallint('id').primaryKey().default(1),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Fixed by the first append (MINGJING_LEDGER_HASH at that moment): sm3 | sha256. */
    hashAlgorithm: text('hash_algorithm').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('ledger_state_singleton', sql`${t.id} = 1`),
    check('ledger_state_size', sql`${t.size} >= 0`),
    check('ledger_state_hash_algorithm', sql`${t.hashAlgorithm} in ('sm3', 'sha256')`),
  ],
);

/** Entry i of the log (0-based): the canonical entry and its leaf hash H(0x00 || RFC 8785 bytes). */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    index: bigint('index', { mode: 'number' }).primaryKey(),
    entry: jsonb('entry').$type<LedgerEntry>().notNull(),
    leafHash: hashBytes('leaf_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_record_idx').on(sql`(${t.entry}->>'recordId')`),
    // The portal's file check looks a file up by its SM3 (receipts, /verify).
    index('ledger_entries_content_hash_idx').on(sql`(${t.entry}->>'contentHash')`),
  ],
);

/**
 * Every PERFECT subtree of the log (merkle-store.ts): node (level k, index i) = MTH of leaves
 * [i·2^k, (i+1)·2^k); level 0 holds the leaf hashes. Fewer than 2n rows, none ever changed.
 */
export const ledgerNodes = pgTable(
  'ledger_nodes',
  {
    level: smallint('level').notNull(),
    index: bigint('index', { mode: 'number' }).notNull(),
    hash: hashBytes('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.index] })],
);

/** Signed tree heads, every one kept; at most one per tree size. */
export const ledgerHeads = pgTable('ledger_heads', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: hashBytes('root_hash').notNull(),
  /** Signed as `timestamp.toISOString()` (milliseconds; timestamptz keeps them exactly). */
  timestamp: instant('timestamp').notNull(),
  hashAlgorithm: text('hash_algorithm').notNull(),
  signatureAlgorithm: text('signature_algorithm').notNull(),
  /** DER SM2 signature, hex. */
  signature: text('signature').notNull(),
  publicKeyHex: text('public_key_hex').notNull(),
  createdAt: createdAt(),
});

/** The platform's SM2 signing key(s) for tree heads; the newest signs. Private key sealed with the master key. */
export const ledgerKeys = pgTable('ledger_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  publicKeyHex: text('public_key_hex').notNull().unique(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: createdAt(),
});
