/**
 * Recusal (行政处罚法 art. 43), the decision limit's excluded periods and suspension (art. 60 as the
 * departmental rules apply it), and the lead's filing time. Each refusal by its code and field.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeClocks, findClock } from './clocks.ts';
import { calendar, codes, ctxOn, Driver, O1, officer, PARTY, rulebook } from './test-fixtures.ts';
import type { TransitionResult } from './transition.ts';

const BASE = {
  leadId: 'l1',
  teamOfficerIds: ['o1', 'o2'],
  partyType: 'legal_person',
  partyId: 'p1',
  violationOn: '2025-08-01',
};
const FINE = { kinds: ['fine'], fineFen: 300_000 };
const fieldOf = (r: TransitionResult) => (r.ok ? undefined : r.violations[0]?.field);
const byOfficer = (day: string) => ctxOn(day, { actor: officer(O1) });
const clocksOf = (d: Driver) => computeClocks(d.snapshot, { calendar, rulebook });

describe('recusal (行政处罚法 art. 43)', () => {
  test('the party asks, the head grants with a replacement; decide waits for the ruling', () => {
    const d = new Driver('ordinary', BASE, ctxOn('2025-09-01'));
    const bad = d.try(
      'request_recusal',
      { officerId: 'o3', reason: '亲属关系' },
      ctxOn('2025-09-02', { actor: PARTY }),
    );
    assert.deepEqual(codes(bad), ['RECUSAL_OFFICER_NOT_ON_TEAM'], 'only a member of the team');
    assert.equal(fieldOf(bad), 'officerId', 'the field is named');
    d.do(
      'request_recusal',
      { officerId: 'o2', reason: '与当事人法定代表人系近亲属' },
      ctxOn('2025-09-02', { actor: PARTY }),
    );
    assert.deepEqual(
      d.snapshot.recusalRequest,
      {
        officerId: 'o2',
        requestedBy: 'party',
        reason: '与当事人法定代表人系近亲属',
        requestedOn: '2025-09-02',
      },
      'the request is recorded as the party made it',
    );
    assert.deepEqual(
      codes(
        d.try('request_recusal', { officerId: 'o1', reason: 'x' }, ctxOn('2025-09-03', { actor: PARTY })),
      ),
      ['RECUSAL_ALREADY_PENDING'],
      'one request at a time',
    );
    // art. 43: the investigation goes on meanwhile; the decision does not.
    d.do('submit_for_review', {}, byOfficer('2025-09-10'));
    d.do('approve_proposal', { penalty: FINE, opinion: '同意' }, ctxOn('2025-09-11'));
    d.do('notify_rights', { penalty: FINE, servedOn: '2025-09-12' }, byOfficer('2025-09-12'));
    d.do('close_rights_period', {}, byOfficer('2025-09-22'));
    const decide = { penalty: FINE, documentNo: '蚌市监处罚〔2025〕41号' };
    const waiting = d.try('decide', decide, ctxOn('2025-09-24'));
    assert.ok(codes(waiting).includes('RECUSAL_PENDING'), `decide refused while pending: ${codes(waiting)}`);
    assert.ok(
      codes(d.try('decide_no_penalty', { reason: 'x', documentNo: 'y' }, ctxOn('2025-09-24'))).includes(
        'RECUSAL_PENDING',
      ),
      'so is the decision not to penalise',
    );
    assert.equal(
      codes(d.try('rule_recusal', { ruling: 'granted', reason: '属实' }, byOfficer('2025-09-24')))[0],
      'ACTOR_NOT_ALLOWED',
      'only the agency head rules',
    );
    const short = d.try('rule_recusal', { ruling: 'granted', reason: '属实' }, ctxOn('2025-09-24'));
    assert.deepEqual(codes(short), ['RECUSAL_REPLACEMENT_REQUIRED'], 'one officer would remain');
    assert.equal(fieldOf(short), 'replacementOfficerId', 'the replacement field is named');
    assert.deepEqual(
      codes(
        d.try(
          'rule_recusal',
          { ruling: 'granted', reason: '属实', replacementOfficerId: 'o1' },
          ctxOn('2025-09-24'),
        ),
      ),
      ['RECUSAL_REPLACEMENT_INVALID'],
      'a replacement from outside the team',
    );
    assert.deepEqual(
      codes(
        d.try(
          'rule_recusal',
          { ruling: 'granted', reason: '属实', replacementOfficerId: 'o9' },
          ctxOn('2025-09-24'),
        ),
      ),
      ['RECUSAL_REPLACEMENT_INVALID'],
      'a replacement on the register',
    );
    d.do(
      'rule_recusal',
      { ruling: 'granted', reason: '近亲属关系属实', replacementOfficerId: 'o3' },
      ctxOn('2025-09-24'),
    );
    assert.deepEqual(d.snapshot.teamOfficerIds, ['o1', 'o3'], 'the officer left, the replacement joined');
    assert.equal(d.snapshot.recusalRequest, null, 'nothing pending');
    assert.deepEqual(
      codes(d.try('rule_recusal', { ruling: 'refused', reason: 'x' }, ctxOn('2025-09-24'))),
      ['NO_RECUSAL_PENDING'],
      'no ruling without a request',
    );
    d.do('decide', decide, ctxOn('2025-09-25'));
    assert.equal(d.snapshot.state, 'decided', 'then the case is decided');
  });

  test('refused, the reason is recorded and the team stays; with three officers none is needed', () => {
    const d = new Driver('ordinary', { ...BASE, teamOfficerIds: ['o1', 'o2', 'o3'] }, ctxOn('2025-09-01'));
    d.do(
      'request_recusal',
      { officerId: 'o1', requestedBy: 'officer', reason: '曾为当事人提供咨询' },
      byOfficer('2025-09-02'),
    );
    assert.equal(
      d.snapshot.recusalRequest?.requestedBy,
      'officer',
      'an officer may withdraw of their own motion',
    );
    d.do(
      'rule_recusal',
      { ruling: 'refused', reason: '咨询与本案无关，不影响公正执法' },
      ctxOn('2025-09-03'),
    );
    assert.deepEqual(d.snapshot.teamOfficerIds, ['o1', 'o2', 'o3'], 'refused: the team stays');
    assert.equal(
      d.events.at(-1)?.payload.reason,
      '咨询与本案无关，不影响公正执法',
      'the reason is on the record',
    );
    assert.deepEqual(
      codes(d.try('rule_recusal', { ruling: 'refused' }, ctxOn('2025-09-03'))),
      ['INPUT_REQUIRED'],
      'a ruling without its reason is refused',
    );
    d.do('request_recusal', { officerId: 'o2', reason: '利害关系' }, ctxOn('2025-09-04', { actor: PARTY }));
    d.do('rule_recusal', { ruling: 'granted', reason: '属实' }, ctxOn('2025-09-05'));
    assert.deepEqual(
      d.snapshot.teamOfficerIds,
      ['o1', 'o3'],
      'two certified officers remain: no replacement',
    );
  });
});

describe('the decision limit: excluded periods and suspension (行政处罚法 art. 60)', () => {
  test('excluded and suspended days move the due date, and the clock lists them', () => {
    const d = new Driver('ordinary', BASE, ctxOn('2025-09-01'));
    const plain = findClock(clocksOf(d), 'decision');
    assert.equal(plain?.dueOn, '2025-11-30', '90 days from filing');
    const record = (from: string, to: string, day = '2025-09-20') =>
      d.try('record_excluded_period', { kind: 'testing', from, to }, byOfficer(day));
    const reversed = record('2025-09-19', '2025-09-10');
    assert.deepEqual(codes(reversed), ['EXCLUDED_PERIOD_INVALID'], 'end before start');
    assert.equal(fieldOf(reversed), 'to', 'names the end date');
    const future = record('2025-09-10', '2025-09-25');
    assert.deepEqual(codes(future), ['INVALID_INPUT'], 'not in the future');
    assert.equal(fieldOf(future), 'to', 'names the end date');
    const early = record('2025-08-20', '2025-09-02');
    assert.deepEqual(codes(early), ['EXCLUDED_PERIOD_BEFORE_FILING'], 'not before the filing');
    assert.equal(fieldOf(early), 'from', 'names the start date');
    d.do(
      'record_excluded_period',
      { kind: 'testing', from: '2025-09-10', to: '2025-09-19' },
      byOfficer('2025-09-20'),
    );
    const overlap = record('2025-09-15', '2025-09-20');
    assert.deepEqual(codes(overlap), ['EXCLUDED_PERIOD_OVERLAP'], 'no day counted twice');
    let c = findClock(clocksOf(d), 'decision');
    assert.equal(c?.dueOn, '2025-12-10', '10 days of testing added');
    assert.deepEqual(
      c?.excluded,
      [{ kind: 'testing', label: '检测、检验、检疫、鉴定', from: '2025-09-10', to: '2025-09-19', days: 10 }],
      'the clock says what it left out',
    );

    d.do('submit_for_review', {}, byOfficer('2025-09-21'));
    const inside = d.try('suspend', { suspendedOn: '2025-09-15', reason: 'x' }, ctxOn('2025-09-22'));
    assert.deepEqual(codes(inside), ['EXCLUDED_PERIOD_OVERLAP'], 'not inside an excluded period');
    d.do('suspend', { suspendedOn: '2025-09-22', reason: '当事人下落不明' }, ctxOn('2025-09-22'));
    c = findClock(clocksOf(d), 'decision');
    assert.equal(c?.completedOn, '2025-09-22', 'the clock stands still from the suspension');
    assert.match(c?.stopReason ?? '', /中止调查（当事人下落不明）/, 'and says why');
    assert.deepEqual(
      codes(d.try('suspend', { suspendedOn: '2025-09-23', reason: 'x' }, ctxOn('2025-09-23'))),
      ['CASE_ALREADY_SUSPENDED'],
      'not twice',
    );
    const noDecision = d.try('decide_no_penalty', { reason: 'x', documentNo: 'y' }, ctxOn('2025-09-25'));
    assert.ok(
      codes(noDecision).includes('CASE_SUSPENDED'),
      `no decision while suspended: ${codes(noDecision)}`,
    );
    // The limit stands still while suspended: on 12-20, past the due date as it stood, an extension is
    // not too late (a try only: the case goes on below as it was).
    assert.deepEqual(
      codes(d.try('approve_extension', { reason: '案情复杂' }, ctxOn('2025-12-20'))),
      [],
      'an extension while suspended is measured on the day the clock stopped',
    );
    const early2 = d.try('resume', { resumedOn: '2025-09-20' }, ctxOn('2025-10-08'));
    assert.deepEqual(codes(early2), ['RESUMPTION_BEFORE_SUSPENSION'], 'not before the suspension');
    assert.equal(fieldOf(early2), 'resumedOn', 'names the resumption date');
    d.do('resume', { resumedOn: '2025-09-30' }, ctxOn('2025-10-08'));
    c = findClock(clocksOf(d), 'decision');
    assert.equal(c?.completedOn, null, 'running again');
    assert.equal(c?.dueOn, '2025-12-18', '8 days suspended (09-22 to 09-29) added');
    assert.deepEqual(
      c?.excluded.map((p) => [p.kind, p.from, p.to, p.days]),
      [
        ['testing', '2025-09-10', '2025-09-19', 10],
        ['suspension', '2025-09-22', '2025-09-29', 8],
      ],
      'both periods listed',
    );
    assert.deepEqual(
      codes(d.try('resume', { resumedOn: '2025-10-08' }, ctxOn('2025-10-08'))),
      ['CASE_NOT_SUSPENDED'],
      'nothing to resume',
    );
    // After the plain 90 days but within the moved due date the decision is in time.
    d.do(
      'decide_no_penalty',
      { reason: '违法行为轻微并及时改正', documentNo: '蚌市监不罚〔2025〕3号' },
      ctxOn('2025-12-15'),
    );
    assert.equal(d.snapshot.state, 'no_penalty', 'decided within the moved limit');
  });
});

describe("the lead's filing time", () => {
  const lead = (day: string) =>
    new Driver('lead', { source: 'complaint', summary: '举报某超市销售过期食品' }, ctxOn(day), { id: 'l1' });

  test('15 working days from registration, extended once by the head, done when filed', () => {
    const d = lead('2026-03-02');
    let c = findClock(clocksOf(d), 'leadFiling');
    assert.equal(c?.dueOn, calendar.addWorkingDays('2026-03-02', 15).date, '15 working days');
    assert.equal(c?.dueOn, '2026-03-23', 'on the official calendar');
    assert.equal(c?.duty, 'agency', "the agency's duty");
    assert.deepEqual(
      codes(d.try('extend_lead_filing', { reason: '需补充材料' }, byOfficer('2026-03-20'))),
      ['ACTOR_NOT_ALLOWED'],
      'the head approves',
    );
    d.do('extend_lead_filing', { reason: '需向有关部门调取材料' }, ctxOn('2026-03-20'));
    c = findClock(clocksOf(d), 'leadFiling');
    assert.equal(c?.dueOn, calendar.addWorkingDays('2026-03-02', 30).date, 'one extension of 15');
    assert.deepEqual(
      c?.ruleKeys,
      ['leadFilingWorkingDays', 'leadFilingExtensionWorkingDays'],
      'both numbers cited',
    );
    assert.match(
      rulebook.params.leadFilingWorkingDays.source.zh,
      /市场监督管理行政处罚程序规定/,
      'with their source',
    );
    const again = d.try('extend_lead_filing', { reason: 'x' }, ctxOn('2026-03-24'));
    assert.deepEqual(codes(again), ['LEAD_EXTENSION_LIMIT_REACHED'], 'only once');
    d.do('file', { violationOn: '2026-02-20' }, ctxOn('2026-04-01'));
    c = findClock(clocksOf(d), 'leadFiling');
    assert.equal(c?.completedOn, '2026-04-01', 'done when the lead is filed');
  });

  test('no extension after the time has run out', () => {
    const d = lead('2026-03-02');
    assert.deepEqual(
      codes(d.try('extend_lead_filing', { reason: 'x' }, ctxOn('2026-03-24'))),
      ['LEAD_EXTENSION_TOO_LATE'],
      'before the limit only',
    );
  });
});
