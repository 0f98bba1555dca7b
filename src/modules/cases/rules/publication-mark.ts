import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';
import { type Clock, computeClocks, publicationStart } from './clocks.ts';
import { eventActor } from './transition.ts';
import type { CaseEvent, CaseSnapshot, PublicationMark, TransitionContext } from './types.ts';

// The publicity module publishes, withholds and withdraws a decision; the case records what happened as
// an event of its own (so the history, the ledger and the publication clock all say it) without changing
// the case's state: publication is the agency's duty after the decision (国办发〔2018〕118号), not a step of
// the procedure.

export type PublicationChange =
  | { kind: 'published'; reason?: null }
  | { kind: 'withheld'; reason: string }
  | { kind: 'withdrawn'; reason: string };

const LABELS: Readonly<Record<PublicationChange['kind'], string>> = {
  published: '执法决定信息公开',
  withheld: '执法决定依法不予公开',
  withdrawn: '撤下已公开的执法决定信息',
};

export type PublicationMarkResult =
  | { ok: true; next: CaseSnapshot; event: CaseEvent; clocks: Clock[] }
  | { ok: false; violations: RuleViolation[] };

/**
 * The case as it is after the publicity module's change, with the event that records it. Refuses what
 * the case's own record contradicts: publishing twice, withdrawing what was never published.
 */
export function markPublication(
  s: CaseSnapshot,
  change: PublicationChange,
  ctx: Pick<TransitionContext, 'at' | 'today' | 'actor' | 'calendar' | 'rulebook'>,
): PublicationMarkResult {
  const before = s.publication ?? null;
  const bad = (code: string, message: string): PublicationMarkResult => ({
    ok: false,
    violations: [violation(code, message)],
  });
  if (!publicationStart(s)) return bad('NO_DECISION_TO_PUBLISH', '本案尚未作出执法决定，无可公开的决定信息');
  let mark: PublicationMark;
  switch (change.kind) {
    case 'published':
      if (before?.status === 'published') return bad('ALREADY_PUBLISHED', '本案的执法决定信息已经公开');
      mark = {
        status: 'published',
        publishedOn: ctx.today,
        withheldOn: null,
        withdrawnOn: null,
        reason: null,
      };
      break;
    case 'withheld':
      if (before?.status === 'published')
        return bad('ALREADY_PUBLISHED', '本案的执法决定信息已经公开，应撤下而非不予公开');
      mark = {
        status: 'withheld',
        publishedOn: null,
        withheldOn: ctx.today,
        withdrawnOn: null,
        reason: change.reason,
      };
      break;
    case 'withdrawn':
      if (before?.status !== 'published') return bad('NOT_PUBLISHED', '本案的执法决定信息未公开，无需撤下');
      mark = { ...before, status: 'withdrawn', withdrawnOn: ctx.today, reason: change.reason };
      break;
  }
  const changes = { publication: mark };
  const next: CaseSnapshot = { ...s, ...changes, version: s.version + 1 };
  const event: CaseEvent = {
    caseId: s.id,
    procedure: s.procedure,
    sequence: next.version,
    action: `publication_${change.kind}`,
    actionLabel: LABELS[change.kind],
    from: s.state,
    to: s.state,
    actor: eventActor(ctx),
    at: ctx.at,
    on: ctx.today,
    payload: change.reason ? { reason: change.reason } : {},
    changes,
    calendarVersion: ctx.calendar.version,
    rulebookVersion: ctx.rulebook.version,
  };
  return { ok: true, next, event, clocks: computeClocks(next, ctx) };
}
