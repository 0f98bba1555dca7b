import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { portalContext } from '../portal-context.ts';

// Server-rendered, no JavaScript: readable with scripts off and fast on a phone (issue 2). Colours meet
// WCAG AA contrast (4.5:1 for text); long codes and hashes wrap instead of widening the page.
const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f6f8;line-height:1.6}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#a61b1b;padding:8px 12px;z-index:10}.skip:focus{left:8px;top:8px}
header{background:#a61b1b;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none}header .brand{font-size:20px;font-weight:600;display:block;line-height:1.35}
header .sub{display:block;font-size:12px;opacity:.95}
nav ul{display:flex;gap:4px 16px;flex-wrap:wrap;margin:6px 0 0;padding:0;list-style:none;font-size:15px}nav a{display:inline-block;padding:2px 0}
nav a[aria-current="page"]{border-bottom:2px solid #fff;font-weight:600}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #1a56db;outline-offset:2px}
header a:focus-visible{outline-color:#fff}
main{display:block;max-width:960px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.06);overflow-wrap:anywhere}
h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:0 0 8px}h3{font-size:16px;margin:12px 0 4px}
table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #eee;vertical-align:top}th{color:#595959;font-weight:500;white-space:nowrap}
.scroll{overflow-x:auto}dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}dt{color:#595959}dd{margin:0;min-width:0;overflow-wrap:anywhere}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere;word-break:break-all}
article+article{border-top:1px solid #eee;margin-top:16px;padding-top:8px}
.tag{justify-self:start;display:inline-block;padding:0 8px;border-radius:4px;font-size:13px;margin:0 4px 4px 0;background:#f0f0f0}
.ok{background:#e8f7ee;color:#11652d}.bad{background:#fdecea;color:#a4231b}.warn{background:#fff4e5;color:#7a4900}
.verdict{font-size:22px;font-weight:700;padding:12px 16px;border-radius:8px;margin-bottom:12px}
form.search{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-end}form.search label{flex:1;min-width:180px;display:flex;flex-direction:column;gap:2px;font-size:14px;color:#595959}
form.search input,form.search select{width:100%;padding:8px;font-size:16px;border:1px solid #767676;border-radius:6px;background:#fff;color:#1f1f1f}
form.search button{padding:8px 16px;font-size:16px;border:0;border-radius:6px;background:#a61b1b;color:#fff;cursor:pointer}
.muted{color:#595959;font-size:13px}a{color:#a61b1b}.pager{display:flex;gap:12px;flex-wrap:wrap;margin-top:12px;align-items:baseline}
form.upload{display:flex;flex-direction:column;gap:12px;margin:12px 0}form.upload label{display:flex;flex-direction:column;gap:4px}
form.upload input{font-size:16px;max-width:100%}form.upload button{align-self:flex-start;padding:8px 24px;font-size:16px;border:0;border-radius:6px;background:#a61b1b;color:#fff;cursor:pointer}
ul.checks{list-style:none;padding:0;margin:0}ul.checks li{padding:8px 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}
details{margin-top:12px}summary{cursor:pointer;color:#a61b1b}code{overflow-wrap:anywhere;word-break:break-all}
ol.steps{padding-left:1.5em;margin:8px 0}ol.steps li{margin:4px 0}
form.search label.field{display:flex;flex-direction:column;gap:2px;flex:1;min-width:140px;font-size:14px;color:#595959}
ul.decisions{list-style:none;padding:0;margin:0}ul.decisions li{padding:12px 0;border-bottom:1px solid #eee}ul.decisions p{margin:4px 0 0}
.decision-title{font-size:16px;font-weight:600}dd.text{white-space:pre-wrap}code.hash{overflow-wrap:anywhere;word-break:break-all}
ol.flow{list-style:none;padding:0;margin:8px 0}.flow-stage{display:inline-block;border:1px solid #a61b1b;border-radius:6px;padding:4px 10px;background:#fff7f7;font-weight:600}
.flow-step{margin:6px 0 10px 14px}.flow-arrow{color:#a61b1b}.flow-also{margin:4px 0 0 14px}ul.plain{margin:0;padding-left:18px}.flow-block{margin-bottom:16px}
.qr{width:180px;height:180px}footer{text-align:center;color:#595959;font-size:12px;padding:24px}
@media (max-width:600px){dl{grid-template-columns:1fr;gap:0}dt{margin-top:8px}main{padding:8px}h1{font-size:20px}.verdict{font-size:18px}
table.stack thead{display:none}table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr{border-bottom:1px solid #ddd;padding:8px 0}table.stack td{border:0;padding:2px 0;display:grid;grid-template-columns:6.5em 1fr;gap:8px}
table.stack td::before{content:attr(data-label);color:#595959}}
`;

/** The portal's pages: [path, label], in the header's order. */
const NAV: readonly (readonly [string, string])[] = [
  ['/', '首页'],
  ['/decisions', '执法决定'],
  ['/agencies', '执法主体'],
  ['/officers', '执法人员'],
  ['/ledger', '存证账本'],
  ['/verify', '回执核验'],
  ['/open-data', '开放数据'],
];

const isCurrent = (href: string, path: string) =>
  href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);

/**
 * The page shell every portal page renders in: the portal's name (the region it serves), the
 * navigation, the page's `<main>` and the footer.
 */
export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const portal = portalContext();
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${portal.name}`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <a className="skip" href="#main">
          跳到正文
        </a>
        <header>
          <a className="brand" href="/" data-testid="portal-name">
            {portal.name}
          </a>
          <span className="sub">明镜 · 行政执法公示</span>
          <nav aria-label="主导航">
            <ul>
              {NAV.map(([href, label]) => (
                <li key={href}>
                  <a href={href} aria-current={isCurrent(href, portal.path) ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer>
          <p>谁执法谁公示 · 本平台公示信息不含个人隐私数据</p>
        </footer>
      </body>
    </html>
  );
}

export function render(node: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(node)}`;
}

/** An error as a page: what went wrong in plain words, and the way back. */
export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <div className="card" data-testid="error-page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">返回首页</a>　·　<a href="/officers">查询执法人员</a>
        </p>
      </div>
    </Layout>
  );
}
