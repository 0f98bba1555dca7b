import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Config } from '../../config.ts';
import { csrfMatches, resolveSession } from '../auth/service.ts';
import { type Database, postgresErrorOf } from '../db/index.ts';
import { loggerOptions } from '../log.ts';
import { type Access, PUBLIC, STAFF } from './access.ts';
import { assertDeclaresResponse, checkResponses, lazySerializers } from './contract.ts';
import { AppError } from './errors.ts';
import { assertCleanRequestPart, assertQueryEncoding } from './input-guard.ts';
import { hardenRequestSchema, isAcceptedDate, isAcceptedDateTime } from './request-schemas.ts';
import type { App } from './types.ts';
import { validationToAppError } from './validation-errors.ts';

export const SESSION_COOKIE = 'mj_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

// Routes registered by plugins carry no access declaration of their own: the console's files are public,
// the full API reference (every staff endpoint) is for signed-in staff. The public API has its own page
// on the portal (the publicity module's /open-api, from `publicOpenApi`).
const DOCS = /^\/api\/docs(\/|$)/;
const PLUGIN_ACCESS: readonly [RegExp, Access][] = [
  [DOCS, STAFF],
  [/^\/console/, PUBLIC],
];
const pluginAccess = (url: string | undefined) =>
  url === undefined ? undefined : PLUGIN_ACCESS.find(([re]) => re.test(url))?.[1];

/**
 * How the application draws an error as a page for a browser (the portal's styled page); without one,
 * a plain page. `status` lets it choose its wording.
 */
export type HtmlErrorPage = (
  req: FastifyRequest,
  e: { status: number; title: string; message: string },
) => string | Promise<string>;

export interface ServerOptions {
  htmlErrorPage?: HtmlErrorPage;
}

export async function buildServer(
  config: Config,
  database: Database,
  options: ServerOptions = {},
): Promise<App> {
  const htmlErrorPage: HtmlErrorPage = options.htmlErrorPage ?? ((_req, e) => htmlPage(e.title, e.message));
  // Fastify's Ajv compiler already registers ajv-formats (date, uuid, …).
  const app = Fastify<Server>({
    logger: loggerOptions(config.logLevel, config.logFormat),
    // One line per request, at the configured level, instead of Fastify's two at `info`.
    logController: new RequestLines(config.requestLogLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Refusals the router makes before any route runs (a path that is not UTF-8, a path parameter
    // over 100 characters) get the same envelope as every other error.
    frameworkErrors: (err, req, reply) => {
      const e =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new AppError('PATH_TOO_LONG', '网址中的参数过长')
          : new AppError('INVALID_URL', '网址中含有无法识别的字符，请检查链接是否完整');
      return sendError(e as unknown as FastifyError, req, reply, htmlErrorPage);
    },
    // What Node's HTTP parser refuses before Fastify sees a request (a URL or headers over 16 KB, a
    // malformed request line): the same envelope, not Fastify's English default.
    clientErrorHandler: (err, socket) => {
      if (!socket.writable) return socket.destroy();
      const tooLarge = (err as { code?: string }).code === 'HPE_HEADER_OVERFLOW';
      const e = tooLarge
        ? new AppError('REQUEST_TOO_LARGE', '网址或请求头过长，请缩短检索词或参数')
        : new AppError('BAD_REQUEST', '请求格式不正确');
      const body = JSON.stringify(e.toJSON());
      socket.end(
        `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Connection: close\r\n\r\n${body}`,
      );
    },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
    ajv: {
      customOptions: {
        // Unknown fields are an error, not silently dropped (Fastify's default strips them).
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
        verbose: true,
      },
      // After ajv-formats: our `date` and `date-time` also refuse dates PostgreSQL or the calendar cannot
      // hold (year 0000, year 9999), which ajv-formats accepts.
      onCreate: (ajv) => {
        ajv.addFormat('date', { type: 'string', validate: isAcceptedDate });
        ajv.addFormat('date-time', { type: 'string', validate: isAcceptedDateTime });
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('session', null);
  // Before any plugin registers routes: a route takes the error handler in force when it is added, and
  // the plugins' routes (the API reference, the console's files) must answer with the envelope too.
  app.setErrorHandler((err: FastifyError, req, reply) => sendError(err, req, reply, htmlErrorPage));
  if (config.checkResponses) checkResponses(app);
  // Before the access hook: it reads the session cookie that this plugin parses.
  await app.register(cookie);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const plugin = pluginAccess(route.url);
    if (!access && !plugin) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    }
    for (const part of ['body', 'querystring', 'params'] as const) hardenRequestSchema(route.schema?.[part]);
    // The contract: a route that answers data says what it answers (the console's types come from it).
    if (!plugin) assertDeclaresResponse(route);
  });
  // Before validation (and after, for coerced numbers), for every route: no handler or query ever sees
  // a NUL, a lone surrogate or an infinite number.
  const guard = async (req: FastifyRequest) => {
    const schema = req.routeOptions.schema;
    assertQueryEncoding(req.url);
    assertCleanRequestPart('params', req.params, schema?.params as never);
    assertCleanRequestPart('querystring', req.query, schema?.querystring as never);
    assertCleanRequestPart('body', req.body, schema?.body as never);
  };
  app.addHook('preValidation', guard);
  app.addHook('preHandler', guard);

  app.addHook('onRequest', async (req, reply) => {
    const access = req.routeOptions.config?.access ?? pluginAccess(req.routeOptions.url);
    if (!access || 'public' in access) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resolveSession(database.db, token) : null;
    if (!session) {
      if (token) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (DOCS.test(req.routeOptions.url ?? ''))
        throw new AppError(
          'UNAUTHENTICATED',
          '接口文档供工作人员查阅：请先登录管理端（/console/），再打开本页。',
        );
      throw new AppError('UNAUTHENTICATED', '请先登录');
    }
    if (access.roles !== 'staff' && !access.roles.includes(session.actor.role)) {
      throw new AppError('FORBIDDEN', '当前角色无权执行此操作');
    }
    if (UNSAFE.has(req.method) && !csrfMatches(session.csrfToken, headerOf(req, 'x-csrf-token'))) {
      throw new AppError('CSRF_TOKEN_INVALID', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
    req.session = session;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes CSS-in-JS style tags at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        // The embedded default serves plain HTTP on a laptop: do not force https sub-requests.
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  await app.register(multipart, {
    limits: { fileSize: config.importLimitBytes, files: 1, fields: 10, fieldSize: 1024 },
  });

  await app.register(swagger, {
    // Each operation says who may call it: none for public routes (the portal's /open-api lists them),
    // the session cookie for staff routes, and the CSRF header too on unsafe methods.
    transform: ({ schema, url, route }) => {
      const access = route.config?.access;
      const methods = [route.method].flat();
      const security =
        !access || 'public' in access
          ? []
          : methods.some((m) => UNSAFE.has(m))
            ? [{ session: [], csrf: [] }]
            : [{ session: [] }];
      return { schema: { ...schema, security } as typeof schema, url };
    },
    openapi: {
      info: {
        title: '明镜 行政执法平台 API',
        version: '0.1.0',
        description: '统一的行政执法综合管理监督平台接口。错误返回 { error: { code, message, field } }。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  // The whole API, staff endpoints included: for staff. The public part is `publicOpenApi(app)`.
  app.get('/api/openapi.json', { config: { access: STAFF }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/console/',
      wildcard: false,
      index: 'index.html',
    });
    // Client-side routes of the console all load the same page.
    app.get('/console/*', { config: { access: { public: true } }, schema: { hide: true } }, (_req, reply) =>
      reply.sendFile('index.html'),
    );
  }

  // Only JSON (and multipart, for imports) bodies: anything else is 415, not a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler(async (req, reply) => {
    // A page address outside the API is a page to a person, whatever the client says it accepts,
    // unless it asks for JSON only.
    if (pageRequest(req) && !jsonOnly(req)) {
      const page = await htmlErrorPage(req, {
        status: 404,
        title: '页面不存在',
        message: '您访问的页面不存在，可能是网址有误或页面已移除。请检查网址，或从首页重新查找。',
      });
      return reply.status(404).type('text/html; charset=utf-8').send(page);
    }
    return reply
      .status(404)
      .send(new AppError('NOT_FOUND', `接口不存在：${req.method} ${req.url.split('?')[0]}`).toJSON());
  });
  return app;
}

/** Fastify's request log lines, made one line per request at the level the configuration gives. */
class RequestLines extends LogController {
  constructor(readonly level: 'info' | 'debug') {
    super();
  }
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply) {
    const ms = Math.round(reply.elapsedTime);
    const url = req.url.length > 200 ? `${req.url.slice(0, 200)}…` : req.url;
    const line = { method: req.method, url, statusCode: reply.statusCode, ms };
    if (error) reply.log.error({ ...line, err: error }, `${req.method} ${url} ${reply.statusCode} ${ms} ms`);
    else reply.log[this.level](line, `${req.method} ${url} ${reply.statusCode} ${ms} ms`);
  }
}

/** A page, not an answer for a program: outside /api, or the API reference's own pages. */
function pageRequest(req: FastifyRequest): boolean {
  return !req.url.startsWith('/api/') || DOCS.test(req.url);
}

/** A browser asking for a page gets an HTML answer, everything else the envelope. */
function wantsHtml(req: FastifyRequest): boolean {
  return pageRequest(req) && (req.headers.accept ?? '').includes('text/html');
}

function jsonOnly(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('json') && !accept.includes('html') && !accept.includes('*/*');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page of errors met before a module's own pages can answer (the portal renders its own). */
function htmlPage(title: string, message: string): string {
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:sans-serif;padding:24px"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">返回公示平台首页</a></p></body></html>`
  );
}

function headerOf(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function sendError(err: FastifyError, req: FastifyRequest, reply: FastifyReply, page: HtmlErrorPage) {
  const appErr = toAppError(err);
  if (appErr.status >= 500) req.log.error({ err }, 'request failed');
  // A value only the database refused: the request was wrong, but a check is missing before the query.
  else if (appErr.code === 'INVALID_INPUT') req.log.warn({ err }, 'input refused by the database');
  if (wantsHtml(req)) {
    const title =
      appErr.status === 404
        ? '页面不存在'
        : appErr.status === 401
          ? '请先登录'
          : appErr.status >= 500
            ? '服务暂时不可用'
            : '请求有误';
    const html = await page(req, { status: appErr.status, title, message: appErr.message });
    return reply.status(appErr.status).type('text/html; charset=utf-8').send(html);
  }
  return reply.status(appErr.status).type('application/json; charset=utf-8').send(appErr.toJSON());
}

export function toAppError(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (err.validation) return validationToAppError(err.validation, err.validationContext);
  // Class 22 "data exception" is always about a value the request carried (a malformed id, a number or
  // date out of range): the caller's error, answered 400, never a 500. Checks before the query name the
  // field; this is the net below them.
  if (postgresErrorOf(err)?.code.startsWith('22'))
    return new AppError('INVALID_INPUT', '请求中有无法处理的数据，请检查输入');
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', '请求内容超过允许的大小');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型，请使用 application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('INVALID_JSON', '请求内容为空');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('INVALID_JSON', '请求内容不是有效的 JSON');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
  }
  if (err instanceof SyntaxError || err.statusCode === 400)
    return new AppError('INVALID_JSON', '请求内容格式错误');
  if (err.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', '请求内容超过允许的大小');
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  return new AppError('INTERNAL', '服务器内部错误，请稍后重试');
}
