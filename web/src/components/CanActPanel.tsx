import { Alert, Button, Card, Col, DatePicker, Form, List, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, seg } from '../api.ts';
import { useShowError } from '../hooks.ts';
import { useCategories } from '../reference.ts';
import type { CanActAnswer, Officer } from '../types.ts';
import { RegionSelect } from './RegionSelect.tsx';

interface Values {
  category: string;
  regionCode: string;
  date: Dayjs;
}

/** 执法资格核验: may this officer act in this category, region and date (`GET /api/officers/:id/can-act`). */
export function CanActPanel({ officer }: { officer: Officer }) {
  const categories = useCategories();
  const [form] = Form.useForm<Values>();
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<CanActAnswer | null>(null);
  const showError = useShowError();

  // The officer's own categories first.
  const own = new Set(officer.categories ?? []);
  const options = [...categories]
    .sort((a, b) => Number(own.has(b.code)) - Number(own.has(a.code)))
    .map((c) => ({ value: c.code, label: own.has(c.code) ? `${c.name}（持证类别）` : c.name }));

  const onFinish = async (v: Values) => {
    setChecking(true);
    setAnswer(null);
    try {
      const a = await api.get<CanActAnswer>(`/api/officers/${seg(officer.id)}/can-act`, {
        category: v.category,
        regionCode: v.regionCode,
        date: v.date.format('YYYY-MM-DD'),
      });
      setAnswer(a);
    } catch (e) {
      showError(e, form);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card title="执法资格核验" size="small">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          category: officer.categories?.[0],
          regionCode: officer.enforcementRegionCode ?? undefined,
          date: dayjs(),
        }}
        onValuesChange={() => setAnswer(null)}
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              label="执法类别"
              name="category"
              rules={[{ required: true, message: '请选择执法类别' }]}
            >
              <Select options={options} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="执法区域"
              name="regionCode"
              rules={[{ required: true, message: '请选择行政区划' }]}
            >
              <RegionSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={checking} data-testid="can-act-submit">
          核验
        </Button>
      </Form>
      {answer ? (
        <Alert
          style={{ marginTop: 12 }}
          type={answer.allowed ? 'success' : 'error'}
          showIcon
          data-testid="can-act-result"
          title={answer.allowed ? '可以执法：证件覆盖该类别、区域和日期' : '不得执法'}
          description={
            answer.reasons.length > 0 ? (
              <List
                size="small"
                dataSource={answer.reasons}
                renderItem={(r) => <List.Item style={{ paddingInline: 0 }}>{r.message}</List.Item>}
              />
            ) : null
          }
        />
      ) : null}
    </Card>
  );
}
