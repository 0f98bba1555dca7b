import { audit } from '../audit/service.ts';
import type { Ctx } from '../auth/actor.ts';
import { type Db, isUniqueViolation } from '../db/index.ts';
import { AppError } from '../http/errors.ts';
import { isWithinRegion } from '../identifiers/region-code.ts';
import {
  type RegionRulebook,
  type ResolvedRulebook,
  regionChain,
  resolveRulebook,
  validateRegionRulebook,
} from './resolve.ts';
import * as store from './store.ts';

/** The rulebook in force for a region: its layer, its parents' layers, then the national defaults. */
export async function rulebookFor(db: Db, regionCode: string): Promise<ResolvedRulebook> {
  const chain = regionChain(regionCode);
  const layers = await store.currentLayers(db, chain);
  return resolveRulebook(
    regionCode,
    layers.map((l) => ({ regionCode: l.regionCode, version: l.version, overrides: l.overrides })),
  );
}

export async function layerHistory(db: Db, regionCode: string) {
  return (await store.layersOf(db, regionCode)).map((l) => ({ ...l, createdAt: l.createdAt.toISOString() }));
}

/**
 * Publishes a new version of a region's layer (the whole set of its overrides). The justice bureau of
 * the region (or a system admin) does this when a local document sets its own number; old versions stay,
 * so every clock computed before keeps pointing at the version it used.
 */
export async function publishLayer(
  db: Db,
  ctx: Ctx,
  input: { regionCode: string; overrides: RegionRulebook['overrides']; note?: string | undefined },
) {
  const a = ctx.actor;
  const allowed =
    a.role === 'system_admin' ||
    (a.role === 'supervisor' && !!a.regionCode && isWithinRegion(input.regionCode, a.regionCode));
  if (!allowed)
    throw new AppError('REGION_OUT_OF_SCOPE', '只能为本人监督的行政区划制定地方规则', 'regionCode');
  return db
    .transaction(async (tx) => {
      const version = await store.nextVersion(tx, input.regionCode);
      const layer = { regionCode: input.regionCode, version, overrides: input.overrides };
      const problems = validateRegionRulebook(layer);
      if (problems[0])
        throw new AppError(problems[0].code, problems[0].message, problems[0].field, undefined, problems);
      await store.insertLayer(tx, { ...layer, note: input.note ?? '', createdBy: a.username });
      await audit(tx, ctx, {
        action: 'rulebook.publish',
        targetType: 'rulebook',
        targetId: `${input.regionCode}:${version}`,
        regionCode: input.regionCode,
        details: { overrides: Object.keys(input.overrides) },
      });
      return { regionCode: input.regionCode, version };
    })
    .catch((e) => {
      if (isUniqueViolation(e))
        throw new AppError('RULEBOOK_CHANGED', '该地区规则刚被他人更新，请刷新后重试');
      throw e;
    });
}
