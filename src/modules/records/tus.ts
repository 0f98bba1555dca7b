import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileStore } from '@tus/file-store';
import { ERRORS as TUS_ERRORS, Server as TusServer } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Ctx } from '../../platform/auth/actor.ts';
import { AppError, statusOf } from '../../platform/http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../../platform/http/types.ts';
import { EvidenceSummary } from './contract.ts';
import type { RecordsDeps } from './deps.ts';
import { commitEvidence, prepareEvidence } from './evidence-service.ts';
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

/**
 * @tus/server answers its own refusals (a missing Tus-Resumable header, an invalid header, an offset
 * conflict, an unknown upload) in English plain text, some without calling `onResponseError`. Every
 * such answer is rewritten to our envelope with a Chinese message; the tus status is kept, because tus
 * clients act on it (409 resynchronise, 404/410 start again). A 5xx of the library that a request can
 * provoke (an unsupported extension, a lock held by another request) becomes the 4xx it is.
 */
const TUS_REFUSALS: {
  match: (status: number, body: string) => boolean;
  code: string;
  message: string;
  field?: string;
}[] = [
  {
    match: (s) => s === 412,
    code: 'UPLOAD_PROTOCOL_REQUIRED',
    message: '请求缺少断点续传协议版本（Tus-Resumable 请求头）',
    field: 'Tus-Resumable',
  },
  {
    match: (_, b) => b === TUS_ERRORS.MISSING_OFFSET.body,
    code: 'UPLOAD_OFFSET_REQUIRED',
    message: '请求缺少上传位置（Upload-Offset 请求头）',
    field: 'Upload-Offset',
  },
  {
    match: (_, b) => b === TUS_ERRORS.INVALID_OFFSET.body,
    code: 'UPLOAD_OFFSET_CONFLICT',
    message: '上传位置与服务器记录不一致，请继续上传以重新同步',
    field: 'Upload-Offset',
  },
  {
    match: (_, b) => b === TUS_ERRORS.INVALID_CONTENT_TYPE.body,
    code: 'UPLOAD_CONTENT_TYPE_INVALID',
    message: '上传数据的内容类型应为 application/offset+octet-stream',
    field: 'Content-Type',
  },
  {
    match: (_, b) => b === TUS_ERRORS.INVALID_LENGTH.body,
    code: 'UPLOAD_LENGTH_REQUIRED',
    message: '请求缺少文件大小（Upload-Length 请求头）',
    field: 'Upload-Length',
  },
  {
    match: (_, b) => b === TUS_ERRORS.INVALID_METADATA.body,
    code: 'UPLOAD_METADATA_INVALID',
    message: '上传信息（Upload-Metadata 请求头）格式不正确',
    field: 'Upload-Metadata',
  },
  { match: (s) => s === 404, code: 'UPLOAD_NOT_FOUND', message: '上传任务不存在', field: 'uploadId' },
  {
    match: (s) => s === 410,
    code: 'UPLOAD_EXPIRED',
    message: '上传任务已过期，请重新上传',
    field: 'uploadId',
  },
  {
    match: (s) => s === 413,
    code: 'UPLOAD_TOO_LARGE',
    message: '文件超过允许的大小',
    field: 'Upload-Length',
  },
  {
    match: (_, b) => b === TUS_ERRORS.INVALID_TERMINATION.body,
    code: 'UPLOAD_ALREADY_FINISHED',
    message: '上传已完成，不能取消',
  },
  {
    match: (_, b) => b === TUS_ERRORS.ABORTED.body,
    code: 'UPLOAD_BUSY',
    message: '该上传正在被另一个请求处理，请稍后重试',
  },
  {
    match: (_, b) => b === TUS_ERRORS.ERR_LOCK_TIMEOUT.body,
    code: 'UPLOAD_BUSY',
    message: '该上传正在被另一个请求处理，请稍后重试',
  },
  {
    match: (s) => s === 501,
    code: 'UPLOAD_EXTENSION_UNSUPPORTED',
    message: '不支持该断点续传扩展（如并行上传），请关闭后重试',
  },
  {
    match: (s, b) => s === 400 && b.startsWith('Invalid '),
    code: 'UPLOAD_HEADER_INVALID',
    message: '断点续传请求头无效',
  },
];

async function enveloped(response: Response): Promise<Response> {
  if (response.status < 400 || (response.headers.get('content-type') ?? '').includes('json')) return response;
  const text = await response.text();
  // Our own hooks' refusals (`tusError`) are already the envelope; tus only omits the content type.
  const ours = text.startsWith('{"error":');
  const refusal = TUS_REFUSALS.find((r) => r.match(response.status, text));
  // The status is the code's (errors.ts lists each with the status tus gives it).
  const status = !ours && refusal ? statusOf(refusal.code) : response.status;
  const header = refusal?.code === 'UPLOAD_HEADER_INVALID' ? text.slice('Invalid '.length).trim() : '';
  const error = refusal
    ? {
        code: refusal.code,
        message: header ? `${refusal.message}：${header}` : refusal.message,
        ...(header || refusal.field ? { field: header || refusal.field } : {}),
      }
    : { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' };
  const body = ours ? text : JSON.stringify({ error });
  const headers = new Headers(response.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('content-length', String(Buffer.byteLength(body)));
  return new Response(body, { status, headers });
}

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
      const tus = createTus(datastore);
      // Every answer of the Node entry point (`handle`) passes the private `handler` (@tus/server 2.4.5,
      // pinned): wrapping it is the one place where the library's own plain-text refusals can be seen.
      const inner = tus as unknown as { handler(r: Request): Promise<Response> };
      const original = inner.handler.bind(tus);
      inner.handler = async (r) => enveloped(await original(r));
      made = { datastore, tus };
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
        // The tus server answers these itself (the reply is hijacked): documented, never serialized.
        response: {
          200: Type.Null({ description: 'HEAD：Upload-Offset、Upload-Length 响应头给出已接收的字节数' }),
          201: Type.Union([EvidenceSummary, Type.Null()], {
            description:
              '创建上传任务（Location 响应头，无内容）；最后一段数据接收完成时为登记的证据记录（Mingjing-Evidence-Id 响应头）',
          }),
          204: Type.Null({
            description: 'PATCH：已接收本段数据（Upload-Offset 响应头）；DELETE：上传已取消',
          }),
        },
      },
      handler,
    });
  }
}
