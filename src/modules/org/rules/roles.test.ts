import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isRole, ROLE_LABELS, ROLES } from './roles.ts';

describe('roles', () => {
  test('seven roles, each with a Chinese label', () => {
    assert.equal(ROLES.length, 7);
    for (const r of ROLES) assert.match(ROLE_LABELS[r], /^[\u4e00-\u9fff]+$/);
    assert.equal(ROLE_LABELS.auxiliary, '执法辅助人员');
    assert.equal(isRole('supervisor'), true);
    assert.equal(isRole('public'), false);
  });
});
