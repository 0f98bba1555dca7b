import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, isIsoDate, todayInShanghai, validateIsoDate } from './date.ts';

describe('ISO dates', () => {
  test('real calendar dates only', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'])
      assert.equal(isIsoDate(ok), true, ok);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-1-1',
      '20250101',
      '0000-01-01',
      '2025-01-01T00:00:00Z',
      '',
    ]) {
      assert.equal(isIsoDate(bad), false, bad);
    }
  });

  test('violation names the field', () => {
    assert.equal(validateIsoDate('2025-06-30', 'issueDate'), null);
    assert.deepEqual(validateIsoDate('2025-06-31', 'issueDate', '发证日期'), {
      code: 'INVALID_DATE',
      message: '发证日期不是有效日期，应为 YYYY-MM-DD 格式的真实日期',
      field: 'issueDate',
    });
    assert.equal(validateIsoDate(null, 'expiryDate')?.field, 'expiryDate');
  });

  test('today in Asia/Shanghai, whatever the process time zone', () => {
    assert.equal(todayInShanghai(new Date('2025-06-30T15:59:59Z')), '2025-06-30');
    assert.equal(todayInShanghai(new Date('2025-06-30T16:00:00Z')), '2025-07-01');
    assert.equal(todayInShanghai(new Date('2024-12-31T16:00:00Z')), '2025-01-01');
    assert.match(todayInShanghai(), /^\d{4}-\d{2}-\d{2}$/);
  });

  test('addDays crosses months, years and leap days', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
    assert.equal(addDays('2025-06-30', 0), '2025-06-30');
    assert.throws(() => addDays('2025-02-30', 1), RangeError);
  });
});
