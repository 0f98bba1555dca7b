// The register's service, one file per use case, re-exported here so that callers (routes, other
// modules, the demo seed) use one service: regions and categories, agencies with their units and L1,
// officers, certificates and O3, references for other modules, and the portal's published reads.
export { isRuleViolation } from '../../platform/identifiers/violation.ts';
export * from './agencies-service.ts';
export * from './certificates-service.ts';
export * from './officers-service.ts';
export { mayEditAgency as mayManageAgencyRecords, readScope } from './policy.ts';
export type { AgencyView, OfficerView } from './present.ts';
export * from './public-reads.ts';
export * from './references.ts';
export * from './regions-service.ts';
