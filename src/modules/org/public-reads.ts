import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { type AgencyView, officerEffectiveStatus, statusLabel } from './present.ts';
import * as store from './store.ts';
import { regionNames, viewAgency } from './views.ts';

// ── public portal (P2, P3): published fields only, never phone or other personal data ───────────
export interface PublicOfficer {
  certificateNo: string | null;
  name: string;
  agencyId: string;
  agency: string;
  isAuxiliary: boolean;
  categories: { code: string; name: string }[];
  region: { code: string; name: string } | null;
  status: string;
  statusLabel: string;
  validFrom: string | null;
  validUntil: string | null;
}

export type PublicAgency = AgencyView;

async function toPublicOfficers(db: Db, rows: store.OfficerWithAgency[]): Promise<PublicOfficer[]> {
  const names = await regionNames(db);
  const cats = new Map((await store.listCategories(db)).map((c) => [c.code, c.name]));
  const today = todayInShanghai();
  return rows.map(({ officer: o, agencyName }) => {
    const eff = officerEffectiveStatus(o, today);
    return {
      certificateNo: o.certificateNo,
      name: o.name,
      agencyId: o.agencyId,
      agency: agencyName,
      isAuxiliary: o.isAuxiliary,
      categories: o.categories.map((code) => ({ code, name: cats.get(code) ?? code })),
      region: o.enforcementRegionCode
        ? {
            code: o.enforcementRegionCode,
            name: names.get(o.enforcementRegionCode) ?? o.enforcementRegionCode,
          }
        : null,
      status: eff,
      statusLabel: statusLabel(eff),
      validFrom: o.issueDate,
      validUntil: o.expiryDate,
    };
  });
}

export async function getPublicOfficer(db: Db, certificateNo: string): Promise<PublicOfficer | null> {
  const r = await store.findPublicOfficer(db, certificateNo);
  if (!r) return null;
  const o = r.officer;
  const eff = officerEffectiveStatus(o, todayInShanghai());
  return {
    certificateNo: o.certificateNo,
    name: o.name,
    agencyId: o.agencyId,
    agency: r.agencyName,
    isAuxiliary: o.isAuxiliary,
    categories: o.categories.map((code, i) => ({ code, name: r.categoryNames[i] ?? code })),
    region: o.enforcementRegionCode
      ? { code: o.enforcementRegionCode, name: r.regionName ?? o.enforcementRegionCode }
      : null,
    status: eff,
    statusLabel: statusLabel(eff),
    validFrom: o.issueDate,
    validUntil: o.expiryDate,
  };
}

export async function listPublicOfficers(
  db: Db,
  q: { q: string; agencyId: string; page: number; pageSize: number },
) {
  const agencyId = q.agencyId && UUID_RE.test(q.agencyId) ? q.agencyId : undefined;
  const base = { scope: { kind: 'all' } as const, agencyId, q: q.q || undefined, today: todayInShanghai() };
  const certified = await store.listOfficers(db, {
    ...base,
    auxiliary: false,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  // Auxiliary staff are listed apart and marked as such (P3); shown with the first page only.
  const aux =
    q.page === 1
      ? await store.listOfficers(db, { ...base, auxiliary: true, limit: 200, offset: 0 })
      : { items: [] };
  return {
    officers: await toPublicOfficers(db, certified.items),
    auxiliaries: await toPublicOfficers(db, aux.items),
    total: certified.total,
  };
}

export async function listPublicAgencies(db: Db): Promise<PublicAgency[]> {
  const rows = await store.listAgencies(db, { scope: { kind: 'all' } });
  return Promise.all(rows.map((a) => viewAgency(db, a, false)));
}

export async function getPublicAgency(db: Db, id: string) {
  if (!UUID_RE.test(id)) return null;
  const a = await store.findAgency(db, id);
  if (!a) return null;
  const officers = await store.listAgencyOfficers(db, id);
  const today = todayInShanghai();
  const certified = officers.filter((o) => !o.isAuxiliary);
  // 持证 means a certificate valid today (Beijing): not suspended, revoked, expired or not yet valid.
  const valid = certified.filter((o) => officerEffectiveStatus(o, today) === 'valid').length;
  return {
    agency: await viewAgency(db, a, true),
    officerCount: valid,
    invalidCount: certified.length - valid,
    auxiliaryCount: officers.length - certified.length,
  };
}

/**
 * The region the portal serves: the narrowest region that holds every agency of the register (the
 * deployment's city for a city's platform, its province once a second city joins), or null before
 * any agency exists.
 */
export async function portalRegion(db: Db): Promise<{ code: string; name: string } | null> {
  const [regions, agencies] = await Promise.all([
    store.listRegions(db),
    store.listAgencies(db, { scope: { kind: 'all' } }),
  ]);
  if (agencies.length === 0) return null;
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const chain = (code: string) => {
    const out: string[] = [];
    for (let c: string | null | undefined = code; c && !out.includes(c); c = byCode.get(c)?.parentCode)
      out.push(c);
    return out;
  };
  let common = chain(agencies[0]!.regionCode);
  for (const a of agencies.slice(1)) {
    const other = new Set(chain(a.regionCode));
    common = common.filter((c) => other.has(c));
  }
  const top = common[0] ? byCode.get(common[0]) : undefined;
  return top ? { code: top.code, name: top.name } : null;
}

export async function publicCounts(db: Db) {
  const agencies = await store.listAgencies(db, { scope: { kind: 'all' } });
  const r = await store.listOfficers(db, {
    scope: { kind: 'all' },
    auxiliary: false,
    effectiveStatus: 'valid',
    today: todayInShanghai(),
    limit: 1,
    offset: 0,
  });
  return { agencies: agencies.length, officers: r.total };
}
