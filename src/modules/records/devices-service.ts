import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, isUniqueViolation, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import type { Device, DeviceDetail } from './contract.ts';
import type { RecordsDeps } from './deps.ts';
import { summaryOf } from './evidence-reads.ts';
import { deviceRights, mayManageDevices } from './policy.ts';
import {
  DEVICE_KIND_LABELS,
  DEVICE_STATUS_LABELS,
  type DeviceKind,
  type DeviceStatus,
} from './rules/vocabulary.ts';
import * as store from './store.ts';

/**
 * 设备登记 (R11, seed 000 items 16 and 20): the recorders each agency owns, who holds each one, and what
 * each produced. Kept by the agency's administrator or head (or its supervisor).
 */
async function manageableAgency(db: Db, ctx: Ctx, agencyId: string) {
  const agency = await org.agencyRef(db, agencyId);
  const visible = agency && (await org.agenciesInScope(db, ctx)).some((a) => a.id === agency.id);
  if (!agency || !visible) throw new AppError('AGENCY_NOT_FOUND', '执法机关不存在或无权查看', 'agencyId');
  if (!mayManageDevices(ctx.actor, agency))
    throw new AppError('FORBIDDEN', '只有本机关的管理员或负责人可以管理设备登记');
  return agency;
}

async function visibleDevice(db: Db, ctx: Ctx, id: string) {
  const d = UUID_RE.test(id) ? await store.findDevice(db, id) : undefined;
  const agency = d && (await org.agenciesInScope(db, ctx)).find((a) => a.id === d.agencyId);
  if (!d || !agency) throw new AppError('DEVICE_NOT_FOUND', '设备不存在或无权查看', 'id');
  return { ...d, agency };
}

export type DeviceInput = { agencyId: string; kind: string; serialNumber: string; model: string };

export async function registerDevice(db: Db, ctx: Ctx, input: DeviceInput) {
  const agency = await manageableAgency(db, ctx, input.agencyId);
  if (!Object.hasOwn(DEVICE_KIND_LABELS, input.kind))
    throw new AppError('DEVICE_KIND_INVALID', '设备类型不正确', 'kind');
  const serialNumber = input.serialNumber.trim();
  if (!serialNumber) throw new AppError('FIELD_REQUIRED', '请填写设备编号', 'serialNumber');
  try {
    return await db.transaction(async (tx) => {
      const d = await store.insertDevice(tx, {
        agencyId: agency.id,
        kind: input.kind,
        serialNumber,
        model: input.model.trim(),
      });
      await audit(tx, ctx, {
        action: 'device.register',
        targetType: 'device',
        targetId: d.id,
        agencyId: agency.id,
        regionCode: agency.regionCode,
        details: { kind: d.kind, serialNumber },
      });
      return { id: d.id };
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new AppError('DUPLICATE_DEVICE', `本机关已登记编号为「${serialNumber}」的设备`, 'serialNumber');
    throw e;
  }
}

function deviceView(
  ctx: Ctx,
  agency: { id: string; regionCode: string },
  d: store.DeviceRow,
  holder: { officerId: string; name: string | null; since: string } | null,
): Device {
  return {
    id: d.id,
    agencyId: d.agencyId,
    kind: d.kind as DeviceKind,
    kindLabel: DEVICE_KIND_LABELS[d.kind as DeviceKind] ?? d.kind,
    serialNumber: d.serialNumber,
    model: d.model,
    status: d.status as DeviceStatus,
    statusLabel: DEVICE_STATUS_LABELS[d.status as DeviceStatus] ?? d.status,
    retiredAt: d.retiredAt?.toISOString() ?? null,
    holder,
    can: deviceRights(ctx.actor, agency, d),
  };
}

async function officerNames(db: Db, ids: readonly string[]) {
  return new Map((await org.actingOfficers(db, ids)).map((o) => [o.id, o.name]));
}

export async function listDevices(
  db: Db,
  ctx: Ctx,
  q: { agencyId?: string | undefined },
): Promise<{ items: Device[] }> {
  const agencies = (await org.agenciesInScope(db, ctx)).filter((a) => !q.agencyId || a.id === q.agencyId);
  const rows = await store.listDevices(
    db,
    agencies.map((a) => a.id),
  );
  const open = await store.openAssignments(
    db,
    rows.map((r) => r.id),
  );
  const names = await officerNames(
    db,
    open.map((a) => a.officerId),
  );
  const byDevice = new Map(open.map((a) => [a.deviceId, a]));
  const agencyOf = new Map(agencies.map((a) => [a.id, a]));
  return {
    items: rows.map((d) => {
      const a = byDevice.get(d.id);
      return deviceView(
        ctx,
        agencyOf.get(d.agencyId)!,
        d,
        a
          ? {
              officerId: a.officerId,
              name: names.get(a.officerId) ?? null,
              since: a.assignedAt.toISOString(),
            }
          : null,
      );
    }),
  };
}

/** A device with its assignment history and the records it produced (newest first). */
export async function getDevice(
  db: Db,
  ctx: Ctx,
  deps: Pick<RecordsDeps, 'cases'>,
  id: string,
): Promise<DeviceDetail> {
  const d = await visibleDevice(db, ctx, id);
  const [assignments, records] = await Promise.all([
    store.assignmentsOf(db, d.id),
    store.evidenceOfDevice(db, d.id, 200),
  ]);
  const names = await officerNames(
    db,
    assignments.map((a) => a.officerId),
  );
  const current = assignments.find((a) => !a.returnedAt);
  const teams = new Map<string, readonly string[]>();
  for (const caseId of new Set(records.map((e) => e.caseId))) {
    const ref = await deps.cases.caseRefById(db, caseId);
    teams.set(caseId, ref?.teamOfficerIds ?? []);
  }
  return {
    ...deviceView(
      ctx,
      d.agency,
      d,
      current
        ? {
            officerId: current.officerId,
            name: names.get(current.officerId) ?? null,
            since: current.assignedAt.toISOString(),
          }
        : null,
    ),
    assignments: assignments.map((a) => ({
      officerId: a.officerId,
      officerName: names.get(a.officerId) ?? null,
      assignedAt: a.assignedAt.toISOString(),
      returnedAt: a.returnedAt?.toISOString() ?? null,
    })),
    // Metadata only: opening a record's content goes through the evidence route, logged. Each record
    // says whether the caller may open it, which depends on its case's team.
    records: records.map((e) =>
      summaryOf(e, { actor: ctx.actor, teamOfficerIds: teams.get(e.caseId) ?? [] }),
    ),
  };
}

/** Hands the device to an officer of its agency (or takes it back with `officerId: null`). */
export async function assignDevice(
  db: Db,
  ctx: Ctx,
  deps: Pick<RecordsDeps, 'cases'>,
  id: string,
  officerId: string | null,
  now = new Date(),
) {
  const d = await visibleDevice(db, ctx, id);
  const agency = await manageableAgency(db, ctx, d.agencyId);
  if (officerId) {
    const [o] = UUID_RE.test(officerId) ? await org.actingOfficers(db, [officerId]) : [];
    if (!o || o.agencyId !== d.agencyId)
      throw new AppError('OFFICER_NOT_FOUND', '只能配发给本机关的执法人员或辅助人员', 'officerId');
  }
  await db.transaction(async (tx) => {
    const locked = await store.lockDevice(tx, d.id);
    if (locked?.status === 'retired' && officerId)
      throw new AppError('DEVICE_RETIRED', '设备已停用，不能配发', 'id');
    await store.closeAssignment(tx, d.id, now);
    if (officerId) await store.insertAssignment(tx, { deviceId: d.id, officerId, assignedAt: now });
    await audit(tx, ctx, {
      action: officerId ? 'device.assign' : 'device.return',
      targetType: 'device',
      targetId: d.id,
      agencyId: agency.id,
      regionCode: agency.regionCode,
      details: { officerId },
    });
  });
  return getDevice(db, ctx, deps, d.id);
}

/** Retires a device: it keeps its history and records, and records nothing new after this moment. */
export async function retireDevice(
  db: Db,
  ctx: Ctx,
  deps: Pick<RecordsDeps, 'cases'>,
  id: string,
  now = new Date(),
) {
  const d = await visibleDevice(db, ctx, id);
  const agency = await manageableAgency(db, ctx, d.agencyId);
  await db.transaction(async (tx) => {
    const locked = await store.lockDevice(tx, d.id);
    if (locked?.status === 'retired') throw new AppError('DEVICE_RETIRED', '设备已停用', 'id');
    await store.closeAssignment(tx, d.id, now);
    await store.retireDevice(tx, d.id, now);
    await audit(tx, ctx, {
      action: 'device.retire',
      targetType: 'device',
      targetId: d.id,
      agencyId: agency.id,
      regionCode: agency.regionCode,
    });
  });
  return getDevice(db, ctx, deps, d.id);
}
