import { DownOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Layout, Space, Tag, Typography } from 'antd';
import { useAuth, useUser } from '../auth.tsx';
import { useShowError } from '../hooks.ts';

export function AppHeader({ mobile, onOpenMenu }: { mobile: boolean; onOpenMenu: () => void }) {
  const user = useUser();
  const { logout } = useAuth();
  const { modal } = App.useApp();
  const showError = useShowError();

  const doLogout = (everywhere: boolean) => {
    logout(everywhere).catch(showError);
  };
  const confirmLogoutAll = () => {
    modal.confirm({
      title: '退出所有设备？',
      content: '您在所有浏览器和设备上的登录都将失效，需要重新登录。',
      okText: '全部退出',
      cancelText: '取消',
      onOk: () => doLogout(true),
    });
  };

  const who = (
    <Space size={4} data-testid="current-user">
      <UserOutlined />
      <Typography.Text
        strong
        ellipsis
        style={{ maxWidth: mobile ? 90 : 200, verticalAlign: 'middle', lineHeight: 'normal' }}
      >
        {user.displayName}
      </Typography.Text>
      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
        {user.roleLabel}
      </Tag>
    </Space>
  );

  return (
    <Layout.Header
      style={{
        background: '#fff',
        padding: mobile ? '0 12px' : '0 24px',
        borderBottom: '1px solid #f0f0f0',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={8}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {mobile ? (
            <Button type="text" icon={<MenuOutlined />} onClick={onOpenMenu} aria-label="打开菜单" />
          ) : null}
          <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
            {mobile ? '明镜' : '明镜 · 行政执法管理端'}
          </Typography.Text>
        </Flex>
        {mobile ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: <span data-testid="logout">退出登录</span>,
                },
                { key: 'logout-all', label: <span data-testid="logout-all">退出所有设备</span> },
              ],
              onClick: ({ key }) => (key === 'logout' ? doLogout(false) : confirmLogoutAll()),
            }}
          >
            <Button type="text" style={{ paddingInline: 4 }}>
              {who}
              <DownOutlined />
            </Button>
          </Dropdown>
        ) : (
          <Flex align="center" gap={12}>
            {who}
            <Button icon={<LogoutOutlined />} onClick={() => doLogout(false)} data-testid="logout">
              退出登录
            </Button>
            <Button onClick={confirmLogoutAll} data-testid="logout-all">
              退出所有设备
            </Button>
          </Flex>
        )}
      </Flex>
    </Layout.Header>
  );
}
