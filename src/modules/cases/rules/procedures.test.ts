/**
 * The ordinary procedure's own procedures (issue 10): limitation (行政处罚法 art. 36), and the others as
 * they land. Each refusal is checked by its code and by the field its message names.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codes, ctxOn, Driver, O1, officer, ok } from './test-fixtures.ts';
import { openCase, type TransitionResult } from './transition.ts';
import type { Payload } from './types.ts';

const BASE = { leadId: 'l1', teamOfficerIds: ['o1', 'o2'], partyType: 'legal_person' };
const fileOn = (today: string, payload: Payload) =>
  openCase({ id: 'c1', procedure: 'ordinary', regionCode: '340321' }, { ...BASE, ...payload }, ctxOn(today));
const first = (r: TransitionResult) => (r.ok ? undefined : r.violations[0]);
const FINE = { kinds: ['fine'], fineFen: 300_000 };

describe('limitation (行政处罚法 art. 36)', () => {
  test('filing records the violation date; without it the filing is refused, naming the field', () => {
    const r = fileOn('2026-03-10', {});
    assert.deepEqual(codes(r), ['INPUT_REQUIRED'], 'the violation date is required');
    assert.equal(first(r)?.field, 'violationOn', 'the message names the violation date');
    assert.match(first(r)?.message ?? '', /违法行为发生日期/, 'in Chinese');
    const filed = ok(fileOn('2026-03-10', { violationOn: '2025-07-01' }));
    assert.equal(filed.next.dates.violationOn, '2025-07-01', 'the date is on the case');
    assert.equal(
      filed.next.dates.discoveredOn,
      '2026-03-10',
      'discovered at filing when no lead says otherwise',
    );
    assert.equal(filed.next.involvesSafety, false, 'the 2-year rule applies');
  });

  test('2 years: the last day is the same day two years on; the day after is refused with the reason', () => {
    assert.equal(fileOn('2026-03-10', { violationOn: '2024-03-10' }).ok, true, 'discovered on the last day');
    const late = fileOn('2026-03-11', { violationOn: '2024-03-10' });
    assert.deepEqual(codes(late), ['LIMITATION_EXPIRED'], 'one day late');
    assert.equal(first(late)?.field, 'violationOn', 'names the date');
    assert.match(first(late)?.message ?? '', /2年内未被发现.*2026-03-10.*第三十六条/, 'gives the reason');
  });

  test('5 years where life and health or financial safety is involved with harm', () => {
    const payload = { violationOn: '2022-01-05', involvesSafety: true };
    const filed = ok(fileOn('2026-03-10', payload));
    assert.equal(filed.next.involvesSafety, true, 'recorded');
    assert.deepEqual(codes(fileOn('2026-03-10', { violationOn: '2022-01-05' })), ['LIMITATION_EXPIRED']);
    const late = fileOn('2027-01-06', payload);
    assert.deepEqual(codes(late), ['LIMITATION_EXPIRED'], '5 years and a day');
    assert.match(first(late)?.message ?? '', /5年.*2027-01-05/, 'the 5-year period in the reason');
  });

  test('a continuing act counts from its end; its end cannot precede its start or follow discovery', () => {
    const cont = { violationOn: '2023-01-01', violationEndedOn: '2025-02-01' };
    assert.equal(fileOn('2026-03-10', cont).ok, true, 'counted from the end of the act');
    assert.deepEqual(codes(fileOn('2026-03-10', { violationOn: '2023-01-01' })), ['LIMITATION_EXPIRED']);
    const backwards = fileOn('2026-03-10', { violationOn: '2025-02-01', violationEndedOn: '2025-01-01' });
    assert.deepEqual(codes(backwards), ['VIOLATION_DATES_INVALID']);
    assert.equal(first(backwards)?.field, 'violationEndedOn', 'names the end date');
    const future = fileOn('2026-03-10', { violationOn: '2026-03-11' });
    assert.deepEqual(codes(future), ['INVALID_INPUT'], 'a past date');
  });

  test("filed from a lead: discovery is the lead's registration, not the day of filing", () => {
    const lead = new Driver(
      'lead',
      { source: 'complaint', summary: '举报' },
      ctxOn('2026-03-09', { actor: officer(O1) }),
    );
    // Registered on the last day of the limitation, filed two days later: still within time.
    lead.do('file', { violationOn: '2024-03-09' }, ctxOn('2026-03-11'));
    assert.equal(lead.snapshot.dates.violationOn, '2024-03-09', 'the lead records the date');
    const ontime = fileOn('2026-03-11', { violationOn: '2024-03-09', discoveredOn: '2026-03-09' });
    assert.equal(ontime.ok, true, 'the case opens with the lead as discovery');
    const stale = new Driver(
      'lead',
      { source: 'complaint', summary: '举报' },
      ctxOn('2026-03-10', { actor: officer(O1) }),
    );
    const refused = stale.try('file', { violationOn: '2024-03-09' }, ctxOn('2026-03-10'));
    assert.deepEqual(codes(refused), ['LIMITATION_EXPIRED'], 'the lead itself is refused');
    assert.deepEqual(codes(stale.try('file', {}, ctxOn('2026-03-10'))), ['INPUT_REQUIRED'], 'date required');
  });
});

describe('复核 of the statement and defence (行政处罚法 art. 45)', () => {
  const noticed = () => {
    const d = new Driver('ordinary', { ...BASE, violationOn: '2025-08-01' }, ctxOn('2025-09-01'));
    d.do('submit_for_review', {}, ctxOn('2025-09-10', { actor: officer(O1) }));
    d.do('approve_proposal', { penalty: FINE, opinion: '同意' }, ctxOn('2025-09-11'));
    d.do(
      'notify_rights',
      { penalty: FINE, servedOn: '2025-09-12' },
      ctxOn('2025-09-12', { actor: officer(O1) }),
    );
    return d;
  };
  const decide = { penalty: FINE, documentNo: '蚌市监处罚〔2025〕31号' };

  test('after a statement, the decision is refused until the 复核 is recorded', () => {
    const d = noticed();
    assert.deepEqual(
      codes(
        d.try(
          'reexamine_statement',
          { conclusion: 'not_accepted', reasons: '无' },
          ctxOn('2025-09-15', { actor: officer(O1) }),
        ),
      ),
      ['NO_STATEMENT_TO_REEXAMINE'],
      'nothing to re-examine before a statement',
    );
    d.do(
      'record_statement',
      { statement: '当事人称系初次违法且已改正' },
      ctxOn('2025-09-15', { actor: officer(O1) }),
    );
    assert.equal(d.snapshot.reexaminationPending, true, 'the statement waits for its 复核');
    d.do('close_rights_period', {}, ctxOn('2025-09-22', { actor: officer(O1) }));
    const refused = d.try('decide', decide, ctxOn('2025-09-26'));
    assert.deepEqual(codes(refused), ['STATEMENT_REEXAMINATION_REQUIRED'], 'decide waits for the 复核');
    assert.match(first(refused)?.message ?? '', /复核.*第四十五条/, 'the reason cites art. 45');
    assert.deepEqual(
      codes(
        d.try(
          'reexamine_statement',
          { conclusion: 'maybe', reasons: 'x' },
          ctxOn('2025-09-25', { actor: officer(O1) }),
        ),
      ),
      ['INVALID_INPUT'],
      'the conclusion is one of 采纳/部分采纳/不予采纳',
    );
    d.do(
      'reexamine_statement',
      { conclusion: 'partly_accepted', reasons: '初次违法属实，已改正；但违法事实清楚' },
      ctxOn('2025-09-25', { actor: officer(O1) }),
    );
    assert.equal(d.snapshot.reexaminationPending, false, 'recorded');
    assert.equal(d.snapshot.state, 'decision_pending', 'the 复核 does not move the case');
    d.do('decide', decide, ctxOn('2025-09-26'));
    assert.equal(d.snapshot.state, 'decided', 'then the head decides');
  });

  test('a second statement after the 复核 needs its own', () => {
    const d = noticed();
    const by = ctxOn('2025-09-15', { actor: officer(O1) });
    d.do('record_statement', { statement: '第一次陈述' }, by);
    d.do('reexamine_statement', { conclusion: 'not_accepted', reasons: '理由不成立' }, by);
    d.do('record_statement', { statement: '补充申辩' }, by);
    d.do('close_rights_period', {}, ctxOn('2025-09-22', { actor: officer(O1) }));
    assert.deepEqual(
      codes(d.try('decide', decide, ctxOn('2025-09-26'))),
      ['STATEMENT_REEXAMINATION_REQUIRED'],
      'the new statement',
    );
  });
});
