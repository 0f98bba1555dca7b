import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  makeUscc,
  normalizeUscc,
  organisationCodeCheckChar,
  parseUscc,
  usccCheckChar,
  validateUscc,
} from './uscc.ts';
import { isRuleViolation } from './violation.ts';

// Codes published by well-known companies; each check character was recomputed by hand-written
// independent code before being relied on here.
const PUBLISHED = ['914403001922038216', '91440300708461136T', '91110108551385082Q', '91110000802100433B'];

describe('USCC (GB 32100-2015)', () => {
  test('accepts published codes', () => {
    for (const code of PUBLISHED) assert.equal(validateUscc(code), null, code);
  });

  test('check character of published codes', () => {
    for (const code of PUBLISHED) assert.equal(usccCheckChar(code.slice(0, 17)), code[17]);
  });

  test('31 → 0: a body whose weighted sum is a multiple of 31 gets check character 0', () => {
    // Σ = 0 for an all-zero body.
    assert.equal(usccCheckChar('00000000000000000'), '0');
    assert.equal(validateUscc('000000000000000000'), null);
  });

  test('makeUscc builds valid codes', () => {
    const code = makeUscc('11340300003050121');
    assert.equal(code.length, 18);
    assert.equal(validateUscc(code), null);
  });

  test('refuses a wrong check character', () => {
    const v = validateUscc('914403001922038217');
    assert.deepEqual(v, {
      code: 'INVALID_USCC',
      message: '统一社会信用代码格式不正确或校验位错误',
      field: 'uscc',
    });
  });

  test('refuses lower case (normalise first), wrong length, non-strings', () => {
    assert.equal(validateUscc('91440300708461136t')?.code, 'INVALID_USCC');
    assert.equal(validateUscc(normalizeUscc(' 91440300708461136t ')), null);
    assert.equal(validateUscc('91440300708461136')?.code, 'INVALID_USCC');
    assert.equal(validateUscc('9144030070846113611')?.code, 'INVALID_USCC');
    assert.equal(validateUscc('')?.code, 'INVALID_USCC');
    assert.equal(validateUscc(undefined)?.code, 'INVALID_USCC');
    assert.equal(validateUscc(123456789012345678n)?.code, 'INVALID_USCC');
  });

  test('refuses the letters I, O, Z, S, V anywhere, even with a matching check sum', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const body = `9134030070846113${letter}`;
      assert.throws(() => usccCheckChar(body), RangeError);
      for (const check of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        assert.equal(validateUscc(body + check)?.code, 'INVALID_USCC');
      }
      assert.equal(validateUscc(`91440300708461136${letter}`)?.code, 'INVALID_USCC');
    }
  });

  test('uses the field name given', () => {
    assert.equal(validateUscc('x', 'party.uscc')?.field, 'party.uscc');
  });

  test('parses authority, type, region and subject code', () => {
    const p = parseUscc('914403001922038216');
    assert.ok(!isRuleViolation(p));
    assert.equal(p.registrationAuthority, '9');
    assert.equal(p.registrationAuthorityLabel, '工商');
    assert.equal(p.organisationType, '1');
    assert.equal(p.organisationTypeLabel, '企业');
    assert.equal(p.regionCode, '440300');
    assert.equal(p.subjectCode, '192203821');
    assert.equal(p.checkChar, '6');
    const organ = parseUscc(makeUscc('11340300003050121'));
    assert.ok(!isRuleViolation(organ));
    assert.equal(organ.registrationAuthorityLabel, '机构编制');
    assert.equal(organ.organisationTypeLabel, '机关');
    assert.equal(organ.regionCode, '340300');
    assert.ok(isRuleViolation(parseUscc('bad')));
  });

  test('organisation code check character (GB 11714) matches the subject codes of published USCCs', () => {
    for (const code of PUBLISHED) {
      assert.equal(organisationCodeCheckChar(code.slice(8, 16)), code[16], code);
    }
  });
});
