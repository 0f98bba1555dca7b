import { audit } from '../../platform/audit/service.ts';
import type { Ctx } from '../../platform/auth/actor.ts';
import { dateInShanghai } from '../../platform/calendar/rules.ts';
import { generateSm2KeyPair } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { MasterKey } from '../../platform/keys/master-key.ts';
import { checkAgainstCase } from './documents/agreement.ts';
import type { CaseFacts } from './documents/draft.ts';
import {
  buildDocumentContent,
  checkDocumentData,
  type DocumentData,
  type DocumentKind,
  documentContentHash,
  getTemplate,
  isDocumentKind,
  renderContentPdf,
  signContentHash,
  verifyDocumentSignature,
} from './documents/index.ts';
import * as store from './store.ts';

// Issuing a document in the database: its gap-free number, the agency's e-seal key, the signed content
// row; and rendering or verifying a stored one. The templates, checks and PDF layout are pure (documents/).

/** Kinds that carry a 文号 (numbered per agency, kind and year), and the word in the number. */
const NUMBERED: Partial<Record<DocumentKind, string>> = {
  penalty_rights_notice: '罚告',
  hearing_notice: '听通',
  penalty_decision: '处罚',
  coercive_measure_decision: '强制',
  on_spot_penalty_decision: '简罚',
  // Each round's opinion is cited by its own number in the file and the ledger (行政处罚法 art. 58).
  legal_review_opinion: '法审',
};

/** 蚌市监处罚〔2026〕17号 — the agency's abbreviation, the kind's word, the year, the sequence. */
export function formatDocumentNumber(
  abbreviation: string,
  kind: DocumentKind,
  year: number,
  seq: number,
): string {
  return `${abbreviation}${NUMBERED[kind] ?? ''}〔${year}〕${seq}号`;
}

export interface DocumentsDeps {
  masterKey: () => MasterKey;
  publicBaseUrl: () => string;
}

/** The agency's e-seal key pair, created on first use (SM2, GB/T 32918); the private key sealed at rest. */
export async function agencySealKeys(db: Db, deps: DocumentsDeps, agencyId: string) {
  let row = await store.findSeal(db, agencyId);
  if (!row) {
    const pair = generateSm2KeyPair();
    const sealed = deps.masterKey().seal(Buffer.from(pair.privateKeyHex, 'hex'), `seal:${agencyId}`);
    await store.insertSealIfMissing(db, {
      agencyId,
      publicKeyHex: pair.publicKeyHex,
      privateKeySealed: sealed,
    });
    row = (await store.findSeal(db, agencyId))!;
  }
  const privateKeyHex = deps.masterKey().open(row.privateKeySealed, `seal:${agencyId}`).toString('hex');
  return { privateKeyHex, publicKeyHex: row.publicKeyHex };
}

/**
 * Issues a document inside the caller's transaction: checks its data, takes the next gap-free number
 * (for numbered kinds), hashes the structured content and signs the hash with the agency's seal.
 */
export async function issueDocumentTx(
  tx: Db,
  ctx: Ctx,
  deps: DocumentsDeps,
  input: {
    caseId: string;
    agencyId: string;
    agencyName: string;
    kind: string;
    data: DocumentData;
    issuedAt: Date;
    /** The case as the step leaves it (or as it stands): what the document is checked against. */
    facts: CaseFacts;
    /** The step's payload, when a step issues the document. */
    payload?: Readonly<Record<string, unknown>>;
  },
) {
  if (!isDocumentKind(input.kind))
    throw new AppError('UNKNOWN_DOCUMENT_KIND', `未知的文书种类「${input.kind}」`, 'kind');
  const settings = await store.findDocumentSettings(tx, input.agencyId);
  const template = getTemplate(input.kind, settings?.templateOverrides[input.kind]);
  // The date the document bears is the Beijing date of its issue (01:45 in Beijing is already tomorrow
  // in UTC's eyes, and 23:30 is not yet).
  const issuedOn = dateInShanghai(input.issuedAt);
  const problems = [
    ...checkDocumentData(template, input.data, issuedOn),
    ...checkAgainstCase(template, input.data, input.facts, input.payload),
  ];
  if (problems[0])
    throw new AppError(problems[0].code, problems[0].message, problems[0].field, undefined, problems);
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(input.issuedAt),
  );
  let number: string | null = null;
  let seq: number | null = null;
  if (NUMBERED[input.kind]) {
    const abbreviation = settings?.abbreviation ?? input.agencyName.slice(0, 4);
    seq = await store.nextDocumentSeq(tx, input.agencyId, input.kind, year);
    number = formatDocumentNumber(abbreviation, input.kind, year, seq);
  }
  const content = buildDocumentContent(template, input.data, {
    agencyName: input.agencyName,
    documentNumber: number ?? undefined,
    issuedOn: issuedOn,
  });
  const contentHash = documentContentHash(content);
  const keys = await agencySealKeys(tx, deps, input.agencyId);
  const signature = signContentHash(contentHash, keys);
  const row = await store.insertDocument(tx, {
    caseId: input.caseId,
    agencyId: input.agencyId,
    kind: input.kind,
    number,
    year: seq ? year : null,
    seq,
    data: input.data,
    content,
    contentHash,
    signature,
    publicKeyHex: keys.publicKeyHex,
    issuedAt: input.issuedAt,
    createdBy: ctx.actor.userId,
  });
  await audit(tx, ctx, {
    action: 'document.issue',
    targetType: 'document',
    targetId: row.id,
    agencyId: input.agencyId,
    details: { caseId: input.caseId, kind: input.kind, number, contentHash },
  });
  return row;
}

export function verifyUrlOf(deps: DocumentsDeps, documentId: string): string {
  return `${deps.publicBaseUrl()}/documents/${documentId}`;
}

export async function renderStoredPdf(
  deps: DocumentsDeps,
  doc: store.DocumentRow,
  agencyName: string,
  sealKeys: { privateKeyHex: string; publicKeyHex: string },
) {
  // From the stored, signed content: the PDF shows what was signed, whatever the templates are now.
  return renderContentPdf(doc.content, {
    agencyName,
    verifyUrl: verifyUrlOf(deps, doc.id),
    seal: { ...sealKeys, agencyName },
    issuedAt: doc.issuedAt.toISOString(),
  });
}

/**
 * Public verification (the QR on every document): is this the document the agency issued, unaltered?
 * The stored content is re-hashed (an edited row no longer matches its hash) and the signature is checked
 * against the agency's public key.
 */
export function verifyStoredDocument(doc: store.DocumentRow) {
  const content = doc.content;
  const recomputed = documentContentHash(content);
  const sig =
    doc.signature && doc.publicKeyHex
      ? verifyDocumentSignature(content, doc.signature, doc.publicKeyHex)
      : { valid: false };
  return {
    title: content.title,
    unaltered: recomputed === doc.contentHash,
    signatureValid: sig.valid && recomputed === doc.contentHash,
    contentHash: doc.contentHash,
  };
}
