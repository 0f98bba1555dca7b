import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RegionSelect } from '../components/RegionSelect.tsx';
import { type FieldMapper, splitField, useAsync, useShowError } from '../hooks.ts';
import { AGENCY_TYPE_LABELS, optionsOf } from '../labels.ts';
import { canCreateAgency } from '../permissions.ts';
import type { Agency, AgencyDetail, AgencyInput, AgencyType } from '../types.ts';
import { isValidUscc, PHONE_PATTERN } from '../validators.ts';

interface Values {
  name: string;
  uscc: string;
  type: AgencyType;
  legalBasis: string;
  functions: string;
  regionCode: string;
  contactPhone?: string;
  contactAddress?: string;
  parentId?: string;
  entrustment?: {
    entrustingAgencyId?: string;
    basis?: string;
    /** one entry per line */
    items?: string;
    /** one entry per line */
    powers?: string;
    term?: [Dayjs, Dayjs];
  };
}

const ENTRUSTMENT_FIELDS = ['entrustingAgencyId', 'basis', 'items', 'powers'];

/** Server field names → form names (`entrustment.termStart` is the range picker `entrustment.term`). */
const mapField: FieldMapper = (field) => {
  const parts = splitField(field);
  const last = String(parts[parts.length - 1] ?? field);
  if (last === 'termStart' || last === 'termEnd') return ['entrustment', 'term'];
  if (parts.length === 1 && ENTRUSTMENT_FIELDS.includes(last)) return ['entrustment', last];
  // `entrustment.items.2` → the items text area
  if (parts[0] === 'entrustment' && (parts[1] === 'items' || parts[1] === 'powers'))
    return ['entrustment', parts[1]];
  return parts;
};

function toValues(a: Agency): Values {
  const e = a.entrustment;
  return {
    name: a.name,
    uscc: a.uscc,
    type: a.type,
    legalBasis: a.legalBasis,
    functions: a.functions,
    regionCode: a.regionCode,
    contactPhone: a.contactPhone ?? '',
    contactAddress: a.contactAddress ?? '',
    parentId: a.parentId ?? undefined,
    entrustment: e
      ? {
          entrustingAgencyId: e.entrustingAgencyId,
          basis: e.basis,
          items: (e.items ?? []).join('\n'),
          powers: (e.powers ?? []).join('\n'),
          term: [dayjs(e.termStart), dayjs(e.termEnd)],
        }
      : undefined,
  };
}

function toInput(v: Values): AgencyInput {
  const e = v.entrustment;
  const lines = (s: string | undefined) =>
    (s ?? '')
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    name: v.name.trim(),
    uscc: v.uscc.trim().toUpperCase(),
    type: v.type,
    legalBasis: v.legalBasis.trim(),
    functions: v.functions.trim(),
    regionCode: v.regionCode,
    contactPhone: v.contactPhone?.trim() ?? '',
    contactAddress: v.contactAddress?.trim() ?? '',
    parentId: v.parentId ?? null,
    entrustment:
      v.type === 'entrusted' && e
        ? {
            entrustingAgencyId: e.entrustingAgencyId ?? '',
            basis: (e.basis ?? '').trim(),
            items: lines(e.items),
            powers: lines(e.powers),
            termStart: e.term?.[0].format('YYYY-MM-DD') ?? '',
            termEnd: e.term?.[1].format('YYYY-MM-DD') ?? '',
          }
        : null,
  };
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function AgencyFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const type = Form.useWatch('type', form);
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      id ? api.get<AgencyDetail>(`/api/agencies/${seg(id)}`, undefined, signal) : Promise.resolve(null),
    id ?? 'new',
  );

  if (editing && error) return <LoadError error={error} onRetry={reload} />;
  if (editing && (loading || !data || String(data.id) !== id))
    return <Spin style={{ display: 'block', marginTop: 80 }} />;
  const allowed = data ? data.can.edit : canCreateAgency(user);

  const onFinish = async (values: Values) => {
    setSaving(true);
    try {
      const body = toInput(values);
      const saved = id
        ? await api.patch<AgencyDetail>(`/api/agencies/${seg(id)}`, body)
        : await api.post<AgencyDetail>('/api/agencies', body);
      void message.success(editing ? '已保存' : '已创建执法主体');
      void navigate(`/agencies/${seg(saved?.id ?? id ?? '')}`);
    } catch (e) {
      showError(e, form, mapField);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={editing ? `编辑执法主体：${data?.name ?? ''}` : '新增执法主体'} />
      {!allowed ? (
        <Alert
          type="warning"
          showIcon
          title="您的角色可能无权保存此执法主体，服务器将拒绝。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          key={id ?? 'new'}
          initialValues={data ? toValues(data) : { type: 'statutory' }}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="名称" name="name" rules={required('请输入名称')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="统一社会信用代码"
                name="uscc"
                normalize={(v: string) => v.toUpperCase()}
                rules={[
                  { required: true, message: '请输入统一社会信用代码' },
                  {
                    validator: (_, v: string | undefined) =>
                      !v || isValidUscc(v.trim())
                        ? Promise.resolve()
                        : Promise.reject(new Error('统一社会信用代码格式或校验位不正确')),
                  },
                ]}
              >
                <Input maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="主体类型" name="type" rules={[{ required: true, message: '请选择主体类型' }]}>
                <Radio.Group options={optionsOf(AGENCY_TYPE_LABELS)} optionType="button" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="行政区划"
                name="regionCode"
                rules={[{ required: true, message: '请选择行政区划' }]}
              >
                <RegionSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="上级机关" name="parentId">
                <AgencySelect placeholder="无（可不选）" exclude={id ? [id] : undefined} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="联系电话"
                name="contactPhone"
                rules={[{ pattern: PHONE_PATTERN, message: '电话号码格式不正确' }]}
              >
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="联系地址" name="contactAddress">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="法定依据" name="legalBasis" rules={required('请输入法定依据')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="职能" name="functions" rules={required('请输入职能')}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
            </Col>
          </Row>
          {type === 'entrusted' ? (
            <Card type="inner" size="small" title="委托执法" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="委托机关"
                    name={['entrustment', 'entrustingAgencyId']}
                    rules={[{ required: true, message: '请选择委托机关' }]}
                  >
                    <AgencySelect exclude={id ? [id] : undefined} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="委托期限"
                    name={['entrustment', 'term']}
                    rules={[{ required: true, message: '请选择委托期限' }]}
                  >
                    <DatePicker.RangePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    label="委托依据"
                    name={['entrustment', 'basis']}
                    rules={required('请输入委托依据')}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    label="委托事项"
                    name={['entrustment', 'items']}
                    extra="每行一项"
                    rules={required('请输入委托事项')}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    label="委托权限"
                    name={['entrustment', 'powers']}
                    extra="每行一项"
                    rules={required('请输入委托权限')}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ) : null}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
            <Button onClick={() => navigate(-1)}>取消</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
