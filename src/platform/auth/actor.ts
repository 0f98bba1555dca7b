import type { Role } from './roles.ts';

/** The authenticated caller, as every service and policy sees it. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for agency roles: the one agency whose records they work on. */
  agencyId: string | null;
  /** Set for supervisors: the region (and everything under it) they oversee. */
  regionCode: string | null;
  officerId: string | null;
}

/** Where a request came from, for the audit log. */
export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

export interface Ctx {
  actor: Actor;
  origin: RequestOrigin;
}
