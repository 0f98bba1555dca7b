// Test-only: the contract every BlobStore back-end must keep, run by local.test.ts and s3.test.ts
// against a real file system and a real (local) S3-compatible server. Not imported by the platform.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createHasher, hashHex, toHex } from '../crypto/hash.ts';
import { AppError } from '../http/errors.ts';
import type { BlobStore, PutOptions } from './store.ts';

export interface ContractHarness {
  store: BlobStore;
  /** What the back-end's temporary area holds: temporary files, or tmp/ objects and multipart uploads. */
  leftovers(): Promise<string[]>;
  /** How many blobs are physically stored (files under sm3/, objects under sm3/). */
  storedCount(): Promise<number>;
  /** Replaces a stored blob's bytes behind the store's back (an attacker with disk or bucket access). */
  tamper(hash: string, bytes: Uint8Array): Promise<void>;
  /** Leaves in the temporary area what a crash in the middle of a put would leave. */
  plantCrashLeftovers(): Promise<void>;
  close(): Promise<void>;
}

const MiB = 1024 * 1024;

// A full garbage collection on demand (as `node --expose-gc` would give), for the memory test.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const LIMIT: PutOptions = { maxBytes: 256 * MiB };
const sm3 = (b: Uint8Array) => hashHex('sm3', b);

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Expects an AppError with this code (and nothing else: a TypeError or SDK error fails the test). */
async function refused(p: Promise<unknown>, code: string): Promise<AppError> {
  const e = await p.then(
    () => assert.fail(`expected ${code}, but it succeeded`),
    (e: unknown) => e,
  );
  assert.ok(e instanceof AppError, `expected AppError ${code}, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  return e;
}

function fillChunk(b: Buffer, i: number): Buffer {
  b.fill(i % 251);
  b.writeUInt32BE(i, 0);
  return b;
}

/** A source that yields `chunks` chunks of `size` fresh bytes each (Infinity: never ends). */
function generated(chunks: number, size = 64 * 1024) {
  const state = { pulled: 0, closed: false };
  async function* gen() {
    try {
      for (let i = 0; i < chunks; i++) {
        state.pulled++;
        // A fresh buffer per chunk: a store that kept chunks would keep all of them.
        yield fillChunk(Buffer.allocUnsafe(size), i);
      }
    } finally {
      state.closed = true;
    }
  }
  return { source: gen(), state };
}

/** A source that must not be read at all. */
const untouchable: AsyncIterable<Uint8Array> = {
  [Symbol.asyncIterator]() {
    throw new Error('the source was read although the declared size had to be refused first');
  },
};

export function blobStoreContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`BlobStore contract: ${name}`, () => {
    let h: ContractHarness;
    let store: BlobStore;
    let scratch: string;
    before(async () => {
      h = await makeHarness();
      store = h.store;
      scratch = await mkdtemp(join(tmpdir(), 'mingjing-blob-src-'));
    });
    after(async () => {
      await h?.close();
      await rm(scratch, { recursive: true, force: true });
    });

    async function assertNothingLeft(): Promise<void> {
      assert.deepEqual(await h.leftovers(), [], 'temporary area must be empty');
    }

    it('round trip: put returns the SM3 and size; stat, open, rehash and list agree', async () => {
      const bytes = randomBytes(300_000);
      const r = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), LIMIT);
      assert.deepEqual(r, { hash: sm3(bytes), size: bytes.length, created: true });
      assert.deepEqual(await store.stat(r.hash), { size: bytes.length });
      assert.ok((await readAll(await store.open(r.hash))).equals(bytes));
      assert.equal(await store.rehash(r.hash), r.hash);
      const listed: string[] = [];
      for await (const x of store.list()) listed.push(x);
      assert.ok(listed.includes(r.hash));
      await assertNothingLeft();
    });

    it('an empty file is a blob too (SM3 of the empty string, GB/T 32905 appendix)', async () => {
      const r = await store.put(Readable.from([]), LIMIT);
      assert.equal(r.hash, '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
      assert.equal(r.size, 0);
      assert.equal((await readAll(await store.open(r.hash))).length, 0);
    });

    it('deduplicates: the same bytes again report created: false and add no object', async () => {
      const bytes = randomBytes(70_000);
      const first = await store.put(Readable.from([bytes]), LIMIT);
      const count = await h.storedCount();
      const second = await store.put(
        (async function* () {
          yield bytes.subarray(0, 5);
          yield bytes.subarray(5);
        })(),
        { ...LIMIT, expectedHash: first.hash, expectedSize: bytes.length },
      );
      assert.equal(first.created, true);
      assert.deepEqual(second, { hash: first.hash, size: bytes.length, created: false });
      assert.equal(await h.storedCount(), count);
      await assertNothingLeft();
    });

    it('putFile stores a finished file (e.g. a completed tus upload)', async () => {
      const bytes = randomBytes(200_000);
      const path = join(scratch, 'upload.bin');
      await writeFile(path, bytes);
      const r = await store.putFile(path, { ...LIMIT, expectedHash: sm3(bytes) });
      assert.deepEqual(r, { hash: sm3(bytes), size: bytes.length, created: true });
      assert.ok((await readAll(await store.open(r.hash))).equals(bytes));
      await refused(store.putFile(path, { ...LIMIT, expectedSize: bytes.length + 1 }), 'BLOB_SIZE_MISMATCH');
    });

    it('streams a 64 MiB file in bounded memory', async () => {
      const chunks = 64;
      // The expected hash from one reused buffer, so that computing it does not leave freed memory
      // behind that a buffering store could then fill without RSS growing.
      const hasher = createHasher('sm3');
      const scratchChunk = Buffer.allocUnsafe(MiB);
      for (let i = 0; i < chunks; i++) hasher.update(fillChunk(scratchChunk, i));
      const expected = toHex(hasher.digest());
      // Sampled with a full GC first, so garbage chunks waiting for collection do not count: what is
      // left is what the store holds on to.
      const live = () => {
        gc();
        const m = process.memoryUsage();
        return { live: m.heapUsed + m.arrayBuffers, rss: m.rss };
      };
      const base = live();
      const peak = { ...base };
      const sampler = setInterval(() => {
        const m = live();
        peak.live = Math.max(peak.live, m.live);
        peak.rss = Math.max(peak.rss, m.rss);
      }, 50);
      try {
        const r = await store.put(generated(chunks, MiB).source, LIMIT);
        assert.deepEqual(r, { hash: expected, size: chunks * MiB, created: true });
      } finally {
        clearInterval(sampler);
      }
      const liveGrowth = (peak.live - base.live) / MiB;
      const rssGrowth = (peak.rss - base.rss) / MiB;
      if (process.env.BLOB_DEBUG)
        console.log(`growth: live ${liveGrowth.toFixed(1)} MiB, RSS ${rssGrowth.toFixed(1)} MiB`);
      // Holding the file would grow both by ≥ 64 MiB; streaming holds a few chunks (S3: a few parts).
      assert.ok(liveGrowth < 32, `live memory grew by ${liveGrowth.toFixed(1)} MiB storing a 64 MiB file`);
      assert.ok(rssGrowth < 48, `RSS grew by ${rssGrowth.toFixed(1)} MiB storing a 64 MiB file`);
      assert.deepEqual(await store.stat(expected), { size: chunks * MiB });
      await assertNothingLeft();
    });

    it('refuses a file over maxBytes as soon as the limit is passed and stops reading', async () => {
      const { source, state } = generated(Number.POSITIVE_INFINITY, 64 * 1024);
      const before = await h.storedCount();
      await refused(store.put(source, { maxBytes: 2 * MiB }), 'BLOB_TOO_LARGE');
      assert.ok(state.closed, 'the source must be closed');
      // 2 MiB is 32 chunks; a little read-ahead is fine, draining the source is not.
      assert.ok(state.pulled <= 32 + 40, `pulled ${state.pulled} chunks of an infinite source`);
      assert.equal(await h.storedCount(), before);
      await assertNothingLeft();
    });

    it('refuses by declared size before reading: put with expectedSize, putFile by the file size', async () => {
      await refused(store.put(untouchable, { maxBytes: MiB, expectedSize: MiB + 1 }), 'BLOB_TOO_LARGE');
      // A sparse 64 GiB file: reading it would take minutes, refusing it by its size takes nothing.
      const huge = join(scratch, 'huge.bin');
      await writeFile(huge, '');
      await truncate(huge, 64 * 1024 * MiB);
      const t0 = Date.now();
      await refused(store.putFile(huge, { maxBytes: MiB }), 'BLOB_TOO_LARGE');
      assert.ok(Date.now() - t0 < 2000);
      await rm(huge);
      await assertNothingLeft();
    });

    it('refuses a wrong declared hash and keeps nothing', async () => {
      const bytes = randomBytes(400_000);
      const other = sm3(randomBytes(10));
      const before = await h.storedCount();
      const e = await refused(
        store.put(Readable.from([bytes]), { ...LIMIT, expectedHash: other }),
        'BLOB_HASH_MISMATCH',
      );
      assert.equal(e.status, 422);
      assert.equal(await store.stat(sm3(bytes)), null);
      assert.equal(await store.stat(other), null);
      assert.equal(await h.storedCount(), before);
      await assertNothingLeft();
      await refused(
        store.put(Readable.from([bytes]), { ...LIMIT, expectedHash: other.toUpperCase() }),
        'BLOB_HASH_INVALID',
      );
    });

    it('refuses a size different from the declared one, longer or shorter', async () => {
      const bytes = randomBytes(100_000);
      const longer = generated(Number.POSITIVE_INFINITY, 1000);
      await refused(store.put(longer.source, { ...LIMIT, expectedSize: 50_000 }), 'BLOB_SIZE_MISMATCH');
      assert.ok(longer.state.closed && longer.state.pulled <= 51 + 40);
      await refused(
        store.put(Readable.from([bytes]), { ...LIMIT, expectedSize: bytes.length + 1 }),
        'BLOB_SIZE_MISMATCH',
      );
      assert.equal(await store.stat(sm3(bytes)), null);
      await assertNothingLeft();
    });

    it('an interrupted upload (the source errors) is BLOB_TRUNCATED and leaves nothing', async () => {
      const before = await h.storedCount();
      // Errors after 12 MiB, past an S3 part or two, so a multipart upload was under way.
      async function* interrupted() {
        for (let i = 0; i < 12; i++) yield randomBytes(MiB);
        throw new Error('socket hang up');
      }
      await refused(store.put(interrupted(), LIMIT), 'BLOB_TRUNCATED');
      // The way an aborted HTTP request ends: the stream is destroyed with an error mid-way.
      const req = new Readable({ read() {} });
      req.push(randomBytes(100_000));
      setTimeout(() => req.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })), 20);
      await refused(store.put(req, LIMIT), 'BLOB_TRUNCATED');
      assert.equal(await h.storedCount(), before);
      await assertNothingLeft();
    });

    it('serves byte ranges (inclusive) and refuses ranges outside the file', async () => {
      const bytes = randomBytes(10_000);
      const { hash } = await store.put(Readable.from([bytes]), LIMIT);
      for (const [start, end] of [
        [0, 9],
        [5, 5],
        [1234, 9999],
        [9999, 9999],
      ] as const) {
        const got = await readAll(await store.open(hash, { start, end }));
        assert.ok(got.equals(bytes.subarray(start, end + 1)), `range ${start}-${end}`);
      }
      await refused(store.open(hash, { start: 9000, end: 10_000 }), 'BLOB_RANGE_INVALID');
      await refused(store.open(hash, { start: 10_000, end: 10_005 }), 'BLOB_RANGE_INVALID');
      await refused(store.open(hash, { start: 5, end: 4 }), 'BLOB_RANGE_INVALID');
    });

    it('missing and malformed hashes', async () => {
      const missing = sm3(randomBytes(16));
      await refused(store.open(missing), 'BLOB_NOT_FOUND');
      assert.equal(await store.stat(missing), null);
      assert.equal(await store.rehash(missing), null);
      await store.remove(missing); // nothing to undo is not an error
      for (const bad of ['../../etc/passwd', missing.toUpperCase(), missing.slice(1), `${missing}0`, '']) {
        await refused(store.open(bad), 'BLOB_HASH_INVALID');
        await refused(store.stat(bad), 'BLOB_HASH_INVALID');
        await refused(store.remove(bad), 'BLOB_HASH_INVALID');
      }
    });

    it('list yields every stored hash once; remove undoes a put', async () => {
      const a = await store.put(Readable.from([randomBytes(1000)]), LIMIT);
      const b = await store.put(Readable.from([randomBytes(1000)]), LIMIT);
      const listed: string[] = [];
      for await (const x of store.list()) listed.push(x);
      assert.equal(new Set(listed).size, listed.length);
      assert.equal(listed.length, await h.storedCount());
      assert.ok(listed.includes(a.hash) && listed.includes(b.hash));
      await store.remove(b.hash);
      assert.equal(await store.stat(b.hash), null);
      const after: string[] = [];
      for await (const x of store.list()) after.push(x);
      assert.ok(after.includes(a.hash) && !after.includes(b.hash));
    });

    it('rehash detects bytes altered behind the store', async () => {
      const bytes = randomBytes(50_000);
      const { hash } = await store.put(Readable.from([bytes]), LIMIT);
      const altered = Buffer.from(bytes);
      altered[12_345] = (altered[12_345] ?? 0) ^ 1;
      await h.tamper(hash, altered);
      const now = await store.rehash(hash);
      assert.notEqual(now, hash);
      assert.equal(now, sm3(altered));
    });

    it('concurrent puts of the same bytes all succeed, and exactly one created it', async () => {
      const bytes = randomBytes(6 * MiB + 123);
      const chunked = () =>
        (async function* () {
          for (let i = 0; i < bytes.length; i += 256 * 1024) yield bytes.subarray(i, i + 256 * 1024);
        })();
      const results = await Promise.all([1, 2, 3, 4].map(() => store.put(chunked(), LIMIT)));
      for (const r of results)
        assert.deepEqual({ ...r, created: true }, { hash: sm3(bytes), size: bytes.length, created: true });
      assert.equal(results.filter((r) => r.created).length, 1, JSON.stringify(results));
      assert.ok((await readAll(await store.open(sm3(bytes)))).equals(bytes));
      await assertNothingLeft();
    });

    it('sweepTemporary removes what a crash left, and nothing younger', async () => {
      await h.plantCrashLeftovers();
      assert.notDeepEqual(await h.leftovers(), []);
      assert.equal(await store.sweepTemporary(new Date(Date.now() - 3_600_000)), 0);
      assert.ok((await store.sweepTemporary(new Date(Date.now() + 60_000))) >= 1);
      await assertNothingLeft();
    });
  });
}
