/**
 * A corpus of realistic extracts of 行政处罚决定书 and notices, written for measuring the redaction
 * engine (redaction.ts). Every person, number and address is fictitious; the ID numbers, bank cards and
 * USCCs carry valid check characters so that checksums are exercised. Each case lists the personal data
 * that must go (`mustGo`, with its kind; `subject` marks the party's own data held by the case) and the
 * public texts that must stay (`mustStay`: 文号, 案号, amounts, dates, USCCs, officers and their
 * certificate numbers, company addresses, the agency's phone and account).
 */
import type { RedactionKind, RedactionSubject } from './redaction.ts';

export interface CorpusExpectation {
  kind: Exclude<RedactionKind, 'manual'>;
  text: string;
  /** The party's own data (name, ID number, phone, address) as the case holds it. */
  subject?: boolean;
}
export interface CorpusCase {
  id: string;
  domain: string;
  subject: RedactionSubject;
  text: string;
  mustGo: CorpusExpectation[];
  mustStay: string[];
  /** Masked party names expected in the result with the 张某某 rule. */
  masked?: string[];
}

const OFFICERS_A = ['王海涛', '赵丽'];
const OFFICERS_B = ['孙建华', '周敏'];
const OFFICERS_C = ['欧阳文', '李国强'];
const REMEDY =
  '如不服本处罚决定，可以在收到本决定书之日起六十日内向蚌埠市人民政府申请行政复议，也可以在六个月内依法向蚌埠市龙子湖区人民法院提起行政诉讼。';
const PAY =
  '当事人应当自收到本决定书之日起十五日内，将罚款缴至蚌埠市财政局非税收入汇缴专户（开户行：中国工商银行蚌埠分行，账号：1303 0101 0902 4567 890）。';

export const REDACTION_CORPUS: CorpusCase[] = [
  {
    id: 'C01',
    domain: '食品安全',
    subject: {
      partyType: 'natural_person',
      partyName: '张德明',
      partyIdNumber: '340303196611098600',
      address: '安徽省蚌埠市蚌山区涂山路168号3栋502室',
      phone: '13826269905',
      knownPeople: ['刘秀英'],
      officers: OFFICERS_A,
    },
    text: `当事人：张德明，性别：男，公民身份号码：3403 0319 6611 0986 00，住址：安徽省蚌埠市蚌山区涂山路168号3栋502室，联系电话：138 2626 9905。
经查，2025年3月5日，本局执法人员王海涛、赵丽（执法证号：皖34030012345、皖34030012346）对当事人在蚌埠市蚌山区胜利中路88号经营的早点摊进行检查，发现其妻刘秀英患有活动性肺结核仍从事接触直接入口食品的工作。证人李晓明、王芳在场见证。
上述行为违反了《中华人民共和国食品安全法》第四十五条第一款的规定，依据第一百二十六条第一款第（六）项，本局决定：罚款人民币伍仟元（5000.00元）。${PAY}${REMEDY}`,
    mustGo: [
      { kind: 'party_name', text: '张德明', subject: true },
      { kind: 'id_number', text: '3403 0319 6611 0986 00', subject: true },
      { kind: 'address', text: '安徽省蚌埠市蚌山区涂山路168号3栋502室', subject: true },
      { kind: 'phone', text: '138 2626 9905', subject: true },
      { kind: 'person_name', text: '刘秀英' },
      { kind: 'health', text: '活动性肺结核' },
      { kind: 'person_name', text: '李晓明' },
      { kind: 'person_name', text: '王芳' },
    ],
    mustStay: [
      '王海涛',
      '赵丽',
      '皖34030012345',
      '皖34030012346',
      '2025年3月5日',
      '5000.00元',
      '1303 0101 0902 4567 890',
      '第一百二十六条',
      '胜利中路88号',
    ],
    masked: ['张某某'],
  },
  {
    id: 'C02',
    domain: '市场监管',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市宏达食品贸易有限公司',
      partyIdNumber: '91340303MA6726473F',
      representative: '陈志远',
      address: '蚌埠市蚌山区纬四路66号',
      phone: '0552-2045678',
      officers: OFFICERS_B,
    },
    text: `当事人：蚌埠市宏达食品贸易有限公司，统一社会信用代码：91340303MA6726473F，住所：蚌埠市蚌山区纬四路66号，法定代表人：陈志远，联系电话：0552-2045678。
2025年4月12日，本局接到投诉举报人吴海燕（手机：159 8835 9346）举报，称其在当事人处购买的“香辣牛肉干”已超过保质期。执法人员孙建华、周敏（执法证号：34030021001、34030021002）当日对当事人位于蚌埠市蚌山区纬四路66号的仓库进行检查，现场负责人马超在场。
经查，当事人共购进涉案产品120袋，货值金额3280.50元，违法所得860元。本局依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项，决定：没收违法所得860元，罚款人民币50000元。案号：蚌山市监立〔2025〕35号。`,
    mustGo: [
      { kind: 'phone', text: '0552-2045678', subject: true },
      { kind: 'person_name', text: '吴海燕' },
      { kind: 'phone', text: '159 8835 9346' },
      { kind: 'person_name', text: '马超' },
    ],
    mustStay: [
      '蚌埠市宏达食品贸易有限公司',
      '91340303MA6726473F',
      '蚌埠市蚌山区纬四路66号',
      '陈志远',
      '孙建华',
      '周敏',
      '34030021001',
      '34030021002',
      '3280.50元',
      '50000元',
      '蚌山市监立〔2025〕35号',
    ],
  },
  {
    id: 'C03',
    domain: '交通运输',
    subject: {
      partyType: 'natural_person',
      partyName: '欧阳娜娜',
      partyIdNumber: '34030319671107397X',
      address: '蚌埠市禹会区长青乡马城村三组',
      phone: '19999938268',
      officers: OFFICERS_C,
    },
    text: `当事人：欧阳娜娜，女，身份证号：340303-19671107-397x，家住蚌埠市禹会区长青乡马城村三组，手机号码 +86 199 9993 8268。
2025年5月8日9时20分，蚌埠市交通运输综合行政执法支队执法人员欧阳文、李国强在G206国道蚌埠段检查时，发现当事人驾驶皖C·8K263号小型普通客车未取得道路运输经营许可，擅自从事道路旅客运输经营，车上乘客周小燕、孙立新称每人支付车费30元。
以上事实有现场笔录、询问笔录、乘客证言等证据证实。依据《中华人民共和国道路运输条例》第六十三条，决定罚款人民币10000元。文书编号：蚌交执罚〔2025〕0087号。`,
    mustGo: [
      { kind: 'party_name', text: '欧阳娜娜', subject: true },
      { kind: 'id_number', text: '340303-19671107-397x', subject: true },
      { kind: 'address', text: '蚌埠市禹会区长青乡马城村三组', subject: true },
      { kind: 'phone', text: '+86 199 9993 8268', subject: true },
      { kind: 'person_name', text: '周小燕' },
      { kind: 'person_name', text: '孙立新' },
    ],
    mustStay: [
      '欧阳文',
      '李国强',
      '皖C·8K263',
      '10000元',
      '蚌交执罚〔2025〕0087号',
      '2025年5月8日9时20分',
      'G206',
    ],
    masked: ['欧阳某某'],
  },
  {
    id: 'C04',
    domain: '市场监管',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市龙子湖区李记烟酒商行',
      partyIdNumber: '92340321WU0X3LG55R',
      representative: '李建军',
      address: '蚌埠市龙子湖区东海大道4567号',
      phone: '13907182170',
      officers: OFFICERS_A,
    },
    text: `当事人：蚌埠市龙子湖区李记烟酒商行，统一社会信用代码：92340321WU0X3LG55R，经营场所：蚌埠市龙子湖区东海大道4567号，经营者：李建军，身份证号码：340321199806231834，联系电话：139-0718-2170。
2025年6月3日，执法人员王海涛、赵丽对当事人经营场所进行检查，发现当事人销售的“五粮液”白酒12瓶侵犯注册商标专用权。当事人经营者李建军称上述白酒系从一名自称“老刘”的人处购进，货款通过其个人银行卡6222 0294 1919 5332支付。
本局依据《中华人民共和国商标法》第六十条第二款，决定：没收侵权商品，罚款人民币15000元。`,
    mustGo: [
      { kind: 'party_name', text: '李建军', subject: true },
      { kind: 'id_number', text: '340321199806231834' },
      { kind: 'phone', text: '139-0718-2170', subject: true },
      { kind: 'bank_account', text: '6222 0294 1919 5332' },
    ],
    mustStay: [
      '蚌埠市龙子湖区李记烟酒商行',
      '92340321WU0X3LG55R',
      '蚌埠市龙子湖区东海大道4567号',
      '王海涛',
      '15000元',
      '第六十条第二款',
    ],
    masked: ['李某某'],
  },
  {
    id: 'C05',
    domain: '生态环境',
    subject: {
      partyType: 'legal_person',
      partyName: '安徽华源化工有限公司',
      partyIdNumber: '9134032393810C558K',
      representative: '黄立群',
      address: '蚌埠市怀远县经济开发区纬二路8号',
      officers: ['郑伟', '何静'],
    },
    text: `当事人：安徽华源化工有限公司，统一社会信用代码：9134032393810C558K，住所：蚌埠市怀远县经济开发区纬二路8号，法定代表人：黄立群。
2025年2月18日，蚌埠市生态环境局执法人员郑伟、何静（执法证编号：皖E0213、皖E0214 所在单位监督电话：0552-3112369）对当事人进行现场检查，发现其废水总排口化学需氧量浓度为186mg/L，超过《污水综合排放标准》（GB 8978-1996）规定限值。当事人环保专员徐志刚（手机 150-2736-6232）在场并签字确认，其妻子杜红梅称徐志刚近期因糖尿病住院治疗，未能及时上报。
依据《中华人民共和国水污染防治法》第八十三条第（二）项，决定罚款人民币二十万元（200000元）。蚌环罚字〔2025〕9号。`,
    mustGo: [
      { kind: 'person_name', text: '徐志刚' },
      { kind: 'phone', text: '150-2736-6232' },
      { kind: 'person_name', text: '杜红梅' },
      { kind: 'health', text: '因糖尿病住院治疗' },
    ],
    mustStay: [
      '安徽华源化工有限公司',
      '9134032393810C558K',
      '蚌埠市怀远县经济开发区纬二路8号',
      '黄立群',
      '郑伟',
      '何静',
      '0552-3112369',
      '186mg/L',
      'GB 8978-1996',
      '200000元',
      '蚌环罚字〔2025〕9号',
    ],
  },
  {
    id: 'C06',
    domain: '城市管理',
    subject: {
      partyType: 'natural_person',
      partyName: '王刚',
      partyIdNumber: '340303199012032670',
      address: '蚌埠市淮上区曹老集镇育才路16号',
      phone: '18104217892',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：王  刚，男，汉族，1990年12月3日出生，身份证号码：３４０３０３１９９０１２０３２６７０，现住蚌埠市淮上区曹老集镇育才路16号。
2025年7月21日22时10分，蚌埠市城市管理行政执法局执法队员刘洋、陈晨巡查发现，当事人在淮上区沫河口镇滨河路与淮河大道交叉口夜间露天烧烤，油烟直排。邻居李桂兰向12345热线投诉。当事人经责令改正拒不改正。
依据《中华人民共和国大气污染防治法》第一百一十八条第三款，决定罚款人民币贰仟元（2000元）。`,
    mustGo: [
      { kind: 'party_name', text: '王  刚', subject: true },
      { kind: 'id_number', text: '３４０３０３１９９０１２０３２６７０', subject: true },
      { kind: 'address', text: '蚌埠市淮上区曹老集镇育才路16号', subject: true },
      { kind: 'person_name', text: '李桂兰' },
    ],
    mustStay: ['刘洋', '陈晨', '12345', '2000元', '1990年12月3日', '滨河路与淮河大道交叉口'],
    masked: ['王某某'],
  },
  {
    id: 'C07',
    domain: '应急管理',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市金鼎建材有限公司',
      partyIdNumber: '91340302706EK439NU',
      representative: '钱卫东',
      officers: ['冯涛', '蒋丽华'],
    },
    text: `当事人：蚌埠市金鼎建材有限公司（统一社会信用代码：91340302706EK439NU），法定代表人：钱卫东。
2025年8月6日，蚌埠市应急管理局执法人员冯涛、蒋丽华对当事人进行安全生产检查，发现其特种作业人员（焊工）赵国庆未取得特种作业操作证上岗作业。员工孙海波反映，赵国庆曾于2024年10月作业时受伤，经诊断为左臂骨折。职工家属电话：181 8225 1917。
当事人的行为违反了《中华人民共和国安全生产法》第三十条第一款，依据第九十七条第（七）项，决定罚款人民币叁万元（30000元）。蚌应急罚〔2025〕21号。本局地址：蚌埠市龙子湖区财院路1号，咨询电话：0552-3013110。`,
    mustGo: [
      { kind: 'person_name', text: '赵国庆' },
      { kind: 'person_name', text: '孙海波' },
      { kind: 'health', text: '诊断为左臂骨折' },
      { kind: 'phone', text: '181 8225 1917' },
    ],
    mustStay: [
      '蚌埠市金鼎建材有限公司',
      '91340302706EK439NU',
      '钱卫东',
      '冯涛',
      '蒋丽华',
      '30000元',
      '蚌应急罚〔2025〕21号',
      '蚌埠市龙子湖区财院路1号',
      '0552-3013110',
    ],
  },
  {
    id: 'C08',
    domain: '食品安全',
    subject: {
      partyType: 'individual_business',
      partyName: '五河县城关镇小周卤菜店',
      partyIdNumber: '340322196901038541',
      representative: '周玉兰',
      address: '五河县城关镇淮河路102号',
      phone: '15822501131',
      knownPeople: ['周强'],
      officers: ['韩磊', '曹雪'],
    },
    text: `当事人：五河县城关镇小周卤菜店，经营者：周玉兰，身份证号：340322 196901 038541，经营场所：五河县城关镇淮河路102号，联系电话：158　2250　1131。
2025年9月2日，五河县市场监督管理局执法人员韩磊（执法证号：34032200015）、曹雪（执法证号：34032200016）检查发现，当事人店内从业人员周强未取得健康证明即从事卤菜加工，且周强自述患有乙肝。当事人之子周强系经营者周玉兰的儿子。
食品经营许可证编号：JY13403220012345。依据《中华人民共和国食品安全法》第一百二十六条第一款第（六）项，决定给予警告，并罚款人民币5000元。五市监处罚〔2025〕66号。`,
    mustGo: [
      { kind: 'party_name', text: '周玉兰', subject: true },
      { kind: 'id_number', text: '340322 196901 038541', subject: true },
      { kind: 'phone', text: '158　2250　1131', subject: true },
      { kind: 'person_name', text: '周强' },
      { kind: 'health', text: '患有乙肝' },
    ],
    mustStay: [
      '五河县城关镇小周卤菜店',
      '五河县城关镇淮河路102号',
      '韩磊',
      '曹雪',
      '34032200015',
      '34032200016',
      'JY13403220012345',
      '未取得健康证明',
      '5000元',
      '五市监处罚〔2025〕66号',
    ],
    masked: ['周某某'],
  },
  {
    id: 'C09',
    domain: '市场监管',
    subject: {
      partyType: 'natural_person',
      partyName: '司马青',
      partyIdNumber: '341202198501142939',
      phone: '18608617586',
      officers: OFFICERS_B,
    },
    text: `当事人：司马青，男，身份证号码：341202198501142939。
经查，当事人自2024年11月起通过网络平台销售自制“减肥胶囊”，宣称可治愈糖尿病、高血压，构成虚假宣传。消费者钱美华、郑晓东购买后出现不适，钱美华因腹泻于2025年1月6日至9日在蚌埠医学院第一附属医院住院治疗。当事人收款账户：6230 5804 3421 6672 226。
当事人手机 18608617586 已停机。依据《中华人民共和国反不正当竞争法》第二十条，决定罚款人民币二十万元。执法人员孙建华、周敏。`,
    mustGo: [
      { kind: 'party_name', text: '司马青', subject: true },
      { kind: 'id_number', text: '341202198501142939', subject: true },
      { kind: 'phone', text: '18608617586', subject: true },
      { kind: 'person_name', text: '钱美华' },
      { kind: 'person_name', text: '郑晓东' },
      { kind: 'health', text: '在蚌埠医学院第一附属医院住院治疗' },
      { kind: 'bank_account', text: '6230 5804 3421 6672 226' },
    ],
    mustStay: ['可治愈糖尿病', '孙建华', '周敏', '第二十条', '2024年11月'],
    masked: ['司马某某'],
  },
  {
    id: 'C10',
    domain: '生态环境',
    subject: {
      partyType: 'natural_person',
      partyName: '刘大海',
      partyIdNumber: '340321195512254397',
      address: '怀远县河溜镇郑湾村五组',
      officers: ['郑伟', '何静'],
    },
    text: `当事人：刘大海，男，1955年12月25日出生，住怀远县河溜镇郑湾村五组。
2025年4月20日，执法人员郑伟、何静检查发现，当事人在怀远县河溜镇郑湾村北侧农田露天焚烧废旧电线约200公斤。村民委员会主任高建平在场见证。当事人称其患有阿尔茨海默症早期症状，记忆力差。
依据《中华人民共和国大气污染防治法》第一百一十九条第一款，决定罚款人民币一万元。怀环罚〔2025〕14号。`,
    mustGo: [
      { kind: 'party_name', text: '刘大海', subject: true },
      { kind: 'address', text: '怀远县河溜镇郑湾村五组', subject: true },
      { kind: 'health', text: '患有阿尔茨海默症' },
      { kind: 'person_name', text: '高建平' },
    ],
    mustStay: [
      '郑伟',
      '何静',
      '怀远县河溜镇郑湾村北侧农田',
      '200公斤',
      '怀环罚〔2025〕14号',
      '1955年12月25日',
    ],
    masked: ['刘某某'],
  },
  {
    id: 'C11',
    domain: '交通运输',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠顺通物流有限公司',
      partyIdNumber: '913403227Q0Y95R74D',
      representative: '韦明',
      officers: OFFICERS_C,
    },
    text: `当事人：蚌埠顺通物流有限公司，统一社会信用代码：913403227Q0Y95R74D，法定代表人：韦明，道路运输经营许可证号：340302012345。
2025年3月14日，执法人员欧阳文、李国强在蚌埠收费站治超检测点检查发现，当事人所属皖C·D5721号重型半挂牵引车（道路运输证号：340302200567）车货总质量为65.8吨，超过限定标准。驾驶员雷振华，身份证号码 3412 0219 6505 2480 37，手机号码 13913930212。
依据《公路安全保护条例》第六十六条，决定罚款人民币3000元。蚌交执罚〔2025〕0112号。`,
    mustGo: [
      { kind: 'person_name', text: '雷振华' },
      { kind: 'id_number', text: '3412 0219 6505 2480 37' },
      { kind: 'phone', text: '13913930212' },
    ],
    mustStay: [
      '蚌埠顺通物流有限公司',
      '913403227Q0Y95R74D',
      '韦明',
      '340302012345',
      '340302200567',
      '皖C·D5721',
      '65.8吨',
      '3000元',
      '蚌交执罚〔2025〕0112号',
    ],
  },
  {
    id: 'C12',
    domain: '卫生健康',
    subject: {
      partyType: 'natural_person',
      partyName: '孟庆华',
      partyIdNumber: '340104200011111976',
      address: '合肥市蜀山区长江西路200号',
      phone: '13647558924',
      knownPeople: ['蔡文静'],
      officers: ['唐敏', '许峰'],
    },
    text: `当事人：孟庆华，男，公民身份号码：340104 2000 1111 1976，住址：合肥市蜀山区长江西路200号，联系电话：13647558924。
经查，当事人未取得医师执业证书，于2025年1月至3月在蚌埠市禹会区朝阳路一出租屋内为他人提供针灸、推拿等诊疗活动，违法所得6800元。就诊人蔡文静称其患有腰椎间盘突出症，在当事人处接受治疗十余次，病历记载其曾有抑郁症病史。
依据《中华人民共和国医师法》第五十九条，决定没收违法所得6800元，罚款人民币68000元。执法人员唐敏、许峰。蚌卫医罚〔2025〕7号。`,
    mustGo: [
      { kind: 'party_name', text: '孟庆华', subject: true },
      { kind: 'id_number', text: '340104 2000 1111 1976', subject: true },
      { kind: 'address', text: '合肥市蜀山区长江西路200号', subject: true },
      { kind: 'phone', text: '13647558924', subject: true },
      { kind: 'person_name', text: '蔡文静' },
      { kind: 'health', text: '腰椎间盘突出症' },
      { kind: 'health', text: '抑郁症病史' },
    ],
    mustStay: [
      '唐敏',
      '许峰',
      '6800元',
      '68000元',
      '蚌卫医罚〔2025〕7号',
      '《中华人民共和国医师法》第五十九条',
    ],
    masked: ['孟某某'],
  },
  {
    id: 'C13',
    domain: '城市管理',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市蚌山区阿强汽车美容店',
      partyIdNumber: '91340302W73U7P832C',
      representative: '邓志强',
      address: '蚌埠市蚌山区燕山路1055号',
      phone: '18831103916',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：蚌埠市蚌山区阿强汽车美容店，统一社会信用代码：91340302W73U7P832C，经营者：邓志强，经营地址：蚌埠市蚌山区燕山路1055号，电话：188 3110 3916。
2025年5月16日，执法队员刘洋、陈晨发现当事人占用店外人行道及盲道洗车，并占用残疾人专用停车位堆放物品。现场有店员小郭及顾客林晓峰在场。
依据《蚌埠市市容和环境卫生管理条例》第四十二条，决定罚款人民币500元。蚌山城管罚〔2025〕203号。`,
    mustGo: [
      { kind: 'party_name', text: '邓志强', subject: true },
      { kind: 'phone', text: '188 3110 3916', subject: true },
      { kind: 'person_name', text: '林晓峰' },
      { kind: 'person_name', text: '小郭' },
    ],
    mustStay: [
      '蚌埠市蚌山区阿强汽车美容店',
      '91340302W73U7P832C',
      '蚌埠市蚌山区燕山路1055号',
      '残疾人专用停车位',
      '刘洋',
      '500元',
      '蚌山城管罚〔2025〕203号',
    ],
    masked: ['邓某某'],
  },
  {
    id: 'C14',
    domain: '食品安全',
    subject: {
      partyType: 'natural_person',
      partyName: '卢小军',
      partyIdNumber: '340311660301469',
      address: '蚌埠市淮上区小蚌埠镇吴郢村',
      officers: OFFICERS_A,
    },
    text: `当事人：卢小军，男，身份证号码：340311 660301 469，住：蚌埠市淮上区小蚌埠镇吴郢村。
2025年1月10日，执法人员王海涛、赵丽在当事人承包的养殖场检查发现，当事人将病死猪6头分割后出售给他人，共得款2400元。购买人聂永福（住址：淮上区梅桥乡梅桥村八组）供述属实。当事人称其本人长期患有高血压，家中缺乏劳动力。
依据《中华人民共和国食品安全法》第一百二十三条，决定没收违法所得2400元，罚款人民币十万元。该案已移送公安机关。`,
    mustGo: [
      { kind: 'party_name', text: '卢小军', subject: true },
      { kind: 'id_number', text: '340311 660301 469', subject: true },
      { kind: 'address', text: '蚌埠市淮上区小蚌埠镇吴郢村', subject: true },
      { kind: 'person_name', text: '聂永福' },
      { kind: 'address', text: '淮上区梅桥乡梅桥村八组' },
      { kind: 'health', text: '患有高血压' },
    ],
    mustStay: ['病死猪6头', '2400元', '王海涛', '赵丽', '第一百二十三条'],
    masked: ['卢某某'],
  },
  {
    id: 'C15',
    domain: '市场监管',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市新世纪大药房连锁有限公司',
      partyIdNumber: '91340303MA29778039',
      representative: '潘文杰',
      address: '蚌埠市蚌山区中山街211号',
      officers: ['孙建华', '周敏'],
    },
    text: `当事人：蚌埠市新世纪大药房连锁有限公司，统一社会信用代码：91340303MA29778039，住所：蚌埠市蚌山区中山街211号，法定代表人：潘文杰。
2025年6月25日，执法人员孙建华、周敏检查当事人中山街门店，发现其销售的“感冒清热颗粒”（批号：240915）已过有效期。门店执业药师叶晓丽在场。消费者投诉人宋佳（电话：151 3601 5630）称购药时其子正在发烧。
依据《中华人民共和国药品管理法》第一百一十七条，决定没收违法药品，罚款人民币十万元。药品经营许可证号：皖AA5520123。蚌市监药罚〔2025〕5号。`,
    mustGo: [
      { kind: 'person_name', text: '宋佳' },
      { kind: 'phone', text: '151 3601 5630' },
      { kind: 'person_name', text: '叶晓丽' },
    ],
    mustStay: [
      '蚌埠市新世纪大药房连锁有限公司',
      '91340303MA29778039',
      '蚌埠市蚌山区中山街211号',
      '潘文杰',
      '240915',
      '皖AA5520123',
      '蚌市监药罚〔2025〕5号',
    ],
  },
  {
    id: 'C16',
    domain: '应急管理',
    subject: {
      partyType: 'natural_person',
      partyName: '上官云',
      partyIdNumber: '340102199004264781',
      address: '合肥市瑶海区胜利路360号',
      phone: '15179542238',
      officers: ['冯涛', '蒋丽华'],
    },
    text: `当事人：上官云，女，身份证号码：340102199004264781，住所：合肥市瑶海区胜利路360号，电话：151-7954-2238。
2025年7月2日，蚌埠市应急管理局执法人员冯涛、蒋丽华检查发现，当事人未经许可在禹会区涂山路一民房内储存烟花爆竹120箱。房东何国平（电话 18634457382）称不知情。当事人称其正处于孕期，请求从轻处罚。
依据《烟花爆竹安全管理条例》第三十六条，决定没收非法储存的烟花爆竹，罚款人民币一万元。蚌应急罚〔2025〕33号。`,
    mustGo: [
      { kind: 'party_name', text: '上官云', subject: true },
      { kind: 'id_number', text: '340102199004264781', subject: true },
      { kind: 'address', text: '合肥市瑶海区胜利路360号', subject: true },
      { kind: 'phone', text: '151-7954-2238', subject: true },
      { kind: 'person_name', text: '何国平' },
      { kind: 'phone', text: '18634457382' },
      { kind: 'health', text: '孕期' },
    ],
    mustStay: ['冯涛', '蒋丽华', '120箱', '蚌应急罚〔2025〕33号', '第三十六条'],
    masked: ['上官某某'],
  },
  {
    id: 'C17',
    domain: '自然资源',
    subject: {
      partyType: 'natural_person',
      partyName: '田永生',
      partyIdNumber: '340323195812168872',
      address: '固镇县濠城镇濠城村六组',
      officers: ['胡斌', '罗晓'],
    },
    text: `当事人：田永生，男，汉族，公民身份号码：34032319581216887２，户籍地：固镇县濠城镇濠城村六组。
经查，当事人于2024年9月未经批准擅自占用濠城村集体土地建设养殖棚，占地面积560平方米，其中耕地420平方米。证明人濠城村村委会会计苏长江证实上述事实。当事人之妻贾秀兰系二级残疾人。
依据《中华人民共和国土地管理法》第七十八条，责令退还非法占用的土地，限期拆除，并处罚款每平方米30元，计16800元。固自然资罚〔2025〕3号。执法人员胡斌、罗晓。`,
    mustGo: [
      { kind: 'party_name', text: '田永生', subject: true },
      { kind: 'id_number', text: '34032319581216887２', subject: true },
      { kind: 'address', text: '固镇县濠城镇濠城村六组', subject: true },
      { kind: 'person_name', text: '苏长江' },
      { kind: 'person_name', text: '贾秀兰' },
      { kind: 'health', text: '二级残疾人' },
    ],
    mustStay: ['560平方米', '16800元', '固自然资罚〔2025〕3号', '胡斌', '罗晓', '第七十八条'],
    masked: ['田某某'],
  },
  {
    id: 'C18',
    domain: '市场监管',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市禹会区华姐服装店',
      partyIdNumber: '92341202MA45173FX6',
      representative: '华秀芬',
      address: '蚌埠市禹会区华夏国际商城1-208',
      phone: '13574395824',
      officers: OFFICERS_B,
    },
    text: `当事人：蚌埠市禹会区华姐服装店（统一社会信用代码：92341202MA45173FX6），经营者：华秀芬，经营场所：蚌埠市禹会区华夏国际商城1-208。
2025年3月28日，执法人员孙建华、周敏根据举报对当事人进行检查，发现其销售假冒“耐克”运动鞋35双。举报人系华秀芬的前雇员鲍婷婷，其联系方式为15232804117。
当事人经营者华秀芬的联系电话为135-7439-5824。依据《中华人民共和国商标法》第六十条第二款，决定没收侵权商品，罚款人民币8000元。禹市监处罚〔2025〕41号。`,
    mustGo: [
      { kind: 'party_name', text: '华秀芬', subject: true },
      { kind: 'phone', text: '135-7439-5824', subject: true },
      { kind: 'person_name', text: '鲍婷婷' },
      { kind: 'phone', text: '15232804117' },
    ],
    mustStay: [
      '蚌埠市禹会区华姐服装店',
      '92341202MA45173FX6',
      '蚌埠市禹会区华夏国际商城1-208',
      '35双',
      '8000元',
      '禹市监处罚〔2025〕41号',
    ],
    masked: ['华某某'],
  },
  {
    id: 'C19',
    domain: '交通运输',
    subject: {
      partyType: 'natural_person',
      partyName: '诸葛明亮',
      partyIdNumber: '340321196903140383',
      officers: OFFICERS_C,
    },
    text: `当事人：诸葛明亮，女，身份证号：340321 1969 0314 0383。
2025年10月9日，执法人员欧阳文、李国强在蚌埠南站出站口发现，当事人驾驶皖C·T3318号小型轿车通过网络平台承接网约车订单，未取得网络预约出租汽车驾驶员证。乘客韩雪梅证实通过平台下单，车费42元。当事人当场出示的手机显示其收款银行卡号为6217 0047 2208 7242。
依据《网络预约出租汽车经营服务管理暂行办法》第三十四条，决定罚款人民币5000元。`,
    mustGo: [
      { kind: 'party_name', text: '诸葛明亮', subject: true },
      { kind: 'id_number', text: '340321 1969 0314 0383', subject: true },
      { kind: 'person_name', text: '韩雪梅' },
      { kind: 'bank_account', text: '6217 0047 2208 7242' },
    ],
    mustStay: ['欧阳文', '李国强', '皖C·T3318', '42元', '5000元', '2025年10月9日'],
    masked: ['诸葛某某'],
  },
  {
    id: 'C20',
    domain: '生态环境',
    subject: {
      partyType: 'legal_person',
      partyName: '固镇县恒泰混凝土有限公司',
      partyIdNumber: '91340322Y6B3728531',
      representative: '程立新',
      address: '固镇县经济开发区汉江路18号',
      officers: ['郑伟', '何静'],
    },
    text: `当事人：固镇县恒泰混凝土有限公司，统一社会信用代码：91340322Y6B3728531，住所：固镇县经济开发区汉江路18号，法定代表人：程立新。
2025年5月30日，执法人员检查发现当事人砂石料堆场未采取覆盖等防尘措施。附近居民投诉人邵丽娟反映其女儿因粉尘诱发哮喘，已于5月20日就医。现场负责人田野陪同检查。
依据《中华人民共和国大气污染防治法》第一百一十七条第（一）项，决定罚款人民币五万元。固环罚〔2025〕19号。执法人员郑伟（执法证号：皖E0213）、何静（执法证号：皖E0214）。`,
    mustGo: [
      { kind: 'person_name', text: '邵丽娟' },
      { kind: 'health', text: '诱发哮喘' },
      { kind: 'person_name', text: '田野' },
    ],
    mustStay: [
      '固镇县恒泰混凝土有限公司',
      '91340322Y6B3728531',
      '固镇县经济开发区汉江路18号',
      '程立新',
      '皖E0213',
      '固环罚〔2025〕19号',
    ],
  },
  {
    id: 'C21',
    domain: '食品安全',
    subject: {
      partyType: 'natural_person',
      partyName: '马丽',
      partyIdNumber: '34032319800507542X',
      address: '固镇县任桥镇任桥街道东街45号',
      phone: '18185818383',
      knownPeople: ['马国富'],
      officers: OFFICERS_A,
    },
    text: `当事人：马丽，女，1980年5月7日出生，公民身份号码：34032319800507542Ｘ，住址：固镇县任桥镇任桥街道东街45号，联系电话：181 8581 8383。
经查，当事人在其住所内无证加工生产月饼并通过微信朋友圈销售，货值金额4560元。当事人之父马国富协助生产。其父马国富曾于2023年因脑梗住院，行动不便。
依据《中华人民共和国食品安全法》第一百二十二条第一款，决定没收违法所得及违法生产的食品，罚款人民币五万元。蚌市监食罚〔2025〕18号。`,
    mustGo: [
      { kind: 'party_name', text: '马丽', subject: true },
      { kind: 'id_number', text: '34032319800507542Ｘ', subject: true },
      { kind: 'address', text: '固镇县任桥镇任桥街道东街45号', subject: true },
      { kind: 'phone', text: '181 8581 8383', subject: true },
      { kind: 'person_name', text: '马国富' },
      { kind: 'health', text: '脑梗住院' },
    ],
    mustStay: ['4560元', '1980年5月7日', '蚌市监食罚〔2025〕18号', '第一百二十二条第一款'],
    masked: ['马某某'],
  },
  {
    id: 'C22',
    domain: '城市管理',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市锦绣园林工程有限公司',
      partyIdNumber: '92340323135808EG24',
      representative: '吕建平',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：蚌埠市锦绣园林工程有限公司，统一社会信用代码：92340323135808EG24，法定代表人：吕建平。
2025年4月2日，执法队员刘洋、陈晨发现当事人未经批准擅自砍伐龙子湖区东海大道绿化带内香樟树3棵。工人许大勇、任小平正在现场作业，许大勇称系受公司安排。
依据《城市绿化条例》第二十六条，决定罚款人民币6000元，并责令补植。龙城管罚〔2025〕57号。当事人如对本决定有异议，可拨打本局监督电话0552-2092345。`,
    mustGo: [
      { kind: 'person_name', text: '许大勇' },
      { kind: 'person_name', text: '任小平' },
    ],
    mustStay: [
      '蚌埠市锦绣园林工程有限公司',
      '92340323135808EG24',
      '吕建平',
      '香樟树3棵',
      '6000元',
      '龙城管罚〔2025〕57号',
      '0552-2092345',
    ],
  },
  {
    id: 'C23',
    domain: '农业农村',
    subject: {
      partyType: 'natural_person',
      partyName: '苗春生',
      partyIdNumber: '341202200009186868',
      address: '五河县小溪镇小溪村二组',
      phone: '15976429169',
      officers: ['汪强', '石静'],
    },
    text: `当事人：苗春生，男，公民身份号码：341202 20000918 6868，家庭住址：五河县小溪镇小溪村二组，联系电话：159-7642-9169。
2025年3月16日，五河县农业农村局执法人员汪强、石静在淮河五河段巡查时，发现当事人在禁渔期内使用电鱼工具捕捞，渔获物8.6公斤。同船人员范德明、其叔父苗长林在场。
依据《中华人民共和国渔业法》第三十八条，决定没收渔获物和渔具，罚款人民币3000元。五农罚〔2025〕11号。执法证号：34032200201、34032200202。`,
    mustGo: [
      { kind: 'party_name', text: '苗春生', subject: true },
      { kind: 'id_number', text: '341202 20000918 6868', subject: true },
      { kind: 'address', text: '五河县小溪镇小溪村二组', subject: true },
      { kind: 'phone', text: '159-7642-9169', subject: true },
      { kind: 'person_name', text: '范德明' },
      { kind: 'person_name', text: '苗长林' },
    ],
    mustStay: ['汪强', '石静', '8.6公斤', '3000元', '五农罚〔2025〕11号', '34032200201', '34032200202'],
    masked: ['苗某某'],
  },
  {
    id: 'C24',
    domain: '市场监管',
    subject: {
      partyType: 'legal_person',
      partyName: '安徽优品电子商务有限公司',
      partyIdNumber: '91340321MAXQ62920U',
      representative: '杨帆',
      address: '蚌埠市怀远县榴城镇禹王路99号',
      phone: '0552-8801234',
      officers: OFFICERS_B,
    },
    text: `当事人：安徽优品电子商务有限公司，统一社会信用代码：91340321MAXQ62920U，住所：蚌埠市怀远县榴城镇禹王路99号，法定代表人：杨帆，联系电话：(0552)8801234。
经查，当事人在其网店宣称所售蜂蜜“可降血糖、治疗失眠”，属于虚假宣传。投诉人崔志勇称其父亲患有2型糖尿病，食用后血糖升高。当事人客服人员于小梅（工号A0321）承认宣传用语无依据。
依据《中华人民共和国广告法》第五十八条，决定责令停止发布广告，罚款人民币十二万元。蚌市监广罚〔2025〕2号。`,
    mustGo: [
      { kind: 'phone', text: '(0552)8801234', subject: true },
      { kind: 'person_name', text: '崔志勇' },
      { kind: 'health', text: '患有2型糖尿病' },
      { kind: 'person_name', text: '于小梅' },
    ],
    mustStay: [
      '安徽优品电子商务有限公司',
      '91340321MAXQ62920U',
      '蚌埠市怀远县榴城镇禹王路99号',
      '杨帆',
      '可降血糖、治疗失眠',
      '蚌市监广罚〔2025〕2号',
    ],
  },
  {
    id: 'C25',
    domain: '交通运输',
    subject: {
      partyType: 'individual_business',
      partyName: '怀远县老方货运部',
      partyIdNumber: '340321197903260996',
      representative: '方建国',
      address: '怀远县榴城镇涂山路8号',
      phone: '13553189763',
      officers: OFFICERS_C,
    },
    text: `当事人：怀远县老方货运部，经营者：方建国，公民身份号码：340321197903260996，经营场所：怀远县榴城镇涂山路8号，联系电话：13553189763，经营者住址：怀远县榴城镇东风村四组。
2025年6月11日，执法人员欧阳文、李国强检查发现，当事人使用未取得道路运输证的皖C·65218号货车从事普通货物运输。驾驶人褚永刚（身份证号码：340321 19571010 7021）当场承认。
依据《中华人民共和国道路运输条例》第六十八条，决定罚款人民币3000元。蚌交执罚〔2025〕0156号。`,
    mustGo: [
      { kind: 'party_name', text: '方建国', subject: true },
      { kind: 'id_number', text: '340321197903260996', subject: true },
      { kind: 'phone', text: '13553189763', subject: true },
      { kind: 'address', text: '怀远县榴城镇东风村四组' },
      { kind: 'person_name', text: '褚永刚' },
      { kind: 'id_number', text: '340321 19571010 7021' },
    ],
    mustStay: ['怀远县老方货运部', '怀远县榴城镇涂山路8号', '皖C·65218', '3000元', '蚌交执罚〔2025〕0156号'],
    masked: ['方某某'],
  },
  {
    id: 'C26',
    domain: '应急管理',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市东升机械制造有限公司',
      partyIdNumber: '91340304K0196FQ310',
      representative: '彭学军',
      address: '蚌埠市禹会区工业园区涂山东路8号',
      officers: ['冯涛', '蒋丽华'],
    },
    text: `当事人：蚌埠市东升机械制造有限公司，统一社会信用代码：91340304K0196FQ310，住所：蚌埠市禹会区工业园区涂山东路8号，法定代表人：彭学军。
2025年1月15日，当事人冲压车间发生一起机械伤害事故，造成员工曾德才右手三根手指离断，经诊断为九级伤残。事故调查组认定当事人未对冲压设备安全防护装置进行经常性维护。工友肖建伟、袁小兵证实事发经过。伤者家属曾德才之妻蔡桂香电话：159 2736 6232。
依据《中华人民共和国安全生产法》第一百一十四条第一款第（一）项，决定罚款人民币三十万元。蚌应急罚〔2025〕4号。`,
    mustGo: [
      { kind: 'person_name', text: '曾德才' },
      { kind: 'health', text: '右手三根手指离断' },
      { kind: 'health', text: '九级伤残' },
      { kind: 'person_name', text: '肖建伟' },
      { kind: 'person_name', text: '袁小兵' },
      { kind: 'person_name', text: '蔡桂香' },
      { kind: 'phone', text: '159 2736 6232' },
    ],
    mustStay: [
      '蚌埠市东升机械制造有限公司',
      '91340304K0196FQ310',
      '蚌埠市禹会区工业园区涂山东路8号',
      '彭学军',
      '蚌应急罚〔2025〕4号',
      '第一百一十四条第一款第（一）项',
    ],
  },
  {
    id: 'C27',
    domain: '文化旅游',
    subject: {
      partyType: 'natural_person',
      partyName: '薛斌',
      partyIdNumber: '340311197507071322',
      address: '蚌埠市淮上区淮滨路27号2单元301室',
      phone: '15066053743',
      officers: ['戴军', '夏雨'],
    },
    text: `当事人：薛斌，男，身份证：3403-1119-7507-0713-22，住址：蚌埠市淮上区淮滨路27号2单元301室，联系方式：150 6605 3743。
2025年8月23日，蚌埠市文化和旅游局执法人员戴军、夏雨检查发现，当事人未取得旅行社业务经营许可，组织32名游客赴黄山旅游并收取费用每人680元。游客代表俞海燕、蒋卫国提供了收款记录，当事人通过银行卡（户名：薛斌，卡号：6228 4892 3075 8391）收款。
依据《中华人民共和国旅游法》第九十五条，决定没收违法所得21760元，罚款人民币五万元。蚌文旅罚〔2025〕6号。`,
    mustGo: [
      { kind: 'party_name', text: '薛斌', subject: true },
      { kind: 'id_number', text: '3403-1119-7507-0713-22', subject: true },
      { kind: 'address', text: '蚌埠市淮上区淮滨路27号2单元301室', subject: true },
      { kind: 'phone', text: '150 6605 3743', subject: true },
      { kind: 'person_name', text: '俞海燕' },
      { kind: 'person_name', text: '蒋卫国' },
      { kind: 'bank_account', text: '6228 4892 3075 8391' },
    ],
    mustStay: ['戴军', '夏雨', '32名', '680元', '21760元', '蚌文旅罚〔2025〕6号'],
    masked: ['薛某某'],
  },
  {
    id: 'C28',
    domain: '市场监管',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市淮上区建华五金店',
      partyIdNumber: '91340302MA5568812G',
      representative: '金建华',
      address: '蚌埠市淮上区淮上大道302号',
      officers: OFFICERS_A,
    },
    text: `当事人：蚌埠市淮上区建华五金店，统一社会信用代码：91340302MA5568812G，经营者：金建华，经营场所：蚌埠市淮上区淮上大道302号。
2025年5月6日，执法人员王海涛、赵丽检查发现，当事人使用未经检定的电子计价秤（出厂编号：201905123456789）。当事人经营者金建华称其妻子陶玉珍负责日常经营，陶玉珍患有听力残疾，未注意到检定期限。当事人银行账户：6214 8398 0584 4740 316（中国银行）。
依据《中华人民共和国计量法实施细则》第四十三条，决定没收计量器具，罚款人民币800元。淮市监处罚〔2025〕77号。`,
    mustGo: [
      { kind: 'party_name', text: '金建华', subject: true },
      { kind: 'person_name', text: '陶玉珍' },
      { kind: 'health', text: '听力残疾' },
      { kind: 'bank_account', text: '6214 8398 0584 4740 316' },
    ],
    mustStay: [
      '蚌埠市淮上区建华五金店',
      '91340302MA5568812G',
      '蚌埠市淮上区淮上大道302号',
      '201905123456789',
      '800元',
      '淮市监处罚〔2025〕77号',
    ],
    masked: ['金某某'],
  },
  {
    id: 'C29',
    domain: '生态环境',
    subject: {
      partyType: 'natural_person',
      partyName: '姜宏',
      partyIdNumber: '340104198606060848',
      address: '合肥市包河区徽州大道1888号',
      phone: '18025349640',
      knownPeople: ['姜浩'],
      officers: ['郑伟', '何静'],
    },
    text: `当事人：姜宏，男，居民身份证号码：340104198606060848，居住于合肥市包河区徽州大道1888号，电话：180 2534 9640。
2025年9月12日，执法人员发现当事人在蚌埠市淮上区沫河口镇一处废弃厂房内非法拆解废旧铅酸蓄电池，废液直排地面。当事人之弟姜浩协助拆解。经检测，土壤铅含量为1260mg/kg。
依据《中华人民共和国固体废物污染环境防治法》第一百一十四条，决定罚款人民币十万元。该案已移送公安机关。蚌环罚字〔2025〕31号。执法人员郑伟、何静。`,
    mustGo: [
      { kind: 'party_name', text: '姜宏', subject: true },
      { kind: 'id_number', text: '340104198606060848', subject: true },
      { kind: 'address', text: '合肥市包河区徽州大道1888号', subject: true },
      { kind: 'phone', text: '180 2534 9640', subject: true },
      { kind: 'person_name', text: '姜浩' },
    ],
    mustStay: ['1260mg/kg', '蚌环罚字〔2025〕31号', '郑伟', '何静', '第一百一十四条'],
    masked: ['姜某某'],
  },
  {
    id: 'C30',
    domain: '城市管理',
    subject: {
      partyType: 'natural_person',
      partyName: '包志勇',
      partyIdNumber: '340304195611231469',
      address: '蚌埠市禹会区张公山路18号',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：包志勇，男，身份证号码：340304195611231469，住蚌埠市禹会区张公山路18号。
2025年6月18日，执法队员刘洋、陈晨巡查发现，当事人在禹会区张公山路18号院内违法搭建彩钢瓦房一间，面积约25平方米。当事人称其老伴常年卧床需要照料，系为安置护工所建。邻居举报人汤晓雯于2025年6月10日通过12345热线反映。
依据《中华人民共和国城乡规划法》第六十四条，责令限期拆除。蚌禹城管罚〔2025〕88号。`,
    mustGo: [
      { kind: 'party_name', text: '包志勇', subject: true },
      { kind: 'id_number', text: '340304195611231469', subject: true },
      { kind: 'address', text: '蚌埠市禹会区张公山路18号', subject: true },
      { kind: 'person_name', text: '汤晓雯' },
    ],
    mustStay: ['刘洋', '陈晨', '25平方米', '12345', '蚌禹城管罚〔2025〕88号'],
    masked: ['包某某'],
  },
  {
    id: 'C31',
    domain: '食品安全',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市第三中学',
      partyIdNumber: '12340300485012345X',
      representative: '梁文博',
      address: '蚌埠市蚌山区延安路50号',
      officers: ['韩磊', '曹雪'],
    },
    text: `当事人：蚌埠市第三中学，法定代表人：梁文博，住所：蚌埠市蚌山区延安路50号。
2025年10月15日，执法人员韩磊、曹雪检查当事人学生食堂时发现，食堂留样柜内未按规定留存10月14日午餐样品。食堂厨师廖长江、帮工杜美玲在场。据学校医务室记录，学生黄小宇（初二（3）班）当日因腹痛就诊。
依据《中华人民共和国食品安全法实施条例》第六十七条，决定给予警告，罚款人民币5000元。蚌市监食罚〔2025〕29号。监督电话：12315。`,
    mustGo: [
      { kind: 'person_name', text: '廖长江' },
      { kind: 'person_name', text: '杜美玲' },
      { kind: 'health', text: '因腹痛就诊' },
      { kind: 'person_name', text: '黄小宇' },
    ],
    mustStay: [
      '蚌埠市第三中学',
      '梁文博',
      '蚌埠市蚌山区延安路50号',
      '韩磊',
      '曹雪',
      '12315',
      '蚌市监食罚〔2025〕29号',
    ],
  },
  {
    id: 'C32',
    domain: '市场监管',
    subject: {
      partyType: 'natural_person',
      partyName: '胡晓梅',
      partyIdNumber: '341202196810110114',
      phone: '15861128449',
      officers: OFFICERS_B,
    },
    text: `当事人：胡晓梅，女，身份证号码：341202 196810 110114，联系电话：１５８６１１２８４４９。
经查，当事人于2025年7月在蚌埠市蚌山区二马路菜市场摊位销售未经检疫的牛肉43公斤，货值金额3440元。市场管理员康明远发现后报告。当事人称其丈夫正在住院化疗，急需用钱。
依据《中华人民共和国动物防疫法》第一百条，决定没收违法所得，罚款人民币一万元。蚌山市监处罚〔2025〕97号。`,
    mustGo: [
      { kind: 'party_name', text: '胡晓梅', subject: true },
      { kind: 'id_number', text: '341202 196810 110114', subject: true },
      { kind: 'phone', text: '１５８６１１２８４４９', subject: true },
      { kind: 'health', text: '住院化疗' },
      { kind: 'person_name', text: '康明远' },
    ],
    mustStay: ['43公斤', '3440元', '蚌山市监处罚〔2025〕97号', '二马路菜市场'],
    masked: ['胡某某'],
  },
  {
    id: 'C33',
    domain: '卫生健康',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠仁和口腔门诊部有限公司',
      partyIdNumber: '91340323M27959066P',
      representative: '施文华',
      address: '蚌埠市龙子湖区宏业路399号',
      officers: ['唐敏', '许峰'],
    },
    text: `当事人：蚌埠仁和口腔门诊部有限公司，统一社会信用代码：91340323M27959066P，地址：蚌埠市龙子湖区宏业路399号，法定代表人：施文华。医疗机构执业许可证登记号：PDY00000934030217D2152。
2025年4月8日，执法人员唐敏、许峰检查发现，当事人聘用未取得医师资格的人员葛晓东从事口腔诊疗活动。患者董丽娜的病历显示其于2025年3月在该门诊拔除智齿后出现感染。
依据《医疗机构管理条例》第四十七条，决定罚款人民币三万元。蚌卫医罚〔2025〕12号。`,
    mustGo: [
      { kind: 'person_name', text: '葛晓东' },
      { kind: 'person_name', text: '董丽娜' },
      { kind: 'health', text: '拔除智齿后出现感染' },
    ],
    mustStay: [
      '蚌埠仁和口腔门诊部有限公司',
      '91340323M27959066P',
      '蚌埠市龙子湖区宏业路399号',
      '施文华',
      'PDY00000934030217D2152',
      '唐敏',
      '许峰',
      '蚌卫医罚〔2025〕12号',
    ],
  },
  {
    id: 'C34',
    domain: '交通运输',
    subject: {
      partyType: 'natural_person',
      partyName: '严俊',
      partyIdNumber: '340323199210263328',
      address: '固镇县新马桥镇新马桥村',
      phone: '13845540352',
      officers: OFFICERS_C,
    },
    text: `当事人：严俊，男，身份证号：３４０３２３ １９９２１０２６ ３３２８，暂住蚌埠市龙子湖区长淮卫镇淮光村，户籍地址：固镇县新马桥镇新马桥村，手机：138 4554 0352。
2025年11月3日，执法人员欧阳文、李国强在淮河蚌埠港区检查发现，当事人驾驶的“皖蚌埠货1268”船舶未持有效船舶检验证书航行。船员邱德胜在船。当事人系聋哑人，询问时由其表弟卫小军手语翻译。
依据《中华人民共和国内河交通安全管理条例》第六十八条，决定罚款人民币8000元。蚌港航罚〔2025〕15号。`,
    mustGo: [
      { kind: 'party_name', text: '严俊', subject: true },
      { kind: 'id_number', text: '３４０３２３ １９９２１０２６ ３３２８', subject: true },
      { kind: 'address', text: '蚌埠市龙子湖区长淮卫镇淮光村' },
      { kind: 'address', text: '固镇县新马桥镇新马桥村', subject: true },
      { kind: 'phone', text: '138 4554 0352' },
      { kind: 'person_name', text: '邱德胜' },
      { kind: 'health', text: '聋哑人' },
      { kind: 'person_name', text: '卫小军' },
    ],
    mustStay: ['欧阳文', '李国强', '皖蚌埠货1268', '8000元', '蚌港航罚〔2025〕15号'],
    masked: ['严某某'],
  },
  {
    id: 'C35',
    domain: '市场监管',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠万家福超市有限公司',
      partyIdNumber: '91340321MA9200AR2X',
      representative: '罗志刚',
      address: '蚌埠市怀远县榴城镇禹王路128号',
      officers: OFFICERS_A,
    },
    text: `当事人：蚌埠万家福超市有限公司，统一社会信用代码：91340321MA9200AR2X，住所：蚌埠市怀远县榴城镇禹王路128号，法定代表人：罗志刚。
2025年2月10日，执法人员王海涛、赵丽根据消费者邹小平的投诉对当事人进行检查。邹小平称其于2025年2月3日购买的“鲜牛奶”开启后变质，其子饮用后呕吐并住院观察。收银员吕娟确认该批次产品已于2月5日下架。
依据《中华人民共和国食品安全法》第一百二十四条第一款，决定没收违法所得1240元，罚款人民币五万元。怀市监处罚〔2025〕23号。`,
    mustGo: [
      { kind: 'person_name', text: '邹小平' },
      { kind: 'health', text: '呕吐并住院观察' },
      { kind: 'person_name', text: '吕娟' },
    ],
    mustStay: [
      '蚌埠万家福超市有限公司',
      '91340321MA9200AR2X',
      '蚌埠市怀远县榴城镇禹王路128号',
      '罗志刚',
      '1240元',
      '怀市监处罚〔2025〕23号',
    ],
  },
  {
    id: 'C36',
    domain: '自然资源',
    subject: {
      partyType: 'individual_business',
      partyName: '怀远县荆山砂石经营部',
      partyIdNumber: '91340323MA60613895',
      representative: '闵德胜',
      address: '怀远县荆山镇荆山路6号',
      phone: '15198434738',
      officers: ['胡斌', '罗晓'],
    },
    text: `当事人：怀远县荆山砂石经营部，统一社会信用代码：91340323MA60613895，经营者：闵德胜（身份证号码：340323 1984 0810 4002，住址：怀远县荆山镇白乳泉村二组），经营场所：怀远县荆山镇荆山路6号。
2025年3月22日，执法人员胡斌、罗晓发现当事人在淮河怀远段非法采砂，采砂量约1500立方米。挖机司机万明亮、船工邬长生在场。
依据《中华人民共和国矿产资源法》第三十九条，决定没收违法所得45000元，罚款人民币九万元。怀自然资罚〔2025〕8号。`,
    mustGo: [
      { kind: 'party_name', text: '闵德胜', subject: true },
      { kind: 'id_number', text: '340323 1984 0810 4002' },
      { kind: 'address', text: '怀远县荆山镇白乳泉村二组' },
      { kind: 'person_name', text: '万明亮' },
      { kind: 'person_name', text: '邬长生' },
    ],
    mustStay: [
      '怀远县荆山砂石经营部',
      '91340323MA60613895',
      '怀远县荆山镇荆山路6号',
      '1500立方米',
      '45000元',
      '怀自然资罚〔2025〕8号',
    ],
    masked: ['闵某某'],
  },
  {
    id: 'C37',
    domain: '应急管理',
    subject: {
      partyType: 'natural_person',
      partyName: '慕容雪',
      partyIdNumber: '340304196706015157',
      address: '蚌埠市禹会区大庆路66号',
      phone: '15826510335',
      officers: ['冯涛', '蒋丽华'],
    },
    text: `当事人：慕容雪，女，公民身份号码：340304196706015157，现住址：蚌埠市禹会区大庆路66号，联系电话：0086-158-2651-0335。
2025年12月1日，执法人员冯涛、蒋丽华检查发现，当事人经营的液化气供应点在居民楼一层储存液化石油气钢瓶18只，且无任何消防器材。住户代表邝丽萍反映存在安全隐患。当事人称其患有焦虑症，正在服药。
依据《城镇燃气管理条例》第四十五条，决定罚款人民币二万元。蚌应急罚〔2025〕48号。本局办公电话：0552-3013110。`,
    mustGo: [
      { kind: 'party_name', text: '慕容雪', subject: true },
      { kind: 'id_number', text: '340304196706015157', subject: true },
      { kind: 'address', text: '蚌埠市禹会区大庆路66号', subject: true },
      { kind: 'phone', text: '0086-158-2651-0335', subject: true },
      { kind: 'health', text: '患有焦虑症' },
      { kind: 'person_name', text: '邝丽萍' },
    ],
    mustStay: ['冯涛', '蒋丽华', '18只', '安全隐患', '蚌应急罚〔2025〕48号', '0552-3013110'],
    masked: ['慕容某某'],
  },
  {
    id: 'C38',
    domain: '市场监管',
    subject: {
      partyType: 'natural_person',
      partyName: '林涛',
      partyIdNumber: '320106199408209895',
      address: '南京市鼓楼区中山北路283号',
      phone: '18073421867',
      officers: OFFICERS_B,
    },
    text: `行政处罚决定书
蚌市监处罚〔2025〕118号
当事人：林  涛
身份证件号码：320106 19940820 9895
住所：南京市鼓楼区中山北路283号
联系电话：180 7342 1867
经查，当事人于2025年8月在蚌埠市龙子湖区高铁站广场无照经营充电宝租赁，收取押金99元/台。其雇佣的员工庞宇、秦少华负责推销。顾客欧晓峰称押金未退。
依据《无证无照经营查处办法》第十三条，决定没收违法所得3560元，罚款人民币五千元。
执法人员：孙建华（执法证号：皖A0301001）、周敏（执法证号：皖A0301002）
2025年9月10日`,
    mustGo: [
      { kind: 'party_name', text: '林  涛', subject: true },
      { kind: 'id_number', text: '320106 19940820 9895', subject: true },
      { kind: 'address', text: '南京市鼓楼区中山北路283号', subject: true },
      { kind: 'phone', text: '180 7342 1867', subject: true },
      { kind: 'person_name', text: '庞宇' },
      { kind: 'person_name', text: '秦少华' },
      { kind: 'person_name', text: '欧晓峰' },
    ],
    mustStay: [
      '蚌市监处罚〔2025〕118号',
      '99元/台',
      '3560元',
      '皖A0301001',
      '皖A0301002',
      '孙建华',
      '2025年9月10日',
    ],
    masked: ['林某某'],
  },
  {
    id: 'C39',
    domain: '农业农村',
    subject: {
      partyType: 'individual_business',
      partyName: '固镇县丰收农资门市部',
      partyIdNumber: '340323198408104002',
      representative: '温长青',
      address: '固镇县连城镇连城街12号',
      phone: '13807945728',
      knownPeople: ['温小红'],
      officers: ['汪强', '石静'],
    },
    text: `当事人：固镇县丰收农资门市部，经营者：温长青，身份证号：340323198408104002，经营场所：固镇县连城镇连城街12号，电话：13807945728。
2025年4月28日，执法人员汪强、石静检查发现，当事人销售的“草甘膦”农药（登记证号：PD20081234）经检验有效成分含量不合格。购买者温小红（当事人之女）及农户章德旺使用后致20亩小麦受损。农户章德旺的账户：6216 6130 8226 5300 403。
依据《农药管理条例》第五十六条，决定没收违法所得，罚款人民币一万元。固农罚〔2025〕9号。`,
    mustGo: [
      { kind: 'party_name', text: '温长青', subject: true },
      { kind: 'id_number', text: '340323198408104002', subject: true },
      { kind: 'phone', text: '13807945728', subject: true },
      { kind: 'person_name', text: '温小红' },
      { kind: 'person_name', text: '章德旺' },
      { kind: 'bank_account', text: '6216 6130 8226 5300 403' },
    ],
    mustStay: ['固镇县丰收农资门市部', '固镇县连城镇连城街12号', 'PD20081234', '20亩', '固农罚〔2025〕9号'],
    masked: ['温某某'],
  },
  {
    id: 'C40',
    domain: '生态环境',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市清源污水处理有限公司',
      partyIdNumber: '91340311MA2414P12X',
      representative: '谢立华',
      address: '蚌埠市淮上区沫河口工业园区',
      officers: ['郑伟', '何静'],
    },
    text: `当事人：蚌埠市清源污水处理有限公司，统一社会信用代码：91340311MA2414P12X，住所：蚌埠市淮上区沫河口工业园区，法定代表人：谢立华。
2025年7月9日，执法人员郑伟、何静检查发现，当事人在线监测设备数据异常，运维人员尹志军承认篡改监测数据。尹志军的手机（号码：177-3274-2067）中存有修改记录。
依据《中华人民共和国环境保护法》第六十三条，本案移送公安机关。同时依据《中华人民共和国水污染防治法》第八十二条，决定罚款人民币十万元。蚌环罚字〔2025〕40号。`,
    mustGo: [
      { kind: 'person_name', text: '尹志军' },
      { kind: 'phone', text: '177-3274-2067' },
    ],
    mustStay: [
      '蚌埠市清源污水处理有限公司',
      '91340311MA2414P12X',
      '蚌埠市淮上区沫河口工业园区',
      '谢立华',
      '蚌环罚字〔2025〕40号',
    ],
  },
  {
    id: 'C41',
    domain: '公安治安',
    subject: {
      partyType: 'natural_person',
      partyName: '皇甫军',
      partyIdNumber: '340311200312243336',
      address: '蚌埠市淮上区吴小街镇吴小街村',
      officers: ['贺伟', '龚娜'],
    },
    text: `当事人：皇甫军，男，身份证号：340311200312243336，户籍所在地：蚌埠市淮上区吴小街镇吴小街村。
2025年8月2日22时许，当事人在蚌埠市蚌山区南山路一烧烤店内因琐事与他人发生争执，殴打被害人倪志刚，致倪志刚面部软组织挫伤。经鉴定，倪志刚的伤情为轻微伤。目击证人：烧烤店老板娘康秀梅。
依据《中华人民共和国治安管理处罚法》第四十三条第一款，决定对当事人行政拘留五日，并处罚款人民币200元。蚌公（南）行罚决字〔2025〕1532号。`,
    mustGo: [
      { kind: 'party_name', text: '皇甫军', subject: true },
      { kind: 'id_number', text: '340311200312243336', subject: true },
      { kind: 'address', text: '蚌埠市淮上区吴小街镇吴小街村', subject: true },
      { kind: 'person_name', text: '倪志刚' },
      { kind: 'health', text: '面部软组织挫伤' },
      { kind: 'health', text: '轻微伤' },
      { kind: 'person_name', text: '康秀梅' },
    ],
    mustStay: ['行政拘留五日', '200元', '蚌公（南）行罚决字〔2025〕1532号', '2025年8月2日22时许'],
    masked: ['皇甫某某'],
  },
  {
    id: 'C42',
    domain: '市场监管',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市蚌山区老赵修锁店',
      partyIdNumber: '92340323MA3141713F',
      representative: '赵德顺',
      address: '蚌埠市蚌山区南湖路58号',
      phone: '15072238080',
      officers: OFFICERS_A,
    },
    text: `当事人：蚌埠市蚌山区老赵修锁店（统一社会信用代码：92340323MA3141713F），经营者：赵德顺，经营场所：蚌埠市蚌山区南湖路58号，手机：150 7223 8080。
经查，当事人未经公安机关备案，为他人开启入户门锁。委托开锁人方晓琳未出示房屋权属证明。当事人称其本人有精神残疾证，生活困难。
依据《安徽省特种行业治安管理条例》第二十八条，决定罚款人民币1000元。蚌山市监处罚〔2025〕130号。执法人员王海涛、赵丽。`,
    mustGo: [
      { kind: 'party_name', text: '赵德顺', subject: true },
      { kind: 'phone', text: '150 7223 8080', subject: true },
      { kind: 'health', text: '精神残疾证' },
      { kind: 'person_name', text: '方晓琳' },
    ],
    mustStay: [
      '蚌埠市蚌山区老赵修锁店',
      '92340323MA3141713F',
      '蚌埠市蚌山区南湖路58号',
      '1000元',
      '蚌山市监处罚〔2025〕130号',
      '王海涛',
    ],
    masked: ['赵某某'],
  },
  {
    id: 'C43',
    domain: '城市管理',
    subject: {
      partyType: 'natural_person',
      partyName: '贝小蕾',
      partyIdNumber: '340323198105054327',
      phone: '18364134656',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：贝小蕾，女，身份证号码：340323198105054327（曾用证件号码340323810505432），电话：18364134656。
2025年9月20日，执法队员刘洋、陈晨发现，当事人驾驶的渣土运输车（车牌号：皖C·79812）在龙子湖区涂山路沿途抛撒渣土。押车人员荆建设在车上。当事人称其近期妊娠反应严重，未能及时检查车厢密闭情况。
依据《城市建筑垃圾管理规定》第二十三条，决定罚款人民币5000元。龙城管罚〔2025〕211号。`,
    mustGo: [
      { kind: 'party_name', text: '贝小蕾', subject: true },
      { kind: 'id_number', text: '340323198105054327', subject: true },
      { kind: 'id_number', text: '340323810505432' },
      { kind: 'phone', text: '18364134656', subject: true },
      { kind: 'health', text: '妊娠反应严重' },
      { kind: 'person_name', text: '荆建设' },
    ],
    mustStay: ['刘洋', '陈晨', '皖C·79812', '5000元', '龙城管罚〔2025〕211号'],
    masked: ['贝某某'],
  },
  {
    id: 'C44',
    domain: '食品安全',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠味之源餐饮管理有限公司',
      partyIdNumber: '91340303MAUK3J462T',
      representative: '柏云飞',
      address: '蚌埠市蚌山区万达广场3层312号',
      phone: '0552-2876543',
      officers: ['韩磊', '曹雪'],
    },
    text: `当事人：蚌埠味之源餐饮管理有限公司，统一社会信用代码：91340303MAUK3J462T，经营场所：蚌埠市蚌山区万达广场3层312号，法定代表人：柏云飞，联系电话：0552 2876543。
2025年8月15日，当事人承办的婚宴发生集体食物中毒，23名就餐人员出现腹泻、发热症状，其中赖晓燕、苏明等5人住院治疗。经检验，留样菜品“凉拌鸡丝”中检出沙门氏菌。后厨主管严国平承认鸡丝加工后常温放置超过4小时。
依据《中华人民共和国食品安全法》第一百二十四条，决定没收违法所得18600元，罚款人民币二十万元，吊销食品经营许可证（许可证编号：JY23403030098765）。蚌市监食罚〔2025〕40号。`,
    mustGo: [
      { kind: 'phone', text: '0552 2876543', subject: true },
      { kind: 'person_name', text: '赖晓燕' },
      { kind: 'person_name', text: '苏明' },
      { kind: 'health', text: '5人住院治疗' },
      { kind: 'person_name', text: '严国平' },
    ],
    mustStay: [
      '蚌埠味之源餐饮管理有限公司',
      '91340303MAUK3J462T',
      '蚌埠市蚌山区万达广场3层312号',
      '柏云飞',
      '沙门氏菌',
      '18600元',
      'JY23403030098765',
      '蚌市监食罚〔2025〕40号',
    ],
  },
];

export interface KindScore {
  expected: number;
  found: number;
  recall: number;
}
export interface CorpusScore {
  byKind: Record<string, KindScore>;
  /** The party's own data held by the case. */
  subject: KindScore;
  decoys: { total: number; kept: number; precision: number };
  misses: string[];
  removedDecoys: string[];
  millis: number;
}

function occurrencesOf(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/**
 * Recall per kind (an expected string counts only when every occurrence is covered whole) and precision
 * on the decoys (a decoy counts as kept when no span touches any of its occurrences).
 */
export function scoreCorpus(
  corpus: readonly CorpusCase[],
  redact: (c: CorpusCase) => Array<{ start: number; end: number }>,
): CorpusScore {
  const byKind: Record<string, KindScore> = {};
  const subject: KindScore = { expected: 0, found: 0, recall: 0 };
  const decoys = { total: 0, kept: 0, precision: 0 };
  const misses: string[] = [];
  const removedDecoys: string[] = [];
  const t0 = performance.now();
  for (const c of corpus) {
    const spans = redact(c);
    const covered = (start: number, end: number) => {
      for (let i = start; i < end; i++) if (!spans.some((s) => s.start <= i && i < s.end)) return false;
      return true;
    };
    for (const e of c.mustGo) {
      const at = occurrencesOf(c.text, e.text);
      const ok = at.length > 0 && at.every((i) => covered(i, i + e.text.length));
      const score = byKind[e.kind] ?? { expected: 0, found: 0, recall: 0 };
      byKind[e.kind] = score;
      score.expected++;
      if (ok) score.found++;
      if (e.subject) {
        subject.expected++;
        if (ok) subject.found++;
      }
      if (!ok) misses.push(`${c.id} ${e.kind} ${e.text}${at.length === 0 ? '（原文中不存在）' : ''}`);
    }
    for (const d of c.mustStay) {
      const at = occurrencesOf(c.text, d);
      decoys.total++;
      const kept = at.length > 0 && at.every((i) => !spans.some((s) => s.start < i + d.length && i < s.end));
      if (kept) decoys.kept++;
      else removedDecoys.push(`${c.id} ${d}${at.length === 0 ? '（原文中不存在）' : ''}`);
    }
  }
  for (const s of [...Object.values(byKind), subject]) s.recall = s.expected ? s.found / s.expected : 1;
  decoys.precision = decoys.total ? decoys.kept / decoys.total : 1;
  return { byKind, subject, decoys, misses, removedDecoys, millis: performance.now() - t0 };
}
