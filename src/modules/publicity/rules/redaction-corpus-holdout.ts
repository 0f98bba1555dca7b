/**
 * Held-out texts for the redaction engine, same shape and conventions as the main corpus (every person,
 * number and address fictitious). `REDACTION_HOLDOUT` (H01–H12) was written after the engine was tuned
 * on the main corpus and measured before any change (names 13/20, addresses 5/6, health 3/8); the engine
 * was then improved on it. `REDACTION_BLIND` (B01–B10) was written after that, measured once and never
 * tuned on: its figures say how the engine does on wording it has not seen (docs/publicity.md).
 */
import type { CorpusCase } from './redaction-corpus.ts';

export const REDACTION_HOLDOUT: CorpusCase[] = [
  {
    id: 'H01',
    domain: '市场监管',
    subject: {
      partyType: 'natural_person',
      partyName: '曹文斌',
      partyIdNumber: '340303199407140780',
      address: '蚌埠市蚌山区黄山大道588号锦绣花园7幢1单元602',
      phone: '18820371762',
      officers: ['郭明', '宁静'],
    },
    text: `行政处罚决定书
当事人曹文斌，居民身份证 340303 1994 0714 0780，通讯地址蚌埠市蚌山区黄山大道588号锦绣花园7幢1单元602，手机18820371762。
经查，当事人通过短视频平台直播销售“特效降压茶”，宣称“三天停药”。经本局委托检验，产品中检出未标示的西药成分。据当事人的朋友吴磊证实，当事人自2024年12月起共销售该产品1260盒。送达时由当事人母亲代为签收。
本局依据《中华人民共和国食品安全法》第一百二十三条第一款第（一）项，决定没收违法所得37800元，罚款人民币十五万元。
执法人员：郭明（执法证号：皖0300123）、宁静（执法证号：皖0300124）。蚌山市监处罚〔2025〕152号。`,
    mustGo: [
      { kind: 'party_name', text: '曹文斌', subject: true },
      { kind: 'id_number', text: '340303 1994 0714 0780', subject: true },
      { kind: 'address', text: '蚌埠市蚌山区黄山大道588号锦绣花园7幢1单元602', subject: true },
      { kind: 'phone', text: '18820371762', subject: true },
      { kind: 'person_name', text: '吴磊' },
    ],
    mustStay: [
      '特效降压茶',
      '三天停药',
      '1260盒',
      '37800元',
      '皖0300123',
      '郭明',
      '蚌山市监处罚〔2025〕152号',
    ],
    masked: ['曹某某'],
  },
  {
    id: 'H02',
    domain: '交通运输',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠捷达客运有限公司',
      partyIdNumber: '91340304841614007L',
      representative: '崔红旗',
      address: '蚌埠市禹会区延安南路12号',
      officers: ['欧阳文', '李国强'],
    },
    text: `当事人：蚌埠捷达客运有限公司，统一社会信用代码91340304841614007L，住所地蚌埠市禹会区延安南路12号，法定代表人崔红旗。
2025年7月30日，当事人所属皖C·52877号大型客车由驾驶员蒋勇驾驶，连续驾驶超过4小时未停车休息。经调取车载视频，驾驶员蒋勇当日存在疲劳驾驶情形，其同事王建民证实蒋勇此前因颈椎病请过病假。乘客反映车内灭火器过期。
依据《道路旅客运输及客运站管理规定》第一百零四条，决定罚款人民币5000元。运输证号：皖交运管蚌字340304001234号。蚌交执罚〔2025〕0201号。`,
    mustGo: [
      { kind: 'person_name', text: '蒋勇' },
      { kind: 'person_name', text: '王建民' },
      { kind: 'health', text: '颈椎病' },
    ],
    mustStay: [
      '蚌埠捷达客运有限公司',
      '91340304841614007L',
      '蚌埠市禹会区延安南路12号',
      '崔红旗',
      '皖C·52877',
      '5000元',
      '皖交运管蚌字340304001234号',
      '蚌交执罚〔2025〕0201号',
    ],
  },
  {
    id: 'H03',
    domain: '生态环境',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市淮上区顺发废品收购站',
      partyIdNumber: '410102197809028427',
      representative: '雷桂芝',
      address: '蚌埠市淮上区梅桥乡梅桥街东',
      phone: '15238259667',
      officers: ['郑伟', '何静'],
    },
    text: `当事人：蚌埠市淮上区顺发废品收购站，经营者雷桂芝，身份证号码410102197809028427，户口所在地河南省郑州市中原区建设路96号，经营地址蚌埠市淮上区梅桥乡梅桥街东，联系电话152-3825-9667。
2025年5月19日，执法人员郑伟、何静检查发现当事人露天堆放废铅蓄电池约3吨，地面有明显酸液渗漏痕迹。雷桂芝的丈夫孔祥福称其身体不好，前段时间做了心脏支架手术，无人管理场地。
依据《中华人民共和国固体废物污染环境防治法》第一百一十二条第一款第（十三）项，决定罚款人民币十万元。蚌环罚字〔2025〕27号。`,
    mustGo: [
      { kind: 'party_name', text: '雷桂芝', subject: true },
      { kind: 'id_number', text: '410102197809028427', subject: true },
      { kind: 'address', text: '河南省郑州市中原区建设路96号' },
      { kind: 'phone', text: '152-3825-9667', subject: true },
      { kind: 'person_name', text: '孔祥福' },
      { kind: 'health', text: '心脏支架手术' },
    ],
    mustStay: [
      '蚌埠市淮上区顺发废品收购站',
      '蚌埠市淮上区梅桥乡梅桥街东',
      '约3吨',
      '郑伟',
      '蚌环罚字〔2025〕27号',
    ],
    masked: ['雷某某'],
  },
  {
    id: 'H04',
    domain: '城市管理',
    subject: {
      partyType: 'natural_person',
      partyName: '聂红',
      partyIdNumber: '34010219710310192X',
      address: '蚌埠市龙子湖区学苑路66号',
      phone: '15594666955',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：聂红，女，身份证：34010219710310192x，住：蚌埠市龙子湖区学苑路66号，手机：155 9466 6955。
2025年10月8日，执法队员刘洋、陈晨接群众举报，发现当事人在龙子湖区学苑路与东海大道交口占道经营水果摊。举报群众系附近商户，姓名：甘文涛，联系方式：18855034263。当事人情绪激动，自述有精神抑郁病史。
依据《蚌埠市城市市容和环境卫生管理条例》第二十一条，决定罚款人民币200元。龙城管罚〔2025〕233号。`,
    mustGo: [
      { kind: 'party_name', text: '聂红', subject: true },
      { kind: 'id_number', text: '34010219710310192x', subject: true },
      { kind: 'address', text: '蚌埠市龙子湖区学苑路66号', subject: true },
      { kind: 'phone', text: '155 9466 6955', subject: true },
      { kind: 'person_name', text: '甘文涛' },
      { kind: 'phone', text: '18855034263' },
      { kind: 'health', text: '精神抑郁病史' },
    ],
    mustStay: ['刘洋', '陈晨', '学苑路与东海大道交口', '200元', '龙城管罚〔2025〕233号'],
    masked: ['聂某某'],
  },
  {
    id: 'H05',
    domain: '食品安全',
    subject: {
      partyType: 'individual_business',
      partyName: '怀远县榴城镇老胡烧饼店',
      partyIdNumber: '92341202MAPY016418',
      representative: '胡长海',
      address: '怀远县榴城镇东大街29号',
      phone: '15125781598',
      officers: ['韩磊', '曹雪'],
    },
    text: `当事人：怀远县榴城镇老胡烧饼店，统一社会信用代码：92341202MAPY016418，经营者：胡长海，经营场所：怀远县榴城镇东大街29号。
经查，当事人使用的面粉中检出超范围使用的食品添加剂（硫酸铝钾）。当事人的女婿田志刚负责采购，称面粉购自怀远县某粮油店，付款记录显示转入账户 6222 0215 9262 8490 323。当事人另雇佣一名帮厨，该帮厨左手有烫伤未愈仍接触食品。
依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项，决定没收违法所得960元，罚款人民币五万元。怀市监处罚〔2025〕61号。联系电话：151 2578 1598。`,
    mustGo: [
      { kind: 'party_name', text: '胡长海', subject: true },
      { kind: 'phone', text: '151 2578 1598', subject: true },
      { kind: 'person_name', text: '田志刚' },
      { kind: 'bank_account', text: '6222 0215 9262 8490 323' },
      { kind: 'health', text: '左手有烫伤未愈' },
    ],
    mustStay: [
      '怀远县榴城镇老胡烧饼店',
      '92341202MAPY016418',
      '怀远县榴城镇东大街29号',
      '硫酸铝钾',
      '960元',
      '怀市监处罚〔2025〕61号',
    ],
    masked: ['胡某某'],
  },
  {
    id: 'H06',
    domain: '应急管理',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市鑫源化工贸易有限公司',
      partyIdNumber: '91340321L47T53KL0U',
      representative: '汪国栋',
      address: '蚌埠市怀远县龙亢农场工业区',
      phone: '0552-8123456',
      officers: ['冯涛', '蒋丽华'],
    },
    text: `当事人：蚌埠市鑫源化工贸易有限公司，统一社会信用代码：91340321L47T53KL0U，法定代表人：汪国栋，住所：蚌埠市怀远县龙亢农场工业区，电话：0552—8123456。
2025年3月3日，执法人员冯涛、蒋丽华检查发现，当事人危险化学品仓库保管员杭晓东未经专业培训上岗，仓库内甲醇与氧化剂混存。经询问，安全员戚永红称公司主要负责人长期在外地。另查明，杭晓东持有残疾人证（肢体三级）。
依据《危险化学品安全管理条例》第八十条第一款第（一）项，决定罚款人民币八万元。许可证编号：（皖）WH安许证字〔2023〕000123号。蚌应急罚〔2025〕16号。`,
    mustGo: [
      { kind: 'phone', text: '0552—8123456', subject: true },
      { kind: 'person_name', text: '杭晓东' },
      { kind: 'person_name', text: '戚永红' },
      { kind: 'health', text: '肢体三级' },
    ],
    mustStay: [
      '蚌埠市鑫源化工贸易有限公司',
      '91340321L47T53KL0U',
      '汪国栋',
      '蚌埠市怀远县龙亢农场工业区',
      '（皖）WH安许证字〔2023〕000123号',
      '蚌应急罚〔2025〕16号',
    ],
  },
  {
    id: 'H07',
    domain: '卫生健康',
    subject: {
      partyType: 'natural_person',
      partyName: '钟雅琴',
      partyIdNumber: '341202198008212550',
      address: '蚌埠市蚌山区宏业村小区12栋3单元401室',
      phone: '19953103466',
      officers: ['唐敏', '许峰'],
    },
    text: `当事人：钟雅琴，女，出生日期：1980年8月21日，证件号码：341202 1980 0821 2550，现居住在蚌埠市蚌山区宏业村小区12栋3单元401室，联系电话：199-5310-3466。
经查，当事人未取得《医疗机构执业许可证》，在其住处为他人注射“美白针”。受害人秦雪（女，27岁）注射后出现过敏性休克，经抢救脱离危险。其姐姐秦露向本委投诉。
依据《医疗机构管理条例》第四十三条，决定没收药品、器械及违法所得4200元，罚款人民币五万元。蚌卫医罚〔2025〕19号。投诉电话：0552-2051234（本委医政科）。执法人员：唐敏、许峰。`,
    mustGo: [
      { kind: 'party_name', text: '钟雅琴', subject: true },
      { kind: 'id_number', text: '341202 1980 0821 2550', subject: true },
      { kind: 'address', text: '蚌埠市蚌山区宏业村小区12栋3单元401室', subject: true },
      { kind: 'phone', text: '199-5310-3466', subject: true },
      { kind: 'person_name', text: '秦雪' },
      { kind: 'health', text: '过敏性休克' },
      { kind: 'person_name', text: '秦露' },
    ],
    mustStay: ['唐敏', '许峰', '美白针', '4200元', '蚌卫医罚〔2025〕19号', '0552-2051234', '1980年8月21日'],
    masked: ['钟某某'],
  },
  {
    id: 'H08',
    domain: '市场监管',
    subject: {
      partyType: 'legal_person',
      partyName: '安徽天宇房地产经纪有限公司',
      partyIdNumber: '91340303856R285242',
      representative: '褚国华',
      address: '蚌埠市蚌山区涂山路900号',
      officers: ['孙建华', '周敏'],
    },
    text: `当事人：安徽天宇房地产经纪有限公司，统一社会信用代码：91340303856R285242，住所：蚌埠市蚌山区涂山路900号，法定代表人：褚国华。
经查，当事人在代理出租房屋过程中，未如实告知承租人房屋存在漏水问题，并收取承租人骆佳佳（身份证号码：320106196807257567）中介费2400元。当事人的经纪人员尚飞承认隐瞒事实，骆佳佳的开户行为中国银行蚌埠分行，卡号6228 4866 0458 6705，退款至今未到账。
依据《房地产经纪管理办法》第三十七条，决定罚款人民币三万元。蚌市监处罚〔2025〕171号。`,
    mustGo: [
      { kind: 'person_name', text: '骆佳佳' },
      { kind: 'id_number', text: '320106196807257567' },
      { kind: 'person_name', text: '尚飞' },
      { kind: 'bank_account', text: '6228 4866 0458 6705' },
    ],
    mustStay: [
      '安徽天宇房地产经纪有限公司',
      '91340303856R285242',
      '蚌埠市蚌山区涂山路900号',
      '褚国华',
      '2400元',
      '蚌市监处罚〔2025〕171号',
    ],
  },
  {
    id: 'H09',
    domain: '农业农村',
    subject: {
      partyType: 'natural_person',
      partyName: '东方明',
      partyIdNumber: '341202750911563',
      address: '五河县朱顶镇朱顶村',
      officers: ['汪强', '石静'],
    },
    text: `当事人东方明，男，身份证号码341202 750911 563，家住五河县朱顶镇朱顶村。
2025年6月5日，五河县农业农村局接到乡村兽医来电报告，当事人饲养的生猪出现不明原因死亡后，当事人将死猪抛弃于沱湖岸边。执法人员汪强、石静现场核实，共发现死猪11头。当事人的侄子东方小军（18岁）参与抛弃。当事人称其因腰伤卧床，由侄子代为处理。
依据《中华人民共和国动物防疫法》第九十八条，决定罚款人民币3000元。五农罚〔2025〕22号。`,
    mustGo: [
      { kind: 'party_name', text: '东方明', subject: true },
      { kind: 'id_number', text: '341202 750911 563', subject: true },
      { kind: 'address', text: '五河县朱顶镇朱顶村', subject: true },
      { kind: 'person_name', text: '东方小军' },
      { kind: 'health', text: '因腰伤卧床' },
    ],
    mustStay: ['汪强', '石静', '死猪11头', '3000元', '五农罚〔2025〕22号', '沱湖岸边'],
    masked: ['东方某某'],
  },
  {
    id: 'H10',
    domain: '交通运输',
    subject: {
      partyType: 'natural_person',
      partyName: '葛亮',
      partyIdNumber: '340302198310091803',
      address: '蚌埠市龙子湖区解放路18号',
      phone: '16658690986',
      officers: ['欧阳文', '李国强'],
    },
    text: `当事人：葛亮
性别：男    民族：汉    出生年月：1983年10月
身份证号码：3403 0219 8310 0918 03
住址：蚌埠市龙子湖区解放路18号
联系电话：166 5869 0986    微信号：ge_liang_1983
违法事实：2025年9月9日，当事人驾驶皖C·B8812号轻型厢式货车从事货物运输，未随车携带道路运输证。车上随行人员为其表哥鲁大伟。
处罚依据：《中华人民共和国道路运输条例》第六十八条。
处罚决定：罚款人民币200元。
执法人员：欧阳文（执法证号：34030012388）、李国强（执法证号：34030012389）`,
    mustGo: [
      { kind: 'party_name', text: '葛亮', subject: true },
      { kind: 'id_number', text: '3403 0219 8310 0918 03', subject: true },
      { kind: 'address', text: '蚌埠市龙子湖区解放路18号', subject: true },
      { kind: 'phone', text: '166 5869 0986', subject: true },
      { kind: 'person_name', text: '鲁大伟' },
    ],
    mustStay: ['皖C·B8812', '200元', '34030012388', '34030012389', '欧阳文', '1983年10月'],
    masked: ['葛某某'],
  },
  {
    id: 'H11',
    domain: '自然资源',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市宏图石料有限公司',
      partyIdNumber: '91340323MA5896F45J',
      representative: '应建军',
      address: '固镇县石湖乡工业集中区',
      officers: ['胡斌', '罗晓'],
    },
    text: `当事人：蚌埠市宏图石料有限公司，统一社会信用代码：91340323MA5896F45J，法定代表人：应建军，地址：固镇县石湖乡工业集中区。
经查，当事人超越采矿许可证（证号：C3403002010127130098765）批准的矿区范围采矿，越界开采石料约2.3万吨。爆破员冷志强、安全管理人员滕海涛在场。冷志强于2024年因爆破事故失去右眼视力。
依据《中华人民共和国矿产资源法》第四十条，决定责令退回本矿区范围内开采，没收越界开采的矿产品和违法所得，罚款人民币二十万元。固自然资罚〔2025〕17号。`,
    mustGo: [
      { kind: 'person_name', text: '冷志强' },
      { kind: 'person_name', text: '滕海涛' },
      { kind: 'health', text: '失去右眼视力' },
    ],
    mustStay: [
      '蚌埠市宏图石料有限公司',
      '91340323MA5896F45J',
      '应建军',
      '固镇县石湖乡工业集中区',
      'C3403002010127130098765',
      '2.3万吨',
      '固自然资罚〔2025〕17号',
    ],
  },
  {
    id: 'H12',
    domain: '文化旅游',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市禹会区极速网吧',
      partyIdNumber: '32010619631128211X',
      representative: '梁小东',
      address: '蚌埠市禹会区南山路302号二楼',
      phone: '15212296340',
      officers: ['戴军', '夏雨'],
    },
    text: `当事人：蚌埠市禹会区极速网吧，经营者：梁小东，身份证号：320106 1963 1128 211X，经营场所：蚌埠市禹会区南山路302号二楼，电话：152 1229 6340。
2025年11月22日23时，执法人员戴军、夏雨检查发现，当事人接纳未成年人谢子轩（15岁，初中学生）、邓浩然（14岁）上网。网管邹斌称二人使用成年人身份证（号码：370202198511217740）登记。谢子轩的监护人谢建国已到场接回。
依据《互联网上网服务营业场所管理条例》第三十一条，决定给予警告，罚款人民币一万元。网络文化经营许可证号：皖网文〔2023〕1234-056号。蚌文旅罚〔2025〕14号。`,
    mustGo: [
      { kind: 'party_name', text: '梁小东', subject: true },
      { kind: 'id_number', text: '320106 1963 1128 211X', subject: true },
      { kind: 'phone', text: '152 1229 6340', subject: true },
      { kind: 'person_name', text: '谢子轩' },
      { kind: 'person_name', text: '邓浩然' },
      { kind: 'person_name', text: '邹斌' },
      { kind: 'id_number', text: '370202198511217740' },
      { kind: 'person_name', text: '谢建国' },
    ],
    mustStay: [
      '蚌埠市禹会区极速网吧',
      '蚌埠市禹会区南山路302号二楼',
      '戴军',
      '夏雨',
      '皖网文〔2023〕1234-056号',
      '蚌文旅罚〔2025〕14号',
    ],
    masked: ['梁某某'],
  },
];

export const REDACTION_BLIND: CorpusCase[] = [
  {
    id: 'B01',
    domain: '市场监管',
    subject: {
      partyType: 'natural_person',
      partyName: '郝建设',
      partyIdNumber: '340302199204153024',
      address: '蚌埠市龙子湖区治淮路66号',
      phone: '18616926595',
      officers: ['孙建华', '周敏'],
    },
    text: `当事人郝建设（公民身份号码340302199204153024），住蚌埠市龙子湖区治淮路66号。
2025年4月1日，本局根据消费者投诉，对当事人在蚌埠市龙子湖区治淮路农贸市场内的鲜肉摊位进行检查，发现当事人使用的电子秤作弊，每斤短缺约50克。投诉人柏玉珍（联系电话186-1692-6595）称多次购买均短斤少两。当事人的爱人岳春华当时在摊位帮忙。
依据《中华人民共和国计量法实施细则》第五十一条，决定没收作弊计量器具，罚款人民币2000元。执法人员：孙建华、周敏。`,
    mustGo: [
      { kind: 'party_name', text: '郝建设', subject: true },
      { kind: 'id_number', text: '340302199204153024', subject: true },
      { kind: 'address', text: '蚌埠市龙子湖区治淮路66号', subject: true },
      { kind: 'person_name', text: '柏玉珍' },
      { kind: 'phone', text: '186-1692-6595', subject: true },
      { kind: 'person_name', text: '岳春华' },
    ],
    mustStay: ['治淮路农贸市场', '50克', '2000元', '孙建华', '周敏', '第五十一条'],
    masked: ['郝某某'],
  },
  {
    id: 'B02',
    domain: '生态环境',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市永盛纸业有限公司',
      partyIdNumber: '91340302MA2TQ5K8X3',
      representative: '阎志华',
      address: '蚌埠市淮上区双墩路18号',
      officers: ['郑伟', '何静'],
    },
    text: `当事人：蚌埠市永盛纸业有限公司，统一社会信用代码91340302MA2TQ5K8X3，法定代表人阎志华，注册地址蚌埠市淮上区双墩路18号。
经查，当事人于2025年6月通过暗管将未经处理的生产废水排入双墩沟，经监测，化学需氧量为1230mg/L。参与铺设暗管的施工人员武小兵、车间主任鲍建新分别接受询问。村民甄大妈反映，其孙子喝了沟边井水后出现皮疹，已去医院看过。
依据《中华人民共和国水污染防治法》第八十三条第（三）项，决定罚款人民币六十万元，并移送公安机关。蚌环罚字〔2025〕52号。`,
    mustGo: [
      { kind: 'person_name', text: '武小兵' },
      { kind: 'person_name', text: '鲍建新' },
      { kind: 'health', text: '出现皮疹' },
    ],
    mustStay: [
      '蚌埠市永盛纸业有限公司',
      '91340302MA2TQ5K8X3',
      '阎志华',
      '蚌埠市淮上区双墩路18号',
      '1230mg/L',
      '蚌环罚字〔2025〕52号',
    ],
  },
  {
    id: 'B03',
    domain: '交通运输',
    subject: {
      partyType: 'natural_person',
      partyName: '尚文军',
      partyIdNumber: '340322197908221511',
      phone: '18644486632',
      officers: ['欧阳文', '李国强'],
    },
    text: `当事人：尚文军    性别：男    年龄：45岁
证件类型：居民身份证    证件号码：340322 1979 0822 1511
联系方式：186 4448 6632
案由：未取得道路运输经营许可擅自从事道路普通货物运输
2025年8月19日，执法人员欧阳文、李国强在蚌埠市淮上区G3京台高速蚌埠北收费站出口处检查，当事人驾驶皖C·F0932号重型厢式货车运输家具，托运人为个人客户钱小丽，运费1800元已通过微信支付。车上另有搬运工汤小虎、汤小龙两兄弟。
依据《中华人民共和国道路运输条例》第六十三条，决定没收违法所得1800元，并处罚款人民币一万元。`,
    mustGo: [
      { kind: 'party_name', text: '尚文军', subject: true },
      { kind: 'id_number', text: '340322 1979 0822 1511', subject: true },
      { kind: 'phone', text: '186 4448 6632', subject: true },
      { kind: 'person_name', text: '钱小丽' },
      { kind: 'person_name', text: '汤小虎' },
      { kind: 'person_name', text: '汤小龙' },
    ],
    mustStay: ['欧阳文', '李国强', 'G3京台高速', '皖C·F0932', '1800元', '45岁'],
    masked: ['尚某某'],
  },
  {
    id: 'B04',
    domain: '食品安全',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市禹会区小芳麻辣烫店',
      partyIdNumber: '92340304MA2NB7713G',
      representative: '苏芳',
      address: '蚌埠市禹会区朝阳路华纺小区门面房8号',
      phone: '18030067078',
      officers: ['韩磊', '曹雪'],
    },
    text: `当事人：蚌埠市禹会区小芳麻辣烫店（统一社会信用代码92340304MA2NB7713G），经营者苏芳，经营地址蚌埠市禹会区朝阳路华纺小区门面房8号，联系电话180 3006 7078。
2025年7月12日，执法人员韩磊、曹雪检查发现当事人后厨使用回收油。帮工单秀梅（苏芳的婆婆）承认从“收油的老周”处购进。经询问，单秀梅今年68岁，患有严重的风湿性关节炎，手脚不便。当事人通过银行转账付款，收款卡号6217 0012 3456 7890 122。
依据《中华人民共和国食品安全法》第一百二十三条第一款第（一）项，决定没收违法所得，罚款人民币十万元，并吊销食品经营许可证。禹市监处罚〔2025〕88号。`,
    mustGo: [
      { kind: 'party_name', text: '苏芳', subject: true },
      { kind: 'phone', text: '180 3006 7078', subject: true },
      { kind: 'person_name', text: '单秀梅' },
      { kind: 'health', text: '风湿性关节炎' },
      { kind: 'bank_account', text: '6217 0012 3456 7890 122' },
    ],
    mustStay: [
      '蚌埠市禹会区小芳麻辣烫店',
      '92340304MA2NB7713G',
      '蚌埠市禹会区朝阳路华纺小区门面房8号',
      '68岁',
      '禹市监处罚〔2025〕88号',
    ],
    masked: ['苏某某'],
  },
  {
    id: 'B05',
    domain: '城市管理',
    subject: {
      partyType: 'natural_person',
      partyName: '焦玉山',
      partyIdNumber: '340311198801036645',
      address: '蚌埠市淮上区龙华路188号丽景苑5-1-302',
      officers: ['刘洋', '陈晨'],
    },
    text: `当事人：焦玉山，男，身份证号 340311-198801-036645，住址 蚌埠市淮上区龙华路188号丽景苑5-1-302。
经查，当事人在其所住小区楼顶私自搭建阳光房约30平方米，楼下住户石磊、石磊之妻罗红多次投诉漏水。物业公司经理章伟证实已书面劝阻。当事人称其儿子焦小宝有自闭症，需要活动空间。
依据《中华人民共和国城乡规划法》第六十四条，责令限期拆除。淮城管罚〔2025〕66号。执法人员：刘洋、陈晨。`,
    mustGo: [
      { kind: 'party_name', text: '焦玉山', subject: true },
      { kind: 'id_number', text: '340311-198801-036645', subject: true },
      { kind: 'address', text: '蚌埠市淮上区龙华路188号丽景苑5-1-302', subject: true },
      { kind: 'person_name', text: '石磊' },
      { kind: 'person_name', text: '罗红' },
      { kind: 'person_name', text: '章伟' },
      { kind: 'person_name', text: '焦小宝' },
      { kind: 'health', text: '自闭症' },
    ],
    mustStay: ['30平方米', '淮城管罚〔2025〕66号', '刘洋', '陈晨'],
    masked: ['焦某某'],
  },
  {
    id: 'B06',
    domain: '应急管理',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市华强建筑工程有限公司',
      partyIdNumber: '91340303MA6726473F',
      representative: '骆华强',
      address: '蚌埠市蚌山区朝阳南路77号',
      officers: ['冯涛', '蒋丽华'],
    },
    text: `当事人：蚌埠市华强建筑工程有限公司，统一社会信用代码：91340303MA6726473F，住所：蚌埠市蚌山区朝阳南路77号，法定代表人：骆华强。
2025年9月5日，当事人承建的龙湖春天项目工地发生一起高处坠落事故，造成一名作业人员死亡。死者宁德海，男，52岁，身份证号码340304196509302720。现场安全员樊小磊当日未在岗，施工队长伍长江未组织安全技术交底。
依据《中华人民共和国安全生产法》第一百一十四条第一款第（一）项，决定罚款人民币五十万元。蚌应急罚〔2025〕61号。`,
    mustGo: [
      { kind: 'person_name', text: '宁德海' },
      { kind: 'id_number', text: '340304196509302720' },
      { kind: 'person_name', text: '樊小磊' },
      { kind: 'person_name', text: '伍长江' },
    ],
    mustStay: [
      '蚌埠市华强建筑工程有限公司',
      '91340303MA6726473F',
      '蚌埠市蚌山区朝阳南路77号',
      '骆华强',
      '龙湖春天项目',
      '蚌应急罚〔2025〕61号',
    ],
  },
  {
    id: 'B07',
    domain: '卫生健康',
    subject: {
      partyType: 'natural_person',
      partyName: '符丽娟',
      partyIdNumber: '410102199011110455',
      address: '郑州市金水区花园路59号',
      phone: '18135246113',
      officers: ['唐敏', '许峰'],
    },
    text: `当事人符丽娟，女，1990年11月11日生，身份证号410102199011110455，户籍地河南省郑州市金水区花园路59号，现暂住蚌埠市蚌山区燕山乡燕山村东组，手机18135246113。
经查，当事人在暂住地开设“母婴护理”工作室，无证为产妇提供产后康复治疗。产妇孔佳怡于2025年5月产后第10天接受当事人的“通乳”操作后发生急性乳腺炎，在蚌埠市妇幼保健院治疗。孔佳怡的丈夫陶亮向本委投诉，并提供转账记录（收款账号6228480011223344554）。
依据《医疗机构管理条例》第四十三条，决定没收违法所得5800元，罚款人民币五万元。蚌卫医罚〔2025〕23号。执法人员唐敏、许峰。`,
    mustGo: [
      { kind: 'party_name', text: '符丽娟', subject: true },
      { kind: 'id_number', text: '410102199011110455', subject: true },
      { kind: 'address', text: '郑州市金水区花园路59号', subject: true },
      { kind: 'address', text: '蚌埠市蚌山区燕山乡燕山村东组' },
      { kind: 'phone', text: '18135246113', subject: true },
      { kind: 'person_name', text: '孔佳怡' },
      { kind: 'health', text: '急性乳腺炎' },
      { kind: 'person_name', text: '陶亮' },
      { kind: 'bank_account', text: '6228480011223344554' },
    ],
    mustStay: ['5800元', '蚌卫医罚〔2025〕23号', '唐敏', '许峰', '1990年11月11日'],
    masked: ['符某某'],
  },
  {
    id: 'B08',
    domain: '市场监管',
    subject: {
      partyType: 'legal_person',
      partyName: '蚌埠市惠民眼镜有限公司',
      partyIdNumber: '91340321MA9200AR2X',
      representative: '龚海',
      address: '蚌埠市怀远县榴城镇禹王路128号',
      phone: '0552-8881234',
      officers: ['孙建华', '周敏'],
    },
    text: `当事人：蚌埠市惠民眼镜有限公司，统一社会信用代码：91340321MA9200AR2X，法定代表人：龚海，住所：蚌埠市怀远县榴城镇禹王路128号，电话（0552）8881234。
经查，当事人验光师景晓燕未取得相应职业资格即从事验光配镜。顾客冉冉（化名）之母投诉称，其女儿高度近视，配镜后头晕呕吐。另查明，当事人在店内宣传“近视可逆转”。
依据《中华人民共和国广告法》第五十五条，决定罚款人民币二十万元。怀市监处罚〔2025〕90号。`,
    mustGo: [
      { kind: 'phone', text: '（0552）8881234', subject: true },
      { kind: 'person_name', text: '景晓燕' },
      { kind: 'health', text: '头晕呕吐' },
    ],
    mustStay: [
      '蚌埠市惠民眼镜有限公司',
      '91340321MA9200AR2X',
      '龚海',
      '蚌埠市怀远县榴城镇禹王路128号',
      '近视可逆转',
      '怀市监处罚〔2025〕90号',
    ],
  },
  {
    id: 'B09',
    domain: '农业农村',
    subject: {
      partyType: 'natural_person',
      partyName: '谷满仓',
      partyIdNumber: '340302860216959',
      address: '怀远县常坟镇常坟村七组',
      phone: '15064799595',
      officers: ['汪强', '石静'],
    },
    text: `当事人：谷满仓，男，1986年2月16日出生，身份证号：340302 860216 959，住怀远县常坟镇常坟村七组，联系电话：150 6479 9595。
经查，当事人于2025年4月在其承包的120亩麦田中使用国家禁用农药甲拌磷，由其雇用的村民殷大海、曲振东具体施药。殷大海施药后出现头晕、恶心等中毒症状，被送往怀远县人民医院救治。
依据《农药管理条例》第六十条，决定罚款人民币五千元。怀农罚〔2025〕30号。执法人员汪强、石静。`,
    mustGo: [
      { kind: 'party_name', text: '谷满仓', subject: true },
      { kind: 'id_number', text: '340302 860216 959', subject: true },
      { kind: 'address', text: '怀远县常坟镇常坟村七组', subject: true },
      { kind: 'phone', text: '150 6479 9595', subject: true },
      { kind: 'person_name', text: '殷大海' },
      { kind: 'person_name', text: '曲振东' },
      { kind: 'health', text: '中毒症状' },
    ],
    mustStay: ['120亩', '甲拌磷', '怀农罚〔2025〕30号', '汪强', '石静', '1986年2月16日'],
    masked: ['谷某某'],
  },
  {
    id: 'B10',
    domain: '文化旅游',
    subject: {
      partyType: 'individual_business',
      partyName: '蚌埠市蚌山区欢乐时光KTV',
      partyIdNumber: '340311196508029260',
      representative: '房永利',
      address: '蚌埠市蚌山区华夏路88号',
      phone: '15060177674',
      officers: ['戴军', '夏雨'],
    },
    text: `当事人：蚌埠市蚌山区欢乐时光KTV，经营者：房永利，身份证号码：340311196508029260，经营场所：蚌埠市蚌山区华夏路88号，手机：150-6017-7674。
2025年10月1日，执法人员戴军、夏雨检查发现当事人点歌系统中含有禁止内容的曲目12首。当班经理桂林称曲库由技术员武刚更新。房永利本人因病在外地治疗，委托其弟房永胜处理。
依据《娱乐场所管理条例》第四十八条，决定责令停业整顿一个月，罚款人民币二万元。娱乐经营许可证号：340302120012。蚌文旅罚〔2025〕19号。`,
    mustGo: [
      { kind: 'party_name', text: '房永利', subject: true },
      { kind: 'id_number', text: '340311196508029260', subject: true },
      { kind: 'phone', text: '150-6017-7674', subject: true },
      { kind: 'person_name', text: '桂林' },
      { kind: 'person_name', text: '武刚' },
      { kind: 'health', text: '因病在外地治疗' },
      { kind: 'person_name', text: '房永胜' },
    ],
    mustStay: [
      '蚌埠市蚌山区欢乐时光KTV',
      '蚌埠市蚌山区华夏路88号',
      '12首',
      '340302120012',
      '蚌文旅罚〔2025〕19号',
      '戴军',
    ],
    masked: ['房某某'],
  },
];
