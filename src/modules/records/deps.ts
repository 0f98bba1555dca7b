import type { Config } from '../../config.ts';
import { type BlobStore, createBlobStore } from '../../platform/blobs/index.ts';
import type { CaseLinks } from './case-links.ts';

/** What the records module's use cases are given, wired once by the composition root (src/composition.ts). */
export interface RecordsDeps {
  blobs: BlobStore;
  /** MINGJING_EVIDENCE_MAX_BYTES: larger files are refused before a byte is read. */
  maxEvidenceBytes: number;
  /** What records may know of a case: provided by the cases module, which records does not import. */
  cases: CaseLinks;
}

/**
 * The evidence store the configuration names (a new S3 client or disk root: the composition root makes one
 * per configuration) and the case links the caller hands over.
 */
export function recordsDeps(config: Config, provided: { cases: CaseLinks }): RecordsDeps {
  return {
    blobs: createBlobStore(config.blobs, config.dataDir),
    maxEvidenceBytes: config.blobs.maxBytes,
    cases: provided.cases,
  };
}
