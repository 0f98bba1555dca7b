// What `mingjing verify` reports, and how a module plugs its own record checks into it.
import type { HashAlgorithm } from '../crypto/index.ts';
import type { Db } from '../db/index.ts';
import type { LedgerEntry } from './entry.ts';

export type DiscrepancyKind =
  /** A stored file (evidence) is gone. */
  | 'missing_file'
  /** A stored file's bytes no longer hash to what the ledger logged. */
  | 'altered_file'
  /** A logged row no longer hashes to its entry's contentHash (or disagrees with the entry). */
  | 'altered_row'
  /** A logged row is gone. */
  | 'deleted_row'
  /** A row that must be logged has no entry (written behind the platform's back). */
  | 'unlogged_row'
  /** An entry no longer hashes to its leaf (or the entry and its leaf were rewritten together). */
  | 'altered_entry'
  /** An index below the log's size (or below a signed head's size) has no entry. */
  | 'missing_entry'
  /** An entry at an index the log's size does not cover. */
  | 'extra_entry'
  /** A stored tree node disagrees with its children. */
  | 'altered_node'
  /** A tree node that must be stored is not. */
  | 'missing_node'
  /** A tree node stored beyond the log's size. */
  | 'extra_node'
  /** A validly signed head whose root is not the root of this log at its size. */
  | 'forked_head'
  /** A head whose signature does not verify. */
  | 'bad_signature'
  /** A head signed with a key the platform never held. */
  | 'unknown_key'
  /** A head timestamped earlier than a head of a smaller size. */
  | 'head_out_of_order';

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** The ledger index concerned (the first one for a range). */
  index?: number;
  /** The logged record concerned. */
  recordId?: string;
  /** What is wrong, in Chinese, one line. */
  detail: string;
}

/** An entry whose stored leaf hash it still matches: what a RecordCheck is given. */
export interface CheckedEntry {
  index: number;
  entry: LedgerEntry;
}

/**
 * A module's check of its own rows against their entries, registered by entry kind. `check` gets
 * every entry of its kinds, a page at a time in index order; `unlogged` runs once at the end and
 * reports rows that should have an entry and have none. Entries that no longer match their leaf
 * hash are reported by the ledger and not passed on.
 */
export interface RecordCheck {
  /** Entry kinds this check understands, e.g. `document.version`. */
  kinds: readonly string[];
  /** What an entry stands for, in Chinese, for the summary (e.g. 文书). */
  label?: string;
  /** Whether the summary counts its entries as stored files or as rows (default). */
  unit?: 'record' | 'file';
  check(db: Db, entries: readonly CheckedEntry[]): Promise<Discrepancy[]>;
  unlogged?(db: Db): Promise<Discrepancy[]>;
}

export interface VerifyOptions {
  checks?: readonly RecordCheck[];
  /** Entries per page (default 1000): memory and query size grow with it. */
  pageSize?: number;
  /** Called for every discrepancy as it is found (the report keeps only the first `maxListed`). */
  onDiscrepancy?: (d: Discrepancy) => void;
  /** Called after every page. */
  onProgress?: (p: { entriesChecked: number; treeSize: number }) => void;
  /** Discrepancies kept in the report (default 1000); all are counted and passed to onDiscrepancy. */
  maxListed?: number;
}

export interface KindSummary {
  entries: number;
  /** Labels of the checks that looked at the rows behind these entries; empty: ledger only. */
  checkedBy: string[];
}

export interface VerifyReport {
  /** No discrepancy. */
  ok: boolean;
  /** ledger_state.size when the check started: entries 0 … treeSize − 1 were checked. */
  treeSize: number;
  hashAlgorithm: HashAlgorithm | null;
  entriesChecked: number;
  nodesChecked: number;
  /** Heads whose signature and root were checked. */
  headsChecked: number;
  /** Entries handed to record checks counted as rows, and as files. */
  recordsChecked: number;
  filesChecked: number;
  byKind: Record<string, KindSummary>;
  /** Appended while the check ran (not checked): entries, and heads whose signature alone was checked. */
  appendedDuringCheck: { entries: number; heads: number };
  discrepancyCount: number;
  discrepancies: Discrepancy[];
  durationMs: number;
}
