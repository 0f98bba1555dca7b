import Type from 'typebox';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { normalizeCertificateNo, validateCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import {
  currentTreeHead,
  findEntriesForRecord,
  type LedgerDeps,
  listTreeHeads,
} from '../../platform/ledger/index.ts';
import * as cases from '../cases/service.ts';
import * as org from '../org/service.ts';
import { AgencyListPage, AgencyPage } from './pages/agencies.tsx';
import { DocumentVerifyPage } from './pages/document.tsx';
import { HomePage } from './pages/home.tsx';
import { ErrorPage, render } from './pages/layout.tsx';
import { LedgerPage } from './pages/ledger.tsx';
import { OfficerDirectoryPage, OfficerVerifyPage, pageCount } from './pages/officers.tsx';

const PUBLIC = { access: { public: true } } as const;
const PAGE_SIZE = 50;

const shanghaiNow = () =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date());

/** The portal's pages but /verify (verify-routes.ts): HTML rendered on the server. */
export function pageRoutes(app: App, { database }: AppDeps, ledger: LedgerDeps) {
  const db = database.db;

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
      // A page past the last one is not there (404), but answers with the way back to the results.
      const beyond = dir.total > 0 && req.query.page > pageCount(dir.total, PAGE_SIZE);
      return reply
        .status(beyond ? 404 : 200)
        .type('text/html; charset=utf-8')
        .send(render(page));
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
