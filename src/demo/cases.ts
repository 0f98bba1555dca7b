import { Readable } from 'node:stream';
import { SAMPLE_DATA } from '../modules/cases/documents/samples.ts';
import type { Party } from '../modules/cases/documents/types.ts';
import * as cases from '../modules/cases/service.ts';
import * as catalog from '../modules/catalog/service.ts';
import type { RecordsDeps } from '../modules/records/deps.ts';
import * as devices from '../modules/records/devices-service.ts';
import { ingestEvidence } from '../modules/records/evidence-service.ts';
import * as spotChecks from '../modules/records/spot-check-service.ts';
import type { Actor, Ctx } from '../platform/auth/actor.ts';
import type { Database } from '../platform/db/index.ts';
import { residentIdCheckChar } from '../platform/identifiers/resident-id.ts';
import { makeUscc } from '../platform/identifiers/uscc.ts';
import { demoPng, demoWav } from './media.ts';

const ORIGIN = { ip: '127.0.0.1', userAgent: 'mingjing-demo-seed' };
const DAY = 86_400_000;

/** 10:00 Beijing time, `daysAgo` days before now: the demo's steps happen on plausible past days. */
function at(daysAgo: number, hour = 10): Date {
  const d = new Date(Date.now() - daysAgo * DAY);
  const ymd = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
  return new Date(`${ymd}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}
const on = (daysAgo: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at(daysAgo));

interface Shop {
  api: cases.PartyInput;
  doc: Party;
}

function company(name: string, first17: string, representative: string, address: string): Shop {
  const uscc = makeUscc(first17);
  return {
    api: { type: 'legal_person', name, idNumber: uscc, representative, address },
    doc: { kind: 'legal_person', name, uscc, representative, address },
  };
}
function person(name: string, first17: string, address: string): Shop {
  const id = first17 + residentIdCheckChar(first17);
  return {
    api: { type: 'natural_person', name, idNumber: id, address },
    doc: { kind: 'natural_person', name, sex: '男', residentIdNumber: id, address },
  };
}

// Fictitious parties of the demo.
const SHOPS = {
  supermarket: company(
    '蚌埠市惠民乐购超市有限公司',
    '91340302MA2PX7K1Q',
    '孙建华',
    '安徽省蚌埠市龙子湖区治淮路268号',
  ),
  restaurant: company(
    '蚌埠淮畔餐饮管理有限公司',
    '91340300MA2N7H3C0',
    '周海燕',
    '安徽省蚌埠市龙子湖区东海大道1688号',
  ),
  bakery: company('蚌埠市禹会区麦香坊食品店', '92340304MA2RT5B6W', '钱卫东', '安徽省蚌埠市禹会区涂山路55号'),
  wholesaler: company(
    '蚌埠市鑫源食品批发有限公司',
    '91340311MA2U8E4L3',
    '赵鑫',
    '安徽省蚌埠市淮上区沫河口工业园',
  ),
  vendor: person('吴长林', '34030319750618201', '安徽省蚌埠市蚌山区纬四路12号'),
  cafe: company('蚌埠市蚌山区拾光咖啡馆', '92340303MA2W1C9F5', '郑雨桐', '安徽省蚌埠市蚌山区南湖路18号'),
};

export interface DemoActors {
  officer1: Actor;
  officer2: Actor;
  head: Actor;
  admin: Actor;
  reviewer: Actor;
  officers: { name: string; certificateNo: string }[];
}

/**
 * Leads and cases at every stage of each procedure, with their documents, for the 市场监管局 demo
 * agency: a newcomer sees a living office on first start. Every step goes through the same service and
 * rules as a user's request, on a plausible past day.
 */
export async function seedDemoCases(
  database: Database,
  deps: cases.CasesDeps,
  records: RecordsDeps,
  a: DemoActors,
): Promise<number> {
  const db = database.db;
  const ctx = (actor: Actor): Ctx => ({ actor, origin: ORIGIN });
  const o1 = ctx(a.officer1);
  const o2 = ctx(a.officer2);
  const head = ctx(a.head);
  const admin = ctx(a.admin);
  const agencyId = a.officer1.agencyId!;

  // R11: the agency's recorders — two body cameras in use, a phone, and a retired camera.
  const device = async (kind: string, serialNumber: string, model: string, holder: Actor | null) => {
    const { id } = await devices.registerDevice(db, admin, { agencyId, kind, serialNumber, model });
    if (holder) await devices.assignDevice(db, admin, id, holder.officerId, at(120));
    return id;
  };
  const camera1 = await device('body_camera', 'SCJG-JLY-001', 'DSJ-V9 执法记录仪', a.officer1);
  const camera2 = await device('body_camera', 'SCJG-JLY-002', 'DSJ-V9 执法记录仪', a.officer2);
  await device('phone', 'SCJG-YD-001', '移动执法终端', null);
  const old = await device('body_camera', 'SCJG-JLY-000', 'DSJ-T3 执法记录仪', null);
  await devices.retireDevice(db, admin, old, at(100));
  let mediaSeed = 0;
  // An AV record as an officer uploads it, `uploadedDaysAgo` after the capture (R5 flags > 24 hours).
  const record = (
    c: Ctx,
    caseId: string,
    r: {
      stepKey: string;
      mediaType: 'photo' | 'audio' | 'document';
      title: string;
      capturedDaysAgo: number;
      uploadedDaysAgo?: number;
      deviceId: string;
      location: string;
      confidentiality?: string;
    },
  ) => {
    mediaSeed++;
    const audio = r.mediaType === 'audio';
    const bytes = audio ? demoWav(mediaSeed) : demoPng(mediaSeed);
    return ingestEvidence(
      db,
      c,
      records,
      {
        caseId,
        stepKey: r.stepKey,
        mediaType: r.mediaType,
        title: r.title,
        fileName: `${r.title.slice(0, 20)}.${audio ? 'wav' : 'png'}`,
        mimeType: audio ? 'audio/wav' : 'image/png',
        capturedAt: at(r.capturedDaysAgo, 9).toISOString(),
        deviceId: r.deviceId,
        officerId: c.actor.officerId,
        location: r.location,
        confidentiality: r.confidentiality,
      },
      Readable.from([bytes]),
      at(r.uploadedDaysAgo ?? r.capturedDaysAgo, 15),
    );
  };
  const team = [a.officer1.officerId!, a.officer2.officerId!];
  const items = (await catalog.listItems(db, o1, {})).items;
  const item = (code: string) => items.find((i) => i.code === code)!.id;
  const penaltyItem = item('SCJG-CF-001');
  const expiredItem = item('SCJG-CF-002');
  const step = (
    c: Ctx,
    id: string,
    daysAgo: number,
    action: string,
    payload: Record<string, unknown> = {},
    extra: object = {},
  ) => cases.transition(db, c, deps, id, { action, payload, ...extra }, at(daysAgo));
  const lead = (
    title: string,
    daysAgo: number,
    summary: string,
    source = 'complaint',
    itemId = penaltyItem,
  ) =>
    cases.openRecord(db, o1, { procedure: 'lead', itemId, title, payload: { source, summary } }, at(daysAgo));
  const fileLead = async (leadId: string, daysAgo: number, shop: Shop) =>
    (await step(head, leadId, daysAgo, 'file', {}, { case: { teamOfficerIds: team, party: shop.api } }))
      .filedCaseId!;
  const docData = (kind: keyof typeof SAMPLE_DATA, shop: Shop, extra: Record<string, unknown> = {}) => ({
    ...SAMPLE_DATA[kind],
    ...('party' in SAMPLE_DATA[kind] ? { party: shop.doc } : {}),
    ...('officers' in SAMPLE_DATA[kind] ? { officers: a.officers } : {}),
    ...('handlers' in SAMPLE_DATA[kind] ? { handlers: a.officers } : {}),
    ...extra,
  });
  const fine = (yuan: number) => ({ kinds: ['fine'], fineFen: yuan * 100 });
  let n = 0;

  // 1. A fresh lead waiting for the head's decision to file.
  await lead(
    '群众举报惠民乐购超市销售过期食品',
    1,
    '12345热线转来举报：治淮路惠民乐购超市冷柜内有过期酸奶在售。',
  );
  n++;

  // 2. A lead closed: not this agency's matter.
  const closed = await lead('反映小区噪声扰民', 6, '举报人反映小区内夜间施工噪声扰民。', 'complaint');
  await step(head, closed, 5, 'close_lead', {
    reason: '不属于市场监管部门管辖，已告知举报人向生态环境部门反映',
  });
  n++;

  // 3. Filed, under investigation, with its filing form and on-site record.
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
  n++;

  // 4. Rights notice served; the party's 5 working days to ask for a hearing are running.
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
  n++;

  // 5. A complex case waiting for collective discussion and legal review: the decision is locked (L5).
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
  n++;

  // 7. Paid, closed and archived.
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
  n++;

  // 6. Decided and served: the 15-day payment clock is running.
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
  n++;

  // 8. A seizure in effect (查封扣押), recorded on video as the law requires (R4).
  const c8 = await cases.openRecord(
    db,
    o1,
    {
      procedure: 'coercive',
      itemId: item('SCJG-QZ-001'),
      title: '扣押鑫源食品批发公司过期冷冻食品',
      party: SHOPS.wholesaler.api,
      teamOfficerIds: team,
      payload: {
        measure: 'seize',
        property: '仓库内超过保质期的冷冻食品4个品种',
        reason: '有证据证明不符合食品安全标准，防止流入市场',
      },
    },
    at(4),
  );
  await step(head, c8, 4, 'approve');
  await record(o1, c8, {
    stepKey: 'coercive_application',
    mediaType: 'photo',
    title: '执法记录仪拍摄：扣押物品清点',
    capturedDaysAgo: 3,
    deviceId: camera1,
    location: SHOPS.wholesaler.api.address!,
  });
  await record(o2, c8, {
    stepKey: 'coercive_application',
    mediaType: 'audio',
    title: '执法记录仪录音：告知当事人扣押理由和救济途径',
    capturedDaysAgo: 3,
    deviceId: camera2,
    location: SHOPS.wholesaler.api.address!,
  });
  await step(
    o1,
    c8,
    3,
    'apply',
    { appliedOn: on(3) },
    {
      document: docData('coercive_measure_decision', SHOPS.wholesaler, {
        startDate: on(3),
        endDate: on(-26),
      }),
    },
  );
  n++;

  // 9. A routine inspection that found problems: rectification is running.
  const c9 = await cases.openRecord(
    db,
    o1,
    {
      procedure: 'inspection',
      itemId: item('SCJG-JC-001'),
      title: '惠民乐购超市日常监督检查',
      party: SHOPS.supermarket.api,
      teamOfficerIds: team,
    },
    at(9),
  );
  await record(o1, c9, {
    stepKey: 'inspection',
    mediaType: 'photo',
    title: '检查照片：冷藏柜温度记录表',
    capturedDaysAgo: 8,
    deviceId: camera1,
    location: SHOPS.supermarket.api.address!,
  });
  await step(o1, c9, 8, 'inspect', {
    inspectedOn: on(8),
    findings: '冷藏柜温度记录不全，部分散装食品标签信息不全',
  });
  await step(o1, c9, 8, 'order_rectification', {
    rectifyBy: on(-7),
    requirement: '完善冷藏温度记录，补全散装食品标签',
  });
  n++;

  // 10. A summary-procedure warning handed over on the spot (行政处罚法 art. 51).
  const c10 = await cases.openRecord(
    db,
    o1,
    {
      procedure: 'summary',
      itemId: penaltyItem,
      title: '流动摊贩吴长林无证销售食品',
      party: SHOPS.vendor.api,
      teamOfficerIds: team,
    },
    at(2),
  );
  await step(o1, c10, 2, 'decide_on_spot', {
    penalty: { kinds: ['warning'] },
    documentNo: `蚌市监简罚〔${on(2).slice(0, 4)}〕${String(n).padStart(3, '0')}号`,
    rightsNotified: true,
  });
  n++;
  return n;
}
