// 执法决定公开 in the demo (issue 11): the agency publishes its decisions within the 7 or 20 working days, one
// decision revoked on 行政复议 is withdrawn with its reason, a minor's case is not published, and the newest
// decision still waits for publication — so the portal and the 执法公示 desk show real figures on first start.
import * as cases from '../modules/cases/service.ts';
import * as publicity from '../modules/publicity/service.ts';
import { residentIdCheckChar } from '../platform/identifiers/resident-id.ts';
import { makeUscc } from '../platform/identifiers/uscc.ts';
import { type DemoKit, publishingDay } from './case-kit.ts';
import { at, cnDay, on } from './parties.ts';

/** A summary-procedure decision handed over on the spot (行政处罚法 arts. 51–52), `daysAgo`. */
async function onTheSpot(
  k: DemoKit,
  daysAgo: number,
  title: string,
  party: cases.PartyInput,
  penalty: { kinds: string[]; fineFen?: number },
  written: {
    caseCause: string;
    place: string;
    facts: string;
    violatedProvision: string;
    penaltyBasis: string;
  },
): Promise<string> {
  const id = await cases.openRecord(
    k.db,
    k.o1,
    { procedure: 'summary', itemId: k.penaltyItem, title, party, teamOfficerIds: k.team },
    at(daysAgo),
  );
  const decide = { penalty, rightsNotified: true };
  await k.step(k.o1, id, daysAgo, 'decide_on_spot', decide, {
    document: await k.draft(
      k.o1,
      id,
      'on_spot_penalty_decision',
      daysAgo,
      { ...written, decidedAt: `${on(daysAgo)}T10:00`, ...k.remedy },
      { action: 'decide_on_spot', payload: decide },
    ),
  });
  return id;
}

export async function decisionsPublished(k: DemoKit): Promise<void> {
  const { db, o2, head } = k;
  // A decision later revoked on 行政复议: published, then withdrawn within 3 working days of the ruling.
  const revoked = await onTheSpot(
    k,
    64,
    '蚌埠市蚌山区鲜果时光水果店未按规定公示食品经营许可证',
    {
      type: 'legal_person',
      name: '蚌埠市鲜果时光商贸有限公司',
      idNumber: makeUscc('91340303MA2Q8L6B4'),
      representative: '潘立军',
      address: '安徽省蚌埠市蚌山区朝阳路126号',
    },
    { kinds: ['warning'] },
    {
      caseCause: '未按规定在经营场所的显著位置悬挂食品经营许可证',
      place: '安徽省蚌埠市蚌山区朝阳路126号',
      facts: `${cnDay(64)}，执法人员检查发现当事人未在经营场所显著位置悬挂食品经营许可证正本，当场责令改正。`,
      violatedProvision: '《食品经营许可和备案管理办法》第三十一条',
      penaltyBasis: '《食品经营许可和备案管理办法》第五十三条',
    },
  );
  // A minor's case (未成年人保护法): decided, not published.
  const minorId = `34030320090817301${residentIdCheckChar('34030320090817301')}`;
  const minor = await onTheSpot(
    k,
    9,
    '流动摊贩刘某未取得健康证明销售直接入口食品',
    { type: 'natural_person', name: '刘子豪', idNumber: minorId, address: '安徽省蚌埠市蚌山区燕山路9号' },
    { kinds: ['warning'] },
    {
      caseCause: '从业人员未取得健康证明从事接触直接入口食品的工作',
      place: '安徽省蚌埠市蚌山区燕山路与纬四路交口',
      facts: `${cnDay(9)}17时许，当事人在燕山路与纬四路交口摆摊销售自制凉皮，不能出示有效的健康证明；当事人系未成年人，其监护人到场。`,
      violatedProvision: '《中华人民共和国食品安全法》第四十五条第二款',
      penaltyBasis: '《中华人民共和国食品安全法》第一百二十六条第一款第六项',
    },
  );
  // A company fined on the spot (3,000 元 at most for an organisation, art. 51).
  await onTheSpot(
    k,
    24,
    '蚌埠市惠民乐购超市有限公司未按规定查验记录进货',
    {
      type: 'legal_person',
      name: '蚌埠市惠民乐购超市有限公司',
      idNumber: makeUscc('91340302MA2PX7K1Q'),
      representative: '孙建华',
      address: '安徽省蚌埠市龙子湖区治淮路268号',
    },
    { kinds: ['warning', 'fine'], fineFen: 200_000 },
    {
      caseCause: '未按规定查验并记录食品进货',
      place: '安徽省蚌埠市龙子湖区治淮路268号',
      facts: `${cnDay(24)}，执法人员检查发现当事人采购的散装糕点三批次未查验供货者许可证和产品合格证明，亦未建立进货查验记录。`,
      violatedProvision: '《中华人民共和国食品安全法》第五十三条第一款',
      penaltyBasis: '《中华人民共和国食品安全法》第一百二十六条第一款第三项',
    },
  );

  // Every decision left is published two days after it was made — but the newest one, which the desk
  // shows waiting with its clock, and the minor's, which the head withholds.
  const newest = [...k.toPublish.values()].reduce((a, b) => (b > a ? b : a), new Date(0));
  for (const [caseId, when] of [...k.toPublish]) {
    if (caseId === minor || when.getTime() === newest.getTime()) continue;
    await k.publishQueued(caseId, when);
  }
  await publicity.withholdDecision(
    db,
    head,
    minor,
    { reason: 'minor', note: '当事人作出违法行为时未满十八周岁' },
    publishingDay(on(9)),
  );
  // 行政复议: applied 55 days ago, the 复议机关 revoked the warning 20 days ago; withdrawn the next day.
  await k.step(o2, revoked, 55, 'record_remedy', {
    kind: 'reconsideration',
    filedOn: on(55),
    body: '蚌埠市人民政府',
  });
  await k.step(o2, revoked, 20, 'record_remedy_end', {
    kind: 'reconsideration',
    endedOn: on(20),
    result: '复议机关以认定事实不清为由撤销该行政处罚决定',
  });
  const published = await publicity.listPublications(db, head, { view: 'recorded', page: 1, pageSize: 200 });
  const notice = published.items.find((p) => p.caseId === revoked && p.publicationId);
  if (!notice?.publicationId) throw new Error('demo: the revoked decision was not published');
  await publicity.withdrawPublication(
    db,
    head,
    notice.publicationId,
    {
      reason: 'revoked',
      note: '蚌埠市人民政府行政复议决定撤销原行政处罚决定，原决定信息撤下',
      rulingOn: on(20),
    },
    at(19, 11),
  );
}
