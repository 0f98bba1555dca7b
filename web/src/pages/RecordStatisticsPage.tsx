import { Alert, Button, Card, Col, DatePicker, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { todayInShanghai } from '../caseFormat.ts';
import { AgencySelect } from '../components/AgencySelect.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useAsync } from '../hooks.ts';
import { isOversight } from '../permissions.ts';
import { percent } from '../recordLabels.ts';
import type { UploadStatistics } from '../recordTypes.ts';
import { useUrlQuery } from '../urlState.ts';

const KEYS = ['from', 'to', 'agencyId'] as const;

type AgencyRow = UploadStatistics['agencies'][number];
type OfficerRow = UploadStatistics['officers'][number];

function LateCell({ late, ratio }: { late: number; ratio: number }) {
  return late > 0 ? (
    <Tag color="orange">
      {late}（{percent(ratio)}）
    </Tag>
  ) : (
    <Tag color="green">0</Tag>
  );
}

/**
 * 音像记录统计 (R5): AV records per agency and officer in a period, and how many were uploaded more than
 * 24 hours after they were made.
 */
export function RecordStatisticsPage() {
  const user = useUser();
  const [query, setQuery] = useUrlQuery(KEYS);
  const to = query.to || todayInShanghai();
  const from = query.from || dayjs(to).subtract(1, 'month').add(1, 'day').format('YYYY-MM-DD');
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<UploadStatistics>(
        '/api/records/statistics',
        { from, to, agencyId: query.agencyId || undefined },
        signal,
      ),
    JSON.stringify([from, to, query.agencyId]),
  );
  const agencyName = new Map((data?.agencies ?? []).map((a) => [a.agencyId, a.agencyName]));
  const several = isOversight(user);

  return (
    <>
      <PageHeader title="音像记录统计" extra={<Button onClick={reload}>刷新</Button>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowClear={false}
              value={[dayjs(from), dayjs(to)]}
              onChange={(range) =>
                setQuery({
                  from: range?.[0]?.format('YYYY-MM-DD') ?? null,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? null,
                })
              }
              data-testid="statistics-period"
            />
          </Col>
          {several ? (
            <Col xs={24} md={8}>
              <AgencySelect
                value={query.agencyId || undefined}
                onChange={(agencyId) => setQuery({ agencyId })}
                placeholder="全部执法机关"
              />
            </Col>
          ) : null}
        </Row>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          按拍摄后上传的时间统计：音像记录应在拍摄后24小时内上传存储，超过的予以标记并计入统计。
        </Typography.Paragraph>
      </Card>
      {error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title="按执法机关" size="small">
            <Table<AgencyRow>
              rowKey="agencyId"
              size="small"
              loading={loading}
              dataSource={data?.agencies ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '该期间没有上传记录' }}
              onRow={(a) => ({ 'data-testid': `statistics-agency-${a.agencyId}` }) as object}
              columns={[
                {
                  title: '执法机关',
                  dataIndex: 'agencyName',
                  render: (v: string, a) => <Link to={`/agencies/${seg(a.agencyId)}`}>{v}</Link>,
                },
                { title: '上传记录', dataIndex: 'total' },
                { title: '其中音像记录', dataIndex: 'av' },
                {
                  title: '超过24小时上传',
                  dataIndex: 'late',
                  render: (late: number, a) => <LateCell late={late} ratio={a.lateRatio} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="按执法人员" size="small">
            <Table<OfficerRow>
              rowKey={(o) => `${o.agencyId}|${o.officerId}`}
              size="small"
              loading={loading}
              dataSource={data?.officers ?? []}
              pagination={(data?.officers.length ?? 0) > 50 ? { pageSize: 50 } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '该期间没有音像记录' }}
              columns={[
                {
                  title: '执法人员',
                  dataIndex: 'officerName',
                  render: (v: string | null, o) =>
                    o.officerId ? <Link to={`/officers/${seg(o.officerId)}`}>{v ?? '—'}</Link> : '—',
                },
                ...(several
                  ? [
                      {
                        title: '执法机关',
                        dataIndex: 'agencyId',
                        render: (v: string) => agencyName.get(v) ?? '—',
                      },
                    ]
                  : []),
                { title: '音像记录', dataIndex: 'av' },
                {
                  title: '超过24小时上传',
                  dataIndex: 'late',
                  render: (late: number, o: OfficerRow) => <LateCell late={late} ratio={o.lateRatio} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
