import { Drawer, Grid, Layout, Spin } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation } from 'react-router-dom';
import { AppHeader } from './AppHeader.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { NavMenu } from './NavMenu.tsx';

function Brand({ collapsed }: { collapsed: boolean }) {
  return (
    <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 0', textAlign: 'center' }}>
      {collapsed ? '明镜' : '明镜 管理端'}
    </div>
  );
}

export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={220}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
          <Brand collapsed={collapsed} />
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader mobile={mobile} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content style={{ padding: mobile ? 12 : 24, minWidth: 0 }}>
          {/* Inside the layout: the menu stays usable when one page fails. */}
          <ErrorBoundary resetKey={pathname}>
            <Suspense
              fallback={
                <div style={{ textAlign: 'center', paddingTop: 80 }}>
                  <Spin />
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
