import type { ImportRowError } from './types.ts';

/** One reason a rule refused a step (`error.reasons[]`, sent when there is more than one). */
export interface ApiReason {
  code: string;
  message: string;
  field: string | null;
}

/**
 * An error answered by the server (`{ error: { code, message, field, rows?, reasons? } }`) or a network
 * failure.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly rows: ImportRowError[] | null;
  readonly reasons: ApiReason[];

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string | null,
    rows?: ImportRowError[],
    reasons?: ApiReason[],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field ?? null;
    this.rows = rows ?? null;
    this.reasons = reasons?.length ? reasons : [{ code, message, field: field ?? null }];
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON body. */
  body?: unknown;
  /** Multipart body (e.g. file upload); sent as is. */
  form?: FormData;
  /** Do not send the user to the login page on 401 (login itself, the initial session probe). */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

/** The CSRF token from login or /api/auth/me; kept in memory only. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** The CSRF token for requests made outside `request()` (the resumable uploads). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** A 401 seen outside `request()`: the session is gone, same handling as there. */
export function notifyUnauthorized(): void {
  csrfToken = null;
  unauthorizedHandler?.();
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseRows(value: unknown): ImportRowError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((r) => ({
    row: typeof r.row === 'number' ? r.row : Number(r.row),
    field: typeof r.field === 'string' ? r.field : null,
    code: typeof r.code === 'string' ? r.code : '',
    message: typeof r.message === 'string' ? r.message : '',
  }));
}

function parseReasons(value: unknown): ApiReason[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((r) => ({
    code: typeof r.code === 'string' ? r.code : '',
    message: typeof r.message === 'string' ? r.message : '',
    field: typeof r.field === 'string' ? r.field : null,
  }));
}

/** An error answer given as raw text (e.g. the body of a tus response): our JSON envelope or anything. */
export function apiErrorFromText(status: number, text: string): ApiError {
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  return toApiError(status, payload);
}

function toApiError(status: number, payload: unknown): ApiError {
  const err = isRecord(payload) && isRecord(payload.error) ? payload.error : null;
  if (err) {
    const code = typeof err.code === 'string' ? err.code : `HTTP_${status}`;
    const message = typeof err.message === 'string' && err.message ? err.message : fallbackMessage(status);
    const field = typeof err.field === 'string' ? err.field : null;
    return new ApiError(status, code, message, field, parseRows(err.rows), parseReasons(err.reasons));
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '无权执行此操作';
  if (status === 404) return '记录不存在或不在您的权限范围内';
  if (status === 413) return '文件过大';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return `服务器错误（HTTP ${status}），请稍后再试`;
  return `请求失败（HTTP ${status}）`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.form) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }

  const text = res.status === 204 ? '' : await res.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }

  if (!res.ok) {
    const error = toApiError(res.status, payload);
    if (res.status === 401 && !options.noAuthRedirect) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body }),
  upload: <T>(path: string, form: FormData) => request<T>(path, { method: 'POST', form }),
};

/** Path segment helper: encodes ids and certificate numbers for use in a URL path. */
export const seg = (value: string | number): string => encodeURIComponent(String(value));
