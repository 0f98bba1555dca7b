// A per-character line breaker for Chinese with kinsoku (禁则) rules, because pdfkit's own breaking
// treats a run of CJK text as one word (ragged lines, lost first-line indent) and zero-width spaces,
// the usual workaround, render as boxes.
//
// Rules (cf. W3C "Requirements for Chinese Text Layout" §3.1.7):
// - no line starts with closing punctuation, pause or stop marks: ，。、；：！？）」》… (LINE_START_PROHIBITED);
// - no line ends with opening punctuation: （「《“ … (LINE_END_PROHIBITED);
// - …… and —— are not split; runs of Latin letters and digits (numbers such as 50,000.00, codes,
//   URLs) are not split unless longer than a line.
// When the unit that does not fit is a closing mark, it is squeezed into the line if that overflows
// by at most `squeeze` (the line is then justified with negative letter spacing, 挤进); otherwise
// characters are pushed to the next line (推出) until the break is allowed.

export const LINE_START_PROHIBITED = new Set([
  ...'，。、；：！？）］｝〕〗〙〛」』》〉】’”％‰…—～·・々',
  ...',.;:!?)]}%',
]);
export const LINE_END_PROHIBITED = new Set([...'（［｛〔〖〘〚「『《〈【‘“', ...'([{']);

const LATIN = /[A-Za-z0-9]/;
const LATIN_CONT = /[A-Za-z0-9.,:%/\-_+@#&=?~]/;

/** Splits text into unbreakable units: one character, a ……/—— pair, or a Latin/digit run. */
export function segment(text: string): string[] {
  const chars = Array.from(text);
  const units: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const c = chars[i]!;
    if ((c === '…' || c === '—') && chars[i + 1] === c) {
      units.push(c + c);
      i += 2;
    } else if (LATIN.test(c)) {
      let j = i + 1;
      while (j < chars.length && LATIN_CONT.test(chars[j]!)) j++;
      // Trailing ASCII punctuation (a full stop after a code) belongs to the text, not the run.
      while (j > i + 1 && !LATIN.test(chars[j - 1]!) && chars[j - 1] !== '%') j--;
      units.push(chars.slice(i, j).join(''));
      i = j;
    } else {
      units.push(c);
      i++;
    }
  }
  return units;
}

function startProhibited(unit: string): boolean {
  return LINE_START_PROHIBITED.has(Array.from(unit)[0]!);
}
function endProhibited(unit: string): boolean {
  const chars = Array.from(unit);
  return LINE_END_PROHIBITED.has(chars[chars.length - 1]!);
}

export interface BreakOptions {
  /** Width of the first line's indent (two characters for a paragraph). */
  firstLineIndent?: number;
  /** How far a closing mark may overflow the line before being pushed down instead (default 0). */
  squeeze?: number;
}

/**
 * Breaks `text` into lines no wider than `width` (plus `squeeze` for a squeezed closing mark),
 * measuring units with `measure`. Joining the lines gives `text` back. Empty text gives [''].
 */
export function breakLines(
  text: string,
  width: number,
  measure: (unit: string) => number,
  options: BreakOptions = {},
): string[] {
  const squeeze = options.squeeze ?? 0;
  const units: string[] = [];
  for (const u of segment(text)) {
    // A Latin run longer than a line is broken between characters.
    if (u.length > 1 && measure(u) > width * 0.6) units.push(...Array.from(u));
    else units.push(u);
  }
  if (units.length === 0) return [''];
  const widths = units.map((u) => measure(u));
  const lines: string[] = [];
  let start = 0;
  let used = options.firstLineIndent ?? 0;
  let i = 0;
  while (i < units.length) {
    if (i === start || used + widths[i]! <= width + 1e-6) {
      used += widths[i]!;
      i++;
      continue;
    }
    let breakAt = i;
    const squeezable =
      startProhibited(units[i]!) &&
      used + widths[i]! <= width + squeeze + 1e-6 &&
      !(i + 1 < units.length && startProhibited(units[i + 1]!));
    if (squeezable) {
      breakAt = i + 1;
    } else {
      while (
        breakAt > start + 1 &&
        (startProhibited(units[breakAt]!) || endProhibited(units[breakAt - 1]!))
      ) {
        breakAt--;
      }
      // No allowed break in the whole line (a pathological run of marks): break where it overflows.
      if (startProhibited(units[breakAt]!) || endProhibited(units[breakAt - 1]!)) breakAt = i;
    }
    lines.push(units.slice(start, breakAt).join(''));
    start = breakAt;
    i = breakAt;
    used = 0;
  }
  if (start < units.length) lines.push(units.slice(start).join(''));
  return lines;
}
