// Hash functions used across the platform: SM3 (GB/T 32905-2016, the national standard) and
// SHA-256 (FIPS 180-4, for interoperability with RFC 6962/9162 tooling).
//
// node:crypto computes both through OpenSSL 3 (`crypto.getHashes()` lists 'sm3' on this
// platform); it is the fastest choice for large inputs. For millions of tiny inputs (Merkle
// leaves) a reused hash-wasm SM3 instance avoids per-call object creation: see createLeafHasher.
import crypto from 'node:crypto';
import type { IHasher } from 'hash-wasm';
import { createSM3 } from 'hash-wasm';

export type HashAlgorithm = 'sm3' | 'sha256';

export const HASH_ALGORITHMS: readonly HashAlgorithm[] = ['sm3', 'sha256'];

/** Digest length in bytes: both algorithms produce 256-bit digests. */
export const HASH_SIZE = 32;

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return value === 'sm3' || value === 'sha256';
}

function assertAlgorithm(alg: HashAlgorithm): void {
  // Guards against untyped callers (config files, database rows): OpenSSL would otherwise
  // happily compute some other digest such as 'md5'.
  if (!isHashAlgorithm(alg)) throw new TypeError(`unsupported hash algorithm: ${String(alg)}`);
}

/** Zero-copy view so every function here returns plain Uint8Array, never a Buffer subclass
 * (assert.deepStrictEqual treats Buffer and Uint8Array as different). */
function asUint8Array(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

// crypto.hash() (Node ≥ 20.12) skips the Hash object; fall back for older 20.x (engines: ≥ 20.10).
const oneShot: ((alg: string, data: Uint8Array, enc: 'buffer') => Buffer) | undefined =
  typeof crypto.hash === 'function' ? crypto.hash : undefined;

/** One-shot digest of `data`. */
export function hash(alg: HashAlgorithm, data: Uint8Array): Uint8Array {
  assertAlgorithm(alg);
  if (oneShot) return asUint8Array(oneShot(alg, data, 'buffer'));
  return asUint8Array(crypto.createHash(alg).update(data).digest());
}

/** Digest of the concatenation of `parts`, without building the concatenation. */
export function hashParts(alg: HashAlgorithm, ...parts: Uint8Array[]): Uint8Array {
  const h = createHasher(alg);
  for (const p of parts) h.update(p);
  return h.digest();
}

export interface Hasher {
  readonly alg: HashAlgorithm;
  update(data: Uint8Array): Hasher;
  /** Finalises the hasher; it cannot be updated or digested again afterwards. */
  digest(): Uint8Array;
}

/** Streaming hasher for large or incrementally produced inputs (files, uploads). */
export function createHasher(alg: HashAlgorithm): Hasher {
  assertAlgorithm(alg);
  const h = crypto.createHash(alg);
  const hasher: Hasher = {
    alg,
    update(data: Uint8Array): Hasher {
      h.update(data);
      return hasher;
    },
    digest(): Uint8Array {
      return asUint8Array(h.digest());
    },
  };
  return hasher;
}

/**
 * A synchronous, reusable hasher for many small inputs, with the Merkle prefixes of
 * RFC 9162 §2.1.1 built in. Not re-entrant, but every method is synchronous, so sharing one
 * instance within a process is safe.
 */
export interface LeafHasher {
  readonly alg: HashAlgorithm;
  hash(data: Uint8Array): Uint8Array;
  /** H(0x00 || leaf) */
  leafHash(leaf: Uint8Array): Uint8Array;
  /** H(0x01 || left || right) */
  nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array;
}

// Measured on this 2-core machine (Node 20.20, OpenSSL 3.0.19), 200-byte leaves with the 0x00
// prefix, median of 15 interleaved runs of 100k, two sessions:
//   SM3:     hash-wasm reused + one update of a scratch buffer ≈ 380k–530k/s,
//            crypto.hash ≈ 330k–430k/s, createHash().update().update() ≈ 260k–360k/s.
//   SHA-256: crypto.hash ≈ 650k–670k/s, hash-wasm reused ≈ 400k–560k/s.
// So SM3 uses hash-wasm (≈1.2× crypto.hash, ≈1.45× createHash; not the 2× of STACK.md here), and
// SHA-256 uses crypto.hash. For large inputs OpenSSL wins (SM3 64 MiB: ~150–240 MB/s vs
// ~130–155 MB/s for hash-wasm), so inputs above SCRATCH_LIMIT go to node:crypto.
const SCRATCH_LIMIT = 4096;
const LEAF_PREFIX = new Uint8Array([0x00]);

export async function createLeafHasher(alg: HashAlgorithm): Promise<LeafHasher> {
  assertAlgorithm(alg);
  const wasm: IHasher | undefined = alg === 'sm3' ? await createSM3() : undefined;
  // One copy into a scratch buffer plus one update is cheaper than two updates across the
  // JS↔WASM boundary (measured: ≈15% for 200-byte SM3 leaves).
  let scratch = new Uint8Array(256);

  const digestScratch = (len: number): Uint8Array => {
    const view = scratch.subarray(0, len);
    if (wasm && len <= SCRATCH_LIMIT) return wasm.init().update(view).digest('binary');
    return hash(alg, view);
  };
  const ensure = (len: number): void => {
    if (scratch.length < len) scratch = new Uint8Array(Math.max(len, scratch.length * 2));
  };

  return {
    alg,
    hash(data: Uint8Array): Uint8Array {
      if (wasm && data.length <= SCRATCH_LIMIT) return wasm.init().update(data).digest('binary');
      return hash(alg, data);
    },
    leafHash(leaf: Uint8Array): Uint8Array {
      if (leaf.length >= SCRATCH_LIMIT) return hashParts(alg, LEAF_PREFIX, leaf);
      ensure(leaf.length + 1);
      scratch[0] = 0x00;
      scratch.set(leaf, 1);
      return digestScratch(leaf.length + 1);
    },
    nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
      const len = 1 + left.length + right.length;
      ensure(len);
      scratch[0] = 0x01;
      scratch.set(left, 1);
      scratch.set(right, 1 + left.length);
      return digestScratch(len);
    },
  };
}

// ---- hex helpers -------------------------------------------------------------------------

const HEX_RE = /^(?:[0-9a-fA-F]{2})*$/;

export function isHex(value: string): boolean {
  return HEX_RE.test(value);
}

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Strict: throws on odd length or any non-hex character (Buffer.from would silently truncate). */
export function fromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX_RE.test(hex)) throw new TypeError('invalid hex string');
  return asUint8Array(Buffer.from(hex, 'hex'));
}

export function hashHex(alg: HashAlgorithm, data: Uint8Array): string {
  return toHex(hash(alg, data));
}

/** Constant-time comparison of two byte strings (length may leak, content does not). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return crypto.timingSafeEqual(a, b);
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}
