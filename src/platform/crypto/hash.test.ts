import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { HashAlgorithm } from './hash.ts';
import {
  bytesEqual,
  createHasher,
  createLeafHasher,
  fromHex,
  hash,
  hashHex,
  isHex,
  toHex,
  utf8,
} from './hash.ts';
import { leafHash, nodeHash } from './merkle.ts';

const VECTORS = new URL('../../../../shared/vectors/SM2-SM3.md', import.meta.url);

/** The SM3 table of shared/vectors/SM2-SM3.md: input description → digest. */
function sm3VectorsFromFile(): Array<{ input: Uint8Array; digest: string; label: string }> {
  if (!existsSync(VECTORS)) throw new Error(`SM3 vector file missing: ${VECTORS.pathname}`);
  const md = readFileSync(VECTORS, 'utf8');
  const rows = [...md.matchAll(/^\| (.+?) \| ([0-9a-f]{64}) \|$/gm)];
  const out = rows.map(([, label, digest]) => {
    const l = label as string;
    let input: Uint8Array;
    if (l === '"abc"') input = utf8('abc');
    else if (l.startsWith('"abcd" × 16')) input = utf8('abcd'.repeat(16));
    else if (l.startsWith('"" (empty)')) input = new Uint8Array(0);
    else throw new Error(`unrecognised SM3 vector row: ${l}`);
    return { input, digest: digest as string, label: l };
  });
  if (out.length !== 3) throw new Error(`expected 3 SM3 vectors in ${VECTORS.pathname}, found ${out.length}`);
  return out;
}

describe('hash', () => {
  test('OpenSSL in this Node build provides sm3', () => {
    assert.ok(crypto.getHashes().includes('sm3'));
  });

  test('SM3("abc") known answer (GB/T 32905-2016 A.1)', () => {
    assert.equal(
      hashHex('sm3', utf8('abc')),
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  test('SM3 vectors of shared/vectors/SM2-SM3.md, one-shot, streaming and leaf hasher', async () => {
    const fast = await createLeafHasher('sm3');
    for (const v of sm3VectorsFromFile()) {
      assert.equal(hashHex('sm3', v.input), v.digest, v.label);
      const h = createHasher('sm3');
      for (let i = 0; i < v.input.length; i += 7) h.update(v.input.subarray(i, i + 7));
      assert.equal(toHex(h.digest()), v.digest, v.label);
      assert.equal(toHex(fast.hash(v.input)), v.digest, v.label);
    }
  });

  test('SHA-256 known answers (FIPS 180-4)', () => {
    assert.equal(
      hashHex('sha256', utf8('abc')),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    assert.equal(
      hashHex('sha256', new Uint8Array(0)),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  test('returns plain Uint8Array of 32 bytes, and respects subarray views', () => {
    const backing = utf8('xxabcxx');
    for (const alg of ['sm3', 'sha256'] as const) {
      const d = hash(alg, backing.subarray(2, 5));
      assert.equal(Object.getPrototypeOf(d), Uint8Array.prototype);
      assert.equal(d.length, 32);
      assert.deepEqual(d, hash(alg, utf8('abc')));
    }
  });

  test('rejects an unsupported algorithm instead of computing something else', () => {
    assert.throws(() => hash('md5' as HashAlgorithm, utf8('abc')), /unsupported hash algorithm/);
    assert.throws(() => createHasher('sha1' as HashAlgorithm), /unsupported hash algorithm/);
  });

  for (const alg of ['sm3', 'sha256'] as const) {
    test(`${alg}: leaf hasher agrees with leafHash/nodeHash for all sizes, and its outputs are not reused`, async () => {
      const fast = await createLeafHasher(alg);
      const sizes = [...Array.from({ length: 300 }, (_, i) => i), 4095, 4096, 4097, 100_000];
      let previous: Uint8Array | undefined;
      let previousExpected: Uint8Array | undefined;
      for (const size of sizes) {
        const data = crypto.randomBytes(size + 3).subarray(3); // a view with an offset
        const got = fast.leafHash(data);
        const expected = leafHash(alg, data);
        assert.deepEqual(got, expected, `size ${size}`);
        // A digest must stay valid after later calls (no view into a reused WASM buffer).
        if (previous && previousExpected) assert.deepEqual(previous, previousExpected);
        previous = got;
        previousExpected = expected;
        assert.deepEqual(fast.hash(data), hash(alg, data), `size ${size}`);
      }
      const l = hash(alg, utf8('l'));
      const r = hash(alg, utf8('r'));
      assert.deepEqual(fast.nodeHash(l, r), nodeHash(alg, l, r));
    });
  }
});

describe('hex helpers', () => {
  test('round trip and lower-case output', () => {
    const bytes = new Uint8Array([0, 1, 0xab, 0xff]);
    assert.equal(toHex(bytes), '0001abff');
    assert.deepEqual(fromHex('0001ABff'), bytes);
    assert.deepEqual(fromHex(''), new Uint8Array(0));
    assert.equal(toHex(bytes.subarray(2)), 'abff');
  });

  test('fromHex is strict where Buffer.from silently truncates', () => {
    for (const bad of ['0', 'abc', 'zz', '00 11', '0x00', '00g0']) {
      assert.equal(isHex(bad), false, bad);
      assert.throws(() => fromHex(bad), /invalid hex/, bad);
    }
  });

  test('bytesEqual', () => {
    assert.equal(bytesEqual(fromHex('0102'), fromHex('0102')), true);
    assert.equal(bytesEqual(fromHex('0102'), fromHex('0103')), false);
    assert.equal(bytesEqual(fromHex('0102'), fromHex('010203')), false);
  });
});
