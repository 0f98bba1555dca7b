import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Space,
  Spin,
  Switch,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { RegionSelect } from '../components/RegionSelect.tsx';
import { TrainingHoursField } from '../components/TrainingHoursField.tsx';
import { useAsync, useShowError } from '../hooks.ts';
import { canManageOfficers } from '../permissions.ts';
import { useCategories } from '../reference.ts';
import type { AgencyDetail, Officer, OfficerDetail, OfficerInput, TrainingHours } from '../types.ts';
import { PHONE_PATTERN } from '../validators.ts';

interface Values {
  agencyId?: string;
  unitId?: string | null;
  name: string;
  isAuxiliary: boolean;
  isLegalReviewer: boolean;
  legalQualificationNo?: string;
  reviewingSince?: Dayjs;
  phone?: string;
  certificateNo?: string;
  categories?: string[];
  enforcementRegionCode?: string;
  issueDate?: Dayjs;
  expiryDate?: Dayjs;
  trainingHours?: TrainingHours[];
}

function toValues(o: Officer): Values {
  return {
    agencyId: o.agencyId,
    unitId: o.unitId,
    name: o.name,
    isAuxiliary: o.isAuxiliary,
    isLegalReviewer: o.isLegalReviewer,
    legalQualificationNo: o.legalQualificationNo ?? '',
    reviewingSince: o.reviewingSince ? dayjs(o.reviewingSince) : undefined,
    phone: o.phone ?? '',
    certificateNo: o.certificateNo ?? '',
    categories: o.categories ?? [],
    enforcementRegionCode: o.enforcementRegionCode ?? undefined,
    issueDate: o.issueDate ? dayjs(o.issueDate) : undefined,
    expiryDate: o.expiryDate ? dayjs(o.expiryDate) : undefined,
    trainingHours: o.trainingHours ?? [],
  };
}

/** 辅助人员 hold no certificate: its fields are sent empty (null / []), which also clears them. */
function toInput(v: Values, creating: boolean): OfficerInput {
  const aux = v.isAuxiliary;
  const input: OfficerInput = {
    unitId: v.unitId ?? null,
    name: v.name.trim(),
    isAuxiliary: aux,
    certificateNo: aux ? null : (v.certificateNo?.trim() ?? null),
    categories: aux ? [] : (v.categories ?? []),
    issueDate: aux ? null : (v.issueDate?.format('YYYY-MM-DD') ?? null),
    expiryDate: aux ? null : (v.expiryDate?.format('YYYY-MM-DD') ?? null),
    isLegalReviewer: aux ? false : v.isLegalReviewer,
    // The reviewer's record (行政处罚法 art. 58 para 2) is kept only while they are a legal reviewer.
    legalQualificationNo:
      !aux && v.isLegalReviewer && v.legalQualificationNo?.trim() ? v.legalQualificationNo.trim() : null,
    reviewingSince: !aux && v.isLegalReviewer ? (v.reviewingSince?.format('YYYY-MM-DD') ?? null) : null,
    phone: v.phone?.trim() ? v.phone.trim() : null,
    trainingHours: (v.trainingHours ?? []).map((t) => ({ year: Number(t.year), hours: Number(t.hours) })),
  };
  // Not sent as null: the server's validator turns a null plain-string field into '' (a foreign-key
  // error for the region). Auxiliary staff keep no enforcement region in this form.
  if (!aux && v.enforcementRegionCode) input.enforcementRegionCode = v.enforcementRegionCode;
  // The agency is chosen on creation; moving an officer is a revocation (调离) and a new record.
  if (creating) input.agencyId = v.agencyId;
  return input;
}

export function OfficerFormPage() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const creating = id === undefined;
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const categories = useCategories();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const isAuxiliary = Form.useWatch('isAuxiliary', form) ?? false;
  const isLegalReviewer = Form.useWatch('isLegalReviewer', form) ?? false;
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      id ? api.get<OfficerDetail>(`/api/officers/${seg(id)}`, undefined, signal) : Promise.resolve(null),
    id ?? 'new',
  );
  const agencyId = Form.useWatch('agencyId', form) ?? data?.agencyId;
  const units = useAsync(
    (signal) =>
      agencyId
        ? api
            .get<AgencyDetail>(`/api/agencies/${seg(agencyId)}`, undefined, signal)
            .then((a) => a.units ?? [])
        : Promise.resolve([]),
    agencyId ?? '',
  );

  if (!creating && error) return <LoadError error={error} onRetry={reload} />;
  if (!creating && (loading || !data || String(data.id) !== id)) {
    return <Spin style={{ display: 'block', marginTop: 80 }} />;
  }

  const initialValues: Values = data
    ? toValues(data)
    : {
        agencyId: search.get('agencyId') ?? user.agencyId ?? undefined,
        name: '',
        isAuxiliary: false,
        isLegalReviewer: false,
        trainingHours: [],
      };
  const allowed = data ? data.can.edit : canManageOfficers(user);

  const onFinish = async (values: Values) => {
    setSaving(true);
    try {
      const body = toInput(values, creating);
      const saved = id
        ? await api.patch<Officer>(`/api/officers/${seg(id)}`, body)
        : await api.post<Officer>('/api/officers', body);
      void message.success(creating ? '已新增执法人员' : '已保存');
      void navigate(`/officers/${seg(saved?.id ?? id ?? '')}`);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={creating ? '新增执法人员' : `编辑执法人员：${data?.name ?? ''}`} />
      {!allowed ? (
        <Alert
          type="warning"
          showIcon
          title="您的角色可能无权保存此执法人员，服务器将拒绝。"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Card size="small">
        <Form<Values>
          key={id ?? 'new'}
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={onFinish}
          onValuesChange={(changed: Partial<Values>) => {
            if ('agencyId' in changed) form.setFieldValue('unitId', null);
          }}
          scrollToFirstError
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label="所属执法主体"
                name="agencyId"
                rules={[{ required: true, message: '请选择执法主体' }]}
              >
                <AgencySelect disabled={!creating} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="内设机构" name="unitId">
                <Select
                  allowClear
                  placeholder={agencyId ? '请选择内设机构（可不选）' : '请先选择执法主体'}
                  loading={units.loading}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="姓名"
                name="name"
                rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="联系电话"
                name="phone"
                rules={[{ pattern: PHONE_PATTERN, message: '电话号码格式不正确' }]}
              >
                <Input maxLength={20} inputMode="tel" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="执法辅助人员" name="isAuxiliary" valuePropName="checked">
                <Switch checkedChildren="是" unCheckedChildren="否" />
              </Form.Item>
            </Col>
            {!isAuxiliary ? (
              <Col xs={12} md={6}>
                <Form.Item label="法制审核人员" name="isLegalReviewer" valuePropName="checked">
                  <Switch checkedChildren="是" unCheckedChildren="否" />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
          {!isAuxiliary && isLegalReviewer ? (
            <>
              <Divider titlePlacement="start">法制审核资格</Divider>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="法律职业资格证书编号"
                    name="legalQualificationNo"
                    extra="2021年7月15日以后初次从事法制审核的，应当取得法律职业资格（行政处罚法第五十八条第二款）"
                  >
                    <Input maxLength={40} data-testid="officer-legal-qualification" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="首次从事法制审核日期" name="reviewingSince">
                    <DatePicker
                      style={{ width: '100%' }}
                      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                      data-testid="officer-reviewing-since"
                    />
                  </Form.Item>
                </Col>
              </Row>
            </>
          ) : null}
          {!isAuxiliary ? (
            <>
              <Divider titlePlacement="start">执法证件</Divider>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="执法证号"
                    name="certificateNo"
                    rules={[{ required: true, whitespace: true, message: '请输入执法证号' }]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="执法区域"
                    name="enforcementRegionCode"
                    rules={[{ required: true, message: '请选择执法区域' }]}
                  >
                    <RegionSelect />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    label="执法类别"
                    name="categories"
                    rules={[{ required: true, message: '请选择执法类别' }]}
                  >
                    <Select
                      mode="multiple"
                      placeholder="可多选"
                      options={categories.map((c) => ({ value: c.code, label: c.name }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="发证日期"
                    name="issueDate"
                    rules={[{ required: true, message: '请选择发证日期' }]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="有效期至"
                    name="expiryDate"
                    dependencies={['issueDate']}
                    rules={[
                      { required: true, message: '请选择有效期' },
                      ({ getFieldValue }) => ({
                        validator: (_, v?: Dayjs) => {
                          const issued = getFieldValue('issueDate') as Dayjs | undefined;
                          return !v || !issued || v.isAfter(issued)
                            ? Promise.resolve()
                            : Promise.reject(new Error('有效期应晚于发证日期'));
                        },
                      }),
                    ]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </>
          ) : (
            <Alert
              type="info"
              showIcon
              title="执法辅助人员不持执法证，不得单独执法。"
              style={{ marginBottom: 16 }}
            />
          )}
          <Divider titlePlacement="start">培训学时</Divider>
          <TrainingHoursField />
          <div>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                保存
              </Button>
              <Button onClick={() => navigate(-1)}>取消</Button>
            </Space>
          </div>
        </Form>
      </Card>
    </>
  );
}
