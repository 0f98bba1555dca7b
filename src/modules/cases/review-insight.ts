import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { findEntriesForRecord } from '../../platform/ledger/index.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import * as records from '../records/evidence-reads.ts';
import type { ReviewChecklist, ReviewTrail, TrailPerson } from './contract.ts';
import { requiredRecords } from './rules/case-file.ts';
import { clockView } from './rules/clocks.ts';
import { REVIEW_CHECKLIST } from './rules/legal-review.ts';
import { type ChecklistInput, checklistAnswers, proposalInWords } from './rules/review-checklist.ts';
import { type EventActor, type Procedure, REVIEW_OPINION_LABELS } from './rules/types.ts';
import { DOCUMENT_LABELS } from './rules/vocabulary.ts';
import { visibleAgencyIds } from './service-shared.ts';
import * as store from './store.ts';

// 法制审核 (行政处罚法 art. 58) seen from the records: the platform's own answers to the content checklist
// (蚌埠任务分解方案 item 30, L3) and the responsibility trail of the decision (items 33–34, L8). Reads only.

/** The case, if the caller may read it: the case page's own scope (the agencies the caller sees). */
async function readableCase(db: Db, ctx: Ctx, caseId: string) {
  const row = UUID_RE.test(caseId) ? await store.findCase(db, caseId) : undefined;
  if (!row || !(await visibleAgencyIds(db, ctx)).includes(row.agencyId))
    throw new AppError('CASE_NOT_FOUND', '案件不存在或无权查看', 'caseId');
  return row;
}

const label = (kind: string) => (DOCUMENT_LABELS as Readonly<Record<string, string>>)[kind] ?? '其他文书';

/** `GET /api/reviews/:caseId/checklist`: for each of the 8 points, what the platform's records say. */
export async function reviewChecklist(db: Db, ctx: Ctx, caseId: string): Promise<ReviewChecklist> {
  const row = await readableCase(db, ctx, caseId);
  const s = row.snapshot;
  const today = todayInShanghai();
  const [events, clocks, docs, evidence, item, publicAgency, regions, categories, calendar] =
    await Promise.all([
      store.eventsOf(db, row.id),
      store.clocksOf(db, [row.id]),
      store.documentsOf(db, row.id),
      records.evidenceOfCase(db, row.id, { actor: ctx.actor, teamOfficerIds: s.teamOfficerIds }),
      catalog.itemById(db, row.itemId),
      org.getPublicAgency(db, row.agencyId),
      org.listRegions(db),
      org.listCategories(db),
      loadCalendar(db),
    ]);
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const acting = await org.actingOfficers(db, [
    ...s.teamOfficerIds,
    ...(s.hearingHostOfficerId ? [s.hearingHostOfficerId] : []),
  ]);
  const officers = acting.map((o) => ({
    record: o,
    roles: [
      ...(s.teamOfficerIds.includes(o.id) ? ['承办执法人员'] : []),
      ...(s.hearingHostOfficerId === o.id ? ['听证主持人'] : []),
    ],
  }));
  // R6: each record is in the ledger with the content hash the summary carries.
  const inLedger = await Promise.all(
    evidence.map(async (e) =>
      (await findEntriesForRecord(db, e.id)).some((x) => x.entry.contentHash === e.contentHash),
    ),
  );
  const agency = publicAgency?.agency;
  const round = s.legalReview?.rounds.at(-1);
  const input: ChecklistInput = {
    agency: {
      id: row.agencyId,
      name: agency?.name ?? '',
      typeLabel: agency?.typeLabel ?? '',
      legalBasis: agency?.legalBasis ?? null,
      regionCode: agency?.regionCode ?? row.regionCode,
      regionName: agency?.regionName ?? regionName(row.regionCode),
      entrustment: agency?.entrustment ?? null,
    },
    item: item
      ? {
          code: item.code,
          name: item.name,
          agencyId: item.agencyId,
          agencyName: item.agencyName,
          categoryCode: item.categoryCode,
          categoryName: categories.find((c) => c.code === item.categoryCode)?.name ?? item.categoryCode,
          legalBasis: item.legalBasis,
          // The catalogue records no fine range yet; the rule answers for one when it does.
          fineRangeFen: null,
        }
      : null,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    officers,
    steps: events.map((e) => ({
      on: e.on,
      label: e.actionLabel,
      actorName: e.actor.name,
      officerId: e.actor.kind === 'staff' ? e.actor.officerId : null,
    })),
    clocks: clocks
      .map((k) => clockView(k.clock, today, calendar))
      .map((c) => ({
        label: c.label,
        dueOn: c.dueOn,
        state: c.status.state,
        late: c.status.late,
        duty: c.duty,
      })),
    evidence: evidence.map((e, n) => ({
      title: e.title,
      isAv: e.isAv,
      mediaTypeLabel: e.mediaTypeLabel,
      inLedger: inLedger[n] ?? false,
    })),
    reviewedEvidenceIds: round ? round.subject.evidenceIds : null,
    evidenceIds: evidence.map((e) => e.id),
    proposal: round
      ? {
          penalty: round.subject.penalty,
          provisions: round.subject.provisions,
          discretion: round.subject.discretion,
        }
      : null,
    documents: {
      issued: docs.map((d) => ({ label: label(d.kind), number: d.number })),
      required: requiredRecords(
        row.procedure as Procedure,
        events.map((e) => ({ fromState: e.fromState, action: e.action, actionLabel: e.actionLabel })),
        item?.requiresAv ?? false,
      ).documents.map((d) => ({ label: d.label, step: d.step })),
    },
    today,
  };
  return { points: checklistAnswers(input) };
}

/** The steps that take the decision the review guards (the `legalReview` gate, rules/legal-review.ts). */
const DECISION_ACTIONS = new Set(['decide', 'decide_no_penalty', 'approve', 'dispose']);

/** `GET /api/reviews/:caseId/trail`: who did what towards the decision, with dates and certificates. */
export async function reviewTrail(db: Db, ctx: Ctx, caseId: string): Promise<ReviewTrail> {
  const row = await readableCase(db, ctx, caseId);
  const s = row.snapshot;
  const events = await store.eventsOf(db, row.id);
  const rounds = s.legalReview?.rounds ?? [];
  const actorOfficers = events.flatMap((e) =>
    e.actor.kind === 'staff' && e.actor.officerId ? [e.actor.officerId] : [],
  );
  const [officers, reviewers, agency] = await Promise.all([
    org.actingOfficers(db, [
      ...s.teamOfficerIds,
      ...actorOfficers,
      ...rounds.flatMap((r) => (r.submittedBy.officerId ? [r.submittedBy.officerId] : [])),
    ]),
    org.reviewerRecords(
      db,
      rounds.map((r) => r.reviewerOfficerId),
    ),
    org.agencyRef(db, row.agencyId),
  ]);
  const cert = (officerId: string | null) => officers.find((o) => o.id === officerId)?.certificateNo ?? null;
  const person = (a: EventActor): TrailPerson => ({
    name: a.name,
    certificateNo: a.kind === 'staff' ? cert(a.officerId) : null,
  });
  const first = events[0];
  const decision = [...events].reverse().find((e) => DECISION_ACTIONS.has(e.action));
  const points = new Map<string, string>(REVIEW_CHECKLIST.map((p) => [p.point, p.label]));
  return {
    caseTitle: row.title,
    caseNumber: row.caseNumber,
    agencyName: agency?.name ?? '',
    filed: first ? { on: first.on, what: first.actionLabel, by: person(first.actor) } : null,
    team: s.teamOfficerIds.map((id) => {
      const o = officers.find((x) => x.id === id);
      return { name: o?.name ?? '（登记中已无此人）', certificateNo: o?.certificateNo ?? null };
    }),
    rounds: rounds.map((r) => {
      const reviewer = reviewers.find((x) => x.id === r.reviewerOfficerId);
      return {
        round: r.round,
        submittedOn: r.submittedOn,
        submittedBy: { name: r.submittedBy.name, certificateNo: cert(r.submittedBy.officerId) },
        proposal: r.subject.penalty ? proposalInWords(r.subject.penalty) : null,
        facts: r.subject.facts,
        provisions: r.subject.provisions,
        discretion: r.subject.discretion,
        response: r.response ?? null,
        reviewer: { name: r.reviewerName, legalQualificationNo: reviewer?.legalQualificationNo ?? null },
        extended: r.extended,
        opinion: r.opinion
          ? {
              on: r.opinion.on,
              reviewerName: r.opinion.reviewerName,
              kindLabel: REVIEW_OPINION_LABELS[r.opinion.kind],
              reasons: r.opinion.reasons,
              passed: r.opinion.findings.filter((f) => f.ok).length,
              problems: r.opinion.findings
                .filter((f) => !f.ok)
                .map((f) => ({ label: points.get(f.point) ?? '审核项目', note: f.note ?? '' })),
            }
          : null,
        dispute: r.dispute ? { ...r.dispute } : null,
        coordination: r.coordination
          ? {
              on: r.coordination.on,
              by: r.coordination.by,
              // The console's words for the outcome (caseLabels.ts `outcome`).
              outcomeLabel: r.coordination.outcome === 'agree' ? '采纳承办机构意见' : '采纳法制审核意见',
              collectiveDiscussion: r.coordination.collectiveDiscussion,
              reasons: r.coordination.reasons,
            }
          : null,
      };
    }),
    decided: decision
      ? { on: decision.on, what: decision.actionLabel, by: person(decision.actor), documentNo: s.documentNo }
      : null,
  };
}
