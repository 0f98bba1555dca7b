import type { FlowStage } from '../rules/flow.ts';
import { Layout } from './layout.tsx';

// 行政执法事项清单 and 随机抽查事项清单 of an agency (P4, P5), and each item's 服务指南 with its 执法流程图 drawn
// from the workflow the platform runs. Plain HTML: readable without JavaScript, top to bottom on a phone.

export interface PublicItem {
  id: string;
  code: string;
  name: string;
  typeLabel: string;
  legalBasis: string;
  requiresAv: boolean;
  isRandomInspection: boolean;
}

export function ItemListPage({
  agency,
  items,
  randomOnly,
}: {
  agency: { id: string; name: string };
  items: PublicItem[];
  randomOnly: boolean;
}) {
  const title = randomOnly ? '随机抽查事项清单' : '行政执法事项清单';
  return (
    <Layout title={`${agency.name} ${title}`}>
      <div className="card">
        <h1>
          {agency.name}
          <br />
          {title}
        </h1>
        <p className="muted">
          {randomOnly
            ? '本机关“双随机、一公开”监管中随机抽取检查对象、随机选派执法检查人员实施检查的事项。'
            : '本机关依法实施的行政执法事项，每项附服务指南和执法流程图。标注“随机抽查”的事项同时列入随机抽查事项清单。'}
        </p>
        <p>
          <a href={`/agencies/${agency.id}`}>返回执法主体</a>
          {' · '}
          {randomOnly ? (
            <a href={`/agencies/${agency.id}/items`}>查看全部执法事项</a>
          ) : (
            <a href={`/agencies/${agency.id}/items?random=1`}>只看随机抽查事项</a>
          )}
        </p>
        {items.length === 0 ? (
          <p data-testid="items-empty">
            {randomOnly ? '本机关尚未公布随机抽查事项。' : '本机关尚未公布执法事项。'}
          </p>
        ) : (
          <ul className="decisions" data-testid="item-list">
            {items.map((i) => (
              <li key={i.id}>
                <a className="decision-title" href={`/items/${i.id}`}>
                  {i.name}
                </a>
                <div className="muted">
                  <span className="tag">{i.typeLabel}</span>
                  {i.isRandomInspection && <span className="tag">随机抽查</span>}
                  事项编码 {i.code}
                </div>
                <p>实施依据：{i.legalBasis}</p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  );
}

export interface GuideProps {
  item: PublicItem & { agencyId: string; agencyName: string };
  contact: { phone: string; address: string };
  timeLimits: string[];
  remedies: string[];
  flows: { label: string; opening: { label: string; who: string[] }; stages: FlowStage[] }[];
}

function Flow({ label, opening, stages }: GuideProps['flows'][number]) {
  return (
    <section className="flow-block" aria-label={`${label}流程图`}>
      <h3>{label}</h3>
      <ol className="flow">
        <li className="flow-step">
          <span className="flow-arrow">开始：{opening.label}</span>
          {opening.who.length > 0 && <span className="muted">（{opening.who.join('、')}）</span>}
        </li>
        {stages.map((s) => (
          <li key={s.key}>
            <div className="flow-stage">{s.label}</div>
            {s.within.length > 0 && <p className="muted flow-also">本阶段办理：{s.within.join('、')}</p>}
            {s.also.length > 0 && (
              <p className="muted flow-also">
                也可能：{s.also.map((a) => `${a.label}（${a.who.join('、')}）→ ${a.toLabel}`).join('；')}
              </p>
            )}
            {s.next && (
              <div className="flow-step">
                <span className="flow-arrow">↓ {s.next.label}</span>
                <span className="muted">
                  （{s.next.who.join('、')}
                  {s.next.documents.length > 0 ? `；文书：${s.next.documents.join('、')}` : ''}）
                </span>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ItemGuidePage({ item, contact, timeLimits, remedies, flows }: GuideProps) {
  return (
    <Layout title={`${item.name} 服务指南`}>
      <div className="card">
        <h1>{item.name}</h1>
        <p className="muted">服务指南 · 事项编码 {item.code}</p>
        <dl>
          <dt>事项类型</dt>
          <dd>{item.typeLabel}</dd>
          <dt>实施主体</dt>
          <dd>
            <a href={`/agencies/${item.agencyId}`}>{item.agencyName}</a>
          </dd>
          <dt>实施依据</dt>
          <dd>{item.legalBasis}</dd>
          <dt>实施对象</dt>
          <dd>违反上述规定的公民、法人或者其他组织</dd>
          <dt>办理时限</dt>
          <dd>
            {timeLimits.length > 0 ? (
              <ul className="plain">
                {timeLimits.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            ) : (
              '依照实施依据的规定'
            )}
          </dd>
          <dt>全过程记录</dt>
          <dd>{item.requiresAv ? '现场执法等环节全程音像记录' : '文字记录；重要环节音像记录'}</dd>
          <dt>救济途径</dt>
          <dd>
            <ul className="plain">
              {remedies.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </dd>
          <dt>咨询电话</dt>
          <dd>{contact.phone || '—'}</dd>
          <dt>办公地址</dt>
          <dd>{contact.address || '—'}</dd>
        </dl>
      </div>
      <div className="card">
        <h2>执法流程图</h2>
        {flows.length === 0 ? (
          <p>本事项按实施依据规定的程序办理。</p>
        ) : (
          <>
            <p className="muted">流程图由平台实际运行的办案流程自动生成，与办案系统的每一步一致。</p>
            {flows.map((f) => (
              <Flow key={f.label} {...f} />
            ))}
          </>
        )}
      </div>
    </Layout>
  );
}
