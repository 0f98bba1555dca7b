// The portal's /verify use case: read what the citizen uploaded (a receipt, a file, or both), hash the
// file, and check both against the ledger. Nothing uploaded is stored.
import type { Multipart } from '@fastify/multipart';
import { formatBytes } from '../../platform/blobs/store.ts';
import { createHasher, toHex } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import {
  receiptCheck as check,
  checkReceiptWithLog,
  findEntriesByContentHash,
  type LedgerDeps,
  parseReceipt,
  parseReceiptJson,
  platformPublicKeys,
  type Receipt,
  type ReceiptCheck,
  verifyReceipt,
} from '../../platform/ledger/index.ts';
import * as cases from '../cases/service.ts';
import type { VerifyResult } from './pages/verify.tsx';

/** A receipt is a few KiB: an audit path holds at most 53 hashes. */
export const RECEIPT_LIMIT_BYTES = 64 * 1024;

export interface VerifyUpload {
  receipt: { name: string; text: string } | null;
  /**
   * `pdfContentHash`: the content hash a PDF names in its document information (Subject `SM3 …`, as
   * the platform writes it on every document): which document the file claims to be, to be checked.
   */
  file: { name: string; size: number; sm3: string; pdfContentHash: string | null } | null;
}

/**
 * How the platform's PDFs name their content hash: the document information's Subject, a PDF string
 * `(SM3 <hex>)` in an object of its own (cases/documents/render-pdf.ts, `info.Subject`).
 */
const PDF_SUBJECT = /\(SM3 ([0-9a-f]{64})\)/;

/** The limits to pass to `req.parts()` for the /verify form. */
export const verifyUploadLimits = (fileLimit: number) => ({ fileSize: fileLimit, files: 2, fields: 4 });

/**
 * The /verify form: `receipt` (read into memory, ≤ RECEIPT_LIMIT_BYTES) and `file` (streamed through
 * SM3, ≤ `fileLimit`, never stored). Evidence (body-camera video) can be gigabytes: the limit bounds
 * time, not memory. An empty file input (browsers send filename "" and no bytes) counts as not given.
 */
export async function readVerifyUpload(
  parts: AsyncIterableIterator<Multipart>,
  fileLimit: number,
): Promise<VerifyUpload> {
  const out: VerifyUpload = { receipt: null, file: null };
  const seen = new Set<string>();
  for await (const part of parts) {
    if (part.type !== 'file' || (part.fieldname !== 'receipt' && part.fieldname !== 'file')) {
      throw new AppError('UNKNOWN_FIELD', `不允许的字段「${part.fieldname}」`, part.fieldname);
    }
    if (seen.has(part.fieldname)) {
      throw new AppError('VALIDATION_FAILED', `字段「${part.fieldname}」只能上传一个文件`, part.fieldname);
    }
    seen.add(part.fieldname);
    if (part.fieldname === 'receipt') {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > RECEIPT_LIMIT_BYTES) {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            '存证回执不应超过 64 KiB：请确认上传的是回执 JSON 文件',
            'receipt',
          );
        }
        chunks.push(chunk);
      }
      if (size > 0 || part.filename) {
        out.receipt = { name: part.filename, text: Buffer.concat(chunks).toString('utf8') };
      }
    } else {
      const hasher = createHasher('sm3');
      let size = 0;
      // A PDF's information dictionary may lie anywhere in it: scanned in a window that spans chunks.
      let isPdf: boolean | null = null;
      let tail = '';
      let pdfContentHash: string | null = null;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        isPdf ??= size === 0 && chunk.subarray(0, 5).toString('latin1') === '%PDF-';
        size += chunk.length;
        hasher.update(chunk);
        if (isPdf && pdfContentHash === null) {
          const text = tail + chunk.toString('latin1');
          pdfContentHash = PDF_SUBJECT.exec(text)?.[1] ?? null;
          tail = text.slice(-100);
        }
      }
      if (part.file.truncated) {
        throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${formatBytes(fileLimit)} 上限`, 'file');
      }
      if (size > 0 || part.filename)
        out.file = { name: part.filename, size, sm3: toHex(hasher.digest()), pdfContentHash };
    }
  }
  return out;
}

/**
 * What the page shows for an upload: the receipt's checks — offline, with the key pinned to the
 * platform's published keys, then what only the platform can answer (is the head one it signed, is
 * today's log consistent with it) — and the ledger entries that hold the file's hash.
 */
export async function checkVerifyUpload(
  db: Db,
  deps: { ledger: LedgerDeps; cases: cases.CasesDeps },
  upload: VerifyUpload,
): Promise<VerifyResult> {
  let checks: ReceiptCheck[] | null = null;
  if (upload.receipt) {
    const json = parseReceiptJson(upload.receipt.text);
    if (!json.ok) checks = [json.check];
    else {
      checks = verifyReceipt(json.value, {
        fileHash: upload.file?.sm3,
        trustedPublicKeys: await platformPublicKeys(db),
      });
      const parsed = parseReceipt(json.value);
      if (parsed.ok) {
        if (upload.file)
          checks = await withDocumentPdf(db, deps.cases, parsed.receipt, upload.file.sm3, checks);
        checks.push(...(await checkReceiptWithLog(db, deps.ledger, parsed.receipt)));
      }
    }
  }
  let file: VerifyResult['file'] = null;
  if (upload.file) {
    const { pdfContentHash, ...rest } = upload.file;
    const matches = await findEntriesByContentHash(db, rest.sm3);
    file = {
      ...rest,
      matches,
      documentPdf:
        matches.length === 0 && pdfContentHash
          ? await documentOfPdf(db, deps.cases, pdfContentHash, rest.sm3)
          : null,
    };
  }
  return { checks, receiptName: upload.receipt?.name ?? null, file };
}

/**
 * A document's receipt with its PDF: the entry holds the SM3 of the document's structured content
 * (what the agency signed), so the PDF's own hash never equals it. The PDF is the document when it is
 * exactly the file the platform renders from the stored content — and that content is still the one
 * the entry logged. The offline check (receipt.ts) cannot render, so it answers "not equal" with a
 * hint; online, the comparison is made here and replaces that answer.
 */
async function withDocumentPdf(
  db: Db,
  casesDeps: cases.CasesDeps,
  receipt: Receipt,
  fileSm3: string,
  checks: ReceiptCheck[],
): Promise<ReceiptCheck[]> {
  const entry = receipt.entry;
  const i = checks.findIndex((c) => c.name === 'fileHash');
  if (entry.kind !== 'document.version' || i < 0 || checks[i]!.ok) return checks;
  const doc = await cases.publicDocumentPdfHash(db, casesDeps, entry.recordId);
  let replaced: ReceiptCheck;
  if (!doc || doc.contentHash !== entry.contentHash || !doc.unaltered) {
    replaced = check(
      'fileHash',
      false,
      '平台中该文书的内容与回执登记的不一致，无法确认这份 PDF。请扫描文书上的二维码核验，或向制作机关核实。',
      `document ${entry.recordId}: stored content does not match entry.contentHash`,
    );
  } else if (doc.pdfSm3 === fileSm3) {
    replaced = check(
      'fileHash',
      true,
      '文件正是这份文书的 PDF：与平台按登记的文书内容生成的 PDF 完全一致（逐字节相同）。',
      `SM3(file) = SM3(PDF rendered from the logged content ${entry.contentHash}) = ${fileSm3}`,
    );
  } else {
    replaced = check(
      'fileHash',
      false,
      '文件与平台按登记内容生成的这份文书的 PDF 不一致：文件可能被改动过，或不是这份文书（纸质文书的扫描件、另存或打印的 PDF 也会不同）。请扫描文书上的二维码核验文书内容。',
      `SM3(file) = ${fileSm3} != SM3(PDF rendered from the logged content) = ${doc.pdfSm3}`,
    );
  }
  return checks.map((c, k) => (k === i ? replaced : c));
}

/**
 * A PDF uploaded alone that names a content hash (the platform writes it on every document): is it the
 * PDF the platform renders from the logged document with that hash? The name is only a lead — the
 * bytes decide. `found` false: the file claims to be a document of the platform but is not its PDF.
 */
async function documentOfPdf(
  db: Db,
  casesDeps: cases.CasesDeps,
  contentHash: string,
  fileSm3: string,
): Promise<NonNullable<VerifyResult['file']>['documentPdf']> {
  const entries = (await findEntriesByContentHash(db, contentHash)).filter(
    (e) => e.entry.kind === 'document.version',
  );
  for (const e of entries) {
    const doc = await cases.publicDocumentPdfHash(db, casesDeps, e.entry.recordId);
    if (doc?.unaltered && doc.contentHash === contentHash && doc.pdfSm3 === fileSm3)
      return { found: true, entry: e };
  }
  return { found: false, entry: null };
}
