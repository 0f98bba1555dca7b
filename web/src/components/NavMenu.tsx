import {
  AuditOutlined,
  BankOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  HomeOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useUser } from '../auth.tsx';
import { canManageOfficers, canSeeAudit } from '../permissions.ts';

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
  if (canManageOfficers(user)) items.push({ key: '/import', icon: <UploadOutlined />, label: '批量导入' });
  if (canSeeAudit(user)) items.push({ key: '/audit', icon: <AuditOutlined />, label: '审计日志' });

  const first = location.pathname.split('/')[1] ?? '';
  const selected = first ? `/${first}` : '/';
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
