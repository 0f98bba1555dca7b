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

/** Staff of an agency who handle its cases (the server's HANDLERS); the rules decide each step. */
export function canHandleCases(u: User): boolean {
  return (
    u.agencyId !== null &&
    ['officer', 'auxiliary', 'legal_reviewer', 'agency_head', 'agency_admin'].includes(u.role)
  );
}

/** May register a lead or open a case (auxiliaries never act on their own). */
export function canOpenCases(u: User): boolean {
  return canHandleCases(u) && u.role !== 'auxiliary';
}

/** Register, hand out, take back and retire recorders: the agency's administrator or head, or oversight. */
export function canManageDevices(u: User, agencyId?: string): boolean {
  if (isOversight(u)) return true;
  return (
    (u.role === 'agency_admin' || u.role === 'agency_head') &&
    u.agencyId !== null &&
    (agencyId === undefined || String(u.agencyId) === String(agencyId))
  );
}

/** The record supervision pages (R9): the agency's head and legal reviewers, and supervisors. */
export function canSuperviseRecords(u: User): boolean {
  return u.role === 'agency_head' || u.role === 'legal_reviewer' || u.role === 'supervisor';
}
