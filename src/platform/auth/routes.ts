import Type from 'typebox';
import { NoContent } from '../http/contract.ts';
import { SESSION_COOKIE } from '../http/server.ts';
import { type App, type AppDeps, originOf } from '../http/types.ts';
import type { Actor } from './actor.ts';
import { type CapabilityProvider, mergeCapabilities } from './capabilities.ts';
import { sessionAnswer } from './contract.ts';
import { ROLE_LABELS } from './roles.ts';
import * as auth from './service.ts';

const present = (a: Actor, capabilities: CapabilityProvider) => ({
  id: a.userId,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  roleLabel: ROLE_LABELS[a.role],
  agencyId: a.agencyId,
  regionCode: a.regionCode,
  officerId: a.officerId,
  permissions: capabilities.of(a),
});

/**
 * Login, session and logout. `providers` are the modules' capability providers (app.ts): the session
 * answer carries what the caller may do, as the modules' policies decide it, so the console never
 * decides by role itself.
 */
export function authRoutes(
  app: App,
  { config, database }: AppDeps,
  providers: readonly CapabilityProvider[],
) {
  const db = database.db;
  // What the console warns staff about: QR codes pointing at this machine's local address.
  const deployment = () => ({
    publicUrl: config.publicBaseUrl,
    publicUrlConfigured: config.publicBaseUrlSet,
  });
  const capabilities = mergeCapabilities(providers);
  const Me = sessionAnswer(capabilities.schema);
  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['认证'],
        summary: '登录',
        body: Type.Object(
          {
            username: Type.String({ title: '用户名', minLength: 1, maxLength: 64 }),
            password: Type.String({ title: '密码', minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Me },
      },
    },
    async (req, reply) => {
      // Not wrapped in a transaction here: a failed attempt must be counted and audited even though
      // the request fails. login() opens its own transaction for the success path.
      const r = await auth.login(db, req.body, originOf(req));
      reply.setCookie(SESSION_COOKIE, r.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        expires: r.expiresAt,
      });
      return { user: present(r.actor, capabilities), csrfToken: r.csrfToken, deployment: deployment() };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { roles: 'staff' } },
      schema: { tags: ['认证'], summary: '当前用户', response: { 200: Me } },
    },
    async (req) => ({
      user: present(req.session!.actor, capabilities),
      csrfToken: req.session!.csrfToken,
      deployment: deployment(),
    }),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { roles: 'staff' } },
      schema: { tags: ['认证'], summary: '退出登录', response: { 204: NoContent } },
    },
    async (req, reply) => {
      await db.transaction((tx) => auth.logout(tx, req.session!, originOf(req)));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      config: { access: { roles: 'staff' } },
      schema: { tags: ['认证'], summary: '退出所有设备', response: { 204: NoContent } },
    },
    async (req, reply) => {
      await db.transaction((tx) => auth.logoutEverywhere(tx, req.session!, originOf(req)));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );
}
