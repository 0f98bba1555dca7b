import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isWithinRegion, parseRegionCode, regionPrefix, validateRegionCode } from './region-code.ts';
import { isRuleViolation } from './violation.ts';

describe('region code (GB/T 2260, GB/T 10114)', () => {
  test('levels and parents', () => {
    assert.deepEqual(parseRegionCode('340000'), { code: '340000', level: 'province', parentCode: null });
    assert.deepEqual(parseRegionCode('340300'), { code: '340300', level: 'city', parentCode: '340000' });
    assert.deepEqual(parseRegionCode('340321'), { code: '340321', level: 'county', parentCode: '340300' });
    assert.deepEqual(parseRegionCode('340321100'), {
      code: '340321100',
      level: 'township',
      parentCode: '340321',
    });
  });

  test('直辖市: districts sit under the XX0100 grouping', () => {
    assert.deepEqual(parseRegionCode('110105'), { code: '110105', level: 'county', parentCode: '110100' });
    assert.deepEqual(parseRegionCode('110100'), { code: '110100', level: 'city', parentCode: '110000' });
    assert.deepEqual(parseRegionCode('500000'), { code: '500000', level: 'province', parentCode: null });
  });

  test('省直辖县级行政区划: XX9000 is treated as city level', () => {
    assert.deepEqual(parseRegionCode('429000'), { code: '429000', level: 'city', parentCode: '420000' });
    assert.deepEqual(parseRegionCode('429004'), { code: '429004', level: 'county', parentCode: '429000' });
  });

  test('townships under a city without counties (东莞 441900)', () => {
    assert.deepEqual(parseRegionCode('441900003'), {
      code: '441900003',
      level: 'township',
      parentCode: '441900',
    });
  });

  test('refuses malformed codes', () => {
    for (const bad of [
      '000000',
      '12345',
      '1234567',
      'ABCDEF',
      '34030A',
      ' 340300',
      '',
      '100000', // 10 is not a province code
      '830000', // > 82
      '990000',
      '390000', // gap in the province list
      '340012', // county directly under a province code
      '340321000',
      '340000100', // township under a province code
      '3403211001',
    ]) {
      const r = parseRegionCode(bad);
      assert.ok(isRuleViolation(r), bad);
      assert.equal(r.code, 'INVALID_REGION_CODE');
      assert.equal(r.field, 'regionCode');
    }
    assert.equal(validateRegionCode(340300)?.code, 'INVALID_REGION_CODE');
    assert.equal(validateRegionCode('340300'), null);
    assert.equal(validateRegionCode('x', 'enforcementRegionCode')?.field, 'enforcementRegionCode');
  });

  test('isWithinRegion by prefix', () => {
    assert.equal(isWithinRegion('340321', '340321'), true);
    assert.equal(isWithinRegion('340321', '340300'), true);
    assert.equal(isWithinRegion('340321', '340000'), true);
    assert.equal(isWithinRegion('340321100', '340321'), true);
    assert.equal(isWithinRegion('340321100', '340300'), true);
    assert.equal(isWithinRegion('340300', '340300'), true);
    assert.equal(isWithinRegion('110105', '110100'), true);
    assert.equal(isWithinRegion('110105', '110000'), true);
  });

  test('isWithinRegion refuses outside, upward and invalid codes', () => {
    assert.equal(isWithinRegion('340300', '340321'), false); // parent is not within child
    assert.equal(isWithinRegion('340000', '340300'), false);
    assert.equal(isWithinRegion('340322', '340321'), false); // sibling county
    assert.equal(isWithinRegion('340421', '340300'), false); // other city, same province
    assert.equal(isWithinRegion('320321', '340000'), false);
    assert.equal(isWithinRegion('340321101', '340321100'), false); // sibling township
    assert.equal(isWithinRegion('34032', '340300'), false);
    assert.equal(isWithinRegion('340321', 'bad'), false);
  });
});

describe('regionPrefix', () => {
  test('significant digits by level', () => {
    assert.equal(regionPrefix('340000'), '34');
    assert.equal(regionPrefix('340300'), '3403');
    assert.equal(regionPrefix('340321'), '340321');
    assert.equal(regionPrefix('340321100'), '340321100');
    assert.equal(regionPrefix('110100'), '1101');
  });

  test('throws on invalid codes rather than widening a scope', () => {
    for (const bad of ['', '000000', '34', 'ABCDEF']) assert.throws(() => regionPrefix(bad), RangeError, bad);
  });
});
