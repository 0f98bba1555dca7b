import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who may touch a case record at all. The transition table then says which role or assigned officer
 * performs each step (rules/); this only decides the agency boundary.
 *  - Reads: everyone whose register scope includes the case's agency (org's readScope, set-based).
 *  - Writes: staff of the case's own agency. Supervisors and system admins oversee; they do not
 *    handle another agency's cases.
 */
export function mayHandle(actor: Actor, caseAgencyId: string): boolean {
  return actor.agencyId === caseAgencyId && actor.role !== 'supervisor' && actor.role !== 'system_admin';
}
