import { ArrowLeftOutlined, FolderOpenOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Row,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { formatInstant } from '../caseFormat.ts';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { CoverageSummary } from '../components/records/CoverageSummary.tsx';
import { useAsync, useShowError } from '../hooks.ts';
import { SPOT_CHECK_RESULT_LABELS } from '../recordLabels.ts';
import type { CoverageReport, SpotCheckDetail, SpotCheckItem, SpotCheckResult } from '../recordTypes.ts';

interface ReviewValues {
  result: SpotCheckResult;
  finding?: string;
}

/** 抽查结论 for one sampled file: 规范 / 不规范, and what was wrong (required when 不规范). */
function ReviewForm({
  checkId,
  item,
  onDone,
}: {
  checkId: string;
  item: SpotCheckItem;
  onDone: (answer: SpotCheckDetail) => void;
}) {
  const [form] = Form.useForm<ReviewValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  const result = Form.useWatch('result', form);

  const submit = async (v: ReviewValues) => {
    setSaving(true);
    try {
      const answer = await api.post<SpotCheckDetail>(
        `/api/spot-checks/${seg(checkId)}/items/${seg(item.caseFileId)}`,
        { result: v.result, finding: v.finding?.trim() || null },
      );
      void message.success('已登记抽查结论');
      onDone(answer);
    } catch (e) {
      showError(e, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ReviewValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      style={{ marginTop: 8 }}
      data-testid={`spot-check-review-${item.caseFileId}`}
    >
      <Form.Item label="抽查结论" name="result" rules={[{ required: true, message: '请选择抽查结论' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(Object.keys(SPOT_CHECK_RESULT_LABELS) as SpotCheckResult[]).map((k) => ({
            value: k,
            label: SPOT_CHECK_RESULT_LABELS[k],
          }))}
        />
      </Form.Item>
      <Form.Item
        label="发现的问题"
        name="finding"
        rules={[
          {
            required: result === 'nonconforming',
            whitespace: true,
            message: '结论为不规范时须写明发现的问题',
          },
        ]}
      >
        <Input.TextArea
          rows={2}
          maxLength={2000}
          placeholder={result === 'nonconforming' ? '如：缺少现场检查的音像记录' : '可填写抽查意见（选填）'}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        登记结论
      </Button>
    </Form>
  );
}

/** One spot check: its sample, a finding per file, and the period's coverage against the requirement. */
export function SpotCheckDetailPage() {
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<SpotCheckDetail>(`/api/spot-checks/${seg(id)}`, undefined, signal),
    id,
  );
  const [changed, setChanged] = useState<SpotCheckDetail | null>(null);
  const s = changed?.id === id ? changed : data;
  // The required share itself (the detail gives the required number of files only).
  const { data: report } = useAsync(
    (signal) =>
      s
        ? api.get<CoverageReport>(
            '/api/spot-checks/coverage',
            { agencyId: s.agencyId, periodFrom: s.periodFrom, periodTo: s.periodTo },
            signal,
          )
        : Promise.resolve(undefined),
    s ? `${s.agencyId}|${s.periodFrom}|${s.periodTo}|${s.coverage.reviewed}` : '',
  );

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!s || (loading && s.id !== id)) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  return (
    <>
      <PageHeader
        title={<span data-testid="spot-check-title">随机抽查：{s.agencyName}</span>}
        tags={<Tag>{`${s.periodFrom} 至 ${s.periodTo}`}</Tag>}
        extra={
          <Link to="/records/spot-checks">
            <Button icon={<ArrowLeftOutlined />}>抽查列表</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title="覆盖率" size="small">
            <CoverageSummary
              coverage={s.coverage}
              minCoverage={report?.minCoverage}
              late={report?.late}
              sample={s.items.length}
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
              组织于 {formatInstant(s.createdAt)}。覆盖率按期间内所有抽查已出结论的案卷计算。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={`抽查样本（${s.items.length} 件）`} size="small">
            {s.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有样本" />
            ) : (
              <List
                dataSource={s.items}
                renderItem={(i) => (
                  <List.Item data-testid={`spot-check-item-${i.caseFileId}`} style={{ paddingInline: 0 }}>
                    <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                      <Flex wrap gap={8} align="center">
                        <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                          {i.caseId ? (
                            <Link to={`/cases/${seg(i.caseId)}`}>{i.caseTitle ?? '案件'}</Link>
                          ) : (
                            (i.caseTitle ?? '—')
                          )}
                        </Typography.Text>
                        {i.result ? (
                          <Tag color={i.result === 'conforming' ? 'green' : 'red'}>{i.resultLabel}</Tag>
                        ) : (
                          <Tag color="orange">待出结论</Tag>
                        )}
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        归档锁定：{formatInstant(i.lockedAt)}
                        {i.reviewedAt ? ` · 结论登记：${formatInstant(i.reviewedAt)}` : ''}
                      </Typography.Text>
                      {i.finding ? (
                        <Typography.Text style={{ wordBreak: 'break-word' }}>
                          <Typography.Text type="secondary">问题/意见：</Typography.Text>
                          {i.finding}
                        </Typography.Text>
                      ) : null}
                      {i.caseId ? (
                        <Link to={`/cases/${seg(i.caseId)}/file`}>
                          <FolderOpenOutlined /> 查看案卷
                        </Link>
                      ) : null}
                      {i.result ? null : <ReviewForm checkId={s.id} item={i} onDone={setChanged} />}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
