// Renders a document to PDF: checks the data, resolves the content, hashes it (SM3 over canonical
// JSON), signs the hash with the agency's e-seal key (SM2 with SM3, GB/T 32918), lays the text out with
// our own Chinese line breaker and draws the visible seal, the QR code to the verification page and the
// hash in the footer.
//
// Deterministic: the same inputs give the same bytes (pdfkit derives the file ID from the document
// info, whose dates come from `issuedAt`; font subset tags come from font order, not randomness; SM2
// signatures are randomised, so with a seal the signature differs per call but the PDF text does not
// carry it — only the hash prefix and the algorithm name). Tests compare content hashes, not bytes.
import type PDFKitDocument from 'pdfkit';
import { createSm2Signer, fromHex, sm2Verify } from '../../../platform/crypto/index.ts';
import { todayInShanghai } from '../../../platform/identifiers/date.ts';
import type { RuleViolation } from '../../../platform/identifiers/violation.ts';
import { checkDocumentData } from './check.ts';
import { buildDocumentContent, documentContentHash } from './content.ts';
import { flowItems, headerItems } from './flow.ts';
import { type FontFace, resolveDocumentFonts } from './fonts.ts';
import { BODY, type FlowItem, MARGIN, PAGE_H, PAGE_W, paginate, SMALL, Typesetter } from './layout.ts';
import { drawQr, QR_QUIET_ZONE } from './qr.ts';
import { currentGlyphFont, drawSeal, type GlyphFont } from './seal.ts';
import type { DocumentContent, DocumentData, DocumentTemplate } from './types.ts';

export const SIGNATURE_ALGORITHM = 'SM2-SM3';

export interface SealKey {
  /** The agency's e-seal key pair (hex as in platform/crypto/sm2.ts). */
  privateKeyHex: string;
  publicKeyHex: string;
  /** The name cut into the seal (usually the agency's name). */
  agencyName: string;
  /** Text under the star; default 行政执法专用章. */
  bottomText?: string;
}

export interface RenderDocumentInput {
  template: DocumentTemplate;
  data: DocumentData;
  agencyName: string;
  /** 文号, e.g. 蚌市监处罚〔2026〕17号; omitted for 笔录 and 送达回证. */
  documentNumber?: string | null;
  /** The public verification page, encoded in the QR code. Not part of the hashed content. */
  verifyUrl: string;
  seal?: SealKey;
  /** ISO 8601 time (e.g. 2026-03-20T10:00:00+08:00) or YYYY-MM-DD (midnight in Asia/Shanghai). */
  issuedAt: string;
}

export interface RenderedDocument {
  pdf: Buffer;
  /** The structured content that was hashed (store it: the verification page recomputes the hash). */
  content: DocumentContent;
  /** SM3 of the canonical JSON of `content`, hex. */
  contentHash: string;
  /** With a seal: DER SM2 signature (hex, signer ID 1234567812345678) over the 32 bytes of the hash. */
  signature?: string;
  pages: number;
  /** Which font was embedded (see fonts.ts). */
  font: 'noto-serif-cjk' | 'noto-sans-hans';
  /** Characters of the content that the font lacks (printed as blanks): empty in a good document. */
  missingGlyphs: string[];
}

export class DocumentDataError extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super(`document data invalid: ${violations.map((v) => `${v.code}(${v.field ?? ''})`).join(', ')}`);
    this.name = 'DocumentDataError';
  }
}

export const SEAL_RADIUS = 59.5; // 42 mm

export function parseIssuedAt(issuedAt: string): Date {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(issuedAt) ? `${issuedAt}T00:00:00+08:00` : issuedAt);
  if (Number.isNaN(d.getTime())) throw new RangeError(`issuedAt is not a date: ${issuedAt}`);
  return d;
}

/** Signs the content hash; throws if the public key is not the private key's. */
export function signContentHash(
  contentHash: string,
  seal: Pick<SealKey, 'privateKeyHex' | 'publicKeyHex'>,
): string {
  const message = fromHex(contentHash);
  const signature = createSm2Signer(seal.privateKeyHex).sign(message);
  if (!sm2Verify(seal.publicKeyHex, message, signature))
    throw new Error('seal public key does not match its private key');
  return signature;
}

/**
 * For the verification page: recomputes the hash of stored content and checks the signature over it.
 * `valid` is true only if the content is unaltered and was signed with this public key.
 */
export function verifyDocumentSignature(
  content: DocumentContent,
  signatureHex: string,
  publicKeyHex: string,
): { contentHash: string; valid: boolean } {
  const contentHash = documentContentHash(content);
  return { contentHash, valid: sm2Verify(publicKeyHex, fromHex(contentHash), signatureHex) };
}

function allText(content: DocumentContent): string {
  const parts: string[] = [content.title, content.agencyName, content.documentNumber ?? ''];
  for (const b of content.blocks) {
    if (b.type === 'paragraph') parts.push(b.text);
    else if (b.type === 'form')
      for (const r of b.rows) for (const c of r.cells) parts.push(c.label, c.value, c.sign ?? '');
    else if (b.type === 'grid') parts.push(b.caption, ...b.columns.map((c) => c.label), ...b.rows.flat());
    else if (b.type === 'signatures') parts.push(...b.lines.map((l) => l.label));
    else parts.push(b.agencyName, b.date);
  }
  return parts.join('');
}

function footer(ts: Typesetter, page: number, pages: number, contentHash: string, signed: boolean): void {
  const y = PAGE_H - MARGIN.bottom + 62;
  const left = `SM3 ${contentHash.slice(0, 16)}　${signed ? `${SIGNATURE_ALGORITHM} 电子签章` : '未加盖电子签章'}`;
  ts.draw(SMALL, left, MARGIN.left, y, { color: '#555555' });
  ts.draw(SMALL, `第 ${page + 1} 页 共 ${pages} 页`, MARGIN.left, y, {
    width: PAGE_W - MARGIN.left - MARGIN.right,
    align: 'right',
    color: '#555555',
  });
}

function verificationStrip(ts: Typesetter, verifyUrl: string): void {
  const side = 50;
  const top = PAGE_H - MARGIN.bottom + 8;
  const m = drawQr(ts.doc, verifyUrl, MARGIN.left, top, side);
  const quiet = (side / m.size) * QR_QUIET_ZONE;
  const x = MARGIN.left + side + Math.max(quiet, 8);
  ts.draw({ font: 'bold', size: 9, pitch: 13 }, '扫码核验文书真伪', x, top + 8);
  ts.draw(SMALL, verifyUrl, x, top + 23, { color: '#555555' });
}

// Parsing a 26 MB font collection costs ~0.3 s; pdfkit accepts an already parsed fontkit font, so
// each face is parsed once per process (fontkit fonts are not modified by use; subsets are per document).
const parsedFonts = new Map<string, GlyphFont>();

// pdfkit with fontkit costs ~0.2–0.3 s to import (fontkit inflates its tables as it loads): loaded with
// the first document rendered, not at every server start.
let pdfkit: Promise<typeof PDFKitDocument> | undefined;
const loadPdfkit = () => {
  pdfkit ??= import('pdfkit').then((m) => m.default);
  return pdfkit;
};

function parsedFont(PDFDocument: typeof PDFKitDocument, face: FontFace): GlyphFont {
  const key = `${face.path}#${face.postscriptName ?? ''}`;
  let font = parsedFonts.get(key);
  if (!font) {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.registerFont('f', face.path, face.postscriptName);
    probe.font('f');
    font = currentGlyphFont(probe);
    parsedFonts.set(key, font);
  }
  return font;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function renderDocumentPdf(input: RenderDocumentInput): Promise<RenderedDocument> {
  const { template, data, agencyName } = input;
  const issued = parseIssuedAt(input.issuedAt);
  const violations = checkDocumentData(template, data, todayInShanghai(issued));
  if (violations.length > 0) throw new DocumentDataError(violations);
  const content = buildDocumentContent(template, data, {
    agencyName,
    documentNumber: input.documentNumber ?? null,
    issuedOn: todayInShanghai(issued),
  });
  return renderContentPdf(content, input);
}

/**
 * Draws already-resolved content: what a stored document is re-rendered from, so a PDF produced years
 * later shows exactly what was signed, whatever the templates have become since.
 */
export async function renderContentPdf(
  content: DocumentContent,
  input: Pick<RenderDocumentInput, 'agencyName' | 'verifyUrl' | 'seal' | 'issuedAt'>,
): Promise<RenderedDocument> {
  const { agencyName, verifyUrl, seal } = input;
  if (typeof verifyUrl !== 'string' || verifyUrl.trim() === '') throw new TypeError('verifyUrl is required');
  const issued = parseIssuedAt(input.issuedAt);
  const contentHash = documentContentHash(content);
  const signature = seal ? signContentHash(contentHash, seal) : undefined;

  const fonts = resolveDocumentFonts();
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({
    size: [PAGE_W, PAGE_H],
    margin: 0,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `${content.title}${content.documentNumber ? ` ${content.documentNumber}` : ''}`,
      Author: agencyName,
      Subject: `SM3 ${contentHash}`,
      Creator: '明镜 Mingjing',
      Producer: 'Mingjing (pdfkit)',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const out = collect(doc);
  // pdfkit's typings list paths and buffers only; its font factory also takes a fontkit font.
  doc.registerFont('body', parsedFont(PDFDocument, fonts.regular) as unknown as string);
  doc.registerFont('bold', parsedFont(PDFDocument, fonts.bold) as unknown as string);
  const ts = new Typesetter(doc);

  ts.use(BODY);
  const bodyFont = currentGlyphFont(doc);
  const missingGlyphs = [...new Set(Array.from(allText(content)))].filter(
    (c) => c.trim() !== '' && !bodyFont.hasGlyphForCodePoint(c.codePointAt(0)!),
  );

  const items: FlowItem[] = [
    ...headerItems(ts, agencyName, content.title, content.documentNumber),
    ...flowItems(content.blocks, {
      ts,
      onSignoff: ({ cx, nameTop }) => {
        if (!seal) return;
        doc.font('bold');
        drawSeal(doc, {
          cx,
          cy: nameTop + BODY.pitch * 0.35,
          radius: SEAL_RADIUS,
          agencyName: seal.agencyName,
          bottomText: seal.bottomText,
          font: currentGlyphFont(doc),
        });
      },
    }),
  ];
  const placements = paginate(items, MARGIN.top);
  let page = 0;
  items.forEach((item, i) => {
    const p = placements[i]!;
    while (page < p.page) {
      doc.addPage({ size: [PAGE_W, PAGE_H], margin: 0 });
      page++;
    }
    item.draw(p.top);
  });
  const pages = page + 1;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    footer(ts, i, pages, contentHash, signature !== undefined);
  }
  doc.switchToPage(pages - 1);
  verificationStrip(ts, verifyUrl);
  doc.end();
  const pdf = await out;
  return { pdf, content, contentHash, signature, pages, font: fonts.source, missingGlyphs };
}
