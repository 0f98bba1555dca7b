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

/** User id recorded for actions the platform takes on an operator's command (no account behind it). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The caller of a command-line action (`npx mingjing …`): whoever may run the CLI on the server holds the
 * database, so it acts as a system administrator; the audit log records it as `cli` with the reason.
 */
export function systemCtx(reason: string): Ctx {
  return {
    actor: {
      userId: SYSTEM_USER_ID,
      username: 'cli',
      displayName: '命令行',
      role: 'system_admin',
      agencyId: null,
      regionCode: null,
      officerId: null,
    },
    origin: { ip: '127.0.0.1', userAgent: `mingjing-cli (${reason})` },
  };
}
