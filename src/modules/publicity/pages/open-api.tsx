import { Layout } from './layout.tsx';

/** One parameter of a public operation, as the page shows it. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  title: string;
  description: string | null;
  required: boolean;
  defaultValue: string | null;
}

export interface OpenApiOperation {
  method: string;
  /** OpenAPI path, e.g. /api/public/officers/{certificateNo}. */
  path: string;
  summary: string;
  parameters: OpenApiParameter[];
  /** A URL that works as written, or null when a value must be filled in first. */
  exampleUrl: string | null;
  /** The URL with each value to fill in named, e.g. /api/public/documents/{文书编号}. */
  template: string;
}

export interface OpenApiGroup {
  title: string;
  intro: string;
  operations: OpenApiOperation[];
}

const PLACE = { path: '路径', query: '查询参数' } as const;

/**
 * /open-api: the public API for people — what each operation answers, its parameters by their Chinese
 * names, and an address to try. Generated from the OpenAPI of the public routes (/open-api.json).
 */
export function OpenApiPage({ groups }: { groups: OpenApiGroup[] }) {
  return (
    <Layout title="开放数据接口">
      <div className="card">
        <h1>开放数据接口</h1>
        <p>
          以下接口无需登录，任何人或程序都可以调用，返回 JSON
          格式的公开信息（执法主体、执法人员证件、执法文书核验、存证账本、工作日计算），不含个人隐私。
          调用出错时返回 <code>{'{ "error": { "code", "message", "field" } }'}</code>，message 为中文说明。
        </p>
        <p>
          机器可读的接口说明（OpenAPI 3 格式）：<a href="/open-api.json">/open-api.json</a>
          。批量下载执法决定等公开数据，见<a href="/open-data">开放数据</a>。
        </p>
        <nav aria-label="接口分类">
          <ul>
            {groups.map((g) => (
              <li key={g.title}>
                <a href={`#${anchor(g.title)}`}>{g.title}</a>（{g.operations.length} 个）
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {groups.map((g) => (
        <section className="card" key={g.title} aria-labelledby={anchor(g.title)}>
          <h2 id={anchor(g.title)}>{g.title}</h2>
          <p className="muted">{g.intro}</p>
          {g.operations.map((op) => (
            <article key={`${op.method} ${op.path}`} data-testid="open-api-operation">
              <h3>{op.summary}</h3>
              <p>
                <code>
                  {op.method} {op.template}
                </code>
              </p>
              {op.parameters.length > 0 ? (
                <table className="stack" aria-label={`${op.summary}：参数`}>
                  <thead>
                    <tr>
                      <th scope="col">名称</th>
                      <th scope="col">参数名</th>
                      <th scope="col">位置</th>
                      <th scope="col">说明</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <td data-label="名称">{p.title}</td>
                        <td data-label="参数名">
                          <code>{p.name}</code>
                        </td>
                        <td data-label="位置">{PLACE[p.in]}</td>
                        <td data-label="说明">
                          {p.required
                            ? '必填'
                            : p.defaultValue !== null
                              ? `可选，默认 ${p.defaultValue}`
                              : '可选'}
                          {p.description ? `；${p.description}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {op.exampleUrl ? (
                <p>
                  示例：<a href={op.exampleUrl}>{decodeURI(op.exampleUrl)}</a>
                </p>
              ) : null}
            </article>
          ))}
        </section>
      ))}
    </Layout>
  );
}

const anchor = (title: string) => `g-${encodeURIComponent(title).replace(/%/g, '')}`;
