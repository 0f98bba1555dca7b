import Type from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { ruleValue } from '../../platform/rulebook/resolve.ts';
import { rulebookFor } from '../../platform/rulebook/service.ts';
import * as cases from '../cases/service.ts';
import * as catalog from '../catalog/service.ts';
import * as org from '../org/service.ts';
import { ItemGuidePage, ItemListPage } from './pages/items.tsx';
import { render } from './pages/layout.tsx';
import { flowStages } from './rules/flow.ts';

// 事前公开 (P4, P5): an agency's 行政执法事项清单 and 随机抽查事项清单, and each item's 服务指南 with its
// 执法流程图 generated from the lifecycle table the platform runs.

const PUBLIC = { access: { public: true } } as const;

export function itemPageRoutes(app: App, { database }: AppDeps) {
  const db = database.db;
  app.get(
    '/agencies/:id/items',
    {
      config: PUBLIC,
      schema: {
        hide: true,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({ random: Type.Optional(Type.String({ maxLength: 1 })) }),
      },
    },
    async (req, reply) => {
      const found = await org.getPublicAgency(db, req.params.id);
      if (!found) throw new AppError('AGENCY_NOT_FOUND', '该执法主体不存在', 'id');
      const randomOnly = req.query.random === '1';
      const items = await catalog.publicItems(db, found.agency.id, randomOnly);
      return reply
        .type('text/html; charset=utf-8')
        .send(
          render(
            ItemListPage({ agency: { id: found.agency.id, name: found.agency.name }, items, randomOnly }),
          ),
        );
    },
  );
  app.get(
    '/items/:id',
    { config: PUBLIC, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req, reply) => {
      const item = await catalog.publicItem(db, req.params.id);
      if (!item) throw new AppError('ITEM_NOT_FOUND', '该执法事项不存在或已停止实施', 'id');
      const found = await org.getPublicAgency(db, item.agencyId);
      const rb = await rulebookFor(db, found?.agency.regionCode ?? '100000');
      const v = (k: Parameters<typeof ruleValue>[1]) => ruleValue(rb, k);
      const timeLimits =
        item.type === 'penalty'
          ? [
              `普通程序：自立案之日起${v('decisionTimeLimitDays')}日内作出行政处罚决定；案情复杂的，经批准可以延长（《中华人民共和国行政处罚法》第六十条）`,
              '简易程序：违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出（第五十一条）',
            ]
          : item.type === 'coercive'
            ? [
                `查封、扣押的期限不得超过${v('coerciveTermDays')}日；情况复杂的，经机关负责人批准，可以延长，但延长期限不得超过${v('coerciveExtensionDays')}日（《中华人民共和国行政强制法》第二十五条）`,
              ]
            : [];
      const remedies = [
        `对执法决定不服的，可以自知道之日起${v('reconsiderationDays')}日内依法申请行政复议（《中华人民共和国行政复议法》第二十条）`,
        `也可以自知道作出决定之日起${v('litigationMonths')}个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）`,
        '对执法人员的执法行为有异议的，可以向本机关或者当地司法行政机关投诉、举报',
      ];
      const flows = cases.flowchartsForItemType(item.type).map((f) => ({
        label: f.label,
        ...flowStages(f.chart),
      }));
      return reply.type('text/html; charset=utf-8').send(
        render(
          ItemGuidePage({
            item,
            contact: { phone: found?.agency.contactPhone ?? '', address: found?.agency.contactAddress ?? '' },
            timeLimits,
            remedies,
            flows,
          }),
        ),
      );
    },
  );
}
