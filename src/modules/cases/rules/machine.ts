/**
 * The lifecycles as one declarative table: for each procedure, the opening transition and, per state,
 * the transitions that leave it (action, target, who, guards, inputs, documents, AV). Anything not in
 * the table is refused (ILLEGAL_TRANSITION).
 *
 * Why a table and not XState: the table is plain data that the platform also renders as the published
 * flowchart (执法流程图, P4: "generated from the workflow the platform really runs"), so the chart can
 * never drift from the code; the guards are synchronous pure checks that need the full context (team
 * certificates, attachments, the review hook, calendar and rulebook), which is a function call, not an
 * actor; and nothing here waits: clocks are data computed from dates (clocks.ts) and read by jobs, so
 * XState's actors, delayed events and interpreter would be machinery without a use. The table is small
 * enough to read in one sitting and is covered transition by transition by the tests.
 */
import { INITIAL_STATE, STATES } from './states.ts';
import { MACHINES } from './table.ts';
import type { Procedure } from './types.ts';
import { DOCUMENT_LABELS, GUARD_LABELS, PERFORMER_LABELS, type TransitionSpec } from './vocabulary.ts';

export type { Machine } from './vocabulary.ts';
export { MACHINES };

/** The transitions leaving `state` (empty for final states and unknown states). */
export function transitionsFrom(procedure: Procedure, state: string): readonly TransitionSpec[] {
  return MACHINES[procedure]?.transitions[state] ?? [];
}

export function findTransition(
  procedure: Procedure,
  state: string,
  action: string,
): TransitionSpec | undefined {
  return transitionsFrom(procedure, state).find((tr) => tr.action === action);
}

/** Who may act in a state: the union of the performers of its transitions, in Chinese. */
export function performersOf(procedure: Procedure, state: string): string[] {
  const set = new Set(transitionsFrom(procedure, state).flatMap((tr) => tr.who));
  return [...set].map((p) => PERFORMER_LABELS[p]);
}

export type Flowchart = {
  procedure: Procedure;
  initial: string;
  nodes: { key: string; label: string; kind: string; performers: string[] }[];
  edges: {
    from: string | null;
    to: string;
    action: string;
    label: string;
    who: string[];
    guards: string[];
    documents: string[];
  }[];
};

/** The published flowchart (P4) of a procedure: the table itself, labelled in Chinese. */
export function flowchart(procedure: Procedure): Flowchart {
  const m = MACHINES[procedure];
  const edge = (from: string | null, tr: TransitionSpec) => ({
    from,
    to: tr.to,
    action: tr.action,
    label: tr.label,
    who: tr.who.map((p) => PERFORMER_LABELS[p]),
    guards: tr.guards.map((g) => GUARD_LABELS[g]),
    documents: tr.documents.map((d) => DOCUMENT_LABELS[d]),
  });
  return {
    procedure,
    initial: INITIAL_STATE[procedure],
    nodes: STATES[procedure].map((st) => ({ ...st, performers: performersOf(procedure, st.key) })),
    edges: [
      edge(null, m.opening),
      ...STATES[procedure].flatMap((st) => transitionsFrom(procedure, st.key).map((tr) => edge(st.key, tr))),
    ],
  };
}

/** Action → the document that step issues itself (`TransitionSpec.issues`), read from the table. */
export const ISSUES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.values(MACHINES).flatMap((m) =>
    [m.opening, ...Object.values(m.transitions).flat()].flatMap((t) =>
      t.issues ? [[t.action, t.issues]] : [],
    ),
  ),
);
