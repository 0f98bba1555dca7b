import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, seg } from '../api.ts';
import { useAsync } from '../hooks.ts';
import type {
  ReviewCatalogue,
  ReviewCatalogueVersion,
  ReviewConditionView,
  ReviewEntryView,
} from '../types.ts';

// 重大执法决定法制审核目录清单 (行政处罚法 art. 58): what the agency counts as a major decision that needs
// legal review first. Every saved change is a new version from its effective date; the server words
// each condition, so this card shows its words and only converts 元 (form) to 分 (server).

type Kind = ReviewConditionView['kind'];
type ConditionValues = { kind?: Kind; yuan?: number | null; kinds?: string[]; grounds?: string[] };
type EntryValues = {
  id?: string;
  label?: string;
  actionTypes?: string[];
  partyTypes?: string[];
  conditions?: ConditionValues[];
};
type Values = { effectiveFrom?: Dayjs; note?: string; entries?: EntryValues[] };

const AMOUNT_KINDS: readonly string[] = ['fine_at_least', 'confiscation_at_least', 'seized_value_at_least'];

function toEntryValues(e: ReviewEntryView): EntryValues {
  return {
    id: e.id,
    label: e.label,
    actionTypes: [...e.actionTypes],
    partyTypes: [...e.partyTypes],
    conditions: e.conditions.map((c) => ({
      kind: c.kind,
      yuan: c.fen !== undefined ? c.fen / 100 : null,
      kinds: c.kinds ? [...c.kinds] : [],
      grounds: c.grounds ? [...c.grounds] : [],
    })),
  };
}

/** The form's entries as the server takes them: amounts in 元 become integer 分. */
function toEntries(entries: EntryValues[]) {
  return entries.map((e) => ({
    ...(e.id ? { id: e.id } : {}),
    label: (e.label ?? '').trim(),
    actionTypes: e.actionTypes ?? [],
    partyTypes: e.partyTypes ?? [],
    conditions: (e.conditions ?? []).map((c) => {
      if (c.kind && AMOUNT_KINDS.includes(c.kind))
        return { kind: c.kind, fen: Math.round((c.yuan ?? 0) * 100) };
      if (c.kind === 'penalty_kind') return { kind: c.kind, kinds: c.kinds ?? [] };
      if (c.kind === 'ground') return { kind: c.kind, grounds: c.grounds ?? [] };
      return { kind: c.kind ?? '' };
    }),
  }));
}

/** 12345.5 → 12,345.5: amounts are read as the catalogue prints them. */
function groupThousands(s: string): string {
  const [whole = '', cents] = s.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents === undefined ? grouped : `${grouped}.${cents}`;
}

/** The server names fields `entries.1.conditions.0.fen`; the form holds that amount as `yuan`. */
function formPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p === 'fen' ? 'yuan' : p));
}

function EntryList({ entries }: { entries: readonly ReviewEntryView[] }) {
  return (
    <ol className="review-catalogue-entries" style={{ paddingInlineStart: 22, margin: 0 }}>
      {entries.map((e) => (
        <li key={e.id} style={{ marginBottom: 10 }} data-testid="review-catalogue-entry">
          <Typography.Text strong>{e.label}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              适用：{e.actionTypeLabels.join('、')}
              {'；'}当事人：{e.partyTypeLabels.length ? e.partyTypeLabels.join('、') : '不限'}
            </Typography.Text>
          </div>
          <div>
            {e.conditions.length > 1 ? '同时满足：' : '条件：'}
            {e.conditions.map((c) => c.description).join('；')}
          </div>
        </li>
      ))}
    </ol>
  );
}

function versionTitle(v: ReviewCatalogueVersion) {
  return `第${v.version}版 · 自${v.effectiveFrom}起施行`;
}

const STATUS_COLOR: Record<ReviewCatalogueVersion['status'], string> = {
  current: 'green',
  upcoming: 'blue',
  superseded: 'default',
};

function ConditionFields({
  name,
  choices,
  entryName,
}: {
  name: number;
  entryName: number;
  choices: ReviewCatalogue['choices'];
}) {
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch(['entries', entryName, 'conditions', name, 'kind'], form) as Kind | undefined;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, flex: 1 }}>
      <Form.Item
        name={[name, 'kind']}
        rules={[{ required: true, message: '请选择条件' }]}
        style={{ marginBottom: 8 }}
      >
        <Select
          placeholder="选择条件"
          options={choices.conditionKinds}
          style={{ minWidth: 220 }}
          data-testid={`review-condition-kind-${entryName}-${name}`}
        />
      </Form.Item>
      {kind && AMOUNT_KINDS.includes(kind) ? (
        <Form.Item
          name={[name, 'yuan']}
          rules={[{ required: true, message: '请填写金额' }]}
          style={{ marginBottom: 8 }}
        >
          <InputNumber<number>
            min={0.01}
            precision={2}
            step={1000}
            suffix="元"
            formatter={(v) => (v === undefined || v === null ? '' : groupThousands(String(v)))}
            parser={(v) => Number((v ?? '').replace(/,/g, ''))}
            style={{ width: 200 }}
            placeholder="金额"
            data-testid={`review-condition-yuan-${entryName}-${name}`}
          />
        </Form.Item>
      ) : null}
      {kind === 'penalty_kind' ? (
        <Form.Item
          name={[name, 'kinds']}
          rules={[{ required: true, message: '请选择处罚种类' }]}
          style={{ marginBottom: 8, minWidth: 260, flex: 1 }}
        >
          <Select mode="multiple" placeholder="处罚种类（其一即可）" options={choices.penaltyKinds} />
        </Form.Item>
      ) : null}
      {kind === 'ground' ? (
        <Form.Item
          name={[name, 'grounds']}
          rules={[{ required: true, message: '请选择情形' }]}
          style={{ marginBottom: 8, minWidth: 260, flex: 1 }}
        >
          <Select mode="multiple" placeholder="第五十八条情形（其一即可）" options={choices.grounds} />
        </Form.Item>
      ) : null}
    </div>
  );
}

function EntryFields({ name, choices }: { name: number; choices: ReviewCatalogue['choices'] }) {
  return (
    <>
      <Form.Item
        name={[name, 'label']}
        label="事项名称"
        rules={[{ required: true, whitespace: true, message: '请填写事项名称' }]}
      >
        <Input
          maxLength={200}
          placeholder="如：对法人或者其他组织处以10万元以上罚款"
          data-testid={`review-entry-label-${name}`}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'actionTypes']}
        label="执法行为类别"
        rules={[{ required: true, message: '请至少选择一类' }]}
      >
        <Checkbox.Group options={choices.actionTypes} />
      </Form.Item>
      <Form.Item name={[name, 'partyTypes']} label="当事人类型" extra="不选为不限当事人类型">
        <Checkbox.Group options={choices.partyTypes} />
      </Form.Item>
      <Form.Item label="条件（须同时满足）" required style={{ marginBottom: 0 }}>
        <Form.List name={[name, 'conditions']}>
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <div
                  key={f.key}
                  style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 4 }}
                >
                  <ConditionFields name={f.name} entryName={name} choices={choices} />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label="删除条件"
                  />
                </div>
              ))}
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ kind: undefined })}
                data-testid={`review-condition-add-${name}`}
              >
                增加条件
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

export function ReviewCatalogueCard({ agencyId }: { agencyId: string }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<ReviewCatalogue>(`/api/agencies/${seg(agencyId)}/review-catalogue`, undefined, signal),
    agencyId,
  );
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const open = () => {
    if (!data) return;
    // A revision starts from the newest version (an upcoming one if saved already).
    const base = data.history[0];
    form.resetFields();
    form.setFieldsValue({
      effectiveFrom: dayjs(data.today),
      note: '',
      entries: base ? base.entries.map(toEntryValues) : [],
    });
    setSaveError(null);
    setEditing(true);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !data) return;
    setSaving(true);
    setSaveError(null);
    try {
      await api.put(`/api/agencies/${seg(agencyId)}/review-catalogue`, {
        effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '',
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        entries: toEntries(form.getFieldValue('entries') ?? []),
      });
      void message.success('已保存为新版本');
      setEditing(false);
      reload();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '保存失败，请重试');
      setSaveError(err.message);
      if (err.field && err.field !== 'entries') {
        try {
          const path = formPath(err.field);
          form.setFields([{ name: path as never, errors: [err.message] }]);
          form.scrollToField(path as never);
        } catch {
          /* a field the form does not show: the alert says it */
        }
      }
    } finally {
      setSaving(false);
    }
  };

  const older = data?.history.filter((v) => v.status === 'superseded') ?? [];
  return (
    <Card
      title="重大执法决定法制审核目录清单"
      data-testid="review-catalogue"
      size="small"
      loading={loading && !data}
      extra={
        data?.can.edit ? (
          <Button size="small" icon={<EditOutlined />} onClick={open} data-testid="review-catalogue-edit">
            修订
          </Button>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {data.current ? (
            <div>
              <Space wrap style={{ marginBottom: 8 }}>
                <Typography.Text strong data-testid="review-catalogue-current">
                  {versionTitle(data.current)}
                </Typography.Text>
                <Tag color="green">{data.current.statusLabel}</Tag>
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                作出下列行政执法决定前，应当进行法制审核（行政处罚法第五十八条）；未经法制审核或者审核未通过的，不得作出决定。
              </Typography.Paragraph>
              <EntryList entries={data.current.entries} />
            </div>
          ) : (
            <Empty description="尚未制定目录清单" />
          )}
          {data.upcoming.map((v) => (
            <Alert
              key={v.version}
              type="info"
              showIcon
              title={`${versionTitle(v)}（待生效）`}
              description={
                <>
                  {v.note ? <div>修订说明：{v.note}</div> : null}
                  <EntryList entries={v.entries} />
                </>
              }
              data-testid="review-catalogue-upcoming"
            />
          ))}
          {older.length ? (
            <Collapse
              size="small"
              items={[
                {
                  key: 'history',
                  label: `历次版本（${older.length}）`,
                  children: (
                    <Collapse
                      size="small"
                      ghost
                      items={older.map((v) => ({
                        key: String(v.version),
                        label: (
                          <Space wrap>
                            {versionTitle(v)}
                            <Tag color={STATUS_COLOR[v.status]}>{v.statusLabel}</Tag>
                            {v.note ? <Typography.Text type="secondary">{v.note}</Typography.Text> : null}
                          </Space>
                        ),
                        children: <EntryList entries={v.entries} />,
                      }))}
                    />
                  ),
                },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
      <Modal
        open={editing}
        title="修订目录清单（保存为新版本）"
        okText="保存为新版本"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(false)}
        okButtonProps={{ 'data-testid': 'review-catalogue-save' } as never}
        width={860}
        destroyOnHidden
      >
        {data ? (
          <Form<Values> form={form} layout="vertical">
            <Space wrap align="start">
              <Form.Item
                name="effectiveFrom"
                label="生效日期"
                rules={[{ required: true, message: '请选择生效日期' }]}
                extra="不得早于今天；生效前作出的决定仍适用原版本"
              >
                <DatePicker
                  disabledDate={(d) => d.isBefore(dayjs(data.today), 'day')}
                  data-testid="review-catalogue-effective-from"
                />
              </Form.Item>
              <Form.Item name="note" label="修订说明" style={{ minWidth: 260 }}>
                <Input maxLength={500} placeholder="如：依据新修订的裁量基准调整罚款数额" />
              </Form.Item>
            </Space>
            <Form.List name="entries">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card
                      key={f.key}
                      size="small"
                      type="inner"
                      title={`第${i + 1}项`}
                      style={{ marginBottom: 12 }}
                      extra={
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => remove(f.name)}
                        >
                          删除
                        </Button>
                      }
                    >
                      <EntryFields name={f.name} choices={data.choices} />
                    </Card>
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() =>
                      add({
                        label: '',
                        actionTypes: ['penalty'],
                        partyTypes: [],
                        conditions: [{ kind: undefined }],
                      })
                    }
                    data-testid="review-entry-add"
                  >
                    增加条目
                  </Button>
                </>
              )}
            </Form.List>
          </Form>
        ) : null}
        {saveError ? <Alert type="error" showIcon title={saveError} style={{ marginTop: 12 }} /> : null}
      </Modal>
    </Card>
  );
}
