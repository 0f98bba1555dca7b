// Checks the data of a document against its template before anything is rendered or signed.
// Field-level codes (the message names the field by its Chinese label, `field` is the key or a dotted
// path such as `party.uscc` or `officers[1].certificateNo`):
//   DOCUMENT_FIELD_REQUIRED     a required field, or a required part of a party/row, is empty
//   DOCUMENT_FIELD_UNKNOWN      the data has a key the template does not define
//   DOCUMENT_FIELD_INVALID      wrong type or shape (text that is not a string, a malformed list…)
//   DOCUMENT_DATE_INVALID       not a real YYYY-MM-DD date
//   DOCUMENT_DATETIME_INVALID   not a real YYYY-MM-DDTHH:mm time
//   DOCUMENT_MONEY_INVALID      money not a non-negative integer number of fen
//   DOCUMENT_INTEGER_INVALID    not an integer within the field's bounds
//   DOCUMENT_ENUM_INVALID       not one of the field's options
//   DOCUMENT_PARTY_KIND_INVALID a party whose kind is not natural_person, legal_person, other_organisation
//                               or individual_business
//   INVALID_RESIDENT_ID, INVALID_USCC, INVALID_CERTIFICATE_NO  from the platform validators
//   DOCUMENT_OFFICERS_TOO_FEW   fewer officers than the field's minimum (2 where officers sign)
//   DOCUMENT_OFFICERS_DUPLICATE the same certificate twice
// Templates add cross-field codes via `checks`: DOCUMENT_PENALTY_MISSING, DOCUMENT_TIME_ORDER,
// DOCUMENT_DATE_ORDER, DOCUMENT_COERCIVE_PERIOD_TOO_LONG, DOCUMENT_INTERVIEWEE_NOT_PERSON,
// DOCUMENT_LEFT_SERVICE_UNRECORDED, DOCUMENT_HEARING_NOTICE_TOO_LATE.

import {
  normalizeCertificateNo,
  validateCertificateNo,
} from '../../../platform/identifiers/certificate-no.ts';
import { isIsoDate } from '../../../platform/identifiers/date.ts';
import { validateResidentId } from '../../../platform/identifiers/resident-id.ts';
import { validateUscc } from '../../../platform/identifiers/uscc.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { templateContext, withDefaults } from './content.ts';
import { isFilled } from './format.ts';
import type { DocumentData, DocumentTemplate, FieldDef } from './types.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** YYYY-MM-DDTHH:mm, a real date and time. */
export function isIsoDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  return m !== null && isIsoDate(m[1]) && Number(m[2]) <= 23 && Number(m[3]) <= 59;
}

function requiredPart(out: RuleViolation[], value: unknown, path: string, label: string): boolean {
  if (nonEmpty(value)) return true;
  out.push(violation('DOCUMENT_FIELD_REQUIRED', `${label}不能为空`, path));
  return false;
}

/** A platform validator's violation, with the document's label in front of its message. */
function labelled(v: RuleViolation | null, label: string): RuleViolation[] {
  return v ? [{ ...v, message: `${label}：${v.message}` }] : [];
}

function checkParty(value: unknown, f: FieldDef): RuleViolation[] {
  const out: RuleViolation[] = [];
  const k = f.key;
  if (!isObject(value)) return [violation('DOCUMENT_FIELD_INVALID', `${f.label}的格式不正确`, k)];
  requiredPart(out, value.name, `${k}.name`, `${f.label}名称（姓名）`);
  switch (value.kind) {
    case 'natural_person':
      if (requiredPart(out, value.residentIdNumber, `${k}.residentIdNumber`, `${f.label}的身份证号码`)) {
        out.push(...labelled(validateResidentId(value.residentIdNumber, `${k}.residentIdNumber`), f.label));
      }
      break;
    case 'legal_person':
    case 'other_organisation':
    case 'individual_business':
      if (requiredPart(out, value.uscc, `${k}.uscc`, `${f.label}的统一社会信用代码`)) {
        out.push(...labelled(validateUscc(value.uscc, `${k}.uscc`), f.label));
      }
      if (value.kind === 'individual_business') {
        requiredPart(out, value.operatorName, `${k}.operatorName`, `${f.label}的经营者姓名`);
        const path = `${k}.operatorResidentIdNumber`;
        if (requiredPart(out, value.operatorResidentIdNumber, path, `${f.label}经营者的身份证号码`)) {
          out.push(...labelled(validateResidentId(value.operatorResidentIdNumber, path), `${f.label}经营者`));
        }
      }
      break;
    default:
      out.push(
        violation(
          'DOCUMENT_PARTY_KIND_INVALID',
          `${f.label}的类型应为自然人、法人、其他组织或个体工商户`,
          `${k}.kind`,
        ),
      );
  }
  return out;
}

function checkOfficers(value: unknown, f: FieldDef): RuleViolation[] {
  if (!Array.isArray(value))
    return [violation('DOCUMENT_FIELD_INVALID', `${f.label}应为执法人员列表`, f.key)];
  const out: RuleViolation[] = [];
  const min = f.minCount ?? 1;
  if (value.length < min) {
    out.push(violation('DOCUMENT_OFFICERS_TOO_FEW', `${f.label}不得少于${min}人，并应列明执法证号`, f.key));
  }
  const seen = new Set<string>();
  value.forEach((o, i) => {
    const path = `${f.key}[${i}]`;
    if (!isObject(o)) {
      out.push(violation('DOCUMENT_FIELD_INVALID', `${f.label}第${i + 1}人的格式不正确`, path));
      return;
    }
    requiredPart(out, o.name, `${path}.name`, `${f.label}第${i + 1}人的姓名`);
    if (requiredPart(out, o.certificateNo, `${path}.certificateNo`, `${f.label}第${i + 1}人的执法证号`)) {
      const v = validateCertificateNo(o.certificateNo, `${path}.certificateNo`);
      out.push(...labelled(v, `${f.label}第${i + 1}人`));
      const no = normalizeCertificateNo(o.certificateNo as string);
      if (!v && seen.has(no)) {
        out.push(
          violation(
            'DOCUMENT_OFFICERS_DUPLICATE',
            `${f.label}中执法证号 ${no} 重复`,
            `${path}.certificateNo`,
          ),
        );
      }
      seen.add(no);
    }
  });
  return out;
}

function checkValue(value: unknown, f: FieldDef): RuleViolation[] {
  const invalid = (what: string) => [violation('DOCUMENT_FIELD_INVALID', `${f.label}${what}`, f.key)];
  switch (f.type) {
    case 'text':
    case 'longtext':
      return typeof value === 'string' ? [] : invalid('应为文字');
    case 'date':
      return isIsoDate(value)
        ? []
        : [
            violation(
              'DOCUMENT_DATE_INVALID',
              `${f.label}不是有效日期，应为 YYYY-MM-DD 格式的真实日期`,
              f.key,
            ),
          ];
    case 'datetime':
      return isIsoDateTime(value)
        ? []
        : [
            violation(
              'DOCUMENT_DATETIME_INVALID',
              `${f.label}不是有效时间，应为 YYYY-MM-DDTHH:mm 格式`,
              f.key,
            ),
          ];
    case 'money_fen':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? []
        : [violation('DOCUMENT_MONEY_INVALID', `${f.label}应为以分计的非负整数金额`, f.key)];
    case 'integer': {
      const ok =
        typeof value === 'number' &&
        Number.isSafeInteger(value) &&
        value >= (f.min ?? 0) &&
        (f.max === undefined || value <= f.max);
      const range = `${f.min ?? 0}${f.max === undefined ? '以上' : `至${f.max}`}`;
      return ok ? [] : [violation('DOCUMENT_INTEGER_INVALID', `${f.label}应为${range}的整数`, f.key)];
    }
    case 'enum':
      return typeof value === 'string' && (f.options ?? []).includes(value)
        ? []
        : [
            violation(
              'DOCUMENT_ENUM_INVALID',
              `${f.label}应为以下之一：${(f.options ?? []).join('、')}`,
              f.key,
            ),
          ];
    case 'party':
      return checkParty(value, f);
    case 'officers':
      return checkOfficers(value, f);
    case 'list':
      return Array.isArray(value) && value.every(nonEmpty) ? [] : invalid('应为非空文字的列表');
    case 'qa':
      return Array.isArray(value) && value.every((p) => isObject(p) && nonEmpty(p.q) && nonEmpty(p.a))
        ? []
        : invalid('的每一问、每一答都不能为空');
    case 'grid': {
      if (!Array.isArray(value)) return invalid('应为清单');
      const out: RuleViolation[] = [];
      value.forEach((row, i) => {
        for (const c of f.columns ?? []) {
          const cell = isObject(row) ? row[c.key] : undefined;
          if (cell !== undefined && typeof cell !== 'string') {
            out.push(
              violation(
                'DOCUMENT_FIELD_INVALID',
                `${f.label}第${i + 1}行的${c.label}应为文字`,
                `${f.key}[${i}].${c.key}`,
              ),
            );
          } else if (c.required)
            requiredPart(out, cell, `${f.key}[${i}].${c.key}`, `${f.label}第${i + 1}行的${c.label}`);
        }
      });
      return out;
    }
  }
}

/**
 * All violations of the data against the template (empty when it may be rendered). With `issuedOn`
 * (YYYY-MM-DD, the date the document will bear) rules about time limits from issue are checked too.
 */
export function checkDocumentData(
  template: DocumentTemplate,
  rawData: DocumentData,
  issuedOn?: string,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const data = withDefaults(template, rawData);
  const fields = new Map(template.fields.map((f) => [f.key, f]));
  for (const key of Object.keys(rawData)) {
    if (!fields.has(key))
      out.push(violation('DOCUMENT_FIELD_UNKNOWN', `${template.title}没有“${key}”这一项`, key));
  }
  for (const f of template.fields) {
    const value = data[f.key];
    if (!isFilled(value)) {
      if (f.required) out.push(violation('DOCUMENT_FIELD_REQUIRED', `${f.label}不能为空`, f.key));
      continue;
    }
    out.push(...checkValue(value, f));
  }
  // Cross-field rules check the types they rely on themselves.
  if (template.checks) out.push(...template.checks(templateContext(template, data, ''), issuedOn));
  return out;
}
