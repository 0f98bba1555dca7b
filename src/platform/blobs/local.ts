// The embedded back-end: evidence files on the local file system, under
//   <dataDir>/blobs/sm3/ab/cd/<hash>   (two levels of fan-out keep directories small)
//   <dataDir>/blobs/tmp/<uuid>         (puts in progress)
// A put streams into a temporary file, fsyncs it, and links it into place only once its hash is known
// and checked: a crash or a refused file never leaves a partial file under a hash name.
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import {
  chmod,
  type FileHandle,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rm,
  unlink,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertBlobHash,
  type BlobSource,
  type BlobStore,
  type ByteRange,
  blobNotFound,
  checkPutOptions,
  checkRange,
  FILE_CHUNK,
  fileSource,
  isBlobHash,
  meter,
  type PutOptions,
  type PutResult,
  rehashStored,
  storeUnavailable,
} from './store.ts';

const HEX2 = /^[0-9a-f]{2}$/;

function isErrno(e: unknown, ...codes: string[]): boolean {
  return e instanceof Error && codes.includes((e as NodeJS.ErrnoException).code ?? '');
}

/** fsync a directory so a new entry in it survives a power loss (POSIX; not possible on Windows). */
async function syncDir(dir: string): Promise<void> {
  let h: FileHandle | undefined;
  try {
    h = await open(dir, constants.O_RDONLY);
    await h.sync();
  } catch (e) {
    if (!isErrno(e, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF')) throw e;
  } finally {
    await h?.close();
  }
}

async function writeAll(h: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await h.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

export class LocalBlobStore implements BlobStore {
  readonly kind = 'local' as const;
  /** `<dataDir>/blobs` */
  readonly root: string;
  private readonly hashDir: string;
  private readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'blobs');
    this.hashDir = join(this.root, 'sm3');
    this.tmpDir = join(this.root, 'tmp');
  }

  /** Where the blob with this hash lives (validated first: the hash becomes a path). */
  pathOf(hash: string): string {
    assertBlobHash(hash);
    return join(this.hashDir, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  async put(source: BlobSource, opts: PutOptions): Promise<PutResult> {
    checkPutOptions(opts);
    const metered = meter(source, opts);
    const tmp = join(this.tmpDir, randomUUID());
    let handle: FileHandle | undefined;
    try {
      try {
        await mkdir(this.tmpDir, { recursive: true });
        handle = await open(tmp, 'wx', 0o600);
      } catch (e) {
        throw storeUnavailable(e);
      }
      // The meter's own errors (too large, truncated) pass through as they are; leaving this loop by
      // any error closes the source (the generator's finally).
      // Each chunk's write (libuv thread pool) overlaps the hashing of the next one (main thread): the
      // loop waits for a write only before issuing the next, so writes stay in order, one at a time.
      let writing: Promise<void> | null = null;
      const file = handle;
      try {
        for await (const chunk of metered.chunks) {
          if (writing) await writing;
          writing = writeAll(file, chunk).catch((e) => {
            throw storeUnavailable(e);
          });
          writing.catch(() => undefined); // awaited below or on the next chunk; never unhandled
        }
        if (writing) await writing;
      } catch (e) {
        await writing?.catch(() => undefined);
        throw e;
      }
      const { hash, size } = metered.finish();
      const target = this.pathOf(hash);
      try {
        // A duplicate needs no fsync of its copy (a 2 GB video twice); a race past this check is
        // settled by the link below.
        if (await this.exists(target)) return { hash, size, created: false };
        // Durable before it gets a name: a hash name must never point at bytes lost in a power cut.
        await handle.sync();
        await handle.close();
        handle = undefined;
        // Read-only (0444): a second defence against accidental overwrite; the link shares the mode.
        await chmod(tmp, 0o444);
        const created = await this.linkIntoPlace(tmp, target);
        return { hash, size, created };
      } catch (e) {
        throw storeUnavailable(e);
      }
    } finally {
      await handle?.close().catch(() => undefined);
      // The temporary name goes in every case: linked (the blob keeps the inode), duplicate or refused.
      await rm(tmp, { force: true });
    }
  }

  /**
   * Gives `tmp` the name `target` unless a blob already has it. link(2) fails with EEXIST instead of
   * replacing, so of two concurrent puts of the same bytes exactly one reports `created: true` — and a
   * stored file is never replaced, even by identical bytes.
   */
  private async linkIntoPlace(tmp: string, target: string): Promise<boolean> {
    const dir = dirname(target);
    const made = await mkdir(dir, { recursive: true });
    try {
      await link(tmp, target);
    } catch (e) {
      if (isErrno(e, 'EEXIST')) return false;
      // File systems without hard links: rename after a check. Two racing puts may then both report
      // created, which only matters if one of them is undone; ext4, xfs, btrfs, NFS and NTFS link.
      if (!isErrno(e, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP')) throw e;
      if (await this.exists(target)) return false;
      await rename(tmp, target);
    }
    await syncDir(dir);
    // New fan-out directories need their own entries made durable, up to the sm3/ directory.
    if (made !== undefined) {
      for (let d = dirname(dir); d.length >= this.hashDir.length; d = dirname(d)) await syncDir(d);
    }
    return true;
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await lstat(path);
      return true;
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return false;
      throw e;
    }
  }

  async putFile(path: string, opts: PutOptions): Promise<PutResult> {
    const file = await fileSource(path, opts);
    return this.put(file.source, file.opts);
  }

  async open(hash: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(hash);
    let handle: FileHandle;
    try {
      // Opened now, so a missing blob is an error of this call, not a later stream error.
      handle = await open(path, 'r');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) throw blobNotFound(hash);
      throw storeUnavailable(e);
    }
    try {
      const { size } = await handle.stat();
      checkRange(range, size);
      return handle.createReadStream(
        range ? { ...range, highWaterMark: FILE_CHUNK } : { highWaterMark: FILE_CHUNK },
      );
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  async stat(hash: string): Promise<{ size: number } | null> {
    try {
      const s = await lstat(this.pathOf(hash));
      return s.isFile() ? { size: s.size } : null;
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return null;
      throw storeUnavailable(e);
    }
  }

  async remove(hash: string): Promise<void> {
    // Unlinking needs write permission on the directory only: the file's 0444 does not stop it.
    await unlink(this.pathOf(hash)).catch((e) => {
      if (!isErrno(e, 'ENOENT')) throw storeUnavailable(e);
    });
  }

  async *list(): AsyncIterable<string> {
    for (const a of await this.names(this.hashDir)) {
      if (!HEX2.test(a)) continue;
      for (const b of await this.names(join(this.hashDir, a))) {
        if (!HEX2.test(b)) continue;
        for (const name of await this.names(join(this.hashDir, a, b))) {
          // Only names in the right directory count: a misplaced file is not a stored blob.
          if (isBlobHash(name) && name.startsWith(a + b)) yield name;
        }
      }
    }
  }

  private async names(dir: string): Promise<string[]> {
    try {
      return (await readdir(dir)).sort();
    } catch (e) {
      if (isErrno(e, 'ENOENT', 'ENOTDIR')) return [];
      throw storeUnavailable(e);
    }
  }

  rehash(hash: string): Promise<string | null> {
    return rehashStored(this, hash);
  }

  async sweepTemporary(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const name of await this.names(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      try {
        // mtime moves with every write, so a slow upload still in progress is not swept.
        if ((await lstat(path)).mtime < olderThan) {
          await rm(path, { force: true });
          removed++;
        }
      } catch (e) {
        if (!isErrno(e, 'ENOENT')) throw storeUnavailable(e);
      }
    }
    return removed;
  }

  async close(): Promise<void> {
    // Nothing to release: every file handle belongs to one call or to the stream it returned.
  }
}
