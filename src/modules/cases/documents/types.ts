import type { RuleViolation } from '../../../platform/identifiers/violation.ts';

// Documents (文书) are structured data first: a template describes the fields a kind of document
// needs and how its body is laid out; the data fills the fields; check.ts checks them; content.ts
// resolves template + data into plain text blocks (what is hashed and signed); render-pdf.ts draws them.

/**
 * The kinds of 文书 the platform drafts and signs: the nine of issue 3, the summary procedure's decision, and
 * the 法制审核意见书 of a legal review round (行政处罚法 art. 58).
 */
export const DOCUMENT_KINDS = [
  'filing_approval', // 立案审批表
  'inspection_record', // 现场检查（勘验）笔录
  'inquiry_record', // 询问笔录
  'penalty_rights_notice', // 行政处罚事先告知书
  'hearing_notice', // 听证通知书
  'penalty_decision', // 行政处罚决定书
  'service_receipt', // 送达回证
  'coercive_measure_decision', // 查封（扣押）决定书
  'closing_approval', // 结案审批表
  'on_spot_penalty_decision', // 当场行政处罚决定书 (summary procedure)
  'legal_review_opinion', // 法制审核意见书 (legal review)
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 执法人员 as printed on a document: name and 执法证件编号. */
export interface OfficerRef {
  name: string;
  certificateNo: string;
}

/**
 * 当事人. `individual_business` (个体工商户) is legally a natural person but registered with a USCC and
 * named by its 字号; its 经营者 is identified by resident ID number.
 */
export type Party =
  | {
      kind: 'natural_person';
      name: string;
      residentIdNumber: string;
      sex?: '男' | '女';
      address?: string;
      phone?: string;
      workUnit?: string;
    }
  | {
      kind: 'legal_person' | 'other_organisation';
      name: string;
      uscc: string;
      /** 法定代表人 (legal person) or 负责人 (other organisation). */
      representative?: string;
      address?: string;
      phone?: string;
    }
  | {
      kind: 'individual_business';
      name: string;
      uscc: string;
      operatorName: string;
      operatorResidentIdNumber: string;
      address?: string;
      phone?: string;
    };
export type PartyKind = Party['kind'];

/** One question and its answer of an 询问笔录. */
export interface QaPair {
  q: string;
  a: string;
}

/** One row of a grid field (e.g. the 财物清单 of a 查封（扣押）决定书), keyed by column key. */
export type GridRow = Readonly<Record<string, string>>;

export type FieldValue =
  | string
  | number
  | Party
  | readonly OfficerRef[]
  | readonly string[]
  | readonly QaPair[]
  | readonly GridRow[];

/** The data of one document: field key → value. Absent, null, '' and [] all count as "not filled". */
export type DocumentData = Readonly<Record<string, FieldValue | null | undefined>>;

export type FieldType =
  | 'text' // one line
  | 'longtext' // paragraphs; '\n' separates paragraphs
  | 'date' // YYYY-MM-DD
  | 'datetime' // YYYY-MM-DDTHH:mm (Asia/Shanghai wall clock)
  | 'money_fen' // non-negative integer, in fen (分)
  | 'integer' // non-negative integer (days, counts)
  | 'party'
  | 'officers'
  | 'enum'
  | 'list' // string[]
  | 'qa' // QaPair[]
  | 'grid'; // GridRow[] with `columns`

export interface GridColumn {
  key: string;
  label: string;
  /** Relative width. */
  width: number;
  required?: boolean;
}

export interface FieldDef {
  key: string;
  /** 中文名称, used in forms and in check messages. */
  label: string;
  type: FieldType;
  required: boolean;
  help?: string;
  /** enum: the allowed values (Chinese, printed as is). */
  options?: readonly string[];
  /** grid: the columns. */
  columns?: readonly GridColumn[];
  /** officers: the minimum number (2 where officers sign: 行政处罚法 第四十二条). */
  minCount?: number;
  /** integer: bounds. */
  min?: number;
  max?: number;
  /** Used when the data leaves the field empty (agencies set e.g. their 复议机关 here). */
  default?: FieldValue;
}

/** What the functions of a template see. */
export interface TemplateContext {
  data: DocumentData;
  agencyName: string;
  /** Formats a field for print as `{{key}}` would, '' when empty. Dotted paths reach into a party. */
  fmt(path: string, format?: string): string;
  /** True when the field is filled. */
  has(key: string): boolean;
}

/** Text with `{{field}}`, `{{field|format}}` or `{{party.name}}` placeholders, or a function of the data. */
export type TextSource = string | ((ctx: TemplateContext) => string);

/** A layout block of a template. `id` lets an agency override the wording (see AgencyTemplateOverride). */
export type Block =
  /** A paragraph; `indent` false for lines such as 当事人：…; `when` omits it unless that field is filled. */
  | {
      type: 'paragraph';
      id: string;
      text: TextSource;
      indent?: boolean;
      align?: 'left' | 'right';
      when?: string | ((ctx: TemplateContext) => boolean);
    }
  /** Several paragraphs computed from the data (a numbered list of penalties, Q&A, party lines). */
  | { type: 'paragraphs'; id: string; render: (ctx: TemplateContext) => ResolvedParagraph[] }
  /** An approval form or receipt: rows of label/value cells with borders. */
  | { type: 'form'; id: string; rows: readonly FormRowDef[] }
  /** A table of a grid field with a header row. `caption` is printed above it. */
  | { type: 'grid'; id: string; field: string; caption?: TextSource }
  /** Lines left for hand signatures (笔录), each with a blank date at the right unless `date` is false. */
  | { type: 'signatures'; id: string; lines: readonly SignatureLineDef[] }
  /** Agency name and date at the bottom right, where the seal goes. */
  | { type: 'signoff'; id: string };

export interface SignatureLineDef {
  label: TextSource;
  /** Print 年　月　日 at the right (default true). */
  date?: boolean;
  /** Omit the line unless this field is filled. */
  when?: string;
}

export interface FormCellDef {
  label: string;
  value: TextSource;
  /** A signature line printed at the bottom right of the cell (e.g. 签名：张三　2026年3月2日). */
  sign?: TextSource;
}

export interface FormRowDef {
  cells: readonly FormCellDef[];
  /** Minimum height in text lines (room for hand-written opinions). */
  minLines?: number;
}

export interface DocumentTemplate {
  kind: DocumentKind;
  /** 文书名称, e.g. 行政处罚决定书. */
  title: string;
  /** Title computed from the data where the kind covers variants (查封决定书 / 扣押决定书). */
  titleFor?: (data: DocumentData) => string;
  /** Hint for numbering: 蚌市监 + prefix + 〔2026〕17号, e.g. 处罚. Null where the kind has no 文号. */
  numberPrefix: string | null;
  fields: readonly FieldDef[];
  blocks: readonly Block[];
  /** Cross-field rules, run after the field checks; `issuedOn` (YYYY-MM-DD) when the issue date is known. */
  checks?: (ctx: TemplateContext, issuedOn?: string) => RuleViolation[];
}

/**
 * An agency's own wording, merged onto the base template by `applyAgencyOverride`:
 * - `title`, `numberPrefix` replace the base values;
 * - `text[blockId]` replaces the text of a paragraph block (placeholders allowed);
 * - `fields[key]` changes a field's label, help, required flag, options or default (e.g. the
 *   agency's 复议机关 and 人民法院 as defaults of `reviewAuthority` and `court`);
 * - `omitBlocks` drops blocks by id.
 * Unknown block ids and field keys are errors, so that a typo does not pass silently.
 */
export interface AgencyTemplateOverride {
  title?: string;
  numberPrefix?: string | null;
  text?: Readonly<Record<string, string>>;
  fields?: Readonly<
    Record<string, Partial<Pick<FieldDef, 'label' | 'help' | 'required' | 'options' | 'default'>>>
  >;
  omitBlocks?: readonly string[];
}

// ── Resolved content: what is hashed, signed and drawn ────────────────────────────────────────────

export interface ResolvedParagraph {
  text: string;
  /** Two-character first-line indent (default true). */
  indent?: boolean;
  align?: 'left' | 'right';
}

export interface ResolvedCell {
  label: string;
  value: string;
  sign?: string;
}

export type ResolvedBlock =
  | { type: 'paragraph'; text: string; indent: boolean; align: 'left' | 'right' }
  | { type: 'form'; rows: { cells: ResolvedCell[]; minLines: number }[] }
  | { type: 'grid'; caption: string; columns: { label: string; width: number }[]; rows: string[][] }
  | { type: 'signatures'; lines: { label: string; date: boolean }[] }
  | { type: 'signoff'; agencyName: string; date: string };

/** The structured content of a rendered document; its canonical JSON is hashed with SM3. */
export interface DocumentContent {
  schema: 'mingjing.document/1';
  kind: DocumentKind;
  title: string;
  agencyName: string;
  documentNumber: string | null;
  /** YYYY-MM-DD in Asia/Shanghai, printed as the document date. */
  issuedOn: string;
  /** The data with field defaults applied. */
  data: DocumentData;
  blocks: ResolvedBlock[];
}
