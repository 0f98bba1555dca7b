import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadMasterKey, masterKeyFromBytes } from './master-key.ts';

test('sealed keys open only with the same master key and context', () => {
  const mk = masterKeyFromBytes(randomBytes(32));
  const secret = Buffer.from('a'.repeat(64), 'hex');
  const sealed = mk.seal(secret, 'seal:agency-1');
  assert.deepEqual(mk.open(sealed, 'seal:agency-1'), secret);
  assert.throws(() => mk.open(sealed, 'seal:agency-2'));
  assert.throws(() => masterKeyFromBytes(randomBytes(32)).open(sealed, 'seal:agency-1'));
  const [v, iv, tag, body] = sealed.split('.');
  const flipped = Buffer.from(body!, 'base64');
  flipped[0]! ^= 1;
  assert.throws(() => mk.open([v, iv, tag, flipped.toString('base64')].join('.'), 'seal:agency-1'));
});

test('the embedded master key is created once, private to the owner, and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mj-keys-'));
  try {
    const a = loadMasterKey({ envValue: undefined, dataDir: dir, embedded: true });
    const sealed = a.seal(Buffer.from('x'), 'c');
    const b = loadMasterKey({ envValue: undefined, dataDir: dir, embedded: true });
    assert.equal(b.open(sealed, 'c').toString(), 'x');
    assert.equal(statSync(join(dir, 'keys', 'master.key')).mode & 0o777, 0o600);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('PostgreSQL deployments must provide the master key; a malformed one is refused', () => {
  assert.throws(
    () => loadMasterKey({ envValue: undefined, dataDir: '/nonexistent', embedded: false }),
    /MINGJING_MASTER_KEY/,
  );
  assert.throws(() => loadMasterKey({ envValue: 'abc', dataDir: '/x', embedded: false }), /64/);
  assert.ok(loadMasterKey({ envValue: 'ab'.repeat(32), dataDir: '/x', embedded: false }));
});
