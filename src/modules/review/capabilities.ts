import Type from 'typebox';
import { capabilityProvider } from '../../platform/auth/capabilities.ts';

/**
 * The legal review workbench (法制审核): the agency's legal reviewers and head (蚌埠任务分解方案 items 27,
 * 33: the review unit answers for its opinions, the head for the system) and the supervisors over them.
 * The reads are scoped like the case list; the case's own steps decide who reviews.
 */
export const reviewCapabilities = capabilityProvider(
  Type.Object({
    reviewWorkbench: Type.Boolean({ description: '法制审核工作台：送审案件、审核状态和期限' }),
  }),
  (actor) => ({
    reviewWorkbench:
      ((actor.role === 'legal_reviewer' || actor.role === 'agency_head') && actor.agencyId !== null) ||
      (actor.role === 'supervisor' && actor.regionCode !== null),
  }),
);
