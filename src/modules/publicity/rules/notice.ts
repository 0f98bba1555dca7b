import {
  DECISION_CATEGORY_LABELS,
  type DecisionCategory,
  PARTY_CATEGORY_LABELS,
  type PartyType,
  type PublicNotice,
  penaltyContent,
} from './publication.ts';
import {
  maskPersonName,
  type NameMaskRule,
  REDACTION_KIND_LABELS,
  type RedactionKind,
  type RedactionSubject,
  redactText,
} from './redaction.ts';

// The public notice of a decision (P8), drafted from what the case records and redacted (P10) before a
// person sees it: the preview shows every passage removed, and publishing stores exactly this.

/** What the case module hands over (cases' DecisionRecord, restated so the rules need no I/O). */
export interface NoticeSource {
  category: DecisionCategory;
  decidedOn: string;
  title: string;
  itemName: string;
  itemLegalBasis: string;
  party: {
    type: PartyType;
    name: string;
    idNumber: string | null;
    representative: string | null;
    address: string | null;
    phone: string | null;
  } | null;
  decisionDocument: { kind: string; number: string | null; data: Readonly<Record<string, unknown>> } | null;
  penalty: {
    kinds: readonly string[];
    fineFen?: number | undefined;
    confiscatedGainsFen?: number | undefined;
    confiscatedPropertyFen?: number | undefined;
  } | null;
  penaltyKindLabels: readonly string[];
  outcomeLabel: string | null;
  otherPeople: readonly string[];
  officers: readonly string[];
}

export interface NoticeOptions {
  nameMask: NameMaskRule;
  /** Passages the officer marked for removal (every occurrence, in every text field). */
  manual: readonly string[];
}

/** One passage removed, for the person who publishes (staff only: `original` is personal data). */
export interface RemovedPassage {
  field: keyof PublicNotice;
  fieldLabel: string;
  kind: RedactionKind;
  kindLabel: string;
  original: string;
  replacement: string;
}

export const NOTICE_FIELD_LABELS: Readonly<Partial<Record<keyof PublicNotice, string>>> = {
  partyName: '执法对象',
  legalRepresentative: '法定代表人',
  caseCause: '违法行为类型（案由）',
  facts: '主要事实',
  violatedProvision: '违反的规定',
  legalBasis: '执法依据',
  content: '执法结论（处罚内容）',
};

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
/** 2026-03-02 → 2026年3月2日, as a notice writes a date in prose. */
const cnDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

function coerciveContent(data: Readonly<Record<string, unknown>>): string {
  const measure = str(data.measure) || '查封、扣押';
  const items = Array.isArray(data.items)
    ? data.items.map((i) => str((i as Record<string, unknown>)?.name)).filter(Boolean)
    : [];
  const term =
    data.startDate && data.endDate
      ? `，期限自${cnDate(str(data.startDate))}至${cnDate(str(data.endDate))}`
      : '';
  return `${measure}${items.length ? `：${items.join('、')}` : ''}${term}`;
}

function conclusionOf(s: NoticeSource): string {
  const data = s.decisionDocument?.data ?? {};
  switch (s.category) {
    case 'penalty':
      return s.penalty
        ? penaltyContent(
            s.penalty.kinds,
            {
              fineFen: s.penalty.fineFen,
              gainsFen: s.penalty.confiscatedGainsFen,
              propertyFen: s.penalty.confiscatedPropertyFen,
            },
            Object.fromEntries(s.penalty.kinds.map((k, i) => [k, s.penaltyKindLabels[i] ?? k])),
          )
        : '';
    case 'no_penalty':
      return '不予行政处罚';
    case 'coercive':
      return coerciveContent(data);
    case 'inspection':
      return s.outcomeLabel ? `检查结束：${s.outcomeLabel}` : '检查结束';
  }
}

/** The redaction subject of the case: who must not be identifiable, and who may be named. */
export function subjectOf(s: NoticeSource): RedactionSubject {
  const p = s.party;
  return {
    partyType: p?.type ?? 'legal_person',
    partyName: p?.name ?? '',
    partyIdNumber: p?.idNumber ?? null,
    representative: p?.representative ?? null,
    address: p?.address ?? null,
    phone: p?.phone ?? null,
    knownPeople: [...s.otherPeople],
    officers: [...s.officers],
  };
}

/** The notice as the portal will show it, and every passage taken out of it. */
export function draftNotice(
  s: NoticeSource,
  agency: { name: string; uscc: string },
  options: NoticeOptions,
): { notice: PublicNotice; removed: RemovedPassage[] } {
  const data = s.decisionDocument?.data ?? {};
  const subject = subjectOf(s);
  const manual = options.manual.filter((m) => m.trim() !== '').map((text) => ({ text }));
  const removed: RemovedPassage[] = [];
  const clean = (field: keyof PublicNotice, text: string): string => {
    if (!text) return text;
    const r = redactText(text, subject, { nameMask: options.nameMask, manual });
    for (const span of r.spans) {
      removed.push({
        field,
        fieldLabel: NOTICE_FIELD_LABELS[field] ?? field,
        kind: span.kind,
        kindLabel: REDACTION_KIND_LABELS[span.kind],
        original: text.slice(span.start, span.end),
        replacement: span.replacement,
      });
    }
    return r.text;
  };
  const p = s.party;
  const natural = p?.type === 'natural_person';
  // The USCC says how the subject is registered (GB 32100: 92 is a 个体工商户), whatever the case typed.
  const registeredIndividual = !natural && (p?.idNumber ?? '').startsWith('92');
  const partyType = p ? (registeredIndividual ? 'individual_business' : p.type) : null;
  let partyName = '';
  if (p) {
    if (natural) {
      partyName = maskPersonName(p.name, options.nameMask);
      removed.push({
        field: 'partyName',
        fieldLabel: '执法对象',
        kind: 'party_name',
        kindLabel: REDACTION_KIND_LABELS.party_name,
        original: p.name,
        replacement: partyName,
      });
    } else partyName = clean('partyName', p.name);
  }
  // An organisation's 法定代表人 is public in the business register; a 个体工商户's operator is a natural
  // person and is not named.
  const legalRepresentative =
    p && (partyType === 'legal_person' || partyType === 'other_organisation') && p.representative
      ? p.representative
      : null;
  const fine = s.penalty?.fineFen ?? null;
  const confiscated = (s.penalty?.confiscatedGainsFen ?? 0) + (s.penalty?.confiscatedPropertyFen ?? 0);
  const notice: PublicNotice = {
    agencyName: agency.name,
    agencyUscc: agency.uscc,
    category: s.category,
    categoryLabel: DECISION_CATEGORY_LABELS[s.category],
    itemName: s.itemName,
    partyName,
    partyCategory: partyType ? PARTY_CATEGORY_LABELS[partyType] : '',
    partyCode: p && !natural && p.idNumber ? p.idNumber : null,
    legalRepresentative,
    documentNumber: s.decisionDocument?.number ?? null,
    caseCause: clean('caseCause', str(data.caseCause) || s.title),
    facts: clean('facts', str(data.facts)),
    violatedProvision: clean('violatedProvision', str(data.violatedProvision)),
    legalBasis: clean('legalBasis', str(data.penaltyBasis) || str(data.legalBasis) || s.itemLegalBasis),
    penaltyKinds: [...s.penaltyKindLabels],
    content: clean('content', conclusionOf(s)),
    fineFen: s.category === 'penalty' && fine ? fine : null,
    confiscatedFen: s.category === 'penalty' && confiscated > 0 ? confiscated : null,
    decidedOn: s.decidedOn,
  };
  return { notice, removed };
}

/** How many passages of each kind were removed: stored with the notice (never what they were). */
export function redactionCounts(removed: readonly RemovedPassage[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of removed) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

/** Every text of the notice, for the search index. */
export function noticeText(n: PublicNotice): string {
  return [
    n.agencyName,
    n.itemName,
    n.partyName,
    n.partyCode ?? '',
    n.documentNumber ?? '',
    n.caseCause,
    n.facts,
    n.violatedProvision,
    n.legalBasis,
    n.content,
    n.categoryLabel,
  ].join(' ');
}
