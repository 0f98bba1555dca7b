import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { normalizeCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import type { OfficerDetail } from './contract.ts';
import { mayManageOfficers, officerRights } from './policy.ts';
import { presentOfficer } from './present.ts';
import {
  type CertificateAction,
  type CertificateStatus,
  type OfficerInput,
  type RevocationCause,
  validateOfficerInput,
} from './rules/index.ts';
import { firstViolation, scopeOf, uniqueToDuplicate } from './service-shared.ts';
import * as store from './store.ts';

// Officers and auxiliary staff (执法人员、执法辅助人员): the list, the audited detail, writes.

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

export async function loadOfficerInScope(db: Db, ctx: Ctx, id: string) {
  if (!UUID_RE.test(id)) throw new AppError('OFFICER_NOT_FOUND', '执法人员不存在或无权查看', 'id');
  const o = await store.findOfficer(db, id, scopeOf(ctx));
  if (!o) throw new AppError('OFFICER_NOT_FOUND', '执法人员不存在或无权查看', 'id');
  return o;
}

/** Officer detail, with personal fields: the read itself is audited (issue 2, "every read of personal data"). */
export async function getOfficer(db: Db, ctx: Ctx, id: string): Promise<OfficerDetail> {
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
      action: e.action as CertificateAction,
      fromStatus: e.fromStatus as CertificateStatus,
      toStatus: e.toStatus as CertificateStatus,
      reason: e.reason,
      revocationCause: e.revocationCause as RevocationCause | null,
      at: e.at.toISOString(),
    })),
    can: officerRights(ctx.actor, { id: o.officer.agencyId, regionCode: o.agencyRegionCode }, o.officer),
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
    legalQualificationNo: blankToNull(input.legalQualificationNo),
    reviewingSince: blankToNull(input.reviewingSince),
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
    // An auxiliary never reviews (AUXILIARY_CANNOT_REVIEW), so holds no reviewer's record either.
    legalQualificationNo: aux ? null : (input.legalQualificationNo ?? null),
    reviewingSince: aux ? null : (input.reviewingSince ?? null),
    phone: input.phone ?? null,
  };
}

/** Inserts one officer inside the caller's transaction (used by create and by bulk import). */
export async function insertOfficerTx(tx: Db, ctx: Ctx, input: OfficerWrite, categoryCodes: string[]) {
  const clean = normalizeOfficer(input);
  firstViolation(validateOfficerInput(clean, categoryCodes, todayInShanghai()));
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

export async function getOfficerUnaudited(db: Db, id: string) {
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
    legalQualificationNo: o.legalQualificationNo,
    reviewingSince: o.reviewingSince,
    trainingHours: training.map((t) => ({ year: t.year, hours: t.hours })),
    phone: o.phone,
    ...patch,
  });
  const codes = (await store.listCategories(db)).map((c) => c.code);
  firstViolation(validateOfficerInput(merged, codes, todayInShanghai()));
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
