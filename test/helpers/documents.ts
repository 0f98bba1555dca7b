import assert from 'node:assert/strict';
import { SAMPLE_DATA } from '../../src/modules/cases/documents/samples.ts';
import type { Client } from './server.ts';

/** What the case records: the draft's to fill (or leave empty), never the sample's. */
const FROM_THE_CASE = new Set([
  'party',
  'officers',
  'handlers',
  'servers',
  'filingDate',
  'fineFen',
  'confiscatedIncomeFen',
  'confiscatedProperty',
  'warning',
  'otherPenalties',
  'hearingRight',
  'decisionNumber',
  'requestDate',
  'startDate',
  'documents',
  'serviceTime',
  'serviceMethod',
  'decisionSummary',
  'executionStatus',
  // 法制审核意见书: the round's and the record_review_opinion step's (its `findings` too, but the key is also the
  // 现场检查笔录's own, which the officer writes: the opinion's draft always fills it from the step).
  'caseName',
  'submitter',
  'submittedOn',
  'round',
  'proposal',
  'opinion',
  'reasons',
  'reviewer',
  'reviewedOn',
]);
const empty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * A document's data as an officer completes the form: the server's draft (written from the case), with
 * what only a person knows (facts, findings, the place…) taken from the sample where the draft left it
 * empty. What the case records is the draft's, never the sample's.
 */
export async function completedDraft(
  c: Client,
  caseId: string,
  kind: keyof typeof SAMPLE_DATA,
  step: { action?: string; payload?: object } = {},
  overrides: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const r = await c.post(`/api/cases/${caseId}/documents/draft`, { kind, ...step });
  assert.equal(r.status, 200, `draft of ${kind}: ${r.text}`);
  const data: Record<string, unknown> = { ...r.body.data };
  for (const [k, v] of Object.entries(SAMPLE_DATA[kind]))
    if (empty(data[k]) && !FROM_THE_CASE.has(k)) data[k] = v;
  return { ...data, ...overrides };
}
