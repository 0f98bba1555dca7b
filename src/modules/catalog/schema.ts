import { boolean, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, day, instant } from '../../platform/db/columns.ts';
import type { ReviewCatalogueEntry } from './review-catalogue.ts';

/** 行政执法事项: what an agency may do, and how the workflow must treat it (R4 AV, random inspection). */
export const enforcementItems = pgTable(
  'enforcement_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The agency is referenced by id only: catalog reaches org through org's service, not its tables.
    agencyId: uuid('agency_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    categoryCode: text('category_code').notNull(),
    legalBasis: text('legal_basis').notNull(),
    requiresAv: boolean('requires_av').notNull().default(false),
    isRandomInspection: boolean('is_random_inspection').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('enforcement_items_agency_code_uq').on(t.agencyId, t.code),
    index('enforcement_items_agency_idx').on(t.agencyId),
  ],
);

/**
 * 重大执法决定法制审核目录清单 (行政处罚法 art. 58; seed 000 item 29), one row per version. A saved
 * version is never updated: a change is a new version with its own effective date, so a case is always
 * judged by the catalogue that was in force on its day.
 */
export const reviewCatalogueVersions = pgTable(
  'review_catalogue_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    version: integer('version').notNull(),
    effectiveFrom: day('effective_from').notNull(),
    entries: jsonb('entries').$type<ReviewCatalogueEntry[]>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [unique('review_catalogue_versions_agency_version_uq').on(t.agencyId, t.version)],
);
