import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { commitEvidence, prepareEvidence, type RecordsDeps } from './evidence-service.ts';
import { EVIDENCE_FIELDS, evidenceInputOf } from './upload-fields.ts';

/**
 * Resumable uploads (tus 1.0, https://tus.io) so a phone on a weak network can finish a video: the
 * @tus/server library speaks the protocol; we add who may upload what. The metadata is checked when the
 * upload is created (before any byte) and again when it finishes; the finished file is then streamed into
 * the evidence store and the tus copy deleted, so an upload ends either as a record or as nothing.
 * Unfinished uploads expire after `UPLOAD_EXPIRY_MS` and are swept.
 *
 * The partial files live on this process's disk (`<dataDir>/uploads`): with several server processes,
 * route /api/uploads/* of one upload to one process (sticky sessions) or share the directory.
 */
export const UPLOAD_PATH = '/api/uploads';
/** An interrupted upload can be resumed for a day; after that its partial file is deleted. */
export const UPLOAD_EXPIRY_MS = 24 * 3_600_000;
const CTX_HEADER = 'x-mingjing-upload-ctx';

const HANDLERS = {
  access: { roles: ['officer', 'auxiliary', 'legal_reviewer', 'agency_head', 'agency_admin'] },
} as const;

type TusError = { status_code: number; body: string };
const tusError = (e: unknown): TusError => {
  const app = e instanceof AppError ? e : new AppError('INTERNAL', '服务器内部错误，请稍后重试');
  return { status_code: app.status, body: JSON.stringify(app.toJSON()) };
};

function fieldsOf(metadata: Record<string, string | null | undefined> | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(metadata ?? {})) {
    if (k === 'filename' || k === 'filetype' || k === 'caseId' || k === 'userId') continue;
    if (!EVIDENCE_FIELDS.has(k)) throw new AppError('UNKNOWN_FIELD', `不允许的字段「${k}」`, k);
    if (typeof v === 'string') fields[k] = v;
  }
  return fields;
}

export function tusRoutes(app: App, appDeps: AppDeps, deps: RecordsDeps) {
  const db = appDeps.database.db;
  const directory = join(appDeps.config.dataDir, 'uploads');
  // Made on first use: FileStore's constructor creates its directory in the background and throws
  // (uncaught) if the data directory has gone, e.g. a test server closed at once.
  let made: { tus: TusServer; datastore: FileStore } | null = null;
  const server = () => {
    if (!made) {
      mkdirSync(directory, { recursive: true });
      const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
      made = { datastore, tus: createTus(datastore) };
    }
    return made;
  };
  // The caller of each request in flight, by a token the server sets (never the client's own header).
  const callers = new Map<string, Ctx>();
  const callerOf = (req: { headers: Headers }): Ctx => {
    const ctx = callers.get(req.headers.get(CTX_HEADER) ?? '');
    if (!ctx) throw tusError(new AppError('UNAUTHENTICATED', '请先登录'));
    return ctx;
  };
  const inputOf = (upload: {
    metadata?: Record<string, string | null> | undefined;
    size?: number | undefined;
  }) => {
    const m = upload.metadata ?? {};
    const input = evidenceInputOf(m.caseId ?? '', fieldsOf(m), {
      fileName: m.filename || 'evidence',
      mimeType: m.filetype || 'application/octet-stream',
    });
    return upload.size === undefined ? input : { ...input, size: upload.size };
  };

  const createTus = (datastore: FileStore) =>
    new TusServer({
      path: UPLOAD_PATH,
      datastore,
      relativeLocation: true,
      maxSize: deps.maxEvidenceBytes,
      async onUploadCreate(req, upload) {
        const ctx = callerOf(req);
        try {
          if (!upload.metadata?.caseId)
            throw new AppError('FIELD_REQUIRED', '缺少必填字段「caseId」', 'caseId');
          await prepareEvidence(db, ctx, deps, inputOf(upload));
        } catch (e) {
          throw tusError(e);
        }
        // The upload belongs to its creator: nobody else may append to it or finish it.
        return { metadata: { ...upload.metadata, userId: ctx.actor.userId } };
      },
      async onIncomingRequest(req, uploadId) {
        if (req.method === 'POST') return;
        const ctx = callerOf(req);
        const upload = await datastore.getUpload(uploadId).catch(() => null);
        if (upload && upload.metadata?.userId !== ctx.actor.userId)
          throw tusError(new AppError('UPLOAD_NOT_FOUND', '上传任务不存在', 'uploadId'));
      },
      async onUploadFinish(req, upload) {
        const ctx = callerOf(req);
        try {
          // Checked again: the case may have been archived, or the device retired, while the bytes came.
          const prepared = await prepareEvidence(db, ctx, deps, inputOf(upload));
          const evidence = await commitEvidence(db, ctx, deps, prepared, {
            path: join(directory, upload.id),
          });
          return {
            status_code: 201,
            headers: {
              'Mingjing-Evidence-Id': evidence.id,
              'Content-Type': 'application/json; charset=utf-8',
            },
            body: JSON.stringify(evidence),
          };
        } catch (e) {
          throw tusError(e);
        } finally {
          // Stored as evidence or refused: either way the tus copy goes, leaving no orphan.
          await datastore.remove(upload.id).catch(() => undefined);
        }
      },
    });

  const sweep = setInterval(() => void made?.tus.cleanUpExpiredUploads().catch(() => undefined), 3_600_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  // tus sends the bytes as application/offset+octet-stream: leave the stream for the tus server.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = ctxOf(req);
    const token = randomUUID();
    req.raw.headers[CTX_HEADER] = token;
    // @tus/server rebuilds the headers from rawHeaders (it iterates them to validate): the token must be
    // there too, and only ours (a copy the client sent is dropped).
    const raw = req.raw.rawHeaders;
    for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === CTX_HEADER) raw.splice(i, 2);
    raw.push(CTX_HEADER, token);
    callers.set(token, ctx);
    reply.hijack();
    try {
      await server().tus.handle(req.raw, reply.raw);
    } finally {
      callers.delete(token);
    }
  };
  for (const url of [UPLOAD_PATH, `${UPLOAD_PATH}/:uploadId`]) {
    app.route({
      method: ['POST', 'HEAD', 'PATCH', 'DELETE'],
      url,
      config: HANDLERS,
      schema: {
        tags: ['全过程记录'],
        summary:
          '断点续传上传证据（tus 1.0 协议；Upload-Metadata 含 caseId、stepKey、mediaType、title、capturedAt、deviceId、officerId、location、filename 等）',
      },
      handler,
    });
  }
}
