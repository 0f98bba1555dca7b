// The ordinary penalty procedure's stories (行政处罚法 chapter 5 section 3): leads, then cases at every
// stage from filing to archiving, each step through the same service and rules as a user's request.
import * as cases from '../modules/cases/service.ts';
import * as spotChecks from '../modules/records/spot-check-service.ts';
import type { DemoKit } from './case-kit.ts';
import { at, on, SHOPS } from './parties.ts';

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
  const { db, deps, o1, camera1, record, lead, fileLead, docData } = k;
  const l3 = await lead(
    '麦香坊食品店涉嫌无证经营',
    12,
    '日常巡查发现该店未悬挂食品经营许可证。',
    'inspection',
  );
  const c3 = await fileLead(l3, 11, SHOPS.bakery);
  await cases.issueDocument(
    db,
    o1,
    deps,
    c3,
    'filing_approval',
    docData('filing_approval', SHOPS.bakery, {
      leadDate: on(12),
      handlerDate: on(11),
      unitHeadDate: on(11),
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
    docData('inspection_record', SHOPS.bakery, {
      startTime: `${on(10)}T09:30`,
      endTime: `${on(10)}T10:40`,
      place: SHOPS.bakery.api.address,
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
  const { o1, step, lead, fileLead, docData, fine } = k;
  const l4 = await lead('淮畔餐饮公司涉嫌无证经营', 25, '投诉反映该公司新开门店未取得食品经营许可。');
  const c4 = await fileLead(l4, 24, SHOPS.restaurant);
  await step(o1, c4, 15, 'submit_for_review');
  await step(
    o1,
    c4,
    2,
    'notify_rights',
    { penalty: fine(50_000), servedOn: on(2) },
    { document: docData('penalty_rights_notice', SHOPS.restaurant, { filingDate: on(24) }) },
  );
}

/** A complex case waiting for collective discussion and legal review: the decision is locked (L5). */
export async function complexCaseAwaitingReview(k: DemoKit): Promise<void> {
  const { o1, o2, head, camera1, record, expiredItem, step, lead, fileLead, fine } = k;
  const l5 = await lead(
    '鑫源食品批发公司涉嫌经营超过保质期食品',
    40,
    '上级交办：抽检发现该批发公司仓库存放过期食品。',
    'assignment',
    expiredItem,
  );
  const c5 = await fileLead(l5, 39, SHOPS.wholesaler);
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
  await step(o1, c5, 15, 'notify_rights', { penalty: fine(80_000), servedOn: on(15) });
  await step(o2, c5, 5, 'close_rights_period');
  await step(head, c5, 2, 'submit_to_collective_discussion');
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
    docData,
    fine,
  } = k;
  const l7 = await lead(
    '惠民乐购超市销售过期酸奶',
    80,
    '消费者投诉购买到过期酸奶。',
    'complaint',
    expiredItem,
  );
  const c7 = await fileLead(l7, 79, SHOPS.supermarket);
  await cases.issueDocument(
    db,
    o1,
    deps,
    c7,
    'filing_approval',
    docData('filing_approval', SHOPS.supermarket, {
      leadDate: on(80),
      handlerDate: on(79),
      unitHeadDate: on(79),
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
  await step(
    o1,
    c7,
    50,
    'notify_rights',
    { penalty: fine(3_000), servedOn: on(50) },
    {
      document: docData('penalty_rights_notice', SHOPS.supermarket, {
        filingDate: on(79),
        fineFen: 300_000,
        hearingRight: '否',
      }),
    },
  );
  await step(o2, c7, 40, 'close_rights_period');
  await step(
    head,
    c7,
    35,
    'decide',
    { penalty: fine(3_000) },
    {
      document: docData('penalty_decision', SHOPS.supermarket, {
        filingDate: on(79),
        fineFen: 300_000,
        caseCause: '经营超过保质期的食品',
      }),
    },
  );
  await step(o1, c7, 34, 'serve', { method: 'direct', servedOn: on(34) });
  await cases.issueDocument(
    db,
    o1,
    deps,
    c7,
    'service_receipt',
    docData('service_receipt', SHOPS.supermarket, {
      recipient: `${SHOPS.supermarket.api.name}（负责人：孙建华）`,
      servicePlace: SHOPS.supermarket.api.address,
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
    docData('closing_approval', SHOPS.supermarket, {
      filingDate: on(79),
      decisionSummary: '罚款人民币3,000.00元。',
      executionStatus: `当事人已于${on(25)}缴清罚款人民币3,000.00元（缴款凭证附卷）。`,
      handlerDate: on(21),
      unitHeadDate: on(21),
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
  const { o1, o2, head, step, lead, fileLead, docData, fine } = k;
  const l6 = await lead('拾光咖啡馆涉嫌无证经营', 50, '举报反映该咖啡馆销售自制糕点但无许可证。');
  const c6 = await fileLead(l6, 49, SHOPS.cafe);
  await step(o1, c6, 30, 'submit_for_review');
  await step(
    o1,
    c6,
    20,
    'notify_rights',
    { penalty: fine(5_000), servedOn: on(20) },
    {
      document: docData('penalty_rights_notice', SHOPS.cafe, {
        filingDate: on(49),
        fineFen: 500_000,
        hearingRight: '否',
      }),
    },
  );
  await step(o2, c6, 10, 'close_rights_period');
  await step(
    head,
    c6,
    8,
    'decide',
    { penalty: fine(5_000) },
    { document: docData('penalty_decision', SHOPS.cafe, { filingDate: on(49), fineFen: 500_000 }) },
  );
  await step(o1, c6, 7, 'serve', { method: 'direct', servedOn: on(7) });
}
