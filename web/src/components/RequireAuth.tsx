import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import type { User } from '../types.ts';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) {
    return (
      <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (!user) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <>{children}</>;
}

/** Hides a page from roles that may not use it (the server refuses them anyway). */
export function RequireRole({ allow, children }: { allow: (u: User) => boolean; children: ReactNode }) {
  const { user } = useAuth();
  if (!user || !allow(user)) {
    return <Result status="403" title="无权访问" subTitle="您的角色不能使用此功能。" />;
  }
  return <>{children}</>;
}
