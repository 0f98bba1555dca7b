import { makeUscc, organisationCodeCheckChar } from '../../platform/identifiers/uscc.ts';
import { BENGBU, HUAIYUAN } from './regions.ts';
import type { DemoAgency, DemoUnit } from './types.ts';

/**
 * USCC of a demo body: registration authority 1 (机构编制), type 1 (机关) or 2 (事业单位), the region
 * code, a fictitious 组织机构代码 with its GB 11714 check character, and the GB 32100 check character.
 */
function demoUscc(type: '1' | '2', regionCode: string, orgBody8: string): string {
  return makeUscc(`1${type}${regionCode}${orgBody8}${organisationCodeCheckChar(orgBody8)}`);
}

const unit = (name: string, functions: string, isReviewUnit = false): DemoUnit => ({
  name,
  functions,
  isReviewUnit,
});

/** Agencies of the demo. Phone numbers and house numbers are fictitious. */
export function buildAgencies(referenceDate: string): DemoAgency[] {
  const year = Number(referenceDate.slice(0, 4));
  return [
    {
      key: 'sfj',
      name: '蚌埠市司法局',
      uscc: demoUscc('1', BENGBU, '00305112'),
      type: 'statutory',
      legalBasis:
        '《蚌埠市司法局职能配置、内设机构和人员编制规定》；《中华人民共和国律师法》《中华人民共和国公证法》',
      functions: '承担全市行政执法协调监督工作，负责律师、公证、司法鉴定、基层法律服务等行政执法事项',
      regionCode: BENGBU,
      contactPhone: '0552-3061028',
      contactAddress: '安徽省蚌埠市龙子湖区东海大道 4999 号',
      parentKey: null,
      entrustment: null,
      categories: ['JUSTICE'],
      units: [
        unit('办公室', '负责机关日常运转和政务公开'),
        unit('行政执法协调监督科', '承担全市行政执法监督、案卷评查和执法人员资格管理'),
        unit('法治调研科', '承担本机关重大执法决定法制审核', true),
        unit('律师工作管理科', '指导、监督律师和律师事务所的执业活动'),
      ],
    },
    {
      key: 'scjg',
      name: '蚌埠市市场监督管理局',
      uscc: demoUscc('1', BENGBU, '00305127'),
      type: 'statutory',
      legalBasis:
        '《蚌埠市市场监督管理局职能配置、内设机构和人员编制规定》；《中华人民共和国食品安全法》《中华人民共和国产品质量法》《中华人民共和国反不正当竞争法》',
      functions:
        '负责市场综合监督管理、市场主体登记、食品安全监督管理、产品质量和特种设备安全监督管理，统一市场监管综合执法',
      regionCode: BENGBU,
      contactPhone: '0552-3072315',
      contactAddress: '安徽省蚌埠市蚌山区涂山路 1108 号',
      parentKey: null,
      entrustment: null,
      categories: ['MARKET'],
      units: [
        unit('法规科', '承担重大执法决定法制审核、行政复议应诉和执法监督', true),
        unit('稽查执法支队', '承担市场监管领域重大案件查处和跨区域执法'),
        unit('食品经营安全监督管理科', '监督食品经营、餐饮服务环节的食品安全'),
        unit('价格监督检查和反不正当竞争科', '查处价格违法和不正当竞争行为'),
        unit('特种设备安全监察科', '监督检查特种设备的生产、经营、使用'),
      ],
    },
    {
      key: 'cg',
      name: '蚌埠市城市管理局',
      uscc: demoUscc('1', BENGBU, '00305135'),
      type: 'statutory',
      legalBasis:
        '《蚌埠市城市管理局职能配置、内设机构和人员编制规定》；《城市市容和环境卫生管理条例》《城市管理执法办法》',
      functions: '负责市容环境卫生、市政公用、园林绿化等城市管理工作，相对集中行使城市管理领域行政处罚权',
      regionCode: BENGBU,
      contactPhone: '0552-2083310',
      contactAddress: '安徽省蚌埠市蚌山区胜利中路 276 号',
      parentKey: null,
      entrustment: null,
      categories: ['URBAN'],
      units: [
        unit('政策法规科', '承担重大执法决定法制审核和执法监督', true),
        unit('城市管理综合执法支队', '以本局名义开展城市管理领域行政检查和行政处罚'),
        unit('市容环境卫生管理科', '监督管理市容秩序和环境卫生'),
        unit('市政公用事业管理科', '监督管理市政设施和公用事业'),
      ],
    },
    {
      key: 'sthj',
      name: '蚌埠市生态环境局',
      uscc: demoUscc('1', BENGBU, '00305143'),
      type: 'statutory',
      legalBasis:
        '《蚌埠市生态环境局职能配置、内设机构和人员编制规定》；《中华人民共和国环境保护法》《中华人民共和国大气污染防治法》《中华人民共和国水污染防治法》',
      functions: '负责生态环境监督管理，统一行使生态和城乡各类污染排放监管与行政执法职责',
      regionCode: BENGBU,
      contactPhone: '0552-3153270',
      contactAddress: '安徽省蚌埠市龙子湖区东海大道 3688 号',
      parentKey: null,
      entrustment: null,
      categories: ['ECOLOGY'],
      units: [
        unit('法规与标准科', '承担重大执法决定法制审核和行政复议应诉', true),
        unit('生态环境保护综合行政执法支队', '查处生态环境违法行为'),
        unit('大气环境管理科', '监督管理大气污染防治'),
        unit('水生态环境管理科', '监督管理水污染防治和淮河流域水生态保护'),
      ],
    },
    {
      key: 'yjgl',
      name: '蚌埠市应急管理局',
      uscc: demoUscc('1', BENGBU, '00305151'),
      type: 'statutory',
      legalBasis:
        '《蚌埠市应急管理局职能配置、内设机构和人员编制规定》；《中华人民共和国安全生产法》《危险化学品安全管理条例》',
      functions: '负责安全生产综合监督管理和工贸行业安全生产监督管理，依法查处安全生产违法行为',
      regionCode: BENGBU,
      contactPhone: '0552-2046119',
      contactAddress: '安徽省蚌埠市禹会区延安南路 95 号',
      parentKey: null,
      entrustment: null,
      categories: ['SAFETY'],
      units: [
        unit('政策法规科', '承担重大执法决定法制审核和执法监督', true),
        unit('应急管理综合行政执法支队', '开展安全生产行政检查和行政处罚'),
        unit('危险化学品安全监督管理科', '监督管理危险化学品生产经营安全'),
        unit('工贸行业安全监督管理科', '监督管理冶金、有色、建材、机械、轻工等行业安全生产'),
      ],
    },
    {
      key: 'jtys',
      name: '蚌埠市交通运输局',
      uscc: demoUscc('1', BENGBU, '00305160'),
      type: 'statutory',
      legalBasis:
        '《蚌埠市交通运输局职能配置、内设机构和人员编制规定》；《中华人民共和国道路运输条例》《中华人民共和国港口法》',
      functions: '负责道路、水路运输市场监管和交通运输综合行政执法',
      regionCode: BENGBU,
      contactPhone: '0552-4021563',
      contactAddress: '安徽省蚌埠市蚌山区燕山路 860 号',
      parentKey: null,
      entrustment: null,
      categories: ['TRANSPORT'],
      units: [
        unit('政策法规科', '承担重大执法决定法制审核', true),
        unit('交通运输综合行政执法支队', '查处道路运输、水路运输和公路路政违法行为'),
        unit('道路运输管理科', '监督管理道路客货运输和机动车维修'),
        unit('港航管理科', '监督管理淮河蚌埠段港口和水路运输'),
      ],
    },
    {
      key: 'hy_scjg',
      name: '怀远县市场监督管理局',
      uscc: demoUscc('1', HUAIYUAN, '00321047'),
      type: 'statutory',
      legalBasis:
        '《怀远县市场监督管理局职能配置、内设机构和人员编制规定》；《中华人民共和国食品安全法》《中华人民共和国产品质量法》',
      functions: '负责本县市场综合监督管理和市场监管综合执法',
      regionCode: HUAIYUAN,
      contactPhone: '0552-8021437',
      contactAddress: '安徽省蚌埠市怀远县禹王路 216 号',
      parentKey: 'scjg',
      entrustment: null,
      categories: ['MARKET'],
      units: [
        unit('法规股', '承担重大执法决定法制审核', true),
        unit('综合执法大队', '查处本县市场监管领域违法行为'),
        unit('食品安全监督管理股', '监督食品生产经营安全'),
        unit('榴城市场监督管理所', '承担辖区日常监督检查'),
      ],
    },
    {
      key: 'hy_lcz',
      name: '怀远县榴城镇综合行政执法队',
      uscc: demoUscc('2', HUAIYUAN, 'MB132106'),
      type: 'entrusted',
      legalBasis: '《中华人民共和国行政处罚法》第二十条、第二十一条；怀远县市场监督管理局行政执法委托书',
      functions: '以委托机关名义，在委托范围内开展本镇市场监管领域行政检查和简易程序行政处罚',
      regionCode: HUAIYUAN,
      contactPhone: '0552-8053126',
      contactAddress: '安徽省蚌埠市怀远县榴城镇乳泉路 58 号',
      parentKey: null,
      entrustment: {
        entrustingAgencyKey: 'hy_scjg',
        basis: `《中华人民共和国行政处罚法》第二十条、第二十一条；《怀远县市场监督管理局行政执法委托书》（怀市监委〔${year - 1}〕1号）`,
        items: [
          '食品摊贩、小餐饮经营活动日常监督检查',
          '对无照经营行为的行政检查',
          '依简易程序作出的警告和罚款',
        ],
        powers: ['行政检查', '行政处罚（简易程序）'],
        termStart: `${year - 1}-01-01`,
        termEnd: `${year + 1}-12-31`,
      },
      categories: ['MARKET'],
      units: [
        unit('综合执法一中队', '负责镇区东片日常巡查'),
        unit('综合执法二中队', '负责镇区西片日常巡查'),
        unit('法制审核组', '对拟作出的行政处罚进行法制审核', true),
      ],
    },
  ];
}
