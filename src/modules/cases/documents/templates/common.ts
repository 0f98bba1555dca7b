// Fields and blocks shared by several templates.
import { chineseOrdinal, formatDate, formatValue, partyIdLine, partyLines } from '../format.ts';
import type { Block, FieldDef, Party, ResolvedParagraph, TemplateContext } from '../types.ts';

export const caseCauseField: FieldDef = {
  key: 'caseCause',
  label: '案由',
  type: 'text',
  required: true,
  help: '违法行为的简要表述，如：未取得食品经营许可从事食品经营活动',
};

export const partyField: FieldDef = { key: 'party', label: '当事人', type: 'party', required: true };

export const officersField: FieldDef = {
  key: 'officers',
  label: '执法人员',
  type: 'officers',
  required: true,
  minCount: 2,
  help: '不得少于两人（《中华人民共和国行政处罚法》第四十二条），须列明执法证号',
};

export const reviewAuthorityField: FieldDef = {
  key: 'reviewAuthority',
  label: '行政复议机关',
  type: 'text',
  required: true,
  help: '如：蚌埠市人民政府；机关可在本机关文书模板中设为默认值',
};

export const courtField: FieldDef = {
  key: 'court',
  label: '管辖人民法院',
  type: 'text',
  required: true,
  help: '如：蚌埠市蚌山区人民法院；机关可在本机关文书模板中设为默认值',
};

export const contactFields: FieldDef[] = [
  { key: 'contactPerson', label: '联系人', type: 'text', required: true },
  { key: 'contactPhone', label: '联系电话', type: 'text', required: true },
  { key: 'agencyAddress', label: '机关地址', type: 'text', required: false },
];

export const startTimeField: FieldDef = {
  key: 'startTime',
  label: '开始时间',
  type: 'datetime',
  required: true,
};
export const endTimeField: FieldDef = { key: 'endTime', label: '结束时间', type: 'datetime', required: true };

/** 2026年3月2日9时30分至10时45分 (the date is not repeated when both times fall on one day). */
export function timeSpan(ctx: TemplateContext): string {
  const start = String(ctx.data.startTime ?? '');
  const end = String(ctx.data.endTime ?? '');
  const from = ctx.fmt('startTime');
  if (!end) return from;
  const to =
    start.slice(0, 10) === end.slice(0, 10) ? ctx.fmt('endTime').replace(/^.*日/, '') : ctx.fmt('endTime');
  return `${from}至${to}`;
}

/** The 当事人 lines of the 范本 (当事人：…／统一社会信用代码：…／住所：…／法定代表人：…). */
export function partyBlock(field = 'party', label = '当事人'): Block {
  return {
    type: 'paragraphs',
    id: `${field}Lines`,
    render: (ctx) => (ctx.has(field) ? partyLines(ctx.data[field] as Party, label) : []),
  };
}

/** The party as the content of a form cell, one item per line. */
export function partyFormText(ctx: TemplateContext, field = 'party'): string {
  if (!ctx.has(field)) return '';
  const p = ctx.data[field] as Party;
  const lines = [p.name, partyIdLine(p)];
  if (p.kind === 'individual_business') lines.push(`经营者：${p.operatorName}`);
  if ((p.kind === 'legal_person' || p.kind === 'other_organisation') && p.representative) {
    lines.push(`${p.kind === 'legal_person' ? '法定代表人' : '负责人'}：${p.representative}`);
  }
  if (p.address) lines.push(`${p.kind === 'natural_person' ? '住址' : '住所（经营场所）'}：${p.address}`);
  if (p.phone) lines.push(`联系电话：${p.phone}`);
  return lines.join('\n');
}

/** The addressee line of a notice: 蚌埠市某某食品有限公司： */
export const addresseeBlock: Block = {
  type: 'paragraph',
  id: 'addressee',
  text: '{{party.name}}：',
  indent: false,
};

export const BLANK_DATE = '　　　年　　月　　日';

/** Signature line of an approval form cell: 签名：张三　　2026年3月2日 (blank where not filled). */
export function signLine(nameKey: string, dateKey: string, label = '签名') {
  return (ctx: TemplateContext): string => {
    const name = ctx.fmt(nameKey, 'names');
    const date = ctx.has(dateKey) ? formatDate(String(ctx.data[dateKey])) : BLANK_DATE;
    return `${label}：${name || '　　　　'}　　${date}`;
  };
}

/** 一、…；二、…。 — a numbered list; a single item is not numbered. */
export function numbered(items: string[]): ResolvedParagraph[] {
  return items.map((t, i) => {
    const end = i === items.length - 1 ? '。' : '；';
    return { text: `${items.length > 1 ? `${chineseOrdinal(i + 1)}、` : ''}${t}${end}` };
  });
}

/** Fields of the penalties of a decision, or of the penalties proposed in a 告知书 (same keys). */
export function penaltyFields(proposed: boolean): FieldDef[] {
  const p = proposed ? '拟' : '';
  return [
    { key: 'warning', label: `${p}警告`, type: 'enum', required: false, options: ['是', '否'] },
    { key: 'confiscatedIncomeFen', label: `${p}没收违法所得金额`, type: 'money_fen', required: false },
    {
      key: 'confiscatedProperty',
      label: `${p}没收非法财物`,
      type: 'text',
      required: false,
      help: '如：无标签预包装食品42件',
    },
    { key: 'fineFen', label: `${p}罚款金额`, type: 'money_fen', required: false },
    {
      key: 'otherPenalties',
      label: `${p}其他行政处罚`,
      type: 'list',
      required: false,
      help: '如：责令停产停业三个月；吊销食品经营许可证',
    },
  ];
}

const MONEY: FieldDef = { key: '', label: '', type: 'money_fen', required: false };

/** The penalties as printed: 警告；没收违法所得人民币…元；罚款人民币…元（大写：…）；… */
export function penaltyItems(ctx: TemplateContext): string[] {
  const items: string[] = [];
  if (ctx.data.warning === '是') items.push('警告');
  const income = ctx.data.confiscatedIncomeFen;
  if (typeof income === 'number' && income > 0) items.push(`没收违法所得${formatValue(MONEY, income)}`);
  const property = ctx.data.confiscatedProperty;
  if (typeof property === 'string' && property.trim()) items.push(`没收${property.trim()}`);
  const fine = ctx.data.fineFen;
  if (typeof fine === 'number' && fine > 0) items.push(`罚款${formatValue(MONEY, fine, 'full')}`);
  const others = ctx.data.otherPenalties;
  if (Array.isArray(others)) items.push(...(others as string[]).filter((s) => s.trim()));
  return items;
}

/** Cross-field rule of decisions and notices: at least one penalty. */
export function atLeastOnePenalty(ctx: TemplateContext): boolean {
  return penaltyItems(ctx).length > 0;
}
