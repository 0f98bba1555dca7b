import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, day, instant } from '../../platform/db/columns.ts';
import type {
  AgencyTemplateOverride,
  DocumentContent,
  DocumentData,
  DocumentKind,
} from './documents/types.ts';

export type TemplateOverrides = Partial<Record<DocumentKind, Partial<AgencyTemplateOverride>>>;

import type { Clock } from './rules/clocks.ts';
import type { CaseSnapshot, EventActor, Payload } from './rules/types.ts';

/** 当事人. Personal data: never on a public page; reads of a party's identifiers are audited. */
export const parties = pgTable(
  'parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    /** Resident ID number (natural person) or USCC (organisations, 个体工商户). */
    idNumber: text('id_number'),
    representative: text('representative'),
    address: text('address'),
    phone: text('phone'),
    createdAt: createdAt(),
  },
  (t) => [index('parties_agency_idx').on(t.agencyId)],
);

/**
 * Leads, cases, coercive measures and inspections: one row each, holding the rules' snapshot as it is
 * plus the columns lists filter on. `version` guards concurrent transitions (optimistic locking).
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id').notNull(),
    itemId: uuid('item_id').notNull(),
    procedure: text('procedure').notNull(),
    state: text('state').notNull(),
    outcome: text('outcome'),
    version: integer('version').notNull(),
    regionCode: text('region_code').notNull(),
    partyId: uuid('party_id').references(() => parties.id),
    title: text('title').notNull(),
    /** 案号: taken when the case is filed (ordinary procedure), gap-free per agency and year; leads have none. */
    caseNumber: text('case_number'),
    /** The lead this case was filed from. */
    leadId: uuid('lead_id'),
    teamOfficerIds: uuid('team_officer_ids').array().notNull(),
    snapshot: jsonb('snapshot').$type<CaseSnapshot>().notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('cases_agency_state_idx').on(t.agencyId, t.procedure, t.state),
    unique('cases_case_number_uq').on(t.agencyId, t.caseNumber),
  ],
);

/** Every transition, attributed and timestamped, written in the same transaction as the new state. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    sequence: integer('sequence').notNull(),
    action: text('action').notNull(),
    actionLabel: text('action_label').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    actor: jsonb('actor').$type<EventActor>().notNull(),
    actorUserId: uuid('actor_user_id'),
    at: instant('at').notNull(),
    on: day('on').notNull(),
    payload: jsonb('payload').$type<Payload>().notNull(),
    changes: jsonb('changes').$type<Partial<CaseSnapshot>>().notNull(),
    calendarVersion: text('calendar_version').notNull(),
    rulebookVersion: text('rulebook_version').notNull(),
  },
  (t) => [unique('case_events_seq_uq').on(t.caseId, t.sequence)],
);

/** The case's clocks as last computed (replaced on every transition), for lists and warnings. */
export const caseClocks = pgTable(
  'case_clocks',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    key: text('key').notNull(),
    dueOn: day('due_on').notNull(),
    completedOn: day('completed_on'),
    provisional: boolean('provisional').notNull(),
    clock: jsonb('clock').$type<Clock>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.key] }), index('case_clocks_due_idx').on(t.dueOn)],
);

/** 文书: structured data first; the PDF is rendered from it. Numbers are gap-free per agency, kind, year. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    agencyId: uuid('agency_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number'),
    year: integer('year'),
    seq: integer('seq'),
    data: jsonb('data').$type<DocumentData>().notNull(),
    /** Exactly what was hashed and signed (resolved wording included); PDFs are re-rendered from it. */
    content: jsonb('content').$type<DocumentContent>().notNull(),
    contentHash: text('content_hash').notNull(),
    signature: text('signature'),
    publicKeyHex: text('public_key_hex'),
    issuedAt: instant('issued_at').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('documents_number_uq').on(t.agencyId, t.number),
    unique('documents_seq_uq').on(t.agencyId, t.kind, t.year, t.seq),
    index('documents_case_idx').on(t.caseId),
  ],
);

/** One row per agency, kind and year; `update … set last = last + 1` inside the issuing transaction. */
export const documentCounters = pgTable(
  'document_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.kind, t.year] })],
);

/** One row per agency and year: the last 案号 sequence, taken like a document number (gap-free). */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    agencyId: uuid('agency_id').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** Per-agency document settings: the abbreviation in document numbers (e.g. 蚌市监). */
export const documentSettings = pgTable('document_settings', {
  agencyId: uuid('agency_id').primaryKey(),
  abbreviation: text('abbreviation').notNull(),
  /** The agency's own wording per document kind (文书格式 filed with the justice bureau, R2). */
  templateOverrides: jsonb('template_overrides').$type<TemplateOverrides>().notNull().default({}),
  /** The agency's 案号 pattern ({机关代字}, {年}, {序号}); null: the platform's default. */
  caseNumberPattern: text('case_number_pattern'),
});

/** The agency's e-seal key pair (SM2); the private key sealed with the master key (platform/keys). */
export const agencySeals = pgTable('agency_seals', {
  agencyId: uuid('agency_id').primaryKey(),
  publicKeyHex: text('public_key_hex').notNull(),
  privateKeySealed: text('private_key_sealed').notNull(),
  createdAt: createdAt(),
});
