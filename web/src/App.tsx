import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { AppLayout } from './components/AppLayout.tsx';
import { RequireAuth, RequireRole } from './components/RequireAuth.tsx';
import { canManageOfficers, canOpenCases, canSeeAudit, canSuperviseRecords } from './permissions.ts';

// One chunk per page; antd itself lands in a shared chunk.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./pages/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const RegionsPage = lazy(() => import('./pages/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const AgencyListPage = lazy(() =>
  import('./pages/AgencyListPage.tsx').then((m) => ({ default: m.AgencyListPage })),
);
const AgencyDetailPage = lazy(() =>
  import('./pages/AgencyDetailPage.tsx').then((m) => ({ default: m.AgencyDetailPage })),
);
const AgencyFormPage = lazy(() =>
  import('./pages/AgencyFormPage.tsx').then((m) => ({ default: m.AgencyFormPage })),
);
const OfficerListPage = lazy(() =>
  import('./pages/OfficerListPage.tsx').then((m) => ({ default: m.OfficerListPage })),
);
const OfficerDetailPage = lazy(() =>
  import('./pages/OfficerDetailPage.tsx').then((m) => ({ default: m.OfficerDetailPage })),
);
const OfficerFormPage = lazy(() =>
  import('./pages/OfficerFormPage.tsx').then((m) => ({ default: m.OfficerFormPage })),
);
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const CaseListPage = lazy(() =>
  import('./pages/CaseListPage.tsx').then((m) => ({ default: m.CaseListPage })),
);
const CaseNewPage = lazy(() => import('./pages/CaseNewPage.tsx').then((m) => ({ default: m.CaseNewPage })));
const CaseDetailPage = lazy(() =>
  import('./pages/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })),
);
const ReviewTrailPage = lazy(() =>
  import('./pages/ReviewTrailPage.tsx').then((m) => ({ default: m.ReviewTrailPage })),
);
const CaseFilePage = lazy(() =>
  import('./pages/CaseFilePage.tsx').then((m) => ({ default: m.CaseFilePage })),
);
const DeviceListPage = lazy(() =>
  import('./pages/DeviceListPage.tsx').then((m) => ({ default: m.DeviceListPage })),
);
const DeviceDetailPage = lazy(() =>
  import('./pages/DeviceDetailPage.tsx').then((m) => ({ default: m.DeviceDetailPage })),
);
const RecordAccessPage = lazy(() =>
  import('./pages/RecordAccessPage.tsx').then((m) => ({ default: m.RecordAccessPage })),
);
const RecordStatisticsPage = lazy(() =>
  import('./pages/RecordStatisticsPage.tsx').then((m) => ({ default: m.RecordStatisticsPage })),
);
const SpotCheckListPage = lazy(() =>
  import('./pages/SpotCheckListPage.tsx').then((m) => ({ default: m.SpotCheckListPage })),
);
const SpotCheckDetailPage = lazy(() =>
  import('./pages/SpotCheckDetailPage.tsx').then((m) => ({ default: m.SpotCheckDetailPage })),
);
const ReviewListPage = lazy(() =>
  import('./pages/ReviewListPage.tsx').then((m) => ({ default: m.ReviewListPage })),
);
const PublicationListPage = lazy(() =>
  import('./pages/PublicationListPage.tsx').then((m) => ({ default: m.PublicationListPage })),
);
const AuditPage = lazy(() => import('./pages/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={null}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="agencies" element={<AgencyListPage />} />
        <Route path="agencies/new" element={<AgencyFormPage />} />
        <Route path="agencies/:id" element={<AgencyDetailPage />} />
        <Route path="agencies/:id/edit" element={<AgencyFormPage />} />
        <Route path="officers" element={<OfficerListPage />} />
        <Route path="officers/new" element={<OfficerFormPage />} />
        <Route path="officers/:id" element={<OfficerDetailPage />} />
        <Route path="officers/:id/edit" element={<OfficerFormPage />} />
        <Route path="cases" element={<CaseListPage />} />
        <Route
          path="cases/new"
          element={
            <RequireRole allow={canOpenCases}>
              <CaseNewPage />
            </RequireRole>
          }
        />
        <Route path="cases/:id" element={<CaseDetailPage />} />
        <Route path="cases/:id/file" element={<CaseFilePage />} />
        <Route path="cases/:id/review-trail" element={<ReviewTrailPage />} />
        <Route path="reviews" element={<ReviewListPage />} />
        <Route path="publications" element={<PublicationListPage />} />
        <Route path="devices" element={<DeviceListPage />} />
        <Route path="devices/:id" element={<DeviceDetailPage />} />
        <Route
          path="records"
          element={
            <RequireRole allow={canSuperviseRecords}>
              <Outlet />
            </RequireRole>
          }
        >
          <Route index element={<Navigate to="spot-checks" replace />} />
          <Route path="spot-checks" element={<SpotCheckListPage />} />
          <Route path="spot-checks/:id" element={<SpotCheckDetailPage />} />
          <Route path="statistics" element={<RecordStatisticsPage />} />
          <Route path="access" element={<RecordAccessPage />} />
        </Route>
        <Route
          path="import"
          element={
            <RequireRole allow={(u) => canManageOfficers(u)}>
              <ImportPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole allow={canSeeAudit}>
              <AuditPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
