/** The public pages: URL slug (after /{lang}/) → page id. '' is the start page. */
export const PAGE_SLUGS = {
  start: '',
  imprint: 'imprint',
  privacy: 'privacy',
  accessibility: 'accessibility',
  easyLanguage: 'easy-language',
  signLanguage: 'sign-language',
} as const;

export type PageId = keyof typeof PAGE_SLUGS | 'notFound';

export function pagePath(lang: string, page: Exclude<PageId, 'notFound'>): string {
  const slug = PAGE_SLUGS[page];
  return slug ? `/${lang}/${slug}` : `/${lang}/`;
}

export function pageBySlug(slug: string): Exclude<PageId, 'notFound'> | undefined {
  return (Object.keys(PAGE_SLUGS) as Exclude<PageId, 'notFound'>[]).find((id) => PAGE_SLUGS[id] === slug);
}

/** Where the built CSS and fonts are served from. */
export const ASSET_PREFIX = '/assets/public/';
