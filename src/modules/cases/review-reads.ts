import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import type { Db } from '../../platform/db/index.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import type { LegalReviewQueue } from './contract.ts';
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
