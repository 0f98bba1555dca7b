/** Shared by the tests of this folder only. */
import assert from 'node:assert/strict';
import { createBundledCalendar } from '../../../platform/calendar/bundled.ts';
import { nationalRulebook } from '../../../platform/rulebook/resolve.ts';
import type { Clock } from './clocks.ts';
import { applyTransition, blankSnapshot, openCase, type TransitionResult } from './transition.ts';
import type {
  Actor,
  CaseEvent,
  CaseSnapshot,
  EnforcementItemRef,
  LegalReviewRecord,
  Payload,
  PenaltyTerms,
  Procedure,
  ReviewContext,
  ReviewerRecord,
  TeamMember,
  TransitionContext,
} from './types.ts';

export const calendar = createBundledCalendar();
export const rulebook = nationalRulebook();

export function member(over: Partial<TeamMember> = {}): TeamMember {
  return {
    id: 'o1',
    name: '王建国',
    isAuxiliary: false,
    categories: ['MARKET'],
    enforcementRegionCode: '340300',
    issueDate: '2023-01-01',
    expiryDate: '2030-12-31',
    status: 'valid',
    certificateNo: '皖03000100001',
    ...over,
  };
}

export const O1 = member();
export const O2 = member({ id: 'o2', name: '李明', certificateNo: '皖03000100002' });
/** Not on the team: the hearing host. */
export const O3 = member({ id: 'o3', name: '陈法', certificateNo: '皖03000100003' });
export const AUX = member({
  id: 'x1',
  name: '张协',
  isAuxiliary: true,
  categories: [],
  issueDate: null,
  expiryDate: null,
  certificateNo: null,
});
export const REGISTER: readonly TeamMember[] = [O1, O2, O3, AUX];

export const officer = (m: TeamMember): Actor => ({
  kind: 'staff',
  userId: `u-${m.id}`,
  name: m.name ?? m.id,
  roles: m.isAuxiliary ? ['auxiliary'] : ['officer'],
  officerId: m.id,
});
export const HEAD: Actor = {
  kind: 'staff',
  userId: 'u-head',
  name: '赵局长',
  roles: ['agency_head'],
  officerId: null,
};
export const REVIEWER: Actor = {
  kind: 'staff',
  userId: 'u-rev',
  name: '钱审核',
  roles: ['legal_reviewer'],
  officerId: 'r1',
};
/** The register's record of REVIEWER: a qualified legal reviewer of the agency's review unit. */
export const REVIEWER_RECORD: ReviewerRecord = {
  id: 'r1',
  name: '钱审核',
  agencyId: 'a1',
  isLegalReviewer: true,
  inReviewUnit: true,
  legalQualificationNo: 'A20183401000123',
  reviewingSince: '2022-03-01',
};
/** No catalogue entry matched, no reviewer named. */
export const NO_REVIEW: ReviewContext = {
  catalogueVersion: null,
  matched: [],
  reviewer: null,
  agencyId: 'a1',
  evidenceIds: [],
};
export const ADMIN: Actor = {
  kind: 'staff',
  userId: 'u-adm',
  name: '孙管理',
  roles: ['agency_admin'],
  officerId: null,
};
export const PARTY: Actor = { kind: 'party', partyId: 'p1', name: '蚌埠某某商贸有限公司' };

export const ITEMS: Readonly<Record<'penalty' | 'coercive' | 'inspection', EnforcementItemRef>> = {
  penalty: { categoryCode: 'MARKET', categoryName: '市场监管', requiresAV: false, type: 'penalty' },
  coercive: { categoryCode: 'MARKET', categoryName: '市场监管', requiresAV: false, type: 'coercive' },
  inspection: { categoryCode: 'MARKET', categoryName: '市场监管', requiresAV: false, type: 'inspection' },
};

/** A context on `today` at 10:00 Shanghai time. */
export function ctxOn(today: string, over: Partial<TransitionContext> = {}): TransitionContext {
  return {
    at: `${today}T02:00:00.000Z`,
    today,
    actor: HEAD,
    team: REGISTER,
    item: ITEMS.penalty,
    attachments: [],
    evidenceCount: 1,
    review: NO_REVIEW,
    calendar,
    rulebook,
    ...over,
  };
}

export const codes = (r: TransitionResult): string[] => (r.ok ? [] : r.violations.map((v) => v.code));

export function ok(r: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!r.ok) assert.fail(`refused: ${r.violations.map((v) => `${v.code} ${v.message}`).join('; ')}`);
  return r;
}

/** Drives one record through transitions, keeping its events. */
export class Driver {
  snapshot: CaseSnapshot;
  readonly events: CaseEvent[] = [];
  /** The clocks as the last step left them. */
  clocks: Clock[] = [];

  constructor(
    procedure: Procedure,
    payload: Payload,
    ctx: TransitionContext,
    init: { id?: string; regionCode?: string } = {},
  ) {
    const r = ok(
      openCase({ id: init.id ?? 'c1', procedure, regionCode: init.regionCode ?? '340321' }, payload, ctx),
    );
    this.snapshot = r.next;
    this.events.push(r.event);
  }

  try(action: string, payload: Payload, ctx: TransitionContext): TransitionResult {
    return applyTransition(this.snapshot, { action, payload }, ctx);
  }

  do(action: string, payload: Payload, ctx: TransitionContext): this {
    const r = ok(this.try(action, payload, ctx));
    this.snapshot = r.next;
    this.events.push(r.event);
    this.clocks = r.clocks;
    return this;
  }
}

/** A snapshot in a given state without walking there, for guard tests. */
export function snapshotAt(
  procedure: Procedure,
  state: string,
  over: Partial<CaseSnapshot> = {},
): CaseSnapshot {
  return {
    ...blankSnapshot('c1', procedure, '340321'),
    state,
    version: 5,
    partyId: 'p1',
    partyType: 'legal_person',
    teamOfficerIds: ['o1', 'o2'],
    ...over,
  };
}

/** A legal review whose one round agreed to `penalty` (for tests of other guards on a major case). */
export function agreedReview(penalty: PenaltyTerms | null): LegalReviewRecord {
  const subject = {
    penalty,
    facts: '事实',
    provisions: '依据',
    discretion: '',
    grounds: [],
    evidenceIds: [],
  };
  return {
    rounds: [
      {
        round: 1,
        submittedOn: '2025-06-20',
        submittedBy: { userId: 'u-o1', name: '王建国', officerId: 'o1' },
        reviewerOfficerId: 'r1',
        reviewerName: '钱审核',
        subject,
        subjectHash: 'x',
        catalogueVersion: null,
        matched: [],
        extended: false,
        opinion: { kind: 'agree', reasons: '同意', findings: [], on: '2025-06-21', reviewerName: '钱审核' },
      },
    ],
  };
}
