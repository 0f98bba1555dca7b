import type { Ctx } from '../../platform/auth/actor.ts';
import { isUniqueViolation } from '../../platform/db/index.ts';
import { AppError, fromViolation } from '../../platform/http/errors.ts';
import { readScope } from './policy.ts';
import type * as store from './store.ts';

// What the register's use cases share: the caller's read scope and the refusals they all give.

export function firstViolation(list: { code: string; message: string; field?: string }[]): void {
  const v = list[0];
  if (v) throw fromViolation(v);
}

export function scopeOf(ctx: Ctx): store.Scope {
  const s = readScope(ctx.actor);
  if (!s) throw new AppError('FORBIDDEN', '账号未设置所属执法主体或监督区域');
  return s;
}

export function uniqueToDuplicate(err: unknown): never {
  if (isUniqueViolation(err, 'uscc'))
    throw new AppError('DUPLICATE_USCC', '统一社会信用代码已被其他执法主体使用', 'uscc');
  if (isUniqueViolation(err, 'certificate_no'))
    throw new AppError('DUPLICATE_CERTIFICATE_NO', '执法证件编号已存在', 'certificateNo');
  throw err;
}
