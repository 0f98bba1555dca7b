// How field values are printed in 文书: dates 2026年3月2日, money 人民币50,000.00元 with the 大写 amount,
// officers with their 执法证号, parties as the 当事人 block of the 文书格式范本.
import type { FieldDef, FieldValue, OfficerRef, Party, QaPair, ResolvedParagraph } from './types.ts';

/** 2026-03-02 → 2026年3月2日 (Arabic numerals, as in the 文书格式范本). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** 2026-03-02T09:05 → 2026年3月2日9时05分. */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${formatDate(m[1]!)}${Number(m[2])}时${m[3]}分` : iso;
}

/** 5000000 → 50,000.00 */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/**
 * The amount in 大写 as on Chinese financial documents: 5000000 fen → 伍万元整, 1234567 → 壹万贰仟叁佰肆拾伍元陆角柒分,
 * 100500 → 壹仟零伍元整, 5 → 伍分. One 零 stands for any run of zeros inside the number.
 */
export function fenToChineseUpper(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`not a non-negative integer amount: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = '';
  const digits = String(yuan);
  let zero = false;
  for (let i = 0; yuan > 0 && i < digits.length; i++) {
    const d = Number(digits[i]);
    const pos = digits.length - 1 - i;
    if (d === 0) zero = true;
    else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + SMALL_UNITS[pos % 4]!;
    }
    // End of a group of four digits: 万 or 亿 unless the whole group is zero.
    if (pos % 4 === 0 && pos > 0 && Number(digits.slice(Math.max(0, i - 3), i + 1)) > 0) {
      out += BIG_UNITS[pos / 4]!;
    }
  }
  if (yuan > 0) out += '元';
  if (jiao === 0 && fenDigit === 0) return out === '' ? '零元整' : `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (out !== '') out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  else out += '整';
  return out;
}

const NUMERALS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (list numbering 一、二、…), up to 99. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}

export function formatOfficers(officers: readonly OfficerRef[], format?: string): string {
  if (format === 'names') return officers.map((o) => o.name).join('、');
  return officers.map((o) => `${o.name}（执法证号：${o.certificateNo}）`).join('、');
}

export const PARTY_KIND_LABELS: Readonly<Record<Party['kind'], string>> = {
  natural_person: '自然人',
  legal_person: '法人',
  other_organisation: '其他组织',
  individual_business: '个体工商户',
};

/** The identifying number of a party with its label, e.g. 统一社会信用代码：9134…. */
export function partyIdLine(party: Party): string {
  if (party.kind === 'natural_person') return `身份证号码：${party.residentIdNumber}`;
  return `统一社会信用代码：${party.uscc}`;
}

/** The 当事人 block of a notice or decision: one unindented line per item, as in the 范本. */
export function partyLines(party: Party, label = '当事人'): ResolvedParagraph[] {
  const line = (text: string): ResolvedParagraph => ({ text, indent: false });
  if (party.kind === 'natural_person') {
    const lines = [
      line(`${label}：${party.name}${party.sex ? `，${party.sex}` : ''}`),
      line(partyIdLine(party)),
    ];
    if (party.address) lines.push(line(`住址：${party.address}`));
    if (party.workUnit) lines.push(line(`工作单位：${party.workUnit}`));
    return lines;
  }
  if (party.kind === 'individual_business') {
    const lines = [line(`${label}：${party.name}（个体工商户）`), line(partyIdLine(party))];
    if (party.address) lines.push(line(`经营场所：${party.address}`));
    lines.push(line(`经营者：${party.operatorName}，身份证号码：${party.operatorResidentIdNumber}`));
    return lines;
  }
  const lines = [line(`${label}：${party.name}`), line(partyIdLine(party))];
  if (party.address) lines.push(line(`住所：${party.address}`));
  if (party.representative) {
    lines.push(line(`${party.kind === 'legal_person' ? '法定代表人' : '负责人'}：${party.representative}`));
  }
  return lines;
}

/** A one-line description of a party for a form cell. */
export function partySummary(party: Party): string {
  return `${party.name}（${PARTY_KIND_LABELS[party.kind]}，${partyIdLine(party)}）`;
}

/** `{{key|format}}`: formats a value of a field of the given type. Formats: see README in templates.ts. */
export function formatValue(field: FieldDef | undefined, value: unknown, format?: string): string {
  if (value === undefined || value === null) return '';
  switch (field?.type) {
    case 'date':
      return typeof value === 'string' ? formatDate(value) : '';
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value) : '';
    case 'money_fen': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return '';
      if (format === 'upper') return fenToChineseUpper(value);
      if (format === 'yuan') return `${formatYuan(value)}元`;
      if (format === 'full') return `人民币${formatYuan(value)}元（大写：${fenToChineseUpper(value)}）`;
      return `人民币${formatYuan(value)}元`;
    }
    case 'officers':
      return Array.isArray(value) ? formatOfficers(value as OfficerRef[], format) : '';
    case 'party':
      return typeof value === 'object' ? ((value as Party).name ?? '') : '';
    case 'list':
      return Array.isArray(value) ? (value as string[]).join('、') : '';
    case 'qa':
      return Array.isArray(value) ? (value as QaPair[]).map((p) => `问：${p.q}\n答：${p.a}`).join('\n') : '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

export function isFilled(value: FieldValue | null | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
