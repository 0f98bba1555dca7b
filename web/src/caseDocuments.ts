// Starting data for the 文书 a step issues, built from what the case already records (party, team,
// dates, penalty) in the field keys of the server's templates (src/modules/cases/documents/templates).
// What only people know (facts, evidence, the 复议机关 …) is left empty for the user to fill in; the
// server checks the data and names any field still missing.

import { todayInShanghai } from './caseFormat.ts';
import { DOCUMENT_LABELS, PENALTY_KIND_LABELS } from './caseLabels.ts';
import type { CaseDetail, CaseParty, PenaltyTerms } from './caseTypes.ts';

export type DocData = Record<string, unknown>;

export interface DocContext {
  c: CaseDetail;
  /** The step's payload as the form holds it now (penalty terms, dates, officer ids). */
  payload?: Record<string, unknown>;
  /** The item's 实施依据 (GET /api/items/:id). */
  legalBasis?: string;
  /** Name of the user preparing the document. */
  userName?: string;
}

function compact(o: Record<string, unknown>): DocData {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** The case's party as a document party (documents/types.ts `Party`). */
export function documentParty(p: CaseParty | null): DocData {
  if (!p) return { kind: 'legal_person', name: '', uscc: '' };
  const extra = { address: p.address ?? undefined, phone: p.phone ?? undefined };
  switch (p.type) {
    case 'natural_person':
      return compact({ kind: p.type, name: p.name, residentIdNumber: p.idNumber ?? '', ...extra });
    case 'individual_business':
      return compact({
        kind: p.type,
        name: p.name,
        uscc: p.idNumber ?? '',
        operatorName: p.representative ?? '',
        operatorResidentIdNumber: '',
        ...extra,
      });
    default:
      return compact({
        kind: p.type,
        name: p.name,
        uscc: p.idNumber ?? '',
        representative: p.representative ?? undefined,
        ...extra,
      });
  }
}

function officers(c: CaseDetail) {
  return c.team
    .filter((m) => !m.isAuxiliary && m.certificateNo)
    .map((m) => ({ name: m.name, certificateNo: m.certificateNo }));
}

/** 涉嫌未取得食品经营许可从事食品经营活动案 → 未取得食品经营许可从事食品经营活动. */
function cause(c: CaseDetail): string {
  return c.title.replace(/[一]?案$/, '').replace(/^涉嫌/, '');
}

function evidence(c: CaseDetail): string[] {
  const docs = c.documents
    .filter((d) => d.kind === 'inspection_record' || d.kind === 'inquiry_record')
    .map((d) => DOCUMENT_LABELS[d.kind] ?? d.kind);
  return [...new Set([...docs, ...c.evidence.map((e) => e.title)])];
}

/** The penalty fields shared by the decision and the rights notice (templates/common.ts penaltyFields). */
function penaltyDocFields(p: PenaltyTerms | null | undefined): DocData {
  if (!p?.kinds?.length) return {};
  const main = new Set(['warning', 'fine', 'confiscate_illegal_gains', 'confiscate_illegal_property']);
  const others = p.kinds.filter((k) => !main.has(k)).map((k) => PENALTY_KIND_LABELS[k] ?? k);
  return compact({
    warning: p.kinds.includes('warning') ? '是' : undefined,
    confiscatedIncomeFen: p.confiscatedGainsFen,
    confiscatedProperty: p.kinds.includes('confiscate_illegal_property') ? '' : undefined,
    fineFen: p.fineFen,
    otherPenalties: others.length ? others : undefined,
  });
}

function openPayload(c: CaseDetail): Record<string, unknown> {
  return c.events.find((e) => e.action === 'open')?.payload ?? {};
}

const LEAD_SOURCES: Record<string, string> = {
  inspection: '监督检查',
  complaint: '投诉举报',
  referral: '其他机关移送',
  assignment: '上级机关交办',
  other: '其他',
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Starting data of a document of `kind` for this case. */
export function documentTemplate(kind: string, ctx: DocContext): DocData {
  const { c, payload = {}, legalBasis = '' } = ctx;
  const today = todayInShanghai();
  const dates = c.snapshot.dates ?? {};
  const filingDate = dates.filedOn ?? dates.openedOn ?? today;
  const team = officers(c);
  const party = documentParty(c.party);
  const penalty = (payload.penalty as PenaltyTerms | undefined) ?? c.snapshot.penalty ?? undefined;
  const firstOfficer = team[0]?.name ?? '';
  const contact = { contactPerson: firstOfficer, contactPhone: '', agencyAddress: '' };
  const common = { reviewAuthority: '', court: '' };
  switch (kind) {
    case 'filing_approval':
      return {
        caseCause: `涉嫌${cause(c)}`,
        caseSource: LEAD_SOURCES[String(openPayload(c).source ?? '')] ?? '',
        leadDate: dates.openedOn ?? today,
        party,
        summary: String(openPayload(c).summary ?? ''),
        handlers: team,
        handlerOpinion: `建议立案，由${team.map((o) => o.name).join('、')}承办。`,
        handlerDate: today,
      };
    case 'inspection_record':
      return {
        startTime: `${today}T09:00`,
        endTime: `${today}T10:00`,
        place: c.party?.address ?? '',
        party,
        officers: team,
        recorder: team[1]?.name ?? firstOfficer,
        findings: String(payload.findings ?? ''),
        avRecorded: c.item?.requiresAv ? '是' : '否',
      };
    case 'inquiry_record':
      return {
        startTime: `${today}T14:00`,
        endTime: `${today}T15:00`,
        place: '',
        interviewee:
          c.party?.type === 'natural_person'
            ? party
            : { kind: 'natural_person', name: '', residentIdNumber: '' },
        officers: team,
        recorder: team[1]?.name ?? firstOfficer,
        caseCause: `涉嫌${cause(c)}`,
        qa: [{ q: '', a: '' }],
      };
    case 'penalty_rights_notice':
      return {
        party,
        caseCause: cause(c),
        filingDate,
        facts: '',
        evidence: evidence(c),
        violatedProvision: legalBasis,
        penaltyBasis: legalBasis,
        ...penaltyDocFields(penalty),
        hearingRight: c.snapshot.hearingEligible ? '是' : '否',
        ...contact,
      };
    case 'hearing_notice': {
      const host = c.team.find((m) => m.id === payload.hostOfficerId)?.name ?? '';
      const date = typeof payload.hearingDate === 'string' ? payload.hearingDate : '';
      return compact({
        party,
        caseCause: cause(c),
        requestDate: dates.hearingRequestedOn,
        hearingTime: date ? `${date}T09:00` : '',
        hearingPlace: '',
        presidingOfficer: host,
        clerk: '',
        ...contact,
      });
    }
    case 'penalty_decision':
      return {
        party,
        caseCause: cause(c),
        filingDate,
        facts: '',
        evidence: evidence(c),
        violatedProvision: legalBasis,
        penaltyBasis: legalBasis,
        ...penaltyDocFields(penalty),
        ...common,
      };
    case 'service_receipt': {
      const decision = c.documents.find((d) => d.kind === 'penalty_decision');
      return {
        documents: decision ? [`行政处罚决定书（${decision.number ?? ''}）`] : [],
        recipient: c.party?.name ?? '',
        servicePlace: c.party?.address ?? '',
        serviceMethod: '直接送达',
        servers: team,
      };
    }
    case 'coercive_measure_decision': {
      const open = openPayload(c);
      const start = typeof payload.appliedOn === 'string' ? payload.appliedOn : today;
      return {
        party,
        measure: open.measure === 'seal' ? '查封' : '扣押',
        caseCause: `涉嫌${cause(c)}`,
        facts: String(open.reason ?? ''),
        legalBasis,
        items: [{ name: String(open.property ?? ''), spec: '', quantity: '', note: '' }],
        startDate: start,
        endDate: addDays(start, 30),
        custodyPlace: '',
        ...common,
      };
    }
    case 'closing_approval':
      return {
        caseCause: cause(c),
        filingDate,
        decisionNumber: c.snapshot.documentNo ?? '',
        party,
        decisionSummary: '',
        executionStatus: '',
        closingGround: '行政处罚决定执行完毕',
        handlers: team,
        handlerOpinion: '建议结案。',
        handlerDate: today,
      };
    default:
      return {};
  }
}
