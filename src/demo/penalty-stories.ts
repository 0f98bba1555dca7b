// The ordinary penalty procedure's stories (行政处罚法 chapter 5 section 3): leads, then cases at every
// stage from filing to archiving, each step through the same service and rules as a user's request.
import * as cases from '../modules/cases/service.ts';
import * as spotChecks from '../modules/records/spot-check-service.ts';
import type { DemoKit } from './case-kit.ts';
import { at, cnDay, on, SHOPS } from './parties.ts';

/**
 * After the case review the head approves the proposed penalty (审批拟处罚意见), with an opinion; the rights
 * notice then announces exactly that penalty. The demo head is on no case team (the handler never approves).
 */
async function approve(k: DemoKit, caseId: string, daysAgo: number, penalty: Record<string, unknown>) {
  await k.step(k.head, caseId, daysAgo, 'approve_proposal', {
    penalty,
    opinion: '同意承办人员的拟处罚意见，依法告知当事人拟作出的行政处罚及其陈述、申辩、听证权利。',
  });
}

/** A fresh lead waiting for the head's decision to file. */
export async function freshLead(k: DemoKit): Promise<void> {
  const { lead } = k;
  await lead(
    '群众举报惠民乐购超市销售过期食品',
    1,
    '12345热线转来举报：治淮路惠民乐购超市冷柜内有过期酸奶在售。',
  );
}

/** A lead closed: not this agency's matter. */
export async function closedLead(k: DemoKit): Promise<void> {
  const { head, step, lead } = k;
  const closed = await lead('反映小区噪声扰民', 6, '举报人反映小区内夜间施工噪声扰民。', 'complaint');
  await step(head, closed, 5, 'close_lead', {
    reason: '不属于市场监管部门管辖，已告知举报人向生态环境部门反映',
  });
}

/** Filed, under investigation, with its filing form and on-site record. */
export async function caseUnderInvestigation(k: DemoKit): Promise<void> {
  const { db, deps, a, o1, camera1, record, lead, fileLead, draft } = k;
  const l3 = await lead(
    '麦香坊食品店涉嫌无证经营',
    12,
    '日常巡查发现该店未悬挂食品经营许可证。',
    'inspection',
  );
  const c3 = await fileLead(l3, 11, SHOPS.bakery, 13);
  await cases.issueDocument(
    db,
    o1,
    deps,
    c3,
    'filing_approval',
    await draft(o1, c3, 'filing_approval', 11, {
      summary: `${cnDay(12)}，执法人员日常巡查时发现涂山路55号麦香坊食品店未悬挂《食品经营许可证》，店内有面包、糕点在售。当事人涉嫌违反《中华人民共和国食品安全法》第三十五条第一款的规定，建议立案调查。`,
      unitHeadOpinion: '同意立案。',
      unitHead: '李明',
      unitHeadDate: on(11),
      agencyHeadOpinion: '同意。',
      agencyHead: a.head.displayName,
      agencyHeadDate: on(11),
    }),
    at(11, 11),
  );
  await cases.issueDocument(
    db,
    o1,
    deps,
    c3,
    'inspection_record',
    await draft(o1, c3, 'inspection_record', 10, {
      startTime: `${on(10)}T09:30`,
      endTime: `${on(10)}T10:40`,
      onSitePerson: '钱卫东',
      onSitePersonRole: '负责人',
      recusalAnswer: '不申请回避。',
      findings:
        '该店营业面积约30平方米，操作间内有烤箱两台，货架陈列自制面包、蛋糕等糕点共计12个品种，处于待售状态。' +
        '执法人员要求当事人出示《食品经营许可证》，当事人表示正在办理，尚未取得。\n' +
        '执法人员对现场进行了拍照。',
      avRecorded: '是',
    }),
    at(10, 11),
  );
  await record(o1, c3, {
    stepKey: 'investigation',
    mediaType: 'photo',
    title: '现场照片：店内未悬挂食品经营许可证',
    capturedDaysAgo: 10,
    uploadedDaysAgo: 8,
    deviceId: camera1,
    location: SHOPS.bakery.api.address!,
  });
}

/** Rights notice served; the party's 5 working days to ask for a hearing are running. */
export async function rightsNoticeServed(k: DemoKit): Promise<void> {
  const { o1, camera1, record, step, lead, fileLead, draft, agencyLines, fine } = k;
  const l4 = await lead('淮畔餐饮公司涉嫌无证经营', 25, '投诉反映该公司新开门店未取得食品经营许可。');
  const c4 = await fileLead(l4, 24, SHOPS.restaurant, 31);
  // 行政处罚法 art. 40: the investigation ends with evidence on file.
  await record(o1, c4, {
    stepKey: 'other',
    mediaType: 'document',
    title: '收银系统销售记录（打印件扫描）',
    capturedDaysAgo: 18,
    deviceId: camera1,
    location: SHOPS.restaurant.api.address!,
  });
  await step(o1, c4, 15, 'submit_for_review');
  const notify = { penalty: fine(50_000), servedOn: on(2) };
  await approve(k, c4, 3, notify.penalty);
  await step(o1, c4, 2, 'notify_rights', notify, {
    document: await draft(
      o1,
      c4,
      'penalty_rights_notice',
      2,
      {
        facts: `经查，当事人于${cnDay(40)}起在东海大道1688号新开门店从事餐饮服务，至${cnDay(20)}执法人员检查时止，未取得《食品经营许可证》，期间经营额人民币18,600.00元。`,
        evidence: ['投诉举报材料', '现场检查笔录', '当事人营业执照复印件', '收银系统销售记录'],
        violatedProvision: '《中华人民共和国食品安全法》第三十五条第一款',
        penaltyBasis: '《中华人民共和国食品安全法》第一百二十二条第一款',
        ...agencyLines,
      },
      { action: 'notify_rights', payload: notify },
    ),
  });
}

/** A complex case waiting for collective discussion and legal review: the decision is locked (L5). */
export async function complexCaseAwaitingReview(k: DemoKit): Promise<void> {
  const { o1, o2, head, camera1, record, expiredItem, step, lead, fileLead, draft, agencyLines, fine } = k;
  const l5 = await lead(
    '鑫源食品批发公司涉嫌经营超过保质期食品',
    40,
    '上级交办：抽检发现该批发公司仓库存放过期食品。',
    'assignment',
    expiredItem,
  );
  const c5 = await fileLead(l5, 39, SHOPS.wholesaler, 42);
  await record(o1, c5, {
    stepKey: 'other',
    mediaType: 'document',
    title: '当事人进销货台账（复印件扫描）',
    capturedDaysAgo: 38,
    deviceId: camera1,
    location: SHOPS.wholesaler.api.address!,
    confidentiality: 'trade_secret',
  });
  await step(o1, c5, 30, 'flag_complex', { reason: '涉案货值大、涉及多个下游经营者' });
  await step(o1, c5, 20, 'submit_for_review');
  const notify = { penalty: fine(80_000), servedOn: on(15) };
  await approve(k, c5, 17, notify.penalty);
  await step(o1, c5, 15, 'notify_rights', notify, {
    document: await draft(
      o1,
      c5,
      'penalty_rights_notice',
      15,
      {
        facts: `经查，当事人于${cnDay(60)}至${cnDay(41)}期间在其沫河口工业园仓库存放并向下游经营者批发超过保质期的冷冻食品6个品种，货值金额人民币8,600.00元，违法所得人民币2,300.00元。`,
        evidence: ['当事人进销货台账（复印件扫描）', '抽检报告', '现场检查笔录'],
        violatedProvision: '《中华人民共和国食品安全法》第三十四条第十项',
        penaltyBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第五项',
        ...agencyLines,
      },
      { action: 'notify_rights', payload: notify },
    ),
  });
  await step(o2, c5, 5, 'close_rights_period');
  await step(head, c5, 2, 'submit_to_collective_discussion');
  // 情节复杂 (art. 57) makes the decision a major one (art. 58): sent to the review unit yesterday.
  await step(o1, c5, 1, 'submit_legal_review', {
    penalty: fine(80_000),
    facts: `经查，当事人于${cnDay(60)}至${cnDay(41)}期间在其沫河口工业园仓库存放并向下游经营者批发超过保质期的冷冻食品6个品种，货值金额人民币8,600.00元，违法所得人民币2,300.00元。`,
    provisions:
      '违反《中华人民共和国食品安全法》第三十四条第十项，依据《中华人民共和国食品安全法》第一百二十四条第一款第五项',
    discretion: '涉及多个下游经营者，依裁量基准从重处罚。',
    reviewerOfficerId: k.a.reviewer.officerId,
  });
}

/** Paid, closed and archived. */
export async function caseArchivedAndSpotChecked(k: DemoKit): Promise<void> {
  const {
    db,
    deps,
    records,
    a,
    ctx,
    o1,
    o2,
    head,
    agencyId,
    camera1,
    camera2,
    record,
    expiredItem,
    step,
    lead,
    fileLead,
    draft,
    agencyLines,
    remedy,
    fine,
  } = k;
  const l7 = await lead(
    '惠民乐购超市销售过期酸奶',
    80,
    '消费者投诉购买到过期酸奶。',
    'complaint',
    expiredItem,
  );
  const c7 = await fileLead(l7, 79, SHOPS.supermarket, 82);
  await cases.issueDocument(
    db,
    o1,
    deps,
    c7,
    'filing_approval',
    await draft(o1, c7, 'filing_approval', 79, {
      summary: `${cnDay(80)}，消费者投诉在治淮路惠民乐购超市购买到超过保质期的酸奶。当事人涉嫌违反《中华人民共和国食品安全法》第三十四条第十项的规定，建议立案调查。`,
      unitHeadOpinion: '同意立案。',
      unitHead: '李明',
      unitHeadDate: on(79),
      agencyHeadOpinion: '同意。',
      agencyHead: a.head.displayName,
      agencyHeadDate: on(79),
    }),
    at(79, 11),
  );
  await record(o1, c7, {
    stepKey: 'investigation',
    mediaType: 'photo',
    title: '现场照片：冷柜内超过保质期的酸奶',
    capturedDaysAgo: 78,
    deviceId: camera1,
    location: SHOPS.supermarket.api.address!,
  });
  await record(o2, c7, {
    stepKey: 'investigation',
    mediaType: 'audio',
    title: '询问录音：超市负责人孙建华',
    capturedDaysAgo: 77,
    deviceId: camera2,
    location: SHOPS.supermarket.api.address!,
    confidentiality: 'personal_privacy',
  });
  await step(o1, c7, 60, 'submit_for_review');
  const notify = { penalty: fine(3_000), servedOn: on(50) };
  await approve(k, c7, 55, notify.penalty);
  const facts = `经查，当事人于${cnDay(81)}至${cnDay(78)}期间在其经营场所冷柜内陈列销售超过保质期的酸奶2个品种共计18盒，货值金额人民币216.00元，已售出3盒，违法所得人民币36.00元。`;
  const violatedProvision = '《中华人民共和国食品安全法》第三十四条第十项';
  const penaltyBasis =
    '《中华人民共和国食品安全法》第一百二十四条第一款第五项、《中华人民共和国行政处罚法》第三十二条第一项';
  await step(o1, c7, 50, 'notify_rights', notify, {
    document: await draft(
      o1,
      c7,
      'penalty_rights_notice',
      50,
      { facts, violatedProvision, penaltyBasis, ...agencyLines },
      { action: 'notify_rights', payload: notify },
    ),
  });
  await step(o2, c7, 40, 'close_rights_period');
  await step(
    head,
    c7,
    35,
    'decide',
    { penalty: fine(3_000) },
    {
      document: await draft(
        head,
        c7,
        'penalty_decision',
        35,
        {
          procedure: `本局于${cnDay(50)}向当事人送达了《行政处罚事先告知书》，告知拟作出行政处罚的内容及事实、理由、依据，以及依法享有的陈述、申辩权利。当事人在法定期限内未提出陈述、申辩。`,
          discretionReason:
            '当事人涉案货值金额较小，发现后立即下架并主动退赔消费者，属于主动消除违法行为危害后果，依法减轻处罚。',
          paymentMethod:
            '自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚款，或通过安徽省非税收入电子缴款平台缴纳。',
          ...remedy,
        },
        { action: 'decide', payload: { penalty: fine(3_000) } },
      ),
    },
  );
  await step(o1, c7, 34, 'serve', { method: 'direct', servedOn: on(34) });
  await cases.issueDocument(
    db,
    o1,
    deps,
    c7,
    'service_receipt',
    await draft(o1, c7, 'service_receipt', 34, {
      recipient: `${SHOPS.supermarket.api.name}（负责人：孙建华）`,
      serviceTime: `${on(34)}T10:30`,
    }),
    at(34, 11),
  );
  await step(o1, c7, 25, 'record_execution', { executedOn: on(25), paidFen: 300_000 });
  await cases.issueDocument(
    db,
    o1,
    deps,
    c7,
    'closing_approval',
    await draft(o1, c7, 'closing_approval', 21, {
      decisionSummary: '罚款人民币3,000.00元。',
      executionStatus: `当事人已于${cnDay(25)}缴清罚款人民币3,000.00元（缴款凭证附卷）。`,
      unitHeadOpinion: '同意结案。',
      unitHead: '李明',
      unitHeadDate: on(21),
      agencyHeadOpinion: '同意。',
      agencyHead: a.head.displayName,
      agencyHeadDate: on(21),
    }),
    at(21, 11),
  );
  await step(head, c7, 20, 'close');
  await step(o1, c7, 10, 'archive');
  // R9: the legal reviewer spot-checks the month's archived files (here the one file: 100%).
  const reviewer = ctx(a.reviewer);
  const check = await spotChecks.createSpotCheck(db, reviewer, {
    agencyId,
    periodFrom: on(30),
    periodTo: on(0),
  });
  await spotChecks.reviewSpotCheckItem(
    db,
    reviewer,
    records,
    check.id,
    (await spotChecks.getSpotCheck(db, reviewer, records, check.id)).items[0]!.caseFileId,
    { result: 'conforming', finding: '文书齐全，音像记录完整，程序规范。' },
  );
}

/** Decided and served: the 15-day payment clock is running. */
export async function caseDecidedAndServed(k: DemoKit): Promise<void> {
  const { o1, o2, head, camera1, record, step, lead, fileLead, draft, agencyLines, remedy, fine } = k;
  const l6 = await lead('拾光咖啡馆涉嫌无证经营', 50, '举报反映该咖啡馆销售自制糕点但无许可证。');
  const c6 = await fileLead(l6, 49, SHOPS.cafe, 57);
  await record(o1, c6, {
    stepKey: 'investigation',
    mediaType: 'photo',
    title: '现场照片：店内陈列待售的自制糕点',
    capturedDaysAgo: 45,
    deviceId: camera1,
    location: SHOPS.cafe.api.address!,
  });
  await step(o1, c6, 30, 'submit_for_review');
  const notify = { penalty: fine(5_000), servedOn: on(20) };
  await approve(k, c6, 25, notify.penalty);
  await step(o1, c6, 20, 'notify_rights', notify, {
    document: await draft(
      o1,
      c6,
      'penalty_rights_notice',
      20,
      {
        facts: `经查，当事人持有的《食品经营许可证》经营项目不含糕点类食品制售，当事人于${cnDay(70)}起在其经营场所制作并销售自制糕点，至${cnDay(45)}执法人员检查时止，货值金额人民币2,150.00元。`,
        evidence: ['举报材料', '现场检查笔录', '询问笔录', '销售记录'],
        violatedProvision: '《中华人民共和国食品安全法》第三十五条第一款',
        penaltyBasis:
          '《中华人民共和国食品安全法》第一百二十二条第一款、《中华人民共和国行政处罚法》第三十二条第一项',
        ...agencyLines,
      },
      { action: 'notify_rights', payload: notify },
    ),
  });
  await step(o2, c6, 10, 'close_rights_period');
  await step(
    head,
    c6,
    8,
    'decide',
    { penalty: fine(5_000) },
    {
      document: await draft(
        head,
        c6,
        'penalty_decision',
        8,
        {
          procedure: `本局于${cnDay(20)}向当事人送达了《行政处罚事先告知书》。当事人在法定期限内未提出陈述、申辩。`,
          discretionReason:
            '当事人检查后立即停止制售糕点并申请增项许可，主动消除违法行为危害后果，依法减轻处罚。',
          paymentMethod: '自收到本决定书之日起十五日内，通过安徽省非税收入电子缴款平台缴纳罚款。',
          ...remedy,
        },
        { action: 'decide', payload: { penalty: fine(5_000) } },
      ),
    },
  );
  await step(o1, c6, 7, 'serve', { method: 'direct', servedOn: on(7) });
}
