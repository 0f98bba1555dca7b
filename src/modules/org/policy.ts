import type { Actor } from '../../platform/auth/actor.ts';
import { isWithinRegion, regionPrefix } from '../../platform/identifiers/region-code.ts';
import type { Scope } from './store.ts';

/**
 * Who may do what in the register. Deny by default: every function answers for one role set and
 * everything else is refused. Reads are set-based (a Scope the store applies in SQL); writes are
 * checked against the record's agency and region.
 */

/** The agencies whose register the actor may read. */
export function readScope(actor: Actor): Scope | null {
  switch (actor.role) {
    case 'system_admin':
      return { kind: 'all' };
    case 'supervisor':
      return actor.regionCode ? { kind: 'region', prefix: regionPrefix(actor.regionCode) } : null;
    default:
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : null;
  }
}

export interface AgencyRef {
  id: string;
  regionCode: string;
}

function supervises(actor: Actor, regionCode: string): boolean {
  return actor.role === 'supervisor' && !!actor.regionCode && isWithinRegion(regionCode, actor.regionCode);
}

/** Create agencies: the justice bureau of the region, or a system admin. */
export function mayCreateAgency(actor: Actor, regionCode: string): boolean {
  return actor.role === 'system_admin' || supervises(actor, regionCode);
}

/** Edit an agency's record and units: its own admin, its supervisor, a system admin. */
export function mayEditAgency(actor: Actor, agency: AgencyRef): boolean {
  if (actor.role === 'system_admin') return true;
  if (actor.role === 'agency_admin') return actor.agencyId === agency.id;
  return supervises(actor, agency.regionCode);
}

/** Maintain an agency's officers and auxiliary staff (O2): same people as for the agency record. */
export const mayManageOfficers = mayEditAgency;

/** Regions: the supervisor inside the region they oversee, or a system admin. */
export function mayManageRegion(actor: Actor, code: string): boolean {
  return actor.role === 'system_admin' || supervises(actor, code);
}
