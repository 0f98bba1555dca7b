// The production back-end: S3-compatible object storage. Keys:
//   sm3/<hash>   stored evidence (flat: S3 partitions by key itself)
//   tmp/<uuid>   puts in progress
// A put streams into tmp/<uuid> with a multipart upload while hashing (memory: (queueSize + 1) ×
// partSize, whatever the file size), then copies the object to sm3/<hash> inside the storage unless it is there
// already, and deletes the temporary object. Every error path aborts the multipart upload and deletes
// the temporary object; sweepTemporary() removes what a crash left.
// The parts have their files: s3-client.ts (options, client, limits, small requests), s3-upload.ts
// (streaming into the temporary object), s3-promote.ts (the conditional copy), s3-sweep.ts (clean-up).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import {
  COPY_OBJECT_LIMIT,
  createS3Client,
  deleteKey,
  deleteQuietly,
  GiB,
  headObject,
  httpStatus,
  listObjects,
  MAX_PART,
  MAX_PARTS,
  MIN_PART,
  MiB,
  type S3BlobStoreOptions,
  type S3Target,
} from './s3-client.ts';
import { type CopyLimits, promote } from './s3-promote.ts';
import { sweepTemporary } from './s3-sweep.ts';
import { uploadTemporary } from './s3-upload.ts';
import {
  assertBlobHash,
  type BlobSource,
  type BlobStore,
  type ByteRange,
  blobNotFound,
  checkPutOptions,
  checkRange,
  fileSource,
  isBlobHash,
  meter,
  type PutOptions,
  type PutResult,
  rehashStored,
  storeUnavailable,
} from './store.ts';

export type { S3BlobStoreOptions } from './s3-client.ts';
export { createS3Client } from './s3-client.ts';

export class S3BlobStore implements BlobStore, S3Target {
  readonly kind = 's3' as const;
  readonly bucket: string;
  readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly copy: CopyLimits;

  constructor(o: S3BlobStoreOptions) {
    if (!o.bucket) throw new Error('S3BlobStore: bucket is required');
    this.bucket = o.bucket;
    this.client = o.client ?? createS3Client(o);
    this.ownsClient = o.client === undefined;
    this.partSize = Math.max(MIN_PART, o.partSize ?? 8 * MiB);
    this.queueSize = Math.max(1, o.queueSize ?? 2);
    this.copy = {
      copyObjectLimit: Math.min(COPY_OBJECT_LIMIT, o.copyObjectLimit ?? COPY_OBJECT_LIMIT),
      copyPartSize: o.copyPartSize ?? GiB,
    };
  }

  /** The object key of a blob (validated first: the hash becomes part of a request path). */
  keyOf(hash: string): string {
    return `sm3/${assertBlobHash(hash)}`;
  }

  async put(source: BlobSource, opts: PutOptions): Promise<PutResult> {
    checkPutOptions(opts);
    const metered = meter(source, opts);
    const tmpKey = `tmp/${randomUUID()}`;
    // The whole of the largest allowed file must fit in 10 000 parts.
    const limit = opts.expectedSize ?? opts.maxBytes;
    const partSize = Math.min(MAX_PART, Math.max(this.partSize, Math.ceil(limit / MAX_PARTS / MiB) * MiB));
    try {
      await uploadTemporary(this, metered.chunks, tmpKey, partSize, this.queueSize);
    } catch (e) {
      await deleteQuietly(this, tmpKey);
      throw metered.failure ?? storeUnavailable(e);
    }
    try {
      const { hash, size } = metered.finish();
      const created = await promote(this, tmpKey, this.keyOf(hash), size, this.copy);
      return { hash, size, created };
    } catch (e) {
      throw storeUnavailable(e);
    } finally {
      await deleteQuietly(this, tmpKey);
    }
  }

  async putFile(path: string, opts: PutOptions): Promise<PutResult> {
    const file = await fileSource(path, opts);
    return this.put(file.source, file.opts);
  }

  async open(hash: string, range?: ByteRange): Promise<Readable> {
    const key = this.keyOf(hash);
    if (range) checkRange(range, Number.POSITIVE_INFINITY); // shape only; the size comes back below
    let r: GetObjectCommandOutput;
    try {
      r = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
    } catch (e) {
      const status = httpStatus(e);
      if (status === 404) throw blobNotFound(hash);
      if (status === 416 && range) {
        const s = await this.stat(hash);
        if (!s) throw blobNotFound(hash);
        checkRange(range, s.size);
      }
      throw storeUnavailable(e);
    }
    const body = r.Body;
    if (!(body instanceof Readable))
      throw storeUnavailable(new Error('S3 GetObject returned no Node.js stream'));
    if (range) {
      // S3 shortens a range that runs past the end instead of refusing it; we refuse it, like the
      // local store, so a caller never gets fewer bytes than it asked for without knowing.
      const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(r.ContentRange ?? '');
      const got = m ? { start: Number(m[1]), end: Number(m[2]), size: Number(m[3]) } : undefined;
      if (!got || got.start !== range.start || got.end !== range.end) {
        body.destroy();
        if (got) checkRange(range, got.size);
        throw storeUnavailable(
          new Error(`S3 answered range ${r.ContentRange} for ${range.start}-${range.end}`),
        );
      }
    }
    return body;
  }

  async stat(hash: string): Promise<{ size: number } | null> {
    const key = this.keyOf(hash);
    try {
      return await headObject(this, key);
    } catch (e) {
      throw storeUnavailable(e);
    }
  }

  async remove(hash: string): Promise<void> {
    await deleteKey(this, this.keyOf(hash));
  }

  async *list(): AsyncIterable<string> {
    for await (const o of listObjects(this, 'sm3/')) {
      const hash = o.key.slice('sm3/'.length);
      if (isBlobHash(hash)) yield hash;
    }
  }

  rehash(hash: string): Promise<string | null> {
    return rehashStored(this, hash);
  }

  async sweepTemporary(olderThan: Date): Promise<number> {
    return sweepTemporary(this, olderThan);
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
  }
}
