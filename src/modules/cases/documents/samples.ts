// Sample data for each kind of document: used by the tests and for previews (demo data, fictitious).
import { residentIdCheckChar } from '../../../platform/identifiers/resident-id.ts';
import { makeUscc } from '../../../platform/identifiers/uscc.ts';
import type { DocumentData, DocumentKind, OfficerRef, Party } from './types.ts';

const id = (first17: string) => first17 + residentIdCheckChar(first17);

export const SAMPLE_AGENCY = '蚌埠市市场监督管理局';

export const SAMPLE_OFFICERS: OfficerRef[] = [
  { name: '王立新', certificateNo: '皖0301001023' },
  { name: '陈静', certificateNo: '皖0301001187' },
];

/** A 个体工商户 whose 经营者 has a rare character (䶮, U+4DAE, CJK Extension A) in the name. */
export const SAMPLE_SHOP: Party = {
  kind: 'individual_business',
  name: '蚌埠市蚌山区鑫淼食品商行',
  uscc: makeUscc('92340303MA2TQ5K8X'),
  operatorName: '刘䶮',
  operatorResidentIdNumber: id('34030219880512301'),
  address: '安徽省蚌埠市蚌山区胜利中路88号',
  phone: '13905520188',
};

export const SAMPLE_COMPANY: Party = {
  kind: 'legal_person',
  name: '蚌埠淮畔餐饮管理有限公司',
  uscc: makeUscc('91340300MA2N7H3C0'),
  representative: '周海燕',
  address: '安徽省蚌埠市龙子湖区东海大道1688号',
  phone: '0552-3012345',
};

export const SAMPLE_PERSON: Party = {
  kind: 'natural_person',
  name: '刘䶮',
  sex: '男',
  residentIdNumber: id('34030219880512301'),
  address: '安徽省蚌埠市蚌山区纬四路12号',
  phone: '13905520188',
  workUnit: '蚌埠市蚌山区鑫淼食品商行',
};

const common = { reviewAuthority: '蚌埠市人民政府', court: '蚌埠市蚌山区人民法院' };
const contact = {
  contactPerson: '王立新',
  contactPhone: '0552-2091234',
  agencyAddress: '蚌埠市龙子湖区东海大道4588号',
};
const cause = '未取得食品经营许可从事食品经营活动';
const facts =
  '2026年2月10日至2026年3月1日期间，当事人在未取得《食品经营许可证》的情况下，在上述经营场所销售预包装食品，' +
  '货值金额人民币8,420.00元，违法所得人民币3,560.00元。';

export const SAMPLE_DATA: Readonly<Record<DocumentKind, DocumentData>> = {
  filing_approval: {
    caseCause: `涉嫌${cause}`,
    caseSource: '投诉举报',
    leadDate: '2026-02-27',
    party: SAMPLE_SHOP,
    summary:
      '2026年2月27日，本局接到群众投诉，反映蚌山区胜利中路88号一食品商行无证经营。' +
      '2026年3月1日，执法人员现场检查发现，当事人正在销售预包装食品，未能出示《食品经营许可证》。\n' +
      '当事人涉嫌违反《中华人民共和国食品安全法》第三十五条第一款的规定，符合立案条件，建议立案调查。',
    handlers: SAMPLE_OFFICERS,
    handlerOpinion: '建议立案，由王立新、陈静承办。',
    handlerDate: '2026-03-02',
    unitHeadOpinion: '同意立案。',
    unitHead: '李明',
    unitHeadDate: '2026-03-02',
    agencyHeadOpinion: '同意。',
    agencyHead: '张卫东',
    agencyHeadDate: '2026-03-02',
  },
  inspection_record: {
    startTime: '2026-03-01T09:30',
    endTime: '2026-03-01T10:45',
    place: '安徽省蚌埠市蚌山区胜利中路88号',
    party: SAMPLE_SHOP,
    onSitePerson: '刘䶮',
    onSitePersonRole: '经营者',
    onSitePersonPhone: '13905520188',
    officers: SAMPLE_OFFICERS,
    recorder: '陈静',
    findings:
      '该商行营业面积约40平方米，店内货架陈列有饼干、糖果、饮料等预包装食品共计23个品种，均明码标价，处于待售状态。' +
      '执法人员要求当事人出示《食品经营许可证》，当事人表示未办理。\n' +
      '执法人员对现场进行了拍照，对收银系统中2026年2月10日以来的销售记录进行了拷贝。',
    avRecorded: '是',
  },
  inquiry_record: {
    startTime: '2026-03-03T14:00',
    endTime: '2026-03-03T15:20',
    place: '蚌埠市市场监督管理局执法稽查支队询问室',
    interviewee: SAMPLE_PERSON,
    intervieweeRole: '经营者',
    officers: SAMPLE_OFFICERS,
    recorder: '陈静',
    caseCause: `涉嫌${cause}`,
    qa: [
      {
        q: '请介绍一下蚌埠市蚌山区鑫淼食品商行的基本情况。',
        a: '商行是我开的个体工商户，2026年2月领的营业执照，主要卖饼干、饮料这些包装食品。',
      },
      {
        q: '你的商行是否取得了《食品经营许可证》？',
        a: '没有。我以为只卖包装好的食品不用办，正在准备材料。',
      },
      {
        q: '从什么时候开始销售食品？销售额和利润是多少？',
        a: '2月10日开始卖的，到3月1日一共卖了8,420元，扣掉进货成本大概赚了3,560元，收银系统里都有记录。',
      },
      { q: '你还有什么需要补充的吗？', a: '没有了。我认识到错误，马上去办许可证。' },
    ],
  },
  penalty_rights_notice: {
    party: SAMPLE_SHOP,
    caseCause: cause,
    filingDate: '2026-03-02',
    facts,
    evidence: ['现场笔录', '询问笔录', '现场照片', '销售记录'],
    violatedProvision: '《中华人民共和国食品安全法》第三十五条第一款',
    penaltyBasis: '《中华人民共和国食品安全法》第一百二十二条第一款',
    confiscatedIncomeFen: 356000,
    fineFen: 5000000,
    hearingRight: '是',
    ...contact,
  },
  hearing_notice: {
    party: SAMPLE_SHOP,
    caseCause: cause,
    requestDate: '2026-03-12',
    hearingTime: '2026-03-30T09:00',
    hearingPlace: '蚌埠市市场监督管理局三楼听证室',
    presidingOfficer: '赵志刚',
    hearingMembers: '孙丽、钱伟',
    clerk: '吴敏',
    ...contact,
  },
  penalty_decision: {
    party: SAMPLE_SHOP,
    caseCause: cause,
    filingDate: '2026-03-02',
    procedure:
      '本局于2026年3月10日向当事人送达了《行政处罚事先告知书》，告知当事人拟作出行政处罚的内容及事实、理由、依据，' +
      '以及依法享有的陈述、申辩和要求听证的权利。当事人在法定期限内未提出陈述、申辩，也未要求听证。',
    facts,
    evidence: ['现场笔录', '询问笔录', '现场照片', '销售记录'],
    violatedProvision: '《中华人民共和国食品安全法》第三十五条第一款',
    penaltyBasis: '《中华人民共和国食品安全法》第一百二十二条第一款',
    confiscatedIncomeFen: 356000,
    fineFen: 5000000,
    ...common,
  },
  service_receipt: {
    documents: ['行政处罚决定书（蚌市监处罚〔2026〕17号）'],
    recipient: '蚌埠市蚌山区鑫淼食品商行（经营者：刘䶮）',
    servicePlace: '安徽省蚌埠市蚌山区胜利中路88号',
    serviceTime: '2026-03-20T15:30',
    serviceMethod: '直接送达',
    servers: SAMPLE_OFFICERS,
  },
  coercive_measure_decision: {
    party: SAMPLE_COMPANY,
    measure: '扣押',
    caseCause: '涉嫌经营超过保质期的食品',
    facts:
      '2026年3月5日，执法人员在你单位后厨冷库内发现超过保质期的速冻水饺、冷冻鸡翅等食品，共计4个品种，未作停止使用标示。',
    legalBasis: '《中华人民共和国食品安全法》第一百一十条第四项和《中华人民共和国行政强制法》第二十四条',
    items: [
      { name: '速冻水饺（猪肉白菜馅）', spec: '1千克/袋', quantity: '36袋', note: '保质期至2026年1月20日' },
      { name: '冷冻鸡翅中', spec: '2千克/袋', quantity: '18袋', note: '保质期至2026年2月11日' },
      { name: '速冻汤圆（黑芝麻）', spec: '500克/袋', quantity: '24袋', note: '' },
      { name: '冷冻虾仁', spec: '1千克/袋', quantity: '9袋', note: '' },
    ],
    startDate: '2026-03-05',
    endDate: '2026-04-03',
    custodyPlace: '蚌埠市市场监督管理局涉案财物保管室',
    ...common,
  },
  closing_approval: {
    caseCause: cause,
    filingDate: '2026-03-02',
    decisionNumber: '蚌市监处罚〔2026〕17号',
    party: SAMPLE_SHOP,
    decisionSummary: '没收违法所得人民币3,560.00元，罚款人民币50,000.00元。',
    executionStatus: '当事人已于2026年3月28日缴清罚没款共计人民币53,560.00元（缴款凭证附卷）。',
    closingGround: '行政处罚决定执行完毕',
    handlers: SAMPLE_OFFICERS,
    handlerOpinion: '行政处罚决定已执行完毕，建议结案。',
    handlerDate: '2026-03-30',
    unitHeadOpinion: '同意结案。',
    unitHead: '李明',
    unitHeadDate: '2026-03-30',
    agencyHeadOpinion: '同意。',
    agencyHead: '张卫东',
    agencyHeadDate: '2026-03-31',
  },
  on_spot_penalty_decision: {
    party: SAMPLE_PERSON,
    caseCause: '从业人员未取得健康证明从事接触直接入口食品的工作',
    decidedAt: '2026-04-02T15:20',
    place: '安徽省蚌埠市蚌山区纬四路与胜利路交口',
    facts:
      '2026年4月2日15时许，当事人在纬四路与胜利路交口设摊销售自制凉皮，现场制作分装，不能出示有效的健康证明。',
    violatedProvision: '《中华人民共和国食品安全法》第四十五条第二款',
    penaltyBasis: '《中华人民共和国食品安全法》第一百二十六条第一款第六项',
    warning: '是',
    reviewAuthority: '蚌埠市人民政府',
    court: '蚌埠市蚌山区人民法院',
    officers: SAMPLE_OFFICERS,
  },
  legal_review_opinion: {
    caseName: '涉嫌销售超过保质期的食品案',
    party: SAMPLE_COMPANY,
    submitter: '王立新',
    submittedOn: '2026-03-16',
    round: 1,
    proposal: '罚款人民币30,000.00元。',
    findings: [
      { point: '行政执法主体是否合法', result: '符合', note: '' },
      { point: '行政执法人员是否具备执法资格', result: '符合', note: '' },
      { point: '行政执法程序是否合法', result: '符合', note: '' },
      { point: '案件事实是否清楚，证据是否合法充分', result: '符合', note: '' },
      { point: '适用法律、法规、规章是否准确，裁量基准运用是否适当', result: '符合', note: '' },
      { point: '执法是否超越执法机关法定权限', result: '符合', note: '' },
      { point: '行政执法文书是否完备、规范', result: '符合', note: '' },
      { point: '违法行为是否涉嫌犯罪、需要移送司法机关', result: '符合', note: '' },
    ],
    opinion: '同意',
    reasons: '事实清楚，证据确凿，适用依据正确，程序合法，裁量适当。',
    reviewer: '赵敏',
    reviewedOn: '2026-03-18',
  },
};
