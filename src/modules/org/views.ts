import type { Db } from '../../platform/db/index.ts';
import { type AgencyView, presentAgency } from './present.ts';
import * as store from './store.ts';

// Views of the register shared by the staff service and the public portal's reads.

/** Region names by code, for views that show where an agency is. */
export async function regionNames(db: Db): Promise<Map<string, string>> {
  return new Map((await store.listRegions(db)).map((r) => [r.code, r.name]));
}

/** An agency as staff and the portal see it (full: with units and subordinates). */
export async function viewAgency(db: Db, a: store.AgencyRow, full: boolean): Promise<AgencyView> {
  const names = await regionNames(db);
  const e = await store.findEntrustment(db, a.id);
  const entrusting = e ? await store.findAgency(db, e.entrustingAgencyId) : undefined;
  const parent = a.parentId ? await store.findAgency(db, a.parentId) : undefined;
  return presentAgency(a, {
    regionName: names.get(a.regionCode) ?? a.regionCode,
    entrustment: e ? { ...e, entrustingAgencyName: entrusting?.name ?? '' } : null,
    units: full ? await store.listUnits(db, a.id) : [],
    subordinates: full ? await store.subordinatesOf(db, a.id) : [],
    parentName: parent?.name ?? null,
  });
}
