import { dateInShanghai } from '../../platform/calendar/rules.ts';
import type { Db } from '../../platform/db/index.ts';
import * as store from './store.ts';

// 案号: the number a filed case carries on every document and in every register, one sequence per agency
// and year, taken in the filing transaction so that a refused filing leaves no gap.

/** The platform's pattern when the agency has set none: 蚌市监立〔2026〕7号. */
export const DEFAULT_CASE_NUMBER_PATTERN = '{机关代字}立〔{年}〕{序号}号';

/**
 * Why an agency's pattern cannot number its cases, or null: it must hold {序号} (else two cases would
 * share a number) and {年} (the sequence restarts each year), and no other placeholder.
 */
export function casePatternProblem(pattern: string): string | null {
  if (pattern.length > 40) return '案号格式不能超过 40 个字符';
  if (!pattern.includes('{序号}')) return '案号格式须含“{序号}”';
  if (!pattern.includes('{年}')) return '案号格式须含“{年}”（序号每年重新编排）';
  const unknown = [...pattern.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((k) => !['机关代字', '年', '序号'].includes(k ?? ''));
  return unknown.length ? `案号格式中的“{${unknown[0]}}”不可用，可用：{机关代字}、{年}、{序号}` : null;
}

/** The pattern with its placeholders filled; an unknown placeholder stays as typed, so it shows. */
export function formatCaseNumber(
  pattern: string,
  v: { abbreviation: string; year: number; seq: number },
): string {
  return pattern
    .replaceAll('{机关代字}', v.abbreviation)
    .replaceAll('{年}', String(v.year))
    .replaceAll('{序号}', String(v.seq));
}

/**
 * Takes the agency's next 案号 inside the caller's transaction. The year is the filing day's in Beijing
 * time (a case filed at 00:30 on 1 January belongs to the new year), as document numbers are dated.
 * Without document settings the agency's name stands in for its abbreviation, as in document numbers.
 */
export async function takeCaseNumber(
  tx: Db,
  agency: { id: string; name: string },
  now: Date,
): Promise<string> {
  const year = Number(dateInShanghai(now).slice(0, 4));
  const settings = await store.findDocumentSettings(tx, agency.id);
  const seq = await store.nextCaseNumberSeq(tx, agency.id, year);
  return formatCaseNumber(settings?.caseNumberPattern || DEFAULT_CASE_NUMBER_PATTERN, {
    abbreviation: settings?.abbreviation ?? agency.name.slice(0, 4),
    year,
    seq,
  });
}
