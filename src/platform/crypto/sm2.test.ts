import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { after, describe, test } from 'node:test';
import { sm2 } from 'sm-crypto-v2';
import { fromHex, toHex, utf8 } from './hash.ts';
import {
  createSm2Signer,
  createSm2Verifier,
  generateSm2KeyPair,
  isValidSm2PublicKey,
  parseDerSignature,
  SM2_DEFAULT_USER_ID,
  sm2PublicKeyFromPem,
  sm2PublicKeyFromPrivateKey,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2SignWithNonceUnsafe,
  sm2Verify,
} from './sm2.ts';

const VECTORS = new URL('../../../../shared/vectors/SM2-SM3.md', import.meta.url);

/** The GB/T 32918 Annex A example as written in shared/vectors/SM2-SM3.md. */
function sm2VectorFromFile() {
  if (!existsSync(VECTORS)) throw new Error(`SM2 vector file missing: ${VECTORS.pathname}`);
  const md = readFileSync(VECTORS, 'utf8');
  const field = (re: RegExp): string => {
    const m = re.exec(md);
    if (!m?.[1]) throw new Error(`SM2 vector file ${VECTORS.pathname}: no match for ${re}`);
    return m[1];
  };
  return {
    d: field(/private key d = ([0-9A-F]{64})/),
    message: field(/message = "([^"]+)"/),
    userId: field(/signer ID = "([^"]+)"/),
    k: field(/nonce k = ([0-9A-F]{64})/),
    r: field(/expected r = ([0-9A-F]{64})/),
    s: field(/expected s = ([0-9A-F]{64})/),
  };
}

// Public key of the Annex A example (GB/T 32918.5-2017 A.2): xA, yA.
const ANNEX_A_PUBLIC =
  '04' +
  '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
  'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';

const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

function derOf(r: bigint, s: bigint, pad = false): string {
  const int = (v: bigint): string => {
    let h = v.toString(16);
    if (h.length % 2) h = `0${h}`;
    if (Number.parseInt(h.slice(0, 2), 16) & 0x80) h = `00${h}`;
    if (pad) h = `00${h}`; // one zero byte more than DER allows
    return `02${(h.length / 2).toString(16).padStart(2, '0')}${h}`;
  };
  const body = int(r) + int(s);
  return `30${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
}

describe('SM2 (GB/T 32918) with SM3 and signer ID 1234567812345678', () => {
  test('Annex A vector: same public key, exact (r, s) with the given nonce, and it verifies', () => {
    const v = sm2VectorFromFile();
    assert.equal(v.userId, SM2_DEFAULT_USER_ID);
    assert.equal(sm2PublicKeyFromPrivateKey(v.d), ANNEX_A_PUBLIC);
    const msg = utf8(v.message);
    const sig = sm2SignWithNonceUnsafe(v.d, msg, v.k);
    const parsed = parseDerSignature(fromHex(sig));
    assert.ok(parsed, 'signature is strict DER');
    assert.equal(parsed.r, BigInt(`0x${v.r}`));
    assert.equal(parsed.s, BigInt(`0x${v.s}`));
    assert.equal(sm2Verify(ANNEX_A_PUBLIC, msg, sig), true);
    // Independent of our DER encoder: the raw (r, s) from the file, encoded by the test.
    assert.equal(sm2Verify(ANNEX_A_PUBLIC, msg, derOf(BigInt(`0x${v.r}`), BigInt(`0x${v.s}`))), true);
    assert.equal(sm2Verify(ANNEX_A_PUBLIC, utf8('message digesT'), sig), false);
    assert.equal(sm2Verify(ANNEX_A_PUBLIC, msg, sig, { userId: 'ALICE123@YAHOO.COM' }), false);
  });

  test('sign then verify; keys have the documented shapes', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    assert.match(privateKeyHex, /^[0-9a-f]{64}$/);
    assert.match(publicKeyHex, /^04[0-9a-f]{128}$/);
    assert.equal(sm2PublicKeyFromPrivateKey(privateKeyHex), publicKeyHex);
    for (const msg of [
      new Uint8Array(0),
      utf8('行政处罚决定书'),
      crypto.randomBytes(1000),
      crypto.randomBytes(200_000),
    ]) {
      const sig = sm2Sign(privateKeyHex, msg);
      assert.ok(parseDerSignature(fromHex(sig)), 'strict DER');
      assert.equal(sm2Verify(publicKeyHex, msg, sig), true);
      assert.equal(createSm2Verifier(publicKeyHex)(msg, sig), true);
    }
    // Randomised nonce: two signatures of one message differ, both verify.
    const a = sm2Sign(privateKeyHex, utf8('x'));
    const b = sm2Sign(privateKeyHex, utf8('x'));
    assert.notEqual(a, b);
    assert.equal(sm2Verify(publicKeyHex, utf8('x'), b), true);
  });

  test('messages above 64 KiB (pre-hashed with OpenSSL SM3) interoperate with the library path', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    for (const size of [64 * 1024, 64 * 1024 + 1, 300_000]) {
      const msg = crypto.randomBytes(size);
      const ours = sm2Sign(privateKeyHex, msg);
      assert.equal(
        sm2.doVerifySignature(msg, ours, publicKeyHex, { hash: true, der: true }),
        true,
        `${size}`,
      );
      const theirs = sm2.doSignature(msg, privateKeyHex, { hash: true, der: true });
      assert.equal(sm2Verify(publicKeyHex, msg, theirs), true, `${size}`);
      assert.equal(createSm2Verifier(publicKeyHex)(msg, theirs), true, `${size}`);
    }
  });

  test('a custom signer ID must match on both sides', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    const signer = createSm2Signer(privateKeyHex, { userId: '执法局@example' });
    assert.equal(signer.publicKeyHex, publicKeyHex);
    const sig = signer.sign(utf8('m'));
    assert.equal(sm2Verify(publicKeyHex, utf8('m'), sig, { userId: '执法局@example' }), true);
    assert.equal(sm2Verify(publicKeyHex, utf8('m'), sig), false);
  });

  test('tampered message, signature or key is rejected', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    const other = generateSm2KeyPair();
    for (const msg of [crypto.randomBytes(64), crypto.randomBytes(100_000)]) {
      const sig = sm2Sign(privateKeyHex, msg);
      const sigBytes = fromHex(sig);
      const flippedMsg = Uint8Array.from(msg);
      flippedMsg[msg.length - 1] = (flippedMsg[msg.length - 1] as number) ^ 1;
      assert.equal(sm2Verify(publicKeyHex, flippedMsg, sig), false);
      assert.equal(sm2Verify(publicKeyHex, msg.subarray(1), sig), false);
      assert.equal(sm2Verify(other.publicKeyHex, msg, sig), false);
      // Flip every bit of the signature, one at a time.
      for (let i = 0; i < sigBytes.length * 8; i++) {
        const t = Uint8Array.from(sigBytes);
        t[i >> 3] = (t[i >> 3] as number) ^ (1 << (i & 7));
        assert.equal(sm2Verify(publicKeyHex, msg, toHex(t)), false, `bit ${i}`);
      }
    }
  });

  test('malformed or non-canonical signatures are rejected without throwing', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    const msg = utf8('m');
    const sig = sm2Sign(privateKeyHex, msg);
    const parsed = parseDerSignature(fromHex(sig));
    assert.ok(parsed);
    const { r, s } = parsed;
    assert.equal(sm2Verify(publicKeyHex, msg, derOf(r, s)), true);
    const garbage: unknown[] = [
      '',
      'zz',
      '3',
      `${sig}00`, // trailing byte
      `00${sig}`,
      sig.slice(0, -2), // truncated
      sig.slice(4), // missing SEQUENCE header
      derOf(r, s, true), // non-minimal integer (extra 00)
      derOf(r + N, s), // r ≥ n
      derOf(r, s + N),
      derOf(0n, s),
      derOf(r, 0n),
      derOf(N, s),
      toHex(fromHex(sig).map((b, i) => (i === 0 ? 0x31 : b))), // SET instead of SEQUENCE
      r.toString(16).padStart(64, '0') + s.toString(16).padStart(64, '0'), // raw r||s, not DER
      null,
      undefined,
      42,
    ];
    for (const g of garbage) {
      assert.equal(sm2Verify(publicKeyHex, msg, g as string), false, String(g));
    }
    const badKeys: unknown[] = [
      '',
      '04',
      publicKeyHex.slice(0, -2),
      `05${publicKeyHex.slice(2)}`,
      `04${'00'.repeat(64)}`,
      null,
    ];
    for (const k of badKeys) {
      assert.equal(sm2Verify(k as string, msg, sig), false, String(k));
      assert.equal(isValidSm2PublicKey(k as string), false, String(k));
    }
    // A point off the curve: y + 1.
    const offCurve =
      publicKeyHex.slice(0, -1) + ((Number.parseInt(publicKeyHex.slice(-1), 16) + 1) % 16).toString(16);
    assert.equal(sm2Verify(offCurve, msg, sig), false);
    assert.equal(sm2Verify(publicKeyHex, 'm' as unknown as Uint8Array, sig), false);
  });

  test('compressed public keys verify too', () => {
    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    const y = BigInt(`0x${publicKeyHex.slice(66)}`);
    const compressed = (y % 2n === 0n ? '02' : '03') + publicKeyHex.slice(2, 66);
    const sig = sm2Sign(privateKeyHex, utf8('m'));
    assert.equal(sm2Verify(compressed, utf8('m'), sig), true);
    assert.equal(sm2PublicKeyFromPem(sm2PublicKeyToPem(compressed)), publicKeyHex);
  });

  test('invalid private keys are refused when signing', () => {
    for (const d of ['', '00'.repeat(32), 'zz'.repeat(32), (N - 1n).toString(16), N.toString(16), 'ab']) {
      assert.throws(() => sm2Sign(d, utf8('m')), /SM2 private key/, d);
    }
  });

  test('PEM round trip; the DER is the SubjectPublicKeyInfo OpenSSL writes', () => {
    const { publicKeyHex } = generateSm2KeyPair();
    const pem = sm2PublicKeyToPem(publicKeyHex);
    assert.match(pem, /^-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE/);
    assert.equal(sm2PublicKeyFromPem(pem), publicKeyHex);
    // A P-256 key (OID 1.2.840.10045.3.1.7) must not be taken for an SM2 key.
    const p256 = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    assert.throws(
      () => sm2PublicKeyFromPem(p256.export({ type: 'spki', format: 'pem' }).toString()),
      /not an uncompressed SM2/,
    );
  });
});

// ---- Cross-check with the OpenSSL command line -------------------------------------------------

const DISTID = `distid:${SM2_DEFAULT_USER_ID}`;

function openssl(cwd: string, args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The verify command under test; exit status 0 and "Signature Verified Successfully". */
function opensslVerify(
  dir: string,
  pubPem: string,
  msg: Uint8Array,
  sigHex: string,
): { ok: boolean; out: string } {
  writeFileSync(path.join(dir, 'pub.pem'), pubPem);
  writeFileSync(path.join(dir, 'msg'), msg);
  writeFileSync(path.join(dir, 'sig'), fromHex(sigHex));
  const args = [
    'pkeyutl',
    '-verify',
    '-pubin',
    '-inkey',
    'pub.pem',
    '-rawin',
    '-in',
    'msg',
    '-sigfile',
    'sig',
  ];
  const r = openssl(dir, [...args, '-digest', 'sm3', '-pkeyopt', DISTID]);
  return { ok: r.ok && r.out.includes('Signature Verified Successfully'), out: r.out };
}

/**
 * Whether this OpenSSL can sign and verify SM2 with a distinguishing ID, judged by OpenSSL
 * alone (so that a bug in our code can never pass for a missing OpenSSL feature). Returns the
 * reason it cannot, or null.
 */
function opensslSm2Unsupported(dir: string): string | null {
  const v = openssl(dir, ['version']);
  if (!v.ok) return `openssl not runnable: ${v.out.trim()}`;
  writeFileSync(path.join(dir, 'probe'), 'probe');
  const steps: string[][] = [
    ['genpkey', '-algorithm', 'SM2', '-out', 'probe-key.pem'],
    ['pkey', '-in', 'probe-key.pem', '-pubout', '-out', 'probe-pub.pem'],
    [
      'pkeyutl',
      '-sign',
      '-inkey',
      'probe-key.pem',
      '-rawin',
      '-in',
      'probe',
      '-out',
      'probe-sig',
      '-digest',
      'sm3',
      '-pkeyopt',
      DISTID,
    ],
    [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'probe-pub.pem',
      '-rawin',
      '-in',
      'probe',
      '-sigfile',
      'probe-sig',
      '-digest',
      'sm3',
      '-pkeyopt',
      DISTID,
    ],
  ];
  for (const args of steps) {
    const r = openssl(dir, args);
    if (!r.ok) return `${v.out.trim()} cannot run "openssl ${args.join(' ')}": ${r.out.trim()}`;
  }
  return null;
}

describe('SM2 cross-check with the OpenSSL command line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mingjing-sm2-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const unsupported = opensslSm2Unsupported(dir);

  const requireOpenssl = (t: TestContext): boolean => {
    if (!unsupported) return true;
    const msg = `OpenSSL SM2 cross-check NOT RUN: ${unsupported}`;
    if (process.env.CI === 'true') assert.fail(`${msg} (CI=true: OpenSSL 3 with SM2 is required)`);
    console.error(`\n${'!'.repeat(100)}\n!!! ${msg}\n${'!'.repeat(100)}\n`);
    t.skip(msg);
    return false;
  };

  test('OpenSSL verifies the Annex A signature and our own signatures, and rejects tampering', (t) => {
    if (!requireOpenssl(t)) return;
    const v = sm2VectorFromFile();
    const vectorSig = sm2SignWithNonceUnsafe(v.d, utf8(v.message), v.k);
    const pem = sm2PublicKeyToPem(ANNEX_A_PUBLIC);
    const ok = opensslVerify(dir, pem, utf8(v.message), vectorSig);
    assert.ok(ok.ok, ok.out);
    assert.equal(opensslVerify(dir, pem, utf8('message digesT'), vectorSig).ok, false);

    const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
    for (const msg of [
      new Uint8Array(0),
      utf8('明镜'),
      crypto.randomBytes(3000),
      crypto.randomBytes(300_000),
    ]) {
      const sig = sm2Sign(privateKeyHex, msg);
      const r = opensslVerify(dir, sm2PublicKeyToPem(publicKeyHex), msg, sig);
      assert.ok(r.ok, `OpenSSL rejected our signature of ${msg.length} bytes: ${r.out}`);
    }
  });

  test('we verify signatures made by OpenSSL with a key generated by OpenSSL', (t) => {
    if (!requireOpenssl(t)) return;
    assert.ok(openssl(dir, ['genpkey', '-algorithm', 'SM2', '-out', 'key.pem']).ok);
    const pub = openssl(dir, ['pkey', '-in', 'key.pem', '-pubout']);
    assert.ok(pub.ok, pub.out);
    const publicKeyHex = sm2PublicKeyFromPem(pub.out);
    for (const msg of [utf8('行政执法'), crypto.randomBytes(100_000)]) {
      writeFileSync(path.join(dir, 'm'), msg);
      const signArgs = ['pkeyutl', '-sign', '-inkey', 'key.pem', '-rawin', '-in', 'm', '-out', 's'];
      const r = openssl(dir, [...signArgs, '-digest', 'sm3', '-pkeyopt', DISTID]);
      assert.ok(r.ok, r.out);
      const sig = toHex(new Uint8Array(readFileSync(path.join(dir, 's'))));
      assert.equal(sm2Verify(publicKeyHex, msg, sig), true);
      assert.equal(sm2Verify(publicKeyHex, msg.subarray(1), sig), false);
    }
  });
});
