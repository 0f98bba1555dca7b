// Roles are an identity concept owned by platform/auth; re-exported here so org rules and the demo data
// name them from their own module without a second definition.
export { isRole, ROLE_LABELS, ROLES, type Role } from '../../../platform/auth/roles.ts';
