// The S3 back-end's connection: its options, the client, the storage's limits, and the small requests
// every part of it makes (HEAD, quiet clean-up, listing a prefix).
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  S3Client,
} from '@aws-sdk/client-s3';
import { storeUnavailable } from './store.ts';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;
/** S3 limits: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10 000 parts per upload. */
export const MIN_PART = 5 * MiB;
export const MAX_PART = 5 * GiB;
export const MAX_PARTS = 10_000;
/** CopyObject copies at most 5 GiB in one request; larger objects are copied part by part. */
export const COPY_OBJECT_LIMIT = 5 * GiB;

export interface S3BlobStoreOptions {
  bucket: string;
  /** e.g. `http://127.0.0.1:9000` for MinIO; omitted for AWS itself. */
  endpoint?: string | undefined;
  region?: string | undefined;
  /** Omitted: the SDK's default credential chain (environment, instance role, …). */
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** `bucket` in the path instead of the host name: needed by most servers that are not AWS. */
  forcePathStyle?: boolean | undefined;
  /** A client of one's own (its configuration is then the caller's business). */
  client?: S3Client | undefined;
  /** Upload part size (default 8 MiB; raised automatically so that maxBytes fits in 10 000 parts). */
  partSize?: number | undefined;
  /** Parts uploaded at once (default 2): memory per put ≈ (queueSize + 1) × partSize. */
  queueSize?: number | undefined;
  /** Objects larger than this are copied with UploadPartCopy (default and S3 maximum: 5 GiB). */
  copyObjectLimit?: number | undefined;
  /** Part size of those copies (default 1 GiB). */
  copyPartSize?: number | undefined;
}

/** Where the requests go: a client and its bucket. */
export interface S3Target {
  readonly client: S3Client;
  readonly bucket: string;
}

export function httpStatus(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

/** A client configured for S3-compatible servers as well as AWS. */
export function createS3Client(o: Omit<S3BlobStoreOptions, 'bucket' | 'client'>): S3Client {
  return new S3Client({
    endpoint: o.endpoint,
    region: o.region ?? 'us-east-1',
    forcePathStyle: o.forcePathStyle ?? false,
    ...(o.accessKeyId && o.secretAccessKey
      ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } }
      : {}),
    // AWS SDK ≥ 3.729 adds CRC32 checksums (aws-chunked trailers) to every upload by default, which
    // many S3-compatible servers reject; our integrity check is the SM3 we compute ourselves.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export async function headObject(t: S3Target, key: string): Promise<{ size: number } | null> {
  try {
    const r = await t.client.send(new HeadObjectCommand({ Bucket: t.bucket, Key: key }));
    return { size: r.ContentLength ?? 0 };
  } catch (e) {
    if (httpStatus(e) === 404) return null;
    throw e;
  }
}

// Clean-up on error paths must not hide the error that caused it; sweepTemporary() is the backstop.
export async function deleteQuietly(t: S3Target, key: string): Promise<void> {
  await t.client.send(new DeleteObjectCommand({ Bucket: t.bucket, Key: key })).catch(() => undefined);
}

export async function abortQuietly(t: S3Target, key: string, uploadId: string | undefined): Promise<void> {
  if (!uploadId) return;
  await t.client
    .send(new AbortMultipartUploadCommand({ Bucket: t.bucket, Key: key, UploadId: uploadId }))
    .catch(() => undefined);
}

export async function deleteKey(t: S3Target, key: string): Promise<void> {
  try {
    await t.client.send(new DeleteObjectCommand({ Bucket: t.bucket, Key: key }));
  } catch (e) {
    throw storeUnavailable(e);
  }
}

/** Every object under `prefix`, a page of ListObjectsV2 at a time. */
export async function* listObjects(
  t: S3Target,
  prefix: string,
): AsyncIterable<{ key: string; lastModified: Date | undefined }> {
  let token: string | undefined;
  do {
    let r: ListObjectsV2CommandOutput;
    try {
      r = await t.client.send(
        new ListObjectsV2Command({
          Bucket: t.bucket,
          Prefix: prefix,
          ...(token ? { ContinuationToken: token } : {}),
        }),
      );
    } catch (e) {
      throw storeUnavailable(e);
    }
    for (const o of r.Contents ?? []) if (o.Key) yield { key: o.Key, lastModified: o.LastModified };
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
  } while (token);
}
