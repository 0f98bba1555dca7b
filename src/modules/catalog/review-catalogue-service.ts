import { audit } from '../../platform/audit/service.ts';
import type { Actor, Ctx } from '../../platform/auth/actor.ts';
import { type Db, isUniqueViolation, UUID_RE } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { isIsoDate, todayInShanghai } from '../../platform/identifiers/date.ts';
import * as org from '../org/service.ts';
import {
  describeCondition,
  evaluateReviewCatalogue,
  normaliseReviewCatalogue,
  PARTY_TYPE_LABELS,
  PARTY_TYPES,
  PENALTY_KIND_LABELS,
  PENALTY_KINDS,
  REVIEW_CONDITION_KINDS,
  REVIEW_CONDITION_LABELS,
  REVIEW_GROUND_LABELS,
  REVIEW_GROUNDS,
  type ReviewCatalogueEntry,
  type ReviewCatalogueEntryInput,
  type ReviewCondition,
  type ReviewFacts,
  reviewCatalogueViolations,
} from './review-catalogue.ts';
import { ITEM_TYPE_LABELS, ITEM_TYPES } from './rules.ts';
import * as store from './store.ts';

// 重大执法决定法制审核目录清单 (L2, 行政处罚法 art. 58): per agency, versioned, each version effective from a
// day and never changed once saved. Cases ask which version was in force on their day and what matched.

export type ReviewCatalogueInForce = {
  version: number;
  effectiveFrom: string;
  entries: ReviewCatalogueEntry[];
};

/** The version in force on `onDate` (YYYY-MM-DD): the highest version whose effectiveFrom ≤ onDate. */
export async function reviewCatalogueFor(
  db: Db,
  agencyId: string,
  onDate: string,
): Promise<ReviewCatalogueInForce | null> {
  if (!UUID_RE.test(agencyId) || !isIsoDate(onDate)) return null;
  const r = await store.reviewCatalogueInForce(db, agencyId, onDate);
  return r ? { version: r.version, effectiveFrom: r.effectiveFrom, entries: r.entries } : null;
}

/**
 * Whether the case needs legal review by the catalogue in force on `onDate`, and which entries said so.
 * No catalogue yet: `catalogueVersion` null and nothing matched (the case's own art. 58 grounds are then
 * for the reviewers to weigh; the platform does not invent a catalogue).
 */
export async function evaluateCaseForReview(
  db: Db,
  agencyId: string,
  onDate: string,
  facts: ReviewFacts,
): Promise<{ catalogueVersion: number | null; matched: { entryId: string; label: string }[] }> {
  const c = await reviewCatalogueFor(db, agencyId, onDate);
  if (!c) return { catalogueVersion: null, matched: [] };
  return { catalogueVersion: c.version, matched: evaluateReviewCatalogue(c.entries, facts) };
}

/** Only the agency's own administrator keeps its catalogue: it is the agency's decision what is "major". */
function mayEditReviewCatalogue(actor: Actor, agencyId: string): boolean {
  return actor.role === 'agency_admin' && actor.agencyId === agencyId;
}

async function readableAgency(db: Db, ctx: Ctx, agencyId: string) {
  const agency = UUID_RE.test(agencyId)
    ? (await org.agenciesInScope(db, ctx)).find((a) => a.id === agencyId)
    : undefined;
  if (!agency) throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'agencyId');
  return agency;
}

function presentCondition(c: ReviewCondition) {
  return {
    ...c,
    kindLabel: REVIEW_CONDITION_LABELS[c.kind],
    description: describeCondition(c),
  };
}

function presentEntry(e: ReviewCatalogueEntry) {
  return {
    id: e.id,
    label: e.label,
    actionTypes: e.actionTypes,
    actionTypeLabels: e.actionTypes.map((t) => ITEM_TYPE_LABELS[t]),
    partyTypes: e.partyTypes,
    partyTypeLabels: e.partyTypes.map((t) => PARTY_TYPE_LABELS[t]),
    conditions: e.conditions.map(presentCondition),
  };
}

const STATUS_LABELS = { current: '现行有效', upcoming: '待生效', superseded: '已失效' } as const;
type VersionStatus = keyof typeof STATUS_LABELS;

/**
 * A version is ever in force only while no higher version has taken effect: a later version effective
 * on the same day or earlier replaces it (so an upcoming version can be replaced before its day).
 */
function statusOf(
  row: store.ReviewCatalogueRow,
  all: readonly store.ReviewCatalogueRow[],
  current: store.ReviewCatalogueRow | undefined,
): VersionStatus {
  if (current && row.version === current.version) return 'current';
  const replaced = all.some((w) => w.version > row.version && w.effectiveFrom <= row.effectiveFrom);
  return !replaced && row.effectiveFrom > todayInShanghai() ? 'upcoming' : 'superseded';
}

function presentVersion(
  r: store.ReviewCatalogueRow,
  all: readonly store.ReviewCatalogueRow[],
  current: store.ReviewCatalogueRow | undefined,
) {
  const status = statusOf(r, all, current);
  return {
    version: r.version,
    effectiveFrom: r.effectiveFrom,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    status,
    statusLabel: STATUS_LABELS[status],
    entries: r.entries.map(presentEntry),
  };
}

const choices = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string>>) =>
  values.map((value) => ({ value, label: labels[value] }));

/** `GET /api/agencies/:id/review-catalogue`: in force today, upcoming, every version, and the form's options. */
export async function getReviewCatalogue(db: Db, ctx: Ctx, agencyId: string) {
  const agency = await readableAgency(db, ctx, agencyId);
  const today = todayInShanghai();
  const all = await store.listReviewCatalogues(db, agency.id);
  const current = await store.reviewCatalogueInForce(db, agency.id, today);
  const versions = all.map((r) => presentVersion(r, all, current)).reverse();
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    today,
    current: versions.find((v) => v.status === 'current') ?? null,
    upcoming: versions.filter((v) => v.status === 'upcoming'),
    history: versions,
    choices: {
      actionTypes: choices(ITEM_TYPES, ITEM_TYPE_LABELS),
      partyTypes: choices(PARTY_TYPES, PARTY_TYPE_LABELS),
      penaltyKinds: choices(PENALTY_KINDS, PENALTY_KIND_LABELS),
      grounds: choices(REVIEW_GROUNDS, REVIEW_GROUND_LABELS),
      conditionKinds: choices(REVIEW_CONDITION_KINDS, REVIEW_CONDITION_LABELS),
    },
    can: { edit: mayEditReviewCatalogue(ctx.actor, agency.id) },
  };
}

export type ReviewCatalogueWrite = { effectiveFrom: string; note?: string | undefined; entries: unknown };

async function insertVersion(
  db: Db,
  ctx: Ctx,
  agency: { id: string; regionCode: string },
  input: ReviewCatalogueWrite,
): Promise<void> {
  const v = reviewCatalogueViolations(input.entries)[0];
  if (v) throw fromViolation(v);
  const note = input.note?.trim() ?? '';
  await db
    .transaction(async (tx) => {
      const previous = await store.latestReviewCatalogue(tx, agency.id);
      const entries = normaliseReviewCatalogue(
        input.entries as ReviewCatalogueEntryInput[],
        previous?.entries ?? [],
      );
      const row = await store.insertReviewCatalogue(tx, {
        agencyId: agency.id,
        version: (previous?.version ?? 0) + 1,
        effectiveFrom: input.effectiveFrom,
        entries,
        note,
        createdBy: ctx.actor.userId,
      });
      await audit(tx, ctx, {
        action: 'review_catalogue.save',
        targetType: 'agency',
        targetId: agency.id,
        agencyId: agency.id,
        regionCode: agency.regionCode,
        details: {
          catalogueVersion: row.version,
          effectiveFrom: row.effectiveFrom,
          entryCount: entries.length,
        },
      });
    })
    .catch((e) => {
      // Two saves at once both read version N: the second insert hits the unique (agency, version).
      if (isUniqueViolation(e))
        throw new AppError('DUPLICATE_REVIEW_CATALOGUE_VERSION', '目录清单刚被他人修改，请刷新后重新保存');
      throw e;
    });
}

/**
 * `PUT /api/agencies/:id/review-catalogue`: saves a new version (previous + 1). It takes effect today at
 * the earliest: a decision already taken was judged by the catalogue of its day, never re-judged.
 */
export async function saveReviewCatalogue(db: Db, ctx: Ctx, agencyId: string, input: ReviewCatalogueWrite) {
  const agency = await readableAgency(db, ctx, agencyId);
  if (!mayEditReviewCatalogue(ctx.actor, agency.id))
    throw new AppError('FORBIDDEN', `只有「${agency.name}」的管理员可以修改本机关的目录清单`);
  if (!isIsoDate(input.effectiveFrom))
    throw new AppError('INVALID_DATE', '生效日期不是有效日期，应为 YYYY-MM-DD', 'effectiveFrom');
  const today = todayInShanghai();
  if (input.effectiveFrom < today)
    throw new AppError('EFFECTIVE_DATE_IN_PAST', `生效日期不能早于今天（${today}）`, 'effectiveFrom');
  await insertVersion(db, ctx, agency, input);
  return getReviewCatalogue(db, ctx, agency.id);
}

/**
 * For the demo seed only: a catalogue already in force (an effective date in the past), written by the
 * seed's administrator. Validated and audited like any other version.
 */
export async function seedReviewCatalogue(db: Db, ctx: Ctx, agencyId: string, input: ReviewCatalogueWrite) {
  const agency = await org.agencyRef(db, agencyId);
  if (!agency) throw new AppError('UNKNOWN_AGENCY', '所属执法主体不存在', 'agencyId');
  await insertVersion(db, ctx, agency, input);
}
