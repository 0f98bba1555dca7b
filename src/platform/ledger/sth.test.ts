import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateSm2KeyPair, sm2Sign, utf8 } from '../crypto/index.ts';
import { type SignedTreeHead, treeHeadMessage, verifySignedTreeHead } from './sth.ts';

test('the signed message is RFC 8785 of exactly {treeSize, rootHash, timestamp}', () => {
  const head = { treeSize: 70, rootHash: 'ab'.repeat(32), timestamp: '2026-03-04T05:06:07.089Z' };
  assert.deepEqual(
    treeHeadMessage({ ...head, extra: 'ignored' } as typeof head),
    utf8(`{"rootHash":"${'ab'.repeat(32)}","timestamp":"2026-03-04T05:06:07.089Z","treeSize":70}`),
  );
});

test('a signed head verifies; any change to it does not', () => {
  const { privateKeyHex, publicKeyHex } = generateSm2KeyPair();
  const base = { treeSize: 5, rootHash: 'cd'.repeat(32), timestamp: '2026-03-04T05:06:07.089Z' };
  const head: SignedTreeHead = {
    ...base,
    hashAlgorithm: 'sm3',
    signatureAlgorithm: 'sm2-sm3',
    signature: sm2Sign(privateKeyHex, treeHeadMessage(base)),
    publicKey: publicKeyHex,
  };
  assert.equal(verifySignedTreeHead(head), true);
  assert.equal(verifySignedTreeHead({ ...head, treeSize: 6 }), false);
  assert.equal(verifySignedTreeHead({ ...head, rootHash: 'ce'.repeat(32) }), false);
  assert.equal(verifySignedTreeHead({ ...head, timestamp: '2026-03-04T05:06:07.090Z' }), false);
  assert.equal(verifySignedTreeHead({ ...head, publicKey: generateSm2KeyPair().publicKeyHex }), false);
  assert.equal(verifySignedTreeHead({ ...head, signatureAlgorithm: 'ecdsa' as 'sm2-sm3' }), false);
});
