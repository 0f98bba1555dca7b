// Signed tree heads: what is signed and how anyone checks it.
//
// The signed message is the UTF-8 of the RFC 8785 canonical JSON of exactly three fields,
//   {"rootHash":"<hex>","timestamp":"<ISO 8601, UTC, ms>","treeSize":<n>}
// signed with SM2 (GB/T 32918.2) over SM3 with the default signer ID 1234567812345678, DER
// signature in hex. OpenSSL checks it with
//   openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in msg -sigfile sig \
//     -digest sm3 -pkeyopt distid:1234567812345678
import type { HashAlgorithm } from '../crypto/index.ts';
import { canonicalJsonBytes, sm2Verify } from '../crypto/index.ts';

export const SIGNATURE_ALGORITHM = 'sm2-sm3';

export interface TreeHead {
  treeSize: number;
  /** MTH of the first treeSize entries, hex. */
  rootHash: string;
  /** ISO 8601, UTC, milliseconds (Date.toISOString()). */
  timestamp: string;
}

/** The body of GET /api/ledger/sth. */
export interface SignedTreeHead extends TreeHead {
  hashAlgorithm: HashAlgorithm;
  signatureAlgorithm: typeof SIGNATURE_ALGORITHM;
  /** DER SM2 signature, hex. */
  signature: string;
  /** Uncompressed SM2 public key 04 || x || y, hex. */
  publicKey: string;
}

/** The bytes that are signed: RFC 8785 JSON of {treeSize, rootHash, timestamp} (nothing else). */
export function treeHeadMessage(head: TreeHead): Uint8Array {
  return canonicalJsonBytes({ treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp });
}

/** Checks a head's signature against the public key it names (pin the key separately). */
export function verifySignedTreeHead(head: SignedTreeHead): boolean {
  if (head.signatureAlgorithm !== SIGNATURE_ALGORITHM) return false;
  return sm2Verify(head.publicKey, treeHeadMessage(head), head.signature);
}
