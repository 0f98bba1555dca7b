import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { audit } from '../audit/service.ts';
import type { Db } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import { RULEBOOK_DEFAULTS } from '../rulebook/defaults.ts';
import type { Actor, RequestOrigin } from './actor.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { isRole, type Role } from './roles.ts';
import * as store from './store.ts';

const HOUR = 3_600_000;
const idleMs = () => RULEBOOK_DEFAULTS.sessionIdleHours.value * HOUR;
const absoluteMs = () => RULEBOOK_DEFAULTS.sessionAbsoluteHours.value * HOUR;

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Display names of accounts, for logs that show who did what (unknown ids are absent). */
export async function displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  return new Map((await store.displayNamesOf(db, unique)).map((u) => [u.id, u.displayName]));
}

export function actorOf(u: store.UserRow): Actor {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    agencyId: u.agencyId,
    regionCode: u.regionCode,
    officerId: u.officerId,
  };
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  expiresAt: Date;
}

export async function login(
  db: Db,
  input: { username: string; password: string },
  origin: RequestOrigin,
  now = new Date(),
): Promise<LoginResult> {
  const user = await store.findUserByUsername(db, input.username.trim());
  const wrong = new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    await audit(
      db,
      { actor: null, origin },
      { action: 'auth.login_failed', details: { username: input.username } },
    );
    throw wrong;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit(
      db,
      { actor: null, origin },
      { action: 'auth.login_locked', targetType: 'user', targetId: user.id },
    );
    throw lockedError(user.lockedUntil);
  }
  if (user.disabled) throw wrong;
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const max = RULEBOOK_DEFAULTS.loginMaxFailures.value;
    const lockUntil = new Date(now.getTime() + RULEBOOK_DEFAULTS.loginLockoutMinutes.value * 60_000);
    const after = await store.recordFailedLogin(db, user.id, max, lockUntil);
    await audit(
      db,
      { actor: null, origin },
      {
        action: 'auth.login_failed',
        targetType: 'user',
        targetId: user.id,
        details: { failures: after.failedLogins },
      },
    );
    if (after.lockedUntil && after.lockedUntil > now) throw lockedError(after.lockedUntil);
    throw wrong;
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + idleMs());
  const actor = actorOf(user);
  await db.transaction(async (tx) => {
    await store.resetFailedLogins(tx, user.id);
    await store.insertSession(tx, {
      id: sessionId(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: origin.ip,
      userAgent: origin.userAgent,
    });
    await audit(tx, { actor, origin }, { action: 'auth.login', targetType: 'user', targetId: user.id });
  });
  return { token, csrfToken, actor, expiresAt };
}

function lockedError(until: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

/** Session lookup for every staff request: idle timeout slides, absolute lifetime does not. */
export async function resolveSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = sessionId(token);
  const found = await store.findLiveSession(db, id, now);
  if (!found || found.user.disabled) return null;
  const hardEnd = found.session.createdAt.getTime() + absoluteMs();
  if (now.getTime() >= hardEnd) {
    await store.deleteSession(db, id);
    return null;
  }
  // Write at most once a minute per session: a busy console must not turn every read into a write.
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) {
    await store.touchSession(db, id, now, new Date(Math.min(hardEnd, now.getTime() + idleMs())));
  }
  return { actor: actorOf(found.user), csrfToken: found.session.csrfToken, sessionId: id };
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function logout(db: Db, s: ResolvedSession, origin: RequestOrigin): Promise<void> {
  await store.deleteSession(db, s.sessionId);
  await audit(
    db,
    { actor: s.actor, origin },
    { action: 'auth.logout', targetType: 'user', targetId: s.actor.userId },
  );
}

export async function logoutEverywhere(db: Db, s: ResolvedSession, origin: RequestOrigin): Promise<void> {
  const n = await store.deleteUserSessions(db, s.actor.userId);
  await audit(
    db,
    { actor: s.actor, origin },
    { action: 'auth.logout_all', targetType: 'user', targetId: s.actor.userId, details: { sessions: n } },
  );
}

export interface NewUserInput {
  username: string;
  displayName: string;
  password: string;
  role: string;
  agencyId?: string | null;
  regionCode?: string | null;
  officerId?: string | null;
}

/** Creates an account (CLI, demo seed). Scope consistency is checked here, once. */
export async function createUser(db: Db, input: NewUserInput): Promise<Actor> {
  if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(input.username)) {
    throw new AppError(
      'VALIDATION_FAILED',
      '用户名须为 3–32 位小写字母、数字、下划线、点或横线，且以字母开头',
      'username',
    );
  }
  if (!isRole(input.role)) throw new AppError('VALIDATION_FAILED', `未知角色「${input.role}」`, 'role');
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, 'password');
  if (input.role === 'supervisor' && !input.regionCode) {
    throw new AppError('FIELD_REQUIRED', '执法监督人员必须指定监督的行政区划', 'regionCode');
  }
  if (!['supervisor', 'system_admin'].includes(input.role) && !input.agencyId) {
    throw new AppError('FIELD_REQUIRED', '机关内的角色必须指定所属执法主体', 'agencyId');
  }
  if (await store.findUserByUsername(db, input.username)) {
    throw new AppError('DUPLICATE_USERNAME', `用户名「${input.username}」已存在`, 'username');
  }
  const row = await store.insertUser(db, {
    username: input.username,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    agencyId: input.agencyId ?? null,
    regionCode: input.regionCode ?? null,
    officerId: input.officerId ?? null,
  });
  return actorOf(row);
}

export const countUsers = store.countUsers;
export const findUserById = store.findUserById;
