// Types of the case-handling API: the server's own contract (src/modules/cases/contract.ts) and value
// sets (pure rules), imported type-only, so nothing is bundled and nothing is copied by hand.

import type { CaseDetail, ClockStatus, InputSpec, PartyBody } from '../../src/modules/cases/contract.ts';

export type {
  CaseAction,
  CaseClock,
  CaseDetail,
  CaseDocument,
  CaseEvent,
  CaseList,
  CaseListItem,
  CaseParty,
  ClockStatus,
  ClockWarnings,
  DocumentBlock,
  DocumentDraft,
  DocumentField,
  DocumentPreview,
  DocumentSettings,
  InputSpec,
  IssuedDocument,
  LegalReviewQueue,
  LegalReviewStatistics,
  PenaltyTerms,
  ReviewChecklist,
  ReviewTrail,
  TransitionAnswer,
} from '../../src/modules/cases/contract.ts';
export type { ItemType, PartyType, Procedure } from '../../src/modules/cases/rules/types.ts';
export type { Item as EnforcementItem, ItemList } from '../../src/modules/catalog/contract.ts';

export type ClockState = ClockStatus['state'];
export type InputKind = InputSpec['kind'];
export type TeamMember = CaseDetail['team'][number];
export type CaseEvidence = CaseDetail['evidence'][number];

/** The party as the console sends it when opening a record or filing a lead. */
export type PartyInput = PartyBody;
