import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import type { CertificateStatus, ReviewerRecord } from './rules/index.ts';
import { scopeOf } from './service-shared.ts';
import * as store from './store.ts';

// For other modules: agency references and officers as the case rules check them. They reach the
// register through these, never through its tables.

export interface AgencyRef {
  id: string;
  name: string;
  regionCode: string;
}

/** An agency by id, unscoped (callers apply their own policy), or null. */
export async function agencyRef(db: Db, id: string): Promise<AgencyRef | null> {
  if (!UUID_RE.test(id)) return null;
  const a = await store.findAgency(db, id);
  return a ? { id: a.id, name: a.name, regionCode: a.regionCode } : null;
}

/** The agencies the caller may read, as references (set-based scope for other modules' lists). */
export async function agenciesInScope(db: Db, ctx: Ctx): Promise<AgencyRef[]> {
  const rows = await store.listAgencies(db, { scope: scopeOf(ctx) });
  return rows.map((a) => ({ id: a.id, name: a.name, regionCode: a.regionCode }));
}

/** Officers as the case rules check them (O3), by id; unknown ids are simply absent. */
export async function actingOfficers(db: Db, ids: readonly string[]) {
  const valid = [...new Set(ids)].filter((id) => UUID_RE.test(id));
  const rows = await store.officersByIds(db, valid);
  return rows.map((o) => ({
    id: o.id,
    agencyId: o.agencyId,
    name: o.name,
    certificateNo: o.certificateNo,
    isAuxiliary: o.isAuxiliary,
    categories: o.categories,
    enforcementRegionCode: o.enforcementRegionCode,
    issueDate: o.issueDate,
    expiryDate: o.expiryDate,
    status: o.status as CertificateStatus,
  }));
}

/**
 * Legal reviewers as the review rules check them (行政处罚法 art. 58 para 2, reviewer-qualification.ts),
 * by id; unknown ids are simply absent. `inReviewUnit`: the officer's unit is the agency's 法制审核机构.
 */
export async function reviewerRecords(db: Db, officerIds: readonly string[]): Promise<ReviewerRecord[]> {
  const valid = [...new Set(officerIds)].filter((id) => UUID_RE.test(id));
  return store.reviewerRows(db, valid);
}
