// Test support: extracts the text of the PDFs this module writes, the way a viewer's copy or a
// search does — through each font's ToUnicode CMap. (pdftotext is not installed on the project's
// machines; this reads only what pdfkit writes: Type0 fonts with Identity-H and FlateDecode streams.)
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const body = m[2]!;
    const at = body.indexOf('stream');
    if (at < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const start = m.index + m[0].indexOf(body) + at + 'stream'.length + 1; // after "stream\n"
    const end = s.indexOf('\nendstream', start);
    let data = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(body.slice(0, at))) data = inflateSync(data);
    out.set(Number(m[1]), { dict: body.slice(0, at), stream: data });
  }
  return out;
}

const hexToString = (hex: string): string => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(Number.parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

/** CID → text, from a ToUnicode CMap as pdfkit writes it (bfrange with arrays, bfchar). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
    const start = Number.parseInt(m[1]!, 16);
    const dsts = [...m[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((d) => hexToString(d[1]!.replace(/\s/g, '')));
    for (const [i, d] of dsts.entries()) map.set(start + i, d);
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(Number.parseInt(m[1]!, 16), hexToString(m[2]!.replace(/\s/g, '')));
    }
  }
  return map;
}

/** The text of each page, one line per BT…ET run, in drawing order. */
export function extractPdfText(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const ref = (dict: string, key: string): number | undefined => {
    const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return m ? Number(m[1]) : undefined;
  };
  const pages: string[] = [];
  const pageObjs = [...objs.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  for (const page of pageObjs) {
    const resources = objs.get(ref(page.dict, 'Resources') ?? -1)?.dict ?? '';
    const fonts = new Map<string, Map<number, string>>();
    for (const m of resources.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(m[2]));
      const cmap = objs.get(ref(font?.dict ?? '', 'ToUnicode') ?? -1)?.stream;
      fonts.set(m[1]!, cmap ? parseToUnicode(cmap.toString('latin1')) : new Map());
    }
    const content = objs.get(ref(page.dict, 'Contents') ?? -1)?.stream?.toString('latin1') ?? '';
    const lines: string[] = [];
    for (const bt of content.matchAll(/BT([\s\S]*?)ET/g)) {
      let cmap = new Map<number, string>();
      let line = '';
      for (const op of bt[1]!.matchAll(/\/(F\d+)\s+[\d.]+\s+Tf|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (op[1]) cmap = fonts.get(op[1]) ?? new Map();
        const hexes =
          op[2] !== undefined
            ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]!)
            : op[3]
              ? [op[3]]
              : [];
        for (const h of hexes) {
          for (let i = 0; i + 4 <= h.length; i += 4)
            line += cmap.get(Number.parseInt(h.slice(i, i + 4), 16)) ?? '\uFFFD';
        }
      }
      lines.push(line);
    }
    pages.push(lines.join('\n'));
  }
  return pages;
}
