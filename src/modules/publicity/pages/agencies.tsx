import type { PublicAgency } from '../../org/service.ts';
import { Layout } from './layout.tsx';

export function AgencyListPage({ agencies }: { agencies: PublicAgency[] }) {
  return (
    <Layout title="执法主体">
      <div className="card">
        <h1>行政执法主体（共 {agencies.length} 个）</h1>
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">主体类型</th>
              <th scope="col">行政区划</th>
              <th scope="col">联系电话</th>
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <td data-label="名称">
                  <a href={`/agencies/${a.id}`}>{a.name}</a>
                </td>
                <td data-label="主体类型">{a.typeLabel}</td>
                <td data-label="行政区划">{a.regionName}</td>
                <td data-label="联系电话">{a.contactPhone || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}

export function AgencyPage({
  agency,
  officerCount,
  invalidCount,
  auxiliaryCount,
}: {
  agency: PublicAgency;
  /** Officers whose certificate is valid today (Beijing time). */
  officerCount: number;
  /** Officers whose certificate is suspended, revoked, expired or not yet valid. */
  invalidCount: number;
  auxiliaryCount: number;
}) {
  const e = agency.entrustment;
  return (
    <Layout title={agency.name}>
      <div className="card">
        <h1>{agency.name}</h1>
        <p>
          <a href={`/agencies/${agency.id}/items`}>行政执法事项清单（服务指南、流程图）</a>
          {' · '}
          <a href={`/agencies/${agency.id}/items?random=1`}>随机抽查事项清单</a>
          {' · '}
          <a href={`/decisions?agencyId=${agency.id}`}>执法决定公开</a>
        </p>
        <dl>
          <dt>主体类型</dt>
          <dd>{agency.typeLabel}</dd>
          <dt>统一社会信用代码</dt>
          <dd>{agency.uscc}</dd>
          <dt>行政区划</dt>
          <dd>{agency.regionName}</dd>
          <dt>设立依据</dt>
          <dd>{agency.legalBasis || '—'}</dd>
          <dt>职能</dt>
          <dd>{agency.functions || '—'}</dd>
          <dt>联系电话</dt>
          <dd>{agency.contactPhone || '—'}</dd>
          <dt>地址</dt>
          <dd>{agency.contactAddress || '—'}</dd>
          {agency.parentId ? (
            <>
              <dt>上级主体</dt>
              <dd>
                <a href={`/agencies/${agency.parentId}`}>{agency.parentName}</a>
              </dd>
            </>
          ) : null}
          <dt>执法人员</dt>
          <dd data-testid="agency-officer-counts">
            <a href={`/officers?agency=${agency.id}`}>
              持有效执法证件 {officerCount} 人
              {invalidCount > 0 ? `，证件已失效或暂扣 ${invalidCount} 人` : ''}，执法辅助人员 {auxiliaryCount}{' '}
              人
            </a>
          </dd>
        </dl>
      </div>
      {e ? (
        <div className="card">
          <h2>委托执法信息</h2>
          <dl>
            <dt>委托机关</dt>
            <dd>
              <a href={`/agencies/${e.entrustingAgencyId}`}>{e.entrustingAgencyName}</a>
            </dd>
            <dt>委托依据</dt>
            <dd>{e.basis}</dd>
            <dt>委托事项</dt>
            <dd>{e.items}</dd>
            <dt>委托权限</dt>
            <dd>{e.powers}</dd>
            <dt>委托期限</dt>
            <dd>
              {e.termStart} 至 {e.termEnd}
            </dd>
          </dl>
        </div>
      ) : null}
      <div className="card">
        <h2>内设机构</h2>
        {agency.units.length === 0 ? (
          <p>—</p>
        ) : (
          <dl>
            {agency.units.map((u) => (
              <div key={u.name} style={{ display: 'contents' }}>
                <dt>{u.name}</dt>
                <dd>{u.functions || '—'}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {agency.subordinates.length > 0 ? (
        <div className="card">
          <h2>下属单位</h2>
          <ul>
            {agency.subordinates.map((s) => (
              <li key={s.id}>
                <a href={`/agencies/${s.id}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Layout>
  );
}
