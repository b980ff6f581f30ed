import type { Role } from '#web/staff/session.tsx';

// i18n-keys: staff:nav.*
export interface NavItem {
  to: string;
  /** Key in the `staff` namespace. */
  label: string;
}

const home: NavItem = { to: '/', label: 'nav.home' };
const organisations: NavItem = { to: '/organisations', label: 'nav.organisations' };
const accounts: NavItem = { to: '/accounts', label: 'nav.accounts' };
const regionsAdmin: NavItem = { to: '/regions', label: 'nav.regionsAndQuarters' };
const regions: NavItem = { to: '/regions', label: 'nav.regions' };
const offices: NavItem = { to: '/offices', label: 'nav.offices' };
const agreements: NavItem = { to: '/service-agreements', label: 'nav.serviceAgreements' };
const audit: NavItem = { to: '/audit', label: 'nav.audit' };
const myAccount: NavItem = { to: '/account', label: 'nav.myAccount' };

/** The navigation of each role; every route a role may open is listed here (or in SUB_PAGES). */
export function navigationFor(role: Role): NavItem[] {
  switch (role) {
    case 'city_admin':
      return [home, organisations, accounts, regionsAdmin, offices, agreements, audit, myAccount];
    case 'city_coordinator':
      return [home, regions, offices, agreements, myAccount];
    case 'evaluator':
      return [home, regions, myAccount];
    case 'provider_admin':
      return [home, accounts, audit, regions, offices, myAccount];
    case 'social_worker':
      return [home, regions, offices, myAccount];
  }
}

/** Pages below a navigation item that only some of its roles may open. */
const SUB_PAGES: Record<string, readonly Role[]> = {
  '/offices/setup': ['provider_admin'],
  '/offices/calendar': ['provider_admin', 'social_worker'],
  '/regions/geodata': ['city_admin'],
};

export function mayOpen(role: Role, path: string): boolean {
  const sub = SUB_PAGES[path];
  if (sub) return sub.includes(role);
  return navigationFor(role).some((item) => item.to === path);
}
