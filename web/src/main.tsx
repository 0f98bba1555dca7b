import { App as AntApp, ConfigProvider } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { AppRoutes } from './App.tsx';
import { AuthProvider } from './auth.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { zhCN } from './locale.ts';

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <BrowserRouter basename="/console">
            <ErrorBoundary>
              <AuthProvider>
                <AppRoutes />
              </AuthProvider>
            </ErrorBoundary>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
