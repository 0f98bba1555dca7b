/**
 * Home addresses and health information in free text, for the redaction engine. Both are found from
 * cue words, and their extent from jieba's words: 行政处罚法 art. 48 and 个人信息保护法 art. 28 (health
 * information is sensitive personal information). An organisation's 住所 / 经营场所 is on its public
 * licence and stays; which kind of address a passage names is decided by the cue in front of it.
 */
import { isHan, type Token, tokenAt } from './redaction-segment.ts';

export interface ClauseSpan {
  start: number;
  end: number;
}

/**
 * Cues of a natural person's home. 住所 / 地址 are a home only when the party is a natural person or
 * an individual business's operator (`homeOnly` false for organisations): a company's 住所 is its
 * registered seat. 经营场所, 注册地址, 营业地址 … are never cues.
 */
const HOME_CUES =
  '家庭住址|家庭地址|现住址|现住所|住址|户籍地址|户籍所在地|户籍地|户口所在地|户口地址|户口登记地|家住|居住于|居住在|居住地|暂住于|暂住在|暂住|现住|现居住于|现居于';
const PERSON_SEAT_CUES = '住所地|住所|(?<![经营注册单位公司办公营业门店企业机构])地址';
const SEAT = /^[：:\s]*/;

/** Characters an address ends with (省市区县镇乡村组路街道巷号室栋楼 …). */
const ADDRESS_END = /[省市区县旗镇乡村组路街道巷弄里号室栋幢楼层户单元苑园府城湾寨庄屯院厦座队舍社坊]$/;
const ADMIN = /[省市区县镇乡村组路街道巷弄号室栋幢]/;
const NUMBERISH = /^[0-9０-９\-－—#＃A-Za-z]+$/;
/** Words that end an address (what follows is the sentence going on). */
const STOP_WORDS = new Set([
  '的',
  '于',
  '在',
  '经营',
  '从事',
  '因',
  '被',
  '将',
  '向',
  '对',
  '与',
  '和',
  '及',
  '等',
]);
const BREAK = /^[，。；;,、（(）)：:\n！？!?]$/;
const MAX_ADDRESS = 60;

function addressFrom(text: string, tokens: readonly Token[], from: number): ClauseSpan | null {
  const start = from + (SEAT.exec(text.slice(from))?.[0].length ?? 0);
  let k = tokenAt(tokens, start);
  let end = start;
  let lastGood = start;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    const word = t.start < start ? text.slice(start, t.end) : t.word;
    if (BREAK.test(word) || word.includes('\n') || STOP_WORDS.has(word)) break;
    if (t.end - start > MAX_ADDRESS) break;
    if (/^[pcry]|^u/.test(t.tag)) break;
    if (t.tag.startsWith('v') && word.length >= 2 && !ADDRESS_END.test(word)) break;
    if (!/^\s+$/.test(word) && !isHan(word) && !NUMBERISH.test(word)) break;
    end = t.end;
    if (ADDRESS_END.test(word) || NUMBERISH.test(word)) lastGood = end;
  }
  end = Math.min(end, lastGood);
  const found = text.slice(start, end);
  if (found.length < 3 || !ADMIN.test(found)) return null;
  return { start, end };
}

/**
 * Home addresses after a cue: 住址：…, 家住…, 居住于…, 现住…, and the usual 住 of a decision's header
 * (“张三，男，…，住安徽省蚌埠市…”) when jieba reads a place name right after it.
 */
export function findHomeAddresses(text: string, tokens: readonly Token[], personSeat: boolean): ClauseSpan[] {
  const cues = new RegExp(`(?:${HOME_CUES}${personSeat ? `|${PERSON_SEAT_CUES}` : ''})`, 'g');
  const found: ClauseSpan[] = [];
  for (const cue of text.matchAll(cues)) {
    const span = addressFrom(text, tokens, cue.index + cue[0].length);
    if (span) found.push(span);
  }
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.word === '住' && tokens[k + 1]!.tag === 'ns') {
      const span = addressFrom(text, tokens, t.end);
      if (span) found.push(span);
    }
  }
  return found;
}

/**
 * Health cues. Specific on purpose: 病死猪, 传染病防治法, 健康证明 (a licence duty), 精神文明 and
 * 残疾人专用车位 are the decisions' subject matter, not anyone's health.
 */
const HEALTH_CLAUSE =
  /病历|病史|病情|病假|因病|诊断为|诊断证明|诊断书|确诊|住院|出院|就诊|就医|治疗期间|化疗|透析|手术(?![室器刀衣包台灯])|休克|昏迷|抢救|卧床|过敏(?!原)|摔伤|扭伤|残疾人证|残疾证|系残疾人|[一二三四]级残疾|(?:肢体|智力|视力|听力|言语|精神|多重)残疾|精神病|精神疾病|精神障碍|精神分裂|抑郁症|艾滋病病毒|HIV|怀孕|妊娠|孕期|哺乳期|伤情|轻微伤|轻伤|重伤|伤残|挫伤|骨折|离断|截肢|烧伤|烫伤|聋哑|失明|失聪|瘫痪/g;
/**
 * 患有 … names the disease: only the words up to the disease go, the rest of the sentence stays.
 * 诱发 / 引发 / 导致 count only when a disease follows in the clause (导致停产 is no illness).
 */
const SUFFERS = /罹患|身患|患有|患|诱发|引发|导致/g;
const CAUSES = new Set(['诱发', '引发', '导致']);
const DISEASE_END = /(?:病|症|炎|癌|瘤|结核|艾滋|HIV|障碍|综合征|疾病|疾患|肝|梗|中风|瘫痪|哮喘)$/;
const CLAUSE_BREAK = /[，。；;,！？!?\n]/;

function clauseAround(text: string, at: number, end: number): ClauseSpan {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let stop = end;
  while (stop < text.length && !CLAUSE_BREAK.test(text[stop]!)) stop++;
  while (start < stop && /\s/.test(text[start]!)) start++;
  return { start, end: stop };
}

/**
 * A disease named on its own (因颈椎病请假) is health data too, unless the clause is about a product's
 * claims or a public-health category: 宣称可治愈糖尿病, 传染病防治法, 职业病危害, 动物疫病.
 */
const DISEASE_WORD = /^[\u4e00-\u9fff]{1,6}(?:病|症|癌|瘤|结核|哮喘|肝炎|肺炎)$/;
const PUBLIC_DISEASES = new Set(['传染病', '职业病', '疫病', '流行病', '地方病', '疾病', '病症']);
const CLAIMS = /治愈|治疗|预防|防治|防控|宣称|声称|功效|广告|标签|说明书|危害|检测|疫苗|主治|适用|《/;

/** Clauses about a person's health; after 患有 only the disease itself. */
export function findHealth(text: string, tokens: readonly Token[]): ClauseSpan[] {
  const found: ClauseSpan[] = [];
  for (const m of text.matchAll(HEALTH_CLAUSE)) {
    found.push(clauseAround(text, m.index, m.index + m[0].length));
  }
  const named: ClauseSpan[] = [];
  for (const m of text.matchAll(SUFFERS)) {
    if (m[0] === '患' && /^[者难处]/.test(text.slice(m.index + 1))) continue; // 患者, 患难, 隐患处
    if (text[m.index - 1] === '隐') continue; // 隐患: a hazard, not an illness
    const clause = clauseAround(text, m.index, m.index + m[0].length);
    let end = CAUSES.has(m[0]) ? -1 : clause.end;
    for (let k = tokenAt(tokens, m.index + m[0].length); k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.start >= clause.end) break;
      if (DISEASE_END.test(t.word)) {
        end = t.end;
        break;
      }
    }
    if (end > m.index) named.push({ start: m.index, end });
  }
  for (const t of tokens) {
    if (t.word.length < 3 || !DISEASE_WORD.test(t.word) || PUBLIC_DISEASES.has(t.word)) continue;
    if (named.some((n) => n.start <= t.start && t.end <= n.end)) continue; // 患有乙型肝炎: the disease only
    const clause = clauseAround(text, t.start, t.end);
    if (!CLAIMS.test(text.slice(clause.start, clause.end))) found.push(clause);
  }
  return [...found, ...named];
}
