// The visible e-seal: a red circle with the agency's name along the upper arc, a five-pointed star and
// 行政执法专用章 below it, after the usual form of 行政机关印章 (GB/T 9704: red, centred over the agency
// name and date). Purely visual: authenticity comes from the SM2 signature over the content hash.
// The characters are drawn as glyph outlines (vector paths), not text, so that the seal does not mix
// its characters into the selectable text of the page.

/** The part of a fontkit font used here (pdfkit loads fonts with fontkit). */
export interface GlyphFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number; path: { toSVG(): string } };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** The fontkit font behind pdfkit's current font (pdfkit keeps it as `_font.font`). */
export function currentGlyphFont(doc: PDFKit.PDFDocument): GlyphFont {
  const font = (doc as unknown as { _font?: { font?: GlyphFont } })._font?.font;
  if (!font || typeof font.glyphForCodePoint !== 'function')
    throw new Error('pdfkit font has no fontkit font');
  return font;
}

export const SEAL_RED = '#d9000f';

export interface SealOptions {
  cx: number;
  cy: number;
  /** Outer radius in points (a 42 mm seal: 59.5 pt). */
  radius: number;
  agencyName: string;
  bottomText?: string;
  /** Font for the characters (a bold CJK font). */
  font: GlyphFont;
}

/** Draws one glyph with its em box centred on the local origin, `size` tall and `size * hScale` wide. */
function glyphAt(doc: PDFKit.PDFDocument, font: GlyphFont, ch: string, size: number, hScale: number): void {
  const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
  const k = size / font.unitsPerEm;
  // CJK em box: 0.88 em above the baseline, 0.12 em below, so its centre is 0.38 em above it.
  doc.save();
  doc.translate((-glyph.advanceWidth * k * hScale) / 2, 0.38 * size);
  doc.transform(k * hScale, 0, 0, -k, 0, 0);
  doc.path(glyph.path.toSVG()).fill(SEAL_RED);
  doc.restore();
}

function star(doc: PDFKit.PDFDocument, cx: number, cy: number, r: number): void {
  const points: number[][] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.382;
    points.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  doc.polygon(...points).fill(SEAL_RED);
}

/** Multiply blending, as ink over toner: black text under the seal stays black. */
function multiply(doc: PDFKit.PDFDocument): void {
  const gs = doc.ref({ Type: 'ExtGState', BM: 'Multiply', ca: 0.92, CA: 0.92 });
  gs.end(undefined); // no stream data: a plain dictionary
  doc.page.ext_gstates.GsSeal = gs;
  doc.addContent('/GsSeal gs');
}

export function drawSeal(doc: PDFKit.PDFDocument, o: SealOptions): void {
  const { cx, cy, radius: R, font } = o;
  doc.save();
  multiply(doc);
  const ring = R * 0.06;
  doc
    .lineWidth(ring)
    .circle(cx, cy, R - ring / 2)
    .stroke(SEAL_RED);

  const name = Array.from(o.agencyName).filter((c) => font.hasGlyphForCodePoint(c.codePointAt(0)!));
  const n = name.length;
  if (n > 0) {
    // Longer names spread over a wider arc with narrower characters, as seals are cut.
    const sweep = Math.min(240, 70 + n * 16);
    const size = R * (n > 14 ? 0.26 : 0.3);
    const hScale = n > 8 ? 0.72 : 0.85;
    const rText = R - ring * 1.6 - size * 0.5;
    const step = n > 1 ? sweep / (n - 1) : 0;
    name.forEach((ch, i) => {
      doc.save();
      doc.translate(cx, cy).rotate(n > 1 ? -sweep / 2 + i * step : 0);
      doc.translate(0, -rText);
      glyphAt(doc, font, ch, size, hScale);
      doc.restore();
    });
  }
  star(doc, cx, cy, R * 0.3);
  const bottom = Array.from(o.bottomText ?? '行政执法专用章');
  if (bottom.length > 0) {
    const size = Math.min(R * 0.2, (R * 1.2) / bottom.length / 0.85);
    const y = cy + R * 0.56;
    bottom.forEach((ch, i) => {
      doc.save();
      doc.translate(cx + (i - (bottom.length - 1) / 2) * size * 0.85, y);
      glyphAt(doc, font, ch, size, 0.82);
      doc.restore();
    });
  }
  doc.restore();
}
