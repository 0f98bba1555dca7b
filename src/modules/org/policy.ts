import Type from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { capabilityProvider } from '../../platform/auth/capabilities.ts';
import { isWithinRegion, regionPrefix } from '../../platform/identifiers/region-code.ts';
import { CERTIFICATE_ACTIONS, CERTIFICATE_TRANSITIONS, type CertificateAction } from './rules/certificate.ts';
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

/** Someone who keeps a region: a supervisor with the region they oversee, or a system admin. */
const keepsARegion = (actor: Actor) =>
  actor.role === 'system_admin' || (actor.role === 'supervisor' && !!actor.regionCode);

/** What the caller may do in the register in general (the console's menu and buttons). */
export const orgCapabilities = capabilityProvider(
  Type.Object({
    editRegions: Type.Boolean({ description: '新增、修改行政区划' }),
    createAgency: Type.Boolean({ description: '新增执法主体' }),
    manageOfficers: Type.Boolean({ description: '登记、调整执法人员，批量导入' }),
    overseeAgencies: Type.Boolean({ description: '可查看多个执法主体（监督或全部）' }),
  }),
  (actor) => {
    const scope = readScope(actor);
    return {
      editRegions: keepsARegion(actor),
      createAgency: keepsARegion(actor),
      manageOfficers: keepsARegion(actor) || (actor.role === 'agency_admin' && !!actor.agencyId),
      overseeAgencies: scope !== null && scope.kind !== 'agency',
    };
  },
);

/** The caller's rights on one agency, sent with it. */
export function agencyRights(actor: Actor, agency: AgencyRef) {
  return { edit: mayEditAgency(actor, agency), manageOfficers: mayManageOfficers(actor, agency) };
}

/** The caller's rights on one officer, sent with them: the certificate actions its status allows. */
export function officerRights(
  actor: Actor,
  agency: AgencyRef,
  officer: { isAuxiliary: boolean; status: string },
) {
  const edit = mayManageOfficers(actor, agency);
  const certificateActions: CertificateAction[] =
    edit && !officer.isAuxiliary
      ? CERTIFICATE_ACTIONS.filter((a) =>
          (CERTIFICATE_TRANSITIONS[a].from as readonly string[]).includes(officer.status),
        )
      : [];
  return { edit, certificateActions };
}
