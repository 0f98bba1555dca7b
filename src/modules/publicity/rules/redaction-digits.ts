/**
 * Numbers that identify a natural person in free text — 居民身份证号码, phone numbers, bank accounts —
 * found by shape and checksum in any spacing (行政处罚法 art. 48: published decisions must not disclose
 * personal information). Pure; part of the redaction engine (redaction.ts).
 *
 * The text is read as chains of digit groups: ASCII or full-width digits, joined by at most three
 * separators (spaces, ideographic space, hyphens, dashes, brackets), so `3401 0319 9001 0112 34`,
 * `３４０１…`, `138-5520-1234` and `(0552)1234567` are each one candidate. Within a chain, the longest
 * run of whole groups that is a valid number wins, so two numbers side by side are found separately.
 */
import { isIsoDate } from '../../../platform/identifiers/date.ts';
import { PROVINCE_CODES } from '../../../platform/identifiers/region-code.ts';
import { validateResidentId } from '../../../platform/identifiers/resident-id.ts';

export type DigitKind = 'id_number' | 'phone' | 'bank_account';
export interface DigitSpan {
  start: number;
  end: number;
  kind: DigitKind;
}

const FULL_WIDTH_ZERO = 0xff10;
/** ASCII value of an ASCII or full-width digit, or null. */
export function digitValue(ch: string | undefined): string | null {
  if (ch === undefined) return null;
  if (ch >= '0' && ch <= '9') return ch;
  const c = ch.charCodeAt(0) - FULL_WIDTH_ZERO;
  return c >= 0 && c <= 9 ? String(c) : null;
}
const isCheckX = (ch: string | undefined) => ch !== undefined && 'xXＸｘ'.includes(ch);
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-zＡ-Ｚａ-ｚ]/.test(ch);
export const SEPARATOR_CLASS = '\\s\\u3000\\u00a0\\-－–—‐()（）';
const SEPARATOR = new RegExp(`^[${SEPARATOR_CLASS}]{1,3}$`);

/** Province-level codes a resident ID may start with (GB 11643 uses 83 for 台湾居民居住证). */
const ID_PROVINCES: ReadonlySet<string> = new Set([...PROVINCE_CODES, '83']);

/** A 15-digit 居民身份证号码 (issued before 1999): address code, YYMMDD born in the 1900s, sequence. */
function isOldResidentId(s: string): boolean {
  return (
    /^\d{15}$/.test(s) &&
    ID_PROVINCES.has(s.slice(0, 2)) &&
    isIsoDate(`19${s.slice(6, 8)}-${s.slice(8, 10)}-${s.slice(10, 12)}`)
  );
}

/** Luhn (ISO/IEC 7812) check digit test, used by UnionPay and international bank cards. */
export function luhnValid(s: string): boolean {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = Number(s[s.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const MOBILE = /^(?:86|0086)?1[3-9]\d{9}$/;
/** 0 + area code (010, 02x, or 3 digits 03x–09x) + 7–8 digit local number not starting with 0 or 1. */
const LANDLINE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;

// Context read backwards from a number, within its clause.
const BANK_CUE = /(账号|帐号|卡号|账户|帐户|银行卡|开户行|开户银行|收款码)[^，。；;\n]{0,12}$/;
/** Numbers of documents and licences, and officers' certificate numbers: public, never a person's. */
const CODE_WORDS =
  '(?<!身份)证号|(?<!身份)证件编号|执法证|注册号|许可证|编号|备案号|文号|案号|单号|批号|发票号|车牌|号牌|登记号';
/** Right after a code word, or later in a list it starts (执法证号：皖34030012345、13405012345). */
const CODE_CUE = new RegExp(`(?:${CODE_WORDS})(?:[^，。；;\\n、]{0,10}|[^，。；;\\n]{0,40}、)$`);
/** Accounts the fine is paid into (财政专户, 国库) are the agency's and are published on purpose. */
const PUBLIC_ACCOUNT_CUE = /(财政|国库|非税|代收|收款单位|收款人|缴款账户|罚没)[^。；;\n]{0,40}$/;
/** The agency's own office, supervision and complaint numbers are public; a mobile number never is. */
const PUBLIC_PHONE_CUE =
  /(本局|本机关|本单位|本委|本厅|本大队|本支队|执法机关|监督电话|咨询电话|投诉举报电话|举报电话|投诉电话|服务热线|办公电话)[^。；;\n]{0,24}$/;

interface Group {
  start: number;
  end: number; // exclusive, after a check X when there is one
  digits: string;
  x: boolean;
  attached: boolean; // glued to Latin letters: a code (USCC, licence, plate), not a personal number
}

function groups(text: string): Group[][] {
  const chains: Group[][] = [];
  let chain: Group[] = [];
  let i = 0;
  while (i < text.length) {
    if (digitValue(text[i]) === null) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    while (digitValue(text[i]) !== null) digits += digitValue(text[i++]);
    let x = false;
    if (isCheckX(text[i]) && !isLatin(text[i + 1]) && digitValue(text[i + 1]) === null) {
      x = true;
      i++;
    }
    const attached = isLatin(text[start - 1]) || (!x && isLatin(text[i]));
    const previous = chain[chain.length - 1];
    if (previous && !previous.x && SEPARATOR.test(text.slice(previous.end, start))) {
      chain.push({ start, end: i, digits, x, attached });
    } else {
      if (chain.length > 0) chains.push(chain);
      chain = [{ start, end: i, digits, x, attached }];
    }
  }
  if (chain.length > 0) chains.push(chain);
  return chains;
}

function classify(
  text: string,
  digits: string,
  x: boolean,
  start: number,
  attached: boolean,
): DigitKind | null {
  const before = text.slice(Math.max(0, start - 48), start);
  if (x) return validateResidentId(`${digits}X`, 'id') === null ? 'id_number' : null;
  if (digits.length === 18 && validateResidentId(digits, 'id') === null) return 'id_number';
  if (attached) return null;
  const coded = CODE_CUE.test(before);
  if (digits.length === 15 && isOldResidentId(digits) && !coded) return 'id_number';
  if (MOBILE.test(digits) && !coded) return 'phone';
  if (LANDLINE.test(digits) && !coded && !PUBLIC_PHONE_CUE.test(before)) return 'phone';
  if (coded || PUBLIC_ACCOUNT_CUE.test(text.slice(Math.max(0, start - 60), start))) return null;
  if (BANK_CUE.test(before) && digits.length >= 10 && digits.length <= 25) return 'bank_account';
  if (digits.length >= 16 && digits.length <= 19 && /^(?:62|4|5)/.test(digits) && luhnValid(digits)) {
    return 'bank_account';
  }
  return null;
}

/** Every resident ID, phone number and personal bank account in `text`, with original offsets. */
export function findNumbers(text: string): DigitSpan[] {
  const found: DigitSpan[] = [];
  for (const chain of groups(text)) {
    let i = 0;
    while (i < chain.length) {
      let matched = false;
      for (let j = Math.min(chain.length - 1, i + 6); j >= i && !matched; j--) {
        const run = chain.slice(i, j + 1);
        const digits = run.map((g) => g.digits).join('');
        if (digits.length > 25) continue;
        const first = run[0]!;
        const kind = classify(
          text,
          digits,
          run[run.length - 1]!.x,
          first.start,
          run.some((g) => g.attached),
        );
        if (kind) {
          const plus = text[first.start - 1] === '+' || text[first.start - 1] === '＋' ? 1 : 0;
          const span = widenBrackets(text, { start: first.start - plus, end: run[run.length - 1]!.end });
          found.push({ ...span, kind });
          i = j + 1;
          matched = true;
        }
      }
      // Digits left unexplained before a match would mean a longer number read in pieces (an account
      // of the agency's, refused by its context, is not a landline from its fourth group on).
      if (!matched) {
        if (chain[i]!.digits.length > 2) break;
        i++;
      }
    }
  }
  return found;
}

/**
 * A pattern matching `value` in any spacing, with full-width digits and either case of X, for the
 * subject's own numbers: they go wherever they appear, even when a checksum is off.
 */
export function flexibleNumberPattern(value: string, phone = false): RegExp | null {
  const chars = Array.from(value).filter((c) => digitValue(c) !== null || isCheckX(c) || isLatin(c));
  if (chars.filter((c) => digitValue(c) !== null).length < 5) return null;
  const parts = chars.map((c) => {
    const d = digitValue(c);
    if (d !== null) return `[${d}${String.fromCharCode(FULL_WIDTH_ZERO + Number(d))}]`;
    if (isCheckX(c)) return '[xXＸｘ]';
    return `[${c.toLowerCase()}${c.toUpperCase()}]`;
  });
  const prefix = phone ? '(?:[+＋]?(?:86|８６)[\\s\\-]?)?' : '';
  const body = parts.join(`[${SEPARATOR_CLASS}]{0,3}`);
  return new RegExp(`(?<![0-9０-９])${prefix}${body}(?![0-9０-９])`, 'g');
}

/** `(0552)1234567`: the opening bracket of an area code belongs to the number. */
export function widenBrackets<T extends { start: number; end: number }>(text: string, span: T): T {
  const open = text[span.start - 1];
  const inner = text.slice(span.start, span.end);
  if ((open === '(' && inner.includes(')')) || (open === '（' && inner.includes('）'))) {
    return { ...span, start: span.start - 1 };
  }
  return span;
}
