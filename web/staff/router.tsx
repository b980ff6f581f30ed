import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppShell } from './layout/AppShell.tsx';
import { mayOpen } from './layout/nav.ts';
import { RouteFocus } from './page.tsx';
import { useSession } from './session.tsx';
import { LoginPage } from './pages/auth/LoginPage.tsx';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { MyAccountPage } from './pages/account/MyAccountPage.tsx';
import { OrganisationsPage } from './pages/organisations/OrganisationsPage.tsx';
import { AccountsPage } from './pages/accounts/AccountsPage.tsx';
import { RegionsPage } from './pages/regions/RegionsPage.tsx';
import { AgreementsPage } from './pages/agreements/AgreementsPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { OfficesPage } from './pages/offices/OfficesPage.tsx';
import { OfficePage } from './pages/offices/OfficePage.tsx';
import { CalendarPage } from './pages/appointments/CalendarPage.tsx';
import { SetupPage } from './pages/appointments/SetupPage.tsx';
import { GeoImportPage } from './pages/geo/GeoImportPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { LoadingPage } from './pages/LoadingPage.tsx';

/** Keeps the language of the UI in step with the signed-in staff member's preference. */
function LanguageFromSession() {
  const { data: session } = useSession();
  const { i18n } = useTranslation();
  const locale = session?.me.locale;
  useEffect(() => {
    if (locale && i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  return null;
}

function Root() {
  return (
    <AppShell>
      <LanguageFromSession />
      <RouteFocus />
      <Outlet />
    </AppShell>
  );
}

/** Pages behind the login: a full session, and a role whose navigation lists the page. */
function RequireSession({ path }: { path?: string }) {
  const { data: session, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <LoadingPage />;
  if (!session || session.stage !== 'active') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (path && !mayOpen(session.me.role, path)) return <NotFoundPage />;
  return <Outlet />;
}

export function createStaffRouter() {
  return createBrowserRouter(
    [
      {
        element: <Root />,
        children: [
          { path: 'login', element: <LoginPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          {
            element: <RequireSession />,
            children: [
              { index: true, element: <HomePage /> },
              { path: 'account', element: <MyAccountPage /> },
            ],
          },
          { element: <RequireSession path="/organisations" />, children: [{ path: 'organisations', element: <OrganisationsPage /> }] },
          { element: <RequireSession path="/accounts" />, children: [{ path: 'accounts', element: <AccountsPage /> }] },
          { element: <RequireSession path="/regions" />, children: [{ path: 'regions', element: <RegionsPage /> }] },
          {
            element: <RequireSession path="/offices" />,
            children: [
              { path: 'offices', element: <OfficesPage /> },
              { path: 'offices/:id', element: <OfficePage /> },
            ],
          },
          { element: <RequireSession path="/offices/calendar" />, children: [{ path: 'offices/:id/calendar', element: <CalendarPage /> }] },
          { element: <RequireSession path="/offices/setup" />, children: [{ path: 'offices/:id/setup', element: <SetupPage /> }] },
          { element: <RequireSession path="/regions/geodata" />, children: [{ path: 'regions/geodata', element: <GeoImportPage /> }] },
          { element: <RequireSession path="/service-agreements" />, children: [{ path: 'service-agreements', element: <AgreementsPage /> }] },
          { element: <RequireSession path="/audit" />, children: [{ path: 'audit', element: <AuditPage /> }] },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename: '/app' },
  );
}
