// The other procedures' stories: a coercive measure, an inspection and a summary-procedure penalty.
import * as cases from '../modules/cases/service.ts';
import type { DemoKit } from './case-kit.ts';
import { at, cnDay, on, SHOPS } from './parties.ts';

/** A seizure in effect (查封扣押), recorded on video as the law requires (R4). */
export async function seizureInEffect(k: DemoKit): Promise<void> {
  const { db, o1, o2, head, camera1, camera2, record, team, item, step, draft, remedy } = k;
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
  const apply = { appliedOn: on(3) };
  await step(o1, c8, 3, 'apply', apply, {
    document: await draft(
      o1,
      c8,
      'coercive_measure_decision',
      3,
      {
        caseCause: '涉嫌经营超过保质期的食品',
        facts: `${cnDay(4)}，执法人员在当事人位于沫河口工业园的仓库冷库内发现超过保质期的冷冻食品4个品种，未作停止销售标示，有证据证明不符合食品安全标准。`,
        items: [
          { name: '速冻水饺（猪肉白菜馅）', spec: '1千克/袋', quantity: '36袋', note: '超过保质期' },
          { name: '冷冻鸡翅中', spec: '2千克/袋', quantity: '18袋', note: '超过保质期' },
          { name: '速冻汤圆（黑芝麻）', spec: '500克/袋', quantity: '24袋', note: '超过保质期' },
          { name: '冷冻虾仁', spec: '1千克/袋', quantity: '9袋', note: '超过保质期' },
        ],
        custodyPlace: '蚌埠市市场监督管理局涉案财物保管室',
        ...remedy,
      },
      { action: 'apply', payload: apply },
    ),
  });
}

/** A routine inspection that found problems: rectification is running. */
export async function inspectionWithRectification(k: DemoKit): Promise<void> {
  const { db, o1, camera1, record, team, item, step } = k;
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
}

/** A summary-procedure warning handed over on the spot (行政处罚法 art. 51), with its 当场行政处罚决定书. */
export async function summaryWarningOnTheSpot(k: DemoKit): Promise<void> {
  const { db, o1, team, penaltyItem, step, draft, remedy } = k;
  const c10 = await cases.openRecord(
    db,
    o1,
    {
      procedure: 'summary',
      itemId: penaltyItem,
      title: '流动摊贩吴长林未取得健康证明销售直接入口食品',
      party: SHOPS.vendor.api,
      teamOfficerIds: team,
    },
    at(2),
  );
  const decide = { penalty: { kinds: ['warning'] }, rightsNotified: true };
  await step(o1, c10, 2, 'decide_on_spot', decide, {
    document: await draft(
      o1,
      c10,
      'on_spot_penalty_decision',
      2,
      {
        caseCause: '从业人员未取得健康证明从事接触直接入口食品的工作',
        decidedAt: `${on(2)}T10:00`,
        place: '安徽省蚌埠市蚌山区纬四路与胜利路交口',
        facts: `${cnDay(2)}9时40分许，当事人在纬四路与胜利路交口推车现场制作、销售煎饼，不能出示有效的健康证明，系初次发现，当场表示立即办理健康证明。`,
        violatedProvision: '《中华人民共和国食品安全法》第四十五条第二款',
        penaltyBasis: '《中华人民共和国食品安全法》第一百二十六条第一款第六项',
        ...remedy,
      },
      { action: 'decide_on_spot', payload: decide },
    ),
  });
}
