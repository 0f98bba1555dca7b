import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';
import type { RegionRulebook } from './resolve.ts';

/** Versioned rule layers per region; old versions are kept, the highest version is in force. */
export const rulebookLayers = pgTable(
  'rulebook_layers',
  {
    regionCode: text('region_code').notNull(),
    version: integer('version').notNull(),
    overrides: jsonb('overrides').$type<RegionRulebook['overrides']>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.version] })],
);
