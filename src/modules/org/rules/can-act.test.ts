import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ActContext, canAct, checkTeam } from './can-act.ts';
import { auxiliary, officer } from './test-fixtures.ts';

const ctx: ActContext = { categoryCode: 'MARKET', regionCode: '340321', date: '2025-06-30' };
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe('canAct (O3)', () => {
  test('a certified officer within category, region and validity may act', () => {
    assert.deepEqual(canAct(officer(), ctx), { allowed: true, reasons: [] });
    assert.equal(canAct(officer(), { ...ctx, regionCode: '340300' }).allowed, true);
    assert.equal(canAct(officer(), { ...ctx, regionCode: '340321100' }).allowed, true);
    assert.equal(canAct(officer({ enforcementRegionCode: '340000' }), ctx).allowed, true);
  });

  test('boundary dates: issue day and expiry day are valid, the day after expiry is not', () => {
    const o = officer({ issueDate: '2024-03-01', expiryDate: '2026-02-28' });
    assert.equal(canAct(o, { ...ctx, date: '2024-03-01' }).allowed, true);
    assert.equal(canAct(o, { ...ctx, date: '2026-02-28' }).allowed, true);
    const after = canAct(o, { ...ctx, date: '2026-03-01' });
    assert.deepEqual(codes(after), ['CERTIFICATE_NOT_VALID']);
    assert.match(after.reasons[0]!.message, /过期/);
    const before = canAct(o, { ...ctx, date: '2024-02-29' });
    assert.deepEqual(codes(before), ['CERTIFICATE_NOT_VALID']);
    assert.match(before.reasons[0]!.message, /未生效/);
  });

  test('suspended and revoked certificates, the status named', () => {
    const s = canAct(officer({ status: 'suspended' }), ctx);
    assert.deepEqual(codes(s), ['CERTIFICATE_NOT_VALID']);
    assert.match(s.reasons[0]!.message, /暂扣/);
    assert.match(canAct(officer({ status: 'revoked' }), ctx).reasons[0]!.message, /注销/);
  });

  test('category and region not covered', () => {
    assert.deepEqual(codes(canAct(officer(), { ...ctx, categoryCode: 'URBAN' })), ['CATEGORY_NOT_COVERED']);
    assert.deepEqual(codes(canAct(officer(), { ...ctx, regionCode: '340421' })), ['REGION_NOT_COVERED']);
    assert.deepEqual(
      codes(canAct(officer({ enforcementRegionCode: '340321' }), { ...ctx, regionCode: '340300' })),
      ['REGION_NOT_COVERED'],
    );
    assert.deepEqual(codes(canAct(officer({ enforcementRegionCode: null }), ctx)), ['REGION_NOT_COVERED']);
  });

  test('all reasons are collected', () => {
    const r = canAct(officer({ status: 'suspended' }), {
      categoryCode: 'URBAN',
      regionCode: '320100',
      date: ctx.date,
    });
    assert.deepEqual(codes(r), ['CERTIFICATE_NOT_VALID', 'CATEGORY_NOT_COVERED', 'REGION_NOT_COVERED']);
    assert.equal(r.allowed, false);
  });

  test('auxiliary staff never act', () => {
    const r = canAct(auxiliary({ categories: ['MARKET'] }), ctx);
    assert.deepEqual(codes(r), ['AUXILIARY_CANNOT_ACT']);
    assert.equal(r.reasons[0]!.message, '执法辅助人员不得独立执法或签署执法文书');
  });

  test('missing certificate dates and bad context', () => {
    assert.deepEqual(codes(canAct(officer({ expiryDate: null }), ctx)), ['CERTIFICATE_NOT_VALID']);
    assert.deepEqual(codes(canAct(officer(), { ...ctx, date: '2025-02-30' })), ['INVALID_DATE']);
    assert.deepEqual(codes(canAct(officer(), { ...ctx, regionCode: '34' })), ['INVALID_REGION_CODE']);
  });
});

describe('checkTeam (行政处罚法 art. 42)', () => {
  test('two certified officers are enough', () => {
    const r = checkTeam([officer({ id: 'a' }), officer({ id: 'b' })], ctx);
    assert.equal(r.allowed, true);
    assert.deepEqual(r.reasons, []);
    assert.equal(r.qualified, 2);
    assert.equal(r.required, 2);
  });

  test('one officer, or one plus an auxiliary, is not', () => {
    for (const team of [[officer()], [officer(), auxiliary()], []]) {
      const r = checkTeam(team, ctx);
      assert.equal(r.allowed, false);
      assert.deepEqual(codes(r), ['TOO_FEW_CERTIFIED_OFFICERS']);
      assert.match(r.reasons[0]!.message, /不得少于 2 人/);
    }
  });

  test('an auxiliary may accompany a qualified team', () => {
    const r = checkTeam([officer({ id: 'a' }), officer({ id: 'b' }), auxiliary()], ctx);
    assert.equal(r.allowed, true);
    assert.deepEqual(codes(r.members[2]!), ['AUXILIARY_CANNOT_ACT']);
  });

  test('only officers who can act count, and the same officer counts once', () => {
    const expired = officer({ id: 'b', expiryDate: '2025-06-29' });
    const r = checkTeam([officer({ id: 'a' }), expired], ctx);
    assert.equal(r.allowed, false);
    assert.equal(r.qualified, 1);
    assert.deepEqual(codes(r.members[1]!), ['CERTIFICATE_NOT_VALID']);
    assert.equal(checkTeam([officer({ id: 'a' }), officer({ id: 'a' })], ctx).allowed, false);
  });
});
