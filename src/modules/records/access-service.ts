import type { Ctx } from '../../platform/auth/actor.ts';
import { ROLE_LABELS, type Role } from '../../platform/auth/roles.ts';
import { displayNames } from '../../platform/auth/service.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import type { AccessLog } from './contract.ts';
import type { RecordsDeps } from './deps.ts';
import { mayOpenRecord } from './rules/access.ts';
import {
  CONFIDENTIALITY_LABELS,
  type Confidentiality,
  RECORD_TYPE_LABELS,
  type RecordType,
} from './rules/vocabulary.ts';
import * as store from './store.ts';

export type AccessInput = {
  recordType: RecordType;
  recordId: string;
  caseId: string;
  agencyId: string;
  regionCode: string;
  confidentiality: Confidentiality;
  purpose: 'open' | 'download';
  reason: string | null;
};

/** R9 (seed 000 item 26): every opening of a record is itself a record — who, when, why. */
export async function logAccess(db: Db, ctx: Ctx, a: AccessInput, now = new Date()): Promise<void> {
  await store.insertAccess(db, {
    at: now,
    userId: ctx.actor.userId,
    role: ctx.actor.role,
    recordType: a.recordType,
    recordId: a.recordId,
    caseId: a.caseId,
    agencyId: a.agencyId,
    regionCode: a.regionCode,
    confidentiality: a.confidentiality,
    purpose: a.purpose,
    reason: a.reason?.trim() || null,
  });
}

/**
 * Decides whether the caller may open a record with this mark (R8) and demands a reason where the mark
 * requires one. System administrators run the platform; they do not read enforcement records.
 */
export function checkOpen(
  ctx: Ctx,
  c: { teamOfficerIds: readonly string[] },
  mark: Confidentiality,
  reason: string | null,
): void {
  if (ctx.actor.role === 'system_admin') throw new AppError('FORBIDDEN', '系统管理员不调阅执法记录');
  const onCaseTeam = !!ctx.actor.officerId && c.teamOfficerIds.includes(ctx.actor.officerId);
  const d = mayOpenRecord({ role: ctx.actor.role, onCaseTeam }, mark);
  if (!d.allowed) throw new AppError('FORBIDDEN', d.message);
  if (d.reasonRequired && !reason?.trim())
    throw new AppError(
      'ACCESS_REASON_REQUIRED',
      `调阅${CONFIDENTIALITY_LABELS[mark]}的记录须填写调阅事由`,
      'reason',
    );
}

/**
 * The access log, for agency heads, legal reviewers and supervisors (R9: 可实时调阅、监督), within scope.
 */
export async function listAccessLog(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  q: {
    caseId?: string | undefined;
    recordId?: string | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  },
): Promise<AccessLog> {
  const agencies = await org.agenciesInScope(db, ctx);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const rows = await store.listAccess(db, {
    agencyIds: agencies.map((a) => a.id),
    ...(q.caseId ? { caseId: q.caseId } : {}),
    ...(q.recordId ? { recordId: q.recordId } : {}),
    limit: Math.min(q.limit ?? 100, 500),
    offset: q.offset ?? 0,
  });
  // A clerk reads the record by its name: an evidence record's title (a case file is named by its case).
  const evidenceIds = rows.filter((r) => r.recordType === 'evidence').map((r) => r.recordId);
  const [users, caseTitles, evidence] = await Promise.all([
    displayNames(
      db,
      rows.map((r) => r.userId),
    ),
    deps.cases.caseTitles(
      db,
      rows.map((r) => r.caseId),
    ),
    store.evidenceByIds(db, [...new Set(evidenceIds)]),
  ]);
  const evidenceTitles = new Map(evidence.map((e) => [e.id, e.title]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.userId,
      userName: users.get(r.userId) ?? null,
      role: r.role,
      roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
      recordType: r.recordType as RecordType,
      recordTypeLabel: RECORD_TYPE_LABELS[r.recordType as RecordType] ?? r.recordType,
      recordId: r.recordId,
      recordTitle: evidenceTitles.get(r.recordId) ?? null,
      caseId: r.caseId,
      caseTitle: caseTitles.get(r.caseId) ?? null,
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? null,
      confidentiality: r.confidentiality as Confidentiality,
      confidentialityLabel: CONFIDENTIALITY_LABELS[r.confidentiality as Confidentiality] ?? r.confidentiality,
      purpose: r.purpose as 'open' | 'download',
      reason: r.reason,
    })),
  };
}
