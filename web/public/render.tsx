import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PublicI18n, type PublicLocale } from './i18n.tsx';
import { PublicUrl } from './Layout.tsx';
import type { PageId } from './pages.ts';
import { AccessibilityPage } from './pages/AccessibilityPage.tsx';
import { EasyLanguagePage } from './pages/EasyLanguagePage.tsx';
import { ImprintPage } from './pages/ImprintPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PrivacyPage } from './pages/PrivacyPage.tsx';
import { SignLanguagePage } from './pages/SignLanguagePage.tsx';
import { StartPage, type RegionView } from './pages/StartPage.tsx';

export type { RegionView };

/** What a page needs beyond its language; only the start page and the sign-language page need data. */
export type PageData =
  | { page: 'start'; regions: RegionView[] }
  | { page: 'signLanguage'; videoUrl: string | null }
  | { page: Exclude<PageId, 'start' | 'signLanguage'> };

function Page({ lang, data }: { lang: PublicLocale; data: PageData }) {
  switch (data.page) {
    case 'start':
      return <StartPage lang={lang} regions={data.regions} />;
    case 'signLanguage':
      return <SignLanguagePage lang={lang} videoUrl={data.videoUrl} />;
    case 'imprint':
      return <ImprintPage lang={lang} />;
    case 'privacy':
      return <PrivacyPage lang={lang} />;
    case 'accessibility':
      return <AccessibilityPage lang={lang} />;
    case 'easyLanguage':
      return <EasyLanguagePage lang={lang} />;
    case 'notFound':
      return <NotFoundPage lang={lang} />;
  }
}

/**
 * A whole HTML document, rendered on the server; the pages need no JavaScript. `publicUrl` is the
 * configured address (LOTSE_PUBLIC_URL) the language alternates are absolute against; without it
 * (error pages) the page lists none.
 */
export function renderPublicPage(lang: PublicLocale, data: PageData, publicUrl = ''): string {
  return renderDocument(lang, <Page lang={lang} data={data} />, publicUrl);
}

/** A whole HTML document from a page element (the office and booking pages pass their own). */
export function renderDocument(lang: PublicLocale, page: ReactNode, publicUrl = ''): string {
  return `<!doctype html>${renderToStaticMarkup(
    <PublicI18n lang={lang}>
      <PublicUrl value={publicUrl}>{page}</PublicUrl>
    </PublicI18n>,
  )}`;
}
