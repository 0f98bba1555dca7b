import { validateIsoDate } from '../../../platform/identifiers/date.ts';
import { validatePhone } from '../../../platform/identifiers/phone.ts';
import { validateRegionCode } from '../../../platform/identifiers/region-code.ts';
import { validateUscc } from '../../../platform/identifiers/uscc.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { checkText, isBlank, push } from './fields.ts';

/**
 * 执法主体 types: 法定 (an administrative organ acting on its own statutory powers), 授权 (an organisation
 * authorised by law or regulation, acting in its own name), 委托 (acting in the name of the entrusting
 * agency, within the entrusted items and term; 行政处罚法 arts. 20–21).
 */
export const AGENCY_TYPES = ['statutory', 'authorized', 'entrusted'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

export const AGENCY_TYPE_LABELS: Readonly<Record<AgencyType, string>> = {
  statutory: '法定',
  authorized: '授权',
  entrusted: '委托',
};

/** 委托执法: who entrusted, on what basis, which enforcement items, which powers, for which term. */
export type Entrustment = {
  entrustingAgencyId: string;
  /** 委托依据, e.g. the entrustment document and the article allowing it. */
  basis: string;
  /** 委托事项: the enforcement items entrusted. */
  items: string[];
  /** 委托权限: what the entrusted agency may do for those items (e.g. 行政检查、行政处罚). */
  powers: string[];
  termStart: string;
  termEnd: string;
};

/** Agency fields as in docs/api.md, without the derived names (regionName, entrustingAgencyName). */
export type AgencyInput = {
  name: string;
  uscc: string;
  type: AgencyType;
  legalBasis?: string | null;
  functions?: string | null;
  regionCode: string;
  contactPhone?: string | null;
  contactAddress?: string | null;
  parentId?: string | null;
  entrustment?: Entrustment | null;
};

export const AGENCY_NAME_MAX = 100;

function validateEntrustment(e: Entrustment): RuleViolation[] {
  const out: RuleViolation[] = [];
  push(out, checkText(e.entrustingAgencyId, 'entrustment.entrustingAgencyId', '委托机关', 64));
  push(out, checkText(e.basis, 'entrustment.basis', '委托依据', 2000));
  for (const [key, label] of [
    ['items', '委托事项'],
    ['powers', '委托权限'],
  ] as const) {
    const list = e[key];
    if (!Array.isArray(list) || list.length === 0 || list.some((x) => isBlank(x))) {
      out.push(violation('FIELD_REQUIRED', `${label}不能为空，且每一项都须填写`, `entrustment.${key}`));
    }
  }
  const start = validateIsoDate(e.termStart, 'entrustment.termStart', '委托期限起始日期');
  const end = validateIsoDate(e.termEnd, 'entrustment.termEnd', '委托期限截止日期');
  push(out, start);
  push(out, end);
  if (!start && !end && e.termEnd < e.termStart) {
    out.push(
      violation('INVALID_ENTRUSTMENT_TERM', '委托期限截止日期不能早于起始日期', 'entrustment.termEnd'),
    );
  }
  return out;
}

/** All violations of an agency's fields (empty when valid). */
export function validateAgencyInput(input: AgencyInput): RuleViolation[] {
  const out: RuleViolation[] = [];
  push(out, checkText(input.name, 'name', '执法主体名称', AGENCY_NAME_MAX));
  push(out, validateUscc(input.uscc, 'uscc'));
  push(out, validateRegionCode(input.regionCode, 'regionCode'));
  push(out, checkText(input.legalBasis, 'legalBasis', '设立依据', 4000, false));
  push(out, checkText(input.functions, 'functions', '职能', 4000, false));
  push(out, checkText(input.contactAddress, 'contactAddress', '联系地址', 200, false));
  if (!isBlank(input.contactPhone)) push(out, validatePhone(input.contactPhone, 'contactPhone', '联系电话'));

  if (!(AGENCY_TYPES as readonly unknown[]).includes(input.type)) {
    out.push(violation('INVALID_AGENCY_TYPE', '执法主体类型须为法定、授权或委托', 'type'));
    return out;
  }
  const e = input.entrustment;
  if (input.type === 'entrusted') {
    if (!e) {
      out.push(
        violation(
          'ENTRUSTMENT_REQUIRED',
          '受委托组织须填写委托信息（委托机关、依据、事项、权限和期限）',
          'entrustment',
        ),
      );
    } else {
      out.push(...validateEntrustment(e));
    }
  } else if (e) {
    out.push(violation('ENTRUSTMENT_NOT_ALLOWED', '只有受委托组织才能填写委托信息', 'entrustment'));
  }
  return out;
}
