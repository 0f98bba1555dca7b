// Public API of the evidence store: what modules and main.ts use.
export type { BlobConfig, S3BlobConfig } from './config.ts';
export { blobConfigFromEnv, blobStoreFromEnv, createBlobStore } from './config.ts';
export { LocalBlobStore } from './local.ts';
// S3BlobStore and createS3Client are not re-exported: importing them from here would load the AWS SDK
// (~1 MB of modules) into every process, also those that keep evidence on local disk. Import ./s3.ts.
export type { S3BlobStoreOptions } from './s3.ts';
export type { BlobSource, BlobStore, ByteRange, PutOptions, PutResult } from './store.ts';
export {
  assertBlobHash,
  BLOB_HASH_ALGORITHM,
  DEFAULT_EVIDENCE_MAX_BYTES,
  hashStream,
  isBlobHash,
} from './store.ts';
