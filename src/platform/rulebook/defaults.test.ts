import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULEBOOK_DEFAULTS, type RuleKey } from './defaults.ts';

// Pinned: changing a rule number is a decision to be made on purpose, with its source.
const PINNED: Record<RuleKey, [number, string, string]> = {
  legalReviewerMinRatio: [0.05, 'ratio', 'national'],
  minOfficersPerAction: [2, 'persons', 'national'],
  trainingHoursPerYear: [60, 'hours', 'local'],
  loginMaxFailures: [5, 'times', 'platform'],
  loginLockoutMinutes: [15, 'minutes', 'platform'],
  sessionIdleHours: [8, 'hours', 'platform'],
  sessionAbsoluteHours: [12, 'hours', 'platform'],
};

describe('rulebook defaults', () => {
  test('every value is pinned', () => {
    assert.deepEqual(Object.keys(RULEBOOK_DEFAULTS).sort(), Object.keys(PINNED).sort());
    for (const [key, [value, unit, origin]] of Object.entries(PINNED)) {
      const p = RULEBOOK_DEFAULTS[key as RuleKey];
      assert.equal(p.value, value, key);
      assert.equal(p.unit, unit, key);
      assert.equal(p.origin, origin, key);
    }
  });

  test('every parameter cites its source in Chinese and English', () => {
    for (const [key, p] of Object.entries(RULEBOOK_DEFAULTS)) {
      assert.match(p.source.zh, /[\u4e00-\u9fff]/, key);
      assert.ok(p.source.en.length > 10, key);
    }
    assert.match(RULEBOOK_DEFAULTS.legalReviewerMinRatio.source.zh, /国办发〔2018〕118号/);
    assert.match(RULEBOOK_DEFAULTS.minOfficersPerAction.source.zh, /第四十二条/);
    assert.match(RULEBOOK_DEFAULTS.trainingHoursPerYear.source.zh, /60学时/);
    assert.equal(RULEBOOK_DEFAULTS.trainingHoursPerYear.source.seedRef, '002 task 3');
  });

  test('is frozen', () => {
    assert.ok(Object.isFrozen(RULEBOOK_DEFAULTS));
    assert.ok(Object.isFrozen(RULEBOOK_DEFAULTS.minOfficersPerAction));
    assert.throws(() => {
      (RULEBOOK_DEFAULTS.minOfficersPerAction as { value: number }).value = 1;
    }, TypeError);
  });
});
