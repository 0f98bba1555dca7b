// The verification QR code, drawn as vector rectangles (one per horizontal run of dark modules), so it
// stays sharp at any zoom and costs a few kilobytes.
import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side (without the quiet zone). */
  size: number;
  /** Row-major, 1 = dark. */
  data: Uint8Array;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The module matrix of `text` (error correction level M: survives some wear of a printed page). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, data: Uint8Array.from(modules.data) };
}

/** Dark modules merged into horizontal runs, in module units (x = column, y = row). */
export function qrModuleRects(m: QrMatrix): Rect[] {
  const rects: Rect[] = [];
  for (let row = 0; row < m.size; row++) {
    let col = 0;
    while (col < m.size) {
      if (!m.data[row * m.size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.size && m.data[row * m.size + col]) col++;
      rects.push({ x: start, y: row, w: col - start, h: 1 });
    }
  }
  return rects;
}

/** The minimum quiet zone around a QR code, in modules (ISO/IEC 18004). */
export const QR_QUIET_ZONE = 4;

/** What drawQr needs of a pdfkit document. */
export interface RectPainter {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color?: string): unknown;
}

/**
 * Draws the code for `text` with its top-left dark-module corner at (x, y), `side` points wide
 * (the caller leaves the quiet zone free). Returns the matrix drawn.
 */
export function drawQr(doc: RectPainter, text: string, x: number, y: number, side: number): QrMatrix {
  const m = qrMatrix(text);
  const unit = side / m.size;
  for (const r of qrModuleRects(m)) doc.rect(x + r.x * unit, y + r.y * unit, r.w * unit, r.h * unit);
  doc.fill('#000000');
  return m;
}

/** Test aid: the rectangles painted into an RGBA bitmap (`scale` px per module, quiet zone included). */
export function rasterizeQr(
  m: QrMatrix,
  scale: number,
): { width: number; height: number; rgba: Uint8ClampedArray } {
  const side = (m.size + 2 * QR_QUIET_ZONE) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const r of qrModuleRects(m)) {
    for (let py = (r.y + QR_QUIET_ZONE) * scale; py < (r.y + r.h + QR_QUIET_ZONE) * scale; py++) {
      for (let px = (r.x + QR_QUIET_ZONE) * scale; px < (r.x + r.w + QR_QUIET_ZONE) * scale; px++) {
        const i = (py * side + px) * 4;
        rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      }
    }
  }
  return { width: side, height: side, rgba };
}
