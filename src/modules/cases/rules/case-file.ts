import { findTransition, MACHINES } from './machine.ts';
import type { Procedure } from './types.ts';
import {
  AV_STEP_LABELS,
  type AvStep,
  DOCUMENT_LABELS,
  type DocumentRef,
  type TransitionSpec,
} from './vocabulary.ts';

/**
 * The documents a case file (案卷) must hold once the steps that call for them were taken (R7). These are
 * the procedural documents the platform itself produces — 立案审批表, 行政处罚事先告知书, 听证通知书,
 * 行政处罚决定书, 送达回证, 结案审批表, 查封（扣押）决定书, 当场行政处罚决定书. 笔录 and reports may be made on paper and
 * stored as evidence, so they are not demanded here. Nor is the 法制审核意见书: `record_review_opinion` offers it,
 * and rounds answered before it existed have none; the opinion itself is on the case (行政处罚法 art. 58).
 */
export const CASE_FILE_REQUIRED_DOCUMENTS: readonly DocumentRef[] = [
  'filing_approval',
  'penalty_rights_notice',
  'hearing_notice',
  'penalty_decision',
  'service_receipt',
  'closing_approval',
  'coercive_measure_decision',
  'on_spot_penalty_decision',
];

export type StepTaken = { fromState: string | null; action: string; actionLabel: string };

export type RequiredRecords = {
  documents: { kind: DocumentRef; label: string; step: string }[];
  av: { step: AvStep; label: string }[];
};

function specOf(procedure: Procedure, e: StepTaken): TransitionSpec | undefined {
  if (e.fromState === null) return MACHINES[procedure].opening;
  return findTransition(procedure, e.fromState, e.action);
}

/**
 * What the steps taken required of the file: each required document named by a step, and an AV record
 * for each step where R4 made one mandatory (always, or because the item is on the AV item list).
 */
export function requiredRecords(
  procedure: Procedure,
  steps: readonly StepTaken[],
  itemRequiresAv: boolean,
): RequiredRecords {
  const documents = new Map<DocumentRef, RequiredRecords['documents'][number]>();
  const av = new Map<AvStep, RequiredRecords['av'][number]>();
  for (const e of steps) {
    const spec = specOf(procedure, e);
    if (!spec) continue;
    for (const kind of spec.documents)
      if (CASE_FILE_REQUIRED_DOCUMENTS.includes(kind) && !documents.has(kind))
        documents.set(kind, { kind, label: DOCUMENT_LABELS[kind], step: e.actionLabel });
    if (spec.av && (spec.av.when === 'always' || itemRequiresAv) && !av.has(spec.av.step))
      av.set(spec.av.step, { step: spec.av.step, label: AV_STEP_LABELS[spec.av.step] });
  }
  return { documents: [...documents.values()], av: [...av.values()] };
}
