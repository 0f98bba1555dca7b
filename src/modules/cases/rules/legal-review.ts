/**
 * 法制审核 (legal review of major enforcement decisions) as the case's own steps: the handler submits a
 * round, the assigned reviewer answers it with an opinion, a disputed 纠正 goes to the head's
 * coordination, and the decision is locked until the latest round agrees with what is decided
 * (行政处罚法 art. 58; 国办发〔2018〕118号; 蚌埠任务分解方案 items 27–34).
 *
 * Pure: the catalogue's verdict and the reviewer's register record come in the TransitionContext.
 */
import { canonicalJsonBytes } from '../../../platform/crypto/canonical-json.ts';
import { hashHex } from '../../../platform/crypto/hash.ts';
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { reviewerQualificationViolations } from '../../org/rules/reviewer-qualification.ts';
import { penaltyTermsEqual } from './penalty.ts';
import {
  type CaseSnapshot,
  type LegalReviewRecord,
  type LegalReviewRound,
  type MatchedEntry,
  type PenaltyTerms,
  REVIEW_GROUND_LABELS,
  REVIEW_GROUNDS,
  REVIEW_OPINIONS,
  type ReviewerRecord,
  type ReviewFinding,
  type ReviewGround,
  type ReviewOpinionKind,
  type ReviewSubject,
  type TransitionContext,
} from './types.ts';

/**
 * The content checklist (内容清单, 蚌埠任务分解方案 item 30): the reviewer records a finding on each point.
 * Keys are stored in the opinion; labels are what the reviewer and the file show.
 */
export const REVIEW_CHECKLIST = [
  { point: 'agency', label: '行政执法主体是否合法' },
  { point: 'officers', label: '行政执法人员是否具备执法资格' },
  { point: 'procedure', label: '行政执法程序是否合法' },
  { point: 'facts', label: '案件事实是否清楚，证据是否合法充分' },
  { point: 'law', label: '适用法律、法规、规章是否准确，裁量基准运用是否适当' },
  { point: 'competence', label: '执法是否超越执法机关法定权限' },
  { point: 'documents', label: '行政执法文书是否完备、规范' },
  { point: 'crime', label: '违法行为是否涉嫌犯罪、需要移送司法机关' },
] as const;
export type ReviewPoint = (typeof REVIEW_CHECKLIST)[number]['point'];
const POINTS: ReadonlySet<string> = new Set(REVIEW_CHECKLIST.map((p) => p.point));

/** The status the case's `legalReview` answers (the contract other parts rely on). */
export type LegalReviewStatus =
  | 'not_required'
  | 'pending'
  | 'in_review'
  | 'corrected'
  | 'agreed'
  | 'transferred'
  | 'coordination';

export const LEGAL_REVIEW_STATUS_LABELS: Readonly<Record<LegalReviewStatus, string>> = {
  not_required: '无需法制审核',
  pending: '待送审',
  in_review: '审核中',
  corrected: '审核意见为纠正，待承办人员处理后重新送审',
  agreed: '审核同意',
  transferred: '审核意见为移送有权机关处理',
  coordination: '承办机构与审核机构意见不一致，待协调',
};

export const lastRound = (s: CaseSnapshot): LegalReviewRound | undefined => s.legalReview?.rounds.at(-1);

/** How a round ended: its opinion, or the coordination that settled a disputed 纠正. */
export function roundOutcome(
  r: LegalReviewRound,
): 'open' | 'agreed' | 'corrected' | 'transferred' | 'disputed' {
  if (!r.opinion) return 'open';
  if (r.opinion.kind === 'transfer') return 'transferred';
  if (r.opinion.kind === 'agree') return 'agreed';
  if (r.coordination) return r.coordination.outcome === 'agree' ? 'agreed' : 'corrected';
  return r.dispute ? 'disputed' : 'corrected';
}

/**
 * Grounds that make a decision major by law whatever the catalogue says: art. 58(1) items 1, 3 and 4 as the
 * officer marked them; item 2 only once a hearing was held (its words: "经过听证程序的"). A case flagged 情节复杂
 * or 重大违法 for collective discussion (art. 57 para 2) is treated as item 3, so it is never decided unreviewed.
 */
export function groundsRequiringReview(s: CaseSnapshot): string[] {
  const reasons: string[] = [];
  for (const g of s.reviewGrounds?.grounds ?? []) {
    if (g === 'major_rights' && !s.dates.hearingHeldOn) continue;
    reasons.push(REVIEW_GROUND_LABELS[g] + (g === 'major_rights' ? '，经过听证程序' : ''));
  }
  if (s.complexOrSerious) reasons.push('情节复杂或者重大违法行为（行政处罚法第五十七条第二款）');
  return reasons;
}

export function legalReviewRequired(s: CaseSnapshot, matched: readonly MatchedEntry[]): boolean {
  return matched.length > 0 || groundsRequiringReview(s).length > 0;
}

export function legalReviewStatus(s: CaseSnapshot, matched: readonly MatchedEntry[]): LegalReviewStatus {
  const r = lastRound(s);
  if (!r) return legalReviewRequired(s, matched) ? 'pending' : 'not_required';
  const outcome = roundOutcome(r);
  if (outcome === 'open') return 'in_review';
  if (outcome === 'disputed') return 'coordination';
  return outcome;
}

/** What a round reviews, fixed by its SM3 hash over the canonical JSON (C1's hash, GB/T 32905). */
export function reviewSubjectHash(subject: ReviewSubject): string {
  return hashHex('sm3', canonicalJsonBytes(subject));
}

const sortedGrounds = (g: readonly ReviewGround[]) => [...g].sort();

/** The subject as a submission states it: the proposal, the facts, the law, the grounds, the evidence. */
export function reviewSubject(
  s: CaseSnapshot,
  payload: Readonly<Record<string, unknown>>,
  evidenceIds: readonly string[],
): ReviewSubject {
  const text = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string).trim() : '');
  return {
    penalty: (payload.penalty as PenaltyTerms | undefined) ?? null,
    facts: text('facts'),
    provisions: text('provisions'),
    discretion: text('discretion'),
    grounds: sortedGrounds(s.reviewGrounds?.grounds ?? []),
    evidenceIds: [...evidenceIds].sort(),
  };
}

type Check = { snapshot: CaseSnapshot; payload: Readonly<Record<string, unknown>>; ctx: TransitionContext };
const ok: RuleViolation[] = [];

/** 蚌埠任务分解方案 item 31: a round is submitted when none is open, and a corrected one only when revised. */
export function submissionViolations({ snapshot, payload, ctx }: Check): RuleViolation[] {
  const r = lastRound(snapshot);
  if (!r) return ok;
  switch (roundOutcome(r)) {
    case 'open':
      return [violation('REVIEW_IN_PROGRESS', `第${r.round}轮法制审核尚未提出审核意见，不能重复送审`)];
    case 'disputed':
      return [violation('REVIEW_IN_COORDINATION', '审核意见不一致，正在等待机关负责人协调，不能送审')];
    case 'transferred':
      return [violation('REVIEW_TRANSFERRED', '审核意见为移送有权机关处理，不能再送审，请办理移送')];
    case 'agreed': {
      const same =
        reviewSubjectHash(reviewSubject(snapshot, payload, ctx.review.evidenceIds)) === r.subjectHash;
      return same ? [violation('REVIEW_ALREADY_AGREED', '送审内容与已审核同意的内容相同，无需再次送审')] : ok;
    }
    case 'corrected': {
      const out: RuleViolation[] = [];
      if (typeof payload.response !== 'string' || payload.response.trim() === '')
        out.push(violation('INPUT_REQUIRED', '重新送审须说明对审核意见的处理情况', 'response'));
      const same =
        reviewSubjectHash(reviewSubject(snapshot, payload, ctx.review.evidenceIds)) === r.subjectHash;
      if (same)
        out.push(
          violation(
            'REVIEW_RESUBMISSION_UNCHANGED',
            `送审内容（拟处理意见、违法事实、法律依据、裁量理由、证据）与第${r.round}轮被纠正的内容相同，请按审核意见修改后再送审`,
          ),
        );
      return out;
    }
  }
}

/**
 * L1, L6, 行政处罚法 art. 58 para 2: the reviewer handled no part of the case, works for its agency, and is
 * a legal reviewer of its review unit holding the qualification where the law asks for it (org rules).
 */
export function reviewerViolations(
  reviewer: ReviewerRecord | null,
  snapshot: CaseSnapshot,
  agencyId: string,
  submitterOfficerId: string | null,
  today: string,
): RuleViolation[] {
  if (!reviewer) return [violation('REVIEWER_REQUIRED', '请指定法制审核人员', 'reviewerOfficerId')];
  const handled =
    snapshot.teamOfficerIds.includes(reviewer.id) ||
    snapshot.hearingHostOfficerId === reviewer.id ||
    submitterOfficerId === reviewer.id;
  if (handled)
    return [
      violation(
        'REVIEWER_HANDLED_CASE',
        `${reviewer.name}参与了本案的办理，不能审核本案（蚌埠任务分解方案第32条：审核与承办相分离）`,
        'reviewerOfficerId',
      ),
    ];
  if (reviewer.agencyId !== agencyId)
    return [
      violation(
        'REVIEWER_NOT_IN_REVIEW_UNIT',
        `${reviewer.name}不是本机关的工作人员，不能承担本案的法制审核`,
        'reviewerOfficerId',
      ),
    ];
  // The register's answer (org rules): a legal reviewer of the review unit, qualified where art. 58 says.
  return reviewerQualificationViolations(reviewer, today).map((v) => ({ ...v, field: 'reviewerOfficerId' }));
}

/** The opinion comes from the reviewer the open round is assigned to, with reasons and every point found. */
export function opinionViolations({ snapshot, payload, ctx }: Check): RuleViolation[] {
  const r = lastRound(snapshot);
  if (!r || r.opinion) return [violation('REVIEW_NOT_IN_PROGRESS', '本案没有正在进行的法制审核')];
  const actorOfficer = ctx.actor.kind === 'staff' ? ctx.actor.officerId : null;
  if (actorOfficer !== r.reviewerOfficerId)
    return [
      violation('REVIEW_NOT_ASSIGNED', `本轮法制审核由${r.reviewerName}承担，其他人员不能提出审核意见`),
    ];
  const out: RuleViolation[] = [];
  if (typeof payload.reasons !== 'string' || payload.reasons.trim() === '')
    // 蚌埠任务分解方案 item 31: every opinion states its reasons.
    out.push(violation('REVIEW_REASONS_REQUIRED', '审核意见须说明理由', 'reasons'));
  const findings = (payload.findings as ReviewFinding[] | undefined) ?? [];
  const found = new Set(findings.map((f) => f.point));
  const missing = REVIEW_CHECKLIST.filter((p) => !found.has(p.point)).map((p) => `“${p.label}”`);
  if (missing.length > 0)
    out.push(
      violation(
        'REVIEW_FINDINGS_INCOMPLETE',
        `审核内容清单尚有未填写审核结论的项目：${missing.join('、')}`,
        'findings',
      ),
    );
  const unexplained = findings.filter((f) => !f.ok && !f.note?.trim());
  if (unexplained.length > 0)
    out.push(violation('REVIEW_FINDING_NOTE_REQUIRED', '认为存在问题的审核项目须写明问题', 'findings'));
  if (payload.opinion === 'agree' && findings.some((f) => !f.ok && f.point !== 'crime'))
    out.push(
      violation(
        'REVIEW_OPINION_CONTRADICTS_FINDINGS',
        '审核内容清单中有存在问题的项目，不能提出同意的审核意见',
        'opinion',
      ),
    );
  return out;
}

/** Parses the findings input: one entry per checklist point, each passed or with its problem. */
export function parseFindings(raw: unknown): ReviewFinding[] | null {
  if (!Array.isArray(raw)) return null;
  const out: ReviewFinding[] = [];
  const seen = new Set<string>();
  for (const f of raw as unknown[]) {
    const o = f as { point?: unknown; ok?: unknown; note?: unknown } | null;
    if (!o || typeof o.point !== 'string' || !POINTS.has(o.point) || seen.has(o.point)) return null;
    if (typeof o.ok !== 'boolean' || (o.note !== undefined && typeof o.note !== 'string')) return null;
    seen.add(o.point);
    const note = typeof o.note === 'string' ? o.note.trim() : '';
    out.push({ point: o.point, ok: o.ok, ...(note ? { note } : {}) });
  }
  return out;
}

export function disputeViolations({ snapshot }: Check): RuleViolation[] {
  const r = lastRound(snapshot);
  return r && roundOutcome(r) === 'corrected' && !r.coordination
    ? ok
    : [violation('REVIEW_NOT_CORRECTED', '只有审核意见为纠正、尚未协调的，承办人员才能提出不同意见')];
}

export function coordinationViolations({ snapshot }: Check): RuleViolation[] {
  const r = lastRound(snapshot);
  return r && roundOutcome(r) === 'disputed'
    ? ok
    : [violation('REVIEW_NO_DISPUTE', '没有待协调的审核意见分歧')];
}

export function extensionViolations({ snapshot, ctx }: Check, dueOn: string | null): RuleViolation[] {
  const r = lastRound(snapshot);
  if (!r || r.opinion) return [violation('REVIEW_NOT_IN_PROGRESS', '本案没有正在进行的法制审核')];
  if (r.extended) return [violation('REVIEW_EXTENSION_USED', '本轮法制审核已延长过一次，不能再延长')];
  if (dueOn && ctx.today > dueOn)
    return [violation('REVIEW_TIME_LIMIT_PASSED', `法制审核期限已于${dueOn}届满，不能再延长`)];
  return ok;
}

/**
 * L5: the gate. A major decision is taken only on the latest round's agreement, and only as agreed: a
 * changed penalty, new grounds or a catalogue entry matched only now mean what is decided was not reviewed.
 */
export function gateViolations(
  snapshot: CaseSnapshot,
  ctx: TransitionContext,
  decided: { penalty?: PenaltyTerms | null } | null,
): RuleViolation[] {
  const matched = ctx.review.matched;
  if (!legalReviewRequired(snapshot, matched)) return ok;
  const code = 'LEGAL_REVIEW_NOT_AGREED';
  const why = [
    ...matched.map((m) => `“${m.label}”`),
    ...groundsRequiringReview(snapshot).map((g) => `“${g}”`),
  ].join('、');
  const r = lastRound(snapshot);
  const head = `本案属于重大执法决定（${why}）`;
  if (!r) return [violation(code, `${head}，尚未送法制审核，不得作出决定（行政处罚法第五十八条）`)];
  const outcome = roundOutcome(r);
  if (outcome !== 'agreed') {
    const state = outcome === 'disputed' ? 'coordination' : outcome === 'open' ? 'in_review' : outcome;
    return [
      violation(
        code,
        `${head}，法制审核状态为“${LEGAL_REVIEW_STATUS_LABELS[state]}”，不得作出决定（行政处罚法第五十八条）`,
      ),
    ];
  }
  const reasons: string[] = [];
  if (decided?.penalty && !(r.subject.penalty && penaltyTermsEqual(decided.penalty, r.subject.penalty)))
    reasons.push('决定的处罚与审核同意的拟处理意见不同');
  const now = sortedGrounds(snapshot.reviewGrounds?.grounds ?? []);
  if (now.join() !== sortedGrounds(r.subject.grounds).join())
    reasons.push('审核后第五十八条情形的认定有变化');
  const reviewed = new Set(r.matched.map((m) => m.entryId));
  const fresh = matched.filter((m) => !reviewed.has(m.entryId));
  if (fresh.length > 0) reasons.push(`审核后新符合目录清单“${fresh.map((m) => m.label).join('、')}”`);
  return reasons.length > 0
    ? [violation(code, `${reasons.join('；')}，须重新送法制审核（行政处罚法第五十八条）`)]
    : ok;
}

export function isReviewGround(v: unknown): v is ReviewGround {
  return typeof v === 'string' && (REVIEW_GROUNDS as readonly string[]).includes(v);
}
export function isReviewOpinion(v: unknown): v is ReviewOpinionKind {
  return typeof v === 'string' && (REVIEW_OPINIONS as readonly string[]).includes(v);
}

/** The round this submission opens. */
export function newRound(
  s: CaseSnapshot,
  payload: Readonly<Record<string, unknown>>,
  ctx: TransitionContext,
): LegalReviewRecord {
  const rounds = s.legalReview?.rounds ?? [];
  const subject = reviewSubject(s, payload, ctx.review.evidenceIds);
  const a = ctx.actor;
  const reviewer = ctx.review.reviewer as ReviewerRecord;
  const response = typeof payload.response === 'string' ? payload.response.trim() : '';
  const round: LegalReviewRound = {
    round: rounds.length + 1,
    submittedOn: ctx.today,
    submittedBy:
      a.kind === 'staff'
        ? { userId: a.userId, name: a.name, officerId: a.officerId }
        : { userId: '', name: a.name, officerId: null },
    ...(response ? { response } : {}),
    reviewerOfficerId: reviewer.id,
    reviewerName: reviewer.name,
    subject,
    subjectHash: reviewSubjectHash(subject),
    catalogueVersion: ctx.review.catalogueVersion,
    matched: [...ctx.review.matched],
    extended: false,
  };
  return { rounds: [...rounds, round] };
}

/** The record with its latest round replaced. */
export function withLastRound(
  s: CaseSnapshot,
  update: (r: LegalReviewRound) => LegalReviewRound,
): LegalReviewRecord {
  const rounds = s.legalReview?.rounds ?? [];
  const last = rounds.at(-1);
  return last ? { rounds: [...rounds.slice(0, -1), update(last)] } : { rounds: [] };
}

/**
 * Whether a review step can be taken at all where the review stands (the case page offers only those; the
 * step's guards still decide when it is submitted). Steps other than the review's are always open here.
 */
export function reviewStepOpen(action: string, s: CaseSnapshot): boolean {
  const r = lastRound(s);
  const outcome = r ? roundOutcome(r) : null;
  switch (action) {
    case 'submit_legal_review':
      return outcome !== 'open' && outcome !== 'disputed' && outcome !== 'transferred';
    case 'record_review_opinion':
      return outcome === 'open';
    case 'extend_legal_review':
      return outcome === 'open' && !r?.extended;
    case 'dispute_review_opinion':
      return outcome === 'corrected' && !r?.coordination;
    case 'coordinate_review':
      return outcome === 'disputed';
    default:
      return true;
  }
}
