import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { validateIsoDate } from '../../platform/identifiers/date.ts';
import { isWithinRegion } from '../../platform/identifiers/region-code.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as org from '../org/service.ts';
import { logAccess } from './access-service.ts';
import type { CoverageReport, Created, SpotCheckDetail, SpotCheckList } from './contract.ts';
import type { RecordsDeps } from './deps.ts';
import { coverageOf, drawSample, spotCheckSampleSize } from './rules/spot-check.ts';
import { SPOT_CHECK_RESULT_LABELS, type SpotCheckResult } from './rules/vocabulary.ts';
import * as store from './store.ts';

/**
 * 随机调阅、抽查 (R9; seed 000 item 26, seed 001 一(二)): the agency's head and its legal reviewers — and the
 * supervising justice bureau — draw a random sample of the case files archived in a period, covering at
 * least the region's `spotCheckMinCoverage` (60%), and record a finding for each file.
 */
function mayRunSpotChecks(ctx: Ctx, agency: { id: string; regionCode: string }): boolean {
  const a = ctx.actor;
  if ((a.role === 'agency_head' || a.role === 'legal_reviewer') && a.agencyId === agency.id) return true;
  return a.role === 'supervisor' && !!a.regionCode && isWithinRegion(agency.regionCode, a.regionCode);
}

async function checkableAgency(db: Db, ctx: Ctx, agencyId: string) {
  const agency = UUID_RE.test(agencyId) ? await org.agencyRef(db, agencyId) : null;
  const visible = agency && (await org.agenciesInScope(db, ctx)).some((a) => a.id === agency.id);
  if (!agency || !visible) throw new AppError('AGENCY_NOT_FOUND', '执法机关不存在或无权查看', 'agencyId');
  if (!mayRunSpotChecks(ctx, agency))
    throw new AppError('FORBIDDEN', '只有机关负责人、法制审核人员或司法行政监督人员可以组织抽查');
  return agency;
}

function checkPeriod(from: string, to: string) {
  const v =
    validateIsoDate(from, 'periodFrom', '抽查期间起') ?? validateIsoDate(to, 'periodTo', '抽查期间止');
  if (v) throw new AppError(v.code, v.message, v.field);
  if (from > to) throw new AppError('PERIOD_INVALID', '抽查期间的起始日期不能晚于截止日期', 'periodTo');
}

/** Case files archived in the period, and how many of them some spot check has reviewed. */
async function periodCoverage(db: Db, agency: { id: string; regionCode: string }, from: string, to: string) {
  const files = await store.caseFilesLocked(db, [agency.id], from, to);
  const reviewed = await store.reviewedCaseFileIds(
    db,
    files.map((f) => f.id),
  );
  const minCoverage = ruleValue(await rulebookFor(db, agency.regionCode), 'spotCheckMinCoverage');
  return { files, reviewed, minCoverage };
}

export async function createSpotCheck(
  db: Db,
  ctx: Ctx,
  input: { agencyId: string; periodFrom: string; periodTo: string },
): Promise<Created> {
  const agency = await checkableAgency(db, ctx, input.agencyId);
  checkPeriod(input.periodFrom, input.periodTo);
  return db.transaction(async (tx) => {
    const { files, minCoverage } = await periodCoverage(tx, agency, input.periodFrom, input.periodTo);
    if (files.length === 0)
      throw new AppError('NOTHING_TO_CHECK', '该期间没有已归档的案卷可供抽查', 'periodFrom');
    const sample = drawSample(files, spotCheckSampleSize(files.length, minCoverage));
    const check = await store.insertSpotCheck(tx, {
      agencyId: agency.id,
      regionCode: agency.regionCode,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      population: files.length,
      createdBy: ctx.actor.userId,
    });
    await store.insertSpotCheckItems(
      tx,
      sample.map((f) => ({ spotCheckId: check.id, caseFileId: f.id })),
    );
    await audit(tx, ctx, {
      action: 'spot_check.create',
      targetType: 'spot_check',
      targetId: check.id,
      agencyId: agency.id,
      regionCode: agency.regionCode,
      details: { population: files.length, sampled: sample.length, minCoverage },
    });
    return { id: check.id };
  });
}

async function visibleSpotCheck(db: Db, ctx: Ctx, id: string) {
  const s = UUID_RE.test(id) ? await store.findSpotCheck(db, id) : undefined;
  if (!s || !(await org.agenciesInScope(db, ctx)).some((a) => a.id === s.agencyId))
    throw new AppError('SPOT_CHECK_NOT_FOUND', '抽查不存在或无权查看', 'id');
  return s;
}

export async function getSpotCheck(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  id: string,
): Promise<SpotCheckDetail> {
  const s = await visibleSpotCheck(db, ctx, id);
  const agency = (await org.agencyRef(db, s.agencyId))!;
  const items = await store.spotCheckItemsOf(db, [s.id]);
  const files = new Map(
    (await store.caseFilesLocked(db, [s.agencyId], s.periodFrom, s.periodTo)).map((f) => [f.id, f]),
  );
  const { reviewed, minCoverage } = await periodCoverage(db, agency, s.periodFrom, s.periodTo);
  const views = [];
  for (const i of items) {
    const f = files.get(i.caseFileId) ?? (await store.findCaseFile(db, i.caseFileId));
    const c = f ? await deps.cases.caseRefById(db, f.caseId) : undefined;
    views.push({
      caseFileId: i.caseFileId,
      caseId: f?.caseId ?? null,
      caseTitle: c?.title ?? null,
      lockedAt: f?.lockedAt.toISOString() ?? null,
      result: i.result as SpotCheckResult | null,
      resultLabel: i.result ? SPOT_CHECK_RESULT_LABELS[i.result as SpotCheckResult] : null,
      finding: i.finding,
      reviewedAt: i.reviewedAt?.toISOString() ?? null,
    });
  }
  return {
    id: s.id,
    agencyId: s.agencyId,
    agencyName: agency.name,
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
    createdAt: s.createdAt.toISOString(),
    items: views,
    coverage: coverageOf(files.size, items.length, reviewed.size, minCoverage),
  };
}

export async function listSpotChecks(db: Db, ctx: Ctx): Promise<SpotCheckList> {
  const agencies = await org.agenciesInScope(db, ctx);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const rows = await store.listSpotChecks(
    db,
    agencies.map((a) => a.id),
  );
  const items = await store.spotCheckItemsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const mine = items.filter((i) => i.spotCheckId === r.id);
      return {
        id: r.id,
        agencyId: r.agencyId,
        agencyName: names.get(r.agencyId) ?? null,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        population: r.population,
        sampled: mine.length,
        reviewed: mine.filter((i) => i.reviewedAt).length,
        createdAt: r.createdAt.toISOString(),
      };
    }),
  };
}

/**
 * Records the finding on one sampled file. Reviewing is opening the file: the access is logged with the
 * spot check as its reason (R9).
 */
export async function reviewSpotCheckItem(
  db: Db,
  ctx: Ctx,
  deps: RecordsDeps,
  id: string,
  caseFileId: string,
  input: { result: string; finding?: string | null | undefined },
): Promise<SpotCheckDetail> {
  const s = await visibleSpotCheck(db, ctx, id);
  const agency = await checkableAgency(db, ctx, s.agencyId);
  if (!Object.hasOwn(SPOT_CHECK_RESULT_LABELS, input.result))
    throw new AppError('SPOT_CHECK_RESULT_INVALID', '抽查结论应为“规范”或“不规范”', 'result');
  const finding = input.finding?.trim() || null;
  if (input.result === 'nonconforming' && !finding)
    throw new AppError('FIELD_REQUIRED', '抽查结论为不规范时须写明发现的问题', 'finding');
  const file = UUID_RE.test(caseFileId) ? await store.findCaseFile(db, caseFileId) : undefined;
  if (!file) throw new AppError('CASE_FILE_NOT_FOUND', '案卷不存在', 'caseFileId');
  await db.transaction(async (tx) => {
    const ok = await store.reviewSpotCheckItem(
      tx,
      { spotCheckId: s.id, caseFileId },
      { result: input.result, finding, reviewedBy: ctx.actor.userId, reviewedAt: new Date() },
    );
    if (!ok)
      throw new AppError('SPOT_CHECK_ITEM_INVALID', '该案卷不在本次抽查样本中，或已有抽查结论', 'caseFileId');
    await logAccess(tx, ctx, {
      recordType: 'case_file',
      recordId: file.id,
      caseId: file.caseId,
      agencyId: file.agencyId,
      regionCode: file.regionCode,
      confidentiality: 'none',
      purpose: 'open',
      reason: `随机抽查（${s.periodFrom} 至 ${s.periodTo}）`,
    });
    await audit(tx, ctx, {
      action: 'spot_check.review',
      targetType: 'spot_check',
      targetId: s.id,
      agencyId: agency.id,
      regionCode: agency.regionCode,
      details: { caseFileId, result: input.result },
    });
  });
  return getSpotCheck(db, ctx, deps, s.id);
}

/** Coverage of an agency's archived files in a period by spot checks (R9: at least 60%). */
export async function coverageReport(
  db: Db,
  ctx: Ctx,
  q: { agencyId: string; periodFrom: string; periodTo: string },
): Promise<CoverageReport> {
  const agency = UUID_RE.test(q.agencyId) ? await org.agencyRef(db, q.agencyId) : null;
  if (!agency || !(await org.agenciesInScope(db, ctx)).some((a) => a.id === agency.id))
    throw new AppError('AGENCY_NOT_FOUND', '执法机关不存在或无权查看', 'agencyId');
  checkPeriod(q.periodFrom, q.periodTo);
  const { files, reviewed, minCoverage } = await periodCoverage(db, agency, q.periodFrom, q.periodTo);
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    periodFrom: q.periodFrom,
    periodTo: q.periodTo,
    minCoverage,
    ...coverageOf(files.length, files.length, reviewed.size, minCoverage),
    late: files.filter((f) => f.late).length,
  };
}
