import { Layout } from './layout.tsx';

// 开放数据 (P14): what can be downloaded, in words a citizen or a credit platform's operator understands.

const DATASETS = [
  {
    href: '/open-data/decisions.csv',
    name: '执法决定公开信息（CSV）',
    what: '公开中的全部执法决定，一行一项，首行为字段名，UTF-8 编码，可用表格软件打开。',
  },
  {
    href: '/open-data/decisions.json',
    name: '执法决定公开信息（JSON，分页）',
    what: '供程序读取；参数 page（页码）和 pageSize（每页条数，最多1000），返回总数 total。',
  },
  {
    href: '/open-data/shuanggongshi/xzcf.csv',
    name: '“双公示”行政处罚信息（CSV）',
    what: '按信用信息共享平台的行政处罚字段格式导出，金额单位为万元；自然人的证件号码不公开。',
  },
  {
    href: '/open-data/shuanggongshi/xzxk.csv',
    name: '“双公示”行政许可信息（CSV）',
    what: '按行政许可字段格式导出。本平台尚未办理或导入行政许可决定，目前只有字段名一行。',
  },
  {
    href: '/feeds/decisions.atom',
    name: '执法决定订阅源（Atom）',
    what: '新公开和撤下的执法决定，可用订阅阅读器订阅。',
  },
  {
    href: '/api/public/agencies',
    name: '行政执法主体名录（JSON）',
    what: '全部执法主体的名称、类型、统一社会信用代码、职责和联系方式。',
  },
];

export function OpenDataPage({ formatVersion }: { formatVersion: string }) {
  return (
    <Layout title="开放数据">
      <div className="card">
        <h1>开放数据</h1>
        <p>
          本平台公开的信息可以免费下载和使用。数据只包含依法公开的内容，不含个人的证件号码、电话、住址等信息。
        </p>
        <ul className="decisions">
          {DATASETS.map((d) => (
            <li key={d.href}>
              <a className="decision-title" href={d.href}>
                {d.name}
              </a>
              <p>{d.what}</p>
            </li>
          ))}
        </ul>
        <p className="muted">
          “双公示”文件的格式版本：{formatVersion}。格式调整时版本号随之变更，原有字段不会被悄悄改变。
        </p>
      </div>
    </Layout>
  );
}
