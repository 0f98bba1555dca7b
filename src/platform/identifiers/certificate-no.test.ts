import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalizeCertificateNo, validateCertificateNo } from './certificate-no.ts';

describe('certificate number (platform format)', () => {
  test('accepts digits, letters, an optional province abbreviation', () => {
    for (const ok of [
      '皖03000100001',
      '123456',
      'AB1234',
      '宁A12345678',
      '陕00012',
      '皖03001',
      'X'.repeat(24),
    ]) {
      assert.equal(validateCertificateNo(ok), null, ok);
    }
    assert.equal(validateCertificateNo(`皖${'1'.repeat(23)}`), null);
  });

  test('normalises case and surrounding spaces', () => {
    assert.equal(normalizeCertificateNo('  皖ab12345 '), '皖AB12345');
    assert.equal(validateCertificateNo('  皖ab12345 '), null);
  });

  test('refuses too short, too long, symbols, inner spaces, other CJK, two abbreviations', () => {
    for (const bad of [
      '',
      '12345',
      '皖1234',
      'X'.repeat(25),
      `皖${'1'.repeat(24)}`,
      '皖-0300-01',
      'AB 12345',
      '执法12345',
      '皖皖123456',
      '12345皖6',
      'ＡＢ１２３４', // full-width
    ]) {
      const v = validateCertificateNo(bad);
      assert.equal(v?.code, 'INVALID_CERTIFICATE_NO', bad);
      assert.equal(v?.field, 'certificateNo');
      assert.match(v?.message ?? '', /执法证件编号/);
    }
    assert.equal(validateCertificateNo(undefined)?.code, 'INVALID_CERTIFICATE_NO');
  });
});
