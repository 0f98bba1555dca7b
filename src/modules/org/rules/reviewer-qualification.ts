import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';

/**
 * The day the revised 行政处罚法 took effect (中华人民共和国主席令第七十号, 2021-01-22: 自2021年7月15日起
 * 施行). Its art. 58 para 2 requires 初次从事行政处罚决定法制审核的人员 to hold the 法律职业资格; a reviewer
 * who already reviewed before that day is not 初次 and keeps reviewing without it.
 */
export const LEGAL_QUALIFICATION_REQUIRED_FROM = '2021-07-15';

/** What the register knows about a reviewer (org service `reviewerRecords`). */
export type ReviewerRecord = {
  id: string;
  name: string;
  agencyId: string;
  isLegalReviewer: boolean;
  /** The officer's unit is the agency's 法制审核机构 (units.is_review_unit, L1). */
  inReviewUnit: boolean;
  legalQualificationNo: string | null;
  reviewingSince: string | null;
};

/**
 * Why `r` may not carry out a legal review (法制审核) on `today` (YYYY-MM-DD): empty when they may.
 * `REVIEWER_NOT_IN_REVIEW_UNIT`: not a legal reviewer of the review unit (seed 000 item 27: 有机构承担、有专人负责).
 * `REVIEWER_NEEDS_LEGAL_QUALIFICATION`: 行政处罚法 art. 58 para 2 — no 法律职业资格 recorded, and they began
 * reviewing on or after 2021-07-15, or the register does not say when they began (the platform cannot
 * show they are not 初次).
 */
export function reviewerQualificationViolations(r: ReviewerRecord, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!r.isLegalReviewer || !r.inReviewUnit) {
    out.push(
      violation(
        'REVIEWER_NOT_IN_REVIEW_UNIT',
        `${r.name}不是本机关法制审核机构的法制审核人员，不能进行法制审核`,
        'reviewerId',
      ),
    );
  }
  const hasQualification = !!r.legalQualificationNo?.trim();
  if (!hasQualification) {
    // A start date after today is a data error; it is still "on or after" the cut-off and refused.
    const since = r.reviewingSince;
    if (since === null) {
      out.push(
        violation(
          'REVIEWER_NEEDS_LEGAL_QUALIFICATION',
          `${r.name}未登记首次从事法制审核日期和法律职业资格证书编号（行政处罚法第五十八条第二款），截至${today}不能进行法制审核`,
          'reviewerId',
        ),
      );
    } else if (since >= LEGAL_QUALIFICATION_REQUIRED_FROM) {
      out.push(
        violation(
          'REVIEWER_NEEDS_LEGAL_QUALIFICATION',
          `${r.name}自${since}起初次从事法制审核，应当取得法律职业资格（行政处罚法第五十八条第二款），未登记法律职业资格证书编号`,
          'reviewerId',
        ),
      );
    }
  }
  return out;
}
