import type { FastifyError } from 'fastify';
import QRCode from 'qrcode';
import Type from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import { toAppError } from '../../platform/http/server.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { normalizeCertificateNo, validateCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import { currentTreeHead, ledgerDeps, listTreeHeads } from '../../platform/ledger/index.ts';
import * as cases from '../cases/service.ts';
import * as org from '../org/service.ts';
import { AgencyListPage, AgencyPage } from './pages/agencies.tsx';
import { DocumentVerifyPage } from './pages/document.tsx';
import { HomePage } from './pages/home.tsx';
import { ErrorPage, render } from './pages/layout.tsx';
import { LedgerPage } from './pages/ledger.tsx';
import { OfficerDirectoryPage, OfficerVerifyPage } from './pages/officers.tsx';

const PUBLIC = { access: { public: true } } as const;
const PAGE_SIZE = 50;

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
      return reply.send(render(DocumentVerifyPage({ doc: d })));
    },
  );
  const html = (status: number, body: string) => ({ status, body });

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
