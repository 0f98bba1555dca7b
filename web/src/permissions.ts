import type { User } from './types.ts';

// The server is the authority; these only decide which buttons and menu entries to show.

export const isOversight = (u: User): boolean => u.role === 'supervisor' || u.role === 'system_admin';

export const canEditRegions = isOversight;
export const canCreateAgency = isOversight;
export const canSeeAudit = isOversight;

export function canEditAgency(u: User, agencyId: string): boolean {
  return (
    isOversight(u) ||
    (u.role === 'agency_admin' && u.agencyId !== null && String(u.agencyId) === String(agencyId))
  );
}

/** Create/edit officers, change certificate status, import. Without agencyId: for any agency at all. */
export function canManageOfficers(u: User, agencyId?: string): boolean {
  if (isOversight(u)) return true;
  return (
    u.role === 'agency_admin' &&
    (agencyId === undefined || (u.agencyId !== null && String(u.agencyId) === String(agencyId)))
  );
}
