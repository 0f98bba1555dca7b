// Which CJK font the PDFs use. Preferred: Noto Serif CJK SC from Debian's fonts-noto-cjk (a serif, like
// the 宋体/仿宋 of printed 文书, with full coverage). Otherwise Noto Sans Hans shipped inside the npm
// package @embedpdf/fonts-sc (OFL), so that `npm ci` alone is enough. Nothing is downloaded at run time.
// pdfkit embeds only the glyphs used (subset), so a page costs tens of kilobytes, not megabytes.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFace {
  /** Path of a .ttf/.otf, or of a .ttc together with `postscriptName`. */
  path: string;
  postscriptName?: string;
}

export interface DocumentFonts {
  /** Which set was found: 'noto-serif-cjk' (Debian) or 'noto-sans-hans' (npm). */
  source: 'noto-serif-cjk' | 'noto-sans-hans';
  regular: FontFace;
  bold: FontFace;
}

const DEBIAN_DIR = '/usr/share/fonts/opentype/noto';

function npmFontDir(): string {
  // The package's entry point is dist/index.cjs; the fonts are in fonts/ beside dist/.
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  return join(dirname(entry), '..', 'fonts');
}

let cached: DocumentFonts | undefined;

/**
 * The fonts to use. `MINGJING_DOCUMENT_FONT=npm` forces the npm font (to test what a machine
 * without fonts-noto-cjk produces).
 */
export function resolveDocumentFonts(): DocumentFonts {
  if (cached) return cached;
  const serif = join(DEBIAN_DIR, 'NotoSerifCJK-Regular.ttc');
  const serifBold = join(DEBIAN_DIR, 'NotoSerifCJK-Bold.ttc');
  if (process.env.MINGJING_DOCUMENT_FONT !== 'npm' && existsSync(serif)) {
    cached = {
      source: 'noto-serif-cjk',
      regular: { path: serif, postscriptName: 'NotoSerifCJKsc-Regular' },
      bold: existsSync(serifBold)
        ? { path: serifBold, postscriptName: 'NotoSerifCJKsc-Bold' }
        : { path: serif, postscriptName: 'NotoSerifCJKsc-Regular' },
    };
  } else {
    const dir = npmFontDir();
    cached = {
      source: 'noto-sans-hans',
      regular: { path: join(dir, 'NotoSansHans-Regular.otf') },
      bold: { path: join(dir, 'NotoSansHans-Bold.otf') },
    };
  }
  return cached;
}

/** For tests: forget the cached choice (after changing MINGJING_DOCUMENT_FONT). */
export function resetDocumentFontsCache(): void {
  cached = undefined;
}
