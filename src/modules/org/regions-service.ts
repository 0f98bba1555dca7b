import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { parseRegionCode } from '../../platform/identifiers/region-code.ts';
import { mayManageRegion } from './policy.ts';
import * as store from './store.ts';

// Regions (行政区划) and enforcement categories (执法类别): the register's reference data.

export async function listRegions(db: Db) {
  return store.listRegions(db);
}

export async function createRegion(db: Db, ctx: Ctx, input: { code: string; name: string }) {
  const parsed = parseRegionCode(input.code, 'code');
  if (!('level' in parsed)) throw fromViolation(parsed);
  if (!mayManageRegion(ctx.actor, parsed.code)) {
    throw new AppError('REGION_OUT_OF_SCOPE', '只能在本人监督的行政区划范围内新增区划', 'code');
  }
  return db.transaction(async (tx) => {
    if (await store.findRegion(tx, parsed.code)) {
      throw new AppError('DUPLICATE_REGION', `行政区划代码「${parsed.code}」已存在`, 'code');
    }
    if (parsed.parentCode && !(await store.findRegion(tx, parsed.parentCode))) {
      throw new AppError(
        'REGION_PARENT_MISSING',
        `上级行政区划「${parsed.parentCode}」尚未登记，请先新增上级区划`,
        'code',
      );
    }
    const row = await store.insertRegion(tx, {
      code: parsed.code,
      name: input.name.trim(),
      level: parsed.level,
      parentCode: parsed.parentCode,
    });
    await audit(tx, ctx, {
      action: 'region.create',
      targetType: 'region',
      targetId: row.code,
      regionCode: row.code,
      details: { name: row.name },
    });
    return row;
  });
}

export async function renameRegion(db: Db, ctx: Ctx, code: string, name: string) {
  return db.transaction(async (tx) => {
    const r = await store.findRegion(tx, code);
    if (!r) throw new AppError('REGION_NOT_FOUND', `行政区划「${code}」不存在`, 'code');
    if (!mayManageRegion(ctx.actor, code))
      throw new AppError('REGION_OUT_OF_SCOPE', '只能修改本人监督范围内的行政区划', 'code');
    await store.renameRegion(tx, code, name.trim());
    await audit(tx, ctx, {
      action: 'region.rename',
      targetType: 'region',
      targetId: code,
      regionCode: code,
      details: { from: r.name, to: name.trim() },
    });
    return { ...r, name: name.trim() };
  });
}

export async function listCategories(db: Db) {
  return store.listCategories(db);
}

/** Reference data (执法类别): set up by deployment seeding and system admins. */
export async function ensureCategories(db: Db, ctx: Ctx, list: { code: string; name: string }[]) {
  if (ctx.actor.role !== 'system_admin') throw new AppError('FORBIDDEN', '只有系统管理员可以维护执法类别');
  await db.transaction(async (tx) => {
    for (const c of list) await store.upsertCategory(tx, c);
    await audit(tx, ctx, {
      action: 'category.upsert',
      targetType: 'category',
      details: { codes: list.map((c) => c.code) },
    });
  });
}
