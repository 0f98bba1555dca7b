import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Spin,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { ApiError, api, seg } from '../../api.ts';
import { fenToYuan, yuanToFen } from '../../caseFormat.ts';
import type { DocumentDraft, DocumentField, TeamMember } from '../../caseTypes.ts';
import { DocumentPreviewPane, type useDocumentPreview } from './DocumentPreview.tsx';

// A document (文书) as a form: the server says which fields a kind has (Chinese labels, types) and drafts
// their values from the case; the officer completes the rest. On the wire money is integer 分 and dates
// are strings; on screen money is 元 and dates are pickers — the two functions below convert, so that
// neither 分 nor a field key ever reaches the screen.

/** A document's data as the server takes it: field key → value. */
export type DocumentData = Record<string, unknown>;

/** One reason the server would refuse the document (`field`: `fineFen`, `party.uscc`, `qa[0].a` …). */
export interface DocumentProblem {
  code: string;
  message: string;
  field: string | null;
}

interface OfficerRef {
  name: string;
  certificateNo: string;
}

/** The form's name of the document: every field sits under ['document', key]. */
export const DOCUMENT = 'document';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const DATE = 'YYYY-MM-DD';
const DATETIME = 'YYYY-MM-DDTHH:mm';

/** The officers a document may name: the case team's certified non-auxiliaries, and whoever the draft named. */
export function officerPool(team: readonly TeamMember[], data: DocumentData | undefined): OfficerRef[] {
  const pool: OfficerRef[] = team
    .filter((m) => !m.isAuxiliary && m.certificateNo)
    .map((m) => ({ name: m.name, certificateNo: m.certificateNo as string }));
  for (const v of Object.values(data ?? {})) {
    if (!Array.isArray(v)) continue;
    for (const o of v) {
      if (
        isObject(o) &&
        typeof o.certificateNo === 'string' &&
        typeof o.name === 'string' &&
        o.certificateNo
      ) {
        if (!pool.some((p) => p.certificateNo === o.certificateNo))
          pool.push({ name: o.name, certificateNo: o.certificateNo });
      }
    }
  }
  return pool;
}

/** The server's data as the form's values (元, dayjs, certificate numbers); empty lists get one blank row. */
export function toFormValues(fields: readonly DocumentField[], data: DocumentData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = data[f.key];
    switch (f.type) {
      case 'money_fen':
        out[f.key] = typeof v === 'number' ? fenToYuan(v) : null;
        break;
      case 'integer':
        out[f.key] = typeof v === 'number' ? v : null;
        break;
      case 'date':
      case 'datetime': {
        const d = typeof v === 'string' && v ? dayjs(v) : null;
        out[f.key] = d?.isValid() ? d : null;
        break;
      }
      case 'officers':
        out[f.key] = Array.isArray(v)
          ? v
              .filter(isObject)
              .map((o) => str(o.certificateNo))
              .filter(Boolean)
          : [];
        break;
      case 'list': {
        const items = Array.isArray(v) ? v.map(str) : [];
        out[f.key] = items.length ? items : [''];
        break;
      }
      case 'qa': {
        const items = Array.isArray(v) ? v.filter(isObject).map((p) => ({ q: str(p.q), a: str(p.a) })) : [];
        out[f.key] = items.length ? items : [{ q: '', a: '' }];
        break;
      }
      case 'grid': {
        const cols = f.columns ?? [];
        const row = (r: Record<string, unknown>) =>
          Object.fromEntries(cols.map((c) => [c.key, str(r[c.key])]));
        const rows = Array.isArray(v) ? v.filter(isObject).map(row) : [];
        out[f.key] = rows.length ? rows : [row({})];
        break;
      }
      case 'party':
        out[f.key] = isObject(v) ? { ...v } : {};
        break;
      default:
        out[f.key] = str(v) || undefined;
    }
  }
  return out;
}

/** The form's values as the server's data; `base` (the draft) supplies what the form shows read-only. */
export function fromFormValues(
  fields: readonly DocumentField[],
  values: Record<string, unknown> | undefined,
  base: DocumentData,
  pool: readonly OfficerRef[],
): DocumentData {
  const out: DocumentData = {};
  for (const f of fields) {
    const v = values?.[f.key];
    let value: unknown;
    switch (f.type) {
      case 'money_fen':
        value = typeof v === 'number' ? yuanToFen(v) : undefined;
        break;
      case 'integer':
        value = typeof v === 'number' ? Math.trunc(v) : undefined;
        break;
      case 'date':
      case 'datetime':
        value = dayjs.isDayjs(v) && v.isValid() ? v.format(f.type === 'date' ? DATE : DATETIME) : undefined;
        break;
      case 'officers':
        value = Array.isArray(v)
          ? v.map((no) => pool.find((o) => o.certificateNo === no) ?? { name: '', certificateNo: str(no) })
          : undefined;
        break;
      case 'list':
        value = Array.isArray(v) ? v.map((x) => str(x).trim()).filter(Boolean) : undefined;
        break;
      case 'qa':
        value = Array.isArray(v)
          ? v
              .filter(isObject)
              .map((p) => ({ q: str(p.q).trim(), a: str(p.a).trim() }))
              .filter((p) => p.q || p.a)
          : undefined;
        break;
      case 'grid':
        value = Array.isArray(v)
          ? v
              .filter(isObject)
              .map((r) => Object.fromEntries((f.columns ?? []).map((c) => [c.key, str(r[c.key]).trim()])))
              .filter((r) => Object.values(r).some(Boolean))
          : undefined;
        break;
      case 'party': {
        // The identity comes from the draft (the case's party); the form adds address, phone and the like.
        const drafted = base[f.key];
        const merged: Record<string, unknown> = isObject(drafted) ? { ...drafted } : {};
        if (isObject(v))
          for (const [k, x] of Object.entries(v)) merged[k] = typeof x === 'string' ? x.trim() : x;
        if (!merged.kind) merged.kind = f.key === 'party' ? 'legal_person' : 'natural_person';
        value = Object.fromEntries(Object.entries(merged).filter(([, x]) => x !== '' && x != null));
        break;
      }
      default:
        value = str(v).trim() || undefined;
    }
    if (value !== undefined) out[f.key] = value;
  }
  return out;
}

/**
 * A new draft over the officer's work: a field whose drafted value changed (the step's penalty, its
 * dates) takes the new draft's value; every other field keeps what the form holds now.
 */
export function redraft(
  current: DocumentData,
  before: DocumentData,
  after: DocumentData,
  fields: readonly DocumentField[],
): DocumentData {
  const out: DocumentData = {};
  for (const f of fields) {
    const changed = JSON.stringify(before[f.key]) !== JSON.stringify(after[f.key]);
    const v = changed ? after[f.key] : current[f.key];
    if (v !== undefined) out[f.key] = v;
  }
  return out;
}

export interface DraftRequest {
  kind: string;
  action?: string;
  payload?: Record<string, unknown>;
}

/**
 * The document being written in `form` under ['document']: `load` asks the server for the draft and
 * fills the form (`keep`: over what the officer already entered, see `redraft`); `dataOf` turns the form's
 * values back into the document's data.
 */
export function useDocumentDraft(form: FormInstance, caseId: string, team: readonly TeamMember[]) {
  const [draft, setDraft] = useState<DocumentDraft | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef<DocumentDraft | null>(null);
  const seq = useRef(0);

  const load = useCallback(
    async (req: DraftRequest, keep: boolean) => {
      const n = ++seq.current;
      setLoading(true);
      try {
        const next = await api.post<DocumentDraft>(`/api/cases/${seg(caseId)}/documents/draft`, req);
        if (n !== seq.current) return; // a later request (another kind, another penalty) won
        const prev = latest.current;
        let data = next.data as DocumentData;
        if (keep && prev && prev.kind === next.kind) {
          const prevData = prev.data as DocumentData;
          const current = fromFormValues(
            prev.fields,
            form.getFieldValue(DOCUMENT) as Record<string, unknown> | undefined,
            prevData,
            officerPool(team, prevData),
          );
          data = redraft(current, prevData, data, next.fields);
        }
        latest.current = next;
        form.setFieldValue(DOCUMENT, toFormValues(next.fields, data));
        setDraft(next);
        setError(null);
      } catch (e) {
        if (n === seq.current)
          setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '文书草稿生成失败'));
      } finally {
        if (n === seq.current) setLoading(false);
      }
    },
    [caseId, form, team],
  );

  const reset = useCallback(() => {
    seq.current++;
    latest.current = null;
    setDraft(null);
    setLoading(false);
    setError(null);
  }, []);

  const dataOf = useCallback(
    (values: Record<string, unknown> | undefined): DocumentData | null => {
      if (!draft) return null;
      const base = draft.data as DocumentData;
      return fromFormValues(draft.fields, values, base, officerPool(team, base));
    },
    [draft, team],
  );

  return { draft, loading, error, load, reset, dataOf };
}

// ── Problems on the fields ─────────────────────────────────────────────────────────────────────────

/** `officers[1].certificateNo` → ['officers', 1, 'certificateNo']. */
function pathOf(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((x) => x !== undefined && x !== '')
    .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
}

/** The problems of a field; `at` narrows to one part (an item, a party detail). */
class Marks {
  constructor(private readonly problems: { path: (string | number)[]; message: string }[]) {}
  /** Messages whose path starts with `prefix` and is not claimed by a more specific input. */
  at(prefix: (string | number)[], exclude: (path: (string | number)[]) => boolean = () => false) {
    return this.problems
      .filter((p) => prefix.every((x, i) => p.path[i] === x) && !exclude(p.path))
      .map((p) => p.message);
  }
}

function marked(messages: string[]): { validateStatus?: 'error'; help?: ReactNode } {
  if (!messages.length) return {};
  return { validateStatus: 'error', help: [...new Set(messages)].join('；') };
}

// ── The form ───────────────────────────────────────────────────────────────────────────────────────

const PARTY_IDS: Record<string, [string, string][]> = {
  natural_person: [
    ['name', '姓名'],
    ['residentIdNumber', '身份证号码'],
  ],
  legal_person: [
    ['name', '名称'],
    ['uscc', '统一社会信用代码'],
  ],
  other_organisation: [
    ['name', '名称'],
    ['uscc', '统一社会信用代码'],
  ],
  individual_business: [
    ['name', '字号名称'],
    ['uscc', '统一社会信用代码'],
  ],
};

const PARTY_DETAILS: Record<string, [string, string][]> = {
  natural_person: [
    ['sex', '性别'],
    ['workUnit', '工作单位'],
    ['address', '住址'],
    ['phone', '联系电话'],
  ],
  legal_person: [
    ['representative', '法定代表人'],
    ['address', '住所'],
    ['phone', '联系电话'],
  ],
  other_organisation: [
    ['representative', '负责人'],
    ['address', '住所'],
    ['phone', '联系电话'],
  ],
  individual_business: [
    ['operatorName', '经营者姓名'],
    ['operatorResidentIdNumber', '经营者身份证号码'],
    ['address', '经营场所'],
    ['phone', '联系电话'],
  ],
};

const PARTY_KIND_LABELS: Record<string, string> = {
  natural_person: '自然人',
  legal_person: '法人',
  other_organisation: '其他组织',
  individual_business: '个体工商户',
};

/**
 * The document's fields inside the surrounding antd Form, under ['document', key]. `problems` come from
 * the live preview (and the server's refusal); a missing entry is marked only once the officer touched
 * the field or tried to issue (`reveal`), so that a fresh form is not red all over.
 */
export function DocumentForm({
  fields,
  data,
  team,
  problems,
  reveal,
}: {
  fields: readonly DocumentField[];
  /** The draft: the read-only parts (the party's identity) and the officers it named. */
  data: DocumentData;
  team: readonly TeamMember[];
  problems: readonly DocumentProblem[];
  reveal: boolean;
}) {
  const form = Form.useFormInstance();
  const mobile = !Grid.useBreakpoint().md;
  const marks = new Marks(
    problems
      .filter((p) => p.field)
      .map((p) => ({ path: pathOf(p.field as string), message: p.message, code: p.code }))
      .filter((p) => {
        if (reveal || p.code !== 'DOCUMENT_FIELD_REQUIRED') return true;
        return (
          form.isFieldTouched([DOCUMENT, ...p.path]) || form.isFieldTouched([DOCUMENT, p.path[0] as string])
        );
      }),
  );
  const pool = officerPool(team, data);
  return (
    <div data-testid="doc-form">
      {fields.map((f) => (
        <FieldInput key={f.key} f={f} data={data} pool={pool} marks={marks} mobile={mobile} />
      ))}
    </div>
  );
}

function FieldInput({
  f,
  data,
  pool,
  marks,
  mobile,
}: {
  f: DocumentField;
  data: DocumentData;
  pool: readonly OfficerRef[];
  marks: Marks;
  mobile: boolean;
}) {
  const name = [DOCUMENT, f.key];
  const tid = `doc-field-${f.key}`;
  // What the case (or this step) decides is shown, not typed: the server refuses a document that differs.
  const fixed = Boolean(f.fromCase);
  if (fixed && !f.required && isEmpty(data[f.key])) return null;
  const common = {
    label: f.label,
    required: f.required,
    extra: fixed ? '由案件记载（本环节的处罚内容、立案日期等）决定' : f.help,
  };
  const disabled = fixed || undefined;
  switch (f.type) {
    case 'text':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <Input data-testid={tid} maxLength={500} disabled={disabled} />
        </Form.Item>
      );
    case 'longtext':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <Input.TextArea data-testid={tid} autoSize={{ minRows: 3, maxRows: 12 }} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <DatePicker
            data-testid={tid}
            format="YYYY-MM-DD"
            disabled={disabled}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
      );
    case 'datetime':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <DatePicker
            data-testid={tid}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
      );
    case 'money_fen':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <InputNumber
            data-testid={tid}
            disabled={disabled}
            min={0}
            precision={2}
            step={100}
            suffix="元"
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
      );
    case 'integer':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <InputNumber
            data-testid={tid}
            min={f.min ?? 0}
            max={f.max}
            precision={0}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
      );
    case 'enum':
      return (
        <Form.Item {...common} name={name} {...marked(marks.at([f.key]))}>
          <Select
            data-testid={tid}
            disabled={disabled}
            allowClear={!f.required}
            placeholder="请选择"
            options={(f.options ?? []).map((o) => ({ value: o, label: o }))}
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
      );
    case 'officers':
      return (
        <Form.Item
          {...common}
          extra={f.help ?? (f.minCount ? `至少 ${f.minCount} 人` : undefined)}
          name={name}
          {...marked(marks.at([f.key]))}
        >
          <Select
            data-testid={tid}
            mode="multiple"
            placeholder="选择本案承办执法人员"
            options={pool.map((o) => ({ value: o.certificateNo, label: `${o.name}（${o.certificateNo}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      );
    case 'party':
      return <PartyInput f={f} data={data} marks={marks} />;
    case 'list':
      return <ListInput f={f} marks={marks} disabled={fixed} />;
    case 'qa':
      return <QaInput f={f} marks={marks} />;
    case 'grid':
      return <GridInput f={f} marks={marks} mobile={mobile} />;
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Items of a list field: one text input each, with 添加 / 删除. */
function ListInput({ f, marks, disabled }: { f: DocumentField; marks: Marks; disabled?: boolean }) {
  const tid = `doc-field-${f.key}`;
  return (
    <Form.Item
      label={f.label}
      required={f.required}
      extra={disabled ? '由案件记载（本环节的处罚内容）决定' : f.help}
      {...marked(marks.at([f.key], (p) => typeof p[1] === 'number'))}
    >
      <Form.List name={[DOCUMENT, f.key]}>
        {(items, { add, remove }) => (
          <Flex vertical gap={8} data-testid={tid}>
            {items.map((item, i) => (
              <Flex key={item.key} gap={8} align="start">
                <Typography.Text type="secondary" style={{ paddingTop: 5, minWidth: 20 }}>
                  {i + 1}.
                </Typography.Text>
                <Form.Item
                  name={item.name}
                  style={{ flex: 1, marginBottom: 0 }}
                  {...marked(marks.at([f.key, i]))}
                >
                  <Input data-testid={`${tid}-${i}`} disabled={disabled} />
                </Form.Item>
                {disabled ? null : (
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label="删除"
                    title="删除"
                    onClick={() => remove(item.name)}
                    data-testid={`${tid}-remove-${i}`}
                  />
                )}
              </Flex>
            ))}
            {disabled ? null : (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add('')}
                style={{ alignSelf: 'flex-start' }}
                data-testid={`${tid}-add`}
              >
                添加
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 询问内容: question and answer pairs. */
function QaInput({ f, marks }: { f: DocumentField; marks: Marks }) {
  const tid = `doc-field-${f.key}`;
  return (
    <Form.Item
      label={f.label}
      required={f.required}
      extra={f.help}
      {...marked(marks.at([f.key], (p) => typeof p[1] === 'number'))}
    >
      <Form.List name={[DOCUMENT, f.key]}>
        {(items, { add, remove }) => (
          <Flex vertical gap={12} data-testid={tid}>
            {items.map((item, i) => (
              <div key={item.key} style={{ borderLeft: '3px solid #e5e7eb', paddingLeft: 10 }}>
                <Form.Item
                  label={`问（第 ${i + 1} 问）`}
                  name={[item.name, 'q']}
                  style={{ marginBottom: 8 }}
                  {...marked(marks.at([f.key, i, 'q']))}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} data-testid={`${tid}-${i}-q`} />
                </Form.Item>
                <Form.Item
                  label="答"
                  name={[item.name, 'a']}
                  style={{ marginBottom: 8 }}
                  {...marked(marks.at([f.key, i], (p) => p[2] === 'q'))}
                >
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} data-testid={`${tid}-${i}-a`} />
                </Form.Item>
                <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(item.name)}>
                  删除这一问
                </Button>
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ q: '', a: '' })}
              style={{ alignSelf: 'flex-start' }}
              data-testid={`${tid}-add`}
            >
              添加问答
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** A grid (财物清单): a row of inputs per line; stacked with labels on a phone. */
function GridInput({ f, marks, mobile }: { f: DocumentField; marks: Marks; mobile: boolean }) {
  const tid = `doc-field-${f.key}`;
  const cols = f.columns ?? [];
  const total = cols.reduce((s, c) => s + c.width, 0) || 1;
  return (
    <Form.Item
      label={f.label}
      required={f.required}
      extra={f.help}
      {...marked(marks.at([f.key], (p) => typeof p[1] === 'number'))}
    >
      <Form.List name={[DOCUMENT, f.key]}>
        {(items, { add, remove }) => (
          <Flex vertical gap={mobile ? 12 : 6} data-testid={tid}>
            {!mobile && items.length ? (
              <Flex gap={8}>
                <span style={{ minWidth: 20 }} />
                {cols.map((c) => (
                  <Typography.Text key={c.key} type="secondary" style={{ flex: c.width / total }}>
                    {c.required ? <span style={{ color: '#ff4d4f' }}>* </span> : null}
                    {c.label}
                  </Typography.Text>
                ))}
                <span style={{ width: 32 }} />
              </Flex>
            ) : null}
            {items.map((item, i) => (
              <Flex
                key={item.key}
                gap={8}
                vertical={mobile}
                align={mobile ? 'stretch' : 'start'}
                style={mobile ? { border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 } : undefined}
              >
                <Typography.Text type="secondary" style={{ paddingTop: mobile ? 0 : 5, minWidth: 20 }}>
                  {mobile ? `第 ${i + 1} 项` : `${i + 1}.`}
                </Typography.Text>
                {cols.map((c) => (
                  <Form.Item
                    key={c.key}
                    name={[item.name, c.key]}
                    label={mobile ? c.label : undefined}
                    required={mobile ? c.required : undefined}
                    style={{ flex: c.width / total, marginBottom: 0, minWidth: 0 }}
                    {...marked(marks.at([f.key, i, c.key]))}
                  >
                    <Input data-testid={`${tid}-${i}-${c.key}`} aria-label={c.label} />
                  </Form.Item>
                ))}
                <Button
                  icon={<DeleteOutlined />}
                  aria-label="删除"
                  title="删除"
                  onClick={() => remove(item.name)}
                  style={mobile ? { alignSelf: 'flex-end' } : undefined}
                >
                  {mobile ? '删除' : null}
                </Button>
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add(Object.fromEntries(cols.map((c) => [c.key, ''])))}
              style={{ alignSelf: 'flex-start' }}
              data-testid={`${tid}-add`}
            >
              添加一行
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * 当事人: the case's party is printed as the case records it (the server refuses any other), so its name
 * and number are shown, not edited; the details the case may lack (address, phone, representative) are
 * inputs. A person the case does not record (the interviewee of an 询问笔录) is entered in full.
 */
function PartyInput({ f, data, marks }: { f: DocumentField; data: DocumentData; marks: Marks }) {
  const drafted = isObject(data[f.key]) ? (data[f.key] as Record<string, unknown>) : {};
  const kind = str(drafted.kind) || (f.key === 'party' ? 'legal_person' : 'natural_person');
  const locked = f.key === 'party' && Boolean(str(drafted.name));
  const ids = PARTY_IDS[kind] ?? [];
  const details = PARTY_DETAILS[kind] ?? [];
  const tid = `doc-field-${f.key}`;
  const idKeys = ['kind', ...ids.map(([k]) => k)];
  const detailInput = ([k, label]: [string, string]) => (
    <Form.Item
      key={k}
      label={label}
      name={[DOCUMENT, f.key, k]}
      style={{ flex: '1 1 220px', minWidth: 0, marginBottom: 12 }}
      {...marked(marks.at([f.key, k]))}
    >
      {k === 'sex' ? (
        <Select
          allowClear
          placeholder="请选择"
          options={['男', '女'].map((x) => ({ value: x, label: x }))}
          data-testid={`${tid}-${k}`}
        />
      ) : (
        <Input data-testid={`${tid}-${k}`} />
      )}
    </Form.Item>
  );
  return (
    <Form.Item
      label={f.label}
      required={f.required}
      extra={locked ? '名称和证件号码取自案件记载；如有错误，请先更正案件的当事人信息。' : f.help}
      {...marked(marks.at([f.key], (p) => p.length > 1 && !(locked && idKeys.includes(String(p[1])))))}
    >
      <div data-testid={tid} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 12px 0' }}>
        {locked ? (
          <div style={{ marginBottom: 10 }} data-testid={`${tid}-identity`}>
            <Typography.Text strong>{str(drafted.name)}</Typography.Text>
            <Typography.Text type="secondary">（{PARTY_KIND_LABELS[kind] ?? ''}）</Typography.Text>
            {ids.slice(1).map(([k, label]) => (
              <div key={k}>
                <Typography.Text type="secondary">{label}：</Typography.Text>
                <Typography.Text>{str(drafted[k]) || '（案件未记载）'}</Typography.Text>
              </div>
            ))}
          </div>
        ) : (
          <Flex wrap gap={12}>
            {ids.map(detailInput)}
          </Flex>
        )}
        <Flex wrap gap={12}>
          {details.map(detailInput)}
        </Flex>
      </div>
    </Form.Item>
  );
}

/**
 * The form beside its page (desktop) or above it (phone): the draft's fields, the live preview, and the
 * problems marked on both. `extraProblems`: reasons of a refusal that name a field of the document.
 */
export function DocumentEditor({
  draft,
  loading,
  error,
  team,
  preview,
  reveal,
  extraProblems = [],
}: {
  draft: DocumentDraft | null;
  loading: boolean;
  error: ApiError | null;
  team: readonly TeamMember[];
  preview: ReturnType<typeof useDocumentPreview>;
  reveal: boolean;
  extraProblems?: readonly DocumentProblem[];
}) {
  const wide = Grid.useBreakpoint().lg;
  if (error && !draft) return <Alert type="error" showIcon title={error.message} />;
  if (!draft) return <Spin description="正在按案件生成文书">{<div style={{ minHeight: 120 }} />}</Spin>;
  const problems = [...(preview.preview?.problems ?? [])];
  for (const p of extraProblems)
    if (!problems.some((q) => q.field === p.field && q.message === p.message)) problems.push(p);
  return (
    <Row gutter={[24, 16]} data-testid="doc-editor">
      <Col xs={24} lg={12}>
        <Spin spinning={loading} description="正在按案件更新文书">
          <DocumentForm
            fields={draft.fields}
            data={draft.data as DocumentData}
            team={team}
            problems={problems}
            reveal={reveal}
          />
        </Spin>
      </Col>
      <Col xs={24} lg={12}>
        <div
          style={
            wide
              ? { position: 'sticky', top: 0, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }
              : undefined
          }
        >
          <DocumentPreviewPane {...preview} />
        </div>
      </Col>
    </Row>
  );
}
