import Type from 'typebox';
import { ping } from '../db/index.ts';
import { AppError } from './errors.ts';
import type { App, AppDeps } from './types.ts';

export function healthRoutes(app: App, { database }: AppDeps) {
  app.get(
    '/healthz',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['运维'],
        summary: '健康检查',
        response: { 200: Type.Object({ status: Type.Literal('ok'), db: Type.String() }) },
      },
    },
    async () => {
      try {
        await ping(database.db);
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', '数据库不可用');
      }
      return { status: 'ok' as const, db: database.kind };
    },
  );
}
