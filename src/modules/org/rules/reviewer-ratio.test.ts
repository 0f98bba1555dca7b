import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countForReviewerRatio, reviewerRatio } from './reviewer-ratio.ts';
import { auxiliary, officer } from './test-fixtures.ts';

describe('reviewerRatio (L1, ≥ 5 %)', () => {
  test('19 officers, 1 reviewer: 5.26 % meets', () => {
    const r = reviewerRatio({ officers: 19, reviewers: 1 });
    assert.equal(r.meets, true);
    assert.equal(r.required, 1);
    assert.equal(Math.round(r.ratio * 10000) / 100, 5.26);
    assert.equal(r.minRatio, 0.05);
    assert.match(r.source.zh, /118号/);
  });

  test('21 officers, 1 reviewer: 4.76 % fails', () => {
    const r = reviewerRatio({ officers: 21, reviewers: 1 });
    assert.equal(r.meets, false);
    assert.equal(r.required, 2);
    assert.equal(Math.round(r.ratio * 10000) / 100, 4.76);
  });

  test('20 officers, 1 reviewer: exactly 5 % meets', () => {
    const r = reviewerRatio({ officers: 20, reviewers: 1 });
    assert.equal(r.meets, true);
    assert.equal(r.ratio, 0.05);
    assert.equal(r.required, 1);
  });

  test('no exact-multiple rounding surprises', () => {
    for (let n = 1; n <= 400; n++) {
      const required = Math.ceil((n * 5) / 100);
      assert.equal(reviewerRatio({ officers: n, reviewers: required }).meets, true, String(n));
      assert.equal(reviewerRatio({ officers: n, reviewers: required - 1 }).meets, false, String(n));
    }
  });

  test('no officers: ratio 0, does not meet', () => {
    assert.deepEqual(
      { ...reviewerRatio({ officers: 0, reviewers: 0 }), source: null },
      { officers: 0, reviewers: 0, ratio: 0, required: 0, minRatio: 0.05, meets: false, source: null },
    );
  });

  test('a small agency with no reviewer fails', () => {
    assert.equal(reviewerRatio({ officers: 3, reviewers: 0 }).meets, false);
  });
});

describe('countForReviewerRatio', () => {
  test('counts officers with an effectively valid certificate; auxiliaries and others excluded', () => {
    const today = '2025-06-30';
    const counts = countForReviewerRatio(
      [
        officer(),
        officer({ isLegalReviewer: true }),
        officer({ isLegalReviewer: true, status: 'suspended' }),
        officer({ status: 'revoked' }),
        officer({ expiryDate: '2025-06-29' }),
        officer({ issueDate: '2025-07-01' }),
        officer({ expiryDate: today }),
        auxiliary(),
      ],
      today,
    );
    assert.deepEqual(counts, { officers: 3, reviewers: 1 });
  });
});
