import {
  AuditOutlined,
  BankOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UploadOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useUser } from '../auth.tsx';
import {
  canManageOfficers,
  canSeeAudit,
  canSuperviseRecords,
  canUsePublicationDesk,
  canUseReviewWorkbench,
} from '../permissions.ts';

type Item = NonNullable<MenuProps['items']>[number];

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const user = useUser();
  const navigate = useNavigate();
  const location = useLocation();
  const items: Item[] = [
    { key: '/', icon: <HomeOutlined />, label: '首页' },
    { key: '/regions', icon: <EnvironmentOutlined />, label: '行政区划' },
    { key: '/agencies', icon: <BankOutlined />, label: '执法主体' },
    { key: '/officers', icon: <TeamOutlined />, label: '执法人员' },
    { key: '/cases', icon: <FileSearchOutlined />, label: <span data-testid="nav-cases">案件办理</span> },
  ];
  if (canUseReviewWorkbench(user))
    items.push({
      key: '/reviews',
      icon: <ScheduleOutlined />,
      label: <span data-testid="nav-reviews">法制审核</span>,
    });
  if (canUsePublicationDesk(user))
    items.push({
      key: '/publications',
      icon: <GlobalOutlined />,
      label: <span data-testid="nav-publications">执法公示</span>,
    });
  items.push({
    key: '/devices',
    icon: <VideoCameraOutlined />,
    label: <span data-testid="nav-devices">设备登记</span>,
  });
  if (canSuperviseRecords(user))
    items.push({
      key: 'records',
      icon: <SafetyCertificateOutlined />,
      label: '记录监督',
      children: [
        { key: '/records/spot-checks', label: <span data-testid="nav-spot-checks">随机抽查</span> },
        { key: '/records/statistics', label: <span data-testid="nav-record-statistics">音像记录统计</span> },
        { key: '/records/access', label: <span data-testid="nav-record-access">调阅日志</span> },
      ],
    });
  if (canManageOfficers(user)) items.push({ key: '/import', icon: <UploadOutlined />, label: '批量导入' });
  if (canSeeAudit(user)) items.push({ key: '/audit', icon: <AuditOutlined />, label: '审计日志' });

  const [, first = '', second = ''] = location.pathname.split('/');
  const selected = first === 'records' ? `/records/${second}` : first ? `/${first}` : '/';
  // The supervision group opens on its pages: the menu is remounted when one is entered or left.
  const inRecords = first === 'records';
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      key={inRecords ? 'records' : 'main'}
      defaultOpenKeys={inRecords ? ['records'] : []}
      items={items}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
