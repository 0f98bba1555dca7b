import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateItemInput } from './rules.ts';

const ok = {
  code: '3403-CF-001',
  name: '对未取得食品经营许可从事食品经营活动的处罚',
  type: 'penalty' as 'penalty' | 'inspection',
  categoryCode: 'MARKET',
  legalBasis: '《中华人民共和国食品安全法》第一百二十二条',
};

test('a complete item is valid', () => {
  assert.deepEqual(validateItemInput(ok, ['MARKET']), []);
});

test('each defect has its own code and names the field', () => {
  const codes = (i: Partial<typeof ok> & Record<string, unknown>) =>
    validateItemInput({ ...ok, ...i } as typeof ok, ['MARKET']).map((v) => `${v.code}:${v.field}`);
  assert.deepEqual(codes({ code: '中文编码' }), ['INVALID_ITEM_CODE:code']);
  assert.deepEqual(codes({ name: ' ' }), ['FIELD_REQUIRED:name']);
  assert.deepEqual(codes({ type: 'fine' as never }), ['INVALID_ITEM_TYPE:type']);
  assert.deepEqual(codes({ categoryCode: 'NOPE' }), ['UNKNOWN_CATEGORY:categoryCode']);
  assert.deepEqual(codes({ legalBasis: '' }), ['FIELD_REQUIRED:legalBasis']);
  assert.deepEqual(codes({ isRandomInspection: true }), [
    'RANDOM_INSPECTION_NOT_INSPECTION:isRandomInspection',
  ]);
  assert.deepEqual(codes({ type: 'inspection', isRandomInspection: true }), []);
});
