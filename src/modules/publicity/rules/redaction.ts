/**
 * Redaction (脱敏) of a decision before it is published. 行政处罚法 art. 48: a published decision must not
 * disclose personal information; 个人信息保护法 arts. 28–29 (sensitive personal information: health,
 * financial accounts, identity numbers). The engine finds what must go and proposes the result; an
 * officer sees the proposal (`findPersonalData`), may mark further passages (`manual`), and publishes
 * the outcome of `redactText`. Pure: no I/O except jieba's dictionary, read once on first use.
 *
 * Sources, in order of trust: the party data the case holds (name, ID number, phone, address, the other
 * people it names), exact in any spacing; numbers by shape and checksum (redaction-digits.ts); names
 * after cue words by jieba's segmentation and person tags (redaction-names.ts); home addresses and
 * health clauses by cue words and jieba's words (redaction-clauses.ts). What is public stays: officers'
 * names (亮证执法), an organisation's name, legal representative, USCC and registered address.
 */
import { validateResidentId } from '../../../platform/identifiers/resident-id.ts';
import { validateUscc } from '../../../platform/identifiers/uscc.ts';
import { findHealth, findHomeAddresses } from './redaction-clauses.ts';
import { digitValue, findNumbers, flexibleNumberPattern, widenBrackets } from './redaction-digits.ts';
import { cleanName, findCuedNames, maskPersonName, type NameMaskRule } from './redaction-names.ts';
import { type Token, tokenize } from './redaction-segment.ts';

export {
  COMPOUND_SURNAMES,
  maskPersonName,
  NAME_MASK_RULE_LABELS,
  type NameMaskRule,
} from './redaction-names.ts';

export type RedactionKind =
  | 'id_number'
  | 'phone'
  | 'bank_account'
  | 'address'
  | 'health'
  | 'person_name'
  | 'party_name'
  | 'manual';

export const REDACTION_KIND_LABELS: Record<RedactionKind, string> = {
  id_number: '身份证号码',
  phone: '电话号码',
  bank_account: '银行账号',
  address: '住址',
  health: '健康信息',
  person_name: '自然人姓名',
  party_name: '当事人姓名',
  manual: '人工标记',
};

/**
 * What replaces each kind. Other people's names are removed rather than masked (a witness's surname
 * plus the village can identify them); the party's name is masked by the agency's rule (张某某).
 */
export const REDACTION_REPLACEMENTS: Record<Exclude<RedactionKind, 'party_name'>, string> = {
  id_number: '[身份证号码已隐去]',
  phone: '[电话号码已隐去]',
  bank_account: '[银行账号已隐去]',
  address: '[住址已隐去]',
  health: '[健康信息已隐去]',
  person_name: '[姓名已隐去]',
  manual: '[内容已隐去]',
};
/** Our own replacements: never redacted again (redacting twice = once), and their words are no cues. */
const REPLACEMENT = /\[[^[\]\n]{1,12}已隐去\]/g;

export type PartyType = 'natural_person' | 'legal_person' | 'other_organisation' | 'individual_business';

export interface RedactionSubject {
  partyType: PartyType;
  /** Masked only for a natural person; an organisation's and an individual business's name stay. */
  partyName: string;
  /** Resident ID (natural person, removed) or USCC (organisations: public, kept). */
  partyIdNumber?: string | null;
  /** 法定代表人 of an organisation (public) or 经营者 of an individual business (a natural person: masked). */
  representative?: string | null;
  /** A natural person's home address (removed). An organisation's or individual business's registered address stays. */
  address?: string | null;
  /** The party's phone: removed whatever the party type (it is often the owner's own mobile). */
  phone?: string | null;
  /** Other natural persons the case names (witnesses, family): removed. */
  knownPeople?: string[];
  /** Officers' names are public (亮证执法): never redacted. */
  officers?: string[];
}

export interface RedactionOptions {
  nameMask: NameMaskRule;
  /** Passages the officer marks: a text (every occurrence) or offsets in the original text. */
  manual?: Array<{ text: string } | { start: number; end: number }>;
  /** Public texts that must stay even if they look personal (the agency's phone, address, account). */
  keep?: string[];
}

/** Offsets are in the ORIGINAL text. */
export interface RedactionSpan {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
}
export interface RedactionResult {
  text: string;
  spans: RedactionSpan[];
}

interface Range {
  start: number;
  end: number;
}

/**
 * A valid USCC that is not also a valid resident ID: one in 31 resident IDs passes the USCC check too,
 * and a number that can be a person's ID is treated as one (the safe side).
 */
function isPublicCode(code: string): boolean {
  return validateUscc(code) === null && validateResidentId(code) !== null;
}

const isOrganisation = (s: RedactionSubject) =>
  s.partyType === 'legal_person' || s.partyType === 'other_organisation';

/** Every occurrence of `value` in `text`, allowing spaces between its characters (张  三) and full-width digits. */
function occurrences(text: string, value: string | null | undefined): Range[] {
  const chars = Array.from(cleanName(value ?? ''));
  if (chars.length < 2) return [];
  const parts = chars.map((c) => {
    const d = digitValue(c);
    return d === null
      ? c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      : `[${d}${String.fromCharCode(0xff10 + Number(d))}]`;
  });
  const pattern = new RegExp(parts.join('[\\s\\u3000\\u00a0]{0,3}'), 'g');
  return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

function patternRanges(text: string, pattern: RegExp | null): Range[] {
  if (!pattern) return [];
  return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;

/** Subject identifiers win over everything; manual marks too. Others yield to what is public. */
interface Candidate extends RedactionSpan {
  forced: boolean;
}

function candidates(text: string, subject: RedactionSubject, nameMask: NameMaskRule): Candidate[] {
  const out: Candidate[] = [];
  const add = (ranges: Range[], kind: RedactionKind, forced: boolean, replacement?: string) => {
    for (const r of ranges) {
      if (r.end <= r.start) continue;
      out.push({ ...r, kind, forced, replacement: replacement ?? REDACTION_REPLACEMENTS[kind as 'manual'] });
    }
  };
  const organisation = isOrganisation(subject);
  const id = subject.partyIdNumber?.trim().toUpperCase();
  if (id && !(subject.partyType !== 'natural_person' && isPublicCode(id))) {
    add(patternRanges(text, flexibleNumberPattern(id)), 'id_number', true);
  }
  const phone = subject.phone?.replace(/^\s*(?:\+|00)?86(?=1[3-9])/, '');
  if (phone) {
    const ranges = patternRanges(text, flexibleNumberPattern(phone, true)).map((r) => widenBrackets(text, r));
    add(ranges, 'phone', true);
  }
  if (subject.partyType === 'natural_person') {
    add(occurrences(text, subject.address), 'address', true);
    add(
      occurrences(text, subject.partyName),
      'party_name',
      true,
      maskPersonName(subject.partyName, nameMask),
    );
  }
  if (subject.partyType === 'individual_business' && subject.representative) {
    const masked = maskPersonName(subject.representative, nameMask);
    add(occurrences(text, subject.representative), 'party_name', false, masked);
  }
  for (const person of subject.knownPeople ?? []) add(occurrences(text, person), 'person_name', false);
  for (const n of findNumbers(text)) add([n], n.kind, false);

  const tokens: Token[] = tokenize(text);
  for (const name of findCuedNames(text, tokens)) add(occurrences(text, name), 'person_name', false);
  add(findHomeAddresses(text, tokens, !organisation), 'address', false);
  add(findHealth(text, tokens), 'health', false);
  return out;
}

/** What is public or already redacted: detected spans touching these are dropped. */
function protectedRanges(text: string, subject: RedactionSubject, keep: readonly string[]): Range[] {
  const ranges: Range[] = patternRanges(text, REPLACEMENT);
  for (const officer of subject.officers ?? []) ranges.push(...occurrences(text, officer));
  if (subject.partyType !== 'natural_person') ranges.push(...occurrences(text, subject.partyName));
  if (isOrganisation(subject)) ranges.push(...occurrences(text, subject.representative));
  for (const k of keep) ranges.push(...occurrences(text, k));
  // Valid USCCs are public registration data (GB 32100) and are never a phone or an ID number.
  for (const m of text.matchAll(/(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{18}(?![0-9A-Za-z])/g)) {
    if (isPublicCode(m[0])) ranges.push({ start: m.index, end: m.index + 18 });
  }
  return ranges;
}

function manualRanges(text: string, manual: RedactionOptions['manual']): Range[] {
  const ranges: Range[] = [];
  for (const mark of manual ?? []) {
    if ('text' in mark) {
      if (!mark.text) continue;
      for (let at = text.indexOf(mark.text); at >= 0; at = text.indexOf(mark.text, at + mark.text.length)) {
        ranges.push({ start: at, end: at + mark.text.length });
      }
    } else {
      const start = Math.max(0, Math.min(text.length, Math.floor(mark.start)));
      const end = Math.max(start, Math.min(text.length, Math.floor(mark.end)));
      ranges.push({ start, end });
    }
  }
  return ranges;
}

/**
 * Overlapping spans become one; the kind (and replacement) of the longest part names it, so a witness's
 * name inside a health clause is reported as the clause.
 */
function merge(spans: Candidate[]): RedactionSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Array<RedactionSpan & { longest: number }> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.longest) {
        last.kind = s.kind;
        last.replacement = s.replacement;
        last.longest = s.end - s.start;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({
        start: s.start,
        end: s.end,
        kind: s.kind,
        replacement: s.replacement,
        longest: s.end - s.start,
      });
    }
  }
  return out.map(({ longest: _, ...span }) => span);
}

function spansFor(text: string, subject: RedactionSubject, options: RedactionOptions): RedactionSpan[] {
  const keep = protectedRanges(text, subject, options.keep ?? []);
  const found = candidates(text, subject, options.nameMask).filter(
    (c) => c.forced || !keep.some((k) => overlaps(c, k)),
  );
  for (const r of manualRanges(text, options.manual)) {
    if (r.end > r.start)
      found.push({ ...r, kind: 'manual', forced: true, replacement: REDACTION_REPLACEMENTS.manual });
  }
  return merge(found);
}

/**
 * What `redactText` would remove without the officer's marks, for the preview shown before publishing.
 * `options` defaults to the 张某某 rule.
 */
export function findPersonalData(
  text: string,
  subject: RedactionSubject,
  options: Partial<RedactionOptions> = {},
): RedactionSpan[] {
  return spansFor(text, subject, {
    nameMask: options.nameMask ?? 'surname_mou_mou',
    keep: options.keep ?? [],
  });
}

/** The published text: every span replaced by its Chinese replacement. Deterministic and idempotent. */
export function redactText(
  text: string,
  subject: RedactionSubject,
  options: RedactionOptions,
): RedactionResult {
  const spans = spansFor(text, subject, options);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.replacement;
    at = s.end;
  }
  return { text: out + text.slice(at), spans };
}
