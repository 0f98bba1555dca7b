import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LEGAL_QUALIFICATION_REQUIRED_FROM } from '../../org/rules/reviewer-qualification.ts';
import { findClock } from './clocks.ts';
import { legalReviewStatus, REVIEW_CHECKLIST, reviewerViolations } from './legal-review.ts';
import {
  codes,
  ctxOn,
  Driver,
  HEAD,
  NO_REVIEW,
  O1,
  O2,
  officer,
  REVIEWER,
  REVIEWER_RECORD,
  snapshotAt,
} from './test-fixtures.ts';
import type { CaseSnapshot, PenaltyTerms, TransitionContext } from './types.ts';

const FINE: PenaltyTerms = { kinds: ['fine'], fineFen: 12_000_000 };
const ENTRY = { entryId: 'e1', label: '对法人或者其他组织处以十万元以上罚款' };
const MAJOR = { ...NO_REVIEW, matched: [ENTRY], catalogueVersion: 2 };
const ALL_OK = REVIEW_CHECKLIST.map((p) => ({ point: p.point, ok: true }));
const SUBMISSION = {
  penalty: FINE,
  facts: '当事人销售超过保质期的食品',
  provisions: '《中华人民共和国食品安全法》第一百二十四条第一款',
  reviewerOfficerId: 'r1',
};

/** A case awaiting its decision whose fine matches the catalogue entry (the context says so). */
function pending(): Driver {
  const d = new Driver(
    'ordinary',
    {
      leadId: 'l1',
      violationOn: '2025-05-02',
      teamOfficerIds: ['o1', 'o2'],
      partyId: 'p1',
      partyType: 'legal_person',
    },
    ctxOn('2025-06-02'),
  );
  d.snapshot = { ...d.snapshot, state: 'decision_pending', notifiedPenalty: FINE, penalty: FINE };
  return d;
}
const asOfficer = (today: string, over: Partial<TransitionContext> = {}) =>
  ctxOn(today, { actor: officer(O1), review: { ...MAJOR, reviewer: REVIEWER_RECORD }, ...over });
const asReviewer = (today: string) => ctxOn(today, { actor: REVIEWER, review: MAJOR });
const asHead = (today: string, over: Partial<TransitionContext> = {}) =>
  ctxOn(today, { review: MAJOR, ...over });
const decision = { penalty: FINE, documentNo: '蚌市监处罚〔2025〕17号' };
const status = (s: CaseSnapshot) => legalReviewStatus(s, MAJOR.matched);

describe('legal review rounds (行政处罚法 art. 58; 蚌埠任务分解方案 items 30–32)', () => {
  test('submitted, agreed, decided: the round records what matched under which catalogue version', () => {
    const d = pending();
    assert.equal(status(d.snapshot), 'pending');
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-01'))), ['LEGAL_REVIEW_NOT_AGREED']);
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    assert.equal(status(d.snapshot), 'in_review');
    const round = d.snapshot.legalReview?.rounds[0];
    assert.equal(round?.catalogueVersion, 2, 'the catalogue version in force is recorded');
    assert.deepEqual(round?.matched, [ENTRY], 'the matched entry is recorded');
    assert.equal(round?.reviewerName, '钱审核');
    assert.match(round?.subjectHash ?? '', /^[0-9a-f]{64}$/, 'what was reviewed is fixed by an SM3 hash');
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-01'))), ['LEGAL_REVIEW_NOT_AGREED']);
    d.do(
      'record_review_opinion',
      { opinion: 'agree', reasons: '事实清楚，适用法律正确', findings: ALL_OK },
      asReviewer('2025-07-02'),
    );
    assert.equal(status(d.snapshot), 'agreed');
    d.do('decide', decision, asHead('2025-07-03'));
    assert.equal(d.snapshot.state, 'decided');
    assert.deepEqual(
      codes(d.try('decide', decision, asHead('2025-07-03'))),
      ['ILLEGAL_TRANSITION'],
      'no second decision',
    );
  });

  test('corrected, resubmitted unchanged (refused), revised and agreed: every round kept', () => {
    const d = pending();
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    const problems = ALL_OK.map((f) =>
      f.point === 'law' ? { point: 'law', ok: false, note: '应适用第一百二十四条第一款第（五）项' } : f,
    );
    d.do(
      'record_review_opinion',
      { opinion: 'correct', reasons: '法律依据引用不准确', findings: problems },
      asReviewer('2025-07-02'),
    );
    assert.equal(status(d.snapshot), 'corrected');
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-02'))), ['LEGAL_REVIEW_NOT_AGREED']);
    assert.deepEqual(
      codes(d.try('submit_legal_review', { ...SUBMISSION, response: '已修改' }, asOfficer('2025-07-03'))),
      ['REVIEW_RESUBMISSION_UNCHANGED'],
    );
    const revised = {
      ...SUBMISSION,
      provisions: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
    };
    assert.deepEqual(codes(d.try('submit_legal_review', revised, asOfficer('2025-07-03'))), [
      'INPUT_REQUIRED',
    ]);
    d.do(
      'submit_legal_review',
      { ...revised, response: '已按审核意见更正法律依据' },
      asOfficer('2025-07-03'),
    );
    assert.equal(d.snapshot.legalReview?.rounds.length, 2);
    d.do(
      'record_review_opinion',
      { opinion: 'agree', reasons: '已更正', findings: ALL_OK },
      asReviewer('2025-07-04'),
    );
    d.do('decide', decision, asHead('2025-07-04'));
    assert.equal(d.snapshot.state, 'decided');
    assert.equal(d.snapshot.legalReview?.rounds[0]?.opinion?.kind, 'correct', 'the first round is kept');
  });

  test('an opinion needs the assigned reviewer, reasons and a finding on every point', () => {
    const d = pending();
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    const other = { ...REVIEWER, officerId: 'r2', name: '孙审核' };
    assert.deepEqual(
      codes(
        d.try(
          'record_review_opinion',
          { opinion: 'agree', reasons: '同意', findings: ALL_OK },
          ctxOn('2025-07-02', { actor: other }),
        ),
      ),
      ['REVIEW_NOT_ASSIGNED'],
    );
    assert.deepEqual(
      codes(d.try('record_review_opinion', { opinion: 'agree', findings: ALL_OK }, asReviewer('2025-07-02'))),
      ['REVIEW_REASONS_REQUIRED'],
    );
    assert.deepEqual(
      codes(
        d.try(
          'record_review_opinion',
          { opinion: 'agree', reasons: '同意', findings: ALL_OK.slice(1) },
          asReviewer('2025-07-02'),
        ),
      ),
      ['REVIEW_FINDINGS_INCOMPLETE'],
    );
    const bad = ALL_OK.map((f) => (f.point === 'facts' ? { point: 'facts', ok: false } : f));
    assert.deepEqual(
      codes(
        d.try(
          'record_review_opinion',
          { opinion: 'correct', reasons: '证据不足', findings: bad },
          asReviewer('2025-07-02'),
        ),
      ),
      ['REVIEW_FINDING_NOTE_REQUIRED'],
    );
    const noted = ALL_OK.map((f) =>
      f.point === 'facts' ? { point: 'facts', ok: false, note: '缺少抽样检验报告' } : f,
    );
    assert.deepEqual(
      codes(
        d.try(
          'record_review_opinion',
          { opinion: 'agree', reasons: '同意', findings: noted },
          asReviewer('2025-07-02'),
        ),
      ),
      ['REVIEW_OPINION_CONTRADICTS_FINDINGS'],
    );
    assert.deepEqual(codes(d.try('submit_legal_review', SUBMISSION, asOfficer('2025-07-02'))), [
      'REVIEW_IN_PROGRESS',
    ]);
  });

  test('a disputed 纠正 is settled by the head (coordination), then the decision may follow', () => {
    const d = pending();
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    const bad = ALL_OK.map((f) => (f.point === 'law' ? { point: 'law', ok: false, note: '裁量偏重' } : f));
    d.do(
      'record_review_opinion',
      { opinion: 'correct', reasons: '裁量偏重', findings: bad },
      asReviewer('2025-07-02'),
    );
    assert.deepEqual(
      codes(d.try('coordinate_review', { outcome: 'agree', reasons: 'x' }, asHead('2025-07-02'))),
      ['REVIEW_NO_DISPUTE'],
    );
    d.do('dispute_review_opinion', { reasons: '属于从重情形，裁量适当' }, asOfficer('2025-07-03'));
    assert.equal(status(d.snapshot), 'coordination');
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-03'))), ['LEGAL_REVIEW_NOT_AGREED']);
    assert.deepEqual(
      codes(d.try('submit_legal_review', { ...SUBMISSION, response: 'x' }, asOfficer('2025-07-03'))),
      ['REVIEW_IN_COORDINATION'],
    );
    d.do(
      'coordinate_review',
      { outcome: 'agree', reasons: '经集体讨论，维持拟处理意见', collectiveDiscussion: true },
      asHead('2025-07-04'),
    );
    assert.equal(status(d.snapshot), 'agreed');
    assert.equal(d.snapshot.legalReview?.rounds[0]?.coordination?.collectiveDiscussion, true);
    d.do('decide', decision, asHead('2025-07-04'));
    assert.equal(d.snapshot.state, 'decided');
  });

  test('transfer: no decision and no resubmission', () => {
    const d = pending();
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    const crime = ALL_OK.map((f) =>
      f.point === 'crime' ? { point: 'crime', ok: false, note: '货值金额超过五万元，涉嫌犯罪' } : f,
    );
    d.do(
      'record_review_opinion',
      { opinion: 'transfer', reasons: '涉嫌生产、销售不符合安全标准的食品罪', findings: crime },
      asReviewer('2025-07-02'),
    );
    assert.equal(status(d.snapshot), 'transferred');
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-02'))), ['LEGAL_REVIEW_NOT_AGREED']);
    assert.deepEqual(
      codes(d.try('submit_legal_review', { ...SUBMISSION, response: 'x' }, asOfficer('2025-07-02'))),
      ['REVIEW_TRANSFERRED'],
    );
  });
});

describe('the gate against every bypass (L5)', () => {
  function agreed(): Driver {
    const d = pending();
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    d.do(
      'record_review_opinion',
      { opinion: 'agree', reasons: '同意', findings: ALL_OK },
      asReviewer('2025-07-02'),
    );
    return d;
  }
  test('a changed amount after agreement (a stale or edited form) reopens review', () => {
    const d = agreed();
    const heavier = { ...decision, penalty: { kinds: ['fine'], fineFen: 15_000_000 } };
    const r = d.try('decide', heavier, asHead('2025-07-03'));
    assert.deepEqual(
      codes(r),
      ['LEGAL_REVIEW_NOT_AGREED', 'PENALTY_HEAVIER_THAN_NOTIFIED'].filter((c) => codes(r).includes(c)),
    );
    assert.ok(
      codes(r).includes('LEGAL_REVIEW_NOT_AGREED'),
      'the decided penalty differs from the agreed one',
    );
    const lighter = { ...decision, penalty: { kinds: ['fine'], fineFen: 10_000_000 } };
    assert.deepEqual(codes(d.try('decide', lighter, asHead('2025-07-03'))), ['LEGAL_REVIEW_NOT_AGREED']);
  });
  test('a case re-flagged after review, or matching a new entry, needs a new round', () => {
    const d = agreed();
    d.do(
      'mark_review_grounds',
      { grounds: ['major_public_interest'], reason: '涉及学校周边食品安全' },
      asOfficer('2025-07-03'),
    );
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-03'))), ['LEGAL_REVIEW_NOT_AGREED']);
    const e = agreed();
    const more = { ...MAJOR, matched: [ENTRY, { entryId: 'e4', label: '经过听证程序的' }] };
    assert.deepEqual(codes(e.try('decide', decision, ctxOn('2025-07-03', { review: more }))), [
      'LEGAL_REVIEW_NOT_AGREED',
    ]);
  });
  test('a new submission after agreement with the same content is refused; with new evidence it opens a round', () => {
    const d = agreed();
    assert.deepEqual(codes(d.try('submit_legal_review', SUBMISSION, asOfficer('2025-07-03'))), [
      'REVIEW_ALREADY_AGREED',
    ]);
    const withEvidence = asOfficer('2025-07-03', {
      review: { ...MAJOR, reviewer: REVIEWER_RECORD, evidenceIds: ['ev9'] },
    });
    d.do('submit_legal_review', SUBMISSION, withEvidence);
    assert.deepEqual(codes(d.try('decide', decision, asHead('2025-07-03'))), ['LEGAL_REVIEW_NOT_AGREED']);
  });
  test('art. 58 grounds marked by the officer require review without a catalogue; 重大权益 only after a hearing', () => {
    const s = snapshotAt('ordinary', 'decision_pending', {
      notifiedPenalty: FINE,
      dates: { filedOn: '2025-06-02' },
    });
    const rights: CaseSnapshot = {
      ...s,
      reviewGrounds: { grounds: ['major_rights'], reason: 'x', markedOn: '2025-06-30' },
    };
    assert.equal(legalReviewStatus(rights, []), 'not_required', 'art. 58(1)2 needs a hearing held');
    assert.equal(
      legalReviewStatus({ ...rights, dates: { ...rights.dates, hearingHeldOn: '2025-06-20' } }, []),
      'pending',
    );
    const publicInterest: CaseSnapshot = {
      ...s,
      reviewGrounds: { grounds: ['major_public_interest'], reason: 'x', markedOn: '2025-06-30' },
    };
    assert.equal(legalReviewStatus(publicInterest, []), 'pending');
  });
});

describe('reviewer eligibility (L1, L6, art. 58 para 2)', () => {
  const s = snapshotAt('ordinary', 'decision_pending', {
    teamOfficerIds: ['o1', 'o2'],
    hearingHostOfficerId: 'o3',
  });
  const check = (over: Partial<typeof REVIEWER_RECORD>, submitter = 'o1') =>
    reviewerViolations({ ...REVIEWER_RECORD, ...over }, s, 'a1', submitter, '2025-07-01').map((v) => v.code);
  test('a qualified reviewer of the review unit who did not handle the case', () => {
    assert.deepEqual(check({}), []);
  });
  test('outside the review unit, another agency, not a legal reviewer', () => {
    assert.deepEqual(check({ inReviewUnit: false }), ['REVIEWER_NOT_IN_REVIEW_UNIT']);
    assert.deepEqual(check({ agencyId: 'a2' }), ['REVIEWER_NOT_IN_REVIEW_UNIT']);
    assert.deepEqual(check({ isLegalReviewer: false }), ['REVIEWER_NOT_IN_REVIEW_UNIT']);
  });
  test('a member of the team or the hearing host never reviews the case', () => {
    assert.deepEqual(check({ id: 'o2' }), ['REVIEWER_HANDLED_CASE']);
    assert.deepEqual(check({ id: 'o3' }), ['REVIEWER_HANDLED_CASE']);
  });
  test('first reviewing on or after 2021-07-15 without the qualification: refused; before it: allowed', () => {
    assert.equal(LEGAL_QUALIFICATION_REQUIRED_FROM, '2021-07-15');
    assert.deepEqual(check({ legalQualificationNo: null, reviewingSince: '2021-07-15' }), [
      'REVIEWER_NEEDS_LEGAL_QUALIFICATION',
    ]);
    assert.deepEqual(check({ legalQualificationNo: null, reviewingSince: null }), [
      'REVIEWER_NEEDS_LEGAL_QUALIFICATION',
    ]);
    assert.deepEqual(check({ legalQualificationNo: null, reviewingSince: '2021-07-14' }), []);
  });
  test('the step names no reviewer', () => {
    const d = pending();
    assert.deepEqual(
      codes(
        d.try(
          'submit_legal_review',
          { ...SUBMISSION, reviewerOfficerId: 'nobody' },
          asOfficer('2025-07-01', { review: MAJOR }),
        ),
      ),
      ['REVIEWER_REQUIRED'],
    );
  });
});

describe('the review time limit (L7): 5 working days, one extension of 5, on the official calendar', () => {
  test('submitted before National Day: the limit skips the holiday; extended once by the head', () => {
    const d = pending();
    // 2025-09-29 (Mon): working days 09-30, [10-01..10-08 holiday], 10-09, 10-10, 10-11 (Sat, adjusted working day), 10-13.
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-09-29'));
    const clock = findClock(d.clocks, 'legalReview');
    assert.equal(
      clock?.dueOn,
      '2025-10-13',
      'five working days from 2025-09-29 across the National Day holiday',
    );
    assert.equal(clock?.duty, 'agency');
    d.do('extend_legal_review', { reason: '案情复杂，需要补充研究' }, asHead('2025-10-09'));
    assert.equal(findClock(d.clocks, 'legalReview')?.dueOn, '2025-10-20');
    assert.deepEqual(codes(d.try('extend_legal_review', { reason: '再延' }, asHead('2025-10-10'))), [
      'REVIEW_EXTENSION_USED',
    ]);
    d.do(
      'record_review_opinion',
      { opinion: 'agree', reasons: '同意', findings: ALL_OK },
      asReviewer('2025-10-14'),
    );
    assert.equal(findClock(d.clocks, 'legalReview')?.completedOn, '2025-10-14');
  });
  test('only the head extends, and not after the limit has passed', () => {
    const d = pending();
    d.do('submit_legal_review', SUBMISSION, asOfficer('2025-07-01'));
    assert.deepEqual(codes(d.try('extend_legal_review', { reason: 'x' }, asOfficer('2025-07-02'))), [
      'ACTOR_NOT_ALLOWED',
    ]);
    assert.deepEqual(codes(d.try('extend_legal_review', { reason: 'x' }, asHead('2025-07-09'))), [
      'REVIEW_TIME_LIMIT_PASSED',
    ]);
    void O2;
    void HEAD;
  });
});
