import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { canonicalJsonBytes, hashHex } from '../../platform/crypto/index.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { isIsoDate, todayInShanghai } from '../../platform/identifiers/date.ts';
import { appendEntries } from '../../platform/ledger/index.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as cases from '../cases/service.ts';
import * as org from '../org/service.ts';
import { draftNotice, type NoticeSource, noticeText, redactionCounts } from './rules/notice.ts';
import {
  addMonths,
  checkPeriod,
  type DecisionCategory,
  PUBLICATION_STATUS_LABELS,
  periodBounds,
  searchTokens,
  WITHDRAWAL_REASON_LABELS,
  WITHDRAWAL_REASONS,
  WITHHOLD_REASON_LABELS,
  WITHHOLD_REASONS,
  type WithdrawalReason,
  type WithholdReason,
} from './rules/publication.ts';
import type { NameMaskRule } from './rules/redaction.ts';
import * as store from './store.ts';

// 执法决定公开 for staff: the draft notice of a decision with what redaction removed, publishing it,
// withholding it with its reason, withdrawing it, and removing it early after credit repair. Each write
// is one transaction: the publication row, its audit entry, its ledger entry and the case's own record.

/** The rule that masks a natural person's name on the portal (P10: configurable; 张某某 by default). */
export const DEFAULT_NAME_MASK: NameMaskRule = 'surname_mou_mou';

/** Who publishes: the agency's own staff who handle cases; auxiliaries never act alone. */
function mayPublish(ctx: Ctx, agencyId: string): boolean {
  const a = ctx.actor;
  return (
    a.agencyId === agencyId &&
    (a.role === 'officer' ||
      a.role === 'legal_reviewer' ||
      a.role === 'agency_head' ||
      a.role === 'agency_admin')
  );
}
/** Not publishing, withdrawing and removing are the agency head's decisions. */
function mayDecideOnPublication(ctx: Ctx, agencyId: string): boolean {
  return ctx.actor.agencyId === agencyId && ctx.actor.role === 'agency_head';
}

async function decisionOf(db: Db, ctx: Ctx, caseId: string) {
  const d = await cases.decisionForPublication(db, ctx, caseId);
  if (!d) throw new AppError('NO_DECISION_TO_PUBLISH', '本案尚未作出可公开的执法决定', 'caseId');
  return d;
}

async function agencyOf(db: Db, agencyId: string) {
  const a = await org.getPublicAgency(db, agencyId);
  if (!a) throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在', 'agencyId');
  return { name: a.agency.name, uscc: a.agency.uscc };
}

function checkManual(manual: readonly string[]): string[] {
  if (manual.length > 50) throw new AppError('VALIDATION_FAILED', '人工标记的段落最多50处', 'manual');
  return manual.map((m) => m.trim()).filter((m) => m.length > 0);
}

async function periodOf(db: Db, d: cases.DecisionRecord) {
  const rb = await rulebookFor(db, d.regionCode);
  const bounds = periodBounds(`${d.itemName} ${d.itemLegalBasis}`, {
    minMonths: ruleValue(rb, 'publicationPeriodMinMonths'),
    maxMonths: ruleValue(rb, 'publicationPeriodMaxMonths'),
    safetyMinMonths: ruleValue(rb, 'publicationPeriodSafetyMinMonths'),
  });
  return { bounds, rb };
}

/** The notice as it would be published now, every removed passage, the period's bounds and the clock. */
export async function publicationDraft(
  db: Db,
  ctx: Ctx,
  caseId: string,
  input: { manual?: string[] | undefined; nameMask?: NameMaskRule | undefined } = {},
) {
  const d = await decisionOf(db, ctx, caseId);
  const agency = await agencyOf(db, d.agencyId);
  const { notice, removed } = draftNotice(d as NoticeSource, agency, {
    nameMask: input.nameMask ?? DEFAULT_NAME_MASK,
    manual: checkManual(input.manual ?? []),
  });
  const { bounds } = await periodOf(db, d);
  const recorded = await store.findByCase(db, d.caseId);
  const status = recorded?.status ?? 'pending';
  return {
    caseId: d.caseId,
    caseTitle: d.title,
    caseNumber: d.caseNumber,
    status,
    statusLabel: PUBLICATION_STATUS_LABELS[status as keyof typeof PUBLICATION_STATUS_LABELS] ?? status,
    publicationId: recorded?.id ?? null,
    notice: recorded?.notice ?? notice,
    removed: recorded ? [] : removed,
    period: { minMonths: bounds.minMonths, maxMonths: bounds.maxMonths, longSector: bounds.longSector },
    clock: d.clock,
    can: {
      publish: !recorded && mayPublish(ctx, d.agencyId),
      withhold: !recorded && mayDecideOnPublication(ctx, d.agencyId),
      withdraw: recorded?.status === 'published' && mayDecideOnPublication(ctx, d.agencyId),
    },
  };
}

const noticeHash = (n: unknown) => hashHex('sm3', canonicalJsonBytes(n as never));

/** Publishes the decision's notice as drafted now (the person saw this draft): row, audit, ledger, case. */
export async function publishDecision(
  db: Db,
  ctx: Ctx,
  caseId: string,
  input: {
    periodMonths?: number | undefined;
    manual?: string[] | undefined;
    nameMask?: NameMaskRule | undefined;
  },
  now = new Date(),
) {
  const d = await decisionOf(db, ctx, caseId);
  if (!mayPublish(ctx, d.agencyId))
    throw new AppError('FORBIDDEN', '只有本机关的执法人员、法制审核人员或负责人可以公开本机关的执法决定');
  const agency = await agencyOf(db, d.agencyId);
  const manual = checkManual(input.manual ?? []);
  const { notice, removed } = draftNotice(d as NoticeSource, agency, {
    nameMask: input.nameMask ?? DEFAULT_NAME_MASK,
    manual,
  });
  const { bounds } = await periodOf(db, d);
  const months = input.periodMonths ?? bounds.minMonths;
  const bad = checkPeriod(months, bounds);
  if (bad.length > 0) throw fromViolation(bad[0]!);
  const today = todayInShanghai(now);
  const hash = noticeHash(notice);
  return db.transaction(async (tx) => {
    if (await store.findByCase(tx, d.caseId))
      throw new AppError('ALREADY_PUBLISHED', '本案的执法决定已登记公开情况，不能重复公开', 'caseId');
    const row = await store.insertPublication(tx, {
      caseId: d.caseId,
      agencyId: d.agencyId,
      regionCode: d.regionCode,
      category: d.category,
      status: 'published',
      decidedOn: d.decidedOn,
      dueOn: d.clock?.dueOn ?? null,
      documentNumber: notice.documentNumber,
      partyName: notice.partyName,
      notice,
      noticeHash: hash,
      redactions: redactionCounts(removed),
      searchTokens: searchTokens(noticeText(notice)),
      publishedOn: today,
      publishedAt: now,
      publishedBy: ctx.actor.userId,
      periodMonths: months,
      periodUntil: addMonths(today, months),
    });
    await cases.recordPublication(tx, ctx, d.caseId, { kind: 'published' }, now);
    await audit(tx, ctx, {
      action: 'publication.publish',
      targetType: 'publication',
      targetId: row.id,
      agencyId: d.agencyId,
      regionCode: d.regionCode,
      details: { periodMonths: months, redacted: removed.length, manualMarks: manual.length },
    });
    await appendEntries(tx, [
      {
        kind: 'publication.published',
        recordId: row.id,
        caseId: d.caseId,
        contentHash: hash,
        at: now.toISOString(),
      },
    ]);
    return row;
  });
}

/** Records that the decision is not published, and why (the head's decision; the clock stops). */
export async function withholdDecision(
  db: Db,
  ctx: Ctx,
  caseId: string,
  input: { reason: string; note: string },
  now = new Date(),
) {
  const d = await decisionOf(db, ctx, caseId);
  if (!mayDecideOnPublication(ctx, d.agencyId))
    throw new AppError('FORBIDDEN', '决定不予公开须由本机关负责人作出');
  if (!(WITHHOLD_REASONS as readonly string[]).includes(input.reason))
    throw new AppError('VALIDATION_FAILED', '不予公开的理由不正确', 'reason');
  const note = input.note.trim();
  if (!note) throw new AppError('FIELD_REQUIRED', '请写明不予公开的具体情况', 'note');
  const reasonLabel = WITHHOLD_REASON_LABELS[input.reason as WithholdReason];
  const today = todayInShanghai(now);
  return db.transaction(async (tx) => {
    if (await store.findByCase(tx, d.caseId))
      throw new AppError('ALREADY_PUBLISHED', '本案的执法决定已登记公开情况', 'caseId');
    const row = await store.insertPublication(tx, {
      caseId: d.caseId,
      agencyId: d.agencyId,
      regionCode: d.regionCode,
      category: d.category,
      status: 'withheld',
      decidedOn: d.decidedOn,
      dueOn: d.clock?.dueOn ?? null,
      withheldOn: today,
      withheldReason: input.reason,
      withheldNote: note,
    });
    await cases.recordPublication(
      tx,
      ctx,
      d.caseId,
      { kind: 'withheld', reason: `${reasonLabel}（${note}）` },
      now,
    );
    await audit(tx, ctx, {
      action: 'publication.withhold',
      targetType: 'publication',
      targetId: row.id,
      agencyId: d.agencyId,
      regionCode: d.regionCode,
      details: { reason: reasonLabel },
    });
    return row;
  });
}

async function writableRecorded(db: Db, ctx: Ctx, id: string) {
  const row = UUID_RE.test(id) ? await store.findById(db, id) : undefined;
  const visible = row ? (await org.agenciesInScope(db, ctx)).some((a) => a.id === row.agencyId) : false;
  if (!row || !visible) throw new AppError('PUBLICATION_NOT_FOUND', '公开记录不存在或无权查看', 'id');
  if (!mayDecideOnPublication(ctx, row.agencyId))
    throw new AppError('FORBIDDEN', '撤下已公开的执法决定须由本机关负责人决定');
  return row;
}

/**
 * Withdraws a published notice (行政处罚法 art. 48 para 2): the reason is published in its place, the
 * notice leaves the portal, and whether it left within 3 working days of the ruling is recorded.
 */
export async function withdrawPublication(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { reason: string; note: string; rulingOn: string },
  now = new Date(),
) {
  const row = await writableRecorded(db, ctx, id);
  if (!(WITHDRAWAL_REASONS as readonly string[]).includes(input.reason))
    throw new AppError('VALIDATION_FAILED', '撤下的理由不正确', 'reason');
  const note = input.note.trim();
  if (!note) throw new AppError('WITHDRAWAL_REASON_REQUIRED', '请写明撤下的理由（将向社会公开）', 'note');
  const today = todayInShanghai(now);
  if (!isIsoDate(input.rulingOn))
    throw new AppError('INVALID_DATE', '作出撤销（变更）决定的日期不正确', 'rulingOn');
  if (input.rulingOn > today)
    throw new AppError('DATE_IN_FUTURE', '作出撤销（变更）决定的日期不能晚于今天', 'rulingOn');
  if (row.publishedOn && input.rulingOn < row.decidedOn)
    throw new AppError('DATE_BEFORE_DECISION', '撤销（变更）决定的日期不能早于原执法决定的日期', 'rulingOn');
  const rb = await rulebookFor(db, row.regionCode);
  const calendar = await loadCalendar(db);
  const due = calendar.addWorkingDays(input.rulingOn, ruleValue(rb, 'publicationWithdrawalWorkingDays')).date;
  const reasonLabel = WITHDRAWAL_REASON_LABELS[input.reason as WithdrawalReason];
  return db.transaction(async (tx) => {
    const locked = await store.lockById(tx, row.id);
    if (locked?.status !== 'published')
      throw new AppError('NOT_PUBLISHED', '该执法决定信息当前未在公开，无需撤下', 'id');
    await store.updatePublication(tx, row.id, 'published', {
      status: 'withdrawn',
      withdrawalReason: input.reason,
      withdrawalNote: note,
      withdrawalTriggerOn: input.rulingOn,
      withdrawalDueOn: due,
      withdrawnOn: today,
      withdrawnAt: now,
      withdrawnBy: ctx.actor.userId,
    });
    await cases.recordPublication(
      tx,
      ctx,
      row.caseId,
      { kind: 'withdrawn', reason: `${reasonLabel}（${note}）` },
      now,
    );
    await audit(tx, ctx, {
      action: 'publication.withdraw',
      targetType: 'publication',
      targetId: row.id,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
      details: { reason: reasonLabel, late: today > due },
    });
    await appendEntries(tx, [
      {
        kind: 'publication.withdrawn',
        recordId: row.id,
        caseId: row.caseId,
        contentHash: hashHex(
          'sm3',
          canonicalJsonBytes({ reason: input.reason, note, rulingOn: input.rulingOn }),
        ),
        at: now.toISOString(),
      },
    ]);
    return { ...locked, status: 'withdrawn', withdrawnOn: today, withdrawalDueOn: due, late: today > due };
  });
}

/** 信用修复: removes a notice early, once its minimum period has run (P11). */
export async function removeAfterCreditRepair(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { note: string },
  now = new Date(),
) {
  const row = await writableRecorded(db, ctx, id);
  const note = input.note.trim();
  if (!note) throw new AppError('FIELD_REQUIRED', '请写明信用修复的依据（如信用修复决定文号）', 'note');
  const today = todayInShanghai(now);
  const rb = await rulebookFor(db, row.regionCode);
  const sector = `${row.notice?.itemName ?? ''} ${row.notice?.legalBasis ?? ''}`;
  const { minMonths } = periodBounds(sector, {
    minMonths: ruleValue(rb, 'publicationPeriodMinMonths'),
    maxMonths: ruleValue(rb, 'publicationPeriodMaxMonths'),
    safetyMinMonths: ruleValue(rb, 'publicationPeriodSafetyMinMonths'),
  });
  const earliest = addMonths(row.publishedOn ?? today, minMonths);
  if (today < earliest)
    throw new AppError(
      'MINIMUM_PERIOD_NOT_OVER',
      `最短公示期（${minMonths}个月）至${earliest}届满，届满前不能因信用修复提前撤下`,
      'id',
    );
  return db.transaction(async (tx) => {
    const locked = await store.lockById(tx, row.id);
    if (locked?.status !== 'published')
      throw new AppError('NOT_PUBLISHED', '该执法决定信息当前未在公开', 'id');
    await store.updatePublication(tx, row.id, 'published', {
      status: 'removed',
      removedOn: today,
      removalNote: note,
    });
    await audit(tx, ctx, {
      action: 'publication.remove',
      targetType: 'publication',
      targetId: row.id,
      agencyId: row.agencyId,
      regionCode: row.regionCode,
      details: {},
    });
    return { ...locked, status: 'removed', removedOn: today };
  });
}

/** The staff list: decisions awaiting publication (with their clocks), or those recorded, newest first. */
export async function listPublications(
  db: Db,
  ctx: Ctx,
  q: { view: 'pending' | 'recorded'; agencyId?: string | undefined; page: number; pageSize: number },
) {
  if (q.view === 'pending') {
    const duties = await cases.publicationDuties(db, ctx, {
      agencyId: q.agencyId,
      open: true,
      page: q.page,
      pageSize: q.pageSize,
    });
    return {
      total: duties.total,
      items: duties.items.map((d) => ({
        caseId: d.caseId,
        publicationId: null,
        title: d.title,
        caseNumber: d.caseNumber,
        partyName: d.partyName,
        category: d.category ?? 'penalty',
        decidedOn: d.decidedOn,
        status: 'pending',
        clock: d.clock,
        documentNumber: null,
        publishedOn: null,
        periodUntil: null,
        reason: null,
      })),
    };
  }
  let agencyIds = (await org.agenciesInScope(db, ctx)).map((a) => a.id);
  if (q.agencyId) agencyIds = agencyIds.filter((id) => id === q.agencyId);
  const { items, total } = await store.listRecorded(db, {
    agencyIds,
    statuses: ['published', 'withheld', 'withdrawn', 'removed'],
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const headings = await cases.caseHeadings(
    db,
    ctx,
    items.map((r) => r.caseId),
  );
  return {
    total,
    items: items.map((r) => ({
      caseId: r.caseId,
      publicationId: r.id,
      title: headings.get(r.caseId)?.title ?? r.notice?.caseCause ?? '',
      caseNumber: headings.get(r.caseId)?.caseNumber ?? null,
      partyName: r.partyName,
      category: r.category as DecisionCategory,
      decidedOn: r.decidedOn,
      status: r.status,
      clock: null,
      documentNumber: r.documentNumber,
      publishedOn: r.publishedOn,
      periodUntil: r.periodUntil,
      reason:
        r.status === 'withheld'
          ? `${WITHHOLD_REASON_LABELS[r.withheldReason as WithholdReason] ?? ''}（${r.withheldNote ?? ''}）`
          : r.status === 'withdrawn'
            ? `${WITHDRAWAL_REASON_LABELS[r.withdrawalReason as WithdrawalReason] ?? ''}（${r.withdrawalNote ?? ''}）`
            : r.status === 'removed'
              ? `信用修复（${r.removalNote ?? ''}）`
              : null,
    })),
  };
}
