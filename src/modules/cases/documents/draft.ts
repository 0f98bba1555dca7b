// The first version of a document, written from what the case already records: party, team, dates, the
// step's penalty, the rights notice's facts and provisions, the evidence list. The officer then completes
// what only a person knows (the findings, the questions and answers, the place) in a form. Pure: the
// service gathers the case's facts (CaseFacts) and hands them in.

import { addDays } from '../../../platform/identifiers/date.ts';
import { lastRound, REVIEW_CHECKLIST } from '../rules/legal-review.ts';
import type { CaseSnapshot, PenaltyKind, PenaltyTerms, ReviewFinding } from '../rules/types.ts';
import { PENALTY_KIND_LABELS } from '../rules/types.ts';
import { formatDate, formatYuan } from './format.ts';
import { FINDING_TEXT, REVIEW_OPINION_TEXT } from './templates/legal-review-opinion.ts';
import type { DocumentData, DocumentKind, FieldValue, GridRow, OfficerRef, Party } from './types.ts';

/** The case's party as the register holds it (identifiers included: drafting is for the case team). */
export interface CaseFactsParty {
  type: Party['kind'];
  name: string;
  idNumber: string | null;
  representative: string | null;
  address: string | null;
  phone: string | null;
}

export interface CaseFactsOfficer {
  id: string;
  name: string;
  certificateNo: string | null;
  isAuxiliary: boolean;
}

/** Everything a document of the case is written from and checked against. */
export interface CaseFacts {
  title: string;
  snapshot: CaseSnapshot;
  party: CaseFactsParty | null;
  /** The case team (and the hearing host) with their certificates. */
  team: readonly CaseFactsOfficer[];
  /** What the case (or its lead) was opened with: source, summary, the coercive measure's property. */
  openPayload: Readonly<Record<string, unknown>>;
  /** When the lead (案源) was registered: the lead's own day for a case filed from it. */
  leadDate: string | undefined;
  /** Documents already issued on the case, oldest first, with their data. */
  documents: readonly { kind: string; number: string | null; data: DocumentData }[];
  /** Titles of the evidence records of the case. */
  evidenceTitles: readonly string[];
  /** The enforcement item's 实施依据. */
  legalBasis: string;
  requiresAv: boolean;
  /** The rulebook's term of a 查封、扣押 (行政强制法 art. 25), for the decision's end date. */
  coerciveTermDays: number;
  /** Beijing date the document would bear. */
  today: string;
  /**
   * The user taking the step an approval form (立案审批表, 结案审批表) is issued with: its 机关负责人, whose
   * opinion it must carry. Absent for a document issued on its own.
   */
  approver?: string | undefined;
}

/** The approval forms: issued with their step, they are signed by the head taking it (agencyHead). */
export const APPROVAL_FORMS: ReadonlySet<DocumentKind> = new Set(['filing_approval', 'closing_approval']);

/** The form's approver and the day of approval, when it is issued with its step. */
function approverFields(f: CaseFacts): Record<string, FieldValue | undefined> {
  return f.approver ? { agencyHead: f.approver, agencyHeadDate: f.today } : {};
}

/** What the step being taken supplies (its form's payload), when the document is issued with a step. */
export type StepPayload = Readonly<Record<string, unknown>>;

const LEAD_SOURCES: Readonly<Record<string, string>> = {
  inspection: '监督检查',
  complaint: '投诉举报',
  referral: '其他机关移送',
  assignment: '上级机关交办',
  other: '其他',
};

const MAIN_PENALTIES: ReadonlySet<PenaltyKind> = new Set([
  'warning',
  'fine',
  'confiscate_illegal_gains',
  'confiscate_illegal_property',
]);

/** The case's party as a document party. */
export function documentParty(p: CaseFactsParty | null): Party {
  if (!p) return { kind: 'legal_person', name: '', uscc: '' };
  const extra = {
    ...(p.address ? { address: p.address } : {}),
    ...(p.phone ? { phone: p.phone } : {}),
  };
  switch (p.type) {
    case 'natural_person':
      return { kind: p.type, name: p.name, residentIdNumber: p.idNumber ?? '', ...extra };
    case 'individual_business':
      return {
        kind: p.type,
        name: p.name,
        uscc: p.idNumber ?? '',
        operatorName: p.representative ?? '',
        operatorResidentIdNumber: '',
        ...extra,
      };
    default:
      return {
        kind: p.type,
        name: p.name,
        uscc: p.idNumber ?? '',
        ...(p.representative ? { representative: p.representative } : {}),
        ...extra,
      };
  }
}

/** The officers of the team who sign (auxiliaries never do: 001 五(一)). */
export function signingOfficers(team: readonly CaseFactsOfficer[], ids?: readonly string[]): OfficerRef[] {
  return team
    .filter((m) => !m.isAuxiliary && m.certificateNo && (!ids || ids.includes(m.id)))
    .map((m) => ({ name: m.name, certificateNo: m.certificateNo as string }));
}

/** 涉嫌未取得食品经营许可从事食品经营活动案 → 未取得食品经营许可从事食品经营活动. */
export function caseCause(title: string): string {
  return title.replace(/[一]?案(（[^）]*）)?$/, '').replace(/^涉嫌/, '');
}

/** The penalty fields of a rights notice or decision (templates/common.ts) for these terms. */
export function penaltyDocumentFields(p: PenaltyTerms | null | undefined): Record<string, FieldValue> {
  if (!p?.kinds?.length) return {};
  const out: Record<string, FieldValue> = {};
  if (p.kinds.includes('warning')) out.warning = '是';
  if (p.kinds.includes('fine') && p.fineFen !== undefined) out.fineFen = p.fineFen;
  if (p.kinds.includes('confiscate_illegal_gains') && p.confiscatedGainsFen !== undefined)
    out.confiscatedIncomeFen = p.confiscatedGainsFen;
  const others = p.kinds.filter((k) => !MAIN_PENALTIES.has(k)).map((k) => PENALTY_KIND_LABELS[k]);
  if (others.length) out.otherPenalties = others;
  return out;
}

/**
 * The fields whose value the case (or the step) decides: the form shows them read-only, and
 * agreement.ts refuses a document that says otherwise.
 */
export const FROM_CASE: Readonly<Partial<Record<DocumentKind, readonly string[]>>> = {
  filing_approval: [],
  penalty_rights_notice: [
    'filingDate',
    'warning',
    'fineFen',
    'confiscatedIncomeFen',
    'otherPenalties',
    'hearingRight',
  ],
  penalty_decision: ['filingDate', 'warning', 'fineFen', 'confiscatedIncomeFen', 'otherPenalties'],
  hearing_notice: ['requestDate'],
  coercive_measure_decision: ['startDate'],
  closing_approval: ['filingDate', 'decisionNumber'],
  on_spot_penalty_decision: ['warning', 'fineFen'],
  // Everything but the page itself is the round's and the step's: the opinion is the reviewer's step.
  legal_review_opinion: [
    'caseName',
    'party',
    'submitter',
    'submittedOn',
    'round',
    'proposal',
    'findings',
    'opinion',
    'reasons',
    'reviewer',
    'reviewedOn',
  ],
};

/** The service methods as the 送达回证 prints them (the serve step's choices). */
export const SERVICE_METHOD_LABELS: Readonly<Record<string, string>> = {
  direct: '直接送达',
  left_at_address: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
};

/** 警告；罚款人民币3,000.00元。 — the decided penalty in a sentence, for the closing form. */
export function penaltySummary(p: PenaltyTerms | null | undefined): string | undefined {
  if (!p?.kinds?.length) return undefined;
  const parts = p.kinds.map((k) => {
    if (k === 'fine' && p.fineFen !== undefined) return `罚款人民币${formatYuan(p.fineFen)}元`;
    if (k === 'confiscate_illegal_gains' && p.confiscatedGainsFen !== undefined)
      return `没收违法所得人民币${formatYuan(p.confiscatedGainsFen)}元`;
    return PENALTY_KIND_LABELS[k];
  });
  return `${parts.join('；')}。`;
}

/**
 * The opinion a 法制审核意见书 states: the `record_review_opinion` step's payload where the document is
 * issued with it, else the latest round's recorded opinion; the reviewer is the one the round is assigned
 * to (蚌埠任务分解方案 item 32: only they answer it). Undefined parts are what neither says yet.
 */
export function reviewOpinionOf(s: CaseSnapshot, payload: StepPayload) {
  const r = lastRound(s);
  const recorded = r?.opinion;
  const kind = typeof payload.opinion === 'string' ? payload.opinion : recorded?.kind;
  const findings = Array.isArray(payload.findings)
    ? (payload.findings as ReviewFinding[])
    : (recorded?.findings ?? []);
  return {
    round: r,
    opinion: kind ? REVIEW_OPINION_TEXT[kind as keyof typeof REVIEW_OPINION_TEXT] : undefined,
    reasons: typeof payload.reasons === 'string' ? payload.reasons.trim() : recorded?.reasons,
    reviewer: recorded?.reviewerName ?? r?.reviewerName,
    findings: findingRows(findings),
  };
}

/** The 审核内容清单 rows in the checklist's order (item 30), for the points the reviewer found on. */
export function findingRows(findings: readonly ReviewFinding[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const p of REVIEW_CHECKLIST) {
    const f = findings.find((x) => x?.point === p.point);
    if (!f) continue;
    const note = typeof f.note === 'string' ? f.note.trim() : '';
    rows.push({ point: p.label, result: f.ok ? FINDING_TEXT.ok : FINDING_TEXT.problem, note });
  }
  return rows;
}

/** The latest issued document of a kind. */
export function lastDocument(f: CaseFacts, kind: DocumentKind) {
  return [...f.documents].reverse().find((d) => d.kind === kind);
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function evidenceList(f: CaseFacts): string[] {
  const records = f.documents
    .filter((d) => d.kind === 'inspection_record' || d.kind === 'inquiry_record')
    .map((d) => (d.kind === 'inspection_record' ? '现场检查（勘验）笔录' : '询问笔录'));
  return [...new Set([...records, ...f.evidenceTitles])];
}

/**
 * The draft of a document of `kind` for the case, with the step's payload where the step issues it.
 * Fields the case cannot answer are left out (the form shows them empty and required).
 */
export function draftDocument(kind: DocumentKind, f: CaseFacts, payload: StepPayload = {}): DocumentData {
  const s = f.snapshot;
  const d = s.dates;
  const today = f.today;
  const team = signingOfficers(f.team, s.teamOfficerIds);
  const party = documentParty(f.party);
  const cause = caseCause(f.title);
  const penalty = (payload.penalty as PenaltyTerms | undefined) ?? s.penalty ?? undefined;
  const firstOfficer = team[0]?.name ?? '';
  const contact = { contactPerson: firstOfficer };
  const notice = lastDocument(f, 'penalty_rights_notice')?.data;
  const fromNotice = (key: string): FieldValue | undefined => {
    const v = notice?.[key];
    return v === null || v === undefined ? undefined : v;
  };
  const compact = (o: Record<string, FieldValue | null | undefined>): DocumentData =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  switch (kind) {
    case 'filing_approval':
      return compact({
        caseCause: `涉嫌${cause}`,
        caseSource: LEAD_SOURCES[str(f.openPayload.source)],
        leadDate: f.leadDate ?? today,
        party,
        summary: str(f.openPayload.summary),
        handlers: team,
        handlerOpinion: team.length ? `建议立案，由${team.map((o) => o.name).join('、')}承办。` : undefined,
        handlerDate: today,
        ...approverFields(f),
      });
    case 'inspection_record':
      return compact({
        place: f.party?.address ?? undefined,
        party,
        officers: team,
        recorder: team[1]?.name ?? firstOfficer,
        avRecorded: f.requiresAv ? '是' : '否',
      });
    case 'inquiry_record':
      return compact({
        interviewee: f.party?.type === 'natural_person' ? party : undefined,
        officers: team,
        recorder: team[1]?.name ?? firstOfficer,
        caseCause: `涉嫌${cause}`,
      });
    case 'penalty_rights_notice':
      return compact({
        party,
        caseCause: cause,
        filingDate: d.filedOn,
        facts: fromNotice('facts'),
        evidence: evidenceList(f),
        violatedProvision: f.legalBasis,
        penaltyBasis: f.legalBasis,
        ...penaltyDocumentFields(penalty),
        // Settled by the rules from the penalty (行政处罚法 art. 63); the check holds the notice to it.
        hearingRight: payload.penalty || s.penalty ? (s.hearingEligible ? '是' : '否') : undefined,
        ...contact,
      });
    case 'hearing_notice': {
      const host = f.team.find((m) => m.id === payload.hostOfficerId)?.name;
      const date = str(payload.hearingDate);
      return compact({
        party,
        caseCause: cause,
        requestDate: d.hearingRequestedOn,
        hearingTime: date ? `${date}T09:00` : undefined,
        presidingOfficer: host,
        ...contact,
      });
    }
    case 'penalty_decision':
      // What the rights notice told the party is what the decision rests on (行政处罚法 arts. 44-45).
      return compact({
        party,
        caseCause: cause,
        filingDate: d.filedOn,
        facts: fromNotice('facts'),
        evidence: (fromNotice('evidence') as FieldValue | undefined) ?? evidenceList(f),
        violatedProvision: fromNotice('violatedProvision') ?? f.legalBasis,
        penaltyBasis: fromNotice('penaltyBasis') ?? f.legalBasis,
        ...penaltyDocumentFields(penalty),
      });
    case 'service_receipt': {
      const decision = lastDocument(f, 'penalty_decision');
      const method = SERVICE_METHOD_LABELS[str(payload.method)];
      return compact({
        documents: decision ? [`行政处罚决定书（${decision.number ?? ''}）`] : undefined,
        recipient: f.party?.name,
        servicePlace: f.party?.address ?? undefined,
        serviceMethod: method ?? '直接送达',
        servers: team,
      });
    }
    case 'coercive_measure_decision': {
      const start = str(payload.appliedOn) || today;
      return compact({
        party,
        measure: f.openPayload.measure === 'seal' ? '查封' : '扣押',
        caseCause: `涉嫌${cause}`,
        facts: str(f.openPayload.reason),
        legalBasis: f.legalBasis,
        items: str(f.openPayload.property)
          ? [{ name: str(f.openPayload.property), spec: '', quantity: '', note: '' }]
          : undefined,
        startDate: start,
        // The decision states its term (行政强制法 art. 24(4), art. 25).
        endDate: addDays(start, f.coerciveTermDays),
      });
    }
    case 'on_spot_penalty_decision':
      return compact({
        party,
        caseCause: cause,
        violatedProvision: f.legalBasis,
        penaltyBasis: f.legalBasis,
        ...penaltyDocumentFields(penalty),
        officers: team,
      });
    case 'legal_review_opinion': {
      // The round the opinion answers is the case's open one (the last); the step fills in the rest.
      const o = reviewOpinionOf(s, payload);
      const r = o.round;
      return compact({
        caseName: f.title,
        party,
        submitter: r?.submittedBy.name,
        submittedOn: r?.submittedOn,
        round: r?.round,
        proposal: penaltySummary(r?.subject.penalty),
        findings: o.findings.length ? o.findings : undefined,
        opinion: o.opinion,
        reasons: o.reasons,
        reviewer: o.reviewer,
        reviewedOn: r?.opinion?.on ?? today,
      });
    }
    case 'closing_approval':
      return compact({
        caseCause: cause,
        filingDate: d.filedOn,
        decisionNumber: s.documentNo ?? undefined,
        party,
        decisionSummary: penaltySummary(s.penalty),
        executionStatus:
          d.executedOn && s.paidFen
            ? `当事人已于${formatDate(d.executedOn)}缴清罚没款人民币${formatYuan(s.paidFen)}元。`
            : d.executedOn
              ? `行政处罚决定已于${formatDate(d.executedOn)}执行完毕。`
              : undefined,
        closingGround: '行政处罚决定执行完毕',
        handlers: team,
        handlerOpinion: '建议结案。',
        handlerDate: today,
        ...approverFields(f),
      });
  }
}
