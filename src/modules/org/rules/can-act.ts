import { isIsoDate } from '../../../platform/identifiers/date.ts';
import { isWithinRegion, validateRegionCode } from '../../../platform/identifiers/region-code.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { RULEBOOK_DEFAULTS, type RuleParameter } from '../../../platform/rulebook/defaults.ts';
import { EFFECTIVE_STATUS_LABELS, effectiveStatus } from './certificate.ts';
import type { Officer } from './officer.ts';

/** What canAct needs to know of an officer. */
export type ActingOfficer = Pick<
  Officer,
  'isAuxiliary' | 'categories' | 'enforcementRegionCode' | 'status' | 'issueDate' | 'expiryDate'
> & { id?: string; name?: string; certificateNo?: string | null };

export type ActContext = {
  /** Enforcement category of the item being handled. */
  categoryCode: string;
  /** Its Chinese name, for the message only (falls back to the code). */
  categoryName?: string;
  /** Where the action takes place (GB/T 2260 or township code). */
  regionCode: string;
  /** The day of the action, YYYY-MM-DD (Asia/Shanghai). */
  date: string;
};

export type ActDecision = { allowed: boolean; reasons: RuleViolation[] };

/**
 * O3, called by every later workflow step: may this officer act on this item, here, on this day?
 * Only a certified officer whose certificate is valid that day and covers the category and the region
 * may act ("持证上岗", "按照执法证件授权范围", 001 五(三), 002 task 5). Every failed condition is reported.
 */
export function canAct(officer: ActingOfficer, ctx: ActContext): ActDecision {
  const reasons: RuleViolation[] = [];
  if (!isIsoDate(ctx.date)) reasons.push(violation('INVALID_DATE', '执法日期不是有效日期', 'date'));
  const badRegion = validateRegionCode(ctx.regionCode, 'regionCode');
  if (badRegion) reasons.push(badRegion);

  if (officer.isAuxiliary) {
    // The certificate checks below would only repeat that an auxiliary has none.
    reasons.push(violation('AUXILIARY_CANNOT_ACT', '执法辅助人员不得独立执法或签署执法文书'));
    return { allowed: false, reasons };
  }

  if (!officer.issueDate || !officer.expiryDate) {
    reasons.push(violation('CERTIFICATE_NOT_VALID', '未登记执法证件有效期，不能执法'));
  } else if (isIsoDate(ctx.date)) {
    const status = effectiveStatus(
      { status: officer.status, issueDate: officer.issueDate, expiryDate: officer.expiryDate },
      ctx.date,
    );
    if (status !== 'valid') {
      reasons.push(
        violation(
          'CERTIFICATE_NOT_VALID',
          `执法证件在 ${ctx.date} 的状态为“${EFFECTIVE_STATUS_LABELS[status]}”，不能执法`,
        ),
      );
    }
  }

  if (!officer.categories.includes(ctx.categoryCode)) {
    reasons.push(
      violation(
        'CATEGORY_NOT_COVERED',
        `执法证件的执法类别不包含“${ctx.categoryName ?? ctx.categoryCode}”`,
        'categoryCode',
      ),
    );
  }

  if (
    !badRegion &&
    !(officer.enforcementRegionCode && isWithinRegion(ctx.regionCode, officer.enforcementRegionCode))
  ) {
    reasons.push(
      violation('REGION_NOT_COVERED', `执法地点 ${ctx.regionCode} 不在执法证件的执法区域内`, 'regionCode'),
    );
  }
  return { allowed: reasons.length === 0, reasons };
}

export type TeamDecision = ActDecision & {
  /** Officers counted as certified and qualified for this action (distinct by id when ids are given). */
  qualified: number;
  required: number;
  members: ActDecision[];
  source: RuleParameter['source'];
};

/**
 * 行政处罚法 art. 42: at least two officers take part ("执法人员不得少于两人"), each able to act (O3).
 * Auxiliaries may accompany the team but are not counted; the same officer listed twice counts once.
 */
export function checkTeam(officers: readonly ActingOfficer[], ctx: ActContext): TeamDecision {
  const rule = RULEBOOK_DEFAULTS.minOfficersPerAction;
  const members = officers.map((o) => canAct(o, ctx));
  const counted = new Set<string | number>();
  members.forEach((m, i) => {
    if (m.allowed) counted.add(officers[i]!.id ?? i);
  });
  const reasons: RuleViolation[] = [];
  if (counted.size < rule.value) {
    reasons.push(
      violation(
        'TOO_FEW_CERTIFIED_OFFICERS',
        `参与执法的持证执法人员不得少于 ${rule.value} 人（行政处罚法第四十二条），符合条件的只有 ${counted.size} 人`,
        'officers',
      ),
    );
  }
  return {
    allowed: reasons.length === 0,
    reasons,
    qualified: counted.size,
    required: rule.value,
    members,
    source: rule.source,
  };
}
