import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson, utf8 } from '../crypto/index.ts';
import { AppError } from '../http/errors.ts';
import { ledgerHashAlgorithm } from './config.ts';
import { entryLeafBytes, formatOfField, MAX_ENTRY_FIELDS, validateEntry } from './entry.ts';

const valid = {
  kind: 'document.version',
  recordId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  contentHash: 'a'.repeat(64),
  caseId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  at: '2026-03-04T05:06:07.089Z',
};

function refused(entry: unknown, field: string): void {
  assert.throws(
    () => validateEntry(entry),
    (e: unknown) =>
      e instanceof AppError && e.code === 'LEDGER_ENTRY_INVALID' && e.field === field && e.status === 400,
    JSON.stringify(entry),
  );
}

describe('ledger entries hold ids, hashes, times and codes only', () => {
  test('a valid entry comes back as a clean copy; optional fields declare their format by name', () => {
    const e = {
      ...valid,
      caseId: null,
      agencyId: '123',
      previousHash: 'b'.repeat(64),
      issuedAt: '2026-01-01T00:00:00.000Z',
      action: 'file',
      documentKind: 'penalty_decision',
      sequence: '17',
      version: '2',
      revokedAt: null,
    };
    const out = validateEntry(e);
    assert.deepEqual(out, e);
    assert.notEqual(out, e);
  });

  test('the field name decides the format', () => {
    const table: [string, string | null][] = [
      ['at', 'instant'],
      ['signedAt', 'instant'],
      ['recordId', 'id'],
      ['agencyId', 'id'],
      ['contentHash', 'hash'],
      ['kind', 'code'],
      ['eventType', 'code'],
      ['hashAlgorithm', 'code'],
      ['sequence', 'decimal'],
      ['fileVersion', 'decimal'],
      ['name', null],
      ['phone', null],
      ['address', null],
      ['partyName', null],
      ['idNumber', null],
      ['note', null],
      ['Id', null],
      ['__proto__', null],
      ['a-b', null],
    ];
    for (const [name, format] of table) assert.equal(formatOfField(name), format, name);
  });

  test('personal data, unknown fields and malformed values are refused, naming the field', () => {
    refused({ ...valid, partyName: '张三' }, 'partyName');
    refused({ ...valid, phone: '13800000000' }, 'phone');
    refused({ ...valid, address: '蚌埠市' }, 'address');
    refused({ ...valid, recordId: '张三' }, 'recordId');
    refused({ ...valid, recordId: '340321199001011234' }, 'recordId'); // 18 digits: not a row id
    refused({ ...valid, recordId: '0F8FAD5B-D9CB-469F-A165-70867728950E' }, 'recordId');
    refused({ ...valid, recordId: '007' }, 'recordId');
    refused({ ...valid, contentHash: 'A'.repeat(64) }, 'contentHash');
    refused({ ...valid, contentHash: 'a'.repeat(63) }, 'contentHash');
    refused({ ...valid, at: '2026-03-04T05:06:07Z' }, 'at');
    refused({ ...valid, at: '2026-02-30T05:06:07.000Z' }, 'at');
    refused({ ...valid, at: '2026-03-04T13:06:07.089+08:00' }, 'at');
    refused({ ...valid, kind: '文书' }, 'kind');
    refused({ ...valid, kind: 'Document' }, 'kind');
    refused({ ...valid, kind: null }, 'kind');
    refused({ ...valid, recordId: 42 }, 'recordId');
    refused({ ...valid, sequence: '1.5' }, 'sequence');
    refused({ ...valid, extraId: { nested: true } }, 'extraId');
    const { at: _at, ...noAt } = valid;
    refused(noAt, 'at');
    refused({ ...valid, caseId: undefined }, 'caseId');
    const many: Record<string, string> = { ...valid };
    for (let i = 0; Object.keys(many).length <= MAX_ENTRY_FIELDS; i++) many[`x${i}Id`] = String(i);
    refused(many, 'entry');
    refused(null, 'entry');
    refused([valid], 'entry');
    refused(new Map(Object.entries(valid)), 'entry');
    refused('entry', 'entry');
  });

  test('the leaf is the UTF-8 of the RFC 8785 serialisation, keys sorted', () => {
    const e = validateEntry({ ...valid, agencyId: '5' });
    const expected =
      '{"agencyId":"5","at":"2026-03-04T05:06:07.089Z","caseId":"7c9e6679-7425-40de-944b-e07fc1f90ae7",' +
      `"contentHash":"${'a'.repeat(64)}","kind":"document.version","recordId":"0f8fad5b-d9cb-469f-a165-70867728950e"}`;
    assert.equal(canonicalJson(e), expected);
    assert.deepEqual(entryLeafBytes(e), utf8(expected));
  });
});

describe('MINGJING_LEDGER_HASH', () => {
  test('sm3 by default, sha256 by configuration, anything else refused', () => {
    assert.equal(ledgerHashAlgorithm({}), 'sm3');
    assert.equal(ledgerHashAlgorithm({ MINGJING_LEDGER_HASH: '' }), 'sm3');
    assert.equal(ledgerHashAlgorithm({ MINGJING_LEDGER_HASH: 'sm3' }), 'sm3');
    assert.equal(ledgerHashAlgorithm({ MINGJING_LEDGER_HASH: ' SHA256 ' }), 'sha256');
    assert.throws(() => ledgerHashAlgorithm({ MINGJING_LEDGER_HASH: 'md5' }), /MINGJING_LEDGER_HASH/);
  });
});
