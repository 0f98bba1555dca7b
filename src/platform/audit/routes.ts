import Type, { type Static } from 'typebox';
import { AppError } from '../http/errors.ts';
import { type App, type AppDeps, ctxOf } from '../http/types.ts';
import { regionPrefix } from '../identifiers/region-code.ts';
import { AUDIT_READERS } from './capabilities.ts';
import { type AuditVocabulary, mergeVocabularies, presentAudit } from './present.ts';
import { searchAudit } from './service.ts';
import { PLATFORM_AUDIT } from './vocabulary.ts';

const Entry = Type.Object({
  id: Type.Number(),
  at: Type.String({ description: 'ISO 8601' }),
  action: Type.String({ description: '操作代码（筛选用）' }),
  actionLabel: Type.String({ description: '操作' }),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  targetLabel: Type.Union([Type.String(), Type.Null()], { description: '对象类别' }),
  targetName: Type.Union([Type.String(), Type.Null()], { description: '对象名称' }),
  targetPath: Type.Union([Type.String(), Type.Null()], { description: '对象在管理端的页面' }),
  ip: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  detailItems: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
});

const AuditList = Type.Object({
  items: Type.Array(Entry),
  total: Type.Integer(),
  /** What the action filter offers. */
  actions: Type.Array(Type.Object({ value: Type.String(), label: Type.String() })),
});
/** The answer of `GET /api/audit`: the console's type comes from this schema. */
export type AuditListAnswer = Static<typeof AuditList>;
export type AuditEntryView = AuditListAnswer['items'][number];

/** The audit log, as people read it: the modules' vocabularies name actions, records and details. */
export function auditRoutes(app: App, { database }: AppDeps, vocabularies: readonly AuditVocabulary[]) {
  const vocab = mergeVocabularies([PLATFORM_AUDIT, ...vocabularies]);
  // The filter matches by prefix (store.ts): a group offers every action starting with it.
  const actionOptions = [...Object.entries(vocab.prefixLabels), ...Object.entries(vocab.actions)]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.value.localeCompare(b.value));
  app.get(
    '/api/audit',
    {
      config: { access: { roles: AUDIT_READERS } },
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
        response: { 200: AuditList },
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
      return {
        items: await presentAudit(database.db, r.items, vocab),
        total: r.total,
        actions: actionOptions,
      };
    },
  );
}
