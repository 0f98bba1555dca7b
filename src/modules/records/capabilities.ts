import Type from 'typebox';
import type { Actor } from '../../platform/auth/actor.ts';
import { capabilityProvider } from '../../platform/auth/capabilities.ts';

// From the routes' access lists and the services' record checks: an agency role acts only with an
// agency, a supervisor only with a region (devices-service.ts, spot-check-service.ts).
const ofAgency = (actor: Actor) => actor.agencyId !== null;
const overRegion = (actor: Actor) => actor.role === 'supervisor' && actor.regionCode !== null;

/** What the caller may do with recorders and record supervision in general. */
export const recordsCapabilities = capabilityProvider(
  Type.Object({
    manageDevices: Type.Boolean({ description: '登记、配发、收回、停用执法记录设备' }),
    superviseRecords: Type.Boolean({ description: '随机抽查案卷、音像记录统计、调阅日志' }),
  }),
  (actor) => ({
    // DEVICE_KEEPERS
    manageDevices:
      actor.role === 'system_admin' ||
      overRegion(actor) ||
      ((actor.role === 'agency_admin' || actor.role === 'agency_head') && ofAgency(actor)),
    // SUPERVISING (R9)
    superviseRecords:
      overRegion(actor) ||
      ((actor.role === 'agency_head' || actor.role === 'legal_reviewer') && ofAgency(actor)),
  }),
);
