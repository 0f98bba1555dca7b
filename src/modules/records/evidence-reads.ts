import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import type { EvidenceSummary } from './contract.ts';
import { recordAccessFor } from './rules/access.ts';
import {
  CONFIDENTIALITY_LABELS,
  type Confidentiality,
  MEDIA_TYPE_LABELS,
  type MediaType,
} from './rules/vocabulary.ts';
import * as store from './store.ts';

/**
 * Reads of a case's evidence for the cases module (the AV guard, the case page). This file imports nothing
 * from the cases module, so cases may call it without a cycle; the writes live in evidence-service.ts.
 */
export type { EvidenceSummary };

/** Who reads a summary, and the team of the record's case: the summary says what they may open. */
export type Viewer = { actor: Pick<Actor, 'role' | 'officerId'>; teamOfficerIds: readonly string[] };

export function summaryOf(e: store.EvidenceRow, viewer: Viewer): EvidenceSummary {
  const mediaType = e.mediaType as MediaType;
  const confidentiality = e.confidentiality as Confidentiality;
  return {
    id: e.id,
    caseId: e.caseId,
    stepKey: e.stepKey,
    isAv: e.isAv,
    mediaType,
    mediaTypeLabel: MEDIA_TYPE_LABELS[mediaType],
    title: e.title,
    fileName: e.fileName,
    mimeType: e.mimeType,
    size: e.size,
    contentHash: e.contentHash,
    capturedAt: e.capturedAt.toISOString(),
    uploadedAt: e.uploadedAt.toISOString(),
    deviceId: e.deviceId,
    officerId: e.officerId,
    location: e.location,
    lateUpload: e.lateUpload,
    confidentiality,
    confidentialityLabel: CONFIDENTIALITY_LABELS[confidentiality],
    partyId: e.partyId,
    correctsId: e.correctsId,
    correctionReason: e.correctionReason,
    access: recordAccessFor(viewer.actor, viewer.teamOfficerIds, confidentiality),
  };
}

/** Metadata of every evidence record of a case (no content; opening a record is evidence-service's). */
export async function evidenceOfCase(db: Db, caseId: string, viewer: Viewer): Promise<EvidenceSummary[]> {
  return (await store.evidenceOfCase(db, caseId)).map((e) => summaryOf(e, viewer));
}

/**
 * What the AV guard (R4) counts: an AV record of the step, stored, carrying capture time, device, officer
 * and location (R3). The upload refuses an AV record without them, so every stored one qualifies.
 */
export async function avStepsRecorded(db: Db, caseId: string): Promise<{ stepKey: string; isAV: boolean }[]> {
  return (await store.evidenceOfCase(db, caseId))
    .filter((e) => e.isAv && e.deviceId && e.officerId && e.location)
    .map((e) => ({ stepKey: e.stepKey, isAV: true }));
}

/** The ids of a case's evidence records: a legal review round fixes which evidence it reviewed. */
export async function evidenceIdsOfCase(db: Db, caseId: string): Promise<string[]> {
  return (await store.evidenceOfCase(db, caseId)).map((e) => e.id);
}

/** How many evidence records the case has stored (any kind): the cases module's EVIDENCE_REQUIRED guard. */
export async function evidenceCountOfCase(db: Db, caseId: string): Promise<number> {
  return store.evidenceCountOfCase(db, caseId);
}
