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

/** How many pages `total` rows fill (none for no rows). */
export const pageCount = (total: number, pageSize: number) => Math.ceil(total / pageSize);

export function OfficerDirectoryPage(p: DirectoryProps) {
  const pages = pageCount(p.total, p.pageSize);
  const beyond = p.total > 0 && p.page > pages;
  const searched = p.q !== '' || p.agencyId !== '';
  const link = (page: number) => {
    const params = new URLSearchParams();
    if (p.q) params.set('q', p.q);
    if (p.agencyId) params.set('agency', p.agencyId);
    if (page > 1) params.set('page', String(page));
    const qs = params.toString();
    return qs ? `/officers?${qs}` : '/officers';
  };
  return (
    <Layout title={p.page > 1 ? `执法人员名录（第 ${p.page} 页）` : '执法人员名录'}>
      <div className="card">
        <h1>执法人员名录</h1>
        <form className="search" method="get" action="/officers">
          <label>
            姓名或执法证件编号
            <input name="q" defaultValue={p.q} />
          </label>
          <label>
            执法主体
            <select name="agency" defaultValue={p.agencyId}>
              <option value="">全部执法主体</option>
              {p.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">查询</button>
        </form>
      </div>
      <div className="card">
        <h2 data-testid="directory-total">
          {searched ? '符合条件的执法人员' : '执法人员'}（共 {p.total} 人）
        </h2>
        <p className="muted">
          只有证件状态为“有效”的执法人员可以从事行政执法；证件暂扣、注销或过期的人员不得执法。
        </p>
        {p.total === 0 ? (
          <p data-testid="directory-empty">
            {p.auxiliaries.length > 0
              ? '没有符合条件的持证执法人员；下方列出符合条件的执法辅助人员。'
              : searched
                ? '没有找到符合条件的执法人员。请检查姓名或证件编号是否输入正确。'
                : '目前没有公示的执法人员。'}
            {searched ? (
              <>
                {' '}
                <a href="/officers">查看全部执法人员</a>
              </>
            ) : null}
          </p>
        ) : beyond ? (
          <p data-testid="directory-beyond">
            没有第 {p.page} 页：查询结果共 {pages} 页。<a href={link(pages)}>转到第 {pages} 页</a>
            {pages > 1 ? (
              <>
                {'　'}
                <a href={link(1)}>回到第 1 页</a>
              </>
            ) : null}
          </p>
        ) : (
          <table className="stack" data-testid="officer-table">
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">执法证件编号</th>
                <th scope="col">执法主体</th>
                <th scope="col">执法类别</th>
                <th scope="col">执法区域</th>
                <th scope="col">证件状态</th>
              </tr>
            </thead>
            <tbody>
              {p.officers.map((o) => (
                <tr key={o.certificateNo}>
                  <td data-label="姓名">{o.name}</td>
                  <td data-label="证件编号">
                    <a href={`/officers/${encodeURIComponent(o.certificateNo ?? '')}`}>{o.certificateNo}</a>
                  </td>
                  <td data-label="执法主体">{o.agency}</td>
                  <td data-label="执法类别">{o.categories.map((c) => c.name).join('、') || '—'}</td>
                  <td data-label="执法区域">{o.region?.name ?? '—'}</td>
                  <td data-label="证件状态">
                    <span className={`tag ${statusClass(o.status)}`}>{o.statusLabel}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 && !beyond ? (
          <nav className="pager" aria-label="分页" data-testid="pager">
            {p.page > 1 ? <a href={link(p.page - 1)}>上一页</a> : null}
            <span>
              第 {p.page} 页，共 {pages} 页
            </span>
            {p.page < pages ? <a href={link(p.page + 1)}>下一页</a> : null}
          </nav>
        ) : null}
      </div>
      {p.auxiliaries.length > 0 ? (
        <div className="card">
          <h2>执法辅助人员</h2>
          <p className="muted">
            执法辅助人员不具有执法资格，不得独立执法或签署执法文书，只能在执法人员带领下协助工作。
          </p>
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">所属执法主体</th>
                <th scope="col">身份</th>
              </tr>
            </thead>
            <tbody>
              {p.auxiliaries.map((a) => (
                <tr key={`${a.agencyId}-${a.name}`}>
                  <td data-label="姓名">{a.name}</td>
                  <td data-label="所属主体">{a.agency}</td>
                  <td data-label="身份">
                    <span className="tag warn">执法辅助人员</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Layout>
  );
}
