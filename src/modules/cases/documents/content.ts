// Template + data → the structured content of a document: plain text blocks, independent of layout.
// This is what is hashed (SM3 over RFC 8785 canonical JSON) and signed, and what a verification page
// can show again without the PDF.
import { canonicalJsonBytes, hashHex } from '../../../platform/crypto/index.ts';
import { formatDate, formatValue, isFilled } from './format.ts';
import type {
  DocumentContent,
  DocumentData,
  DocumentTemplate,
  FieldDef,
  FieldValue,
  GridRow,
  ResolvedBlock,
  ResolvedParagraph,
  TemplateContext,
  TextSource,
} from './types.ts';

/** The data with empty values removed and field defaults applied (what is checked, printed and hashed). */
export function withDefaults(template: DocumentTemplate, data: DocumentData): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(data)) {
    if (isFilled(value)) out[key] = value as FieldValue;
  }
  for (const f of template.fields) {
    if (!(f.key in out) && f.default !== undefined && isFilled(f.default)) out[f.key] = f.default;
  }
  return out;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|\s*(\w+)\s*)?\}\}/g;

export function templateContext(
  template: DocumentTemplate,
  data: DocumentData,
  agencyName: string,
): TemplateContext {
  const fields = new Map<string, FieldDef>(template.fields.map((f) => [f.key, f]));
  const fmt = (path: string, format?: string): string => {
    if (path === 'agencyName') return agencyName;
    const [key, ...rest] = path.split('.');
    const value = data[key!];
    if (rest.length === 0) return formatValue(fields.get(key!), value, format);
    let v: unknown = value;
    for (const k of rest)
      v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  };
  return { data, agencyName, fmt, has: (key) => isFilled(data[key]) };
}

export function interpolate(source: TextSource, ctx: TemplateContext): string {
  if (typeof source === 'function') return source(ctx);
  return source.replace(PLACEHOLDER, (_, path: string, format?: string) => ctx.fmt(path, format));
}

/** Text with '\n' becomes several paragraphs; blank ones are dropped. */
function paragraphsOf(text: string, p: Omit<ResolvedParagraph, 'text'>): ResolvedBlock[] {
  return text
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => ({ type: 'paragraph', text: t, indent: p.indent ?? true, align: p.align ?? 'left' }));
}

export interface ContentMeta {
  agencyName: string;
  documentNumber?: string | null;
  /** YYYY-MM-DD (Asia/Shanghai): the date printed at the bottom of the document. */
  issuedOn: string;
}

/** Resolves every block of the template against the data. Does not check the data (see check.ts). */
export function buildDocumentContent(
  template: DocumentTemplate,
  rawData: DocumentData,
  meta: ContentMeta,
): DocumentContent {
  const data = withDefaults(template, rawData);
  const ctx = templateContext(template, data, meta.agencyName);
  const blocks: ResolvedBlock[] = [];
  for (const b of template.blocks) {
    switch (b.type) {
      case 'paragraph': {
        if (b.when !== undefined && !(typeof b.when === 'function' ? b.when(ctx) : ctx.has(b.when))) break;
        blocks.push(
          ...paragraphsOf(interpolate(b.text, ctx), { indent: b.indent ?? true, align: b.align ?? 'left' }),
        );
        break;
      }
      case 'paragraphs':
        for (const p of b.render(ctx)) blocks.push(...paragraphsOf(p.text, p));
        break;
      case 'form':
        blocks.push({
          type: 'form',
          rows: b.rows.map((r) => ({
            minLines: r.minLines ?? 1,
            cells: r.cells.map((c) => {
              const cell = { label: c.label, value: interpolate(c.value, ctx) };
              return c.sign === undefined ? cell : { ...cell, sign: interpolate(c.sign, ctx) };
            }),
          })),
        });
        break;
      case 'grid': {
        const field = template.fields.find((f) => f.key === b.field);
        const columns = field?.columns ?? [];
        const rows = (data[b.field] as readonly GridRow[] | undefined) ?? [];
        blocks.push({
          type: 'grid',
          caption: b.caption === undefined ? '' : interpolate(b.caption, ctx),
          columns: [{ label: '序号', width: 1 }, ...columns.map((c) => ({ label: c.label, width: c.width }))],
          rows: rows.map((r, i) => [String(i + 1), ...columns.map((c) => r[c.key] ?? '')]),
        });
        break;
      }
      case 'signatures':
        blocks.push({
          type: 'signatures',
          lines: b.lines
            .filter((l) => l.when === undefined || ctx.has(l.when))
            .map((l) => ({ label: interpolate(l.label, ctx), date: l.date ?? true })),
        });
        break;
      case 'signoff':
        blocks.push({ type: 'signoff', agencyName: meta.agencyName, date: formatDate(meta.issuedOn) });
        break;
    }
  }
  return {
    schema: 'mingjing.document/1',
    kind: template.kind,
    title: template.titleFor?.(data) ?? template.title,
    agencyName: meta.agencyName,
    documentNumber: meta.documentNumber ?? null,
    issuedOn: meta.issuedOn,
    data,
    blocks,
  };
}

/** SM3 of the RFC 8785 canonical JSON of the content, 64 lower-case hex characters. */
export function documentContentHash(content: DocumentContent): string {
  return hashHex('sm3', canonicalJsonBytes(content));
}
