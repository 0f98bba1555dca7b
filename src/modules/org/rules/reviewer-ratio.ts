import { RULEBOOK_DEFAULTS, type RuleParameter } from '../../../platform/rulebook/defaults.ts';
import { effectiveStatus } from './certificate.ts';
import type { Officer } from './officer.ts';

export type ReviewerCounts = {
  /** Officers with an effectively valid certificate (auxiliaries never count). */
  officers: number;
  /** Of those, the ones marked legal reviewer. */
  reviewers: number;
};

export type ReviewerRatio = ReviewerCounts & {
  /** reviewers / officers; 0 when there are no officers. */
  ratio: number;
  /** Minimum number of reviewers for this many officers: ⌈officers × minRatio⌉. */
  required: number;
  minRatio: number;
  meets: boolean;
  source: RuleParameter['source'];
};

export type CountableOfficer = Pick<
  Officer,
  'isAuxiliary' | 'isLegalReviewer' | 'status' | 'issueDate' | 'expiryDate'
>;

/** Who counts for L1 on `today`: certified officers whose certificate is valid that day. */
export function countForReviewerRatio(officers: readonly CountableOfficer[], today: string): ReviewerCounts {
  let total = 0;
  let reviewers = 0;
  for (const o of officers) {
    if (o.isAuxiliary || !o.issueDate || !o.expiryDate) continue;
    const status = effectiveStatus(
      { status: o.status, issueDate: o.issueDate, expiryDate: o.expiryDate },
      today,
    );
    if (status !== 'valid') continue;
    total++;
    if (o.isLegalReviewer) reviewers++;
  }
  return { officers: total, reviewers };
}

/**
 * L1: "法制审核人员不少于本单位执法人员总数的5%" (000:28, 国办发〔2018〕118号). An agency without officers does
 * not meet the rule: it cannot show that anyone reviews.
 */
export function reviewerRatio(
  counts: ReviewerCounts,
  rule: RuleParameter = RULEBOOK_DEFAULTS.legalReviewerMinRatio,
): ReviewerRatio {
  const { officers, reviewers } = counts;
  // Integer comparison, so that exactly 5 % (1 of 20) meets the rule despite floating point.
  const required = officers > 0 ? Math.ceil(officers * rule.value - 1e-9) : 0;
  return {
    officers,
    reviewers,
    ratio: officers > 0 ? reviewers / officers : 0,
    required,
    minRatio: rule.value,
    meets: officers > 0 && reviewers >= required,
    source: rule.source,
  };
}
