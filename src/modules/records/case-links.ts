import type { Ctx } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import type { AssemblyInput, RequiredAv, RequiredDocument } from './rules/case-file.ts';

/**
 * What the records module needs to know of a case, stated here by records and provided by the cases module
 * (`cases/record-links.ts`), handed over in `RecordsDeps` by the composition root (src/composition.ts).
 * Records never imports the cases module: cases depends on records (for the AV guard), so the other way
 * round would be an import cycle.
 */
export type CaseRef = {
  id: string;
  agencyId: string;
  regionCode: string;
  /** `lead` for a lead (案源), else the procedure of the case. */
  procedure: string;
  state: string;
  title: string;
  /** active | ended (awaiting archiving) | final (archived, or a lead that is no case file) */
  stage: 'active' | 'ended' | 'final';
  archived: boolean;
  teamOfficerIds: readonly string[];
  partyId: string | null;
  endedOn: string | null;
};

/** A document of the case as the case file lists it (the pure assembly's own shape). */
export type CaseFileDocument = AssemblyInput['documents'][number];

/** What the steps a case took require its file to hold (R7 completeness). */
export type RequiredCaseRecords = { documents: RequiredDocument[]; av: RequiredAv[] };

export interface CaseLinks {
  /**
   * The case if the caller's scope covers it (else CASE_NOT_FOUND, as for every record outside scope);
   * `handle` also demands that the caller works for the case's agency (else 403).
   */
  caseForRecords(db: Db, ctx: Ctx, id: string, mode: 'read' | 'handle'): Promise<CaseRef>;
  /** Inside the archiving transaction: no scope check (the transition did it). */
  caseRefById(db: Db, id: string): Promise<CaseRef | undefined>;
  /** Inside the caller's transaction: the case as it now is, locked until the transaction ends. */
  lockCaseForRecords(tx: Db, id: string): Promise<CaseRef | undefined>;
  /** The case's documents and what its steps required of the file. */
  caseFileSources(
    db: Db,
    caseId: string,
  ): Promise<{ documents: CaseFileDocument[]; required: RequiredCaseRecords }>;
  /** Titles of cases by id (the caller has already scoped the rows). */
  caseTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>>;
  /** Document ids of a case (a correction after archiving may name one of them). */
  caseDocumentIds(db: Db, caseId: string): Promise<Set<string>>;
  /** The case steps an AV record can record (R3), by key. */
  avStepLabels: Readonly<Record<string, string>>;
}
