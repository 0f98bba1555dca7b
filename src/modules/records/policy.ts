import type { Actor } from '../../platform/auth/actor.ts';
import * as org from '../org/service.ts';

/**
 * Who keeps an agency's device register (R11): those who keep its record in the register (its
 * administrator, its supervisor, a system admin) and its head, who answers for its recorders.
 */
export function mayManageDevices(actor: Actor, agency: { id: string; regionCode: string }): boolean {
  if (actor.role === 'agency_head') return actor.agencyId === agency.id;
  return org.mayManageAgencyRecords(actor, agency);
}

/** The caller's rights on one device, sent with it: a retired device takes no further action. */
export function deviceRights(
  actor: Actor,
  agency: { id: string; regionCode: string },
  device: { status: string },
): { manage: boolean } {
  return { manage: device.status === 'in_service' && mayManageDevices(actor, agency) };
}
