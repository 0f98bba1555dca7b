import { formatYuan } from '../../../platform/identifiers/money.ts';
import type { PublicDecisionDetail, PublicDecisionSummary } from '../public-decisions.ts';
import { DECISION_CATEGORIES, DECISION_CATEGORY_LABELS } from '../rules/publication.ts';
import { Layout } from './layout.tsx';

// 执法决定公开 on the portal (P8, P13): a citizen searches decisions by party, agency, category, 文号, dates
// or any words; each decision shows what the agency published. Plain HTML forms: works without JavaScript.

const cn = (iso: string | null) => {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export interface DecisionListProps {
  items: PublicDecisionSummary[];
  total: number;
  page: number;
  pageSize: number;
  query: {
    q: string;
    agencyId: string;
    category: string;
    from: string;
    to: string;
    view: 'shown' | 'withdrawn';
  };
  agencies: { id: string; name: string }[];
}

function href(q: DecisionListProps['query'], page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v && !(k === 'view' && v === 'shown')) p.set(k, v);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `/decisions?${s}` : '/decisions';
}

function DecisionCard({ d }: { d: PublicDecisionSummary }) {
  return (
    <li className="decision">
      <a href={`/decisions/${d.id}`} className="decision-title">
        {d.withdrawal
          ? `【已撤下】${d.documentNumber ?? d.agencyName}`
          : d.caseCause || d.documentNumber || '执法决定'}
      </a>
      <div className="muted">
        <span className="tag">{d.categoryLabel}</span>
        {d.agencyName} · {cn(d.decidedOn)}
        {d.documentNumber ? ` · ${d.documentNumber}` : ''}
      </div>
      {d.withdrawal ? (
        <p>
          {d.withdrawal.reasonLabel}，已于{cn(d.withdrawal.withdrawnOn)}撤下。
        </p>
      ) : (
        <p>
          执法对象：{d.partyName}
          {d.content ? `；${d.content}` : ''}
        </p>
      )}
    </li>
  );
}

export function DecisionListPage(props: DecisionListProps) {
  const { items, total, page, pageSize, query, agencies } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const withdrawn = query.view === 'withdrawn';
  return (
    <Layout title={withdrawn ? '已撤下的执法决定' : '执法决定公开'}>
      <div className="card">
        <h1>{withdrawn ? '已撤下的执法决定' : '执法决定公开'}</h1>
        <p className="muted">
          {withdrawn
            ? '执法决定被依法撤销、变更、确认违法、确认无效或者要求重新作出的，执法机关撤下原决定信息，并在此公开撤下的理由。'
            : '各执法机关作出的行政处罚、行政强制、行政检查等执法决定，自作出之日起按期公开；涉及个人的证件号码、电话、住址等信息已依法隐去。'}
        </p>
        <form className="search" method="get" action="/decisions" aria-label="检索执法决定">
          <label className="field">
            <span>关键词</span>
            <input name="q" defaultValue={query.q} maxLength={100} placeholder="当事人、文号、违法行为等" />
          </label>
          <label className="field">
            <span>执法机关</span>
            <select name="agencyId" defaultValue={query.agencyId}>
              <option value="">全部</option>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>执法类别</span>
            <select name="category" defaultValue={query.category}>
              <option value="">全部</option>
              {DECISION_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {DECISION_CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>决定日期自</span>
            <input type="date" name="from" defaultValue={query.from} />
          </label>
          <label className="field">
            <span>至</span>
            <input type="date" name="to" defaultValue={query.to} />
          </label>
          {withdrawn && <input type="hidden" name="view" value="withdrawn" />}
          <button type="submit">查询</button>
        </form>
        <p>
          {withdrawn ? (
            <a href="/decisions">查看公开中的执法决定</a>
          ) : (
            <a href="/decisions?view=withdrawn">查看已撤下的执法决定及理由</a>
          )}
          {' · '}
          <a href="/open-data">下载开放数据</a>
        </p>
      </div>
      <div className="card">
        {total === 0 ? (
          <p data-testid="decision-empty">没有找到符合条件的执法决定。可以减少关键词或放宽日期后再查。</p>
        ) : items.length === 0 ? (
          <p>
            共 {total} 条，本页已超出范围。<a href={href(query, 1)}>回到第一页</a>
          </p>
        ) : (
          <>
            <p className="muted" data-testid="decision-total">
              共 {total} 条，第 {page} / {pages} 页
            </p>
            <ul className="decisions">
              {items.map((d) => (
                <DecisionCard key={d.id} d={d} />
              ))}
            </ul>
          </>
        )}
        {pages > 1 && (
          <nav className="pager" aria-label="翻页">
            {page > 1 && page <= pages && <a href={href(query, page - 1)}>上一页</a>}
            {page < pages && <a href={href(query, page + 1)}>下一页</a>}
          </nav>
        )}
      </div>
    </Layout>
  );
}

export function DecisionPage({ d }: { d: PublicDecisionDetail }) {
  const n = d.notice;
  const title = d.withdrawal ? '已撤下的执法决定' : n?.caseCause || '执法决定';
  return (
    <Layout title={title}>
      <div className="card">
        <h1>{title}</h1>
        {d.withdrawal && (
          <div className="verdict warn" data-testid="withdrawn">
            本执法决定信息已于{cn(d.withdrawal.withdrawnOn)}撤下。理由：{d.withdrawal.reasonLabel}。
            {d.withdrawal.note}
          </div>
        )}
        <dl>
          <dt>执法机关</dt>
          <dd>
            <a href={`/agencies/${d.agencyId}`}>{d.agencyName}</a>
          </dd>
          <dt>执法类别</dt>
          <dd>{d.categoryLabel}</dd>
          <dt>决定书文号</dt>
          <dd>{d.documentNumber ?? '—'}</dd>
          <dt>决定日期</dt>
          <dd>{cn(d.decidedOn)}</dd>
          <dt>执法对象</dt>
          <dd>{d.partyName}</dd>
          {n && (
            <>
              <dt>对象类别</dt>
              <dd>{n.partyCategory}</dd>
              {n.partyCode && (
                <>
                  <dt>统一社会信用代码</dt>
                  <dd>{n.partyCode}</dd>
                </>
              )}
              {n.legalRepresentative && (
                <>
                  <dt>法定代表人</dt>
                  <dd>{n.legalRepresentative}</dd>
                </>
              )}
              <dt>执法事项</dt>
              <dd>{n.itemName}</dd>
              <dt>违法行为类型</dt>
              <dd>{n.caseCause}</dd>
              {n.facts && (
                <>
                  <dt>主要事实</dt>
                  <dd className="text">{n.facts}</dd>
                </>
              )}
              {n.violatedProvision && (
                <>
                  <dt>违反的规定</dt>
                  <dd>{n.violatedProvision}</dd>
                </>
              )}
              <dt>执法依据</dt>
              <dd>{n.legalBasis || '—'}</dd>
              <dt>执法结论</dt>
              <dd data-testid="decision-content">{n.content || '—'}</dd>
              {n.fineFen !== null && (
                <>
                  <dt>罚款金额</dt>
                  <dd>{formatYuan(n.fineFen)}</dd>
                </>
              )}
              {n.confiscatedFen !== null && (
                <>
                  <dt>没收金额</dt>
                  <dd>{formatYuan(n.confiscatedFen)}</dd>
                </>
              )}
              <dt>公开日期</dt>
              <dd>{cn(d.publishedOn)}</dd>
              <dt>公示截止</dt>
              <dd>{cn(d.periodUntil)}</dd>
            </>
          )}
        </dl>
        {d.noticeHash && (
          <details>
            <summary>本公开信息是否被改动过？</summary>
            <p className="muted">
              本条公开信息发布时已记入平台的存证账本，其内容摘要（SM3）为{' '}
              <code className="hash">{d.noticeHash}</code>
              。账本只能追加、不能改写，可在<a href="/ledger">存证账本</a>页面了解核验方法。
            </p>
          </details>
        )}
        <p>
          <a href="/decisions">返回执法决定列表</a>
        </p>
      </div>
    </Layout>
  );
}
