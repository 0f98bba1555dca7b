/**
 * Payment and evidence procedures (issue 10): on-the-spot collection (行政处罚法 arts. 68–71), deferral and
 * instalments (art. 66), the surcharge paused during 复议 or 诉讼 (art. 73(3)) and the court waiting for
 * them (行政强制法 art. 53), and 先行登记保存 (art. 56). Each refusal is checked by code and named field.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeClocks, findClock, surchargeOn } from './clocks.ts';
import { codes, ctxOn, HEAD, O1, officer, ok, snapshotAt } from './test-fixtures.ts';
import { applyTransition, type TransitionResult } from './transition.ts';
import type { CaseSnapshot, Payload } from './types.ts';

const env = ctxOn('2026-01-05');
const act = (s: CaseSnapshot, action: string, payload: Payload, today: string, actor = officer(O1)) =>
  applyTransition(s, { action, payload }, ctxOn(today, { actor }));
const field = (r: TransitionResult, code: string) =>
  r.ok ? undefined : r.violations.find((v) => v.code === code)?.field;
const clock = (s: CaseSnapshot, key: Parameters<typeof findClock>[1]) =>
  findClock(computeClocks(s, env), key);

// A summary decision of 50 元 made and handed over on Friday 2026-03-06.
const spot50 = snapshotAt('summary', 'served', {
  penalty: { kinds: ['fine'], fineFen: 5_000 },
  documentNo: '当场〔2026〕1号',
  dates: { openedOn: '2026-03-06', decidedOn: '2026-03-06', servedOn: '2026-03-06' },
});
const COLLECT = {
  executedOn: '2026-03-06',
  paidFen: 5_000,
  receiptNo: 'AH-2026-0001234',
  ground: 'small_fine',
};

describe('on-the-spot collection (行政处罚法 arts. 68–71)', () => {
  test('collected with the receipt number on the ground of a fine of 100 元 or less; the case is executed', () => {
    const r = ok(act(spot50, 'collect_fine_on_spot', COLLECT, '2026-03-06'));
    assert.equal(r.next.state, 'executed', 'the fine is paid');
    assert.equal(r.next.paidFen, 5_000, 'the amount is recorded');
    assert.deepEqual(
      r.next.spotCollection,
      { receiptNo: 'AH-2026-0001234', ground: 'small_fine', collectedOn: '2026-03-06' },
      'the receipt and the ground are on the case',
    );
    const remit = findClock(r.clocks, 'spotRemittance');
    assert.equal(remit?.duty, 'agency', "the remittance is the agency's duty");
    // Friday 03-06 + 2 working days = Tuesday 03-10 (the weekend does not count, art. 85).
    assert.equal(remit?.dueOn, '2026-03-10', 'two working days from the collection');
    assert.equal(remit?.source.zh.includes('第七十一条'), true, 'the clock cites art. 71');
  });

  test('without the 专用票据 number, refused (art. 70)', () => {
    const r = act(spot50, 'collect_fine_on_spot', { ...COLLECT, receiptNo: undefined }, '2026-03-06');
    assert.deepEqual(codes(r), ['SPOT_RECEIPT_REQUIRED'], 'the receipt number is required');
    assert.equal(field(r, 'SPOT_RECEIPT_REQUIRED'), 'receiptNo', 'names the field');
  });

  test('above 100 元 only when hard to enforce later, with the circumstances written down (art. 68)', () => {
    const s = { ...spot50, penalty: { kinds: ['fine' as const], fineFen: 20_000 } };
    const small = act(s, 'collect_fine_on_spot', { ...COLLECT, paidFen: 20_000 }, '2026-03-06');
    assert.deepEqual(codes(small), ['SPOT_COLLECTION_AMOUNT_EXCEEDED'], '200 元 is not 100 元 or less');
    assert.equal(field(small, 'SPOT_COLLECTION_AMOUNT_EXCEEDED'), 'ground', 'names the ground');
    const bare = act(
      s,
      'collect_fine_on_spot',
      { ...COLLECT, paidFen: 20_000, ground: 'hard_to_enforce' },
      '2026-03-06',
    );
    assert.deepEqual(codes(bare), ['SPOT_COLLECTION_REASON_REQUIRED'], 'the circumstances are required');
    assert.equal(field(bare, 'SPOT_COLLECTION_REASON_REQUIRED'), 'groundDetail', 'names the field');
    const r = act(
      s,
      'collect_fine_on_spot',
      { ...COLLECT, paidFen: 20_000, ground: 'hard_to_enforce', groundDetail: '外省流动摊贩，无固定住所' },
      '2026-03-06',
    );
    assert.equal(r.ok, true, 'allowed with the circumstances');
  });

  test('on the spot means the day of the decision; less than the fine is refused', () => {
    const later = act(spot50, 'collect_fine_on_spot', { ...COLLECT, executedOn: '2026-03-09' }, '2026-03-09');
    assert.deepEqual(codes(later), ['SPOT_COLLECTION_NOT_ON_SPOT'], 'not collected on the spot');
    assert.equal(field(later, 'SPOT_COLLECTION_NOT_ON_SPOT'), 'executedOn', 'names the date');
    const short = act(spot50, 'collect_fine_on_spot', { ...COLLECT, paidFen: 3_000 }, '2026-03-06');
    assert.deepEqual(codes(short), ['PAYMENT_INSUFFICIENT'], 'the whole fine');
  });

  test('on water the remittance runs from the landing, which must be given (art. 71)', () => {
    const noLanding = act(spot50, 'collect_fine_on_spot', { ...COLLECT, onWater: true }, '2026-03-06');
    assert.deepEqual(codes(noLanding), ['LANDING_DATE_REQUIRED'], 'the landing date is required');
    assert.equal(field(noLanding, 'LANDING_DATE_REQUIRED'), 'landedOn', 'names the field');
    const r = ok(
      act(
        spot50,
        'collect_fine_on_spot',
        { ...COLLECT, onWater: true, landedOn: '2026-03-09' },
        '2026-03-09',
      ),
    );
    assert.equal(findClock(r.clocks, 'spotRemittance')?.startsOn, '2026-03-09', 'from the landing');
    assert.equal(findClock(r.clocks, 'spotRemittance')?.dueOn, '2026-03-11', 'Monday + 2 working days');
  });

  test('in the ordinary procedure only in a remote, water or poorly connected area (art. 69)', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 5_000 },
      dates: { filedOn: '2026-02-02', decidedOn: '2026-03-02', servedOn: '2026-03-04' },
    });
    const payload = { ...COLLECT, executedOn: '2026-03-06' };
    const r = act(s, 'collect_fine_on_spot', payload, '2026-03-06');
    assert.deepEqual(codes(r), ['SPOT_COLLECTION_NOT_ALLOWED'], 'art. 68 is for on-the-spot decisions');
    assert.equal(field(r, 'SPOT_COLLECTION_NOT_ALLOWED'), 'ground', 'names the ground');
    const remote = { ...payload, ground: 'remote_area', groundDetail: '海岛渔村，当事人提出当场缴纳' };
    assert.equal(act(s, 'collect_fine_on_spot', remote, '2026-03-06').ok, true, 'art. 69 allows it');
  });

  test('remittance, then the bank; the case closes only after both', () => {
    const collected = ok(act(spot50, 'collect_fine_on_spot', COLLECT, '2026-03-06')).next;
    const closeEarly = act(collected, 'close', { reportedOn: '2026-03-06' }, '2026-03-06');
    assert.deepEqual(codes(closeEarly), ['SPOT_FINE_NOT_SETTLED'], 'not yet remitted');
    assert.equal(field(closeEarly, 'SPOT_FINE_NOT_SETTLED'), 'remittedOn', 'names what is missing');
    const bankFirst = act(
      collected,
      'record_bank_deposit',
      { depositedOn: '2026-03-09', bankReceiptNo: 'B1' },
      '2026-03-09',
      HEAD,
    );
    assert.deepEqual(codes(bankFirst), ['NOT_REMITTED'], 'the bank after the agency');
    const remitted = ok(act(collected, 'record_remittance', { remittedOn: '2026-03-11' }, '2026-03-11'));
    const remit = findClock(remitted.clocks, 'spotRemittance');
    assert.equal(remit?.completedOn, '2026-03-11', 'recorded');
    assert.ok((remit?.completedOn ?? '') > (remit?.dueOn ?? ''), 'late: after Tuesday 03-10');
    assert.deepEqual(
      codes(act(remitted.next, 'record_remittance', { remittedOn: '2026-03-11' }, '2026-03-11')),
      ['ALREADY_REMITTED'],
      'once',
    );
    assert.equal(
      findClock(remitted.clocks, 'bankDeposit')?.dueOn,
      '2026-03-13',
      'the bank within 2 working days',
    );
    const deposited = ok(
      act(
        remitted.next,
        'record_bank_deposit',
        { depositedOn: '2026-03-12', bankReceiptNo: 'B1' },
        '2026-03-12',
        HEAD,
      ),
    );
    assert.equal(
      act(deposited.next, 'close', { reportedOn: '2026-03-12' }, '2026-03-12').ok,
      true,
      'now it closes',
    );
    const paidAtBank = ok(
      act(spot50, 'record_execution', { executedOn: '2026-03-10', paidFen: 5_000 }, '2026-03-10'),
    );
    assert.equal(
      act(paidAtBank.next, 'close', { reportedOn: '2026-03-10' }, '2026-03-10').ok,
      true,
      'a fine paid at the bank needs no remittance',
    );
  });
});

// An ordinary decision of 3,000 元 served on Monday 2026-03-02: the 15 days end on 03-17.
const served = snapshotAt('ordinary', 'served', {
  penalty: { kinds: ['fine'], fineFen: 300_000 },
  dates: { filedOn: '2026-01-05', decidedOn: '2026-02-27', servedOn: '2026-03-02' },
});
const PLAN = [
  { dueOn: '2026-04-01', amountFen: 100_000 },
  { dueOn: '2026-05-01', amountFen: 100_000 },
  { dueOn: '2026-06-01', amountFen: 100_000 },
];

describe('deferral and instalments (行政处罚法 art. 66)', () => {
  test('a schedule summing to the fine; the payment clock follows the next instalment', () => {
    const r = ok(
      act(served, 'approve_payment_deferral', { instalments: PLAN, reason: '经营困难' }, '2026-03-10', HEAD),
    );
    assert.equal(r.next.instalments?.length, 3, 'the schedule is on the case');
    assert.equal(findClock(r.clocks, 'payment')?.dueOn, '2026-04-01', 'the first instalment');
    const paid = ok(
      act(r.next, 'record_instalment_payment', { paidOn: '2026-03-30', paidFen: 100_000 }, '2026-03-30'),
    );
    assert.equal(findClock(paid.clocks, 'payment')?.dueOn, '2026-05-01', 'then the second');
    assert.equal(paid.next.paidFen, 100_000, 'paid so far');
    assert.equal(paid.next.state, 'served', 'still to be paid');
  });

  test('refusals: the sum, the order, both terms or none', () => {
    const wrongSum = act(
      served,
      'approve_payment_deferral',
      { instalments: PLAN.slice(0, 2), reason: 'x' },
      '2026-03-10',
      HEAD,
    );
    assert.deepEqual(codes(wrongSum), ['INSTALMENTS_SUM_MISMATCH'], '2,000 元 of 3,000 元');
    assert.equal(field(wrongSum, 'INSTALMENTS_SUM_MISMATCH'), 'instalments', 'names the schedule');
    const backwards = act(
      served,
      'approve_payment_deferral',
      { instalments: [PLAN[1], PLAN[0], PLAN[2]], reason: 'x' },
      '2026-03-10',
      HEAD,
    );
    assert.deepEqual(codes(backwards), ['INSTALMENTS_INVALID'], 'dates rise');
    const both = act(
      served,
      'approve_payment_deferral',
      { instalments: PLAN, payUntil: '2026-06-01', reason: 'x' },
      '2026-03-10',
      HEAD,
    );
    assert.deepEqual(codes(both), ['DEFERRAL_TERMS_CONFLICT'], 'one or the other');
    const none = act(served, 'approve_payment_deferral', { reason: 'x' }, '2026-03-10', HEAD);
    assert.deepEqual(codes(none), ['DEFERRAL_TERMS_REQUIRED'], 'one is needed');
    assert.equal(field(none, 'DEFERRAL_TERMS_REQUIRED'), 'payUntil', 'names the field');
    const badRow = act(
      served,
      'approve_payment_deferral',
      { instalments: [{ dueOn: '2026-04-01', amountFen: -5 }], reason: 'x' },
      '2026-03-10',
      HEAD,
    );
    assert.deepEqual(codes(badRow), ['INVALID_INPUT'], 'a positive amount');
    assert.equal(field(badRow, 'INVALID_INPUT'), 'instalments', 'names the schedule');
  });

  test('the surcharge counts per late instalment: 3 % a day of that instalment only', () => {
    const planned = ok(
      act(served, 'approve_payment_deferral', { instalments: PLAN, reason: 'x' }, '2026-03-10', HEAD),
    ).next;
    // The first instalment paid 2 days late: 2 × 3 % × 1,000 元 = 60 元.
    const late = act(
      planned,
      'record_instalment_payment',
      { paidOn: '2026-04-03', paidFen: 100_000 },
      '2026-04-03',
    );
    assert.deepEqual(codes(late), ['INSTALMENT_PAYMENT_INSUFFICIENT'], 'the surcharge is due with it');
    assert.equal(field(late, 'INSTALMENT_PAYMENT_INSUFFICIENT'), 'paidFen', 'names the amount');
    const paid = ok(
      act(planned, 'record_instalment_payment', { paidOn: '2026-04-03', paidFen: 106_000 }, '2026-04-03'),
    ).next;
    // On 05-04 the second is 3 days late (90 元); the first stays at its 60 元; the third is not due.
    assert.equal(surchargeOn(paid, '2026-05-04', env)?.surchargeFen, 6_000 + 9_000, 'per instalment');
    assert.equal(surchargeOn(planned, '2026-03-31', env)?.surchargeFen, 0, 'none before the first day');
  });
});

describe('复议 and 诉讼 during execution (行政处罚法 art. 73, 行政强制法 art. 53)', () => {
  // Unpaid: the limit ended 03-17. The party applies for 复议 on 03-20; it ends 05-19.
  const withRemedy = ok(
    act(
      served,
      'record_remedy',
      { kind: 'reconsideration', filedOn: '2026-03-20', body: '蚌埠市人民政府' },
      '2026-03-20',
    ),
  ).next;

  test('the surcharge does not count the days of the 复议', () => {
    assert.equal(surchargeOn(served, '2026-03-19', env)?.surchargeFen, 18_000, '2 days late: 180 元');
    // From 03-18 to 04-10: 24 days late, of which 03-20..04-10 (22 days) are within the 复议.
    assert.equal(
      surchargeOn(withRemedy, '2026-04-10', env)?.surchargeFen,
      18_000,
      'only the 2 days before it',
    );
    const ended = ok(
      act(
        withRemedy,
        'record_remedy_end',
        { kind: 'reconsideration', endedOn: '2026-05-19', result: '维持' },
        '2026-05-20',
      ),
    ).next;
    // 05-20 and 05-21 count again: 4 days = 360 元.
    assert.equal(
      surchargeOn(ended, '2026-05-21', env)?.surchargeFen,
      36_000,
      'counting resumes after its end',
    );
    const exec = act(
      ended,
      'record_execution',
      { executedOn: '2026-05-21', paidFen: 300_000 + 36_000 },
      '2026-05-21',
    );
    assert.equal(exec.ok, true, 'the fine and the counted surcharge settle the case');
  });

  test('no application to the court while it runs; the 复议 period is met by the application', () => {
    const c = clock(withRemedy, 'reconsideration');
    assert.equal(c?.completedOn, '2026-03-20', 'the party used the right');
    assert.equal(clock(withRemedy, 'enforcementApplication'), undefined, 'no window while it runs');
    const r = act(withRemedy, 'apply_court_enforcement', { court: '蚌埠市中级人民法院' }, '2026-11-20', HEAD);
    assert.ok(codes(r).includes('REMEDY_PENDING'), `refused while the 复议 runs: ${codes(r).join(',')}`);
    assert.equal(field(r, 'REMEDY_PENDING'), 'remedies', 'names the proceedings');
    const ended = ok(
      act(
        withRemedy,
        'record_remedy_end',
        { kind: 'reconsideration', endedOn: '2026-09-30', result: '维持' },
        '2026-10-08',
      ),
    ).next;
    const window = clock(ended, 'enforcementApplication');
    assert.ok(window, 'the window exists once it ended');
    assert.ok(
      (window?.opensOn ?? '') > '2026-09-02',
      `after the remedy periods and the 复议: ${window?.opensOn}`,
    );
  });

  test('refusals: a second open 复议, an end without one, an end before the start', () => {
    const again = act(
      withRemedy,
      'record_remedy',
      { kind: 'reconsideration', filedOn: '2026-03-21', body: 'x' },
      '2026-03-21',
    );
    assert.deepEqual(codes(again), ['REMEDY_ALREADY_PENDING'], 'one at a time');
    const noSuit = act(
      withRemedy,
      'record_remedy_end',
      { kind: 'litigation', endedOn: '2026-04-01', result: 'x' },
      '2026-04-01',
    );
    assert.deepEqual(codes(noSuit), ['NO_REMEDY_PENDING'], 'no 诉讼 was recorded');
    assert.equal(field(noSuit, 'NO_REMEDY_PENDING'), 'kind', 'names the kind');
    const before = act(
      withRemedy,
      'record_remedy_end',
      { kind: 'reconsideration', endedOn: '2026-03-19', result: 'x' },
      '2026-04-01',
    );
    assert.deepEqual(codes(before), ['DATE_OUT_OF_ORDER'], 'not before it started');
    const beforeService = act(
      served,
      'record_remedy',
      { kind: 'litigation', filedOn: '2026-02-28', body: 'x' },
      '2026-03-05',
    );
    assert.deepEqual(codes(beforeService), ['DATE_OUT_OF_ORDER'], 'not before the decision was served');
  });
});

// Filed Monday 2026-03-02; evidence preserved on Wednesday 03-04: 7 working days end Friday 03-13.
const investigating = snapshotAt('ordinary', 'investigation', {
  dates: { filedOn: '2026-03-02', openedOn: '2026-03-02' },
});
const PRESERVE = {
  preservedOn: '2026-03-04',
  items: '涉嫌假冒商品 120 件（清单附后）',
  approvalRef: '先行登记保存审批表 2026-003',
};

describe('先行登记保存 (行政处罚法 art. 56)', () => {
  const preserved = ok(act(investigating, 'preserve_evidence', PRESERVE, '2026-03-04'));

  test('recorded with its items and approval; decided within 7 working days (duty: agency)', () => {
    assert.equal(preserved.next.preservations?.[0]?.items, PRESERVE.items, 'the list is on the case');
    const c = findClock(preserved.clocks, 'evidencePreservation');
    assert.equal(c?.dueOn, '2026-03-13', '7 working days');
    assert.equal(c?.duty, 'agency', "the agency's duty");
    assert.match(c?.source.zh ?? '', /第五十六条/, 'cites art. 56');
    const decided = ok(
      act(
        preserved.next,
        'decide_preserved_evidence',
        { decidedOn: '2026-03-10', decision: 'test' },
        '2026-03-10',
      ),
    );
    assert.equal(decided.next.preservations?.[0]?.decision, 'test', 'the decision is recorded');
    assert.equal(
      findClock(decided.clocks, 'evidencePreservation')?.completedOn,
      '2026-03-10',
      'the clock is met',
    );
  });

  test('one at a time; a decision needs one pending; the case is not decided before it', () => {
    const second = act(
      preserved.next,
      'preserve_evidence',
      { ...PRESERVE, preservedOn: '2026-03-05' },
      '2026-03-05',
    );
    assert.deepEqual(codes(second), ['PRESERVATION_PENDING'], 'decide the first');
    const none = act(
      investigating,
      'decide_preserved_evidence',
      { decidedOn: '2026-03-10', decision: 'release' },
      '2026-03-10',
    );
    assert.deepEqual(codes(none), ['NO_PRESERVATION_PENDING'], 'nothing to decide');
    const pending = {
      ...preserved.next,
      state: 'decision_pending',
      notifiedPenalty: { kinds: ['warning' as const] },
    };
    const decide = act(
      pending,
      'decide',
      { penalty: { kinds: ['warning'] }, documentNo: 'D1' },
      '2026-03-10',
      HEAD,
    );
    assert.ok(codes(decide).includes('PRESERVATION_PENDING'), `decide waits: ${codes(decide).join(',')}`);
  });

  test('after the 7 working days the measure has lapsed: only release and return is recorded', () => {
    const late = act(
      preserved.next,
      'decide_preserved_evidence',
      { decidedOn: '2026-03-16', decision: 'seize' },
      '2026-03-16',
    );
    assert.deepEqual(codes(late), ['PRESERVATION_LAPSED'], 'seizure on a lapsed measure');
    assert.equal(field(late, 'PRESERVATION_LAPSED'), 'decision', 'names the decision');
    const release = ok(
      act(
        preserved.next,
        'decide_preserved_evidence',
        { decidedOn: '2026-03-16', decision: 'release', reason: '逾期自动解除，已退还' },
        '2026-03-16',
      ),
    );
    const c = findClock(release.clocks, 'evidencePreservation');
    assert.ok(c?.completedOn && c.completedOn > c.dueOn, 'recorded as late');
    const early = act(
      preserved.next,
      'decide_preserved_evidence',
      { decidedOn: '2026-03-03', decision: 'release' },
      '2026-03-05',
    );
    assert.deepEqual(codes(early), ['DATE_OUT_OF_ORDER'], 'not before the preservation');
  });
});
