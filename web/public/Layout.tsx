import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTONYMS, PUBLIC_LOCALES, directionOf, type PublicLocale } from './i18n.tsx';
import { ASSET_PREFIX, pagePath, type PageId } from './pages.ts';
import { EasyLanguageLink } from './parts.tsx';

interface LayoutProps {
  lang: PublicLocale;
  /** The page shown, for the language switch (the same page in each language). */
  page: PageId;
  /** The page's h1, also the document title. */
  title: string;
  /** For pages outside PAGE_SLUGS (offices, booking): the same page's path in another language. */
  paths?: (lang: PublicLocale) => string;
  /** Load the small progressive-enhancement script (served from 'self'; the page works without it). */
  enhance?: boolean;
  /** The form on the page has errors: the document title says so first (GOV.UK pattern). */
  hasErrors?: boolean;
  /** Keep the page out of search engines (booking steps, pages reached by a personal link). */
  noindex?: boolean;
  children: ReactNode;
}

/** The configured public address (no trailing slash) the language alternates are absolute against; '' lists none. */
const PublicUrlContext = createContext('');
export const PublicUrl = PublicUrlContext.Provider;

/**
 * The same page in every public language for search engines (hreflang): absolute URLs, the page
 * itself among them, and x-default for a visitor whose language is none of them — the start page's
 * is `/` (it redirects by the browser's language), every other page's the German source.
 */
function LanguageAlternates({ page, samePage, startPage }: { page: PageId; samePage: (l: PublicLocale) => string; startPage: boolean }) {
  const base = useContext(PublicUrlContext);
  if (!base || page === 'notFound') return null;
  return (
    <>
      {PUBLIC_LOCALES.map((l) => (
        <link key={l} rel="alternate" hrefLang={l} href={`${base}${samePage(l)}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${base}${startPage ? '/' : samePage('de')}`} />
    </>
  );
}

/** The frame of every public page: skip link, header with language switch, main, footer. No script. */
export function Layout({ lang, page, title, paths, enhance, noindex, hasErrors, children }: LayoutProps) {
  const { t } = useTranslation('public');
  const dir = directionOf(lang);
  const suffix = dir === 'rtl' ? '.rtl' : '';
  const samePage = (l: PublicLocale) => (paths ? paths(l) : page === 'notFound' ? pagePath(l, 'start') : pagePath(l, page));
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasErrors ? `${t('booking:form.errorPrefix')} ` : ''}${title} – ${t('layout.siteName')}`}</title>
        <meta name="description" content={t('layout.description')} />
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={`${ASSET_PREFIX}kern${suffix}.css`} />
        <link rel="stylesheet" href={`${ASSET_PREFIX}public${suffix}.css`} />
        {noindex && <meta name="robots" content="noindex" />}
        {enhance && <script src={`${ASSET_PREFIX}booking.js`} defer />}
        <LanguageAlternates page={page} samePage={samePage} startPage={page === 'start' && !paths} />
      </head>
      <body className="public">
        <a className="skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header className="site-header">
          <div className="kern-container site-header__inner">
            <p className="site-name">
              <a href={pagePath(lang, 'start')} className="site-name__link">
                {t('layout.siteName')}
              </a>
              <span className="site-name__tagline">{t('layout.tagline')}</span>
            </p>
            <nav className="language-switch" aria-label={t('layout.languageNav')}>
              <ul>
                {PUBLIC_LOCALES.map((l) => (
                  <li key={l}>
                    <a href={samePage(l)} lang={l} hrefLang={l} dir={directionOf(l)} aria-current={l === lang ? 'true' : undefined}>
                      {AUTONYMS[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="kern-container site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="kern-container">
            <nav aria-label={t('layout.footerNav')}>
              <ul className="site-footer__links">
                <li>
                  <a href={pagePath(lang, 'imprint')}>{t('imprint.title')}</a>
                </li>
                <li>
                  <a href={pagePath(lang, 'privacy')}>{t('privacy.title')}</a>
                </li>
                <li>
                  <a href={pagePath(lang, 'accessibility')}>{t('accessibility.title')}</a>
                </li>
                <li>
                  <EasyLanguageLink label="link" />
                </li>
                <li>
                  <a href={pagePath(lang, 'signLanguage')}>{t('signLanguage.title')}</a>
                </li>
              </ul>
            </nav>
            <p className="site-footer__note">{t('layout.footerNote')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
