import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, day, instant } from '../../platform/db/columns.ts';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
  createdAt: createdAt(),
});

export const enforcementCategories = pgTable('enforcement_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    uscc: text('uscc').notNull().unique(),
    type: text('type').notNull(),
    legalBasis: text('legal_basis').notNull().default(''),
    functions: text('functions').notNull().default(''),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    contactPhone: text('contact_phone').notNull().default(''),
    contactAddress: text('contact_address').notNull().default(''),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('agencies_region_idx').on(t.regionCode)],
);

export const entrustments = pgTable('entrustments', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id),
  entrustingAgencyId: uuid('entrusting_agency_id')
    .notNull()
    .references(() => agencies.id),
  basis: text('basis').notNull(),
  items: text('items').array().notNull(),
  powers: text('powers').array().notNull(),
  termStart: day('term_start').notNull(),
  termEnd: day('term_end').notNull(),
});

export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  name: text('name').notNull(),
  functions: text('functions').notNull().default(''),
  // 法制审核机构: the unit that carries out legal review (L1).
  isReviewUnit: boolean('is_review_unit').notNull().default(false),
  createdAt: createdAt(),
});

export const officers = pgTable(
  'officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    unitId: uuid('unit_id').references(() => units.id),
    name: text('name').notNull(),
    isAuxiliary: boolean('is_auxiliary').notNull().default(false),
    certificateNo: text('certificate_no').unique(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    enforcementRegionCode: text('enforcement_region_code').references(() => regions.code),
    issueDate: day('issue_date'),
    expiryDate: day('expiry_date'),
    status: text('status').notNull().default('valid'),
    revocationCause: text('revocation_cause'),
    isLegalReviewer: boolean('is_legal_reviewer').notNull().default(false),
    // 行政处罚法 art. 58 para 2: a first-time reviewer must hold the 法律职业资格 (证书编号), and the
    // day they first reviewed tells whether the requirement applies to them.
    legalQualificationNo: text('legal_qualification_no'),
    reviewingSince: day('reviewing_since'),
    phone: text('phone'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('officers_agency_idx').on(t.agencyId),
    // 执法辅助人员 hold no certificate; officers always do (seed 001 五(一)).
    check(
      'officers_certificate_ck',
      sql`(${t.isAuxiliary} and ${t.certificateNo} is null) or (not ${t.isAuxiliary} and ${t.certificateNo} is not null and ${t.issueDate} is not null and ${t.expiryDate} is not null)`,
    ),
  ],
);

export const officerTraining = pgTable(
  'officer_training',
  {
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    year: integer('year').notNull(),
    hours: doublePrecision('hours').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.year] })],
);

export const certificateEvents = pgTable('certificate_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  officerId: uuid('officer_id')
    .notNull()
    .references(() => officers.id),
  action: text('action').notNull(),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  reason: text('reason').notNull(),
  revocationCause: text('revocation_cause'),
  actorUserId: uuid('actor_user_id'),
  at: instant('at').notNull().defaultNow(),
});
