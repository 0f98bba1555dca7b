import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, seg } from '../api.ts';
import { todayInShanghai } from '../caseFormat.ts';
import type { DocumentSettings } from '../caseTypes.ts';
import { useAsync } from '../hooks.ts';

// An agency's document settings as its admin keeps them: the 机关代字 in every number, the pattern of its
// case numbers (案号), and what it prints on every notice and decision (its contact lines, its 复议机关
// and court), kept by the server as field defaults of those documents' templates.

type Overrides = DocumentSettings['templateOverrides'];

/** Which documents print each default. */
const DEFAULTS_OF: Readonly<Record<string, readonly string[]>> = {
  reviewAuthority: ['penalty_decision', 'coercive_measure_decision', 'on_spot_penalty_decision'],
  court: ['penalty_decision', 'coercive_measure_decision', 'on_spot_penalty_decision'],
  contactPhone: ['penalty_rights_notice', 'hearing_notice'],
  agencyAddress: ['penalty_rights_notice', 'hearing_notice'],
};
const LABELS: Readonly<Record<string, string>> = {
  reviewAuthority: '行政复议机关',
  court: '管辖人民法院',
  contactPhone: '联系电话',
  agencyAddress: '机关地址',
};

type Values = { abbreviation: string; caseNumberPattern: string } & Record<string, string>;

function fieldDefault(o: Overrides, field: string): string {
  for (const kind of DEFAULTS_OF[field] ?? []) {
    const fields = (o[kind] as { fields?: Record<string, { default?: unknown }> } | undefined)?.fields;
    const v = fields?.[field]?.default;
    if (typeof v === 'string' && v) return v;
  }
  return '';
}

/** The overrides with each default set (or cleared) on every document that prints it; the rest kept. */
function withDefaults(o: Overrides, values: Record<string, string>): Overrides {
  const out: Record<string, Record<string, unknown>> = JSON.parse(JSON.stringify(o));
  for (const [field, kinds] of Object.entries(DEFAULTS_OF)) {
    const v = values[field]?.trim() ?? '';
    for (const kind of kinds) {
      const entry = out[kind] ?? {};
      const fields = (entry.fields as Record<string, Record<string, unknown>> | undefined) ?? {};
      const own = { ...fields[field] };
      if (v) own.default = v;
      else delete own.default;
      if (Object.keys(own).length > 0) fields[field] = own;
      else delete fields[field];
      if (Object.keys(fields).length > 0) entry.fields = fields;
      else delete entry.fields;
      if (Object.keys(entry).length > 0) out[kind] = entry;
      else delete out[kind];
    }
  }
  return out as Overrides;
}

/** 蚌市监立〔2026〕1号: the pattern as the agency's first case of this year would read. */
function example(pattern: string, abbreviation: string): string {
  return pattern
    .replaceAll('{机关代字}', abbreviation || '（机关代字）')
    .replaceAll('{年}', todayInShanghai().slice(0, 4))
    .replaceAll('{序号}', '1');
}

export function DocumentSettingsCard({ agencyId }: { agencyId: string }) {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<DocumentSettings>(`/api/agencies/${seg(agencyId)}/document-settings`, undefined, signal),
    agencyId,
  );
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [form] = Form.useForm<Values>();
  const pattern = Form.useWatch('caseNumberPattern', form) ?? '';
  const abbreviation = Form.useWatch('abbreviation', form) ?? '';

  const open = () => {
    if (!data) return;
    form.setFieldsValue({
      abbreviation: data.abbreviation ?? '',
      caseNumberPattern: data.caseNumberPattern,
      ...Object.fromEntries(
        Object.keys(DEFAULTS_OF).map((f) => [f, fieldDefault(data.templateOverrides, f)]),
      ),
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
      await api.put(`/api/agencies/${seg(agencyId)}/document-settings`, {
        abbreviation: v.abbreviation.trim(),
        caseNumberPattern: v.caseNumberPattern.trim(),
        templateOverrides: withDefaults(data.templateOverrides, v),
      });
      void message.success('已保存文书设置');
      setEditing(false);
      reload();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '保存失败，请重试');
      setSaveError(err);
      if (err.field === 'abbreviation' || err.field === 'caseNumberPattern')
        form.setFields([{ name: err.field, errors: [err.message] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title="文书设置"
      data-testid="document-settings"
      size="small"
      loading={loading && !data}
      extra={
        data?.can.edit ? (
          <Button size="small" icon={<EditOutlined />} onClick={open} data-testid="document-settings-edit">
            修改
          </Button>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={error.message} /> : null}
      {data ? (
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          bordered
          items={[
            {
              key: 'abbr',
              label: '机关代字',
              children: data.abbreviation || '未设置（以机关名称前四字代替）',
            },
            {
              key: 'pattern',
              label: '案号格式',
              children: (
                <>
                  {data.caseNumberPattern}
                  <Typography.Text type="secondary">
                    （如：{example(data.caseNumberPattern, data.abbreviation ?? '')}）
                  </Typography.Text>
                </>
              ),
            },
            ...Object.keys(DEFAULTS_OF).map((f) => ({
              key: f,
              label: LABELS[f],
              children: fieldDefault(data.templateOverrides, f) || '未设置（每份文书填写）',
            })),
          ]}
        />
      ) : null}
      <Modal
        open={editing}
        title="修改文书设置"
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(false)}
        okButtonProps={{ 'data-testid': 'document-settings-save' } as never}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical">
          <Form.Item
            name="abbreviation"
            label="机关代字"
            extra="用于文书文号和案号，如：蚌市监"
            rules={[{ required: true, message: '请填写机关代字' }]}
          >
            <Input maxLength={10} data-testid="document-settings-abbreviation" />
          </Form.Item>
          <Form.Item
            name="caseNumberPattern"
            label="案号格式"
            extra={`可用 {机关代字}、{年}、{序号}；按此格式，本年第一件案件为：${example(pattern, abbreviation)}`}
            rules={[{ required: true, message: '请填写案号格式' }]}
          >
            <Input maxLength={40} data-testid="document-settings-pattern" />
          </Form.Item>
          {Object.keys(DEFAULTS_OF).map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={LABELS[f]}
              extra={
                f === 'reviewAuthority' || f === 'court'
                  ? '印在处罚决定书、查封（扣押）决定书和当场处罚决定书的救济途径中'
                  : '印在事先告知书和听证通知书上'
              }
            >
              <Input maxLength={100} data-testid={`document-settings-${f}`} />
            </Form.Item>
          ))}
        </Form>
        {saveError && !saveError.field ? <Alert type="error" showIcon title={saveError.message} /> : null}
      </Modal>
    </Card>
  );
}
