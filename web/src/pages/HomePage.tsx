import {
  AuditOutlined,
  BankOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UploadOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Row, Spin, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { MyDay } from '../../../src/modules/cases/contract.ts';
import { api, seg } from '../api.ts';
import { useUser } from '../auth.tsx';
import { AgencyLink } from '../components/AgencyLink.tsx';
import { AgencyRatiosTable } from '../components/AgencyRatiosTable.tsx';
import { MyClocksCard, MyTasksCard, RecentCasesCard } from '../components/home/MyDayCards.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PublicUrlWarning } from '../components/PublicUrlWarning.tsx';
import { ReviewerRatioCard } from '../components/ReviewerRatioCard.tsx';
import { useAsync } from '../hooks.ts';
import { canManageOfficers, canSeeAudit, canSuperviseRecords, isOversight } from '../permissions.ts';
import { regionNameMap, useRegions } from '../reference.ts';
import type { AgencyDetail } from '../types.ts';

export function HomePage() {
  const user = useUser();
  const regions = useRegions();
  const regionName = user.regionCode ? regionNameMap(regions).get(user.regionCode) : undefined;
  // The session names the agency by id only: its name comes from the register, as everywhere else.
  const agency = useAsync(
    (signal) =>
      user.agencyId
        ? api.get<AgencyDetail>(`/api/agencies/${seg(user.agencyId)}`, undefined, signal)
        : Promise.resolve(null),
    user.agencyId ?? '',
  );
  // What the caller can act on today, per role (the server decides what is theirs).
  const day = useAsync((signal) => api.get<MyDay>('/api/cases/my-day', undefined, signal), user.username);

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: user.displayName },
    { key: 'username', label: '用户名', children: user.username },
    { key: 'role', label: '角色', children: <Tag color="blue">{user.roleLabel}</Tag> },
    {
      key: 'agency',
      label: '所属机关',
      children: user.agencyId ? (
        <AgencyLink id={user.agencyId} name={agency.data?.name ?? '查看执法主体'} />
      ) : (
        '—'
      ),
    },
    {
      key: 'region',
      label: '行政区划',
      children: user.regionCode ? `${regionName ?? ''}（${user.regionCode}）` : '—',
    },
  ];

  return (
    <>
      <PageHeader title={`您好，${user.displayName}`} />
      {canManageOfficers(user) || user.role === 'system_admin' ? <PublicUrlWarning /> : null}
      {day.error ? (
        <LoadError error={day.error} onRetry={day.reload} />
      ) : !day.data ? (
        <Spin style={{ display: 'block', margin: '40px 0' }} />
      ) : (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {day.data.view === 'oversight' ? null : (
            <Col xs={24} lg={12}>
              <MyTasksCard view={day.data.view} tasks={day.data.tasks} />
            </Col>
          )}
          <Col xs={24} lg={12}>
            <MyClocksCard view={day.data.view} clocks={day.data.clocks} />
          </Col>
          <Col xs={24} lg={day.data.view === 'oversight' ? 12 : 24}>
            <RecentCasesCard view={day.data.view} recent={day.data.recent} />
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="我的信息" size="small">
            <Descriptions column={1} size="small" items={items} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="快捷入口" size="small">
            <Flex wrap gap={8}>
              <Link to="/officers">
                <Button icon={<TeamOutlined />}>执法人员</Button>
              </Link>
              <Link to="/agencies">
                <Button icon={<BankOutlined />}>执法主体</Button>
              </Link>
              {user.officerId ? (
                <Link to={`/officers/${seg(user.officerId)}`}>
                  <Button icon={<IdcardOutlined />}>我的执法证</Button>
                </Link>
              ) : null}
              <Link to="/devices">
                <Button icon={<VideoCameraOutlined />}>设备登记</Button>
              </Link>
              {canSuperviseRecords(user) ? (
                <Link to="/records/spot-checks">
                  <Button icon={<SafetyCertificateOutlined />}>随机抽查</Button>
                </Link>
              ) : null}
              {canManageOfficers(user) ? (
                <Link to="/import">
                  <Button icon={<UploadOutlined />}>批量导入执法人员</Button>
                </Link>
              ) : null}
              {canSeeAudit(user) ? (
                <Link to="/audit">
                  <Button icon={<AuditOutlined />}>审计日志</Button>
                </Link>
              ) : null}
            </Flex>
          </Card>
        </Col>
        <Col xs={24}>
          {isOversight(user) ? (
            <AgencyRatiosTable />
          ) : user.agencyId ? (
            <ReviewerRatioCard
              agencyId={user.agencyId}
              title={agency.data ? `${agency.data.name} · 法制审核人员占比` : '本机关法制审核人员占比'}
            />
          ) : null}
        </Col>
      </Row>
    </>
  );
}
