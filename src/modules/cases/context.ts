import type { Ctx } from '../../platform/auth/actor.ts';
import { dateInShanghai } from '../../platform/calendar/rules.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import type { Db } from '../../platform/db/index.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import * as records from '../records/evidence-reads.ts';
import { parsePenaltyTerms } from './rules/penalty.ts';
import type {
  Actor,
  CaseSnapshot,
  ItemType,
  Payload,
  ReviewContext,
  ReviewerRecord,
  TeamMember,
  TransitionContext,
} from './rules/types.ts';

/** The caller as the rules see a member of staff. */
export function staffActor(ctx: Ctx): Actor {
  return {
    kind: 'staff',
    userId: ctx.actor.userId,
    name: ctx.actor.displayName,
    roles: [ctx.actor.role],
    officerId: ctx.actor.officerId,
  };
}

/** Everything the pure rules need to judge one transition, read once, at one instant. */
export async function transitionContext(
  db: Db,
  ctx: Ctx,
  c: {
    id: string | null;
    itemId: string;
    regionCode: string;
    snapshot: CaseSnapshot | null;
    agencyId?: string;
  },
  extraOfficerIds: readonly string[],
  now = new Date(),
  payload: Payload = {},
): Promise<TransitionContext> {
  const item = await catalog.itemById(db, c.itemId);
  if (!item) throw new Error(`item ${c.itemId} vanished`);
  const ids = [...(c.snapshot?.teamOfficerIds ?? []), ...extraOfficerIds];
  if (c.snapshot?.hearingHostOfficerId) ids.push(c.snapshot.hearingHostOfficerId);
  if (ctx.actor.officerId) ids.push(ctx.actor.officerId);
  const team: TeamMember[] = (await org.actingOfficers(db, ids)).map((o) => ({ ...o }));
  // R4: the AV guard reads the stored AV records of the case (records module).
  const attachments = c.id ? await records.avStepsRecorded(db, c.id) : [];
  // 行政处罚法 art. 40: the investigation ends only with evidence stored (records module).
  const evidenceCount = c.id ? await records.evidenceCountOfCase(db, c.id) : 0;
  const at = now.toISOString();
  return {
    at,
    today: dateInShanghai(now),
    actor: staffActor(ctx),
    team,
    item: { categoryCode: item.categoryCode, requiresAV: item.requiresAv, type: item.type },
    attachments,
    evidenceCount,
    review: await reviewContext(db, c, item.type, payload, dateInShanghai(now)),
    calendar: await loadCalendar(db),
    // The region's layers over its parents' over the national defaults; the version goes on every clock.
    rulebook: await rulebookFor(db, c.regionCode),
  };
}

/**
 * L2, L5: the agency's review catalogue (in force today) evaluated on the case as the step would leave it —
 * with the penalty the step decides or proposes, when it carries one — and the reviewer the step names.
 */
export async function reviewContext(
  db: Db,
  c: { id: string | null; snapshot: CaseSnapshot | null; agencyId?: string },
  actionType: ItemType,
  payload: Payload,
  today: string,
): Promise<ReviewContext> {
  const s = c.snapshot;
  const agencyId = c.agencyId ?? '';
  if (!s || !c.id) return { catalogueVersion: null, matched: [], reviewer: null, agencyId, evidenceIds: [] };
  const proposed = payload.penalty === undefined ? null : parsePenaltyTerms(payload.penalty);
  const penalty = proposed?.ok ? proposed.value : s.penalty;
  const verdict = await catalog.evaluateCaseForReview(db, agencyId, today, {
    actionType,
    partyType: s.partyType,
    penalty,
    seizedValueFen: null,
    hearingHeld: Boolean(s.dates.hearingHeldOn),
    grounds: s.reviewGrounds?.grounds ?? [],
  });
  const reviewerId = typeof payload.reviewerOfficerId === 'string' ? payload.reviewerOfficerId : null;
  return {
    ...verdict,
    reviewer: reviewerId ? await reviewerRecord(db, reviewerId) : null,
    agencyId,
    evidenceIds: await records.evidenceIdsOfCase(db, c.id),
  };
}

async function reviewerRecord(db: Db, id: string): Promise<ReviewerRecord | null> {
  const [r] = await org.reviewerRecords(db, [id]);
  return r ?? null;
}
