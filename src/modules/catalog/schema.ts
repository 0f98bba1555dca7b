import { boolean, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from '../../platform/db/columns.ts';

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
