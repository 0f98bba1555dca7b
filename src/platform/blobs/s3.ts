// The production back-end: S3-compatible object storage. Keys:
//   sm3/<hash>   stored evidence (flat: S3 partitions by key itself)
//   tmp/<uuid>   puts in progress
// A put streams into tmp/<uuid> with a multipart upload while hashing (memory: (queueSize + 1) ×
// partSize, whatever the file size), then copies the object to sm3/<hash> inside the storage unless it is there
// already, and deletes the temporary object. Every error path aborts the multipart upload and deletes
// the temporary object; sweepTemporary() removes what a crash left.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
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

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** S3 limits: parts of 5 MiB to 5 GiB (the last may be smaller), at most 10 000 parts per upload. */
const MIN_PART = 5 * MiB;
const MAX_PART = 5 * GiB;
const MAX_PARTS = 10_000;
/** CopyObject copies at most 5 GiB in one request; larger objects are copied part by part. */
const COPY_OBJECT_LIMIT = 5 * GiB;

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

function httpStatus(e: unknown): number | undefined {
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

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly bucket: string;
  readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly partSize: number;
  private readonly queueSize: number;
  private readonly copyObjectLimit: number;
  private readonly copyPartSize: number;

  constructor(o: S3BlobStoreOptions) {
    if (!o.bucket) throw new Error('S3BlobStore: bucket is required');
    this.bucket = o.bucket;
    this.client = o.client ?? createS3Client(o);
    this.ownsClient = o.client === undefined;
    this.partSize = Math.max(MIN_PART, o.partSize ?? 8 * MiB);
    this.queueSize = Math.max(1, o.queueSize ?? 2);
    this.copyObjectLimit = Math.min(COPY_OBJECT_LIMIT, o.copyObjectLimit ?? COPY_OBJECT_LIMIT);
    this.copyPartSize = o.copyPartSize ?? GiB;
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
      await this.uploadTemporary(metered.chunks, tmpKey, partSize);
    } catch (e) {
      await this.deleteQuietly(tmpKey);
      throw metered.failure ?? storeUnavailable(e);
    }
    try {
      const { hash, size } = metered.finish();
      const created = await this.promote(tmpKey, this.keyOf(hash), size);
      return { hash, size, created };
    } catch (e) {
      throw storeUnavailable(e);
    } finally {
      await this.deleteQuietly(tmpKey);
    }
  }

  /**
   * Streams `chunks` to `key`: one PutObject if they fit in a part, else a multipart upload with at most
   * `queueSize` parts in flight. Memory is (queueSize + 1) part buffers whatever the size: the bytes are
   * copied into reused part buffers, which also keeps a source that reuses its own buffer from changing
   * bytes after they were hashed. (lib-storage's Upload was measured at about twice this, as it
   * concatenates chunks into fresh buffers, and on a failed abort it throws the abort's error instead of
   * the cause.) On any error the multipart upload is aborted before this throws.
   */
  private async uploadTemporary(
    chunks: AsyncIterable<Uint8Array>,
    key: string,
    partSize: number,
  ): Promise<void> {
    const free: Buffer[] = [];
    let buf: Buffer = Buffer.allocUnsafe(partSize);
    let fill = 0;
    let uploadId: string | undefined;
    const parts: { PartNumber: number; ETag: string | undefined }[] = [];
    const inFlight = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;

    const flush = async () => {
      uploadId ??= (
        await this.client.send(
          new CreateMultipartUploadCommand({
            Bucket: this.bucket,
            Key: key,
            ContentType: 'application/octet-stream',
          }),
        )
      ).UploadId;
      while (inFlight.size >= this.queueSize) await Promise.race(inFlight);
      if (failure) throw failure.error;
      const body = buf;
      const length = fill;
      const PartNumber = parts.length + 1;
      const part = { PartNumber, ETag: undefined as string | undefined };
      parts.push(part);
      const sending = this.client
        .send(
          new UploadPartCommand({
            Bucket: this.bucket,
            Key: key,
            UploadId: uploadId,
            PartNumber,
            Body: body.subarray(0, length),
            ContentLength: length,
          }),
        )
        .then(
          (r) => {
            part.ETag = r.ETag;
            free.push(body);
          },
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
      buf = free.pop() ?? Buffer.allocUnsafe(partSize);
      fill = 0;
    };

    try {
      for await (const chunk of chunks) {
        for (let offset = 0; offset < chunk.byteLength; ) {
          // A full buffer is sent only once more bytes arrive, so the last part is never empty.
          if (fill === partSize) await flush();
          const n = Math.min(partSize - fill, chunk.byteLength - offset);
          buf.set(chunk.subarray(offset, offset + n), fill);
          fill += n;
          offset += n;
        }
      }
      if (uploadId === undefined) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: buf.subarray(0, fill),
            ContentLength: fill,
            ContentType: 'application/octet-stream',
          }),
        );
        return;
      }
      await flush();
      await Promise.all(inFlight);
      if (failure) throw failure.error;
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (e) {
      await Promise.all(inFlight); // never rejects: failures are recorded above
      await this.abortQuietly(key, uploadId);
      throw e;
    }
  }

  /**
   * Copies the verified temporary object to its hash key unless a blob has it already. The HEAD saves
   * the copy for a duplicate; `If-None-Match: *` makes the copy itself refuse to replace an object, so of
   * two racing puts of the same bytes exactly one reports `created: true` — on servers that implement
   * conditional writes (AWS since 2024, MinIO). Others ignore the header and overwrite with identical bytes.
   */
  private async promote(tmpKey: string, key: string, size: number): Promise<boolean> {
    if (await this.head(key)) return false;
    try {
      if (size <= this.copyObjectLimit) {
        await this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            Key: key,
            CopySource: `${encodeURIComponent(this.bucket)}/${tmpKey}`,
            IfNoneMatch: '*',
          }),
        );
      } else {
        await this.copyInParts(tmpKey, key, size);
      }
      return true;
    } catch (e) {
      const status = httpStatus(e);
      if (status === 412) return false; // PreconditionFailed: the key exists
      // ConditionalRequestConflict: a concurrent write to the same key; if it landed, it has our bytes.
      if (status === 409 && (await this.head(key))) return false;
      throw e;
    }
  }

  /** UploadPartCopy for objects over CopyObject's 5 GiB limit; conditional on completion. */
  private async copyInParts(tmpKey: string, key: string, size: number): Promise<void> {
    const partSize = Math.min(MAX_PART, Math.max(this.copyPartSize, Math.ceil(size / MAX_PARTS)));
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.bucket,
        Key: key,
        ContentType: 'application/octet-stream',
      }),
    );
    try {
      const parts: { PartNumber: number; ETag: string | undefined }[] = [];
      for (let start = 0, n = 1; start < size; start += partSize, n++) {
        const end = Math.min(start + partSize, size) - 1;
        const r = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: this.bucket,
            Key: key,
            UploadId,
            PartNumber: n,
            CopySource: `${encodeURIComponent(this.bucket)}/${tmpKey}`,
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        );
        parts.push({ PartNumber: n, ETag: r.CopyPartResult?.ETag });
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: key,
          UploadId,
          MultipartUpload: { Parts: parts },
          IfNoneMatch: '*',
        }),
      );
    } catch (e) {
      await this.abortQuietly(key, UploadId);
      throw e;
    }
  }

  private async head(key: string): Promise<{ size: number } | null> {
    try {
      const r = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: r.ContentLength ?? 0 };
    } catch (e) {
      if (httpStatus(e) === 404) return null;
      throw e;
    }
  }

  // Clean-up on error paths must not hide the error that caused it; sweepTemporary() is the backstop.
  private async deleteQuietly(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })).catch(() => undefined);
  }

  private async abortQuietly(key: string, uploadId: string | undefined): Promise<void> {
    if (!uploadId) return;
    await this.client
      .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }))
      .catch(() => undefined);
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
      return await this.head(key);
    } catch (e) {
      throw storeUnavailable(e);
    }
  }

  async remove(hash: string): Promise<void> {
    await this.deleteKey(this.keyOf(hash));
  }

  async *list(): AsyncIterable<string> {
    for await (const o of this.objects('sm3/')) {
      const hash = o.key.slice('sm3/'.length);
      if (isBlobHash(hash)) yield hash;
    }
  }

  private async *objects(prefix: string): AsyncIterable<{ key: string; lastModified: Date | undefined }> {
    let token: string | undefined;
    do {
      let r: ListObjectsV2CommandOutput;
      try {
        r = await this.listPage(prefix, token);
      } catch (e) {
        throw storeUnavailable(e);
      }
      for (const o of r.Contents ?? []) if (o.Key) yield { key: o.Key, lastModified: o.LastModified };
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
  }

  private listPage(prefix: string, token: string | undefined) {
    return this.client.send(
      new ListObjectsV2Command({
        Bucket: this.bucket,
        Prefix: prefix,
        ...(token ? { ContinuationToken: token } : {}),
      }),
    );
  }

  rehash(hash: string): Promise<string | null> {
    return rehashStored(this, hash);
  }

  async sweepTemporary(olderThan: Date): Promise<number> {
    let removed = 0;
    const stale: string[] = [];
    for await (const o of this.objects('tmp/'))
      if (o.lastModified && o.lastModified < olderThan) stale.push(o.key);
    for (const key of stale) {
      await this.deleteKey(key);
      removed++;
    }
    // Multipart uploads a crash left behind: their parts are billed and invisible to ListObjects.
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    try {
      do {
        const r = await this.client.send(
          new ListMultipartUploadsCommand({
            Bucket: this.bucket,
            ...(keyMarker ? { KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker } : {}),
          }),
        );
        for (const u of r.Uploads ?? []) {
          const ours = u.Key?.startsWith('tmp/') || u.Key?.startsWith('sm3/');
          if (ours && u.UploadId && u.Initiated && u.Initiated < olderThan) {
            await this.client.send(
              new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: u.Key, UploadId: u.UploadId }),
            );
            removed++;
          }
        }
        keyMarker = r.IsTruncated ? r.NextKeyMarker : undefined;
        uploadIdMarker = r.NextUploadIdMarker;
      } while (keyMarker);
    } catch (e) {
      throw storeUnavailable(e);
    }
    return removed;
  }

  private async deleteKey(key: string): Promise<void> {
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (e) {
      throw storeUnavailable(e);
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
  }
}
