import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isIsoDate, todayInShanghai } from '../../platform/identifiers/date.ts';
import * as org from '../org/service.ts';
import {
  DECISION_CATEGORIES,
  type DecisionCategory,
  queryTokens,
  statusOn,
  WITHDRAWAL_REASON_LABELS,
  type WithdrawalReason,
} from './rules/publication.ts';
import * as store from './store.ts';

// The portal's reads of published decisions (P8, P13): only what was published, as it was published —
// never the case. Withdrawn notices show their reason, not their content; expired ones are gone.

/** 10 KB of search text is not a search: a query is a few words (P13). */
export const SEARCH_QUERY_MAX = 100;

export interface DecisionQuery {
  q?: string | undefined;
  agencyId?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  view?: 'shown' | 'withdrawn' | undefined;
  page: number;
  pageSize: number;
}

/** Refuses what is not a search, each with its own code and nothing looked up. */
export function checkDecisionQuery(q: DecisionQuery) {
  const text = (q.q ?? '').trim();
  if (text.length > SEARCH_QUERY_MAX)
    throw new AppError('SEARCH_QUERY_TOO_LONG', `检索词不能超过${SEARCH_QUERY_MAX}个字`, 'q');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text) || /[\ud800-\udfff]/.test(text))
    throw new AppError('SEARCH_QUERY_INVALID', '检索词含有无法识别的字符', 'q');
  if (q.agencyId && !UUID_RE.test(q.agencyId))
    throw new AppError('VALIDATION_FAILED', '执法主体不正确', 'agencyId');
  if (q.category && !(DECISION_CATEGORIES as readonly string[]).includes(q.category))
    throw new AppError('VALIDATION_FAILED', '执法类别不正确', 'category');
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v && !isIsoDate(v))
      throw new AppError('INVALID_DATE', `${k === 'from' ? '起始日期' : '截止日期'}不是有效日期`, k);
  }
  if (q.from && q.to && q.from > q.to)
    throw new AppError('DATE_RANGE_INVERTED', '起始日期不能晚于截止日期', 'from');
  return text;
}

const agencyNames = async (db: Db) =>
  new Map((await org.listPublicAgencies(db)).map((a) => [a.id, { name: a.name, regionName: a.regionName }]));

function summary(r: store.PublicationRow, today: string) {
  const n = r.notice;
  const withdrawn = r.status === 'withdrawn';
  return {
    id: r.id,
    agencyId: r.agencyId,
    agencyName: n?.agencyName ?? '',
    category: r.category as DecisionCategory,
    categoryLabel: n?.categoryLabel ?? '',
    partyName: r.partyName ?? '',
    documentNumber: r.documentNumber,
    caseCause: withdrawn ? '' : (n?.caseCause ?? ''),
    content: withdrawn ? '' : (n?.content ?? ''),
    fineFen: withdrawn ? null : (n?.fineFen ?? null),
    decidedOn: r.decidedOn,
    publishedOn: r.publishedOn ?? r.decidedOn,
    periodUntil: r.periodUntil,
    status: statusOn(r, today),
    withdrawal: withdrawn
      ? {
          reasonLabel: WITHDRAWAL_REASON_LABELS[r.withdrawalReason as WithdrawalReason] ?? '',
          note: r.withdrawalNote ?? '',
          withdrawnOn: r.withdrawnOn ?? '',
        }
      : null,
  };
}
export type PublicDecisionSummary = ReturnType<typeof summary>;

export async function searchPublicDecisions(db: Db, q: DecisionQuery, now = new Date()) {
  const text = checkDecisionQuery(q);
  const today = todayInShanghai(now);
  const { items, total } = await store.searchPublic(db, {
    tokens: queryTokens(text),
    agencyId: q.agencyId || undefined,
    category: q.category || undefined,
    from: q.from || undefined,
    to: q.to || undefined,
    view: q.view ?? 'shown',
    today,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: items.map((r) => summary(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/** One decision as the portal shows it, or null (never published, withheld, expired, removed). */
export async function publicDecision(db: Db, id: string, now = new Date()) {
  const row = UUID_RE.test(id) ? await store.findById(db, id) : undefined;
  if (!row) return null;
  const today = todayInShanghai(now);
  const status = statusOn(row, today);
  if (status !== 'published' && status !== 'withdrawn') return null;
  const names = await agencyNames(db);
  return {
    ...summary(row, today),
    regionName: names.get(row.agencyId)?.regionName ?? '',
    notice: status === 'withdrawn' ? null : row.notice,
    noticeHash: status === 'withdrawn' ? null : row.noticeHash,
  };
}
export type PublicDecisionDetail = NonNullable<Awaited<ReturnType<typeof publicDecision>>>;

/** Every notice on the portal today, page by page in a stable order (open data: complete, no overlap). */
export async function* allShownDecisions(db: Db, now = new Date()) {
  const today = todayInShanghai(now);
  const size = 500;
  for (let page = 0; ; page++) {
    const { items } = await store.searchPublic(db, {
      tokens: [],
      view: 'shown',
      today,
      limit: size,
      offset: page * size,
    });
    for (const r of items) yield r;
    if (items.length < size) return;
  }
}

/** One page of the notices on the portal today, each as published (open data). */
export async function openDataDecisions(db: Db, page: number, pageSize: number, now = new Date()) {
  const today = todayInShanghai(now);
  const { items, total } = await store.searchPublic(db, {
    tokens: [],
    view: 'shown',
    today,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    total,
    page,
    pageSize,
    items: items.flatMap((r) =>
      r.notice
        ? [{ id: r.id, ...r.notice, publishedOn: r.publishedOn ?? r.decidedOn, periodUntil: r.periodUntil }]
        : [],
    ),
  };
}

export async function recentDecisionChanges(db: Db, limit = 50) {
  return store.recentChanges(db, limit);
}
