import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chineseOrdinal, fenToChineseUpper, formatDate, formatDateTime, formatYuan } from './format.ts';

test('amounts in 大写 follow the financial conventions', () => {
  const cases: [number, string][] = [
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [100, '壹元整'],
    [150, '壹元伍角整'],
    [105, '壹元零伍分'],
    [100500, '壹仟零伍元整'],
    [356000, '叁仟伍佰陆拾元整'],
    [5000000, '伍万元整'],
    [1000500, '壹万零伍元整'],
    [10000000, '壹拾万元整'],
    [101000000, '壹佰零壹万元整'],
    [1234567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [10000000500, '壹亿零伍元整'],
    [1000000000000, '壹佰亿元整'],
  ];
  for (const [fen, upper] of cases) assert.equal(fenToChineseUpper(fen), upper, String(fen));
  assert.throws(() => fenToChineseUpper(-1), RangeError);
  assert.throws(() => fenToChineseUpper(1.5), RangeError);
});

test('yuan with thousands separators, dates and ordinals as printed', () => {
  assert.equal(formatYuan(5000000), '50,000.00');
  assert.equal(formatYuan(356005), '3,560.05');
  assert.equal(formatYuan(7), '0.07');
  assert.equal(formatDate('2026-03-02'), '2026年3月2日');
  assert.equal(formatDateTime('2026-03-02T09:05'), '2026年3月2日9时05分');
  assert.deepEqual([1, 9, 10, 11, 20, 21, 99].map(chineseOrdinal), [
    '一',
    '九',
    '十',
    '十一',
    '二十',
    '二十一',
    '九十九',
  ]);
});
