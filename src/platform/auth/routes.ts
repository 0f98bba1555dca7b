import Type from 'typebox';
import { SESSION_COOKIE } from '../http/server.ts';
import { type App, type AppDeps, originOf } from '../http/types.ts';
import type { Actor } from './actor.ts';
import { ROLE_LABELS } from './roles.ts';
import * as auth from './service.ts';

const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleLabel: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  officerId: Type.Union([Type.String(), Type.Null()]),
});
const Me = Type.Object({ user: User, csrfToken: Type.String() });

const present = (a: Actor) => ({
  id: a.userId,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  roleLabel: ROLE_LABELS[a.role],
  agencyId: a.agencyId,
  regionCode: a.regionCode,
  officerId: a.officerId,
});

export function authRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
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
      return { user: present(r.actor), csrfToken: r.csrfToken };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { roles: 'staff' } },
      schema: { tags: ['认证'], summary: '当前用户', response: { 200: Me } },
    },
    async (req) => ({ user: present(req.session!.actor), csrfToken: req.session!.csrfToken }),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: { roles: 'staff' } }, schema: { tags: ['认证'], summary: '退出登录' } },
    async (req, reply) => {
      await db.transaction((tx) => auth.logout(tx, req.session!, originOf(req)));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/logout-all',
    { config: { access: { roles: 'staff' } }, schema: { tags: ['认证'], summary: '退出所有设备' } },
    async (req, reply) => {
      await db.transaction((tx) => auth.logoutEverywhere(tx, req.session!, originOf(req)));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );
}
