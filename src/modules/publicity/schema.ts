import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, day, instant } from '../../platform/db/columns.ts';
import type { PublicNotice } from './rules/publication.ts';

/**
 * 执法决定公开 (P8–P11): one row per decision the agency published or decided not to publish. The notice is
 * stored as published (redacted): the portal, the feeds and the open data read only this, never the case.
 * Nothing is deleted: a withdrawal, the end of the period or an early removal is recorded on the row.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    regionCode: text('region_code').notNull(),
    category: text('category').notNull(),
    /** published | withheld | withdrawn | removed (公示期满 is computed from period_until). */
    status: text('status').notNull(),
    decidedOn: day('decided_on').notNull(),
    /** When publication was due (7 or 20 working days after the decision). */
    dueOn: day('due_on'),
    documentNumber: text('document_number'),
    /** As published (a natural person's name masked); null when withheld. */
    partyName: text('party_name'),
    notice: jsonb('notice').$type<PublicNotice>(),
    /** SM3 of the notice's canonical JSON, logged in the ledger when published. */
    noticeHash: text('notice_hash'),
    /** How many passages of each kind were redacted (never what they were). */
    redactions: jsonb('redactions').$type<Record<string, number>>().notNull().default({}),
    /** Search tokens (rules/publication.ts searchTokens) of the published notice. */
    searchTokens: text('search_tokens').array().notNull().default([]),
    publishedOn: day('published_on'),
    publishedAt: instant('published_at'),
    publishedBy: uuid('published_by'),
    periodMonths: integer('period_months'),
    periodUntil: day('period_until'),
    withheldOn: day('withheld_on'),
    withheldReason: text('withheld_reason'),
    withheldNote: text('withheld_note'),
    withdrawalReason: text('withdrawal_reason'),
    withdrawalNote: text('withdrawal_note'),
    /** The day of the ruling that revoked or changed the decision: the 3 working days run from it. */
    withdrawalTriggerOn: day('withdrawal_trigger_on'),
    withdrawalDueOn: day('withdrawal_due_on'),
    withdrawnOn: day('withdrawn_on'),
    withdrawnAt: instant('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by'),
    /** 信用修复: removed from the portal early, after the minimum period. */
    removedOn: day('removed_on'),
    removalNote: text('removal_note'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('publications_case_uq').on(t.caseId),
    index('publications_status_idx').on(t.status, t.publishedOn),
    index('publications_agency_idx').on(t.agencyId),
    index('publications_search_idx').using('gin', t.searchTokens),
  ],
);
