import { type RuleViolation, violation } from '../../../platform/identifiers/violation.ts';

/**
 * 案卷 assembly (R7, seed 000 item 22): the case's text and AV records in the order they were made, each
 * with the hash that the ledger holds, so the locked file can be checked against the log at any time.
 */
export type CaseFileItem = {
  /** 1-based position in the file. */
  seq: number;
  recordType: 'document' | 'evidence';
  recordId: string;
  /** documents: document kind; evidence: step key. */
  kind: string;
  title: string;
  /** Document number (文号) or file name. */
  reference: string | null;
  contentHash: string;
  at: string;
};

export type RequiredDocument = { kind: string; label: string; step: string };
export type RequiredAv = { step: string; label: string };
export type Completeness = {
  complete: boolean;
  missingDocuments: RequiredDocument[];
  missingAv: RequiredAv[];
};

export type AssemblyInput = {
  documents: {
    id: string;
    kind: string;
    title: string;
    number: string | null;
    contentHash: string;
    at: string;
  }[];
  evidence: {
    id: string;
    stepKey: string;
    title: string;
    fileName: string;
    contentHash: string;
    at: string;
  }[];
};

/** Orders records by time (documents before evidence at the same instant), numbering from 1. */
export function assembleCaseFile(input: AssemblyInput): CaseFileItem[] {
  const rows: Omit<CaseFileItem, 'seq'>[] = [
    ...input.documents.map((d) => ({
      recordType: 'document' as const,
      recordId: d.id,
      kind: d.kind,
      title: d.title,
      reference: d.number,
      contentHash: d.contentHash,
      at: d.at,
    })),
    ...input.evidence.map((e) => ({
      recordType: 'evidence' as const,
      recordId: e.id,
      kind: e.stepKey,
      title: e.title,
      reference: e.fileName,
      contentHash: e.contentHash,
      at: e.at,
    })),
  ];
  rows.sort(
    (a, b) =>
      a.at.localeCompare(b.at) ||
      (a.recordType === b.recordType ? 0 : a.recordType === 'document' ? -1 : 1) ||
      a.recordId.localeCompare(b.recordId),
  );
  return rows.map((r, i) => ({ seq: i + 1, ...r }));
}

/**
 * Completeness against the procedure: every document the steps taken required, and an AV record for
 * every step where one was mandatory (R4). The cases module says what was required; this compares.
 */
export function checkCompleteness(
  required: { documents: readonly RequiredDocument[]; av: readonly RequiredAv[] },
  items: readonly CaseFileItem[],
  avSteps: ReadonlySet<string>,
): Completeness {
  const docKinds = new Set(items.filter((i) => i.recordType === 'document').map((i) => i.kind));
  const missingDocuments = required.documents.filter((d) => !docKinds.has(d.kind));
  const missingAv = required.av.filter((a) => !avSteps.has(a.step));
  return { complete: missingDocuments.length === 0 && missingAv.length === 0, missingDocuments, missingAv };
}

export function completenessViolations(c: Completeness): RuleViolation[] {
  return [
    ...c.missingDocuments.map((d) =>
      violation('CASE_FILE_INCOMPLETE', `案卷不完整：缺少「${d.label}」（${d.step}环节）`, 'documents'),
    ),
    ...c.missingAv.map((a) =>
      violation('CASE_FILE_INCOMPLETE', `案卷不完整：缺少「${a.label}」环节的音像记录`, 'evidence'),
    ),
  ];
}
