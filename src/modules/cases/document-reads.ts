import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import { agencySealKeys, renderStoredPdf, verifyStoredDocument } from './document-issuing.ts';
import type { CasesDeps } from './service.ts';
import { visibleAgencyIds } from './service-shared.ts';
import * as store from './store.ts';

// Reading an issued document: the staff PDF (audited) and the public check behind the QR code.

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
