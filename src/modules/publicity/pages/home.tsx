import { Layout } from './layout.tsx';

export function HomePage({ agencies, officers }: { agencies: number; officers: number }) {
  return (
    <Layout title="首页">
      <div className="card">
        <h1>行政执法公示</h1>
        <p>
          本平台公示本地区 {agencies} 个行政执法主体和 {officers}{' '}
          名持证执法人员的信息。执法人员执法时应当主动出示执法证件；
          您可以输入证件编号或扫描证件上的二维码，核验其执法资格。
        </p>
        <form className="search" method="get" action="/officers">
          <input name="q" placeholder="输入执法证件编号或姓名" aria-label="执法证件编号或姓名" />
          <button type="submit">核验 / 查询</button>
        </form>
      </div>
      <div className="card">
        <h2>公示内容</h2>
        <ul>
          <li>
            <a href="/agencies">行政执法主体</a>：名称、类型、职能、内设机构、联系方式、委托执法信息
          </li>
          <li>
            <a href="/officers">执法人员名录</a>：姓名、执法证件编号、执法类别、执法区域、证件状态
          </li>
          <li>
            <a href="/api/docs">开放接口</a>：公示数据的程序化查询接口
          </li>
        </ul>
      </div>
    </Layout>
  );
}
