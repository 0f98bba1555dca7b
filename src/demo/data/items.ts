import type { ItemType } from '../../modules/catalog/rules.ts';

export interface DemoItem {
  agencyKey: string;
  code: string;
  name: string;
  type: ItemType;
  categoryCode: string;
  legalBasis: string;
  requiresAv?: boolean;
  isRandomInspection?: boolean;
}

// Realistic enforcement items of the demo agencies. Articles are those of the laws in force in 2026;
// the codes follow a simple agency-prefix scheme of our own (a real 权责清单 has its own numbering).
export const DEMO_ITEMS: readonly DemoItem[] = [
  {
    agencyKey: 'scjg',
    code: 'SCJG-CF-001',
    name: '对未取得食品经营许可从事食品经营活动的行政处罚',
    type: 'penalty',
    categoryCode: 'MARKET',
    legalBasis: '《中华人民共和国食品安全法》第三十五条、第一百二十二条',
  },
  {
    agencyKey: 'scjg',
    code: 'SCJG-CF-002',
    name: '对经营超过保质期的食品的行政处罚',
    type: 'penalty',
    categoryCode: 'MARKET',
    legalBasis: '《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条',
  },
  {
    agencyKey: 'scjg',
    code: 'SCJG-CF-003',
    name: '对销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的行政处罚',
    type: 'penalty',
    categoryCode: 'MARKET',
    legalBasis: '《中华人民共和国产品质量法》第四十九条',
  },
  {
    agencyKey: 'scjg',
    code: 'SCJG-QZ-001',
    name: '查封、扣押有证据证明不符合食品安全标准的食品',
    type: 'coercion',
    categoryCode: 'MARKET',
    legalBasis:
      '《中华人民共和国食品安全法》第一百一十条第四项；《中华人民共和国行政强制法》第二十二条至第二十八条',
    requiresAv: true,
  },
  {
    agencyKey: 'scjg',
    code: 'SCJG-JC-001',
    name: '食品经营者日常监督检查',
    type: 'inspection',
    categoryCode: 'MARKET',
    legalBasis: '《中华人民共和国食品安全法》第一百一十条；《食品生产经营监督检查管理办法》',
    isRandomInspection: true,
  },
  {
    agencyKey: 'cg',
    code: 'CG-CF-001',
    name: '对未取得建设工程规划许可证进行建设的行政处罚',
    type: 'penalty',
    categoryCode: 'URBAN',
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
  },
  {
    agencyKey: 'cg',
    code: 'CG-QZ-001',
    name: '违法建设强制拆除',
    type: 'coercion',
    categoryCode: 'URBAN',
    legalBasis: '《中华人民共和国城乡规划法》第六十八条；《中华人民共和国行政强制法》第四十四条',
    requiresAv: true,
  },
  {
    agencyKey: 'cg',
    code: 'CG-CF-002',
    name: '对擅自占用城市道路摆摊设点的行政处罚',
    type: 'penalty',
    categoryCode: 'URBAN',
    legalBasis: '《城市道路管理条例》第二十七条、第四十二条',
  },
  {
    agencyKey: 'sthj',
    code: 'STHJ-CF-001',
    name: '对超过大气污染物排放标准排放大气污染物的行政处罚',
    type: 'penalty',
    categoryCode: 'ECOLOGY',
    legalBasis: '《中华人民共和国大气污染防治法》第十八条、第九十九条第二项',
  },
  {
    agencyKey: 'sthj',
    code: 'STHJ-QZ-001',
    name: '查封、扣押造成或者可能造成严重污染的设施、设备',
    type: 'coercion',
    categoryCode: 'ECOLOGY',
    legalBasis: '《中华人民共和国环境保护法》第二十五条；《环境保护主管部门实施查封、扣押办法》',
    requiresAv: true,
  },
  {
    agencyKey: 'sthj',
    code: 'STHJ-JC-001',
    name: '排污单位环境监督检查',
    type: 'inspection',
    categoryCode: 'ECOLOGY',
    legalBasis: '《中华人民共和国环境保护法》第二十四条',
    isRandomInspection: true,
  },
  {
    agencyKey: 'yjgl',
    code: 'YJGL-CF-001',
    name: '对生产经营单位未按规定配备安全生产管理人员的行政处罚',
    type: 'penalty',
    categoryCode: 'SAFETY',
    legalBasis: '《中华人民共和国安全生产法》第二十四条、第九十七条第一项',
  },
  {
    agencyKey: 'yjgl',
    code: 'YJGL-QZ-001',
    name: '查封、扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材',
    type: 'coercion',
    categoryCode: 'SAFETY',
    legalBasis: '《中华人民共和国安全生产法》第六十五条第一款第四项',
    requiresAv: true,
  },
  {
    agencyKey: 'yjgl',
    code: 'YJGL-JC-001',
    name: '生产经营单位安全生产监督检查',
    type: 'inspection',
    categoryCode: 'SAFETY',
    legalBasis: '《中华人民共和国安全生产法》第六十五条',
    isRandomInspection: true,
  },
  {
    agencyKey: 'jtys',
    code: 'JTYS-CF-001',
    name: '对未取得道路运输经营许可擅自从事道路普通货物运输经营的行政处罚',
    type: 'penalty',
    categoryCode: 'TRANSPORT',
    legalBasis: '《中华人民共和国道路运输条例》第六十三条',
  },
  {
    agencyKey: 'jtys',
    code: 'JTYS-QZ-001',
    name: '暂扣未随车携带道路运输证的车辆',
    type: 'coercion',
    categoryCode: 'TRANSPORT',
    legalBasis: '《中华人民共和国道路运输条例》第六十八条',
    requiresAv: true,
  },
  {
    agencyKey: 'hy_scjg',
    code: 'HYSC-CF-001',
    name: '对未取得食品经营许可从事食品经营活动的行政处罚',
    type: 'penalty',
    categoryCode: 'MARKET',
    legalBasis: '《中华人民共和国食品安全法》第三十五条、第一百二十二条',
  },
  {
    agencyKey: 'hy_lcz',
    code: 'HYLC-JC-001',
    name: '受委托开展食品经营日常监督检查',
    type: 'inspection',
    categoryCode: 'MARKET',
    legalBasis: '《中华人民共和国行政处罚法》第二十条；怀远县市场监督管理局委托书',
  },
];
