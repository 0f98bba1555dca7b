// SM2 digital signatures with SM3 (GB/T 32918.2-2016 §6–7, GM/T 0003.2-2012) over the curve
// sm2p256v1, signer ID per GM/T 0009-2012 §10 (default "1234567812345678").
//
// Implementation: sm-crypto-v2 with { hash: true, der: true }. `hash: true` makes it compute
// e = SM3(Z_A || M) with Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA) as the standard
// requires; without it the library signs M itself and no other implementation (OpenSSL, BouncyCastle,
// hardware) verifies the result. Node's built-in SM2 always uses an empty ID: not conformant.
// `der: true` gives the ASN.1 SEQUENCE { r INTEGER, s INTEGER } of GM/T 0009-2012 §7.2 that
// OpenSSL reads and writes.
import { sm2 } from 'sm-crypto-v2';
import { fromHex, hashParts, isHex, toHex } from './hash.ts';

export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** Order n of the base point of sm2p256v1 (GB/T 32918.5-2017 §A.2). */
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

export interface Sm2KeyPair {
  /** 32-byte scalar d, 64 lower-case hex characters. */
  privateKeyHex: string;
  /** Uncompressed point 04 || x || y, 130 lower-case hex characters. */
  publicKeyHex: string;
}

export interface Sm2Options {
  /** Signer ID (UTF-8); defaults to SM2_DEFAULT_USER_ID. */
  userId?: string;
}

// sm-crypto-v2 turns the message into a hex string and back before hashing it with a JavaScript
// SM3 (measured here: 1 MiB took ~435 ms to sign, 10 MiB ~5.2 s). Above this size the wrapper
// computes e = SM3(Z_A || M) itself with OpenSSL's SM3 and lets the library sign/verify e as a
// pre-hashed value, which is exactly what `hash: true` does internally (sm2.getHash): same Z_A
// from the library's getZ, same e, same signature. Small messages keep the library's own path.
const LARGE_MESSAGE = 64 * 1024;

function largeMessageDigest(publicKeyHex: string, userId: string, message: Uint8Array): Uint8Array {
  return hashParts('sm3', sm2.getZ(publicKeyHex, userId), message);
}

const PRIVATE_RE = /^[0-9a-fA-F]{64}$/;
const PUBLIC_RE = /^(?:04[0-9a-fA-F]{128}|0[23][0-9a-fA-F]{64})$/;

function userIdOf(options: Sm2Options | undefined): string {
  const id = options?.userId ?? SM2_DEFAULT_USER_ID;
  // ENTL is the ID length in bits on two bytes (GB/T 32918.2 §5.5).
  if (Buffer.byteLength(id, 'utf8') * 8 > 0xffff) throw new RangeError('SM2 user ID longer than 8191 bytes');
  return id;
}

function assertPrivateKey(privateKeyHex: string): void {
  // d ∈ [1, n−2] (GB/T 32918.1 §6.1): the signature needs (1 + d)⁻¹ mod n.
  if (typeof privateKeyHex !== 'string' || !PRIVATE_RE.test(privateKeyHex)) {
    throw new TypeError('SM2 private key must be 64 hex characters');
  }
  const d = BigInt(`0x${privateKeyHex}`);
  if (d < 1n || d > N - 2n) throw new RangeError('SM2 private key out of range [1, n-2]');
}

/** True if `publicKeyHex` is a well-formed point on sm2p256v1 (uncompressed or compressed). */
export function isValidSm2PublicKey(publicKeyHex: string): boolean {
  if (typeof publicKeyHex !== 'string' || !PUBLIC_RE.test(publicKeyHex)) return false;
  try {
    return sm2.verifyPublicKey(publicKeyHex.toLowerCase());
  } catch {
    return false;
  }
}

export function generateSm2KeyPair(): Sm2KeyPair {
  for (;;) {
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    const d = BigInt(`0x${privateKey}`);
    // n−1 is a valid ECDSA-style key but not an SM2 one; probability ≈ 2⁻²⁵⁶.
    if (d >= 1n && d <= N - 2n) return { privateKeyHex: privateKey, publicKeyHex: publicKey };
  }
}

export function sm2PublicKeyFromPrivateKey(privateKeyHex: string): string {
  assertPrivateKey(privateKeyHex);
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());
}

/** Signs `message` (the message M itself, not a digest). Returns the DER signature in hex. */
export function sm2Sign(privateKeyHex: string, message: Uint8Array, options?: Sm2Options): string {
  return createSm2Signer(privateKeyHex, options).sign(message);
}

export interface Sm2Signer {
  readonly publicKeyHex: string;
  sign(message: Uint8Array): string;
}

/** Derives the public key (needed for Z_A) once instead of on every signature. */
export function createSm2Signer(privateKeyHex: string, options?: Sm2Options): Sm2Signer {
  const userId = userIdOf(options);
  const d = privateKeyHex.toLowerCase();
  const publicKeyHex = sm2PublicKeyFromPrivateKey(d);
  return {
    publicKeyHex,
    sign(message: Uint8Array): string {
      assertMessage(message);
      if (message.length > LARGE_MESSAGE) {
        const e = largeMessageDigest(publicKeyHex, userId, message);
        return sm2.doSignature(e, d, { hash: false, der: true });
      }
      return sm2.doSignature(message, d, { hash: true, der: true, publicKey: publicKeyHex, userId });
    },
  };
}

/**
 * Known-answer tests only: signs with the given nonce k. Reusing k for two messages, or using
 * a predictable k, reveals the private key. Not exported from index.ts.
 */
export function sm2SignWithNonceUnsafe(
  privateKeyHex: string,
  message: Uint8Array,
  nonceHex: string,
  options?: Sm2Options,
): string {
  assertPrivateKey(privateKeyHex);
  assertPrivateKey(nonceHex); // k ∈ [1, n−1]; the same 64-hex shape suffices for tests
  const d = privateKeyHex.toLowerCase();
  const kG = sm2.getPublicKeyFromPrivateKey(nonceHex.toLowerCase());
  const point = { k: BigInt(`0x${nonceHex}`), x1: BigInt(`0x${kG.slice(2, 66)}`) };
  return sm2.doSignature(message, d, {
    hash: true,
    der: true,
    publicKey: sm2.getPublicKeyFromPrivateKey(d),
    userId: userIdOf(options),
    pointPool: [point],
  });
}

/** Verifies a DER signature. Never throws: any malformed input yields false. */
export function sm2Verify(
  publicKeyHex: string,
  message: Uint8Array,
  signatureHex: string,
  options?: Sm2Options,
): boolean {
  try {
    const point = cachedPoint(publicKeyHex);
    return point !== null && verifyWith(point, message, signatureHex, options);
  } catch {
    return false;
  }
}

// The library multiplies the public key point without precomputation (~7 ms per verification
// here); a 4-bit window table costs ~14 ms once and brings a verification to ~1.4 ms (measured:
// ~145/s uncached, ~710/s with w = 4, ~760/s with w = 8 whose table costs ~70 ms). A platform
// verifies signatures by few keys, so a small LRU of tables pays off from the third call.
const WINDOW = 4;
const POINT_CACHE_SIZE = 32;
const pointCache = new Map<string, PublicPoint>();

function cachedPoint(publicKeyHex: string): PublicPoint | null {
  if (!isValidSm2PublicKey(publicKeyHex)) return null;
  const k = publicKeyHex.toLowerCase();
  let point = pointCache.get(k);
  if (point) {
    pointCache.delete(k); // re-insert: Map order is the LRU order
  } else {
    point = sm2.precomputePublicKey(k, WINDOW);
    if (pointCache.size >= POINT_CACHE_SIZE) pointCache.delete(pointCache.keys().next().value as string);
  }
  pointCache.set(k, point);
  return point;
}

export type Sm2Verifier = (message: Uint8Array, signatureHex: string) => boolean;

/** Verifier bound to one public key (ledger checkpoints): validates and precomputes the key
 * once, outside the shared cache. Throws only for an invalid public key. */
export function createSm2Verifier(publicKeyHex: string, options?: Sm2Options): Sm2Verifier {
  if (!isValidSm2PublicKey(publicKeyHex)) throw new TypeError('invalid SM2 public key');
  userIdOf(options);
  const point = sm2.precomputePublicKey(publicKeyHex.toLowerCase(), WINDOW);
  return (message, signatureHex) => {
    try {
      return verifyWith(point, message, signatureHex, options);
    } catch {
      return false;
    }
  };
}

type PublicPoint = ReturnType<typeof sm2.precomputePublicKey>;

function verifyWith(
  key: PublicPoint,
  message: Uint8Array,
  signatureHex: string,
  options: Sm2Options | undefined,
): boolean {
  if (!(message instanceof Uint8Array)) return false;
  if (typeof signatureHex !== 'string' || !isHex(signatureHex)) return false;
  // The library's DER reader is lenient (ignores trailing bytes, accepts non-minimal and
  // negative integers, skips the r, s ∈ [1, n−1] check of GB/T 32918.2 §7.1 B1–B2): parse
  // strictly first so that each (r, s) has exactly one accepted encoding.
  if (parseDerSignature(fromHex(signatureHex)) === null) return false;
  const userId = userIdOf(options);
  const sig = signatureHex.toLowerCase();
  if (message.length > LARGE_MESSAGE) {
    const e = largeMessageDigest(key.toHex(false), userId, message);
    return sm2.doVerifySignature(e, sig, key, { hash: false, der: true });
  }
  return sm2.doVerifySignature(message, sig, key, { hash: true, der: true, userId });
}

function assertMessage(message: Uint8Array): void {
  if (!(message instanceof Uint8Array)) throw new TypeError('message must be a Uint8Array');
}

// ---- DER: SM2Signature ::= SEQUENCE { R INTEGER, S INTEGER } (GM/T 0009-2012 §7.2) ----------

/** Strict DER decoding; null unless the input is the unique DER encoding of r, s ∈ [1, n−1]. */
export function parseDerSignature(der: Uint8Array): { r: bigint; s: bigint } | null {
  // Content is at most 2 × (2 + 33) = 70 bytes, so only the short length form is valid DER.
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  let pos = 2;
  const readInt = (): bigint | null => {
    if (der[pos] !== 0x02) return null;
    const len = der[pos + 1];
    if (len === undefined || len < 1 || len > 33 || pos + 2 + len > der.length) return null;
    const body = der.subarray(pos + 2, pos + 2 + len);
    const first = body[0] as number;
    if (first & 0x80) return null; // negative
    if (first === 0 && len > 1 && !((body[1] as number) & 0x80)) return null; // non-minimal
    pos += 2 + len;
    const v = BigInt(`0x${toHex(body)}`);
    return v >= 1n && v < N ? v : null;
  };
  const r = readInt();
  if (r === null) return null;
  const s = readInt();
  if (s === null || pos !== der.length) return null;
  return { r, s };
}

// ---- PEM: SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RFC 5480 §2) with the SM2 curve OID --------

// SEQUENCE { SEQUENCE { OID 1.2.840.10045.2.1 id-ecPublicKey, OID 1.2.156.10197.1.301 sm2p256v1 },
//            BIT STRING (0 unused bits) 04 || x || y } — byte-identical to what
// `openssl pkey -pubout` writes for an SM2 key.
const SPKI_PREFIX = fromHex('3059301306072a8648ce3d020106082a811ccf5501822d034200');

function uncompressed(publicKeyHex: string): string {
  if (!isValidSm2PublicKey(publicKeyHex)) throw new TypeError('invalid SM2 public key');
  const lower = publicKeyHex.toLowerCase();
  return lower.startsWith('04') ? lower : sm2.precomputePublicKey(lower, 1).toHex(false);
}

export function sm2PublicKeyToSpkiDer(publicKeyHex: string): Uint8Array {
  const point = fromHex(uncompressed(publicKeyHex));
  const out = new Uint8Array(SPKI_PREFIX.length + point.length);
  out.set(SPKI_PREFIX, 0);
  out.set(point, SPKI_PREFIX.length);
  return out;
}

export function sm2PublicKeyToPem(publicKeyHex: string): string {
  const b64 = Buffer.from(sm2PublicKeyToSpkiDer(publicKeyHex)).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Reads an SM2 SubjectPublicKeyInfo PEM (e.g. from `openssl pkey -pubout`); returns 04||x||y hex. */
export function sm2PublicKeyFromPem(pem: string): string {
  const m = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!m?.[1]) throw new TypeError('not a PEM public key');
  const der = new Uint8Array(Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
  const prefixOk = der.length === SPKI_PREFIX.length + 65 && SPKI_PREFIX.every((b, i) => der[i] === b);
  if (!prefixOk) throw new TypeError('not an uncompressed SM2 (1.2.156.10197.1.301) public key');
  const hex = toHex(der.subarray(SPKI_PREFIX.length));
  if (!isValidSm2PublicKey(hex)) throw new TypeError('SM2 public key is not on the curve');
  return hex;
}
