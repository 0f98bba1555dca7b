/**
 * Guards: pure checks of one transition against the full context. Each returns RuleViolation[] with a
 * stable code and a Chinese message; applyTransition runs the actor and AV checks on every transition
 * and the named guards of the table, so none can be skipped by a caller.
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { ruleValue } from '../../../platform/rulebook/resolve.ts';
import { type ActContext, canAct, checkTeam } from '../../org/rules/can-act.ts';
import { guardEvidenceRecorded, guardNotHandler, guardProposalApproved } from './approval-guards.ts';
import { type ClockKey, computeClocks, findClock } from './clocks.ts';
import {
  guardBankDepositPending,
  guardInstalmentDue,
  guardInstalmentsValid,
  guardNoRemedyPending,
  guardPreservationAllowed,
  guardPreservationDecision,
  guardPreservationsDecided,
  guardRemedyPending,
  guardRemedyRecordable,
  guardSpotCollectionAllowed,
  guardSpotFineSettled,
  guardSpotRemittancePending,
} from './collection-guards.ts';
import {
  guardExcludedPeriodValid,
  guardNotSuspended,
  guardResumptionAllowed,
  guardSuspensionAllowed,
} from './decision-pauses.ts';
import {
  coordinationViolations,
  disputeViolations,
  extensionViolations,
  gateViolations,
  opinionViolations,
  reviewerViolations,
  submissionViolations,
} from './legal-review.ts';
import { heavierThanNotified } from './penalty.ts';
import { guardLimitation, guardStatementReexamined, guardStatementToReexamine } from './procedure-guards.ts';
import { guardNoRecusalPending, guardRecusalRequestValid, guardRecusalRuling } from './recusal.ts';
import {
  guardCoerciveExtensionInTime,
  guardCoerciveWithinTerm,
  guardCourtEnforcementAllowed,
  guardDemandNoticeAllowed,
  guardElectronicServiceConsent,
  guardHasFine,
  guardHearingAvailable,
  guardHearingDateReached,
  guardHearingHostIndependent,
  guardHearingNoticeInTime,
  guardHearingRequestInTime,
  guardPaymentComplete,
  guardPaymentOverdue,
  guardRightsNotifiedOnSpot,
  guardRightsPeriodOver,
  guardSummaryThresholds,
  guardTestingPeriodValid,
  guardWaiverRecorded,
} from './step-guards.ts';
import type { CaseSnapshot, Payload, PenaltyTerms, TeamMember, TransitionContext } from './types.ts';
import {
  AV_STEP_LABELS,
  type GuardKey,
  PERFORMER_LABELS,
  type Performer,
  type TransitionSpec,
} from './vocabulary.ts';

export type GuardInput = {
  snapshot: CaseSnapshot;
  spec: TransitionSpec;
  /** Validated by the transition's input specs before any guard runs. */
  payload: Payload;
  ctx: TransitionContext;
};

export type Guard = (input: GuardInput) => RuleViolation[];

/**
 * What deciding whether the actor performs a step needs: the case page asks it for every step offered
 * (without a payload), the transition asks it again with the step's payload.
 */
export type PerformerInput = Pick<GuardInput, 'snapshot' | 'spec' | 'payload'> & {
  ctx: Pick<TransitionContext, 'actor' | 'team' | 'item' | 'today'>;
};

const ok: RuleViolation[] = [];
/** The team the transition acts with: the one it sets (opening, reassignment) or the case's. */
export function teamIdsFor(input: Pick<GuardInput, 'snapshot' | 'spec' | 'payload'>): readonly string[] {
  const proposed = input.payload.teamOfficerIds;
  if (input.spec.inputs.some((i) => i.key === 'teamOfficerIds') && Array.isArray(proposed)) {
    return proposed as string[];
  }
  return input.snapshot.teamOfficerIds;
}

function actContext({ snapshot, ctx }: PerformerInput): ActContext {
  const base = { categoryCode: ctx.item.categoryCode, regionCode: snapshot.regionCode, date: ctx.today };
  return ctx.item.categoryName ? { ...base, categoryName: ctx.item.categoryName } : base;
}

const who = (m: TeamMember) => m.name ?? m.id;

/**
 * O3 and 行政处罚法 art. 42: at least two officers of the team may act on this item, here, today; every
 * non-auxiliary member listed must be able to act (an officer whose certificate lapsed is replaced by
 * `reassign_team`); auxiliaries may accompany but are not counted. Members are looked up by id in the
 * org register's records the service passed: a team id without a record is refused, not skipped.
 */
export const guardTeam: Guard = (input) => {
  const out: RuleViolation[] = [];
  const members: TeamMember[] = [];
  for (const id of teamIdsFor(input)) {
    const m = input.ctx.team.find((x) => x.id === id);
    if (m) members.push(m);
    else out.push(violation('TEAM_RECORD_MISSING', `承办人员 ${id} 在执法人员名册中没有记录`, `team.${id}`));
  }
  const team = checkTeam(members, actContext(input));
  members.forEach((m, i) => {
    const decision = team.members[i];
    if (m.isAuxiliary || !decision || decision.allowed) return;
    for (const r of decision.reasons)
      out.push({ ...r, message: `${who(m)}：${r.message}`, field: `team.${m.id}` });
  });
  out.push(...team.reasons);
  return out;
};

function checkPerformer(p: Performer, input: PerformerInput): RuleViolation[] {
  const { ctx, snapshot } = input;
  const actor = ctx.actor;
  if (p === 'party') {
    if (actor.kind === 'party' && snapshot.partyId !== null && actor.partyId === snapshot.partyId) return ok;
    return [violation('ACTOR_NOT_ALLOWED', '只有本案当事人可以办理')];
  }
  if (actor.kind !== 'staff') return [violation('ACTOR_NOT_ALLOWED', '当事人不能办理此操作')];
  if (p === 'assigned_officer' || p === 'hearing_host') {
    // 001 五(一): 执法辅助人员 never act alone or sign, whatever else their account can do.
    if (actor.roles.includes('auxiliary') && !actor.roles.includes('officer')) {
      return [violation('AUXILIARY_CANNOT_ACT', '执法辅助人员不得独立执法或签署执法文书')];
    }
  }
  if (p === 'hearing_host') {
    return actor.officerId !== null && actor.officerId === snapshot.hearingHostOfficerId
      ? ok
      : [violation('ACTOR_NOT_HEARING_HOST', '只有指定的听证主持人可以主持听证')];
  }
  if (p === 'assigned_officer') {
    const id = actor.officerId;
    const member = id === null ? undefined : ctx.team.find((m) => m.id === id);
    if (id === null || !teamIdsFor(input).includes(id) || !member) {
      return [violation('ACTOR_NOT_ON_TEAM', `${actor.name}不是本案承办执法人员`)];
    }
    return canAct(member, actContext(input)).reasons;
  }
  return actor.roles.includes(p)
    ? ok
    : [violation('ACTOR_NOT_ALLOWED', `${actor.name}不是${PERFORMER_LABELS[p]}`)];
}

/**
 * The actor is one of the transition's performers. When none matches, the specific reasons of the
 * closest match are returned (e.g. AUXILIARY_CANNOT_ACT, CERTIFICATE_NOT_VALID), else ACTOR_NOT_ALLOWED.
 */
export function performerViolations(input: PerformerInput): RuleViolation[] {
  const failures = input.spec.who.map((p) => checkPerformer(p, input));
  if (failures.some((f) => f.length === 0)) return ok;
  const specific = failures.flat().filter((v) => v.code !== 'ACTOR_NOT_ALLOWED');
  if (specific.length > 0) return specific;
  const labels = input.spec.who.map((p) => PERFORMER_LABELS[p]).join('或');
  return [violation('ACTOR_NOT_ALLOWED', `“${input.spec.label}”只能由${labels}办理`)];
}

export const guardActor: Guard = performerViolations;

/** R4: a step that needs AV cannot be completed until an AV record is attached to it. */
export const guardAV: Guard = ({ spec, ctx }) => {
  const av = spec.av;
  if (!av || (av.when === 'item' && !ctx.item.requiresAV)) return ok;
  if (ctx.attachments.some((a) => a.stepKey === av.step && a.isAV)) return ok;
  const why =
    av.when === 'always'
      ? '查封、扣押财产等直接涉及重大财产权益的现场执法须全程音像记录'
      : '本事项列入音像记录事项清单';
  return [
    violation(
      'AV_RECORD_REQUIRED',
      `${why}，“${AV_STEP_LABELS[av.step]}”环节尚未上传音像记录，不能完成“${spec.label}”`,
      'attachments',
    ),
  ];
};

/**
 * L5 (001 一(三), 行政处罚法 art. 58): no major decision unless the latest review round agreed to what is
 * decided (rules/legal-review.ts gateViolations).
 */
export const guardLegalReview: Guard = ({ snapshot, payload, ctx, spec }) =>
  gateViolations(
    snapshot,
    ctx,
    spec.action === 'decide' ? { penalty: payload.penalty as PenaltyTerms } : null,
  );

const guardReviewSubmission: Guard = (input) => submissionViolations(input);
const guardReviewerEligible: Guard = ({ snapshot, ctx }) =>
  reviewerViolations(
    ctx.review.reviewer,
    snapshot,
    ctx.review.agencyId,
    ctx.actor.kind === 'staff' ? ctx.actor.officerId : null,
    ctx.today,
  );
const guardReviewOpinion: Guard = (input) => opinionViolations(input);
const guardReviewDispute: Guard = (input) => disputeViolations(input);
const guardReviewCoordination: Guard = (input) => coordinationViolations(input);
const guardReviewExtension: Guard = (input) =>
  extensionViolations(input, clock(input, 'legalReview')?.dueOn ?? null);

const clock = (input: GuardInput, key: ClockKey) => findClock(computeClocks(input.snapshot, input.ctx), key);

/** 行政处罚法 art. 60: the decision within 90 days of filing; after that only with an approved extension. */
export const guardDecisionTimeLimit: Guard = (input) => {
  const c = clock(input, 'decision');
  if (!c) return [violation('FILING_DATE_MISSING', '案件没有立案日期，无法计算办案期限')];
  if (input.ctx.today <= c.dueOn) return ok;
  if (input.snapshot.extensionCount === 0) {
    return [
      violation(
        'DECISION_TIME_LIMIT_EXCEEDED',
        `自立案之日（${c.startsOn}）起${c.days}日的办案期限已于${c.dueOn}届满，须经机关负责人批准延期后才能作出决定（行政处罚法第六十条）`,
      ),
    ];
  }
  return [
    violation(
      'EXTENDED_TIME_LIMIT_EXCEEDED',
      `延长后的办案期限（自立案之日起${c.days}日）已于${c.dueOn}届满，不能再作出决定`,
    ),
  ];
};

/** An extension is approved before the limit runs out, and no more often than the rulebook allows. */
export const guardExtensionAllowed: Guard = (input) => {
  const max = ruleValue(input.ctx.rulebook, 'decisionExtensionsMax');
  const out: RuleViolation[] = [];
  if (input.snapshot.extensionCount >= max) {
    out.push(
      violation('EXTENSION_LIMIT_REACHED', `办案期限已延长${input.snapshot.extensionCount}次，不得再次延长`),
    );
  }
  const c = clock(input, 'decision');
  // While the case is suspended (中止) the limit stands still: it is measured on the day it stopped.
  const at = input.snapshot.suspension?.since ?? input.ctx.today;
  if (c && at > c.dueOn) {
    out.push(violation('EXTENSION_TOO_LATE', `办案期限已于${c.dueOn}届满，延期应当在期限届满前批准`));
  }
  return out;
};

/**
 * A lead's filing time (rulebook leadFilingWorkingDays) is extended once (leadFilingExtensionWorkingDays),
 * by the agency head, before it has run out (《市场监督管理行政处罚程序规定》 on 立案).
 */
export const guardLeadExtensionAllowed: Guard = (input) => {
  const out: RuleViolation[] = [];
  const count = input.snapshot.leadExtensionCount ?? 0;
  if (count >= 1) {
    out.push(violation('LEAD_EXTENSION_LIMIT_REACHED', '案源核查期限已延长一次，不得再次延长', 'reason'));
  }
  const c = clock(input, 'leadFiling');
  if (c && input.ctx.today > c.dueOn) {
    out.push(
      violation(
        'LEAD_EXTENSION_TOO_LATE',
        `案源核查期限已于${c.dueOn}届满，延长应当在期限届满前批准`,
        'reason',
      ),
    );
  }
  return out;
};

/** 行政处罚法 art. 57 para 2: complex or serious cases are decided by the heads collectively. */
export const guardCollectiveDiscussion: Guard = ({ snapshot }) =>
  snapshot.complexOrSerious && snapshot.state !== 'collective_discussion'
    ? [
        violation(
          'COLLECTIVE_DISCUSSION_REQUIRED',
          '情节复杂或者重大违法行为给予行政处罚，应当由行政机关负责人集体讨论决定（行政处罚法第五十七条）',
        ),
      ]
    : ok;

/** 行政处罚法 arts. 45, 62: a decision follows a rights notice and is not heavier than it announced. */
export const guardNotHeavierThanNotified: Guard = ({ snapshot, payload }) => {
  if (!snapshot.notifiedPenalty) {
    return [
      violation(
        'RIGHTS_NOTICE_REQUIRED',
        '作出行政处罚决定前未告知当事人拟处罚内容及其权利（行政处罚法第四十四条、第六十二条）',
      ),
    ];
  }
  const reasons = heavierThanNotified(payload.penalty as PenaltyTerms, snapshot.notifiedPenalty);
  return reasons.length === 0
    ? ok
    : [
        violation(
          'PENALTY_HEAVIER_THAN_NOTIFIED',
          `处罚决定重于告知内容：${reasons.join('；')}。不得因当事人陈述、申辩而给予更重的处罚，确需加重的应当重新告知（行政处罚法第四十五条）`,
          'penalty',
        ),
      ];
};

export const guardPartyKnown: Guard = ({ snapshot }) =>
  snapshot.partyType
    ? ok
    : [violation('PARTY_TYPE_REQUIRED', '尚未登记当事人类型（公民、法人或其他组织）', 'partyType')];

const ITEM_TYPE_FOR: Readonly<Record<string, string>> = {
  ordinary: 'penalty',
  summary: 'penalty',
  coercive: 'coercive',
  inspection: 'inspection',
};
const ITEM_TYPE_LABELS: Readonly<Record<string, string>> = {
  penalty: '行政处罚',
  coercive: '行政强制',
  inspection: '行政检查',
};

export const guardItemMatchesProcedure: Guard = ({ snapshot, ctx }) => {
  const expected = ITEM_TYPE_FOR[snapshot.procedure];
  if (!expected || ctx.item.type === expected) return ok;
  return [
    violation(
      'ITEM_TYPE_MISMATCH',
      `该执法事项不是${ITEM_TYPE_LABELS[expected]}事项，不能适用此程序`,
      'itemId',
    ),
  ];
};

export const GUARDS: Readonly<Record<GuardKey, Guard>> = {
  team: guardTeam,
  itemMatchesProcedure: guardItemMatchesProcedure,
  legalReview: guardLegalReview,
  decisionTimeLimit: guardDecisionTimeLimit,
  extensionAllowed: guardExtensionAllowed,
  collectiveDiscussion: guardCollectiveDiscussion,
  notHeavierThanNotified: guardNotHeavierThanNotified,
  partyKnown: guardPartyKnown,
  hearingAvailable: guardHearingAvailable,
  hearingRequestInTime: guardHearingRequestInTime,
  rightsPeriodOver: guardRightsPeriodOver,
  waiverRecorded: guardWaiverRecorded,
  hearingNoticeInTime: guardHearingNoticeInTime,
  hearingHostIndependent: guardHearingHostIndependent,
  hearingDateReached: guardHearingDateReached,
  summaryThresholds: guardSummaryThresholds,
  rightsNotifiedOnSpot: guardRightsNotifiedOnSpot,
  electronicServiceConsent: guardElectronicServiceConsent,
  hasFine: guardHasFine,
  instalmentsValid: guardInstalmentsValid,
  instalmentDue: guardInstalmentDue,
  remedyRecordable: guardRemedyRecordable,
  remedyPending: guardRemedyPending,
  noRemedyPending: guardNoRemedyPending,
  spotCollectionAllowed: guardSpotCollectionAllowed,
  spotRemittancePending: guardSpotRemittancePending,
  bankDepositPending: guardBankDepositPending,
  spotFineSettled: guardSpotFineSettled,
  preservationAllowed: guardPreservationAllowed,
  preservationDecision: guardPreservationDecision,
  preservationsDecided: guardPreservationsDecided,
  paymentComplete: guardPaymentComplete,
  paymentOverdue: guardPaymentOverdue,
  demandNoticeAllowed: guardDemandNoticeAllowed,
  courtEnforcementAllowed: guardCourtEnforcementAllowed,
  coerciveExtensionInTime: guardCoerciveExtensionInTime,
  coerciveWithinTerm: guardCoerciveWithinTerm,
  testingPeriodValid: guardTestingPeriodValid,
  limitation: guardLimitation,
  statementReexamined: guardStatementReexamined,
  statementToReexamine: guardStatementToReexamine,
  recusalRequestValid: guardRecusalRequestValid,
  recusalRuling: guardRecusalRuling,
  noRecusalPending: guardNoRecusalPending,
  excludedPeriodValid: guardExcludedPeriodValid,
  notSuspended: guardNotSuspended,
  suspensionAllowed: guardSuspensionAllowed,
  resumptionAllowed: guardResumptionAllowed,
  leadExtensionAllowed: guardLeadExtensionAllowed,
  reviewSubmission: guardReviewSubmission,
  reviewerEligible: guardReviewerEligible,
  reviewOpinion: guardReviewOpinion,
  reviewDispute: guardReviewDispute,
  reviewCoordination: guardReviewCoordination,
  reviewExtension: guardReviewExtension,
  evidenceRecorded: guardEvidenceRecorded,
  notHandler: guardNotHandler,
  proposalApproved: guardProposalApproved,
};
