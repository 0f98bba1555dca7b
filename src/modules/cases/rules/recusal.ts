/**
 * Recusal (回避, 行政处罚法 art. 43): "执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当
 * 回避。当事人认为执法人员应当回避的，有权申请回避。当事人提出回避申请的，行政机关应当依法审查，由行政机关
 * 负责人决定。决定作出之前，不停止调查。" The request is recorded, the head rules on it, and no decision is
 * made while a request waits (the investigation itself goes on, as the article says).
 */
import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { ruleValue } from '../../../platform/rulebook/resolve.ts';
import { canAct } from '../../org/rules/can-act.ts';
import type { Guard, GuardInput } from './guards.ts';
import type { CaseSnapshot, Payload, TeamMember } from './types.ts';

const ok: RuleViolation[] = [];
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function ableToAct(m: TeamMember | undefined, { snapshot, ctx }: GuardInput): RuleViolation[] | null {
  if (!m) return null;
  const base = { categoryCode: ctx.item.categoryCode, regionCode: snapshot.regionCode, date: ctx.today };
  return canAct(m, ctx.item.categoryName ? { ...base, categoryName: ctx.item.categoryName } : base).reasons;
}

const nameOf = (input: GuardInput, id: string) => input.ctx.team.find((m) => m.id === id)?.name ?? id;

/** The request names a member of this case's team, and one request is ruled on before the next. */
export const guardRecusalRequestValid: Guard = (input) => {
  const { snapshot, payload } = input;
  const out: RuleViolation[] = [];
  const pending = snapshot.recusalRequest;
  if (pending) {
    out.push(
      violation(
        'RECUSAL_ALREADY_PENDING',
        `对${nameOf(input, pending.officerId)}的回避申请（${pending.requestedOn}）尚未决定，决定后才能再次申请`,
        'officerId',
      ),
    );
  }
  const officerId = str(payload.officerId);
  if (officerId && !snapshot.teamOfficerIds.includes(officerId)) {
    out.push(
      violation(
        'RECUSAL_OFFICER_NOT_ON_TEAM',
        `「被申请回避的执法人员」（${officerId}）不是本案承办执法人员`,
        'officerId',
      ),
    );
  }
  return out;
};

/**
 * The head rules on the pending request. Granted, the officer leaves the team; if fewer officers able
 * to act remain than art. 42 requires (rulebook minOfficersPerAction), the same ruling names a
 * replacement from the agency (the service checks the agency), who must be able to act on the item.
 */
export const guardRecusalRuling: Guard = (input) => {
  const { snapshot, payload, ctx } = input;
  const pending = snapshot.recusalRequest;
  if (!pending) return [violation('NO_RECUSAL_PENDING', '本案没有尚未决定的回避申请', 'ruling')];
  if (payload.ruling !== 'granted') return ok;
  const replacement = str(payload.replacementOfficerId);
  const out: RuleViolation[] = [];
  if (replacement) {
    if (replacement === pending.officerId || snapshot.teamOfficerIds.includes(replacement)) {
      out.push(
        violation(
          'RECUSAL_REPLACEMENT_INVALID',
          `「接替的执法人员」（${nameOf(input, replacement)}）须为本案承办人员以外的执法人员`,
          'replacementOfficerId',
        ),
      );
      return out;
    }
    const reasons = ableToAct(
      ctx.team.find((m) => m.id === replacement),
      input,
    );
    if (reasons === null) {
      out.push(
        violation(
          'RECUSAL_REPLACEMENT_INVALID',
          `「接替的执法人员」（${replacement}）在执法人员名册中没有记录`,
          'replacementOfficerId',
        ),
      );
    } else {
      for (const r of reasons)
        out.push({
          ...r,
          message: `「接替的执法人员」${nameOf(input, replacement)}：${r.message}`,
          field: 'replacementOfficerId',
        });
    }
    if (out.length > 0) return out;
  }
  const remaining = teamAfterRecusal(snapshot, payload).filter((id) => {
    const reasons = ableToAct(
      ctx.team.find((m) => m.id === id && !m.isAuxiliary),
      input,
    );
    return reasons !== null && reasons.length === 0;
  });
  const min = ruleValue(ctx.rulebook, 'minOfficersPerAction');
  if (remaining.length < min) {
    out.push(
      violation(
        'RECUSAL_REPLACEMENT_REQUIRED',
        `${nameOf(input, pending.officerId)}回避后，本案能够执法的持证执法人员只有${remaining.length}名，少于${min}名（行政处罚法第四十二条），须在回避决定中指定「接替的执法人员」`,
        'replacementOfficerId',
      ),
    );
  }
  return out;
};

/** The team once a granted recusal takes effect: the officer leaves; the replacement, if any, joins. */
export function teamAfterRecusal(snapshot: CaseSnapshot, payload: Payload): string[] {
  const pending = snapshot.recusalRequest;
  if (!pending || payload.ruling !== 'granted') return [...snapshot.teamOfficerIds];
  const replacement = str(payload.replacementOfficerId);
  const kept = snapshot.teamOfficerIds.filter((id) => id !== pending.officerId);
  return replacement ? [...kept, replacement] : kept;
}

/** art. 43: the head decides the request before the case is decided. */
export const guardNoRecusalPending: Guard = (input) => {
  const pending = input.snapshot.recusalRequest;
  return pending
    ? [
        violation(
          'RECUSAL_PENDING',
          `对${nameOf(input, pending.officerId)}的回避申请（${pending.requestedOn}）尚未由机关负责人决定，不能作出决定（行政处罚法第四十三条）`,
        ),
      ]
    : ok;
};
