// A document says what the case records. What the party receives is checked against the case (the
// snapshot as the step leaves it), not only the step's payload: a 告知书 printing 1 元 and 听证"否" for a
// 200,000 元 hearing-eligible case, or a 决定书 printing another amount than the one notified, is refused.
// Codes:
//   DOCUMENT_DISAGREES_WITH_CASE  a field differs from what the case records (party, officers, amounts,
//                                 penalty kinds, hearing right, dates, the decision's 文号, a review
//                                 opinion's kind, reasons, findings, round and reviewer)
//   DOCUMENT_DIFFERS_FROM_NOTICE  a decision whose facts' legal provisions differ from the rights notice
//                                 (行政处罚法 arts. 44-45: the party is heard on what the decision rests on)

import { normalizeCertificateNo } from '../../../platform/identifiers/certificate-no.ts';
import { normalizeUscc } from '../../../platform/identifiers/uscc.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import type { PenaltyTerms } from '../rules/types.ts';
import {
  APPROVAL_FORMS,
  type CaseFacts,
  lastDocument,
  penaltyDocumentFields,
  reviewOpinionOf,
  SERVICE_METHOD_LABELS,
} from './draft.ts';
import { formatDate, formatYuan } from './format.ts';
import type { DocumentData, DocumentKind, DocumentTemplate, FieldValue, OfficerRef } from './types.ts';

const DISAGREES = 'DOCUMENT_DISAGREES_WITH_CASE';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Which officer fields of each kind are signed by the case team. */
const OFFICER_FIELDS = ['officers', 'handlers', 'servers'] as const;

function shown(v: FieldValue | null | undefined, type: string | undefined): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (type === 'money_fen' && typeof v === 'number') return `${formatYuan(v)} 元`;
  if (type === 'date' && typeof v === 'string') return formatDate(v);
  if (Array.isArray(v)) return v.length ? v.join('、') : '（空）';
  return String(v);
}

function checkParty(data: DocumentData, f: CaseFacts, out: RuleViolation[]) {
  const p: unknown = data.party;
  const c = f.party;
  if (!c || !isObject(p)) return;
  if (str(p.name) !== c.name.trim()) {
    out.push(
      violation(
        DISAGREES,
        `当事人名称（姓名）与案件记载不一致：文书为「${str(p.name)}」，案件为「${c.name}」`,
        'party.name',
      ),
    );
  }
  if (p.kind !== c.type) {
    out.push(violation(DISAGREES, '当事人类型与案件记载不一致', 'party.kind'));
    return;
  }
  if (!c.idNumber) return;
  if (c.type === 'natural_person') {
    if (str(p.residentIdNumber).toUpperCase() !== c.idNumber.toUpperCase())
      out.push(violation(DISAGREES, '当事人身份证号码与案件记载不一致', 'party.residentIdNumber'));
  } else if (normalizeUscc(str(p.uscc)) !== normalizeUscc(c.idNumber)) {
    out.push(violation(DISAGREES, '当事人统一社会信用代码与案件记载不一致', 'party.uscc'));
  }
}

/** Every officer printed on the document is a (non-auxiliary) member of the case team, under their name. */
function checkOfficers(template: DocumentTemplate, data: DocumentData, f: CaseFacts, out: RuleViolation[]) {
  // A lead has no team yet: the agency's officers verify it (初步核查) and sign what they record.
  if (f.snapshot.teamOfficerIds.length === 0) return;
  const team = new Map(
    f.team
      .filter((m) => !m.isAuxiliary && m.certificateNo)
      .map((m) => [normalizeCertificateNo(m.certificateNo as string), m.name]),
  );
  for (const key of OFFICER_FIELDS) {
    const field = template.fields.find((x) => x.key === key);
    const list = data[key];
    if (!field || !Array.isArray(list)) continue;
    (list as readonly OfficerRef[]).forEach((o, i) => {
      if (!isObject(o)) return;
      const no = normalizeCertificateNo(str(o.certificateNo));
      const name = team.get(no);
      if (name === undefined) {
        out.push(
          violation(
            DISAGREES,
            `${field.label}第${i + 1}人（执法证号 ${no || '空'}）不是本案承办执法人员`,
            `${key}[${i}].certificateNo`,
          ),
        );
      } else if (str(o.name) !== name) {
        out.push(
          violation(
            DISAGREES,
            `${field.label}第${i + 1}人的姓名与执法证号不符：证号 ${no} 登记为「${name}」`,
            `${key}[${i}].name`,
          ),
        );
      }
    });
  }
}

/** The penalty printed on a notice or decision equals the penalty the step records. */
function checkPenalty(
  template: DocumentTemplate,
  data: DocumentData,
  terms: PenaltyTerms | null,
  what: string,
  out: RuleViolation[],
) {
  if (!terms) return;
  const expected = penaltyDocumentFields(terms);
  for (const key of ['warning', 'fineFen', 'confiscatedIncomeFen', 'otherPenalties'] as const) {
    const field = template.fields.find((x) => x.key === key);
    if (!field) continue;
    const a = data[key];
    const b = expected[key];
    const same =
      Array.isArray(a) || Array.isArray(b) ? sameSet(a, b) : (norm(a) ?? null) === (norm(b) ?? null);
    if (!same) {
      out.push(
        violation(
          DISAGREES,
          `${field.label}与${what}不一致：文书为 ${shown(a, field.type)}，${what}为 ${shown(b, field.type)}`,
          key,
        ),
      );
    }
  }
}

const norm = (v: unknown) => (v === '' || v === undefined || v === null || v === '否' ? null : v);
function sameSet(a: unknown, b: unknown): boolean {
  const x = Array.isArray(a) ? [...a].map(String).sort() : [];
  const y = Array.isArray(b) ? [...b].map(String).sort() : [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function checkEqual(
  template: DocumentTemplate,
  data: DocumentData,
  key: string,
  expected: string | null | undefined,
  what: string,
  out: RuleViolation[],
) {
  const field = template.fields.find((x) => x.key === key);
  if (!field || expected === undefined || expected === null) return;
  const v = data[key];
  if (v === undefined || v === null || v === '') return; // required-ness is the template check's
  if (str(v) !== expected) {
    out.push(
      violation(
        DISAGREES,
        `${field.label}与${what}不一致：文书为 ${shown(v, field.type)}，${what}为 ${shown(expected, field.type)}`,
        key,
      ),
    );
  }
}

/**
 * An approval form issued with its step (立案、结案 are the agency head's approval) carries the head's
 * opinion, and its 机关负责人 is the head taking the step, not a name typed in by someone else.
 */
function checkApprover(template: DocumentTemplate, data: DocumentData, f: CaseFacts, out: RuleViolation[]) {
  if (!f.approver || !APPROVAL_FORMS.has(template.kind)) return;
  const opinion = template.fields.find((x) => x.key === 'agencyHeadOpinion');
  if (opinion && !str(data.agencyHeadOpinion)) {
    out.push(
      violation(
        'DOCUMENT_FIELD_REQUIRED',
        `${opinion.label}不能为空：${template.title}随审批环节签发，须写明机关负责人的审批意见`,
        'agencyHeadOpinion',
      ),
    );
  }
  const head = template.fields.find((x) => x.key === 'agencyHead');
  if (head && str(data.agencyHead) !== f.approver) {
    out.push(
      violation(
        DISAGREES,
        `${head.label}应为办理本环节的机关负责人「${f.approver}」，文书为「${str(data.agencyHead) || '（空）'}」`,
        'agencyHead',
      ),
    );
  }
}

/**
 * What the document says against what the case records. `facts.snapshot` is the case as the step leaves
 * it (the step's own penalty, dates and hearing right), or as it stands for a document issued on its own.
 */
export function checkAgainstCase(
  template: DocumentTemplate,
  data: DocumentData,
  facts: CaseFacts,
  payload: Readonly<Record<string, unknown>> = {},
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const s = facts.snapshot;
  const d = s.dates;
  const kind: DocumentKind = template.kind;
  checkParty(data, facts, out);
  checkOfficers(template, data, facts, out);
  checkApprover(template, data, facts, out);
  checkEqual(template, data, 'filingDate', d.filedOn, '案件的立案日期', out);
  switch (kind) {
    case 'penalty_rights_notice':
      checkPenalty(template, data, s.notifiedPenalty ?? s.penalty, '拟处罚内容', out);
      // 行政处罚法 art. 63: the hearing right follows from the penalty, not from the officer's choice.
      checkEqual(template, data, 'hearingRight', s.hearingEligible ? '是' : '否', '案件的听证权利', out);
      break;
    case 'penalty_decision': {
      checkPenalty(template, data, s.penalty, '决定的处罚内容', out);
      const notice = lastDocument(facts, 'penalty_rights_notice')?.data;
      for (const key of ['violatedProvision', 'penaltyBasis'] as const) {
        const field = template.fields.find((x) => x.key === key);
        if (!notice || !field || !str(notice[key]) || !str(data[key])) continue;
        if (str(notice[key]) !== str(data[key])) {
          out.push(
            violation(
              'DOCUMENT_DIFFERS_FROM_NOTICE',
              `${field.label}与事先告知书不一致：改变处罚依据须重新告知当事人（行政处罚法第四十四条、第四十五条）`,
              key,
            ),
          );
        }
      }
      break;
    }
    case 'hearing_notice':
      checkEqual(template, data, 'requestDate', d.hearingRequestedOn, '案件记载的听证申请日期', out);
      if (typeof payload.hearingDate === 'string' && typeof data.hearingTime === 'string') {
        if (data.hearingTime.slice(0, 10) !== payload.hearingDate)
          out.push(
            violation(
              DISAGREES,
              `听证时间与本环节的听证日期（${formatDate(payload.hearingDate)}）不一致`,
              'hearingTime',
            ),
          );
      }
      break;
    case 'service_receipt': {
      // What the serve step records (its method and day) is what the receipt says.
      const method = SERVICE_METHOD_LABELS[str(payload.method)];
      if (method) checkEqual(template, data, 'serviceMethod', method, '本环节的送达方式', out);
      const servedOn = str(payload.servedOn) || d.servedOn;
      if (servedOn && typeof data.serviceTime === 'string' && data.serviceTime.slice(0, 10) !== servedOn)
        out.push(
          violation(
            DISAGREES,
            `送达时间与案件记载的送达日期（${formatDate(servedOn)}）不一致`,
            'serviceTime',
          ),
        );
      break;
    }
    case 'on_spot_penalty_decision':
      checkPenalty(template, data, s.penalty, '本环节的处罚内容', out);
      // Made and handed over on the spot (art. 52): dated the day of the step.
      if (typeof data.decidedAt === 'string' && data.decidedAt.slice(0, 10) !== facts.today)
        out.push(
          violation(DISAGREES, `决定时间应为当场作出决定的当天（${formatDate(facts.today)}）`, 'decidedAt'),
        );
      break;
    case 'closing_approval':
      checkEqual(template, data, 'decisionNumber', s.documentNo, '案件的决定书文号', out);
      break;
    case 'coercive_measure_decision':
      checkEqual(template, data, 'startDate', d.coerciveAppliedOn, '案件记载的实施日期', out);
      break;
    case 'legal_review_opinion': {
      // The signed opinion is the step's opinion (行政处罚法 art. 58; 蚌埠任务分解方案 items 30–32): its kind,
      // its reasons, its findings and the round's reviewer, not words typed in besides the step.
      const o = reviewOpinionOf(s, payload);
      checkEqual(template, data, 'opinion', o.opinion, '本环节的审核意见', out);
      checkEqual(template, data, 'reasons', o.reasons, '本环节的审核理由', out);
      checkEqual(template, data, 'reviewer', o.reviewer, '本轮指定的法制审核人员', out);
      if (o.round && typeof data.round === 'number' && data.round !== o.round.round)
        out.push(violation(DISAGREES, `第几轮与案件记载不一致：本次审核为第${o.round.round}轮`, 'round'));
      const rows = Array.isArray(data.findings) ? (data.findings as readonly unknown[]) : [];
      const same =
        rows.length === o.findings.length &&
        o.findings.every((f, i) => {
          const r = rows[i];
          return (
            isObject(r) &&
            str(r.point) === f.point &&
            str(r.result) === f.result &&
            str(r.note) === str(f.note)
          );
        });
      if (rows.length > 0 && !same)
        out.push(violation(DISAGREES, '审核内容清单与本环节各项审核结论不一致', 'findings'));
      break;
    }
    default:
      break;
  }
  return out;
}
