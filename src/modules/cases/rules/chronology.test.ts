import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, ctxOn, O1, officer, snapshotAt } from './test-fixtures.ts';
import { applyTransition } from './transition.ts';
import type { PenaltyTerms } from './types.ts';

// A step's date may not come before the milestone it follows: the clocks run from these dates.
const FINE: PenaltyTerms = { kinds: ['fine'], fineFen: 500_000 };

describe('the order of a case’s dates', () => {
  test('a rights notice served before the case was filed is refused, naming the date', () => {
    const s = snapshotAt('ordinary', 'case_review', {
      dates: { filedOn: '2026-03-02' },
      approvedProposal: { penalty: FINE, approvedOn: '2026-03-09', approverName: '赵局长', opinion: '同意' },
    });
    const early = applyTransition(
      s,
      { action: 'notify_rights', payload: { penalty: FINE, servedOn: '2026-03-01', documentNo: 'x' } },
      ctxOn('2026-03-10', { actor: officer(O1) }),
    );
    assert.deepEqual(codes(early), ['DATE_OUT_OF_ORDER']);
    assert.ok(!early.ok && early.violations[0]?.field === 'servedOn', 'the field is named');
    assert.ok(!early.ok && /不能早于本案的立案日期（2026-03-02）/.test(early.violations[0]?.message ?? ''));
    const sameDay = applyTransition(
      s,
      { action: 'notify_rights', payload: { penalty: FINE, servedOn: '2026-03-02', documentNo: 'x' } },
      ctxOn('2026-03-10', { actor: officer(O1) }),
    );
    assert.deepEqual(codes(sameDay), [], 'served on the day of filing is in order');
  });

  test('a decision served years before it was made is refused; the payment clock never starts from it', () => {
    const s = snapshotAt('ordinary', 'decided', {
      penalty: FINE,
      dates: { filedOn: '2026-03-02', decidedOn: '2026-04-10' },
    });
    const r = applyTransition(
      s,
      { action: 'serve', payload: { method: 'direct', servedOn: '2023-04-10' } },
      ctxOn('2026-04-12', { actor: officer(O1) }),
    );
    assert.deepEqual(codes(r), ['DATE_OUT_OF_ORDER']);
    const inOrder = applyTransition(
      s,
      { action: 'serve', payload: { method: 'direct', servedOn: '2026-04-11' } },
      ctxOn('2026-04-12', { actor: officer(O1) }),
    );
    assert.deepEqual(codes(inOrder), []);
  });

  test('a fine is not paid before it was decided', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: FINE,
      dates: { filedOn: '2026-03-02', decidedOn: '2026-04-10', servedOn: '2026-04-11' },
    });
    const r = applyTransition(
      s,
      { action: 'record_execution', payload: { executedOn: '2026-04-01', paidFen: 500_000 } },
      ctxOn('2026-04-20', { actor: officer(O1) }),
    );
    assert.deepEqual(codes(r), ['DATE_OUT_OF_ORDER']);
  });
});
