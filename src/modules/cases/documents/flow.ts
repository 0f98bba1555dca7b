// Resolved content blocks → flow items (lines, table rows, signoff) for pagination and drawing.
import {
  BODY,
  CELL,
  CONTENT_W,
  type FlowItem,
  MARGIN,
  type TextStyle,
  TITLE,
  type Typesetter,
} from './layout.ts';
import type { ResolvedBlock, ResolvedCell } from './types.ts';

const X = MARGIN.left;
const PAD = 5;
const LABEL_W = CELL.size * 5 + 2 * PAD;
const SIGN_DATE = '年　　月　　日';

/** Where the signoff was drawn, for the seal. */
export interface SignoffBox {
  /** Centre of the date line and of the agency name above it. */
  cx: number;
  nameTop: number;
}

export interface FlowContext {
  ts: Typesetter;
  /** Called when the signoff is drawn (the seal is drawn over it). */
  onSignoff?: (box: SignoffBox) => void;
}

function paragraphItems(ts: Typesetter, text: string, indent: boolean, align: 'left' | 'right'): FlowItem[] {
  const indentW = indent ? BODY.size * 2 : 0;
  const lines = ts.lines(BODY, text, CONTENT_W, indentW);
  return lines.map((line, i) => {
    const dx = i === 0 ? indentW : 0;
    const last = i === lines.length - 1;
    return {
      height: BODY.pitch,
      draw: (top) =>
        ts.draw(BODY, line, X + dx, top, {
          width: CONTENT_W - dx,
          justify: !last && align === 'left',
          align,
        }),
    };
  });
}

/** Lines of a cell's value: paragraphs split at '\n', each broken to the width. */
function cellLines(ts: Typesetter, text: string, width: number, style: TextStyle = CELL): string[] {
  return text.split('\n').flatMap((p) => (p.trim() === '' ? [] : ts.lines(style, p.trim(), width)));
}

function strokeRect(ts: Typesetter, x: number, y: number, w: number, h: number): void {
  ts.doc.lineWidth(0.75).rect(x, y, w, h).stroke('#000000');
}

function formRowItem(ts: Typesetter, cells: ResolvedCell[], minLines: number): FlowItem {
  const valueW = (CONTENT_W - LABEL_W * cells.length) / cells.length;
  const laid = cells.map((c) => ({
    label: cellLines(ts, c.label, LABEL_W - 2 * PAD),
    value: cellLines(ts, c.value, valueW - 2 * PAD),
    sign: c.sign,
  }));
  const lines = Math.max(
    minLines,
    ...laid.map((c) => Math.max(c.label.length, c.value.length + (c.sign ? 1 : 0))),
  );
  const height = lines * CELL.pitch + 2 * PAD;
  return {
    height,
    draw: (top) => {
      laid.forEach((c, i) => {
        const lx = X + i * (LABEL_W + valueW);
        const vx = lx + LABEL_W;
        strokeRect(ts, lx, top, LABEL_W, height);
        strokeRect(ts, vx, top, valueW, height);
        const labelTop = top + (height - c.label.length * CELL.pitch) / 2;
        c.label.forEach((l, k) => {
          ts.draw(CELL, l, lx + PAD, labelTop + k * CELL.pitch, {
            width: LABEL_W - 2 * PAD,
            align: 'center',
          });
        });
        c.value.forEach((l, k) => {
          ts.draw(CELL, l, vx + PAD, top + PAD + k * CELL.pitch, { width: valueW - 2 * PAD });
        });
        if (c.sign) {
          ts.draw(CELL, c.sign, vx + PAD, top + height - PAD - CELL.pitch, {
            width: valueW - 3 * PAD,
            align: 'right',
          });
        }
      });
    },
  };
}

function gridItems(ts: Typesetter, block: Extract<ResolvedBlock, { type: 'grid' }>): FlowItem[] {
  const total = block.columns.reduce((s, c) => s + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * CONTENT_W);
  const row = (cells: string[], style: TextStyle): FlowItem => {
    const laid = cells.map((t, i) => cellLines(ts, t, widths[i]! - 2 * PAD, style));
    const height = Math.max(1, ...laid.map((l) => l.length)) * CELL.pitch + 2 * PAD;
    return {
      height,
      draw: (top) => {
        let x = X;
        laid.forEach((lines, i) => {
          const w = widths[i]!;
          strokeRect(ts, x, top, w, height);
          const t0 = top + (height - lines.length * CELL.pitch) / 2;
          lines.forEach((l, k) => {
            ts.draw(style, l, x + PAD, t0 + k * CELL.pitch, { width: w - 2 * PAD, align: 'center' });
          });
          x += w;
        });
      },
    };
  };
  const items: FlowItem[] = [];
  if (block.caption) items.push(...paragraphItems(ts, block.caption, false, 'left'));
  items.push({
    ...row(
      block.columns.map((c) => c.label),
      { ...CELL, font: 'bold' },
    ),
    keepWithPrevious: 1,
  });
  for (const r of block.rows) items.push(row(r, CELL));
  return items;
}

function signoffItem(ts: Typesetter, agencyName: string, date: string, ctx: FlowContext): FlowItem {
  // GB/T 9704 §7.3.5.1: date 右空四字; the agency name centred over the date; two blank lines above
  // leave room for the upper half of the seal.
  const dateW = ts.measure(BODY, date);
  const dateRight = X + CONTENT_W - BODY.size * 4;
  const cx = dateRight - dateW / 2;
  const nameW = ts.measure(BODY, agencyName);
  const nameX = Math.min(cx - nameW / 2, X + CONTENT_W - nameW);
  return {
    height: BODY.pitch * 4,
    keepWithPrevious: 2,
    draw: (top) => {
      const nameTop = top + BODY.pitch * 2;
      ts.draw(BODY, agencyName, nameX, nameTop);
      ts.draw(BODY, date, dateRight - dateW, nameTop + BODY.pitch);
      ctx.onSignoff?.({ cx, nameTop });
    },
  };
}

export function flowItems(blocks: readonly ResolvedBlock[], ctx: FlowContext): FlowItem[] {
  const { ts } = ctx;
  const items: FlowItem[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
        items.push(...paragraphItems(ts, b.text, b.indent, b.align));
        break;
      case 'form':
        for (const r of b.rows) items.push(formRowItem(ts, r.cells, r.minLines));
        break;
      case 'grid':
        items.push({ height: BODY.pitch, draw: () => {} }, ...gridItems(ts, b));
        break;
      case 'signatures':
        items.push({ height: BODY.pitch * 0.5, draw: () => {} });
        for (const l of b.lines) {
          items.push({
            height: BODY.pitch * 1.4,
            draw: (top) => {
              ts.draw(BODY, l.label, X, top + BODY.pitch * 0.4);
              if (l.date) {
                ts.draw(BODY, SIGN_DATE, X, top + BODY.pitch * 0.4, {
                  width: CONTENT_W - BODY.size,
                  align: 'right',
                });
              }
            },
          });
        }
        break;
      case 'signoff':
        items.push(signoffItem(ts, b.agencyName, b.date, ctx));
        break;
    }
  }
  return items;
}

/** The heading of the first page: agency name, title, 文号. Returns the items. */
export function headerItems(
  ts: Typesetter,
  agencyName: string,
  title: string,
  documentNumber: string | null,
): FlowItem[] {
  const centred = (text: string): FlowItem[] =>
    ts.lines(TITLE, text, CONTENT_W).map((l) => ({
      height: TITLE.pitch,
      draw: (top: number) => ts.draw(TITLE, l, X, top, { width: CONTENT_W, align: 'center' }),
    }));
  const items = [...centred(agencyName), ...centred(title)];
  items.push({ height: BODY.pitch * 0.3, draw: () => {} });
  if (documentNumber) {
    items.push({
      height: BODY.pitch,
      draw: (top) => ts.draw(BODY, documentNumber, X, top, { width: CONTENT_W, align: 'right' }),
    });
  }
  items.push({ height: BODY.pitch * 0.3, draw: () => {} });
  return items;
}
