import type { CellValue } from 'exceljs';
import type { RowError } from '../../platform/http/errors.ts';
import { normalizeCertificateNo } from '../../platform/identifiers/certificate-no.ts';
import { validateOfficerInput } from './rules/index.ts';
import type { CategoryRow } from './store.ts';

/** Columns of the officer import file, in template order: Chinese header → field. */
export const IMPORT_COLUMNS = [
  ['姓名', 'name'],
  ['是否执法辅助人员', 'isAuxiliary'],
  ['执法证件编号', 'certificateNo'],
  ['执法类别', 'categories'],
  ['执法区域代码', 'enforcementRegionCode'],
  ['发证日期', 'issueDate'],
  ['有效期截止日期', 'expiryDate'],
  ['是否法制审核人员', 'isLegalReviewer'],
  ['联系电话', 'phone'],
] as const;
type Field = (typeof IMPORT_COLUMNS)[number][1];

export const IMPORT_MAX_ROWS = 5000;

export function importTemplateCsv(): string {
  const header = IMPORT_COLUMNS.map(([h]) => h).join(',');
  const example = [
    '张三',
    '否',
    '皖A0001234',
    'MARKET',
    '340300',
    '2024-01-15',
    '2029-01-14',
    '否',
    '13905520000',
  ].join(',');
  // BOM so that Excel on Windows opens the UTF-8 file with Chinese intact.
  return `\uFEFF${header}\n${example}\n`;
}

export interface ParsedRow {
  row: number;
  values: Partial<Record<Field, string>>;
}

/** Reads CSV or XLSX into rows keyed by field; row numbers count the header as row 1, as a spreadsheet shows. */
export async function readImportFile(filename: string, data: Buffer): Promise<ParsedRow[] | RowError> {
  const lower = filename.toLowerCase();
  let table: string[][];
  if (lower.endsWith('.xlsx')) {
    // Loaded with the first import file, not at every server start: exceljs and its zip stack take
    // ~0.3 s to import.
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      return { row: 0, code: 'IMPORT_UNREADABLE', message: '无法读取 XLSX 文件，请确认文件未损坏' };
    }
    const ws = wb.worksheets[0];
    if (!ws) return { row: 0, code: 'IMPORT_EMPTY', message: '文件中没有工作表' };
    table = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= IMPORT_COLUMNS.length; c++) cells.push(cellText(r.getCell(c).value));
      table[n - 1] = cells;
    });
  } else if (lower.endsWith('.csv')) {
    const { parse } = await import('csv-parse/sync');
    try {
      table = parse(data, {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: true,
      }) as string[][];
    } catch (e) {
      return { row: 0, code: 'IMPORT_UNREADABLE', message: `CSV 文件格式错误：${(e as Error).message}` };
    }
  } else {
    return { row: 0, code: 'IMPORT_UNSUPPORTED_TYPE', message: '只支持 CSV 或 XLSX 文件' };
  }
  const header = (table[0] ?? []).map((h) => (h ?? '').trim());
  const index = new Map<Field, number>();
  for (const [label, field] of IMPORT_COLUMNS) {
    const i = header.indexOf(label);
    if (i < 0)
      return { row: 1, field, code: 'IMPORT_MISSING_COLUMN', message: `缺少列「${label}」，请使用导入模板` };
    index.set(field, i);
  }
  const rows: ParsedRow[] = [];
  for (let n = 1; n < table.length; n++) {
    const cells = table[n] ?? [];
    if (cells.every((c) => !c || !String(c).trim())) continue;
    const values: ParsedRow['values'] = {};
    for (const [field, i] of index) values[field] = String(cells[i] ?? '').trim();
    rows.push({ row: n + 1, values });
  }
  if (rows.length === 0) return { row: 0, code: 'IMPORT_EMPTY', message: '文件中没有数据行' };
  if (rows.length > IMPORT_MAX_ROWS)
    return { row: 0, code: 'IMPORT_TOO_MANY_ROWS', message: `一次最多导入 ${IMPORT_MAX_ROWS} 行` };
  return rows;
}

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  // Excel stores dates as day serials; exceljs hands them over as UTC midnight.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
}

const YES = new Set(['是', 'Y', 'y', 'yes', 'true', '1']);
const NO = new Set(['否', 'N', 'n', 'no', 'false', '0', '']);

export interface ImportCandidate {
  row: number;
  input: {
    name: string;
    isAuxiliary: boolean;
    certificateNo: string | null;
    categories: string[];
    enforcementRegionCode: string | null;
    issueDate: string | null;
    expiryDate: string | null;
    isLegalReviewer: boolean;
    phone: string | null;
  };
}

/** Pure per-row checks, and duplicates inside the file. Database checks come after, in the service. */
export function checkImportRows(
  rows: ParsedRow[],
  categories: CategoryRow[],
): { candidates: ImportCandidate[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const candidates: ImportCandidate[] = [];
  const byName = new Map(categories.map((c) => [c.name, c.code]));
  const codes = categories.map((c) => c.code);
  const seen = new Map<string, number>();
  for (const { row, values: v } of rows) {
    const bool = (field: Field, label: string): boolean | null => {
      const s = v[field] ?? '';
      if (YES.has(s)) return true;
      if (NO.has(s)) return false;
      errors.push({ row, field, code: 'INVALID_BOOLEAN', message: `第 ${row} 行「${label}」应填“是”或“否”` });
      return null;
    };
    const isAuxiliary = bool('isAuxiliary', '是否执法辅助人员');
    const isLegalReviewer = bool('isLegalReviewer', '是否法制审核人员');
    if (isAuxiliary === null || isLegalReviewer === null) continue;
    const categoriesIn = (v.categories ?? '')
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map((c) => byName.get(c) ?? c);
    const input = {
      name: v.name ?? '',
      isAuxiliary,
      certificateNo: v.certificateNo ? normalizeCertificateNo(v.certificateNo) : null,
      categories: categoriesIn,
      enforcementRegionCode: v.enforcementRegionCode || null,
      issueDate: v.issueDate || null,
      expiryDate: v.expiryDate || null,
      isLegalReviewer,
      phone: v.phone || null,
    };
    const problems = validateOfficerInput(input, codes);
    for (const p of problems)
      errors.push({ row, field: p.field, code: p.code, message: `第 ${row} 行：${p.message}` });
    if (input.certificateNo) {
      const first = seen.get(input.certificateNo);
      if (first !== undefined) {
        errors.push({
          row,
          field: 'certificateNo',
          code: 'DUPLICATE_CERTIFICATE_NO',
          message: `第 ${row} 行：执法证件编号「${input.certificateNo}」与第 ${first} 行重复`,
        });
      } else seen.set(input.certificateNo, row);
    }
    if (problems.length === 0) candidates.push({ row, input });
  }
  return { candidates, errors };
}
