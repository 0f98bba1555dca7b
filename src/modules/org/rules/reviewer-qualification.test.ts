import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LEGAL_QUALIFICATION_REQUIRED_FROM,
  type ReviewerRecord,
  reviewerQualificationViolations,
} from './reviewer-qualification.ts';

const reviewer = (over: Partial<ReviewerRecord> = {}): ReviewerRecord => ({
  id: 'o1',
  name: '陈志远',
  agencyId: 'a1',
  isLegalReviewer: true,
  inReviewUnit: true,
  legalQualificationNo: 'A20183403000123',
  reviewingSince: '2022-03-01',
  ...over,
});
const codes = (r: ReviewerRecord) => reviewerQualificationViolations(r, '2026-12-07').map((v) => v.code);

test('a qualified reviewer of the review unit may review', () => {
  assert.deepEqual(codes(reviewer()), []);
});

test('only a legal reviewer who sits in the review unit reviews', () => {
  assert.deepEqual(
    codes(reviewer({ isLegalReviewer: false })),
    ['REVIEWER_NOT_IN_REVIEW_UNIT'],
    'not a reviewer',
  );
  assert.deepEqual(
    codes(reviewer({ inReviewUnit: false })),
    ['REVIEWER_NOT_IN_REVIEW_UNIT'],
    'outside the unit',
  );
});

test('行政处罚法 art. 58 para 2: a first-time reviewer since 2021-07-15 needs the 法律职业资格', () => {
  assert.equal(LEGAL_QUALIFICATION_REQUIRED_FROM, '2021-07-15');
  const none = { legalQualificationNo: null };
  assert.deepEqual(
    codes(reviewer({ ...none, reviewingSince: '2021-07-15' })),
    ['REVIEWER_NEEDS_LEGAL_QUALIFICATION'],
    'began on the day the revised law took effect',
  );
  assert.deepEqual(codes(reviewer({ ...none, reviewingSince: '2023-01-01' })), [
    'REVIEWER_NEEDS_LEGAL_QUALIFICATION',
  ]);
  assert.deepEqual(
    codes(reviewer({ ...none, reviewingSince: '2021-07-14' })),
    [],
    'reviewed before: not 初次',
  );
  assert.deepEqual(
    codes(reviewer({ ...none, reviewingSince: null })),
    ['REVIEWER_NEEDS_LEGAL_QUALIFICATION'],
    'no start date recorded: cannot be shown to predate the requirement',
  );
  assert.deepEqual(codes(reviewer({ legalQualificationNo: '  ', reviewingSince: '2024-01-01' })), [
    'REVIEWER_NEEDS_LEGAL_QUALIFICATION',
  ]);
  assert.deepEqual(
    codes(reviewer({ reviewingSince: null })),
    [],
    'the qualification suffices without a date',
  );
  const both = reviewerQualificationViolations(
    reviewer({ inReviewUnit: false, ...none, reviewingSince: null }),
    '2026-12-07',
  );
  assert.equal(both.length, 2, 'both reasons are given');
  assert.match(both[1]!.message, /第五十八条第二款/, 'the message cites the law');
});
