import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import i18next, { type i18n as I18n } from 'i18next';
import ICU from 'i18next-icu';

/**
 * Server-side translations from locales/<lang>/<ns>.json (ICU messages). German is the source.
 * Staff namespaces exist in German and English; public namespaces in all six public languages.
 */
export const PUBLIC_LOCALES = ['de', 'en', 'ar', 'fa', 'uk', 'ru'] as const;
export const STAFF_LOCALES = ['de', 'en'] as const;
export type PublicLocale = (typeof PUBLIC_LOCALES)[number];
export type StaffLocale = (typeof STAFF_LOCALES)[number];
export const RTL_LOCALES: readonly string[] = ['ar', 'fa'];

export function isPublicLocale(value: string | undefined): value is PublicLocale {
  return PUBLIC_LOCALES.includes(value as PublicLocale);
}

export const localesDir = fileURLToPath(new URL('../locales', import.meta.url));

export function loadResources(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of readdirSync(localesDir)) {
    const bundle: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(localesDir, lang))) {
      if (!file.endsWith('.json')) continue;
      bundle[file.slice(0, -5)] = JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')) as Record<string, unknown>;
    }
    resources[lang] = bundle;
  }
  return resources;
}

let instance: I18n | null = null;

export function i18n(): I18n {
  if (instance) return instance;
  const resources = loadResources();
  const created = i18next.createInstance();
  void created.use(ICU).init({
    initAsync: false,
    resources,
    lng: 'de',
    fallbackLng: 'de',
    supportedLngs: [...PUBLIC_LOCALES],
    ns: Object.keys(resources['de'] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

/** Translate `ns:key` into a language; falls back to German. */
export function translate(locale: string, key: string, values?: Record<string, unknown>): string {
  return i18n().getFixedT(locale)(key, values ?? {});
}

/** Picks the best of `supported` from an Accept-Language header. */
export function negotiate<T extends string>(header: string | undefined, supported: readonly T[], fallback: T): T {
  if (!header) return fallback;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((w) => w.tag && !Number.isNaN(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) {
    const base = w.tag.split('-')[0] as T;
    if (supported.includes(base)) return base;
  }
  return fallback;
}
