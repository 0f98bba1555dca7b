import Type from 'typebox';
import { capabilityProvider } from '../../platform/auth/capabilities.ts';

/**
 * 执法决定公开: the agency's staff who publish their decisions (officers, legal reviewers, the head, the
 * agency admin) and the supervisors who watch the clocks. What may be done to one decision comes with it
 * (the draft's `can`), from the same policy the writes check.
 */
export const publicityCapabilities = capabilityProvider(
  Type.Object({
    publicationDesk: Type.Boolean({ description: '执法决定公开：待公开的决定、公开期限和公开记录' }),
  }),
  (actor) => ({
    publicationDesk:
      (['officer', 'legal_reviewer', 'agency_head', 'agency_admin'].includes(actor.role) &&
        actor.agencyId !== null) ||
      (actor.role === 'supervisor' && actor.regionCode !== null),
  }),
);
