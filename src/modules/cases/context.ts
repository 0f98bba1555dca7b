import type { Ctx } from '../../platform/auth/actor.ts';
import { dateInShanghai } from '../../platform/calendar/rules.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import type { Db } from '../../platform/db/index.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import * as records from '../records/evidence-reads.ts';
import type { Actor, CaseSnapshot, ReviewStatus, TeamMember, TransitionContext } from './rules/types.ts';

/**
 * L5 hook: is a legal review required for this decision, and has the reviewer agreed?
 * Until the legal-review issue brings the review catalogue (L2) and opinions (L4), a review is required
 * where 行政处罚法 art. 58 makes it so from facts the case already records — after a hearing (58(1)2)
 * or when the case is flagged complex or serious (58(1)3) — and it is never yet agreed, so such
 * decisions stay locked, as the law requires, rather than slipping through.
 */
export function legalReviewStatus(s: CaseSnapshot): ReviewStatus {
  const required = Boolean(s.dates.hearingHeldOn) || s.complexOrSerious;
  return { required, agreed: false };
}

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
  c: { id: string | null; itemId: string; regionCode: string; snapshot: CaseSnapshot | null },
  extraOfficerIds: readonly string[],
  now = new Date(),
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
    review: c.snapshot ? legalReviewStatus(c.snapshot) : { required: false, agreed: false },
    calendar: await loadCalendar(db),
    // The region's layers over its parents' over the national defaults; the version goes on every clock.
    rulebook: await rulebookFor(db, c.regionCode),
  };
}
