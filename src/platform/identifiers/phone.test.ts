import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validatePhone } from './phone.ts';

describe('phone numbers', () => {
  test('accepts mobiles and landlines', () => {
    for (const ok of [
      '13855201234',
      '+8619955201234',
      '0552-3021234',
      '05523021234',
      '010-65123456',
      '0552-3021234-806',
      '138 5520 1234',
    ]) {
      assert.equal(validatePhone(ok), null, ok);
    }
  });

  test('refuses the rest', () => {
    for (const bad of ['12855201234', '1385520123', '3021234', '0552-0021234', '0552-30212', 'abc', '']) {
      const v = validatePhone(bad);
      assert.equal(v?.code, 'INVALID_PHONE', bad);
      assert.equal(v?.field, 'phone');
    }
    assert.match(validatePhone('x', 'contactPhone', '机关联系电话')?.message ?? '', /^机关联系电话/);
  });
});
