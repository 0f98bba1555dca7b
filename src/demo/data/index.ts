import { isIsoDate } from '../../platform/identifiers/date.ts';
import { buildAgencies } from './agencies.ts';
import { DEMO_CATEGORIES } from './categories.ts';
import { buildOfficers } from './officers.ts';
import { DEMO_REGIONS } from './regions.ts';
import { buildReviewCatalogues } from './review-catalogues.ts';
import type { DemoData } from './types.ts';
import { DEMO_USERS } from './users.ts';

export type * from './types.ts';

/**
 * The demo deployment of 蚌埠市 (seed 000 is 蚌埠's implementation plan). Pure and deterministic: the same
 * `referenceDate` gives the same data. Dates are offsets from it, so a demo seeded on any day has
 * mostly valid certificates, a few expired, one about to expire, and training hours for this year and last.
 */
export function buildDemoData(referenceDate: string): DemoData {
  if (!isIsoDate(referenceDate)) throw new RangeError(`referenceDate must be YYYY-MM-DD: ${referenceDate}`);
  const agencies = buildAgencies(referenceDate);
  return {
    referenceDate,
    regions: DEMO_REGIONS.map((r) => ({ ...r })),
    categories: DEMO_CATEGORIES.map((c) => ({ ...c })),
    agencies,
    officers: buildOfficers(referenceDate, agencies),
    users: DEMO_USERS.map((u) => ({ ...u })),
    reviewCatalogues: buildReviewCatalogues(agencies.map((a) => a.key)),
  };
}
