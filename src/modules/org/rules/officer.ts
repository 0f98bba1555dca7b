import { validateCertificateNo } from '../../../platform/identifiers/certificate-no.ts';
import { validateIsoDate } from '../../../platform/identifiers/date.ts';
import { validatePhone } from '../../../platform/identifiers/phone.ts';
import { validateRegionCode } from '../../../platform/identifiers/region-code.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import type { CertificateStatus } from './certificate.ts';
import { checkText, isBlank, push } from './fields.ts';

export type TrainingHours = { year: number; hours: number };

/**
 * Officer fields as in docs/api.md (without derived agencyName / effectiveStatus). An auxiliary
 * (执法辅助人员) has no certificate: certificateNo, categories, issueDate and expiryDate stay empty.
 */
export type Officer = {
  id: string;
  agencyId: string;
  unitId: string | null;
  name: string;
  isAuxiliary: boolean;
  certificateNo: string | null;
  categories: string[];
  enforcementRegionCode: string | null;
  issueDate: string | null;
  expiryDate: string | null;
  status: CertificateStatus;
  isLegalReviewer: boolean;
  legalQualificationNo: string | null;
  reviewingSince: string | null;
  trainingHours: TrainingHours[];
  phone: string | null;
};

/** What a create or update carries; the stored status changes only through certificate actions. */
export type OfficerInput = {
  name: string;
  isAuxiliary: boolean;
  certificateNo?: string | null;
  categories?: string[] | null;
  enforcementRegionCode?: string | null;
  issueDate?: string | null;
  expiryDate?: string | null;
  isLegalReviewer?: boolean;
  /** 法律职业资格证书编号 (行政处罚法 art. 58 para 2). */
  legalQualificationNo?: string | null;
  /** 首次从事法制审核日期: decides whether art. 58 para 2 applies (reviewer-qualification.ts). */
  reviewingSince?: string | null;
  trainingHours?: TrainingHours[] | null;
  phone?: string | null;
};

export const OFFICER_NAME_MAX = 50;
export const LEGAL_QUALIFICATION_NO_MAX = 40;

function validateAuxiliary(input: OfficerInput): RuleViolation[] {
  // 执法辅助人员 holds no enforcement certificate and may never act alone (001 五(一), 002 task 5).
  const out: RuleViolation[] = [];
  const certificateFields = [
    ['certificateNo', '执法证件编号'],
    ['issueDate', '发证日期'],
    ['expiryDate', '有效期截止日期'],
  ] as const;
  for (const [field, label] of certificateFields) {
    if (!isBlank(input[field])) {
      out.push(violation('AUXILIARY_NO_CERTIFICATE', `执法辅助人员没有执法证件，不能填写${label}`, field));
    }
  }
  if (Array.isArray(input.categories) && input.categories.length > 0) {
    out.push(
      violation('AUXILIARY_NO_CERTIFICATE', '执法辅助人员没有执法证件，不能填写执法类别', 'categories'),
    );
  }
  if (input.isLegalReviewer) {
    out.push(violation('AUXILIARY_CANNOT_REVIEW', '执法辅助人员不能担任法制审核人员', 'isLegalReviewer'));
  }
  if (!isBlank(input.enforcementRegionCode)) {
    push(out, validateRegionCode(input.enforcementRegionCode, 'enforcementRegionCode'));
  }
  return out;
}

function validateCertificate(input: OfficerInput, knownCategoryCodes: readonly string[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (isBlank(input.certificateNo)) {
    out.push(violation('FIELD_REQUIRED', '执法证件编号不能为空', 'certificateNo'));
  } else {
    push(out, validateCertificateNo(input.certificateNo, 'certificateNo'));
  }

  const categories = input.categories;
  if (!Array.isArray(categories) || categories.length === 0) {
    out.push(violation('FIELD_REQUIRED', '执法类别至少选择一项', 'categories'));
  } else {
    const seen = new Set<string>();
    categories.forEach((code, i) => {
      if (!knownCategoryCodes.includes(code)) {
        out.push(violation('UNKNOWN_CATEGORY', `执法类别“${String(code)}”不存在`, `categories[${i}]`));
      } else if (seen.has(code)) {
        out.push(violation('DUPLICATE_CATEGORY', `执法类别“${code}”重复`, `categories[${i}]`));
      }
      seen.add(code);
    });
  }

  if (isBlank(input.enforcementRegionCode)) {
    out.push(violation('FIELD_REQUIRED', '执法区域不能为空', 'enforcementRegionCode'));
  } else {
    push(out, validateRegionCode(input.enforcementRegionCode, 'enforcementRegionCode'));
  }

  const issue = validateIsoDate(input.issueDate, 'issueDate', '发证日期');
  const expiry = validateIsoDate(input.expiryDate, 'expiryDate', '有效期截止日期');
  push(out, issue);
  push(out, expiry);
  if (!issue && !expiry && (input.expiryDate as string) <= (input.issueDate as string)) {
    out.push(violation('INVALID_CERTIFICATE_TERM', '执法证件有效期截止日期须晚于发证日期', 'expiryDate'));
  }
  return out;
}

function validateTraining(list: TrainingHours[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  const years = new Set<number>();
  list.forEach((t, i) => {
    const year = t?.year;
    const hours = t?.hours;
    if (!Number.isInteger(year) || year < 1949 || year > 2999) {
      out.push(violation('INVALID_TRAINING_HOURS', '培训年度须为四位年份', `trainingHours[${i}].year`));
    } else if (years.has(year)) {
      out.push(violation('DUPLICATE_TRAINING_YEAR', `培训年度 ${year} 重复`, `trainingHours[${i}].year`));
    } else {
      years.add(year);
    }
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) {
      out.push(
        violation('INVALID_TRAINING_HOURS', '培训学时须为不小于 0 的数字', `trainingHours[${i}].hours`),
      );
    }
  });
  return out;
}

/**
 * The legal reviewer's qualification fields: the certificate number is free text (the 法律职业资格证书
 * numbering has changed over the years), the start date a real day not after `today` when given.
 */
function validateReviewerFields(input: OfficerInput, today: string | undefined): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (!isBlank(input.legalQualificationNo)) {
    push(
      out,
      checkText(
        input.legalQualificationNo,
        'legalQualificationNo',
        '法律职业资格证书编号',
        LEGAL_QUALIFICATION_NO_MAX,
      ),
    );
  }
  if (!isBlank(input.reviewingSince)) {
    const bad = validateIsoDate(input.reviewingSince, 'reviewingSince', '首次从事法制审核日期');
    push(out, bad);
    if (!bad && today !== undefined && (input.reviewingSince as string) > today) {
      out.push(violation('INVALID_DATE', '首次从事法制审核日期不能晚于今天', 'reviewingSince'));
    }
  }
  return out;
}

/**
 * All violations of an officer's fields (empty when valid). `knownCategoryCodes` are the codes of the
 * enforcement categories the platform knows (reference data, GET /api/enforcement-categories).
 */
export function validateOfficerInput(
  input: OfficerInput,
  knownCategoryCodes: readonly string[],
  today?: string,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  push(out, checkText(input.name, 'name', '姓名', OFFICER_NAME_MAX));
  out.push(
    ...(input.isAuxiliary ? validateAuxiliary(input) : validateCertificate(input, knownCategoryCodes)),
  );
  if (input.trainingHours != null) {
    if (Array.isArray(input.trainingHours)) out.push(...validateTraining(input.trainingHours));
    else out.push(violation('INVALID_TRAINING_HOURS', '培训学时记录格式不正确', 'trainingHours'));
  }
  if (!isBlank(input.phone)) push(out, validatePhone(input.phone, 'phone', '联系电话'));
  out.push(...validateReviewerFields(input, today));
  return out;
}
