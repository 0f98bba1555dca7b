import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { hashHex } from '../crypto/hash.ts';
import { LocalBlobStore } from './local.ts';
import { blobStoreContract } from './store-contract.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) {
    if (e.isFile()) out.push(join(e.parentPath ?? e.path, e.name));
  }
  return out;
}

blobStoreContract('local file system', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mingjing-blobs-'));
  const store = new LocalBlobStore(dataDir);
  return {
    store,
    leftovers: async () => (await filesUnder(join(dataDir, 'blobs', 'tmp'))).sort(),
    storedCount: async () => (await filesUnder(join(dataDir, 'blobs', 'sm3'))).length,
    async tamper(hash, bytes) {
      const path = store.pathOf(hash);
      await chmod(path, 0o644); // the 0444 is a guard against accidents, not against an attacker
      await writeFile(path, bytes);
    },
    async plantCrashLeftovers() {
      const tmp = join(dataDir, 'blobs', 'tmp');
      await mkdir(tmp, { recursive: true });
      const path = join(tmp, 'crashed-upload');
      await writeFile(path, randomBytes(1000));
    },
    async close() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('LocalBlobStore layout', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mingjing-blobs-'));
  });
  after(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stores <dataDir>/blobs/sm3/ab/cd/<hash>, read-only', async () => {
    const store = new LocalBlobStore(dataDir);
    const bytes = randomBytes(5000);
    const { hash } = await store.put(Readable.from([bytes]), { maxBytes: 10_000 });
    const path = join(dataDir, 'blobs', 'sm3', hash.slice(0, 2), hash.slice(2, 4), hash);
    assert.equal(store.pathOf(hash), path);
    assert.equal(hash, hashHex('sm3', bytes));
    const s = await stat(path);
    assert.equal(s.mode & 0o777, 0o444);
    assert.equal(s.nlink, 1, 'the temporary name is gone');
    assert.equal(dirname(dirname(dirname(path))), join(dataDir, 'blobs', 'sm3'));
  });

  it('list ignores files that are not where their hash says', async () => {
    const store = new LocalBlobStore(dataDir);
    const stray = hashHex('sm3', randomBytes(8));
    const wrongDir = join(dataDir, 'blobs', 'sm3', '00', '00');
    await mkdir(wrongDir, { recursive: true });
    await writeFile(join(wrongDir, stray.startsWith('0000') ? 'x' : stray), 'x');
    await writeFile(join(wrongDir, 'notes.txt'), 'x');
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    assert.ok(!listed.includes(stray));
    assert.ok(listed.every((h) => /^[0-9a-f]{64}$/.test(h)));
  });
});
