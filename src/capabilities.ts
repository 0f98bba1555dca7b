// The caller's capabilities, as `/api/auth/me` and the login answer carry them: each module answers
// from its own policy, and the platform's auth routes only gather what is listed here (app.ts).
import type { Static, TBoolean, TObject } from 'typebox';
import { casesCapabilities } from './modules/cases/capabilities.ts';
import { orgCapabilities } from './modules/org/policy.ts';
import { publicityCapabilities } from './modules/publicity/capabilities.ts';
import { recordsCapabilities } from './modules/records/capabilities.ts';
import { reviewCapabilities } from './modules/review/capabilities.ts';
import { auditCapabilities } from './platform/audit/capabilities.ts';
import type { CapabilityProvider } from './platform/auth/capabilities.ts';
import type { sessionAnswer } from './platform/auth/contract.ts';

export const CAPABILITIES = [
  auditCapabilities,
  orgCapabilities,
  casesCapabilities,
  recordsCapabilities,
  reviewCapabilities,
  publicityCapabilities,
] as const satisfies readonly CapabilityProvider[];

type Merged<T> = T extends readonly [infer H extends CapabilityProvider, ...infer R]
  ? Static<H['schema']> & Merged<R>
  : unknown;

/** `user.permissions`: every capability of every module, true when the caller has it. */
export type Permissions = { [K in keyof Merged<typeof CAPABILITIES>]: boolean };
export type PermissionsSchema = TObject<{ [K in keyof Permissions]: TBoolean }>;

/** `POST /api/auth/login` and `GET /api/auth/me`, as the console receives them. */
export type SessionAnswer = Static<ReturnType<typeof sessionAnswer<PermissionsSchema>>>;
/** The signed-in user with their permissions. */
export type SessionUser = SessionAnswer['user'];
