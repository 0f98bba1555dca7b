import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Row, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, type MouseEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { formatInstant, todayInShanghai } from '../caseFormat.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { CoverageSummary } from '../components/records/CoverageSummary.tsx';
import { useAsync, useShowError } from '../hooks.ts';
import type { CoverageReport, Created, SpotCheckList, SpotCheckListItem } from '../recordTypes.ts';

interface Values {
  agencyId?: string;
  period?: [Dayjs, Dayjs];
}

/** The form that draws a new random sample, with the period's coverage so far. */
function NewSpotCheckCard({ onCreated }: { onCreated: (id: string) => void }) {
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  const ownAgency = user.role !== 'supervisor' ? user.agencyId : null;
  const agencyId = (Form.useWatch('agencyId', form) as string | undefined) ?? ownAgency ?? undefined;
  const period = Form.useWatch('period', form) as [Dayjs, Dayjs] | undefined;
  const periodFrom = period?.[0]?.format('YYYY-MM-DD');
  const periodTo = period?.[1]?.format('YYYY-MM-DD');
  const coverage = useAsync(
    (signal) =>
      agencyId && periodFrom && periodTo
        ? api.get<CoverageReport>('/api/spot-checks/coverage', { agencyId, periodFrom, periodTo }, signal)
        : Promise.resolve(undefined),
    JSON.stringify([agencyId, periodFrom, periodTo]),
  );

  const submit = async (v: Values) => {
    const id = v.agencyId ?? ownAgency;
    if (!id || !v.period) return;
    setSaving(true);
    try {
      const answer = await api.post<Created>('/api/spot-checks', {
        agencyId: id,
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
      });
      void message.success('已随机抽取样本');
      onCreated(answer.id);
    } catch (e) {
      showError(e, form, (field) => (field === 'agencyId' ? ['agencyId'] : ['period']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="组织随机抽查" size="small" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        从期间内已归档锁定的案卷中随机抽取样本（系统随机数，任何人不能指定），样本数不少于规定的抽查比例。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ period: [dayjs(todayInShanghai()).startOf('month'), dayjs(todayInShanghai())] }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={12}>
          {ownAgency ? null : (
            <Col xs={24} md={10}>
              <Form.Item
                label="执法机关"
                name="agencyId"
                rules={[{ required: true, message: '请选择执法机关' }]}
              >
                <AgencySelect />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={10}>
            <Form.Item
              label="抽查期间（按归档时间）"
              name="period"
              rules={[{ required: true, message: '请选择期间' }]}
            >
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="spot-check-period" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4} style={{ display: 'flex', alignItems: 'end' }}>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<ExperimentOutlined />}
                loading={saving}
                data-testid="spot-check-create"
              >
                随机抽取
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {coverage.error ? <Alert type="warning" showIcon title={coverage.error.message} /> : null}
      {coverage.data ? (
        <CoverageSummary
          coverage={coverage.data}
          minCoverage={coverage.data.minCoverage}
          late={coverage.data.late}
        />
      ) : null}
    </Card>
  );
}

/** 随机抽查 (R9): the spot checks of the agencies in scope, and a new one. */
export function SpotCheckListPage() {
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<SpotCheckList>('/api/spot-checks', undefined, signal),
    'list',
  );
  const openRow = (s: SpotCheckListItem) => (e: MouseEvent) => {
    if (e.target instanceof Element && e.target.closest('a,button')) return;
    void navigate(`/records/spot-checks/${seg(s.id)}`);
  };

  return (
    <>
      <PageHeader title="随机抽查" extra={<Button onClick={reload}>刷新</Button>} />
      <NewSpotCheckCard onCreated={(id) => void navigate(`/records/spot-checks/${seg(id)}`)} />
      <Card title="抽查记录" size="small">
        {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
        <Table<SpotCheckListItem>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={(data?.items.length ?? 0) > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚未组织抽查' }}
          onRow={(s) =>
            ({
              'data-testid': `spot-check-row-${s.id}`,
              onClick: openRow(s),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: '抽查期间',
              key: 'period',
              render: (_, s) => (
                <Link to={`/records/spot-checks/${seg(s.id)}`} style={{ whiteSpace: 'nowrap' }}>
                  {s.periodFrom} 至 {s.periodTo}
                </Link>
              ),
            },
            { title: '执法机关', dataIndex: 'agencyName', render: (v: string | null) => v ?? '—' },
            { title: '期间归档', dataIndex: 'population', render: (v: number) => `${v} 件` },
            { title: '样本', dataIndex: 'sampled', render: (v: number) => `${v} 件` },
            {
              title: '已出结论',
              key: 'reviewed',
              render: (_, s) =>
                s.reviewed >= s.sampled ? (
                  <Typography.Text type="success">{`${s.reviewed} / ${s.sampled}`}</Typography.Text>
                ) : (
                  <Typography.Text type="warning">{`${s.reviewed} / ${s.sampled}`}</Typography.Text>
                ),
            },
            {
              title: '组织时间',
              dataIndex: 'createdAt',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(v)}</span>,
            },
          ]}
        />
      </Card>
    </>
  );
}
