import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, isUniqueViolation, UUID_RE } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { normalizeCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import { parseRegionCode } from '../../platform/identifiers/region-code.ts';
import { normalizeUscc } from '../../platform/identifiers/uscc.ts';
import { isRuleViolation } from '../../platform/identifiers/violation.ts';
import { mayCreateAgency, mayEditAgency, mayManageOfficers, mayManageRegion, readScope } from './policy.ts';
import { type AgencyView, presentAgency, presentOfficer } from './present.ts';
import {
  type ActDecision,
  type AgencyInput,
  applyCertificateAction,
  type CertificateAction,
  type CertificateStatus,
  canAct,
  countForReviewerRatio,
  type OfficerInput,
  type RevocationCause,
  reviewerRatio,
  validateAgencyInput,
  validateOfficerInput,
} from './rules/index.ts';
import * as store from './store.ts';
import { regionNames, viewAgency } from './views.ts';

export { readScope } from './policy.ts';
export type { AgencyView, OfficerView } from './present.ts';
// The portal's reads (published fields only) live beside this service; callers use one service.
export * from './public-reads.ts';

function firstViolation(list: { code: string; message: string; field?: string }[]): void {
  const v = list[0];
  if (v) throw fromViolation(v);
}

function scopeOf(ctx: Ctx): store.Scope {
  const s = readScope(ctx.actor);
  if (!s) throw new AppError('FORBIDDEN', '账号未设置所属执法主体或监督区域');
  return s;
}

// ── regions ───────────────────────────────────────────────────────────────────────────────────────
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

// ── agencies ──────────────────────────────────────────────────────────────────────────────────────

export async function listAgencies(
  db: Db,
  ctx: Ctx,
  f: { regionCode?: string | undefined; q?: string | undefined },
) {
  const rows = await store.listAgencies(db, { scope: scopeOf(ctx), regionCode: f.regionCode, q: f.q });
  const names = await regionNames(db);
  const items = rows.map((a) =>
    presentAgency(a, { regionName: names.get(a.regionCode) ?? a.regionCode, entrustment: null }),
  );
  return { items, total: items.length };
}

async function loadAgencyInScope(db: Db, ctx: Ctx, id: string): Promise<store.AgencyRow> {
  if (!UUID_RE.test(id)) throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'id');
  const a = await store.findAgency(db, id, scopeOf(ctx));
  if (!a) throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'id');
  return a;
}

export async function getAgency(db: Db, ctx: Ctx, id: string): Promise<AgencyView> {
  return viewAgency(db, await loadAgencyInScope(db, ctx, id), true);
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

export async function createAgency(db: Db, ctx: Ctx, raw: AgencyWrite): Promise<AgencyView> {
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
  return viewAgency(db, row, true);
}

export async function updateAgency(
  db: Db,
  ctx: Ctx,
  id: string,
  patch: Partial<AgencyWrite>,
): Promise<AgencyView> {
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
  return viewAgency(db, row, true);
}

function uniqueToDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'uscc'))
    throw new AppError('DUPLICATE_USCC', '统一社会信用代码已被其他执法主体使用', 'uscc');
  if (isUniqueViolation(err, 'certificate_no'))
    throw new AppError('DUPLICATE_CERTIFICATE_NO', '执法证件编号已存在', 'certificateNo');
  throw err;
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

// ── officers ──────────────────────────────────────────────────────────────────────────────────────
export interface OfficerListQuery {
  agencyId?: string | undefined;
  status?: 'valid' | 'suspended' | 'revoked' | 'expired' | undefined;
  category?: string | undefined;
  auxiliary?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listOfficers(db: Db, ctx: Ctx, q: OfficerListQuery) {
  const today = todayInShanghai();
  const r = await store.listOfficers(db, {
    scope: scopeOf(ctx),
    agencyId:
      q.agencyId && UUID_RE.test(q.agencyId)
        ? q.agencyId
        : q.agencyId
          ? '00000000-0000-0000-0000-000000000000'
          : undefined,
    category: q.category,
    auxiliary: q.auxiliary,
    q: q.q?.trim() || undefined,
    effectiveStatus: q.status,
    today,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const training = await store.trainingOf(
    db,
    r.items.map((i) => i.officer.id),
  );
  // Lists leave personal fields out: reading them is a deliberate, audited act (officer detail).
  return {
    items: r.items.map((i) => ({ ...presentOfficer(i, training, today), phone: null })),
    total: r.total,
  };
}

async function loadOfficerInScope(db: Db, ctx: Ctx, id: string) {
  if (!UUID_RE.test(id)) throw new AppError('OFFICER_NOT_FOUND', '执法人员不存在或无权查看', 'id');
  const o = await store.findOfficer(db, id, scopeOf(ctx));
  if (!o) throw new AppError('OFFICER_NOT_FOUND', '执法人员不存在或无权查看', 'id');
  return o;
}

/** Officer detail, with personal fields: the read itself is audited (issue 2, "every read of personal data"). */
export async function getOfficer(db: Db, ctx: Ctx, id: string) {
  const o = await loadOfficerInScope(db, ctx, id);
  const today = todayInShanghai();
  const view = presentOfficer(o, await store.trainingOf(db, [id]), today);
  const events = await store.certificateEventsOf(db, id);
  await audit(db, ctx, {
    action: 'officer.read_personal',
    targetType: 'officer',
    targetId: id,
    agencyId: o.officer.agencyId,
    regionCode: o.agencyRegionCode,
  });
  return {
    ...view,
    certificateEvents: events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      revocationCause: e.revocationCause,
      at: e.at.toISOString(),
    })),
  };
}

export interface OfficerWrite extends OfficerInput {
  agencyId: string;
  unitId?: string | null;
}

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function normalizeOfficer(input: OfficerWrite): OfficerWrite {
  // Forms send '' for "not set": store it as null, never as a value that fails a reference later.
  return {
    ...input,
    name: typeof input.name === 'string' ? input.name.trim() : input.name,
    certificateNo: input.certificateNo?.trim() ? normalizeCertificateNo(input.certificateNo) : null,
    unitId: blankToNull(input.unitId),
    enforcementRegionCode: blankToNull(input.enforcementRegionCode),
    issueDate: blankToNull(input.issueDate),
    expiryDate: blankToNull(input.expiryDate),
    phone: blankToNull(input.phone),
  };
}

/** Everything about one officer record that needs the database; the pure checks ran before. */
async function checkOfficerRefs(tx: Db, ctx: Ctx, input: OfficerWrite, selfId?: string) {
  const agency = UUID_RE.test(input.agencyId) ? await store.findAgency(tx, input.agencyId) : undefined;
  if (!agency) throw new AppError('UNKNOWN_AGENCY', '所属执法主体不存在', 'agencyId');
  if (!mayManageOfficers(ctx.actor, agency)) {
    throw new AppError('AGENCY_OUT_OF_SCOPE', `无权为「${agency.name}」登记或调整执法人员`, 'agencyId');
  }
  if (input.unitId) {
    const u = UUID_RE.test(input.unitId) ? await store.findUnit(tx, input.unitId) : undefined;
    if (!u || u.agencyId !== agency.id)
      throw new AppError('UNKNOWN_UNIT', '内设机构不存在或不属于该执法主体', 'unitId');
  }
  if (input.enforcementRegionCode && !(await store.findRegion(tx, input.enforcementRegionCode))) {
    throw new AppError(
      'UNKNOWN_REGION',
      `执法区域「${input.enforcementRegionCode}」尚未登记`,
      'enforcementRegionCode',
    );
  }
  if (input.certificateNo) {
    const dup = await store.findOfficerByCertificateNo(tx, input.certificateNo);
    if (dup && dup.officer.id !== selfId) {
      throw new AppError(
        'DUPLICATE_CERTIFICATE_NO',
        `执法证件编号「${input.certificateNo}」已登记`,
        'certificateNo',
      );
    }
  }
  return agency;
}

function officerColumns(input: OfficerWrite) {
  const aux = input.isAuxiliary;
  return {
    agencyId: input.agencyId,
    unitId: input.unitId ?? null,
    name: input.name,
    isAuxiliary: aux,
    certificateNo: aux ? null : (input.certificateNo ?? null),
    categories: aux ? [] : (input.categories ?? []),
    enforcementRegionCode: input.enforcementRegionCode ?? null,
    issueDate: aux ? null : (input.issueDate ?? null),
    expiryDate: aux ? null : (input.expiryDate ?? null),
    isLegalReviewer: !aux && !!input.isLegalReviewer,
    phone: input.phone ?? null,
  };
}

/** Inserts one officer inside the caller's transaction (used by create and by bulk import). */
export async function insertOfficerTx(tx: Db, ctx: Ctx, input: OfficerWrite, categoryCodes: string[]) {
  const clean = normalizeOfficer(input);
  firstViolation(validateOfficerInput(clean, categoryCodes));
  const agency = await checkOfficerRefs(tx, ctx, clean);
  const row = await store.insertOfficer(tx, officerColumns(clean));
  await store.replaceTraining(tx, row.id, clean.trainingHours ?? []);
  await audit(tx, ctx, {
    action: 'officer.create',
    targetType: 'officer',
    targetId: row.id,
    agencyId: row.agencyId,
    regionCode: agency.regionCode,
    details: { name: row.name, certificateNo: row.certificateNo, isAuxiliary: row.isAuxiliary },
  });
  return row;
}

export async function createOfficer(db: Db, ctx: Ctx, input: OfficerWrite) {
  const codes = (await store.listCategories(db)).map((c) => c.code);
  const row = await db.transaction((tx) => insertOfficerTx(tx, ctx, input, codes)).catch(uniqueToDuplicate);
  return getOfficerUnaudited(db, row.id);
}

async function getOfficerUnaudited(db: Db, id: string) {
  const o = (await store.findOfficer(db, id, { kind: 'all' }))!;
  return presentOfficer(o, await store.trainingOf(db, [id]), todayInShanghai());
}

export async function updateOfficer(db: Db, ctx: Ctx, id: string, patch: Partial<OfficerWrite>) {
  const current = await loadOfficerInScope(db, ctx, id);
  const currentAgency = (await store.findAgency(db, current.officer.agencyId))!;
  if (!mayManageOfficers(ctx.actor, currentAgency)) throw new AppError('FORBIDDEN', '无权修改该执法人员');
  const o = current.officer;
  const training = await store.trainingOf(db, [id]);
  const merged = normalizeOfficer({
    agencyId: o.agencyId,
    unitId: o.unitId,
    name: o.name,
    isAuxiliary: o.isAuxiliary,
    certificateNo: o.certificateNo,
    categories: o.categories,
    enforcementRegionCode: o.enforcementRegionCode,
    issueDate: o.issueDate,
    expiryDate: o.expiryDate,
    isLegalReviewer: o.isLegalReviewer,
    trainingHours: training.map((t) => ({ year: t.year, hours: t.hours })),
    phone: o.phone,
    ...patch,
  });
  const codes = (await store.listCategories(db)).map((c) => c.code);
  firstViolation(validateOfficerInput(merged, codes));
  if (
    o.status === 'revoked' &&
    patch.certificateNo !== undefined &&
    patch.certificateNo !== o.certificateNo
  ) {
    throw new AppError(
      'ILLEGAL_CERTIFICATE_TRANSITION',
      '已注销的执法证件不能变更编号，请登记新证件',
      'certificateNo',
    );
  }
  await db
    .transaction(async (tx) => {
      const agency = await checkOfficerRefs(tx, ctx, merged, id);
      await store.updateOfficer(tx, id, officerColumns(merged));
      if (patch.trainingHours) await store.replaceTraining(tx, id, merged.trainingHours ?? []);
      await audit(tx, ctx, {
        action: 'officer.update',
        targetType: 'officer',
        targetId: id,
        agencyId: merged.agencyId,
        regionCode: agency.regionCode,
        details: { fields: Object.keys(patch) },
      });
    })
    .catch(uniqueToDuplicate);
  return getOfficerUnaudited(db, id);
}

export async function changeCertificateStatus(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { action: CertificateAction; reason: string; revocationCause?: RevocationCause | undefined },
) {
  const current = await loadOfficerInScope(db, ctx, id);
  const agency = (await store.findAgency(db, current.officer.agencyId))!;
  if (!mayManageOfficers(ctx.actor, agency)) throw new AppError('FORBIDDEN', '无权变更该执法人员的证件状态');
  if (current.officer.isAuxiliary)
    throw new AppError('AUXILIARY_NO_CERTIFICATE', '执法辅助人员没有执法证件', 'action');
  await db.transaction(async (tx) => {
    // Re-read inside the transaction and update conditionally: two admins acting at once cannot both
    // apply a transition from the same state.
    const fresh = (await store.findOfficer(tx, id, { kind: 'all' }))!.officer;
    const result = applyCertificateAction(fresh.status as CertificateStatus, input.action, input);
    if (!result.ok) throw fromViolation(result.violation);
    await store.updateOfficer(tx, id, {
      status: result.status,
      revocationCause: input.action === 'revoke' ? (input.revocationCause ?? null) : fresh.revocationCause,
    });
    await store.insertCertificateEvent(tx, {
      officerId: id,
      action: input.action,
      fromStatus: fresh.status,
      toStatus: result.status,
      reason: input.reason.trim(),
      revocationCause: input.revocationCause ?? null,
      actorUserId: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: `certificate.${input.action}`,
      targetType: 'officer',
      targetId: id,
      agencyId: fresh.agencyId,
      regionCode: agency.regionCode,
      details: {
        from: fresh.status,
        to: result.status,
        reason: input.reason,
        revocationCause: input.revocationCause ?? null,
      },
    });
  });
  return getOfficerUnaudited(db, id);
}

/** O3 as an API answer for one officer in the caller's scope. */
export async function checkCanAct(
  db: Db,
  ctx: Ctx,
  id: string,
  q: { category: string; regionCode: string; date?: string | undefined },
) {
  const o = await loadOfficerInScope(db, ctx, id);
  return mayAct(db, o.officer.id, {
    categoryCode: q.category,
    regionCode: q.regionCode,
    date: q.date ?? todayInShanghai(),
  });
}

/**
 * "May this person act here, on this day, on this category?" — the check every later workflow step
 * calls (O3). Other modules use this, never the officers table.
 */
export async function mayAct(
  db: Db,
  officerId: string,
  ctx: { categoryCode: string; regionCode: string; date: string },
): Promise<ActDecision> {
  const o = UUID_RE.test(officerId) ? await store.findOfficer(db, officerId, { kind: 'all' }) : undefined;
  if (!o)
    return {
      allowed: false,
      reasons: [{ code: 'OFFICER_NOT_FOUND', message: '执法人员不存在', field: 'officerId' }],
    };
  const row = o.officer;
  return canAct({ ...row, status: row.status as CertificateStatus }, ctx);
}

// ── for other modules: agency references and the register's own write policy ─────────────────────
export { mayEditAgency as mayManageAgencyRecords } from './policy.ts';
export { isRuleViolation };

export interface AgencyRef {
  id: string;
  name: string;
  regionCode: string;
}

/** An agency by id, unscoped (callers apply their own policy), or null. */
export async function agencyRef(db: Db, id: string): Promise<AgencyRef | null> {
  if (!UUID_RE.test(id)) return null;
  const a = await store.findAgency(db, id);
  return a ? { id: a.id, name: a.name, regionCode: a.regionCode } : null;
}

/** The agencies the caller may read, as references (set-based scope for other modules' lists). */
export async function agenciesInScope(db: Db, ctx: Ctx): Promise<AgencyRef[]> {
  const rows = await store.listAgencies(db, { scope: scopeOf(ctx) });
  return rows.map((a) => ({ id: a.id, name: a.name, regionCode: a.regionCode }));
}

/** Officers as the case rules check them (O3), by id; unknown ids are simply absent. */
export async function actingOfficers(db: Db, ids: readonly string[]) {
  const valid = [...new Set(ids)].filter((id) => UUID_RE.test(id));
  const rows = await store.officersByIds(db, valid);
  return rows.map((o) => ({
    id: o.id,
    agencyId: o.agencyId,
    name: o.name,
    certificateNo: o.certificateNo,
    isAuxiliary: o.isAuxiliary,
    categories: o.categories,
    enforcementRegionCode: o.enforcementRegionCode,
    issueDate: o.issueDate,
    expiryDate: o.expiryDate,
    status: o.status as CertificateStatus,
  }));
}
