import type { RevocationCause } from '../../modules/org/rules/certificate.ts';
import { addDays } from '../../platform/identifiers/date.ts';
import { intBetween, mulberry32 } from './prng.ts';
import type { DemoAgency, DemoCertificateEvent, DemoOfficer } from './types.ts';

/** Demo certificates are valid for five years from the issue date. */
const CERT_VALIDITY_DAYS = 1826;
const TRAINING_SEED = 20190929;

/** 执法证件编号 in our format (certificate-no.ts): 皖 + 4-digit area + 2-digit agency + 4-digit serial. */
const CERT_PREFIX: Readonly<Record<string, string>> = {
  sfj: '皖030001',
  scjg: '皖030002',
  cg: '皖030003',
  sthj: '皖030004',
  yjgl: '皖030005',
  jtys: '皖030006',
  hy_scjg: '皖032101',
  hy_lcz: '皖032102',
};

type Special =
  | { kind: 'reviewer' }
  | { kind: 'aux' }
  | { kind: 'expired'; daysAgo: number }
  | { kind: 'expiring'; inDays: number }
  | { kind: 'new'; issuedDaysAgo: number }
  | { kind: 'suspended'; daysAgo: number; reason: string }
  | { kind: 'revoked'; daysAgo: number; reason: string; cause: RevocationCause };

type Row = [
  key: string,
  agencyKey: string,
  unitName: string,
  name: string,
  special?: Special,
  phone?: string,
];

const REVIEWER: Special = { kind: 'reviewer' };
const AUX: Special = { kind: 'aux' };

/** Names are fictitious. The scjg roster is large on purpose: 1 reviewer for 21 officers is 4.76 % < 5 %. */
const ROWS: readonly Row[] = [
  ['sfj-01', 'sfj', '法治调研科', '窦文华', REVIEWER, '0552-3061035'],
  ['sfj-02', 'sfj', '律师工作管理科', '章敏'],

  ['scjg-01', 'scjg', '法规科', '陈志远', REVIEWER, '0552-3072318'],
  ['scjg-02', 'scjg', '稽查执法支队', '刘海涛', undefined, '13955201864'],
  ['scjg-03', 'scjg', '稽查执法支队', '张晓梅'],
  ['scjg-04', 'scjg', '稽查执法支队', '王立新'],
  ['scjg-05', 'scjg', '稽查执法支队', '李明辉', { kind: 'expiring', inDays: 20 }],
  ['scjg-06', 'scjg', '稽查执法支队', '赵雪琴'],
  ['scjg-07', 'scjg', '稽查执法支队', '孙浩然'],
  ['scjg-08', 'scjg', '稽查执法支队', '周建华'],
  ['scjg-09', 'scjg', '食品经营安全监督管理科', '吴静怡'],
  ['scjg-10', 'scjg', '食品经营安全监督管理科', '郑国庆'],
  ['scjg-11', 'scjg', '食品经营安全监督管理科', '冯晓东'],
  ['scjg-12', 'scjg', '食品经营安全监督管理科', '褚红霞', { kind: 'new', issuedDaysAgo: 10 }],
  ['scjg-13', 'scjg', '价格监督检查和反不正当竞争科', '卫子健'],
  ['scjg-14', 'scjg', '价格监督检查和反不正当竞争科', '蒋文博'],
  ['scjg-15', 'scjg', '价格监督检查和反不正当竞争科', '沈丽萍'],
  ['scjg-16', 'scjg', '价格监督检查和反不正当竞争科', '韩卫东'],
  ['scjg-17', 'scjg', '特种设备安全监察科', '杨春燕'],
  ['scjg-18', 'scjg', '特种设备安全监察科', '朱宏伟'],
  ['scjg-19', 'scjg', '特种设备安全监察科', '秦雅琴'],
  ['scjg-20', 'scjg', '特种设备安全监察科', '许振宇'],
  ['scjg-21', 'scjg', '稽查执法支队', '何佳慧'],
  [
    'scjg-22',
    'scjg',
    '稽查执法支队',
    '吕成刚',
    { kind: 'suspended', daysAgo: 30, reason: '涉嫌违反执法纪律，立案调查期间暂扣执法证件' },
  ],
  ['scjg-x1', 'scjg', '稽查执法支队', '鲁小军', AUX],
  ['scjg-x2', 'scjg', '食品经营安全监督管理科', '韦晓燕', AUX],

  ['cg-01', 'cg', '政策法规科', '施建军', REVIEWER],
  ['cg-02', 'cg', '城市管理综合执法支队', '张国栋', undefined, '0552-2083315'],
  ['cg-03', 'cg', '城市管理综合执法支队', '严晓峰'],
  ['cg-04', 'cg', '城市管理综合执法支队', '曹玉兰', { kind: 'expired', daysAgo: 45 }],
  [
    'cg-05',
    'cg',
    '市容环境卫生管理科',
    '孔德明',
    {
      kind: 'revoked',
      daysAgo: 60,
      reason: '已办理退休手续，按照“谁申办、谁清理、谁收缴”原则收回并注销执法证件',
      cause: 'retirement',
    },
  ],
  ['cg-x1', 'cg', '城市管理综合执法支队', '马宏亮', AUX],
  ['cg-x2', 'cg', '城市管理综合执法支队', '方红梅', AUX],

  ['sthj-01', 'sthj', '法规与标准科', '华立群', REVIEWER],
  ['sthj-02', 'sthj', '生态环境保护综合行政执法支队', '金鹏飞'],
  [
    'sthj-03',
    'sthj',
    '生态环境保护综合行政执法支队',
    '魏书婷',
    {
      kind: 'revoked',
      daysAgo: 90,
      reason: '调离执法岗位，按照“谁申办、谁清理、谁收缴”原则收回并注销执法证件',
      cause: 'transfer',
    },
  ],

  ['yjgl-01', 'yjgl', '政策法规科', '陶振华', REVIEWER],
  ['yjgl-02', 'yjgl', '应急管理综合行政执法支队', '姜永胜'],
  [
    'yjgl-03',
    'yjgl',
    '应急管理综合行政执法支队',
    '戚晓丽',
    { kind: 'suspended', daysAgo: 12, reason: '年度执法资格考试未通过，暂扣执法证件待补考' },
  ],

  ['jtys-01', 'jtys', '政策法规科', '谢文杰', REVIEWER],
  ['jtys-02', 'jtys', '交通运输综合行政执法支队', '邹海燕'],
  ['jtys-03', 'jtys', '交通运输综合行政执法支队', '喻国强', { kind: 'expired', daysAgo: 200 }],
  ['jtys-x1', 'jtys', '交通运输综合行政执法支队', '任立国', AUX],

  ['hy_scjg-01', 'hy_scjg', '法规股', '苏振东', REVIEWER, '0552-8021440'],
  ['hy_scjg-02', 'hy_scjg', '综合执法大队', '潘玉梅'],
  ['hy_scjg-03', 'hy_scjg', '榴城市场监督管理所', '葛春生', { kind: 'expired', daysAgo: 5 }],

  ['hy_lcz-01', 'hy_lcz', '法制审核组', '范德胜', REVIEWER],
  ['hy_lcz-02', 'hy_lcz', '综合执法一中队', '彭丽娟'],
  ['hy_lcz-x1', 'hy_lcz', '综合执法二中队', '袁海波', AUX],
];

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

function certificateDates(ref: string, special: Special | undefined, random: () => number) {
  let issuedDaysAgo = intBetween(random, 120, 1500);
  if (special?.kind === 'expired') issuedDaysAgo = CERT_VALIDITY_DAYS + special.daysAgo;
  if (special?.kind === 'expiring') issuedDaysAgo = CERT_VALIDITY_DAYS - special.inDays;
  if (special?.kind === 'new') issuedDaysAgo = special.issuedDaysAgo;
  const issueDate = addDays(ref, -issuedDaysAgo);
  return { issueDate, expiryDate: addDays(issueDate, CERT_VALIDITY_DAYS) };
}

function statusOf(ref: string, special: Special | undefined): Pick<DemoOfficer, 'status' | 'statusEvent'> {
  if (special?.kind !== 'suspended' && special?.kind !== 'revoked')
    return { status: 'valid', statusEvent: null };
  const event: DemoCertificateEvent = {
    action: special.kind === 'suspended' ? 'suspend' : 'revoke',
    date: addDays(ref, -special.daysAgo),
    reason: special.reason,
    revocationCause: special.kind === 'revoked' ? special.cause : null,
  };
  return { status: special.kind, statusEvent: event };
}

/**
 * Every demo reviewer holds the 法律职业资格 (A类, 国家统一法律职业资格考试) and sits in the review unit,
 * so the art. 58 para 2 check passes; they began reviewing one to eight years before the reference day.
 */
function reviewerRecord(n: number, regionCode: string, referenceDate: string) {
  if (n === 0) return { legalQualificationNo: null, reviewingSince: null };
  const since = addDays(referenceDate, -365 * (1 + (n % 8)) - 30 * n);
  return {
    legalQualificationNo: `A${Number(since.slice(0, 4)) - 1}${regionCode.slice(0, 4)}${String(1000 + 37 * n).padStart(6, '0')}`,
    reviewingSince: since,
  };
}

/** About 40 certified officers and 6 auxiliaries, dates relative to `referenceDate`. */
export function buildOfficers(referenceDate: string, agencies: readonly DemoAgency[]): DemoOfficer[] {
  const random = mulberry32(TRAINING_SEED);
  const year = Number(referenceDate.slice(0, 4));
  const yearElapsed = dayOfYear(referenceDate) / 366;
  const serials = new Map<string, number>();
  let reviewers = 0;
  return ROWS.map(([key, agencyKey, unitName, name, special, phone]) => {
    const agency = agencies.find((a) => a.key === agencyKey);
    if (!agency) throw new Error(`demo officer ${key}: unknown agency ${agencyKey}`);
    const isAuxiliary = special?.kind === 'aux';
    const lastYear = isAuxiliary ? intBetween(random, 20, 48) : intBetween(random, 46, 88);
    const thisYear = Math.round(yearElapsed * intBetween(random, 40, 80));
    const trainingHours = [
      { year: year - 1, hours: lastYear },
      { year, hours: thisYear },
    ];
    const base = { key, agencyKey, unitName, name, isAuxiliary, trainingHours, phone: phone ?? null };
    if (isAuxiliary) {
      return {
        ...base,
        certificateNo: null,
        categories: [],
        enforcementRegionCode: null,
        issueDate: null,
        expiryDate: null,
        status: 'valid',
        statusEvent: null,
        isLegalReviewer: false,
        legalQualificationNo: null,
        reviewingSince: null,
      };
    }
    const serial = (serials.get(agencyKey) ?? 0) + 1;
    serials.set(agencyKey, serial);
    return {
      ...base,
      certificateNo: `${CERT_PREFIX[agencyKey]}${String(serial).padStart(4, '0')}`,
      categories: [...agency.categories],
      enforcementRegionCode: agency.regionCode,
      ...certificateDates(referenceDate, special, random),
      ...statusOf(referenceDate, special),
      isLegalReviewer: special?.kind === 'reviewer',
      ...reviewerRecord(special?.kind === 'reviewer' ? ++reviewers : 0, agency.regionCode, referenceDate),
    };
  });
}
