import { publicOpenApi } from '../../platform/http/public-openapi.ts';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { todayInShanghai } from '../../platform/identifiers/date.ts';
import * as org from '../org/service.ts';
import { render } from './pages/layout.tsx';
import {
  type OpenApiGroup,
  type OpenApiOperation,
  OpenApiPage,
  type OpenApiParameter,
} from './pages/open-api.tsx';

const PUBLIC = { access: { public: true } } as const;

/** The groups (OpenAPI tags) in the order a citizen looks for them, with what each is for. */
const GROUPS: readonly { tag: string; title: string; intro: string }[] = [
  { tag: '公示', title: '执法公示', intro: '执法主体名录、执法人员证件核验、执法文书核验。' },
  {
    tag: '开放数据',
    title: '执法决定与开放数据下载',
    intro: '已公开的执法决定（JSON、CSV）、“双公示”交换文件和更新订阅；下载说明见“开放数据”页面。',
  },
  {
    tag: '账本',
    title: '存证账本',
    intro: '平台登记的每一项执法记录的摘要、平台签署的账本状态和核对用的证明：用于确认记录登记后没有被改动。',
  },
  { tag: '工作日历', title: '工作日与期限计算', intro: '按国务院办公厅公布的放假安排计算期限。' },
  { tag: '规则库', title: '规则参数', intro: '各地区现行的期限、比例等规则参数及其出处。' },
];

type Param = {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { title?: string; default?: unknown };
};
type Operation = { summary?: string; tags?: string[]; parameters?: Param[] };

/** Values that make an example address answer; a parameter without one is left for the reader to fill. */
async function exampleValues(deps: AppDeps): Promise<Record<string, string>> {
  const db = deps.database.db;
  const [region, dir] = await Promise.all([
    org.portalRegion(db),
    org.listPublicOfficers(db, { q: '', agencyId: '', page: 1, pageSize: 20 }),
  ]);
  const today = todayInShanghai();
  const valid = dir.officers.find((o) => o.status === 'valid' && o.certificateNo);
  return {
    from: today,
    to: today,
    days: '5',
    index: '0',
    treeSize: '1',
    first: '1',
    second: '1',
    start: '0',
    end: '0',
    ...(region ? { regionCode: region.code } : {}),
    ...(valid?.certificateNo ? { certificateNo: valid.certificateNo } : {}),
  };
}

function operationOf(
  method: string,
  path: string,
  op: Operation,
  examples: Record<string, string>,
): OpenApiOperation {
  const parameters: OpenApiParameter[] = (op.parameters ?? [])
    .filter((p) => p.in === 'path' || p.in === 'query')
    .map((p) => {
      const def = p.schema?.default;
      return {
        name: p.name,
        in: p.in as 'path' | 'query',
        title: p.schema?.title ?? p.name,
        description: p.description ?? null,
        // A parameter with a default need not be sent (the server fills it in).
        required: p.required === true && def === undefined,
        defaultValue: def === undefined ? null : String(def),
      };
    })
    .sort((a, b) => (a.in === b.in ? 0 : a.in === 'path' ? -1 : 1));
  const fill = (named: (p: OpenApiParameter) => string) => {
    let url = path;
    for (const p of parameters.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, named(p));
    const query = parameters.filter((x) => x.in === 'query' && x.required);
    return query.length ? `${url}?${query.map((p) => `${p.name}=${named(p)}`).join('&')}` : url;
  };
  const needed = parameters.filter((p) => p.in === 'path' || p.required);
  const exampleUrl = needed.every((p) => examples[p.name] !== undefined)
    ? fill((p) => encodeURIComponent(examples[p.name]!))
    : null;
  return {
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? path,
    parameters,
    exampleUrl,
    template: fill((p) => `{${p.title}}`),
  };
}

/** /open-api (the page) and /open-api.json (the OpenAPI document of the public routes). */
export function openApiRoutes(app: App, deps: AppDeps) {
  const document = () => publicOpenApi(app.swagger() as Parameters<typeof publicOpenApi>[0]);

  app.get('/open-api.json', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply.header('access-control-allow-origin', '*').send(document()),
  );

  app.get('/open-api', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) => {
    const examples = await exampleValues(deps);
    const paths = (document().paths ?? {}) as Record<string, Record<string, Operation>>;
    const ops = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, op]) => ({
        tag: op.tags?.[0] ?? '',
        op: operationOf(method, path, op, examples),
      })),
    );
    const groups: OpenApiGroup[] = GROUPS.map((g) => ({
      title: g.title,
      intro: g.intro,
      operations: ops.filter((o) => o.tag === g.tag).map((o) => o.op),
    }));
    const other = ops.filter((o) => !GROUPS.some((g) => g.tag === o.tag)).map((o) => o.op);
    if (other.length) groups.push({ title: '其他', intro: '', operations: other });
    return reply
      .type('text/html; charset=utf-8')
      .send(render(OpenApiPage({ groups: groups.filter((g) => g.operations.length > 0) })));
  });
}
