import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveRulebook } from '../../../platform/rulebook/resolve.ts';
import {
  CLOCK_DUTY,
  type Clock,
  type ClockDuty,
  type ClockKey,
  clockStatus,
  clockView,
  computeClocks,
  findClock,
  lateSurcharge,
  surchargeOn,
  workingDaysBefore,
} from './clocks.ts';
import { calendar, rulebook, snapshotAt } from './test-fixtures.ts';
import type { CaseSnapshot } from './types.ts';

const env = { calendar, rulebook };
const clock = (s: CaseSnapshot, key: ClockKey): Clock => {
  const c = findClock(computeClocks(s, env), key);
  assert.ok(c, `no ${key} clock`);
  return c;
};
const due = (s: CaseSnapshot, key: ClockKey) => clock(s, key).dueOn;

describe('clocks on the official calendar', () => {
  test('publication: a decision on Fri 2025-09-26 is published by 2025-10-13 (7 working days over National Day)', () => {
    const s = snapshotAt('ordinary', 'decided', {
      penalty: { kinds: ['warning'] },
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-26' },
    });
    const c = clock(s, 'publication');
    assert.deepEqual(
      { startsOn: c.startsOn, dueOn: c.dueOn, basis: c.basis, days: c.days, provisional: c.provisional },
      { startsOn: '2025-09-26', dueOn: '2025-10-13', basis: 'working_days', days: 7, provisional: false },
    );
    assert.equal(c.label, '执法决定公开期限');
    assert.equal(c.calendarVersion, calendar.version);
    assert.equal(c.rulebookVersion, rulebook.version);
    assert.deepEqual(c.ruleKeys, ['publicationPenaltyLicenceWorkingDays']);
    assert.match(c.source.zh, /国办发〔2018〕118号/);
    assert.equal(c.source.definedBy, 'national');
    // Service within 7 working days too (art. 61 + art. 85).
    assert.equal(due(s, 'service'), '2025-10-13');
  });

  test('other decisions: 20 working days (coercive measure, inspection result, no penalty)', () => {
    const c = snapshotAt('coercive', 'in_effect', { dates: { coerciveAppliedOn: '2025-09-26' } });
    assert.equal(clock(c, 'publication').days, 20);
    assert.equal(due(c, 'publication'), '2025-10-30'); // Sep 28-30, Oct 9-11, 13-17, 20-24, 27-30
    const np = snapshotAt('ordinary', 'no_penalty', {
      outcome: 'no_penalty',
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-26', endedOn: '2025-09-26' },
    });
    assert.equal(clock(np, 'publication').days, 20);
    assert.equal(findClock(computeClocks(np, env), 'service'), undefined);
    const i = snapshotAt('inspection', 'closed', { outcome: 'closed', dates: { endedOn: '2025-09-26' } });
    assert.equal(due(i, 'publication'), '2025-10-30');
  });

  test('hearing request: 5 working days across the 2026 Spring Festival', () => {
    const s = snapshotAt('ordinary', 'rights_notice', {
      hearingEligible: true,
      dates: { filedOn: '2026-01-05', rightsNoticeServedOn: '2026-02-12' },
    });
    assert.equal(due(s, 'hearingRequest'), '2026-02-26');
    assert.equal(due(s, 'statementDefence'), '2026-02-26');
    assert.equal(clock(s, 'hearingRequest').basis, 'working_days');
    const noHearing = { ...s, hearingEligible: false };
    assert.equal(findClock(computeClocks(noHearing, env), 'hearingRequest'), undefined);
  });

  test('a deadline in 2027, whose notice is not loaded, is provisional', () => {
    const s = snapshotAt('ordinary', 'decided', {
      penalty: { kinds: ['warning'] },
      dates: { filedOn: '2026-11-02', decidedOn: '2026-12-28' },
    });
    const c = clock(s, 'publication');
    // Weekends only in 2027: 29, 30, 31, Jan 1 (counted as a working day until the notice is loaded), 4, 5, 6.
    assert.equal(c.dueOn, '2027-01-06');
    assert.equal(c.provisional, true);
    assert.equal(clockStatus(c, '2026-12-29', calendar).provisional, true);
    // Calendar-day clocks need no notice.
    assert.equal(clock(s, 'decision').provisional, false);
  });

  test('hearing notice: the latest day is 7 working days before the hearing', () => {
    assert.deepEqual(workingDaysBefore(calendar, '2025-10-13', 7), {
      date: '2025-09-26',
      provisional: false,
    });
    const s = snapshotAt('ordinary', 'hearing', {
      dates: { filedOn: '2025-08-01', hearingDate: '2025-10-13' },
    });
    const c = clock(s, 'hearingNotice');
    assert.equal(c.direction, 'before');
    assert.equal(c.startsOn, '2025-10-13');
    assert.equal(c.dueOn, '2025-09-26');
    // Consistent with counting forward: 2025-09-26 + 7 working days is the hearing day.
    assert.equal(calendar.addWorkingDays('2025-09-26', 7).date, '2025-10-13');
  });

  test('decision limit: 90 calendar days from filing, 120 with an extension (art. 60)', () => {
    const s = snapshotAt('ordinary', 'investigation', { dates: { filedOn: '2025-01-02' } });
    assert.equal(due(s, 'decision'), '2025-04-02');
    assert.equal(clock(s, 'decision').basis, 'calendar_days');
    const ext = clock({ ...s, extensionCount: 1 }, 'decision');
    assert.equal(ext.dueOn, '2025-05-02');
    assert.equal(ext.days, 120);
    assert.deepEqual(ext.ruleKeys, ['decisionTimeLimitDays', 'decisionExtensionDays']);
    const decided = clock({ ...s, dates: { filedOn: '2025-01-02', decidedOn: '2025-03-01' } }, 'decision');
    assert.equal(decided.completedOn, '2025-03-01');
  });

  test('payment: 15 calendar days from service (art. 67), or the deferred date', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-26', servedOn: '2025-10-13' },
    });
    assert.equal(due(s, 'payment'), '2025-10-28');
    assert.equal(clock(s, 'payment').basis, 'calendar_days');
    const deferred = clock({ ...s, dates: { ...s.dates, paymentDueOverride: '2025-12-31' } }, 'payment');
    assert.equal(deferred.dueOn, '2025-12-31');
    assert.equal(deferred.days, 79);
    const warningOnly = { ...s, penalty: { kinds: ['warning' as const] } };
    assert.equal(findClock(computeClocks(warningOnly, env), 'payment'), undefined);
  });

  test('payment across Spring Festival 2026: the 15th day (02-15) is a holiday, the limit ends 02-24', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      dates: { filedOn: '2025-12-01', decidedOn: '2026-01-29', servedOn: '2026-01-31' },
    });
    const c = clock(s, 'payment');
    assert.equal(c.dueOn, '2026-02-24', 'rolled to the first working day after 春节 (Feb 15–23)');
    assert.equal(c.days, 15, 'the law’s 15 days');
    assert.equal(c.provisional, false, '2026 is loaded');
    // The bug: paying on 02-24 was charged 9 days × 3 % = 27 %.
    assert.deepEqual(
      surchargeOn(s, '2026-02-24', env),
      { daysLate: 0, surchargeFen: 0, capped: false },
      'no surcharge on the rolled last day',
    );
    assert.deepEqual(
      surchargeOn(s, '2026-02-25', env),
      { daysLate: 1, surchargeFen: 15_000, capped: false },
      'the surcharge runs from the day after the rolled last day',
    );
  });

  test('payment across National Day 2026: a 15th day on 10-03 ends on 10-08', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 100_000 },
      dates: { filedOn: '2026-08-01', decidedOn: '2026-09-16', servedOn: '2026-09-18' },
    });
    assert.equal(due(s, 'payment'), '2026-10-08', '10-01..10-07 are holidays');
    assert.equal(surchargeOn(s, '2026-10-08', env)?.surchargeFen, 0, 'paid on the rolled day: none');
  });

  test("the agency's own calendar-day limits keep the plain count", () => {
    // Filed 2025-11-17: day 90 is Sun 2026-02-15 (春节); the decision limit does not move.
    const s = snapshotAt('ordinary', 'investigation', { dates: { filedOn: '2025-11-17' } });
    assert.equal(due(s, 'decision'), '2026-02-15', 'decision limit: plain 90th day');
    const c = snapshotAt('coercive', 'in_effect', { dates: { coerciveAppliedOn: '2026-01-16' } });
    assert.equal(due(c, 'coerciveTerm'), '2026-02-15', 'coercive term: plain 30th day');
    const a = snapshotAt('ordinary', 'closed', {
      outcome: 'closed',
      dates: { filedOn: '2025-10-01', endedOn: '2026-01-16' },
    });
    assert.equal(due(a, 'archiving'), '2026-02-15', 'archiving: plain 30th day');
  });

  test('coercive term: 30 calendar days, +30 once, testing days excluded (行政强制法 arts. 25, 69)', () => {
    const s = snapshotAt('coercive', 'in_effect', { dates: { coerciveAppliedOn: '2025-03-01' } });
    assert.equal(due(s, 'coerciveTerm'), '2025-03-31');
    assert.equal(due({ ...s, coerciveExtensionCount: 1 }, 'coerciveTerm'), '2025-04-30');
    assert.equal(
      due({ ...s, coerciveExtensionCount: 1, coerciveExcludedDays: 5 }, 'coerciveTerm'),
      '2025-05-05',
    );
    assert.equal(clock(s, 'coerciveTerm').basis, 'calendar_days');
  });

  test('archiving: 30 days from the end of the action (000:22), done when archived', () => {
    const s = snapshotAt('ordinary', 'closed', {
      outcome: 'closed',
      dates: { filedOn: '2025-08-01', endedOn: '2025-12-10' },
    });
    const c = clock(s, 'archiving');
    assert.equal(c.dueOn, '2026-01-09');
    assert.equal(c.source.seedRef, '000:22');
    const archived = clock(
      { ...s, state: 'archived', dates: { ...s.dates, archivedOn: '2025-12-20' } },
      'archiving',
    );
    assert.equal(archived.completedOn, '2025-12-20');
    assert.equal(
      findClock(
        computeClocks(
          snapshotAt('lead', 'closed', { outcome: 'closed', dates: { endedOn: '2025-12-10' } }),
          env,
        ),
        'archiving',
      ),
      undefined,
    );
  });

  test("a region's rulebook changes the clock and is recorded with it", () => {
    const local = resolveRulebook('340321', [
      {
        regionCode: '340300',
        version: 4,
        overrides: {
          archivingDays: { value: 20, source: { zh: '某市案卷管理办法：15个工作日内归档', en: 'x' } },
        },
      },
    ]);
    const s = snapshotAt('ordinary', 'closed', { outcome: 'closed', dates: { endedOn: '2025-12-10' } });
    const c = findClock(computeClocks(s, { calendar, rulebook: local }), 'archiving');
    assert.equal(c?.dueOn, '2025-12-30');
    assert.equal(c?.source.definedBy, '340300');
    assert.match(c?.rulebookVersion ?? '', /^national:[0-9a-f]{8}\/340300:4$/);
  });
});

describe('clockStatus', () => {
  const s = snapshotAt('ordinary', 'decided', {
    penalty: { kinds: ['warning'] },
    dates: { filedOn: '2025-08-01', decidedOn: '2025-09-26' },
  });
  const pub = clock(s, 'publication'); // due 2025-10-13, working days

  test('remaining days in the clock basis: working days over a holiday', () => {
    assert.deepEqual(clockStatus(pub, '2025-09-30', calendar), {
      remainingDays: 4,
      state: 'ok',
      late: false,
      provisional: false,
    });
    assert.deepEqual(clockStatus(pub, '2025-10-09', calendar), {
      remainingDays: 3,
      state: 'warning',
      late: false,
      provisional: false,
    });
    assert.equal(clockStatus(pub, '2025-10-13', calendar).state, 'warning');
    assert.equal(clockStatus(pub, '2025-10-13', calendar).remainingDays, 0);
    assert.deepEqual(clockStatus(pub, '2025-10-15', calendar), {
      remainingDays: -2,
      state: 'overdue',
      late: false,
      provisional: false,
    });
  });

  test('calendar-day clocks, and completed clocks in time or late', () => {
    const dec = clock(
      snapshotAt('ordinary', 'investigation', { dates: { filedOn: '2025-01-02' } }),
      'decision',
    ); // due 2025-04-02
    assert.deepEqual(clockStatus(dec, '2025-03-29', calendar), {
      remainingDays: 4,
      state: 'ok',
      late: false,
      provisional: false,
    });
    assert.equal(clockStatus(dec, '2025-03-30', calendar).state, 'warning');
    assert.equal(clockStatus(dec, '2025-04-03', calendar).state, 'overdue');
    const inTime = { ...pub, completedOn: '2025-10-10' };
    assert.deepEqual(clockStatus(inTime, '2025-12-01', calendar), {
      remainingDays: 2,
      state: 'done',
      late: false,
      provisional: false,
    });
    const late = { ...pub, completedOn: '2025-10-14' };
    assert.deepEqual(clockStatus(late, '2025-12-01', calendar), {
      remainingDays: -1,
      state: 'done',
      late: true,
      provisional: false,
    });
    const mark = { publishedOn: '2025-10-09', withheldOn: null, withdrawnOn: null, reason: null };
    const published = { ...s, publication: { status: 'published' as const, ...mark } };
    assert.equal(clock(published, 'publication').completedOn, '2025-10-09');
    // A withdrawal keeps the day it was published: the duty was met then.
    const withdrawn = {
      ...s,
      publication: { ...mark, status: 'withdrawn' as const, withdrawnOn: '2025-11-03' },
    };
    assert.equal(clock(withdrawn, 'publication').completedOn, '2025-10-09');
    // Withheld (a minor's case, 行政处罚法 art. 48 and 未成年人保护法): stopped on that day with the reason.
    const withheld = {
      ...s,
      publication: {
        status: 'withheld' as const,
        publishedOn: null,
        withheldOn: '2025-09-30',
        withdrawnOn: null,
        reason: '当事人为未成年人',
      },
    };
    const w = clock(withheld, 'publication');
    assert.equal(w.completedOn, '2025-09-30');
    assert.match(w.stopReason ?? '', /依法不予公开：当事人为未成年人/);
    assert.equal(clockStatus(w, '2025-12-01', calendar).state, 'stopped');
  });

  test("whose duty: the agency's clocks and the party's periods", () => {
    const expected: Record<ClockKey, ClockDuty> = {
      decision: 'agency',
      statementDefence: 'party',
      hearingRequest: 'party',
      hearingNotice: 'agency',
      service: 'agency',
      payment: 'party',
      demandPeriod: 'party',
      reconsideration: 'party',
      litigation: 'party',
      enforcementApplication: 'agency',
      spotRemittance: 'agency',
      bankDeposit: 'agency',
      evidencePreservation: 'agency',
      coerciveTerm: 'agency',
      archiving: 'agency',
      publication: 'agency',
      leadFiling: 'agency',
      legalReview: 'agency',
    };
    for (const [key, duty] of Object.entries(expected)) {
      assert.equal(CLOCK_DUTY[key as ClockKey], duty, `${key} is the ${duty}'s`);
    }
    assert.equal(pub.duty, 'agency', 'computed clocks carry their duty');
  });

  test("a party's right period that ran out reads 期满 (expired), never overdue", () => {
    const s = snapshotAt('ordinary', 'rights_notice', {
      hearingEligible: true,
      dates: { filedOn: '2025-08-01', rightsNoticeServedOn: '2025-09-26' },
    });
    const statement = clock(s, 'statementDefence'); // 5 working days: due 2025-10-10
    assert.equal(statement.duty, 'party', 'the statement period is the party’s');
    assert.equal(statement.dueOn, '2025-10-10', 'Sep 28, 29, 30, Oct 9, 10');
    assert.equal(clockStatus(statement, '2025-10-09', calendar).state, 'warning', 'still running');
    assert.equal(clockStatus(statement, '2025-10-13', calendar).state, 'expired', 'ran out: expired');
    assert.equal(clockStatus(clock(s, 'hearingRequest'), '2025-10-13', calendar).state, 'expired', 'hearing');
    // Closed after the period ran out: done, and `late` says it had run out (not that anyone was late).
    const closed = clock(
      { ...s, dates: { ...s.dates, rightsPeriodClosedOn: '2025-10-13' } },
      'statementDefence',
    );
    assert.deepEqual(
      clockStatus(closed, '2025-12-01', calendar),
      { remainingDays: -2, state: 'done', late: true, provisional: false },
      'completed after it ran out (Sat 10-11 was 调休上班: two working days late)',
    );
  });

  test('an unpaid fine past its limit is the party’s default (defaulted), not the officer’s lateness', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-26', servedOn: '2025-10-13' },
    });
    const payment = clock(s, 'payment'); // due 2025-10-28
    assert.equal(payment.duty, 'party', 'paying is the party’s duty');
    assert.equal(clockStatus(payment, '2025-10-28', calendar).state, 'warning', 'the last day');
    assert.deepEqual(
      clockStatus(payment, '2025-10-30', calendar),
      { remainingDays: -2, state: 'defaulted', late: false, provisional: false },
      'two days past the limit, unpaid',
    );
  });

  test('the payment clock records the plain 15th day it was moved from', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      dates: { filedOn: '2025-12-01', decidedOn: '2026-01-29', servedOn: '2026-01-31' },
    });
    assert.equal(clock(s, 'payment').rolledFrom, '2026-02-15', 'moved from 春节');
    assert.equal(pub.rolledFrom, null, 'a working-day clock never moves');
  });

  test('archived without a recorded publication: the publication duty still runs and is overdue', () => {
    const archived = snapshotAt('ordinary', 'archived', {
      outcome: 'closed',
      penalty: { kinds: ['warning'] },
      dates: {
        filedOn: '2025-08-01',
        decidedOn: '2025-09-26',
        servedOn: '2025-09-28',
        endedOn: '2025-10-20',
        archivedOn: '2025-10-28',
      },
    });
    const c = clock(archived, 'publication');
    assert.equal(c.completedOn, null, 'archiving does not publish');
    assert.equal(clockStatus(c, '2025-12-01', calendar).state, 'overdue', 'the agency still owes it');
    // The archiving clock itself is met late when archived late: shown as such.
    const lateArchive = { ...archived, dates: { ...archived.dates, archivedOn: '2025-11-25' } };
    assert.deepEqual(
      clockStatus(clock(lateArchive, 'archiving'), '2025-12-01', calendar),
      { remainingDays: -6, state: 'done', late: true, provisional: false },
      'archiving 6 days after its 30th day',
    );
  });

  test('a clock stored before duty, rolledFrom and stopReason existed gets them in its view', () => {
    const { duty: _d, rolledFrom: _r, stopReason: _s, ...old } = pub;
    const view = clockView(old as Clock, '2025-09-30', calendar);
    assert.equal(view.duty, 'agency', 'duty from the key');
    assert.equal(view.rolledFrom, null, 'not moved');
    assert.equal(view.stopReason, null, 'not stopped');
    assert.equal(view.status.state, 'ok', 'status as before');
  });

  test('remedy periods and the court application window: shown only while they run', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: 500_000 },
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-01', servedOn: '2025-09-02' },
    });
    const reconsideration = clock(s, 'reconsideration');
    assert.deepEqual(
      [reconsideration.duty, reconsideration.dueOn, reconsideration.rolledFrom],
      ['party', '2025-11-03', '2025-11-01'],
      '60 days: Sat 11-01 moved to Mon 11-03 (the party’s period)',
    );
    const litigation = clock(s, 'litigation');
    assert.deepEqual(
      [litigation.duty, litigation.basis, litigation.days, litigation.dueOn],
      ['party', 'months', 6, '2026-03-02'],
      '6 months from service (行政诉讼法 art. 46)',
    );
    const window = clock(s, 'enforcementApplication');
    assert.deepEqual(
      [window.duty, window.startsOn, window.opensOn, window.dueOn],
      ['agency', '2026-03-02', '2026-03-03', '2026-06-02'],
      'opens after the remedy periods, 3 months (plain count: the agency’s limit)',
    );
    assert.equal(clockStatus(window, '2025-12-01', calendar).state, 'pending', 'not open yet');
    assert.equal(clockStatus(window, '2026-03-03', calendar).state, 'ok', 'open');
    assert.equal(clockStatus(window, '2026-06-03', calendar).state, 'overdue', 'missed');
    assert.equal(findClock(computeClocks(s, env), 'demandPeriod'), undefined, 'no 催告 yet: no 催告 clock');
    // Paid: the remedy periods and the window no longer run in the case.
    const paid = { ...s, state: 'executed', dates: { ...s.dates, executedOn: '2025-09-10' } };
    for (const key of ['reconsideration', 'litigation', 'enforcementApplication'] as const) {
      assert.equal(clockStatus(clock(paid, key), '2025-12-01', calendar).state, 'stopped', `${key} stopped`);
    }
  });

  test('the warning window is a rulebook parameter (platform policy)', () => {
    assert.equal(pub.warningDays, 3);
    assert.match(rulebook.params.clockWarningDays.source.zh, /平台提醒策略/);
  });
});

describe('late-payment surcharge (行政处罚法 art. 72)', () => {
  const fine = 500_000; // 5,000 yuan, due 2025-10-28

  test('3 % of the fine per day late, in integer fen, capped at the fine', () => {
    assert.deepEqual(lateSurcharge(fine, '2025-10-28', '2025-10-28', 3), {
      daysLate: 0,
      surchargeFen: 0,
      capped: false,
    });
    assert.deepEqual(lateSurcharge(fine, '2025-10-28', '2025-10-20', 3), {
      daysLate: 0,
      surchargeFen: 0,
      capped: false,
    });
    assert.deepEqual(lateSurcharge(fine, '2025-10-28', '2025-11-07', 3), {
      daysLate: 10,
      surchargeFen: 150_000,
      capped: false,
    });
    assert.deepEqual(lateSurcharge(fine, '2025-10-28', '2025-12-07', 3), {
      daysLate: 40,
      surchargeFen: 500_000,
      capped: true,
    });
    assert.equal(lateSurcharge(fine, '2025-10-28', '2025-11-30', 3).surchargeFen, 495_000); // 33 days
    assert.deepEqual(lateSurcharge(fine, '2025-10-28', '2025-12-01', 3), {
      daysLate: 34,
      surchargeFen: 500_000,
      capped: true,
    });
  });

  test('fractions of a fen are dropped; large fines stay exact', () => {
    assert.equal(lateSurcharge(1, '2025-01-01', '2025-01-02', 3).surchargeFen, 0);
    assert.equal(lateSurcharge(33, '2025-01-01', '2025-01-02', 3).surchargeFen, 0); // 0.99 fen
    assert.equal(lateSurcharge(34, '2025-01-01', '2025-01-02', 3).surchargeFen, 1); // 1.02 fen
    const big = 9_000_000_000_000; // 900 亿元
    assert.equal(lateSurcharge(big, '2025-01-01', '2025-01-11', 3).surchargeFen, 2_700_000_000_000);
    assert.throws(() => lateSurcharge(1.5, '2025-01-01', '2025-01-02', 3), RangeError);
  });

  test('from the case: due date from its payment clock', () => {
    const s = snapshotAt('ordinary', 'served', {
      penalty: { kinds: ['fine'], fineFen: fine },
      dates: { filedOn: '2025-08-01', decidedOn: '2025-09-26', servedOn: '2025-10-13' },
    });
    assert.deepEqual(surchargeOn(s, '2025-11-07', env), {
      daysLate: 10,
      surchargeFen: 150_000,
      capped: false,
    });
    assert.equal(surchargeOn({ ...s, penalty: { kinds: ['warning'] } }, '2025-11-07', env), null);
  });
});
