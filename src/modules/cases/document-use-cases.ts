import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendEntries } from '../../platform/ledger/index.ts';
import * as org from '../org/service.ts';
import { getTemplate, isDocumentKind } from './documents/index.ts';
import type { DocumentData } from './documents/types.ts';
import {
  agencySealKeys,
  issueDocumentTx,
  renderStoredPdf,
  verifyStoredDocument,
} from './documents-service.ts';
import type { TemplateOverrides } from './schema.ts';
import type { CasesDeps } from './service.ts';
import { documentLedgerEntry, ISSUES, visibleAgencyIds, writableCase } from './service-shared.ts';
import * as store from './store.ts';

// Documents issued on their own, staff PDFs, public verification and per-agency document settings.

/**
 * Documents issued on their own, and who may issue them. The numbered decisions and notices are not
 * here: they are issued only by the step they belong to (ISSUES), so none can skip the rights notice,
 * the legal-review lock or the number sequence.
 */
const STANDALONE: Record<string, 'team' | 'team_or_head'> = {
  inspection_record: 'team',
  inquiry_record: 'team',
  service_receipt: 'team',
  filing_approval: 'team_or_head',
  closing_approval: 'team_or_head',
};

/** Issues a stand-alone document of a case (笔录, 送达回证, 审批表): signed by an officer of the case team. */
export async function issueDocument(
  db: Db,
  ctx: Ctx,
  deps: CasesDeps,
  caseId: string,
  kind: string,
  data: DocumentData,
  now = new Date(),
) {
  const row = await writableCase(db, ctx, caseId);
  // R7: the locked case file is not added to behind its back; a later record is a correction (records).
  if (row.state === 'archived')
    throw new AppError(
      'CASE_FILE_LOCKED',
      '案卷已归档锁定，不能再签发文书；需要补正的，请上传更正记录并注明所更正的记录',
      'caseId',
    );
  const who = STANDALONE[kind];
  if (!who) {
    if (Object.values(ISSUES).includes(kind)) {
      throw new AppError(
        'DOCUMENT_ISSUED_BY_STEP',
        '该文书只能在办理相应环节时签发（如作出处罚决定时签发决定书）',
        'kind',
      );
    }
    throw new AppError('UNKNOWN_DOCUMENT_KIND', `未知的文书种类「${kind}」`, 'kind');
  }
  const a = ctx.actor;
  // 001 五(一): 执法辅助人员 never sign enforcement documents.
  if (a.role === 'auxiliary') throw new AppError('AUXILIARY_CANNOT_ACT', '执法辅助人员不得签署执法文书');
  const onTeam = a.officerId !== null && row.snapshot.teamOfficerIds.includes(a.officerId);
  // A lead has no team yet: the agency's officers verify it (初步核查) and record what they find.
  const leadOfficer = row.procedure === 'lead' && a.role === 'officer' && a.officerId !== null;
  if (!onTeam && !leadOfficer && !(who === 'team_or_head' && a.role === 'agency_head')) {
    throw new AppError('ACTOR_NOT_ON_TEAM', `${a.displayName}不是本案承办执法人员，不能制作此文书`);
  }
  const agency = (await org.agencyRef(db, row.agencyId))!;
  const doc = await db.transaction(async (tx) => {
    const d = await issueDocumentTx(tx, ctx, deps, {
      caseId,
      agencyId: row.agencyId,
      agencyName: agency.name,
      kind,
      data,
      issuedAt: now,
    });
    await appendEntries(tx, [documentLedgerEntry(d)]);
    return d;
  });
  return { id: doc.id, number: doc.number, contentHash: doc.contentHash };
}

export async function documentPdf(db: Db, ctx: Ctx, deps: CasesDeps, documentId: string) {
  const doc = UUID_RE.test(documentId) ? await store.findDocument(db, documentId) : undefined;
  if (!doc || !(await visibleAgencyIds(db, ctx)).includes(doc.agencyId))
    throw new AppError('DOCUMENT_NOT_FOUND', '文书不存在或无权查看', 'id');
  const agency = (await org.agencyRef(db, doc.agencyId))!;
  const rendered = await renderStoredPdf(
    deps,
    doc,
    agency.name,
    await agencySealKeys(db, deps, doc.agencyId),
  );
  await audit(db, ctx, {
    action: 'document.read',
    targetType: 'document',
    targetId: doc.id,
    agencyId: doc.agencyId,
  });
  return { pdf: rendered.pdf, filename: `${doc.number ?? doc.kind}.pdf` };
}

/** What the public verification page shows: no personal data, only what proves authenticity. */
export async function publicDocumentCheck(db: Db, documentId: string) {
  const doc = UUID_RE.test(documentId) ? await store.findDocument(db, documentId) : undefined;
  if (!doc) return null;
  const agency = await org.agencyRef(db, doc.agencyId);
  const v = verifyStoredDocument(doc);
  return {
    id: doc.id,
    title: v.title,
    number: doc.number,
    agency: agency?.name ?? '',
    issuedAt: doc.issuedAt.toISOString(),
    contentHash: doc.contentHash,
    signatureAlgorithm: 'SM2-SM3',
    publicKey: doc.publicKeyHex,
    unaltered: v.unaltered,
    signatureValid: v.signatureValid,
  };
}

/** An agency's document settings: the abbreviation in its numbers (e.g. 蚌市监) and its own wording. */
export async function getDocumentSettings(db: Db, ctx: Ctx, agencyId: string) {
  if (!(await visibleAgencyIds(db, ctx)).includes(agencyId))
    throw new AppError('AGENCY_NOT_FOUND', '执法主体不存在或无权查看', 'agencyId');
  const s = await store.findDocumentSettings(db, agencyId);
  return { abbreviation: s?.abbreviation ?? null, templateOverrides: s?.templateOverrides ?? {} };
}

export async function setDocumentSettings(
  db: Db,
  ctx: Ctx,
  agencyId: string,
  input: { abbreviation: string; templateOverrides?: TemplateOverrides | undefined },
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
    await store.saveDocumentSettings(tx, agencyId, { abbreviation: abbr, templateOverrides: overrides });
    await audit(tx, ctx, {
      action: 'document.settings',
      targetType: 'agency',
      targetId: agencyId,
      agencyId,
      regionCode: agency.regionCode,
      details: { abbreviation: abbr, kinds: Object.keys(overrides) },
    });
  });
  return getDocumentSettings(db, ctx, agencyId);
}
