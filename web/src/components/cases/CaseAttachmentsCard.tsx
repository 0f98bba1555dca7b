import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, seg } from '../../api.ts';
import { formatInstant } from '../../caseFormat.ts';
import { AV_STEP_LABELS, AV_STEPS } from '../../caseLabels.ts';
import type { CaseAttachment, CaseDetail } from '../../caseTypes.ts';
import { useShowError } from '../../hooks.ts';

interface Values {
  stepKey: string;
  isAv: boolean;
  title: string;
  capturedAt?: Dayjs;
}

/** The steps an AV record can belong to: those the current actions need first, then the procedure's. */
function stepOptions(c: CaseDetail) {
  const needed = c.actions.map((a) => a.av?.step).filter((s): s is string => Boolean(s));
  const all = AV_STEPS[c.procedure].length ? AV_STEPS[c.procedure] : Object.keys(AV_STEP_LABELS);
  return [...new Set([...needed, ...all])].map((s) => ({
    value: s,
    label: needed.includes(s) ? `${AV_STEP_LABELS[s] ?? s}（当前环节）` : (AV_STEP_LABELS[s] ?? s),
  }));
}

/** 附件/音像记录: the register of evidence per step, and a small form to add one. */
export function CaseAttachmentsCard({
  c,
  canAdd,
  onAdded,
}: {
  c: CaseDetail;
  canAdd: boolean;
  onAdded: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  const options = stepOptions(c);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      await api.post(`/api/cases/${seg(c.id)}/attachments`, {
        stepKey: v.stepKey,
        isAv: v.isAv,
        title: v.title.trim(),
        ...(v.capturedAt ? { capturedAt: v.capturedAt.toISOString() } : {}),
      });
      void message.success('已登记');
      form.resetFields();
      onAdded();
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="附件/音像记录" size="small">
      <Table<CaseAttachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.attachments}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未登记附件' }}
        columns={[
          { title: '环节', dataIndex: 'stepKey', render: (s: string) => AV_STEP_LABELS[s] ?? s },
          { title: '说明', dataIndex: 'title' },
          {
            title: '类型',
            dataIndex: 'isAv',
            render: (v: boolean) => (v ? <Tag color="red">音像记录</Tag> : <Tag>附件</Tag>),
          },
          { title: '拍摄时间', dataIndex: 'capturedAt', render: (v: string | null) => formatInstant(v) },
        ]}
      />
      {canAdd ? (
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={{ isAv: true, stepKey: options[0]?.value }}
          onFinish={(v) => void onFinish(v)}
        >
          <Row gutter={12}>
            <Col xs={24} sm={16}>
              <Form.Item label="环节" name="stepKey" rules={[{ required: true, message: '请选择环节' }]}>
                <Select options={options} data-testid="attachment-step" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item label="音像记录" name="isAv" valuePropName="checked">
                <Switch data-testid="attachment-av" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                label="说明"
                name="title"
                rules={[{ required: true, whitespace: true, message: '请填写说明' }]}
              >
                <Input
                  maxLength={200}
                  placeholder="如：执法记录仪视频 0301-01"
                  data-testid="attachment-title"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item label="拍摄时间" name="capturedAt">
                <DatePicker showTime style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} style={{ display: 'flex', alignItems: 'end' }}>
              <Form.Item>
                <Button htmlType="submit" loading={saving} data-testid="attachment-submit">
                  登记
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : null}
    </Card>
  );
}
