import type * as cases from '../modules/cases/service.ts';
import type { RecordsDeps } from '../modules/records/deps.ts';
import type { Database } from '../platform/db/index.ts';
import { type DemoActors, demoKit } from './case-kit.ts';
import {
  caseArchivedAndSpotChecked,
  caseDecidedAndServed,
  caseUnderInvestigation,
  closedLead,
  complexCaseAwaitingReview,
  freshLead,
  rightsNoticeServed,
} from './penalty-stories.ts';
import {
  inspectionWithRectification,
  seizureInEffect,
  summaryWarningOnTheSpot,
} from './procedure-stories.ts';
import { decisionsPublished } from './publicity-stories.ts';
import { reviewAgreedAndDecided, reviewInCoordination, reviewResubmitted } from './review-stories.ts';

export type { DemoActors } from './case-kit.ts';

/**
 * Leads and cases at every stage of each procedure, with their documents, for the 市场监管局 demo
 * agency: a newcomer sees a living office on first start. Every step goes through the same service and
 * rules as a user's request, on a plausible past day. The stories run in this order on purpose: it
 * fixes the document numbers, ledger entries and sample media the demo (and its tests) show.
 */
export async function seedDemoCases(
  database: Database,
  deps: cases.CasesDeps,
  records: RecordsDeps,
  a: DemoActors,
): Promise<number> {
  const k = await demoKit(database, deps, records, a);
  const stories = [
    freshLead,
    closedLead,
    caseUnderInvestigation,
    rightsNoticeServed,
    complexCaseAwaitingReview,
    caseArchivedAndSpotChecked,
    caseDecidedAndServed,
    seizureInEffect,
    inspectionWithRectification,
  ];
  for (const story of stories) await story(k);
  await summaryWarningOnTheSpot(k);
  // Major cases at each stage of the legal review (after the others: their numbers stay as they were).
  const reviews = [reviewAgreedAndDecided, reviewResubmitted, reviewInCoordination];
  for (const story of reviews) await story(k);
  // Publication last: it publishes what the stories decided (numbers and ledger entries above unchanged).
  await decisionsPublished(k);
  return stories.length + 1 + reviews.length + 1;
}
