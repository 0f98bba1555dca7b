// 法制审核 stories (行政处罚法 art. 58): major cases at every stage of the review — corrected and
// resubmitted (the reviewer's work today), agreed and decided, and a disputed 纠正 waiting for the head.
// Each step goes through the same service and rules as a user's request.
import { REVIEW_CHECKLIST } from '../modules/cases/rules/legal-review.ts';
import type { DemoKit } from './case-kit.ts';
import { cnDay, on, SHOPS, type Shop } from './parties.ts';

/** Every point of the content checklist passed, except those given with their problem. */
const findings = (problems: Record<string, string> = {}) =>
  REVIEW_CHECKLIST.map((p) =>
    problems[p.point] ? { point: p.point, ok: false, note: problems[p.point] } : { point: p.point, ok: true },
  );

type Story = {
  title: string;
  summary: string;
  shop: Shop;
  /** The lead's day (days ago); the other steps follow it. */
  leadOn: number;
  fineYuan: number;
  facts: string;
  violated: string;
  basis: string;
  evidence: string[];
};

/**
 * A lead filed, investigated, notified of a fine the agency's catalogue calls major (对法人处以10万元以上
 * 罚款), its rights period over: the case the review is about, and its first submission's content.
 */
async function majorCase(k: DemoKit, s: Story) {
  const { o1, o2, head, step, lead, fileLead, draft, agencyLines, fine, expiredItem, record, camera1 } = k;
  const l = await lead(s.title, s.leadOn, s.summary, 'inspection', expiredItem);
  const id = await fileLead(l, s.leadOn - 1, s.shop, s.leadOn + 5);
  // 行政处罚法 art. 40: the investigation ends with evidence on file.
  await record(o1, id, {
    stepKey: 'investigation',
    mediaType: 'photo',
    title: `现场照片：${s.evidence[0] ?? '现场情况'}`,
    capturedDaysAgo: s.leadOn - 2,
    deviceId: camera1,
    location: s.shop.api.address!,
  });
  await step(o1, id, s.leadOn - 8, 'submit_for_review');
  const notify = { penalty: fine(s.fineYuan), servedOn: on(s.leadOn - 10) };
  await step(head, id, s.leadOn - 9, 'approve_proposal', {
    penalty: notify.penalty,
    opinion: '同意承办人员的拟处罚意见，依法告知当事人。',
  });
  await step(o1, id, s.leadOn - 10, 'notify_rights', notify, {
    document: await draft(
      o1,
      id,
      'penalty_rights_notice',
      s.leadOn - 10,
      {
        facts: s.facts,
        evidence: s.evidence,
        violatedProvision: s.violated,
        penaltyBasis: s.basis,
        ...agencyLines,
      },
      { action: 'notify_rights', payload: notify },
    ),
  });
  await step(o2, id, s.leadOn - 21, 'close_rights_period', {
    waived: true,
    waiverRef: '当事人书面声明放弃陈述、申辩和听证',
  });
  const submission = {
    penalty: fine(s.fineYuan),
    facts: s.facts,
    provisions: `违反${s.violated}，依据${s.basis}`,
    reviewerOfficerId: k.a.reviewer.officerId,
  };
  return { id, submission };
}

/** Corrected in the first round, revised and resubmitted: waiting for the reviewer (the workbench's). */
export async function reviewResubmitted(k: DemoKit): Promise<void> {
  const { o1, step, ctx, a } = k;
  const reviewer = ctx(a.reviewer);
  const { id, submission } = await majorCase(k, {
    title: '淮河粮油贸易公司涉嫌经营超过保质期的食用油',
    summary: '专项检查发现该公司仓库存放超过保质期的桶装食用油。',
    shop: SHOPS.oilTrader,
    leadOn: 34,
    fineYuan: 120_000,
    facts: `经查，当事人于${cnDay(70)}至${cnDay(36)}期间在其粮食物流园仓库存放并对外销售超过保质期的5升装食用植物油共计860桶，货值金额人民币68,800.00元，违法所得人民币9,460.00元。`,
    violated: '《中华人民共和国食品安全法》第三十四条第十项',
    basis: '《中华人民共和国食品安全法》第一百二十四条第一款第五项',
    evidence: ['现场检查笔录', '询问笔录', '进销货台账', '产品标签照片'],
  });
  await step(o1, id, 12, 'submit_legal_review', {
    ...submission,
    discretion: '货值金额较大，按一般情形处罚',
  });
  await step(reviewer, id, 10, 'record_review_opinion', {
    opinion: 'correct',
    reasons: '裁量理由未说明适用的裁量基准及阶次，违法所得未予没收，请按裁量基准补充裁量理由并核实违法所得。',
    findings: findings({
      law: '未说明适用《蚌埠市市场监督管理局行政处罚裁量基准》的阶次；违法所得9,460元未予没收',
    }),
  });
  await step(o1, id, 3, 'submit_legal_review', {
    ...submission,
    discretion:
      '货值金额六万元以上不足十万元，属《蚌埠市市场监督管理局行政处罚裁量基准》一般情形（第二阶次），罚款十二万元；违法所得已由当事人退还购买者，经核实有退款凭证，不再没收。',
    response: '已补充裁量基准及阶次；违法所得经核实已全部退还购买者，附退款凭证。',
  });
}

/** Agreed in one round, then decided by the head and served. */
export async function reviewAgreedAndDecided(k: DemoKit): Promise<void> {
  const { o1, head, step, ctx, a, draft, remedy, fine } = k;
  const reviewer = ctx(a.reviewer);
  const { id, submission } = await majorCase(k, {
    title: '佳味食品公司生产标签不符合规定的预包装食品',
    summary: '监督抽检发现该公司生产的糕点标签未标注生产日期。',
    shop: SHOPS.foodFactory,
    leadOn: 40,
    fineYuan: 150_000,
    facts: `经查，当事人于${cnDay(75)}至${cnDay(42)}期间生产标签未标注生产日期和保质期的预包装糕点共计3,200箱，货值金额人民币96,000.00元，已全部召回。`,
    violated: '《中华人民共和国食品安全法》第六十七条第一款',
    basis: '《中华人民共和国食品安全法》第一百二十五条第一款第二项',
    evidence: ['抽检报告', '现场检查笔录', '生产记录', '召回记录'],
  });
  await step(o1, id, 12, 'submit_legal_review', {
    ...submission,
    discretion: '当事人主动召回全部产品，依《蚌埠市市场监督管理局行政处罚裁量基准》从轻处罚（第一阶次）。',
  });
  await step(reviewer, id, 10, 'record_review_opinion', {
    opinion: 'agree',
    reasons: '主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当。',
    findings: findings(),
  });
  await step(
    head,
    id,
    6,
    'decide',
    { penalty: fine(150_000) },
    {
      document: await draft(
        head,
        id,
        'penalty_decision',
        6,
        {
          procedure: `本局于${cnDay(30)}向当事人送达了《行政处罚事先告知书》，当事人书面声明放弃陈述、申辩和听证。本案经法制审核同意。`,
          discretionReason: '当事人主动召回全部问题产品，依法从轻处罚。',
          paymentMethod: '自收到本决定书之日起十五日内，通过安徽省非税收入电子缴款平台缴纳罚款。',
          ...remedy,
        },
        { action: 'decide', payload: { penalty: fine(150_000) } },
      ),
    },
  );
  await step(o1, id, 5, 'serve', { method: 'direct', servedOn: on(5) });
}

/** A 纠正 the handlers dispute: waiting for the head's coordination (蚌埠任务分解方案 item 32). */
export async function reviewInCoordination(k: DemoKit): Promise<void> {
  const { o1, step, ctx, a } = k;
  const reviewer = ctx(a.reviewer);
  const { id, submission } = await majorCase(k, {
    title: '禾丰农产品批发市场未履行入场销售者查验义务',
    summary: '抽检发现市场内多户经营者销售的蔬菜农药残留超标。',
    shop: SHOPS.market,
    leadOn: 30,
    fineYuan: 100_000,
    facts: `经查，当事人作为集中交易市场开办者，于${cnDay(60)}至${cnDay(32)}期间未对入场销售者的食用农产品进行抽样检验，致使4户经营者销售农药残留超标的韭菜、芹菜共计1,150公斤。`,
    violated: '《中华人民共和国食品安全法》第六十四条',
    basis: '《中华人民共和国食品安全法》第一百三十条第一款',
    evidence: ['抽检报告', '现场检查笔录', '市场开办者检验记录', '询问笔录'],
  });
  await step(o1, id, 9, 'submit_legal_review', {
    ...submission,
    discretion: '涉及多户经营者，危害后果较重，依裁量基准从重处罚（第三阶次）。',
  });
  await step(reviewer, id, 7, 'record_review_opinion', {
    opinion: 'correct',
    reasons:
      '认定“致使4户经营者销售”的证据仅有抽检报告，缺少市场检验记录缺失的证明，建议补充证据后按一般情形处罚。',
    findings: findings({ facts: '未履行查验义务与经营者销售超标产品之间的关联证据不足' }),
  });
  await step(o1, id, 5, 'dispute_review_opinion', {
    reasons:
      '市场开办者检验记录已证明检验记录自10月起空白，询问笔录中当事人亦予承认，证据已足以认定，从重处罚适当。',
  });
}
