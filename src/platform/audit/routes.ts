import Type from 'typebox';
import { AppError } from '../http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../http/types.ts';
import { regionPrefix } from '../identifiers/region-code.ts';
import { searchAudit } from './service.ts';

const Entry = Type.Object({
  id: Type.Number(),
  at: Type.String(),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  details: Type.Unknown(),
});

export function auditRoutes(app: App, { database }: AppDeps) {
  app.get(
    '/api/audit',
    {
      config: { access: { roles: ['system_admin', 'supervisor'] } },
      schema: {
        tags: ['审计'],
        summary: '审计日志（系统管理员看全部，执法监督人员看本辖区）',
        querystring: Type.Object(
          {
            action: Type.Optional(Type.String({ title: '操作', maxLength: 64 })),
            actor: Type.Optional(Type.String({ title: '操作人', maxLength: 64 })),
            from: Type.Optional(Type.String({ title: '起始日期', format: 'date' })),
            to: Type.Optional(Type.String({ title: '截止日期', format: 'date' })),
            page: Type.Integer({ title: '页码', minimum: 1, default: 1 }),
            pageSize: Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 50 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Entry), total: Type.Integer() }) },
      },
    },
    async (req) => {
      const { actor } = ctxOf(req);
      const q = req.query;
      let prefix: string | null = null;
      if (actor.role === 'supervisor') {
        if (!actor.regionCode) throw new AppError('FORBIDDEN', '账号未设置监督区域');
        prefix = regionPrefix(actor.regionCode);
      }
      const r = await searchAudit(database.db, {
        regionPrefix: prefix,
        action: q.action,
        actor: q.actor,
        // Dates are days in China time: the range covers the whole of both days.
        from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
        to: q.to ? new Date(`${q.to}T23:59:59.999+08:00`) : undefined,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: r.items.map((e) => ({ ...e, at: e.at.toISOString() })), total: r.total };
    },
  );
}
