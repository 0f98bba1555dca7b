import { isIsoDate } from '../../../platform/identifiers/date.ts';
import { validateUscc } from '../../../platform/identifiers/uscc.ts';
import type { PublicNotice } from './publication.ts';

// 双公示 (行政许可和行政处罚等信用信息公示): the 行政处罚 exchange format credit platforms (信用中国 and the
// provincial credit platforms) ingest, as CSV with the Chinese field names as header. The format is
// versioned: consumers read `SHUANGGONGSHI_FORMAT_VERSION`, and a change of columns is a new version.
// A natural person's ID number never appears in a public file (行政处罚法 art. 48; 个人信息保护法).

export const SHUANGGONGSHI_FORMAT_VERSION = '2021.1';

/** The columns naming the 行政相对人, first in both formats. */
const PARTY_COLUMNS = [
  '行政相对人名称',
  '行政相对人类别',
  '行政相对人代码_1(统一社会信用代码)',
  '行政相对人代码_2(工商注册号)',
  '行政相对人代码_3(组织机构代码)',
  '行政相对人代码_4(税务登记号)',
  '行政相对人代码_5(事业单位证书号)',
  '行政相对人代码_6(社会组织登记证号)',
  '法定代表人',
  '法定代表人证件类型',
  '法定代表人证件号码',
  '证件类型',
  '证件号码',
] as const;

/** 行政处罚 columns, in the format's order. */
export const XZCF_COLUMNS = [
  ...PARTY_COLUMNS,
  '行政处罚决定书文号',
  '违法行为类型',
  '违法事实',
  '处罚依据',
  '处罚类别',
  '处罚内容',
  '罚款金额(万元)',
  '没收违法所得、没收非法财物的金额(万元)',
  '暂扣或吊销证照名称及编号',
  '处罚决定日期',
  '处罚有效期',
  '公示截止期',
  '处罚机关',
  '处罚机关统一社会信用代码',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '备注',
] as const;

/** 行政许可 columns, in the format's order. */
export const XZXK_COLUMNS = [
  ...PARTY_COLUMNS,
  '行政许可决定文书名称',
  '行政许可决定文书号',
  '许可类别',
  '许可证书名称',
  '许可编号',
  '许可内容',
  '许可决定日期',
  '有效期自',
  '有效期至',
  '许可机关',
  '许可机关统一社会信用代码',
  '当前状态',
  '数据来源单位',
  '数据来源单位统一社会信用代码',
  '备注',
] as const;

export type XzcfRow = Record<(typeof XZCF_COLUMNS)[number], string>;

/** 万元 with six decimals (to the fen), as the format writes amounts. */
export function wanYuan(fen: number | null): string {
  if (fen === null || fen === 0) return '';
  const whole = Math.trunc(fen / 1_000_000);
  const rest = String(fen % 1_000_000).padStart(6, '0');
  return `${whole}.${rest}`;
}

/** One 行政处罚 row of a published notice. */
export function xzcfRow(n: PublicNotice, periodUntil: string | null): XzcfRow {
  const organisation = n.partyCategory !== '自然人';
  return {
    行政相对人名称: n.partyName,
    行政相对人类别: n.partyCategory,
    '行政相对人代码_1(统一社会信用代码)': organisation ? (n.partyCode ?? '') : '',
    '行政相对人代码_2(工商注册号)': '',
    '行政相对人代码_3(组织机构代码)': '',
    '行政相对人代码_4(税务登记号)': '',
    '行政相对人代码_5(事业单位证书号)': '',
    '行政相对人代码_6(社会组织登记证号)': '',
    法定代表人: n.partyCategory === '法人及非法人组织' ? (n.legalRepresentative ?? '') : '',
    // A legal representative is a natural person: the number stays out of a public file.
    法定代表人证件类型: '',
    法定代表人证件号码: '',
    证件类型: '',
    证件号码: '',
    行政处罚决定书文号: n.documentNumber ?? '',
    违法行为类型: n.caseCause,
    违法事实: n.facts,
    处罚依据: n.legalBasis,
    处罚类别: n.penaltyKinds.join(';'),
    处罚内容: n.content,
    '罚款金额(万元)': wanYuan(n.fineFen),
    '没收违法所得、没收非法财物的金额(万元)': wanYuan(n.confiscatedFen),
    暂扣或吊销证照名称及编号: '',
    处罚决定日期: n.decidedOn,
    处罚有效期: periodUntil ?? '',
    公示截止期: periodUntil ?? '',
    处罚机关: n.agencyName,
    处罚机关统一社会信用代码: n.agencyUscc,
    数据来源单位: n.agencyName,
    数据来源单位统一社会信用代码: n.agencyUscc,
    备注: '',
  };
}

// A USCC's first two characters say what registered the subject (GB 32100-2015): 92 is a 个体工商户.
const INDIVIDUAL_BUSINESS_PREFIX = '92';
const PARTY_CATEGORIES = new Set(['法人及非法人组织', '自然人', '个体工商户']);
const RESIDENT_ID = /\d{17}[\dXx]|\d{15}/;

/** Every problem of a row, by column, in Chinese: an exported row must have none. */
export function validateXzcfRow(r: XzcfRow): string[] {
  const out: string[] = [];
  const code = r['行政相对人代码_1(统一社会信用代码)'];
  if (!r.行政相对人名称) out.push('行政相对人名称为空');
  if (!PARTY_CATEGORIES.has(r.行政相对人类别))
    out.push(`行政相对人类别「${r.行政相对人类别}」不在规定范围内`);
  if (r.行政相对人类别 === '自然人') {
    if (code || r.证件号码) out.push('自然人的证件号码不得公开');
  } else {
    if (!code) out.push('法人及非法人组织、个体工商户须填写统一社会信用代码');
    else if (validateUscc(code)) out.push(`统一社会信用代码「${code}」校验不通过`);
    else if ((r.行政相对人类别 === '个体工商户') !== code.startsWith(INDIVIDUAL_BUSINESS_PREFIX))
      out.push(`统一社会信用代码「${code}」的登记管理部门与类别「${r.行政相对人类别}」不符`);
  }
  for (const [k, v] of Object.entries(r)) {
    if (k.includes('代码') || k.includes('统一社会信用代码')) continue;
    if (RESIDENT_ID.test(v) && /\d{6}(19|20)\d{2}(0[1-9]|1[0-2])/.test(v))
      out.push(`「${k}」含有疑似身份证号码`);
  }
  if (!r.行政处罚决定书文号) out.push('行政处罚决定书文号为空');
  if (!r.处罚类别) out.push('处罚类别为空');
  for (const k of ['处罚决定日期', '公示截止期'] as const)
    if (!isIsoDate(r[k])) out.push(`${k}「${r[k]}」不是有效日期`);
  if (isIsoDate(r.处罚决定日期) && isIsoDate(r.公示截止期) && r.公示截止期 < r.处罚决定日期)
    out.push('公示截止期早于处罚决定日期');
  for (const k of ['罚款金额(万元)', '没收违法所得、没收非法财物的金额(万元)'] as const)
    if (r[k] && !/^\d+\.\d{6}$/.test(r[k])) out.push(`${k}「${r[k]}」不是精确到分的万元金额`);
  if (validateUscc(r.处罚机关统一社会信用代码)) out.push('处罚机关统一社会信用代码校验不通过');
  return out;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',');
}
