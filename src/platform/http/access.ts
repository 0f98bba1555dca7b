import type { Role } from '../auth/roles.ts';

/**
 * Every route declares who may call it (ARCHITECTURE practice 1). A route without `access` is a
 * start-up error, so forgetting authorization is impossible. Record-level scope (which agency, which
 * region) is decided by the module's policy inside the service, with the actor passed in.
 */
export type Access = { public: true } | { roles: readonly Role[] | 'staff' };

export const PUBLIC: Access = { public: true };
export const STAFF: Access = { roles: 'staff' };
export const only = (...roles: Role[]): Access => ({ roles });
