import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  maskResidentId,
  normalizeResidentId,
  residentIdBirthDate,
  residentIdCheckChar,
  validateResidentId,
} from './resident-id.ts';

// The example printed in GB 11643-1999 itself.
const STANDARD_EXAMPLE = '11010519491231002X';

function withCheck(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

describe('resident ID number (GB 11643-1999)', () => {
  test('accepts the standard example', () => {
    assert.equal(residentIdCheckChar(STANDARD_EXAMPLE.slice(0, 17)), 'X');
    assert.equal(validateResidentId(STANDARD_EXAMPLE), null);
    assert.equal(residentIdBirthDate(STANDARD_EXAMPLE), '1949-12-31');
  });

  test('accepts computed numbers, including check digits 0 and 1', () => {
    const checks = new Set<string>();
    for (let seq = 100; seq < 200; seq++) {
      const id = withCheck(`34030219850615${seq}`);
      assert.equal(validateResidentId(id), null, id);
      checks.add(id[17]!);
    }
    assert.ok(checks.has('0') && checks.has('1') && checks.has('X'));
  });

  test('refuses a wrong check character', () => {
    const v = validateResidentId('110105194912310021');
    assert.equal(v?.code, 'INVALID_RESIDENT_ID');
    assert.equal(v?.field, 'residentIdNumber');
    assert.match(v?.message ?? '', /居民身份证号码/);
  });

  test('refuses lower-case x unless normalised', () => {
    assert.equal(validateResidentId('11010519491231002x')?.code, 'INVALID_RESIDENT_ID');
    assert.equal(validateResidentId(normalizeResidentId(' 11010519491231002x ')), null);
  });

  test('refuses impossible birth dates even with a correct check digit', () => {
    assert.equal(validateResidentId(withCheck('34030219850230123'))?.code, 'INVALID_RESIDENT_ID'); // 2 月 30 日
    assert.equal(validateResidentId(withCheck('34030219851301123'))?.code, 'INVALID_RESIDENT_ID'); // 13 月
    assert.equal(validateResidentId(withCheck('34030218991231123'))?.code, 'INVALID_RESIDENT_ID'); // before 1900
    assert.equal(validateResidentId(withCheck('34030220000229123')), null); // 2000 is a leap year
    assert.equal(validateResidentId(withCheck('34030219000229123'))?.code, 'INVALID_RESIDENT_ID'); // 1900 is not
  });

  test('refuses birth dates after today when today is given', () => {
    const id = withCheck('34030220300101123');
    assert.equal(validateResidentId(id), null);
    assert.equal(validateResidentId(id, 'idNo', '2025-01-01')?.field, 'idNo');
  });

  test('refuses unknown province parts, bad length and characters', () => {
    assert.equal(validateResidentId(withCheck('99010519491231002'))?.code, 'INVALID_RESIDENT_ID');
    assert.equal(validateResidentId('1101051949123100')?.code, 'INVALID_RESIDENT_ID');
    assert.equal(validateResidentId('X1010519491231002X')?.code, 'INVALID_RESIDENT_ID');
    assert.equal(validateResidentId(null)?.code, 'INVALID_RESIDENT_ID');
  });

  test('masks the birth date', () => {
    assert.equal(maskResidentId(STANDARD_EXAMPLE), '110105********002X');
    assert.equal(maskResidentId('12345'), '*****');
  });
});
