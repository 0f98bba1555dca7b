import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { normalizeUscc } from '../../platform/identifiers/uscc.ts';
import type { AgencyDetail } from './contract.ts';
import { agencyRights, mayCreateAgency, mayEditAgency } from './policy.ts';
import { presentAgency } from './present.ts';
import {
  type AgencyInput,
  type CertificateStatus,
  countForReviewerRatio,
  reviewerRatio,
  validateAgencyInput,
} from './rules/index.ts';
import { firstViolation, scopeOf, uniqueToDuplicate } from './service-shared.ts';
import * as store from './store.ts';
import { regionNames, viewAgency } from './views.ts';

// Agencies (执法主体), their units and entrustment, and their legal reviewer ratio (L1).

export async function listAgencies(
  db: Db,
  ctx: Ctx,
  f: { regionCode?: string | undefined; q?: string | undefined },
) {
  const rows = await store.listAgencies(db, { scope: scopeOf(ctx), regionCode: f.regionCode, q: f.q });
  const names = await regionNames(db);
  // A list leaves units and subordinates to the detail.
  const items = rows.map((a) => {
    const {
      units: _u,
      subordinates: _s,
      ...rest
    } = presentAgency(a, {
      regionName: names.get(a.regionCode) ?? a.regionCode,
      entrustment: null,
    });
    return rest;
  });
  return { items, total: items.length };
}

async function loadAgencyInScope(db: Db, ctx: Ctx, id: string): Promise<store.AgencyRow> {
  if (!UUID_RE.test(id)) throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'id');
  const a = await store.findAgency(db, id, scopeOf(ctx));
  if (!a) throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'id');
  return a;
}

/** An agency with its units and subordinates, and what the caller may do with it. */
async function detail(db: Db, ctx: Ctx, a: store.AgencyRow): Promise<AgencyDetail> {
  return { ...(await viewAgency(db, a, true)), can: agencyRights(ctx.actor, a) };
}

export async function getAgency(db: Db, ctx: Ctx, id: string): Promise<AgencyDetail> {
  return detail(db, ctx, await loadAgencyInScope(db, ctx, id));
}

export type AgencyWrite = AgencyInput;

async function checkAgencyRefs(tx: Db, input: AgencyWrite, selfId?: string) {
  if (!(await store.findRegion(tx, input.regionCode))) {
    throw new AppError('UNKNOWN_REGION', `行政区划「${input.regionCode}」尚未登记`, 'regionCode');
  }
  if (input.parentId) {
    if (
      input.parentId === selfId ||
      !UUID_RE.test(input.parentId) ||
      !(await store.findAgency(tx, input.parentId))
    ) {
      throw new AppError('UNKNOWN_AGENCY', '上级执法主体不存在', 'parentId');
    }
  }
  const e = input.entrustment;
  if (
    e &&
    (e.entrustingAgencyId === selfId ||
      !UUID_RE.test(e.entrustingAgencyId) ||
      !(await store.findAgency(tx, e.entrustingAgencyId)))
  ) {
    throw new AppError('UNKNOWN_AGENCY', '委托机关不存在', 'entrustment.entrustingAgencyId');
  }
  const dup = await store.findAgencyByUscc(tx, input.uscc);
  if (dup && dup.id !== selfId)
    throw new AppError('DUPLICATE_USCC', `统一社会信用代码「${input.uscc}」已被「${dup.name}」使用`, 'uscc');
}

function agencyColumns(input: AgencyWrite) {
  return {
    name: input.name.trim(),
    uscc: input.uscc,
    type: input.type,
    legalBasis: input.legalBasis ?? '',
    functions: input.functions ?? '',
    regionCode: input.regionCode,
    contactPhone: input.contactPhone ?? '',
    contactAddress: input.contactAddress ?? '',
    parentId: input.parentId ?? null,
  };
}

const normalizeAgency = (input: AgencyWrite): AgencyWrite => ({
  ...input,
  uscc: normalizeUscc(input.uscc ?? ''),
});

export async function createAgency(db: Db, ctx: Ctx, raw: AgencyWrite): Promise<AgencyDetail> {
  const input = normalizeAgency(raw);
  firstViolation(validateAgencyInput(input));
  if (!mayCreateAgency(ctx.actor, input.regionCode)) {
    throw new AppError('REGION_OUT_OF_SCOPE', '只能在本人监督的行政区划内新增执法主体', 'regionCode');
  }
  const row = await db
    .transaction(async (tx) => {
      await checkAgencyRefs(tx, input);
      const a = await store.insertAgency(tx, agencyColumns(input));
      if (input.entrustment) await store.setEntrustment(tx, a.id, { agencyId: a.id, ...input.entrustment });
      await audit(tx, ctx, {
        action: 'agency.create',
        targetType: 'agency',
        targetId: a.id,
        agencyId: a.id,
        regionCode: a.regionCode,
        details: { name: a.name },
      });
      return a;
    })
    .catch(uniqueToDuplicate);
  return detail(db, ctx, row);
}

export async function updateAgency(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: Partial<AgencyWrite>,
): Promise<AgencyDetail> {
  const current = await loadAgencyInScope(db, ctx, id);
  if (!mayEditAgency(ctx.actor, current)) throw new AppError('FORBIDDEN', '无权修改该执法主体');
  const e = await store.findEntrustment(db, id);
  const merged: AgencyWrite = normalizeAgency({
    name: current.name,
    uscc: current.uscc,
    type: current.type as AgencyWrite['type'],
    legalBasis: current.legalBasis,
    functions: current.functions,
    regionCode: current.regionCode,
    contactPhone: current.contactPhone,
    contactAddress: current.contactAddress,
    parentId: current.parentId,
    entrustment: e
      ? {
          entrustingAgencyId: e.entrustingAgencyId,
          basis: e.basis,
          items: e.items,
          powers: e.powers,
          termStart: e.termStart,
          termEnd: e.termEnd,
        }
      : null,
    ...patch,
  });
  firstViolation(validateAgencyInput(merged));
  // Moving an agency to another region needs authority over the destination as well.
  if (merged.regionCode !== current.regionCode && !mayCreateAgency(ctx.actor, merged.regionCode)) {
    throw new AppError('REGION_OUT_OF_SCOPE', '无权将执法主体调整到该行政区划', 'regionCode');
  }
  const row = await db
    .transaction(async (tx) => {
      await checkAgencyRefs(tx, merged, id);
      await store.updateAgency(tx, id, agencyColumns(merged));
      await store.setEntrustment(tx, id, merged.entrustment ? { agencyId: id, ...merged.entrustment } : null);
      await audit(tx, ctx, {
        action: 'agency.update',
        targetType: 'agency',
        targetId: id,
        agencyId: id,
        regionCode: merged.regionCode,
        details: { fields: Object.keys(patch) },
      });
      return (await store.findAgency(tx, id))!;
    })
    .catch(uniqueToDuplicate);
  return detail(db, ctx, row);
}
function checkUnit(input: UnitInput) {
  if (input.name !== undefined && !input.name.trim())
    throw new AppError('FIELD_REQUIRED', '内设机构名称不能为空', 'name');
}

type UnitInput = {
  name?: string | undefined;
  functions?: string | undefined;
  isReviewUnit?: boolean | undefined;
};

export async function addUnit(db: Db, ctx: Ctx, agencyId: string, input: UnitInput & { name: string }) {
  const a = await loadAgencyInScope(db, ctx, agencyId);
  if (!mayEditAgency(ctx.actor, a)) throw new AppError('FORBIDDEN', '无权修改该执法主体的内设机构');
  checkUnit(input);
  return db.transaction(async (tx) => {
    const u = await store.insertUnit(tx, {
      agencyId,
      name: input.name.trim(),
      functions: input.functions ?? '',
      isReviewUnit: !!input.isReviewUnit,
    });
    await audit(tx, ctx, {
      action: 'unit.create',
      targetType: 'unit',
      targetId: u.id,
      agencyId,
      regionCode: a.regionCode,
      details: { name: u.name },
    });
    return { id: u.id, name: u.name, functions: u.functions, isReviewUnit: u.isReviewUnit };
  });
}

export async function updateUnit(db: Db, ctx: Ctx, agencyId: string, unitId: string, input: UnitInput) {
  const a = await loadAgencyInScope(db, ctx, agencyId);
  if (!mayEditAgency(ctx.actor, a)) throw new AppError('FORBIDDEN', '无权修改该执法主体的内设机构');
  checkUnit(input);
  return db.transaction(async (tx) => {
    const u = UUID_RE.test(unitId) ? await store.findUnit(tx, unitId) : undefined;
    if (!u || u.agencyId !== agencyId) throw new AppError('NOT_FOUND', '内设机构不存在', 'unitId');
    const next = {
      name: input.name?.trim() ?? u.name,
      functions: input.functions ?? u.functions,
      isReviewUnit: input.isReviewUnit ?? u.isReviewUnit,
    };
    await store.updateUnit(tx, unitId, next);
    await audit(tx, ctx, {
      action: 'unit.update',
      targetType: 'unit',
      targetId: unitId,
      agencyId,
      regionCode: a.regionCode,
      details: next,
    });
    return { id: unitId, ...next };
  });
}

export async function agencyReviewerRatio(db: Db, ctx: Ctx, agencyId: string) {
  await loadAgencyInScope(db, ctx, agencyId);
  return reviewerRatioOf(db, agencyId);
}

/** L1 for one agency, on today's certificates. Exported for the supervision dashboard. */
export async function reviewerRatioOf(db: Db, agencyId: string) {
  const rows = await store.listAgencyOfficers(db, agencyId);
  const officers = rows.map((o) => ({ ...o, status: o.status as CertificateStatus }));
  const r = reviewerRatio(countForReviewerRatio(officers, todayInShanghai()));
  return { ...r, required: r.minRatio, requiredReviewers: r.required };
}
