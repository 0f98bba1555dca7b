import type { Ctx } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import type { UploadStatistics } from './contract.ts';
import * as store from './store.ts';

/**
 * R5 (seed 000 item 22) counted: AV records per agency and officer in a period, and how many were stored
 * more than 24 hours after capture. Periods are calendar days in Asia/Shanghai.
 */
export async function uploadStatistics(
  db: Db,
  ctx: Ctx,
  q: { agencyId?: string | undefined; from: string; to: string },
): Promise<UploadStatistics> {
  if (q.from > q.to) throw new AppError('PERIOD_INVALID', '统计期间的起始日期不能晚于截止日期', 'to');
  const agencies = (await org.agenciesInScope(db, ctx)).filter((a) => !q.agencyId || a.id === q.agencyId);
  if (q.agencyId && agencies.length === 0)
    throw new AppError('AGENCY_NOT_FOUND', '执法机关不存在或无权查看', 'agencyId');
  const from = new Date(`${q.from}T00:00:00+08:00`);
  const to = new Date(`${q.to}T23:59:59.999+08:00`);
  const rows = await store.uploadStatistics(
    db,
    agencies.map((a) => a.id),
    from,
    to,
  );
  const officerIds = rows.map((r) => r.officerId).filter((id): id is string => !!id);
  const names = new Map((await org.actingOfficers(db, officerIds)).map((o) => [o.id, o.name]));
  const byAgency = agencies.map((a) => {
    const mine = rows.filter((r) => r.agencyId === a.id);
    const av = mine.reduce((n, r) => n + r.av, 0);
    const late = mine.reduce((n, r) => n + r.late, 0);
    return {
      agencyId: a.id,
      agencyName: a.name,
      total: mine.reduce((n, r) => n + r.total, 0),
      av,
      late,
      lateRatio: av === 0 ? 0 : late / av,
    };
  });
  return {
    from: q.from,
    to: q.to,
    agencies: byAgency.filter((a) => a.total > 0 || q.agencyId),
    officers: rows
      .flatMap((r) => (r.officerId ? [{ ...r, officerId: r.officerId }] : []))
      .map((r) => ({
        agencyId: r.agencyId,
        officerId: r.officerId,
        officerName: names.get(r.officerId) ?? null,
        av: r.av,
        late: r.late,
        lateRatio: r.av === 0 ? 0 : r.late / r.av,
      }))
      .sort((a, b) => b.late - a.late || b.av - a.av),
  };
}
