import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../../config.ts';
import type { Actor, Ctx, RequestOrigin } from '../auth/actor.ts';
import type { ResolvedSession } from '../auth/service.ts';
import type { Database } from '../db/index.ts';
import type { Access } from './access.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppDeps {
  config: Config;
  database: Database;
}

export function originOf(req: { ip: string; headers: Record<string, unknown> }): RequestOrigin {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : '' };
}

/** The caller of a staff route; the access hook has already refused anonymous requests. */
export function ctxOf(req: {
  session: ResolvedSession | null;
  ip: string;
  headers: Record<string, unknown>;
}): Ctx {
  const actor: Actor | undefined = req.session?.actor;
  if (!actor) throw new Error('ctxOf() called on a route without staff access');
  return { actor, origin: originOf(req) };
}
