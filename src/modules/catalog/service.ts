import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, isUniqueViolation, UUID_RE } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { ITEM_TYPE_LABELS, type ItemInput, type ItemType, validateItemInput } from './rules.ts';
import * as store from './store.ts';

export * from './review-catalogue-service.ts';
export type { ItemType } from './rules.ts';

function present(r: store.ItemRow, agencyName: string) {
  return {
    id: r.id,
    agencyId: r.agencyId,
    agencyName,
    code: r.code,
    name: r.name,
    type: r.type as ItemType,
    typeLabel: ITEM_TYPE_LABELS[r.type as ItemType] ?? r.type,
    categoryCode: r.categoryCode,
    legalBasis: r.legalBasis,
    requiresAv: r.requiresAv,
    isRandomInspection: r.isRandomInspection,
    active: r.active,
  };
}
export type ItemView = ReturnType<typeof present>;

export async function listItems(
  db: Db,
  ctx: Ctx,
  q: { agencyId?: string | undefined; type?: string | undefined; q?: string | undefined },
) {
  const agencies = await org.agenciesInScope(db, ctx);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const ids = q.agencyId
    ? agencies.filter((a) => a.id === q.agencyId).map((a) => a.id)
    : agencies.map((a) => a.id);
  const rows = await store.listItems(db, { agencyIds: ids, type: q.type, q: q.q?.trim() || undefined });
  return { items: rows.map((r) => present(r, names.get(r.agencyId) ?? '')), total: rows.length };
}

async function loadInScope(db: Db, ctx: Ctx, id: string) {
  const row = UUID_RE.test(id) ? await store.findItem(db, id) : undefined;
  const agencies = row ? await org.agenciesInScope(db, ctx) : [];
  const agency = agencies.find((a) => a.id === row?.agencyId);
  if (!row || !agency) throw new AppError('ITEM_NOT_FOUND', '执法事项不存在或无权查看', 'id');
  return { row, agency };
}

export async function getItem(db: Db, ctx: Ctx, id: string): Promise<ItemView> {
  const { row, agency } = await loadInScope(db, ctx, id);
  return present(row, agency.name);
}

/** For other modules (cases): an item by id with its agency, unscoped; callers apply their policy. */
export async function itemById(db: Db, id: string): Promise<ItemView | null> {
  const row = UUID_RE.test(id) ? await store.findItem(db, id) : undefined;
  if (!row) return null;
  const agency = await org.agencyRef(db, row.agencyId);
  return present(row, agency?.name ?? '');
}

async function writableAgency(db: Db, ctx: Ctx, agencyId: string) {
  const agency = await org.agencyRef(db, agencyId);
  if (!agency) throw new AppError('UNKNOWN_AGENCY', '所属执法主体不存在', 'agencyId');
  if (!org.mayManageAgencyRecords(ctx.actor, agency)) {
    throw new AppError('AGENCY_OUT_OF_SCOPE', `无权维护「${agency.name}」的执法事项`, 'agencyId');
  }
  return agency;
}

async function categoryCodes(db: Db) {
  return (await org.listCategories(db)).map((c) => c.code);
}

export async function createItem(
  db: Db,
  ctx: Ctx,
  input: ItemInput & { agencyId: string },
): Promise<ItemView> {
  const agency = await writableAgency(db, ctx, input.agencyId);
  const v = validateItemInput(input, await categoryCodes(db))[0];
  if (v) throw fromViolation(v);
  const row = await db
    .transaction(async (tx) => {
      if (await store.findItemByCode(tx, agency.id, input.code)) {
        throw new AppError('DUPLICATE_ITEM_CODE', `事项编码「${input.code}」已存在`, 'code');
      }
      const r = await store.insertItem(tx, {
        agencyId: agency.id,
        code: input.code,
        name: input.name.trim(),
        type: input.type,
        categoryCode: input.categoryCode,
        legalBasis: input.legalBasis.trim(),
        requiresAv: !!input.requiresAv,
        isRandomInspection: !!input.isRandomInspection,
      });
      await audit(tx, ctx, {
        action: 'item.create',
        targetType: 'enforcement_item',
        targetId: r.id,
        agencyId: agency.id,
        regionCode: agency.regionCode,
        details: { code: r.code, name: r.name },
      });
      return r;
    })
    .catch((e) => {
      if (isUniqueViolation(e))
        throw new AppError('DUPLICATE_ITEM_CODE', `事项编码「${input.code}」已存在`, 'code');
      throw e;
    });
  return present(row, agency.name);
}

export async function updateItem(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: Partial<ItemInput> & { active?: boolean },
): Promise<ItemView> {
  const { row } = await loadInScope(db, ctx, id);
  const agency = await writableAgency(db, ctx, row.agencyId);
  const merged: ItemInput = {
    code: row.code,
    name: row.name,
    type: row.type as ItemType,
    categoryCode: row.categoryCode,
    legalBasis: row.legalBasis,
    requiresAv: row.requiresAv,
    isRandomInspection: row.isRandomInspection,
    ...patch,
  };
  const v = validateItemInput(merged, await categoryCodes(db))[0];
  if (v) throw fromViolation(v);
  await db.transaction(async (tx) => {
    const dup =
      merged.code !== row.code ? await store.findItemByCode(tx, row.agencyId, merged.code) : undefined;
    if (dup) throw new AppError('DUPLICATE_ITEM_CODE', `事项编码「${merged.code}」已存在`, 'code');
    await store.updateItem(tx, id, {
      ...merged,
      requiresAv: !!merged.requiresAv,
      isRandomInspection: !!merged.isRandomInspection,
      active: patch.active ?? row.active,
    });
    await audit(tx, ctx, {
      action: 'item.update',
      targetType: 'enforcement_item',
      targetId: id,
      agencyId: row.agencyId,
      regionCode: agency.regionCode,
      details: { fields: Object.keys(patch) },
    });
  });
  return present((await store.findItem(db, id))!, agency.name);
}

/**
 * The portal's 行政执法事项清单 of an agency (P4, P5): its active items, as published — no staff-only field.
 * `randomOnly`: the 随机抽查事项清单.
 */
export async function publicItems(db: Db, agencyId: string, randomOnly = false) {
  if (!UUID_RE.test(agencyId)) return [];
  const rows = await store.listItems(db, { agencyIds: [agencyId], activeOnly: true });
  return rows.filter((r) => !randomOnly || r.isRandomInspection).map((r) => present(r, ''));
}

/** One active item as the portal publishes it, with its agency's name; null if unknown or inactive. */
export async function publicItem(db: Db, id: string) {
  const row = UUID_RE.test(id) ? await store.findItem(db, id) : undefined;
  if (!row?.active) return null;
  const agency = await org.agencyRef(db, row.agencyId);
  return present(row, agency?.name ?? '');
}
