import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { api } from '#web/staff/api.ts';
import { SESSION_KEY, useSession } from '#web/staff/session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useMenu, visibleMenu } from '#web/staff/navigation.ts';
import { permissionsOf } from '#web/staff/permissions.ts';

/** Skip link, header (organisation, language, log out), the navigation the permitted actions open, main, footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const me = session?.stage === 'active' ? session.me : null;
  const menu = useMenu();

  const logOut = async () => {
    try {
      await api('POST /api/auth/logout');
    } finally {
      client.clear();
      client.setQueryData(SESSION_KEY, null);
      await navigate('/login');
    }
  };

  return (
    <>
      <a className="staff-skip-link kern-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="staff-header">
        <div className="staff-header__bar">
          <p className="staff-header__brand">
            <span className="staff-header__name">{t('app.name')}</span>
            {me ? <span className="staff-header__org">{me.organisation.name}</span> : <span className="staff-header__org">{t('app.tagline')}</span>}
          </p>
          <div className="staff-header__tools">
            <LanguageSwitch />
            {me ? (
              <>
                <span className="staff-header__user">{t('app.signedInAs', { name: me.displayName })}</span>
                <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={() => void logOut()}>
                  <span className="kern-icon kern-icon--logout" aria-hidden="true" />
                  <span className="kern-label">{t('app.logout')}</span>
                </button>
              </>
            ) : null}
          </div>
        </div>
        {me ? (
          <nav className="staff-nav" aria-label={t('nav.label')}>
            <ul className="staff-nav__list">
              {visibleMenu(menu, permissionsOf(me).may).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end className="staff-nav__link">
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="staff-main">
        {children}
      </main>
      <footer className="staff-footer">
        <p className="kern-body kern-body--small">{t('app.footer')}</p>
      </footer>
    </>
  );
}
