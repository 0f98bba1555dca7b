import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { hashHex } from '../../platform/crypto/index.ts';
import { type Db, UUID_RE } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as org from '../org/service.ts';
import {
  agencySealKeys,
  type DocumentsDeps,
  renderStoredPdf,
  verifyStoredDocument,
} from './document-issuing.ts';
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

/**
 * The SM3 of an issued document's PDF as the platform renders it from the stored, signed content (the
 * rendering is deterministic: the same content gives the same bytes), for the public /verify page. A
 * document's ledger entry holds the hash of its structured content, not of a PDF: a PDF the agency
 * handed out is shown to be genuine by being exactly the file the platform renders from that content.
 * Null if there is no such document.
 */
export async function publicDocumentPdfHash(db: Db, deps: DocumentsDeps, documentId: string) {
  const doc = UUID_RE.test(documentId) ? await store.findDocument(db, documentId) : undefined;
  if (!doc) return null;
  const agency = await org.agencyRef(db, doc.agencyId);
  const rendered = await renderStoredPdf(
    deps,
    doc,
    agency?.name ?? '',
    await agencySealKeys(db, deps, doc.agencyId),
  );
  return {
    contentHash: doc.contentHash,
    unaltered: verifyStoredDocument(doc).unaltered,
    pdfSm3: hashHex('sm3', rendered.pdf),
  };
}
