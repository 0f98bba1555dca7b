import type { PublicOfficer } from '../../org/service.ts';
import { Layout } from './layout.tsx';

const statusClass = (s: string) => (s === 'valid' ? 'ok' : s === 'suspended' ? 'warn' : 'bad');

export function OfficerVerifyPage({
  officer,
  qrUrl,
  checkedAt,
}: {
  officer: PublicOfficer;
  qrUrl: string;
  checkedAt: string;
}) {
  const valid = officer.status === 'valid';
  return (
    <Layout title={`执法人员核验 ${officer.certificateNo ?? ''}`}>
      <div className="card">
        <h1>执法人员身份核验</h1>
        <div className={`verdict ${valid ? 'ok' : 'bad'}`} data-testid="verdict">
          {valid ? '✔ 执法证件有效' : `✘ 执法证件${officer.statusLabel}，不得从事行政执法`}
        </div>
        <dl>
          <dt>姓名</dt>
          <dd data-testid="officer-name">{officer.name}</dd>
          <dt>执法证件编号</dt>
          <dd>{officer.certificateNo}</dd>
          <dt>所属执法主体</dt>
          <dd>
            <a href={`/agencies/${officer.agencyId}`}>{officer.agency}</a>
          </dd>
          <dt>执法类别</dt>
          <dd>
            {officer.categories.map((c) => (
              <span key={c.code} className="tag">
                {c.name}
              </span>
            ))}
          </dd>
          <dt>执法区域</dt>
          <dd>{officer.region?.name ?? '—'}</dd>
          <dt>证件状态</dt>
          <dd>
            <span className={`tag ${statusClass(officer.status)}`}>{officer.statusLabel}</span>
          </dd>
          <dt>有效期</dt>
          <dd>
            {officer.validFrom} 至 {officer.validUntil}
          </dd>
        </dl>
        <p className="muted">核验时间：{checkedAt}（北京时间）。扫描下方二维码可随时再次核验。</p>
        <img className="qr" src={qrUrl} alt="执法证件核验二维码" />
      </div>
    </Layout>
  );
}

export interface DirectoryProps {
  officers: PublicOfficer[];
  auxiliaries: PublicOfficer[];
  total: number;
  q: string;
  page: number;
  pageSize: number;
  agencies: { id: string; name: string }[];
  agencyId: string;
}

export function OfficerDirectoryPage(p: DirectoryProps) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (page: number) =>
    `/officers?${new URLSearchParams({ q: p.q, agency: p.agencyId, page: String(page) }).toString()}`;
  return (
    <Layout title="执法人员名录">
      <div className="card">
        <h1>执法人员名录</h1>
        <form className="search" method="get" action="/officers">
          <input
            name="q"
            defaultValue={p.q}
            placeholder="姓名或执法证件编号"
            aria-label="姓名或执法证件编号"
          />
          <select name="agency" defaultValue={p.agencyId} aria-label="执法主体">
            <option value="">全部执法主体</option>
            {p.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <button type="submit">查询</button>
        </form>
      </div>
      <div className="card">
        <h2>持证执法人员（共 {p.total} 人）</h2>
        <div className="scroll">
          <table>
            <thead>
              <tr>
                <th>姓名</th>
                <th>执法证件编号</th>
                <th>执法主体</th>
                <th>执法类别</th>
                <th>执法区域</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {p.officers.map((o) => (
                <tr key={o.certificateNo}>
                  <td>{o.name}</td>
                  <td>
                    <a href={`/officers/${encodeURIComponent(o.certificateNo ?? '')}`}>{o.certificateNo}</a>
                  </td>
                  <td>{o.agency}</td>
                  <td>{o.categories.map((c) => c.name).join('、')}</td>
                  <td>{o.region?.name ?? '—'}</td>
                  <td>
                    <span className={`tag ${statusClass(o.status)}`}>{o.statusLabel}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.officers.length === 0 ? <p>没有符合条件的执法人员。</p> : null}
        <div className="pager">
          {p.page > 1 ? <a href={link(p.page - 1)}>上一页</a> : null}
          <span className="muted">
            第 {p.page} / {pages} 页
          </span>
          {p.page < pages ? <a href={link(p.page + 1)}>下一页</a> : null}
        </div>
      </div>
      {p.auxiliaries.length > 0 ? (
        <div className="card">
          <h2>执法辅助人员</h2>
          <p className="muted">
            执法辅助人员不具有执法资格，不得独立执法或签署执法文书，只能在执法人员带领下协助工作。
          </p>
          <div className="scroll">
            <table>
              <thead>
                <tr>
                  <th>姓名</th>
                  <th>所属执法主体</th>
                  <th>身份</th>
                </tr>
              </thead>
              <tbody>
                {p.auxiliaries.map((a) => (
                  <tr key={`${a.agencyId}-${a.name}`}>
                    <td>{a.name}</td>
                    <td>{a.agency}</td>
                    <td>
                      <span className="tag warn">执法辅助人员</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </Layout>
  );
}
