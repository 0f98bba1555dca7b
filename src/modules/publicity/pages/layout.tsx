import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

// Server-rendered, no JavaScript: readable with scripts off and fast on a phone (issue 2).
const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f6f8;line-height:1.6}
header{background:#a61b1b;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none}header .brand{font-size:20px;font-weight:600}
nav{display:flex;gap:16px;flex-wrap:wrap;margin-top:4px;font-size:15px}main{max-width:960px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h1{font-size:22px;margin:0 0 12px}h2{font-size:18px;margin:0 0 8px}table{width:100%;border-collapse:collapse;font-size:14px}
th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #eee;vertical-align:top}th{color:#666;font-weight:500;white-space:nowrap}
.scroll{overflow-x:auto}dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}dt{color:#666}dd{margin:0}
.tag{display:inline-block;padding:0 8px;border-radius:4px;font-size:13px;margin:0 4px 4px 0;background:#f0f0f0}
.ok{background:#e8f7ee;color:#137333}.bad{background:#fdecea;color:#b3261e}.warn{background:#fff4e5;color:#8a5300}
.verdict{font-size:24px;font-weight:700;padding:12px 16px;border-radius:8px;margin-bottom:12px}
form.search{display:flex;gap:8px;flex-wrap:wrap}form.search input,form.search select{flex:1;min-width:160px;padding:8px;font-size:16px;border:1px solid #ccc;border-radius:6px}
form.search button{padding:8px 16px;font-size:16px;border:0;border-radius:6px;background:#a61b1b;color:#fff}
.muted{color:#777;font-size:13px}a{color:#a61b1b}.pager{display:flex;gap:12px;margin-top:12px}
form.upload{display:flex;flex-direction:column;gap:12px;margin:12px 0}form.upload label{display:flex;flex-direction:column;gap:4px}
form.upload input{font-size:16px;max-width:100%}form.upload button{align-self:flex-start;padding:8px 24px;font-size:16px;border:0;border-radius:6px;background:#a61b1b;color:#fff}
ul.checks{list-style:none;padding:0;margin:0}ul.checks li{padding:8px 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}
.qr{width:180px;height:180px}footer{text-align:center;color:#999;font-size:12px;padding:24px}
form.search label.field{display:flex;flex-direction:column;gap:2px;flex:1;min-width:140px;font-size:14px;color:#555}
ul.decisions{list-style:none;padding:0;margin:0}ul.decisions li{padding:12px 0;border-bottom:1px solid #eee}ul.decisions p{margin:4px 0 0}
.decision-title{font-size:16px;font-weight:600}dd.text{white-space:pre-wrap}code.hash{overflow-wrap:anywhere;word-break:break-all}
ol.flow{list-style:none;padding:0;margin:8px 0}.flow-stage{display:inline-block;border:1px solid #a61b1b;border-radius:6px;padding:4px 10px;background:#fff7f7;font-weight:600}
.flow-step{margin:6px 0 10px 14px}.flow-arrow{color:#a61b1b}.flow-also{margin:4px 0 0 14px}ul.plain{margin:0;padding-left:18px}.flow-block{margin-bottom:16px}
@media (max-width:600px){dl{grid-template-columns:1fr}dt{margin-top:6px}main{padding:8px}}
`;

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - 明镜 行政执法公示平台`}</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          <a className="brand" href="/">
            明镜 · 行政执法公示平台
          </a>
          <nav>
            <a href="/">首页</a>
            <a href="/decisions">执法决定</a>
            <a href="/agencies">执法主体</a>
            <a href="/officers">执法人员</a>
            <a href="/ledger">存证账本</a>
            <a href="/verify">回执核验</a>
          </nav>
        </header>
        <main>{children}</main>
        <footer>谁执法谁公示 · 本平台公示信息不含个人隐私数据</footer>
      </body>
    </html>
  );
}

export function render(node: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(node)}`;
}

export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <div className="card">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/officers">查询执法人员</a>
        </p>
      </div>
    </Layout>
  );
}
