// Page geometry, measured text lines and pagination. Geometry after GB/T 9704-2012 (党政机关公文格式):
// A4, 版心 156 mm wide, left margin 28 mm, body text 3号 (16 pt, here 15.75 pt so that exactly 28
// characters fill a line), ~22 lines a page, title 2号 bold.
import { breakLines } from './linebreak.ts';

export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const MARGIN = { top: 100, bottom: 100, left: 79.4, right: 73.7 } as const;
export const CONTENT_W = PAGE_W - MARGIN.left - MARGIN.right; // 442.2 pt = 156 mm

export interface TextStyle {
  font: 'body' | 'bold';
  size: number;
  /** Distance between the tops of two lines. */
  pitch: number;
}

export const BODY: TextStyle = { font: 'body', size: 15.75, pitch: 28.5 };
export const TITLE: TextStyle = { font: 'bold', size: 22, pitch: 34 };
export const CELL: TextStyle = { font: 'body', size: 12.5, pitch: 19.5 };
export const SMALL: TextStyle = { font: 'body', size: 7.5, pitch: 10.5 };

export interface LineOptions {
  /** Box to align or justify in (default: the text's own width). */
  width?: number;
  align?: 'left' | 'right' | 'center';
  /** Spread the characters to fill `width` exactly (all lines of a paragraph but its last). */
  justify?: boolean;
  color?: string;
}

/** Measures and draws single lines in a pdfkit document with fonts registered as 'body' and 'bold'. */
export class Typesetter {
  private readonly widths = new Map<string, number>();
  constructor(readonly doc: PDFKit.PDFDocument) {}

  use(style: TextStyle): void {
    this.doc.font(style.font).fontSize(style.size);
  }

  measure(style: TextStyle, text: string): number {
    const key = `${style.font}|${style.size}|${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.use(style);
      w = this.doc.widthOfString(text);
      this.widths.set(key, w);
    }
    return w;
  }

  /** Lines of `text` for a box `width` wide; the first line is indented by `indent` points. */
  lines(style: TextStyle, text: string, width: number, indent = 0): string[] {
    return breakLines(text, width, (u) => this.measure(style, u), {
      firstLineIndent: indent,
      squeeze: style.size * 1.01,
    });
  }

  /** Draws one line in the slot whose top is `top` (glyphs centred vertically in the pitch). */
  draw(style: TextStyle, text: string, x: number, top: number, o: LineOptions = {}): void {
    if (text === '') return;
    const natural = this.measure(style, text);
    const width = o.width ?? natural;
    let left = x;
    let spacing = 0;
    const n = Array.from(text).length;
    if (o.justify && n > 1) {
      spacing = (width - natural) / (n - 1);
      // A line ending early (a long number pushed down) is not stretched beyond a third of a character.
      if (spacing > style.size / 3) spacing = 0;
    } else if (o.align === 'right') left = x + width - natural;
    else if (o.align === 'center') left = x + (width - natural) / 2;
    this.use(style);
    // The CJK em box spans 0.88 em above the baseline to 0.12 em below: centre it in the slot.
    const baseline = top + style.pitch / 2 + 0.38 * style.size;
    this.doc.fillColor(o.color ?? '#000000');
    this.doc.text(text, left, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      characterSpacing: spacing,
    });
  }
}

/** A unit of vertical flow: one text line, one table row, the signoff… */
export interface FlowItem {
  height: number;
  /** This item must share its page with the `keepWithPrevious` items before it (signoff with text). */
  keepWithPrevious?: number;
  /** Starts a new page unless already at the top of one. */
  pageBreakBefore?: boolean;
  draw(top: number): void;
}

export interface Placement {
  page: number;
  top: number;
}

/** Assigns pages and positions; `firstTop` is where the flow starts on the first page. */
export function paginate(items: readonly FlowItem[], firstTop: number): Placement[] {
  const bottom = PAGE_H - MARGIN.bottom;
  const out: Placement[] = [];
  let page = 0;
  let y = firstTop;
  let pageStart = 0; // index of the first item on the current page
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const atTop = i === pageStart;
    if ((item.pageBreakBefore && !atTop) || (y + item.height > bottom + 0.01 && !atTop)) {
      // Bring along the items that must stay with this one, if they are not the whole page.
      const keep = Math.min(item.keepWithPrevious ?? 0, i - pageStart - 1);
      const from = Math.max(pageStart + 1, i - Math.max(0, keep));
      page++;
      y = MARGIN.top;
      pageStart = keep > 0 ? from : i;
      for (let j = pageStart; j < i; j++) {
        out[j] = { page, top: y };
        y += items[j]!.height;
      }
    }
    out[i] = { page, top: y };
    y += item.height;
  }
  return out;
}
