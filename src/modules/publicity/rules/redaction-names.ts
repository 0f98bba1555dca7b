/**
 * Natural persons' names for the redaction engine (行政处罚法 art. 48; 个人信息保护法 art. 28 lists
 * nothing about names, but 政府信息公开条例 art. 15 keeps third parties' personal information out of
 * published documents): masking the penalised person's name, and finding the names of other people
 * (witnesses, family, employees, informants) that the case did not list, by cue words plus jieba's
 * segmentation and person-name tags. Pure.
 */
import { isHan, type Token, tokenAt } from './redaction-segment.ts';

export type NameMaskRule = 'surname_mou_mou' | 'surname_mou' | 'surname_x';
export const NAME_MASK_RULE_LABELS: Record<NameMaskRule, string> = {
  surname_mou_mou: '姓氏加“某某”（如张某某）',
  surname_mou: '姓氏加“某”（如张某）',
  surname_x: '姓氏加“××”（如张××）',
};
const MASK_SUFFIX: Record<NameMaskRule, string> = {
  surname_mou_mou: '某某',
  surname_mou: '某',
  surname_x: '××',
};

/** 复姓 (compound surnames) in use today; a name starting with one keeps both characters. */
// biome-ignore format: one table
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '闻人', '澹台', '公冶', '太史',
  '申屠', '钟离', '宗政', '濮阳', '淳于', '单于', '赫连', '拓跋', '第五', '左丘', '东郭', '司空', '亓官',
  '羊舌', '微生', '梁丘', '公良', '乐正', '漆雕', '壤驷', '谷梁', '段干', '巫马', '公西', '子车', '颛孙',
  '鲜于', '闾丘',
];

/**
 * Common single-character surnames (the ~300 most frequent). Characters that are far more often a
 * function word than a surname after a cue (和, 于, 在, 由, 向, 都, 来, 应, 时, 成, 国, 平, 全, 相, 公 …)
 * are left out on purpose: after 员工 the word 和 is a conjunction.
 */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任' +
      '沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴' +
      '莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕' +
      '单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄' +
      '窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑' +
      '迟邝封谈匡鞠惠荆冀郁胥储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚帅屠豆朴盖练廉禹井祖漆巴丰支卿狄' +
      '宣晋初扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓修邰赫杭况宿逯隆茹诸战慕危亢嵇湛宾戎勾茅揭尉冶檀昝幸奉衡尧',
  ),
);

/** Surnames left out above, accepted only where jieba reads a whole three-character name (于小梅). */
const AMBIGUOUS_SURNAMES = new Set(Array.from('于和向时成应平国全文明海安原来由都相公'));

/** The surname part of a name: a compound surname when the name starts with one and is longer. */
export function surnameOf(name: string): string {
  const compound = COMPOUND_SURNAMES.find((c) => name.startsWith(c) && name.length > c.length);
  return compound ?? Array.from(name)[0] ?? '';
}

export function cleanName(name: string): string {
  return name.replace(/[\s\u3000\u00a0]+/g, '');
}

/** 张三 → 张某某 / 张某 / 张××; 欧阳娜娜 → 欧阳某某. The given name never shows, whatever its length. */
export function maskPersonName(name: string, rule: NameMaskRule): string {
  return `${surnameOf(cleanName(name))}${MASK_SUFFIX[rule]}`;
}

/**
 * Words after which the text names a natural person other than the party. Longer cues first, so
 * 投诉举报人 wins over 举报人. 法定代表人 is not a cue: an organisation's legal representative is public.
 */
// biome-ignore format: one table
const PERSON_CUES = [
  '投诉举报人', '委托代理人', '法定代理人', '现场负责人', '从业人员', '见证人', '证明人', '在场人', '陪同人',
  '举报人', '投诉人', '报案人', '受害人', '被害人', '被侵权人', '消费者', '购买者', '购买人', '驾驶员', '驾驶人',
  '营业员', '收银员', '承租人', '出租人', '监护人', '代理人', '联系人', '证人', '其妻', '其夫', '其子', '其女',
  '其父', '其母', '其兄', '其弟', '其姐', '其妹', '之妻', '之夫', '妻子', '丈夫', '儿子', '女儿', '父亲', '母亲',
  '亲属', '家属', '邻居', '雇员', '员工', '店员', '职工', '帮工', '工人', '厨师', '司机', '乘客', '顾客', '房东',
  '同事', '同学', '朋友', '女友', '男友', '配偶', '前夫', '前妻', '侄子', '侄女', '外甥', '女婿', '儿媳', '孙子',
  '孙女', '外孙', '表哥', '表姐', '表妹', '堂兄', '堂弟', '哥哥', '姐姐', '弟弟', '妹妹', '嫂子', '叔叔', '姓名',
  '户主', '房主', '业主', '网管',
];
/** Overlapping matches (其妻子 holds 其妻 and 妻子): a lookahead, the cue and its colon captured. */
const CUE_PATTERN = new RegExp(`(?=(${PERSON_CUES.join('|')})([：:\\s]*(?:为|系|是)?))`, 'g');

/** Characters that end a name when jieba glued them on (李秀兰于 → 李秀兰). */
const TRAILING_FUNCTION = new Set(Array.from('于在称向对将等及和与的说是为系也都均即已被把从到就未亦因经并'));
/** Words that follow a cue but are no name although they start with a surname character. */
const NOT_NAMES = new Set(['顾客', '师傅', '宿舍', '车辆', '工作', '方面', '共同', '同时', '金额', '应当']);
/** Parts of speech a two-character word must not have to be read as a name (陈述/v, 严格/a, 车辆/n). */
const NOT_NAME_TAG = /^(?:v|p|c|u|d|m|q|f|t|a|n$|vn|l|i|e|y|o)/;

/**
 * Role nouns after which a name follows: 专员, 主任, 店员, 药师, 管理员, 代表, 农户, 老板娘, 工友, 表弟 …
 * (any word ending in one of these characters), except words that name no one in particular.
 */
const ROLE_END = /[人员工师长任管表户娘父母弟兄姐妹叔伯婶姨舅友客民东属士生]$/;
const ROLE_WORDS = new Set(['会计', '出纳', '保安', '保姆', '老板', '店主', '车主', '船主', '摊主']);
// biome-ignore format: one table
const NOT_ROLES = new Set([
  '当事人', '每人', '他人', '个人', '本人', '别人', '众人', '任何人', '其他人', '法人', '公民', '人民', '执法人员',
  '法定代表人', '卫生', '发生', '产生', '出生', '先生',
]); // biome-ignore format: one table

const isHanChar = (c: string | undefined) => c !== undefined && /[\u3400-\u9fff]/.test(c);

/** A person's name starting exactly at `at`, or null. jieba reads unknown names poorly, so its words
 * only bound the name: 高/a 建平/n → 高建平, 何国/r 平/n → 何国平, 邹小平称/x → 邹小平. */
function nameAt(text: string, tokens: readonly Token[], at: number): Range | null {
  const k = tokenAt(tokens, at);
  const t0 = tokens[k];
  if (!t0 || (t0.start !== at && t0.tag !== 'x') || !isHanChar(text[at])) return null;
  // 小郭, 老刘: how people are called at work.
  if (/[小老]/.test(text[at]!) && SURNAMES.has(text[at + 1]!)) {
    if (!isHanChar(text[at + 2]) || TRAILING_FUNCTION.has(text[at + 2]!)) return { start: at, end: at + 2 };
  }
  const compound = COMPOUND_SURNAMES.find((c) => text.startsWith(c, at));
  const word = text.slice(at, t0.end);
  // 于小梅/x: a surname that is mostly a function word counts only inside a three-character name word.
  const rare = AMBIGUOUS_SURNAMES.has(text[at]!) && word.length === 3 && /^(?:nr|x)/.test(t0.tag);
  const surname = compound ?? (SURNAMES.has(text[at]!) || rare ? text[at]! : null);
  if (!surname) return null;
  const t1 = tokens[k + 1];
  const piece = (t: Token | undefined, max: number) =>
    t !== undefined && isHan(t.word) && t.word.length <= max && !/^[pcu]/.test(t.tag) ? t.word : null;
  let name: string;
  if (word === surname) {
    const next = piece(t1, 2);
    if (!next) return null;
    name = surname + next;
    const after = next.length === 1 ? piece(tokens[k + 2], 1) : null;
    if (after && !TRAILING_FUNCTION.has(after)) name += after;
  } else if (word.length === surname.length + 1) {
    if (NOT_NAME_TAG.test(t0.tag) && !t0.tag.startsWith('nr')) return null;
    name = word;
    const next = piece(t1, 1);
    if (next && !TRAILING_FUNCTION.has(next)) name += next;
  } else if (isHan(word) && (t0.tag.startsWith('nr') || t0.tag === 'x')) {
    name = word;
  } else {
    return null;
  }
  let chars = Array.from(name).slice(0, surname.length + 2);
  while (chars.length > surname.length + 1 && TRAILING_FUNCTION.has(chars[chars.length - 1]!)) {
    chars = chars.slice(0, -1);
  }
  name = chars.join('');
  if (name.includes('某') || NOT_NAMES.has(name)) return null;
  return { start: at, end: at + name.length };
}

interface Range {
  start: number;
  end: number;
}

/** Where a name may start: after an explicit cue, or after a role noun (专员徐志刚, （焊工）赵国庆). */
function namePositions(text: string, tokens: readonly Token[]): number[] {
  const at: number[] = [];
  for (const cue of text.matchAll(CUE_PATTERN)) at.push(cue.index + cue[1]!.length + cue[2]!.length);
  for (const t of tokens) {
    if (t.word.length < 2 || NOT_ROLES.has(t.word) || !isHan(t.word)) continue;
    if (!ROLE_END.test(t.word) && !ROLE_WORDS.has(t.word)) continue;
    const gap = /^[）)：:\s]{0,2}/.exec(text.slice(t.end, t.end + 2))![0];
    at.push(t.end + gap.length);
  }
  // jieba glues a role's last character to an unknown name: 开锁/v 人方晓琳/x, 爆破/v 员冷/x 志强/nrfg.
  for (const t of tokens) {
    if (t.tag === 'x' && t.word.length >= 2 && /^[人员]/.test(t.word) && SURNAMES.has(t.word[1]!))
      at.push(t.start + 1);
  }
  return at;
}

/**
 * Names of people other than the party, read after cues and role nouns, an enumeration joined by
 * 、和及与 included (证人李晓明、王芳). Masked forms (王某) are left alone: they are already anonymous.
 * Returns the names found; the caller removes every occurrence of each.
 */
export function findCuedNames(text: string, tokens: readonly Token[]): string[] {
  const names = new Set<string>();
  for (let at of namePositions(text, tokens)) {
    for (let guard = 0; guard < 8; guard++) {
      const name = nameAt(text, tokens, at);
      if (!name) break;
      names.add(text.slice(name.start, name.end));
      // A comma continues a list only when another name follows (证人李四，男 stops at 男); a short
      // bracket may stand between (谢某某（15岁）、邓某某).
      const rest = /^(?:[（(][^（）()\n]{0,14}[）)])?[、和及与,，\s]{1,2}/.exec(
        text.slice(name.end, name.end + 20),
      );
      if (!rest) break;
      at = name.end + rest[0].length;
    }
  }
  return [...names];
}
