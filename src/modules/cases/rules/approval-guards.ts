/**
 * Approvals (审批): the steps the law has someone other than the handler decide — filing (立案), the
 * proposed penalty before the rights notice (拟处罚意见), the decision, closing (结案), a coercive measure,
 * the extensions — and what the investigation must have before it ends. Pure guards over GuardInput.
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import type { Guard, GuardInput } from './guards.ts';
import { PENALTY_KIND_LABELS, type PenaltyTerms } from './types.ts';

const ok: RuleViolation[] = [];

/** The team the step acts with: the one it proposes (filing, reassignment) or the case's. */
function teamOf({ spec, payload, snapshot }: GuardInput): readonly string[] {
  const proposed = payload.teamOfficerIds;
  if (spec.inputs.some((i) => i.key === 'teamOfficerIds') && Array.isArray(proposed)) {
    return proposed as string[];
  }
  return snapshot.teamOfficerIds;
}

/**
 * 行政处罚法 art. 40 (违法事实不清、证据不足的，不得给予行政处罚) and art. 54 (全面、客观、公正地调查，收集
 * 有关证据): an investigation with no evidence record stored is not closed for review.
 */
export const guardEvidenceRecorded: Guard = ({ ctx }) =>
  ctx.evidenceCount > 0
    ? ok
    : [
        violation(
          'EVIDENCE_REQUIRED',
          '本案尚未保存任何证据，不能调查终结提交审核：违法事实不清、证据不足的，不得给予行政处罚（行政处罚法第四十条、第五十四条）',
          'evidence',
        ),
      ];

/**
 * 行政处罚法 art. 57 and the approval practice it rests on (立案、拟处罚、决定、结案 approved by the agency
 * head): the approver is not the handler. The acting user's officer on the case team — or, for a filing,
 * on the team it proposes — cannot approve the step.
 */
export const guardNotHandler: Guard = (input) => {
  const actor = input.ctx.actor;
  if (actor.kind !== 'staff' || actor.officerId === null) return ok;
  // Someone who may not take the step at all is refused by the actor check; this is about approvers.
  if (!actor.roles.some((r) => (input.spec.who as readonly string[]).includes(r))) return ok;
  if (!teamOf(input).includes(actor.officerId)) return ok;
  return [
    violation(
      'APPROVAL_BY_HANDLER',
      `${actor.name}是本案承办人员，不能审批本案的“${input.spec.label}”：审批须由承办人员以外的机关负责人作出`,
      'actor',
    ),
  ];
};

const amount = (v: number | undefined) => v ?? 0;
const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/** Where two penalties differ, in Chinese; empty when they are the same (kinds as a set, every amount). */
export function penaltyDifferences(a: PenaltyTerms, b: PenaltyTerms): string[] {
  const out: string[] = [];
  const ka = [...new Set(a.kinds)].sort();
  const kb = [...new Set(b.kinds)].sort();
  if (ka.join(',') !== kb.join(',')) {
    const names = (ks: readonly string[]) =>
      ks.map((k) => PENALTY_KIND_LABELS[k as keyof typeof PENALTY_KIND_LABELS] ?? k).join('、') || '无';
    out.push(`处罚种类为${names(ka)}，审批的为${names(kb)}`);
  }
  const amounts = [
    ['fineFen', '罚款'],
    ['confiscatedGainsFen', '没收违法所得'],
    ['confiscatedPropertyFen', '没收非法财物价值'],
  ] as const;
  for (const [key, label] of amounts) {
    if (amount(a[key]) !== amount(b[key]))
      out.push(`${label}为${yuan(amount(a[key]))}，审批的为${yuan(amount(b[key]))}`);
  }
  if (Boolean(a.otherSevere) !== Boolean(b.otherSevere)) out.push('“其他较重的行政处罚”与审批的不一致');
  return out;
}

/**
 * 《市场监督管理行政处罚程序规定》 (案件审核后报机关负责人批准) and 行政处罚法 art. 44: the rights notice
 * announces the proposed penalty the head approved, unchanged; a changed proposal is approved again.
 */
export const guardProposalApproved: Guard = ({ snapshot, payload }) => {
  const approved = snapshot.approvedProposal;
  if (!approved) {
    return [
      violation(
        'PROPOSAL_NOT_APPROVED',
        '拟处罚意见尚未经机关负责人审批，不能告知当事人拟处罚内容：请先办理“审批拟处罚意见”',
        'penalty',
      ),
    ];
  }
  const diff = penaltyDifferences(payload.penalty as PenaltyTerms, approved.penalty);
  return diff.length === 0
    ? ok
    : [
        violation(
          'PROPOSAL_DIFFERS_FROM_APPROVAL',
          `告知的处罚内容与机关负责人审批的拟处罚意见不一致：${diff.join('；')}。变更拟处罚意见的，须重新报请审批`,
          'penalty',
        ),
      ];
};
