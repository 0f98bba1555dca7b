// The content-addressed evidence store (ARCHITECTURE.md `platform/blobs`): photos, audio, video and any
// other evidence file, named by the SM3 hash of its bytes (GB/T 32905-2016). This file holds what both
// back-ends share: the interface, the error codes and the metering pass that hashes, counts and limits
// a source while it streams through — so no back-end ever holds a whole file in memory.
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createHasher, toHex } from '../crypto/hash.ts';
import { AppError } from '../http/errors.ts';

/** The only hash the store names files by. A future second algorithm gets its own key prefix. */
export const BLOB_HASH_ALGORITHM = 'sm3' as const;

/** 4 GiB: the default `MINGJING_EVIDENCE_MAX_BYTES` (a long body-camera recording, not a whole shift). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 4 * 1024 ** 3;

export interface PutOptions {
  /** Largest accepted file in bytes: a larger one is refused as soon as the limit is passed. */
  maxBytes: number;
  /** SM3 the client declared (64 lower-case hex); a file whose bytes hash otherwise is refused. */
  expectedHash?: string | undefined;
  /** Size the client declared (e.g. Content-Length or tus Upload-Length). */
  expectedSize?: number | undefined;
}

export interface PutResult {
  hash: string;
  size: number;
  /** false: the same bytes were stored already (deduplicated) and this put added nothing. */
  created: boolean;
}

/** Inclusive byte range, as HTTP `Range: bytes=start-end` and fs.createReadStream count. */
export interface ByteRange {
  start: number;
  end: number;
}

export type BlobSource = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

export interface BlobStore {
  readonly kind: 'local' | 's3';
  /**
   * Streams `source` into the store. Either the file is stored complete under its hash, or nothing is
   * left behind (no temporary file, object or multipart upload) and an AppError says why.
   */
  put(source: BlobSource, opts: PutOptions): Promise<PutResult>;
  /** Stores a finished file (e.g. a completed tus upload); refuses it by its size before reading. */
  putFile(path: string, opts: PutOptions): Promise<PutResult>;
  /** The stored bytes, or `range` of them. Throws BLOB_NOT_FOUND, BLOB_RANGE_INVALID. */
  open(hash: string, range?: ByteRange): Promise<Readable>;
  stat(hash: string): Promise<{ size: number } | null>;
  /**
   * Deletes a blob. Only for undoing a put that reported `created: true` whose database transaction
   * then failed: evidence that a record refers to is never deleted (R6, seed 000 item 23).
   */
  remove(hash: string): Promise<void>;
  /** Every stored hash (for `mingjing verify`). */
  list(): AsyncIterable<string>;
  /** Re-reads the stored bytes and returns their SM3 (null if the blob is missing). */
  rehash(hash: string): Promise<string | null>;
  /**
   * Deletes what puts interrupted by a crash left in the temporary area (temporary files, objects and
   * multipart uploads) older than `olderThan`. Returns how many were removed. Call at start-up.
   */
  sweepTemporary(olderThan: Date): Promise<number>;
  /** Releases connections (S3); the store is unusable afterwards. */
  close(): Promise<void>;
}

// ---- hashes, ranges and options ------------------------------------------------------------------

const HASH_RE = /^[0-9a-f]{64}$/;

export function isBlobHash(value: unknown): value is string {
  return typeof value === 'string' && HASH_RE.test(value);
}

/** Every hash that reaches a path or an object key passes here first (no `../`, no upper case). */
export function assertBlobHash(value: unknown, field = 'hash'): string {
  if (!isBlobHash(value))
    throw new AppError('BLOB_HASH_INVALID', 'SM3 哈希值应为 64 位小写十六进制字符', field);
  return value;
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Checks put options and refuses by declared size before a byte is read. */
export function checkPutOptions(opts: PutOptions): void {
  if (!isSize(opts.maxBytes))
    throw new TypeError(`maxBytes must be a non-negative integer: ${opts.maxBytes}`);
  if (opts.expectedHash !== undefined) assertBlobHash(opts.expectedHash, 'expectedHash');
  if (opts.expectedSize !== undefined) {
    if (!isSize(opts.expectedSize)) {
      throw new AppError('VALIDATION_FAILED', '声明的文件大小应为非负整数', 'expectedSize');
    }
    if (opts.expectedSize > opts.maxBytes) throw tooLarge(opts.maxBytes);
  }
}

export function checkRange(range: ByteRange | undefined, size: number): void {
  if (range === undefined) return;
  const { start, end } = range;
  if (!isSize(start) || !isSize(end) || start > end) {
    throw new AppError('BLOB_RANGE_INVALID', '请求的字节范围无效：起点应不大于终点，且均为非负整数', 'range');
  }
  if (end >= size) {
    throw new AppError(
      'BLOB_RANGE_INVALID',
      `请求的字节范围 ${start}-${end} 超出文件（${size} 字节）`,
      'range',
    );
  }
}

// ---- errors --------------------------------------------------------------------------------------

/** A size for people: `4 GiB`, `256 KiB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(2)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(2)} KiB`;
  return `${n} 字节`;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('BLOB_TOO_LARGE', `文件超过允许的大小（${formatBytes(maxBytes)}）`, 'file');
}

export function blobNotFound(hash: string): AppError {
  return new AppError('BLOB_NOT_FOUND', `证据文件不存在：${hash}`, 'hash');
}

/** A back-end failure the client cannot fix (disk full, object storage unreachable); keeps the cause. */
export function storeUnavailable(cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  const e = new AppError('BLOB_STORE_UNAVAILABLE', '证据存储暂时不可用，请稍后重试');
  e.cause = cause;
  return e;
}

// ---- metering ------------------------------------------------------------------------------------

export interface Metered {
  /** The source's bytes, hashed and counted on the way through. Iterate it once. */
  readonly chunks: AsyncGenerator<Uint8Array, void, undefined>;
  /** The first error the meter raised (too large, truncated): back-ends rethrow it over their own. */
  readonly failure: Error | undefined;
  /** After `chunks` is exhausted: the hash and size, once the declared size and hash are checked. */
  finish(): { hash: string; size: number };
}

/**
 * Wraps a source so that the bytes are SM3-hashed and counted as they stream (constant memory), the
 * source is abandoned — not drained — as soon as `maxBytes` or the declared size is passed, and a source
 * that errors (an aborted upload) becomes BLOB_TRUNCATED.
 */
export function meter(source: BlobSource, opts: PutOptions): Metered {
  const hasher = createHasher(BLOB_HASH_ALGORITHM);
  let size = 0;
  let done = false;
  let failure: Error | undefined;
  const fail = <E extends Error>(e: E): E => {
    failure ??= e;
    return e;
  };

  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    const iterable = source as AsyncIterable<Uint8Array | string>;
    const it = iterable[Symbol.asyncIterator]();
    try {
      while (true) {
        let step: IteratorResult<Uint8Array | string>;
        try {
          step = await it.next();
        } catch (cause) {
          const e = fail(new AppError('BLOB_TRUNCATED', '文件上传中断或不完整，未保存任何内容', 'file'));
          e.cause = cause;
          throw e;
        }
        if (step.done) break;
        const chunk = step.value;
        // Evidence is bytes: a string chunk means someone called setEncoding() on the stream.
        if (typeof chunk === 'string') throw fail(new TypeError('blob source yielded a string, not bytes'));
        if (chunk.byteLength === 0) continue;
        size += chunk.byteLength;
        // Checked before the chunk goes anywhere, and the loop stops here: the rest is never read.
        if (size > opts.maxBytes) throw fail(tooLarge(opts.maxBytes));
        if (opts.expectedSize !== undefined && size > opts.expectedSize) {
          throw fail(sizeMismatch(opts.expectedSize, size, true));
        }
        hasher.update(chunk);
        yield chunk;
      }
      done = true;
    } finally {
      // Leaving early (our error, or the consumer gave up): close the source so it stops producing
      // (destroys a Readable; an HTTP request's socket is then released by the server).
      if (!done) {
        try {
          await it.return?.();
        } catch {
          // A source that fails while being closed: the error that made us close it is the one to report.
        }
      }
    }
  }

  return {
    chunks: chunks(),
    get failure() {
      return failure;
    },
    finish() {
      if (!done) throw new Error('meter.finish() before the source was fully read');
      if (opts.expectedSize !== undefined && size !== opts.expectedSize) {
        throw fail(sizeMismatch(opts.expectedSize, size, false));
      }
      const hash = toHex(hasher.digest());
      if (opts.expectedHash !== undefined && hash !== opts.expectedHash) {
        throw fail(
          new AppError(
            'BLOB_HASH_MISMATCH',
            `文件的 SM3 哈希值与声明不符（声明 ${opts.expectedHash}，实际 ${hash}），未保存`,
            'expectedHash',
          ),
        );
      }
      return { hash, size };
    },
  };
}

function sizeMismatch(expected: number, received: number, atLeast: boolean): AppError {
  return new AppError(
    'BLOB_SIZE_MISMATCH',
    `文件大小与声明不符（声明 ${expected} 字节，实际${atLeast ? '至少' : ''} ${received} 字节），未保存`,
    'expectedSize',
  );
}

/** SM3 of a whole stream, read in constant memory. */
/** Re-reads a stored blob and returns its SM3, or null if it is missing (both back-ends' `rehash`). */
export async function rehashStored(store: Pick<BlobStore, 'open'>, hash: string): Promise<string | null> {
  let stream: Readable;
  try {
    stream = await store.open(hash);
  } catch (e) {
    if (e instanceof AppError && e.code === 'BLOB_NOT_FOUND') return null;
    throw e;
  }
  return hashStream(stream);
}

export async function hashStream(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const hasher = createHasher(BLOB_HASH_ALGORITHM);
  for await (const chunk of stream) hasher.update(chunk);
  return toHex(hasher.digest());
}

/**
 * A finished file as a put source: its size is known before a byte is read, so a file over the limit
 * (or of another size than declared) is refused without reading it, and the size is then enforced while
 * streaming in case the file changes underneath.
 */
export async function fileSource(
  path: string,
  opts: PutOptions,
): Promise<{ source: Readable; opts: PutOptions }> {
  checkPutOptions(opts);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > opts.maxBytes) throw tooLarge(opts.maxBytes);
    if (opts.expectedSize !== undefined && opts.expectedSize !== size)
      throw sizeMismatch(opts.expectedSize, size, false);
    return {
      source: handle.createReadStream({ highWaterMark: FILE_CHUNK }),
      opts: { ...opts, expectedSize: size },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** Read size for stored and finished files: fewer, larger reads for multi-gigabyte videos. */
export const FILE_CHUNK = 1024 * 1024;
