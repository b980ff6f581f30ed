import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import type { Action } from '#contracts/actions.ts';
import { AppShell } from './layout/AppShell.tsx';
import { MenuContext, type DomainPages, type MenuEntry, type PageRoute } from './navigation.ts';
import { RouteFocus } from './page.tsx';
import { permissionsOf } from './permissions.ts';
import { useSession } from './session.tsx';
import * as account from './pages/account/routes.tsx';
import * as accounts from './pages/accounts/routes.tsx';
import * as agreements from './pages/agreements/routes.tsx';
import * as appointments from './pages/appointments/routes.tsx';
import * as audit from './pages/audit/routes.tsx';
import * as cases from './pages/cases/routes.tsx';
import * as catalog from './pages/catalog/routes.tsx';
import { publicRoutes } from './pages/auth/routes.tsx';
import * as geo from './pages/geo/routes.tsx';
import * as home from './pages/home/routes.tsx';
import * as network from './pages/network/routes.tsx';
import * as offices from './pages/offices/routes.tsx';
import * as organisations from './pages/organisations/routes.tsx';
import * as regions from './pages/regions/routes.tsx';
import { LoadingPage } from './pages/LoadingPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';

/** Every domain's pages and menu entries; a new domain adds its `routes.tsx` here. */
export const DOMAINS: readonly DomainPages[] = [home, cases, network, organisations, accounts, regions, geo, offices, appointments, agreements, catalog, audit, account];
export const MENU: readonly MenuEntry[] = DOMAINS.flatMap((domain) => domain.menu);

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
    <MenuContext.Provider value={MENU}>
      <AppShell>
        <LanguageFromSession />
        <RouteFocus />
        <Outlet />
      </AppShell>
    </MenuContext.Provider>
  );
}

/** Pages behind the login: a full session, and the action the page needs (else "not found"). */
function RequireSession({ action }: { action: Action | null }) {
  const { data: session, isPending } = useSession();
  const location = useLocation();
  if (isPending) return <LoadingPage />;
  if (!session || session.stage !== 'active') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (action && !permissionsOf(session.me).may(action)) return <NotFoundPage />;
  return <Outlet />;
}

const routeObject = ({ path, index, element }: PageRoute): RouteObject => (index ? { index: true, element } : { path, element });

/** A page behind the login, wrapped in the guard of its action. */
const guarded = (route: PageRoute): RouteObject => ({ element: <RequireSession action={route.action} />, children: [routeObject(route)] });

export function createStaffRouter() {
  return createBrowserRouter(
    [
      {
        element: <Root />,
        children: [...publicRoutes.map(routeObject), ...DOMAINS.flatMap((domain) => domain.routes.map(guarded)), { path: '*', element: <NotFoundPage /> }],
      },
    ],
    { basename: '/app' },
  );
}
