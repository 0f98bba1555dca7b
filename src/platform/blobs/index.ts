// Public API of the evidence store: what modules and main.ts use.
export type { BlobConfig, S3BlobConfig } from './config.ts';
export { blobConfigFromEnv, blobStoreFromEnv, createBlobStore } from './config.ts';
export { LocalBlobStore } from './local.ts';
export type { S3BlobStoreOptions } from './s3.ts';
export { createS3Client, S3BlobStore } from './s3.ts';
export type { BlobSource, BlobStore, ByteRange, PutOptions, PutResult } from './store.ts';
export {
  assertBlobHash,
  BLOB_HASH_ALGORITHM,
  DEFAULT_EVIDENCE_MAX_BYTES,
  hashStream,
  isBlobHash,
} from './store.ts';
