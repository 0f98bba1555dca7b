import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { isIsoDate, todayInShanghai } from '../../platform/identifiers/date.ts';
import type { ResolvedRulebook } from '../../platform/rulebook/resolve.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as org from '../org/service.ts';
import type { LegalReviewQueue, LegalReviewStatistics } from './contract.ts';
import { clockView } from './rules/clocks.ts';
import {
  groundsRequiringReview,
  LEGAL_REVIEW_STATUS_LABELS,
  legalReviewStatus,
  roundOutcome,
} from './rules/legal-review.ts';
import { stateLabel } from './rules/states.ts';
import type { Procedure } from './rules/types.ts';
import { visibleAgencyIds } from './service-shared.ts';
import * as store from './store.ts';

/** Rounds the workbench reads at most; an agency's reviews of a season are far fewer. */
const QUEUE_LIMIT = 500;

/**
 * The legal review workbench (法制审核): the cases of the caller's scope with a review round — `mine`: the
 * rounds assigned to the caller; `open`: those still waiting (in review, or — not with `mine` — in
 * coordination, which is the head's to settle). Each with its
 * reasons for being major as the round recorded them, the proposal and the review clock.
 */
export async function legalReviewQueue(
  db: Db,
  ctx: Ctx,
  q: { mine?: boolean | undefined; open?: boolean | undefined },
): Promise<LegalReviewQueue> {
  const officerId = ctx.actor.officerId;
  if (q.mine && !officerId) return { items: [], total: 0, awaitingMe: 0 };
  const rows = await store.casesWithReview(db, {
    agencyIds: await visibleAgencyIds(db, ctx),
    reviewerOfficerId: q.mine ? (officerId ?? undefined) : undefined,
    limit: QUEUE_LIMIT,
  });
  const [clocks, calendar, parties] = await Promise.all([
    store.clocksOf(
      db,
      rows.map((r) => r.id),
    ),
    loadCalendar(db),
    store.partyNames(
      db,
      rows.flatMap((r) => (r.partyId ? [r.partyId] : [])),
    ),
  ]);
  const today = todayInShanghai();
  const items = rows.flatMap((row) => {
    const s = row.snapshot;
    const r = s.legalReview?.rounds.at(-1);
    if (!r) return [];
    const outcome = roundOutcome(r);
    // Waiting: for the reviewer asking for their own, an open round; for the others also a dispute.
    const waiting = outcome === 'open' || (!q.mine && outcome === 'disputed');
    if (q.open && !waiting) return [];
    const status = legalReviewStatus(s, r.matched);
    const clock = clocks.find((k) => k.caseId === row.id && k.clock.key === 'legalReview')?.clock;
    return [
      {
        caseId: row.id,
        title: row.title,
        caseNumber: row.caseNumber,
        partyName: (row.partyId && parties.get(row.partyId)) || null,
        stateLabel: stateLabel(row.procedure as Procedure, row.state),
        round: r.round,
        submittedOn: r.submittedOn,
        submittedBy: r.submittedBy.name,
        reviewerName: r.reviewerName,
        status,
        statusLabel: LEGAL_REVIEW_STATUS_LABELS[status],
        reasons: [...r.matched.map((m) => m.label), ...groundsRequiringReview(s)],
        proposal: r.subject.penalty ? { ...r.subject.penalty, kinds: [...r.subject.penalty.kinds] } : null,
        clock: clock ? clockView(clock, today, calendar) : null,
        mine: outcome === 'open' && r.reviewerOfficerId === officerId,
      },
    ];
  });
  // What waits for someone first, the soonest due first; then the settled ones, newest first.
  items.sort((a, b) => {
    const wa = a.clock && !a.clock.completedOn ? 0 : 1;
    const wb = b.clock && !b.clock.completedOn ? 0 : 1;
    if (wa !== wb) return wa - wb;
    if (wa === 0) return (a.clock?.dueOn ?? '').localeCompare(b.clock?.dueOn ?? '');
    return b.submittedOn.localeCompare(a.submittedOn);
  });
  return { items, total: items.length, awaitingMe: items.filter((i) => i.mine).length };
}

type Counts = Omit<LegalReviewStatistics['total'], 'averageWorkingDays'> & { days: number[] };
const zero = (): Counts => ({
  submitted: 0,
  cases: 0,
  agree: 0,
  correct: 0,
  transfer: 0,
  coordinated: 0,
  open: 0,
  overdue: 0,
  onTime: 0,
  late: 0,
  days: [],
});
const average = (days: number[]) =>
  days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10;
const finish = ({ days, ...c }: Counts) => ({ ...c, averageWorkingDays: average(days) });

/**
 * L1 statistics (蚌埠任务分解方案 items 27–28): per agency in the caller's scope, the rounds submitted in the
 * period (by submission day), their opinions, coordinations, time taken in working days and whether the
 * opinion came within the review time (the round's own clock, with its extension), beside the agency's
 * reviewer ratio against 5%.
 */
export async function legalReviewStatistics(
  db: Db,
  ctx: Ctx,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<LegalReviewStatistics> {
  const today = todayInShanghai();
  const from = q.from ?? `${today.slice(0, 4)}-01-01`;
  const to = q.to ?? today;
  if (!isIsoDate(from))
    throw new AppError('INVALID_DATE', '统计起始日不是有效日期，应为 YYYY-MM-DD 格式', 'from');
  if (!isIsoDate(to))
    throw new AppError('INVALID_DATE', '统计截止日不是有效日期，应为 YYYY-MM-DD 格式', 'to');
  if (to < from) throw new AppError('INVALID_DATE', '统计截止日不能早于起始日', 'to');
  const agencies = await org.agenciesInScope(db, ctx);
  const rows = await store.casesWithReview(db, { agencyIds: agencies.map((a) => a.id), limit: 100_000 });
  const [calendar, rulebooks] = [await loadCalendar(db), new Map<string, ResolvedRulebook>()];
  const byAgency = new Map<string, Counts>();
  for (const row of rows) {
    const counts = byAgency.get(row.agencyId) ?? zero();
    byAgency.set(row.agencyId, counts);
    let counted = false;
    for (const r of row.snapshot.legalReview?.rounds ?? []) {
      if (r.submittedOn < from || r.submittedOn > to) continue;
      counted = true;
      counts.submitted++;
      let rb = rulebooks.get(row.regionCode);
      if (!rb) {
        rb = await rulebookFor(db, row.regionCode);
        rulebooks.set(row.regionCode, rb);
      }
      const days =
        ruleValue(rb, 'legalReviewWorkingDays') +
        (r.extended ? ruleValue(rb, 'legalReviewExtensionWorkingDays') : 0);
      const dueOn = calendar.addWorkingDays(r.submittedOn, days).date;
      if (!r.opinion) {
        counts.open++;
        if (today > dueOn) counts.overdue++;
        continue;
      }
      counts[r.opinion.kind]++;
      if (r.coordination) counts.coordinated++;
      if (r.opinion.on <= dueOn) counts.onTime++;
      else counts.late++;
      counts.days.push(calendar.workingDaysBetween(r.submittedOn, r.opinion.on).count);
    }
    if (counted) counts.cases++;
  }
  const total = zero();
  const list = [];
  for (const a of agencies) {
    const c = byAgency.get(a.id) ?? zero();
    const ratio = await org.reviewerRatioOf(db, a.id);
    for (const k of Object.keys(total) as (keyof Counts)[]) {
      if (k === 'days') total.days.push(...c.days);
      else total[k] += c[k];
    }
    list.push({
      agencyId: a.id,
      agencyName: a.name,
      ...finish(c),
      officers: ratio.officers,
      reviewers: ratio.reviewers,
      reviewerRatio: ratio.ratio,
      requiredRatio: ratio.required,
      ratioMet: ratio.reviewers >= ratio.requiredReviewers,
    });
  }
  return { from, to, agencies: list, total: finish(total) };
}
