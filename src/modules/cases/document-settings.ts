import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { casePatternProblem, DEFAULT_CASE_NUMBER_PATTERN } from './case-numbers.ts';
import { getTemplate, isDocumentKind } from './documents/index.ts';
import type { TemplateOverrides } from './schema.ts';
import { visibleAgencyIds } from './service-shared.ts';
import * as store from './store.ts';

// Per-agency document settings: the abbreviation in document numbers, the pattern of case numbers (案号)
// and the agency's own wording.

/** An agency's document settings: the abbreviation in its numbers (e.g. 蚌市监) and its own wording. */
export async function getDocumentSettings(db: Db, ctx: Ctx, agencyId: string) {
  if (!(await visibleAgencyIds(db, ctx)).includes(agencyId))
    throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'agencyId');
  const s = await store.findDocumentSettings(db, agencyId);
  const agency = await org.agencyRef(db, agencyId);
  return {
    abbreviation: s?.abbreviation ?? null,
    can: { edit: agency ? org.mayManageAgencyRecords(ctx.actor, agency) : false },
    caseNumberPattern: s?.caseNumberPattern || DEFAULT_CASE_NUMBER_PATTERN,
    templateOverrides: s?.templateOverrides ?? {},
  };
}

export async function setDocumentSettings(
  db: Db,
  ctx: Ctx,
  agencyId: string,
  input: {
    abbreviation: string;
    caseNumberPattern?: string | undefined;
    templateOverrides?: TemplateOverrides | undefined;
  },
) {
  const agency = await org.agencyRef(db, agencyId);
  if (!agency || !(await visibleAgencyIds(db, ctx)).includes(agencyId)) {
    throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'agencyId');
  }
  if (!org.mayManageAgencyRecords(ctx.actor, agency))
    throw new AppError('FORBIDDEN', '无权设置该执法主体的文书');
  const abbr = input.abbreviation.trim();
  if (!/^[\u4e00-\u9fa5A-Za-z0-9]{1,10}$/.test(abbr))
    throw new AppError('VALIDATION_FAILED', '机关代字须为 1–10 个汉字、字母或数字', 'abbreviation');
  const pattern = input.caseNumberPattern?.trim() || null;
  const patternProblem = pattern ? casePatternProblem(pattern) : null;
  if (patternProblem) throw new AppError('VALIDATION_FAILED', patternProblem, 'caseNumberPattern');
  const overrides = input.templateOverrides ?? {};
  for (const [kind, override] of Object.entries(overrides)) {
    // An override naming a block or field the template does not have is refused now, not at issue time.
    try {
      if (!isDocumentKind(kind)) throw new Error(`未知的文书种类「${kind}」`);
      getTemplate(kind, override);
    } catch (e) {
      throw new AppError(
        'INVALID_TEMPLATE_OVERRIDE',
        `文书模板设置有误：${(e as Error).message}`,
        `templateOverrides.${kind}`,
      );
    }
  }
  await db.transaction(async (tx) => {
    await store.saveDocumentSettings(tx, agencyId, {
      abbreviation: abbr,
      caseNumberPattern: pattern,
      templateOverrides: overrides,
    });
    await audit(tx, ctx, {
      action: 'document.settings',
      targetType: 'agency',
      targetId: agencyId,
      agencyId,
      regionCode: agency.regionCode,
      details: { abbreviation: abbr, caseNumberPattern: pattern, kinds: Object.keys(overrides) },
    });
  });
  return getDocumentSettings(db, ctx, agencyId);
}
