import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { PUBLIC_LOCALES, RTL_LOCALES, i18n, type PublicLocale } from '#server/i18n.ts';

export { PUBLIC_LOCALES, type PublicLocale };

/** Each language named in itself, for the language switch. */
export const AUTONYMS: Record<PublicLocale, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  uk: 'Українська',
  ru: 'Русский',
};

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL_LOCALES.includes(lang) ? 'rtl' : 'ltr';
}

/**
 * Renders children with a translator fixed to one language. The clone shares the loaded
 * resources, so concurrent requests in different languages never see each other's language.
 */
export function PublicI18n({ lang, children }: { lang: PublicLocale; children: ReactNode }) {
  const instance = i18n().cloneInstance({ lng: lang, initAsync: false });
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

/** A proper name (region, district, organisation, address) kept as it is, marked German and isolated for bidi. */
export function Name({ children }: { children: ReactNode }) {
  return <bdi lang="de">{children}</bdi>;
}
