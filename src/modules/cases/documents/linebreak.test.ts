import assert from 'node:assert/strict';
import { test } from 'node:test';
import { breakLines, LINE_END_PROHIBITED, LINE_START_PROHIBITED, segment } from './linebreak.ts';

// Widths as in a CJK font: ideographs and full-width marks 1 em, Latin letters and digits half.
const measure = (unit: string) => Array.from(unit).reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);
const first = (s: string) => Array.from(s)[0]!;
const last = (s: string) => Array.from(s).at(-1)!;

/** Deterministic PRNG (mulberry32), so that a failure can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '当事人的上述行为违反了中华人民共和国食品安全法第三十五条规定本局决定罚款没收违法所得䶮鑫淼';
/** What follows a run of ideographs in real text: one mark or a realistic pair. */
const AFTER = [
  '，',
  '。',
  '、',
  '；',
  '：',
  '！',
  '？',
  '）',
  '」',
  '》',
  '”',
  '”。',
  '）。',
  '》，',
  '……',
  '……”',
  '——',
  '”，',
];
const BEFORE = ['（', '《', '“', '「', '〔'];

/** Realistic text: runs of ideographs, marks after them, opening marks before them, amounts. */
function randomText(next: () => number, length: number): string {
  const pick = <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]!;
  const han = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(Array.from(HAN))).join('');
  let out = '';
  while (Array.from(out).length < length) {
    const r = next();
    if (r < 0.15) out += pick(BEFORE);
    out += han();
    if (r > 0.9) out += `人民币${Math.floor(next() * 100000).toLocaleString('en')}.00元`;
    if (next() < 0.5) out += pick(AFTER);
  }
  return out;
}

test('kinsoku: closing marks never start a line and opening marks never end one (property)', () => {
  for (let seed = 1; seed <= 2000; seed++) {
    const next = rng(seed);
    const text = randomText(next, 20 + Math.floor(next() * 200));
    const width = 10 + Math.floor(next() * 25);
    const indent = next() < 0.5 ? 2 : 0;
    const lines = breakLines(text, width, measure, { firstLineIndent: indent, squeeze: 1 });
    const ctx = `seed ${seed}, width ${width}: ${JSON.stringify(lines)}`;
    assert.equal(lines.join(''), text, ctx);
    lines.forEach((line, i) => {
      assert.ok(line.length > 0, ctx);
      if (i > 0)
        assert.ok(!LINE_START_PROHIBITED.has(first(line)), `line ${i} starts with ${first(line)}; ${ctx}`);
      if (i < lines.length - 1)
        assert.ok(!LINE_END_PROHIBITED.has(last(line)), `line ${i} ends with ${last(line)}; ${ctx}`);
      const w = measure(line) + (i === 0 ? indent : 0);
      assert.ok(w <= width + 1, `line ${i} is ${w} wide; ${ctx}`);
    });
  }
});

test('a closing mark that does not fit is squeezed in or pushes a character down; an opening mark is pushed down', () => {
  const text = '一二三四五六七八九十，十一';
  assert.deepEqual(breakLines(text, 10, measure), ['一二三四五六七八九', '十，十一']);
  assert.deepEqual(breakLines(text, 10, measure, { squeeze: 1 }), ['一二三四五六七八九十，', '十一']);
  assert.deepEqual(breakLines('一二三四五六七八九《十》', 10, measure), ['一二三四五六七八九', '《十》']);
  // The first-line indent counts against the first line only.
  assert.deepEqual(breakLines('一二三四五六七八九十', 5, measure, { firstLineIndent: 2 }), [
    '一二三',
    '四五六七八',
    '九十',
  ]);
});

test('numbers, codes, …… and —— are never split; Latin runs longer than a line are', () => {
  assert.deepEqual(segment('罚款人民币50,000.00元……见9134。'), [
    '罚',
    '款',
    '人',
    '民',
    '币',
    '50,000.00',
    '元',
    '……',
    '见',
    '9134',
    '。',
  ]);
  const lines = breakLines('违法所得人民币3,560.00元', 8, measure);
  assert.ok(
    lines.some((l) => l.includes('3,560.00')),
    JSON.stringify(lines),
  );
  const long = 'https://zf.example.gov.cn/verify/9f3a6c1e2b7d4e58a1b2c3d4e5f60718';
  const parts = breakLines(long, 10, measure);
  assert.equal(parts.join(''), long);
  assert.ok(parts.every((l) => measure(l) <= 10));
  assert.deepEqual(breakLines('', 10, measure), ['']);
});
