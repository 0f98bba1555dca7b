import { portalContext } from '../portal-context.ts';
import { Layout } from './layout.tsx';

export function HomePage({ agencies, officers }: { agencies: number; officers: number }) {
  const { name, regionName } = portalContext();
  return (
    <Layout title="首页">
      <div className="card">
        <h1>{name}</h1>
        <p data-testid="home-counts">
          本平台公示{regionName ?? '本地区'} {agencies} 个行政执法主体和 {officers}{' '}
          名持有有效执法证件的执法人员的信息。执法人员执法时应当主动出示执法证件；
          您可以输入证件编号或扫描证件上的二维码，核验其执法资格。
        </p>
        <form className="search" method="get" action="/officers">
          <label>
            执法证件编号或姓名
            <input name="q" placeholder="如：皖03123456 或 张三" />
          </label>
          <button type="submit">核验 / 查询</button>
        </form>
      </div>
      <div className="card">
        <h2>公示内容</h2>
        <ul>
          <li>
            <a href="/decisions">执法决定</a>：行政处罚、行政许可等执法决定的公开信息
          </li>
          <li>
            <a href="/agencies">行政执法主体</a>：名称、类型、职能、内设机构、联系方式、委托执法信息
          </li>
          <li>
            <a href="/officers">执法人员名录</a>：姓名、执法证件编号、执法类别、执法区域、证件状态
          </li>
          <li>
            <a href="/ledger">存证账本</a>：证明执法记录登记后没有被改动；<a href="/verify">回执核验</a>
            可核对您手中的文书或存证回执
          </li>
          <li>
            <a href="/open-data">开放数据</a>：公示数据批量下载；<a href="/open-api">开放数据接口</a>
            ：供程序查询公示数据的公开接口说明
          </li>
        </ul>
      </div>
    </Layout>
  );
}
