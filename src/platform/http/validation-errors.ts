import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { AppError } from './errors.ts';
import { ACCEPTED_DATES } from './request-schemas.ts';

interface AjvishError extends FastifySchemaValidationError {
  parentSchema?: { title?: string; properties?: Record<string, { title?: string }> };
}

const CONTEXT_LABEL: Record<string, string> = {
  body: '请求内容',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

function fieldOf(e: AjvishError): string | undefined {
  const path = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || undefined;
}

function label(field: string | undefined, title: string | undefined): string {
  if (title && field) return `「${title}」(${field})`;
  if (field) return `「${field}」`;
  return '';
}

/** Turn the first Ajv error into our envelope: a stable code and a Chinese message naming the field. */
export function validationToAppError(errors: AjvishError[], context: string | undefined): AppError {
  // For a union (enum of literals), Ajv reports each branch first; the anyOf error carries the title.
  const first = errors[0];
  const e = errors.find((x) => x.keyword === 'anyOf' && x.instancePath === first?.instancePath) ?? first;
  const where = CONTEXT_LABEL[context ?? 'body'] ?? '请求';
  if (!e) return new AppError('VALIDATION_FAILED', `${where}不符合要求`);
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') {
    const extra = String(params.additionalProperty);
    const field = fieldOf(e) ? `${fieldOf(e)}.${extra}` : extra;
    return new AppError('UNKNOWN_FIELD', `${where}包含不允许的字段「${field}」`, field);
  }
  if (e.keyword === 'required') {
    const missing = String(params.missingProperty);
    const field = fieldOf(e) ? `${fieldOf(e)}.${missing}` : missing;
    const title = e.parentSchema?.properties?.[missing]?.title;
    return new AppError('FIELD_REQUIRED', `缺少必填字段${label(field, title)}`, field);
  }
  const field = fieldOf(e);
  const title = e.parentSchema?.title;
  const named = label(field, title) || where;
  if (e.keyword === 'format' && params.format === 'date') {
    const { min, max } = ACCEPTED_DATES;
    return new AppError(
      'INVALID_DATE',
      `${named}不是有效日期，应为 ${min} 至 ${max} 之间的 YYYY-MM-DD`,
      field,
    );
  }
  if (e.keyword === 'format' && params.format === 'date-time') {
    return new AppError(
      'INVALID_DATE',
      `${named}不是有效的日期时间，应为带时区的 YYYY-MM-DDTHH:mm:ss+08:00`,
      field,
    );
  }
  if (e.keyword === 'maxLength')
    return new AppError('VALIDATION_FAILED', `${named}过长，最多 ${String(params.limit)} 个字符`, field);
  if (e.keyword === 'minLength') return new AppError('FIELD_REQUIRED', `${named}不能为空`, field);
  if (e.keyword === 'enum' || e.keyword === 'const' || e.keyword === 'anyOf') {
    return new AppError('VALIDATION_FAILED', `${named}的取值不在允许范围内`, field);
  }
  if (e.keyword === 'type')
    return new AppError('VALIDATION_FAILED', `${named}的类型不正确，应为 ${String(params.type)}`, field);
  if (e.keyword === 'minimum' || e.keyword === 'maximum') {
    return new AppError('VALIDATION_FAILED', `${named}超出允许范围`, field);
  }
  return new AppError('VALIDATION_FAILED', `${named}不符合要求`, field);
}
