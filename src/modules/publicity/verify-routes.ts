import { formatBytes } from '../../platform/blobs/store.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import type { LedgerDeps } from '../../platform/ledger/index.ts';
import type { CasesDeps } from '../cases/service.ts';
import { render } from './pages/layout.tsx';
import { VerifyPage } from './pages/verify.tsx';
import { checkVerifyUpload, readVerifyUpload, verifyUploadLimits } from './verify-service.ts';

const PUBLIC = { access: { public: true } } as const;

/** The portal's /verify page: a citizen checks a receipt and/or a file against the ledger. */
export function verifyPageRoutes(
  app: App,
  { config, database }: AppDeps,
  services: { ledger: LedgerDeps; cases: CasesDeps },
) {
  // Any file the platform may store as evidence may be checked here (MINGJING_EVIDENCE_MAX_BYTES).
  const fileLimit = config.blobs.maxBytes;
  const maxFileLabel = formatBytes(fileLimit);
  const db = database.db;

  app.get('/verify', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(render(VerifyPage({ maxFileLabel }))),
  );

  // Public and cookie-less like every portal page: the access hook checks neither session nor CSRF
  // token on public routes, and this one changes nothing (it hashes the upload and reads the ledger),
  // so a cross-site form posting here can do no harm.
  app.post('/verify', { config: PUBLIC, schema: { hide: true } }, async (req, reply) => {
    if (!req.isMultipart()) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件', 'file');
    }
    const upload = await readVerifyUpload(req.parts({ limits: verifyUploadLimits(fileLimit) }), fileLimit);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!upload.receipt && !upload.file) {
      return reply
        .status(400)
        .send(
          render(VerifyPage({ maxFileLabel, error: '请至少选择一个文件：存证回执（JSON）或要核对的文件' })),
        );
    }
    const result = await checkVerifyUpload(db, services, upload);
    return reply.send(render(VerifyPage({ maxFileLabel, result })));
  });
}
