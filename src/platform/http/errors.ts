/**
 * One error taxonomy (ARCHITECTURE practice 8): a stable machine code, a Chinese message for people,
 * the field at fault, and the HTTP status derived from the code — never from the throw site.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  FIELD_REQUIRED: 400,
  UNKNOWN_FIELD: 400,
  INVALID_FORMAT: 400,
  INVALID_DATE: 400,
  INVALID_DAYS: 400,
  INVALID_USCC: 400,
  INVALID_RESIDENT_ID: 400,
  INVALID_REGION_CODE: 400,
  INVALID_CERTIFICATE_NO: 400,
  INVALID_JSON: 400,
  INVALID_CHARACTERS: 400,
  INVALID_INPUT: 400,
  INVALID_URL: 400,
  PATH_TOO_LONG: 414,
  REQUEST_TOO_LARGE: 431,
  BAD_REQUEST: 400,
  INVALID_PHONE: 400,
  UNKNOWN_CATEGORY: 400,
  UNKNOWN_REGION: 400,
  UNKNOWN_AGENCY: 400,
  UNKNOWN_UNIT: 400,
  REGION_PARENT_MISSING: 400,
  ENTRUSTMENT_REQUIRED: 400,
  ENTRUSTMENT_NOT_ALLOWED: 400,
  INVALID_ENTRUSTMENT_TERM: 400,
  REASON_REQUIRED: 400,
  REVOCATION_CAUSE_REQUIRED: 400,
  AUXILIARY_NO_CERTIFICATE: 400,
  IMPORT_FILE_REQUIRED: 400,
  IMPORT_UNSUPPORTED_TYPE: 415,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  AGENCY_OUT_OF_SCOPE: 403,
  REGION_OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  OFFICER_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  REGION_NOT_FOUND: 404,
  DUPLICATE_CERTIFICATE_NO: 409,
  DUPLICATE_USCC: 409,
  DUPLICATE_REGION: 409,
  DUPLICATE_USERNAME: 409,
  CALENDAR_YEAR_EXISTS: 409,
  ILLEGAL_CERTIFICATE_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  // evidence store (platform/blobs)
  BLOB_HASH_INVALID: 400,
  BLOB_TOO_LARGE: 413,
  BLOB_HASH_MISMATCH: 422,
  BLOB_SIZE_MISMATCH: 422,
  BLOB_TRUNCATED: 400,
  BLOB_RANGE_INVALID: 416,
  BLOB_NOT_FOUND: 404,
  BLOB_STORE_UNAVAILABLE: 503,
  IMPORT_INVALID: 422,
  ILLEGAL_TRANSITION: 409,
  DOCUMENT_ISSUED_BY_STEP: 409,
  CASE_CHANGED: 409,
  ACTOR_NOT_ALLOWED: 403,
  ACTOR_NOT_ON_TEAM: 403,
  ACTOR_NOT_HEARING_HOST: 403,
  AUXILIARY_CANNOT_ACT: 403,
  LEGAL_REVIEW_NOT_AGREED: 409,
  // 执法决定公开 (publicity module)
  NO_DECISION_TO_PUBLISH: 409,
  ALREADY_PUBLISHED: 409,
  NOT_PUBLISHED: 409,
  MINIMUM_PERIOD_NOT_OVER: 409,
  PUBLICATION_NOT_FOUND: 404,
  DECISION_NOT_FOUND: 404,
  // The review is not in a state that allows the step (法制审核 rounds, cases/rules/legal-review.ts).
  REVIEW_IN_PROGRESS: 409,
  REVIEW_IN_COORDINATION: 409,
  REVIEW_TRANSFERRED: 409,
  REVIEW_ALREADY_AGREED: 409,
  REVIEW_NOT_IN_PROGRESS: 409,
  REVIEW_NOT_ASSIGNED: 403,
  AV_RECORD_REQUIRED: 409,
  // tus refusals keep the status the tus protocol gives them (records/tus.ts)
  UPLOAD_PROTOCOL_REQUIRED: 412,
  UPLOAD_OFFSET_REQUIRED: 403,
  UPLOAD_CONTENT_TYPE_INVALID: 403,
  UPLOAD_OFFSET_CONFLICT: 409,
  UPLOAD_BUSY: 409,
  UPLOAD_EXPIRED: 410,
  UPLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

/** Codes listed above have their own status; any other stable code from a rule is a 400. */
export type ErrorCode = keyof typeof ERROR_STATUS | (string & {});

export interface RowError {
  row: number;
  field?: string | undefined;
  code: string;
  message: string;
}

/** Listed codes have their status; otherwise `*_NOT_FOUND` is 404, `DUPLICATE_*` 409, the rest 400. */
export function statusOf(code: string): number {
  const listed = (ERROR_STATUS as Record<string, number>)[code];
  if (listed) return listed;
  if (code.endsWith('_NOT_FOUND')) return 404;
  if (code.startsWith('DUPLICATE_')) return 409;
  return 400;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly rows?: RowError[],
    /** Every reason a rule refused, when there is more than one (e.g. a refused case step). */
    readonly reasons?: { code: string; message: string; field?: string | undefined }[],
  ) {
    super(message);
    this.status = statusOf(code);
  }

  toJSON() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.rows ? { rows: this.rows } : {}),
        ...(this.reasons && this.reasons.length > 1 ? { reasons: this.reasons } : {}),
      },
    };
  }
}

/** Rule violations from pure rules carry a code string; map it onto the taxonomy. */
export function fromViolation(v: { code: string; message: string; field?: string | undefined }): AppError {
  return new AppError(v.code, v.message, v.field);
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
