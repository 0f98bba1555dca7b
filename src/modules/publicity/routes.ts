import type { FastifyError, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import Type from 'typebox';
import { formatBytes } from '../../platform/blobs/store.ts';
import { createHasher, toHex } from '../../platform/crypto/index.ts';
import { AppError } from '../../platform/http/errors.ts';
import { toAppError } from '../../platform/http/server.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { normalizeCertificateNo, validateCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import {
  checkReceiptWithLog,
  currentTreeHead,
  findEntriesByContentHash,
  findEntriesForRecord,
  ledgerDeps,
  listTreeHeads,
  parseReceipt,
  parseReceiptJson,
  platformPublicKeys,
  type ReceiptCheck,
  verifyReceipt,
} from '../../platform/ledger/index.ts';
import * as cases from '../cases/service.ts';
import * as org from '../org/service.ts';
import { AgencyListPage, AgencyPage } from './pages/agencies.tsx';
import { DocumentVerifyPage } from './pages/document.tsx';
import { HomePage } from './pages/home.tsx';
import { ErrorPage, render } from './pages/layout.tsx';
import { LedgerPage } from './pages/ledger.tsx';
import { OfficerDirectoryPage, OfficerVerifyPage } from './pages/officers.tsx';
import { VerifyPage } from './pages/verify.tsx';

const PUBLIC = { access: { public: true } } as const;
const PAGE_SIZE = 50;

/**
 * Largest file /verify hashes. Evidence (body-camera video) can be gigabytes; the upload is streamed
 * through SM3 and never buffered or stored, so the limit bounds time, not memory.
 */
/** A receipt is a few KiB: an audit path holds at most 53 hashes. */
export const RECEIPT_LIMIT_BYTES = 64 * 1024;

const PublicOfficerJson = Type.Object({
  certificateNo: Type.String(),
  name: Type.String(),
  agency: Type.String(),
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  region: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  status: Type.String(),
  statusLabel: Type.String(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validUntil: Type.Union([Type.String(), Type.Null()]),
});

function checkedCertificateNo(raw: string): string {
  const no = normalizeCertificateNo(raw);
  const v = validateCertificateNo(no);
  if (v) throw new AppError('INVALID_CERTIFICATE_NO', v.message, 'certificateNo');
  return no;
}

const shanghaiNow = () =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date());

/** The public portal (P1–P3): no login, no personal data beyond what the law publishes. */
export function portalRoutes(app: App, deps: AppDeps) {
  // HTML pages live in their own scope so that their errors (e.g. a malformed parameter) are answered
  // as a Chinese HTML page, not the API's JSON envelope.
  app.register(async (scope) => {
    scope.setErrorHandler((err: FastifyError, _req, reply) => {
      const e = toAppError(err);
      const title = e.status === 404 ? '未找到' : e.status >= 500 ? '服务暂时不可用' : '请求有误';
      return reply
        .status(e.status)
        .type('text/html; charset=utf-8')
        .send(render(ErrorPage({ title, message: e.message })));
    });
    htmlRoutes(scope as unknown as App, deps);
  });
  jsonRoutes(app, deps);
}

function htmlRoutes(app: App, { config, database }: AppDeps) {
  // Any file the platform may store as evidence may be checked here (MINGJING_EVIDENCE_MAX_BYTES).
  const verifyFileLimit = config.blobs.maxBytes;
  const VERIFY_FILE_LIMIT_LABEL = formatBytes(verifyFileLimit);
  const db = database.db;
  const ledger = ledgerDeps({ config });

  app.get('/ledger', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) => {
    const latest = await currentTreeHead(db, ledger);
    const { items, total } = await listTreeHeads(db, 1, 50);
    return reply.type('text/html; charset=utf-8').send(render(LedgerPage({ latest, heads: items, total })));
  });

  app.get(
    '/documents/:id',
    { config: PUBLIC, schema: { hide: true, params: Type.Object({ id: Type.String() }) } },
    async (req, reply) => {
      const d = await cases.publicDocumentCheck(db, req.params.id);
      reply.type('text/html; charset=utf-8');
      if (!d)
        return reply.status(404).send(
          render(
            ErrorPage({
              title: '查无此文书',
              message: '未找到该文书。请核对二维码或链接；如有疑问，可向制作机关或当地司法行政机关反映。',
            }),
          ),
        );
      // Documents issued before the ledger existed have no entry and so no receipt.
      const logged = (await findEntriesForRecord(db, d.id)).length > 0;
      const receiptUrl = logged ? `/api/ledger/records/${d.id}/receipt?download=1` : null;
      return reply.send(render(DocumentVerifyPage({ doc: d, receiptUrl })));
    },
  );
  const html = (status: number, body: string) => ({ status, body });

  app.get('/verify', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(render(VerifyPage({ maxFileLabel: VERIFY_FILE_LIMIT_LABEL }))),
  );

  // Public and cookie-less like every portal page: the access hook checks neither session nor CSRF
  // token on public routes, and this one changes nothing (it hashes the upload and reads the ledger),
  // so a cross-site form posting here can do no harm.
  app.post('/verify', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    const upload = await readVerifyUpload(req, verifyFileLimit);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!upload.receipt && !upload.file) {
      return reply.status(400).send(
        render(
          VerifyPage({
            maxFileLabel: VERIFY_FILE_LIMIT_LABEL,
            error: '请至少选择一个文件：存证回执（JSON）或要核对的文件',
          }),
        ),
      );
    }
    let checks: ReceiptCheck[] | null = null;
    if (upload.receipt) {
      const json = parseReceiptJson(upload.receipt.text);
      if (!json.ok) checks = [json.check];
      else {
        // Offline checks, the key pinned to the platform's published keys; then what only the
        // platform can answer: is the head one it signed, and is today's log consistent with it.
        checks = verifyReceipt(json.value, {
          fileHash: upload.file?.sm3,
          trustedPublicKeys: await platformPublicKeys(db),
        });
        const parsed = parseReceipt(json.value);
        if (parsed.ok) checks.push(...(await checkReceiptWithLog(db, ledger, parsed.receipt)));
      }
    }
    const file = upload.file
      ? { ...upload.file, matches: await findEntriesByContentHash(db, upload.file.sm3) }
      : null;
    return reply.send(
      render(
        VerifyPage({
          maxFileLabel: VERIFY_FILE_LIMIT_LABEL,
          result: { checks, receiptName: upload.receipt?.name ?? null, file },
        }),
      ),
    );
  });

  app.get('/', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) => {
    const s = await org.publicCounts(db);
    return reply.type('text/html; charset=utf-8').send(render(HomePage(s)));
  });

  app.get('/agencies', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) => {
    const agencies = await org.listPublicAgencies(db);
    return reply.type('text/html; charset=utf-8').send(render(AgencyListPage({ agencies })));
  });

  app.get(
    '/agencies/:id',
    { config: PUBLIC, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req, reply) => {
      const found = await org.getPublicAgency(db, req.params.id);
      reply.type('text/html; charset=utf-8');
      if (!found)
        return reply.status(404).send(render(ErrorPage({ title: '未找到', message: '该执法主体不存在。' })));
      return reply.send(render(AgencyPage(found)));
    },
  );

  app.get(
    '/officers',
    {
      config: PUBLIC,
      schema: {
        hide: true,
        querystring: Type.Object({
          q: Type.String({ maxLength: 50, default: '' }),
          agency: Type.String({ maxLength: 64, default: '' }),
          page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query.q.trim();
      const agencyId = req.query.agency;
      const [dir, agencies] = await Promise.all([
        org.listPublicOfficers(db, { q, agencyId, page: req.query.page, pageSize: PAGE_SIZE }),
        org.listPublicAgencies(db),
      ]);
      const page = OfficerDirectoryPage({
        ...dir,
        q,
        agencyId,
        page: req.query.page,
        pageSize: PAGE_SIZE,
        agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      });
      return reply.type('text/html; charset=utf-8').send(render(page));
    },
  );

  app.get(
    '/officers/:certificateNo',
    {
      config: PUBLIC,
      // No length limit here: the handler answers a malformed number with its own message (INVALID_CERTIFICATE_NO).
      schema: { hide: true, params: Type.Object({ certificateNo: Type.String() }) },
    },
    async (req, reply) => {
      reply.type('text/html; charset=utf-8');
      const no = normalizeCertificateNo(req.params.certificateNo);
      const bad = validateCertificateNo(no);
      const r = bad
        ? html(400, render(ErrorPage({ title: '证件编号格式不正确', message: bad.message })))
        : await (async () => {
            const officer = await org.getPublicOfficer(db, no);
            if (!officer) {
              return html(
                404,
                render(
                  ErrorPage({
                    title: '查无此证',
                    message: `未找到编号为「${no}」的执法证件。请核对编号；如对方仍坚持执法，可向当地司法行政机关反映。`,
                  }),
                ),
              );
            }
            return html(
              200,
              render(
                OfficerVerifyPage({
                  officer,
                  qrUrl: `/officers/${encodeURIComponent(no)}/badge.svg`,
                  checkedAt: shanghaiNow(),
                }),
              ),
            );
          })();
      return reply.status(r.status).send(r.body);
    },
  );
}

interface VerifyUpload {
  receipt: { name: string; text: string } | null;
  file: { name: string; size: number; sm3: string } | null;
}

/**
 * The /verify form: `receipt` (read into memory, ≤ RECEIPT_LIMIT_BYTES) and `file` (streamed through
 * SM3, ≤ the evidence size limit, never stored). An empty file input (browsers send filename "" and
 * no bytes) counts as not given.
 */
async function readVerifyUpload(req: FastifyRequest, fileLimit: number): Promise<VerifyUpload> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件', 'file');
  }
  const out: VerifyUpload = { receipt: null, file: null };
  const seen = new Set<string>();
  const parts = req.parts({ limits: { fileSize: fileLimit, files: 2, fields: 4 } });
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
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        hasher.update(chunk);
      }
      if (part.file.truncated) {
        throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${formatBytes(fileLimit)} 上限`, 'file');
      }
      if (size > 0 || part.filename) out.file = { name: part.filename, size, sm3: toHex(hasher.digest()) };
    }
  }
  return out;
}

function jsonRoutes(app: App, { config, database }: AppDeps) {
  const db = database.db;

  app.get(
    '/api/public/documents/:id',
    {
      config: PUBLIC,
      schema: {
        tags: ['公示'],
        summary: '核验执法文书：是否为机关签发、内容是否被篡改（不含个人信息）',
        params: Type.Object({ id: Type.String({ title: '文书编号', format: 'uuid' }) }),
      },
    },
    async (req) => {
      const d = await cases.publicDocumentCheck(db, req.params.id);
      if (!d) throw new AppError('DOCUMENT_NOT_FOUND', '文书不存在', 'id');
      return d;
    },
  );
  const verifyUrl = (no: string) => `${config.publicBaseUrl}/officers/${encodeURIComponent(no)}`;

  app.get(
    '/officers/:certificateNo/badge.svg',
    {
      config: PUBLIC,
      schema: {
        tags: ['公示'],
        summary: '执法证件核验二维码（SVG），编码核验页面地址',
        params: Type.Object({ certificateNo: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      const no = checkedCertificateNo(req.params.certificateNo);
      if (!(await org.getPublicOfficer(db, no)))
        throw new AppError('OFFICER_NOT_FOUND', `未找到编号为「${no}」的执法证件`, 'certificateNo');
      const svg = await QRCode.toString(verifyUrl(no), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml').header('cache-control', 'public, max-age=300').send(svg);
    },
  );

  app.get(
    '/api/public/officers/:certificateNo',
    {
      config: PUBLIC,
      schema: {
        tags: ['公示'],
        summary: '按执法证件编号核验执法人员',
        params: Type.Object({ certificateNo: Type.String({ title: '执法证件编号', maxLength: 64 }) }),
        response: { 200: PublicOfficerJson },
      },
    },
    async (req) => {
      const no = checkedCertificateNo(req.params.certificateNo);
      const o = await org.getPublicOfficer(db, no);
      if (!o) throw new AppError('OFFICER_NOT_FOUND', `未找到编号为「${no}」的执法证件`, 'certificateNo');
      return { ...o, certificateNo: no };
    },
  );

  app.get(
    '/api/public/agencies',
    {
      config: PUBLIC,
      schema: {
        tags: ['公示'],
        summary: '行政执法主体名录',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                type: Type.String(),
                typeLabel: Type.String(),
                uscc: Type.String(),
                regionCode: Type.String(),
                regionName: Type.String(),
                legalBasis: Type.String(),
                functions: Type.String(),
                contactPhone: Type.String(),
                contactAddress: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const agencies = await org.listPublicAgencies(db);
      return {
        items: agencies.map((a) => ({
          id: a.id,
          name: a.name,
          type: a.type,
          typeLabel: a.typeLabel,
          uscc: a.uscc,
          regionCode: a.regionCode,
          regionName: a.regionName,
          legalBasis: a.legalBasis,
          functions: a.functions,
          contactPhone: a.contactPhone,
          contactAddress: a.contactAddress,
        })),
      };
    },
  );
}
