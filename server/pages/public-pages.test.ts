import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '#test/context.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext({ web: true });

const LANGS = ['de', 'en', 'ar', 'fa', 'uk', 'ru'] as const;
const get = (url: string, headers: Record<string, string> = {}) => ctx.request(null, { method: 'GET', url, headers });

function h1(html: string): string {
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '');
}

describe('the start page', () => {
  it('renders the four regions in each language with the right lang and dir, one h1, no script', async () => {
    for (const lang of LANGS) {
      const res = await get(`/${lang}/`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      const html = res.body;
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain(`<html lang="${lang}" dir="${lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr'}">`);
      expect(html.match(/<h1/g)).toHaveLength(1);
      expect(html).not.toContain('<script');
      expect(html).not.toMatch(/ style=/);
      for (const name of ['Nord', 'West', 'Mitte', 'Süd']) expect(html).toContain(`<bdi lang="de">${name}</bdi>`);
      for (const member of ['Neustadt', 'Schönfeld-Weißig', 'Cotta', 'Oberwartha', 'Altstadt', 'Prohlis']) expect(html).toContain(member);
      expect(html).toContain('<main id="main"');
      expect(html).toContain('href="#main"');
    }
  });

  it('is translated: the German and Arabic headings differ and the stylesheet follows the direction', async () => {
    const de = (await get('/de/')).body;
    const ar = (await get('/ar/')).body;
    expect(h1(de)).toBe('Beratung und Begleitung für Geflüchtete in Dresden');
    expect(h1(ar)).toBe('استشارة ومرافقة للاجئين في دريسدن');
    expect(ar).toContain('href="/assets/public/kern.rtl.css"');
    expect(de).toContain('href="/assets/public/kern.css"');
  });

  it('links the same page in every language, each labelled in its own language', async () => {
    const html = (await get('/fa/privacy')).body;
    expect(html).toContain('<a href="/ar/privacy" lang="ar" hrefLang="ar" dir="rtl">العربية</a>');
    expect(html).toContain('<a href="/fa/privacy" lang="fa" hrefLang="fa" dir="rtl" aria-current="true">فارسی</a>');
    expect(html).toContain('<a href="/uk/privacy" lang="uk" hrefLang="uk" dir="ltr">Українська</a>');
  });

  it('names the provider of an agreement valid today, and no provider for a region without one', async () => {
    const provider = await ctx.organisation('provider', 'Träger Süd gGmbH');
    const ended = await ctx.organisation('provider', 'Früherer Träger e. V.');
    const admin = await ctx.staff('city_admin');
    const create = (payload: object) => ctx.request(admin, { method: 'POST', url: '/api/service-agreements', payload });
    expect((await create({ providerId: provider.id, regionCode: 'sued', validFrom: '2019-07-01' })).statusCode).toBe(201);
    expect((await create({ providerId: ended.id, regionCode: 'west', validFrom: '2019-07-01', validTo: '2020-01-01' })).statusCode).toBe(201);
    const html = (await get('/de/')).body;
    const card = (code: string) => {
      const rest = html.slice(html.indexOf(`id="region-${code}"`));
      return rest.slice(0, rest.indexOf('</dl>'));
    };
    expect(card('sued')).toContain('Träger Süd gGmbH');
    expect(card('sued')).not.toContain('Zurzeit ist kein Träger beauftragt.');
    expect(card('west')).toContain('Zurzeit ist kein Träger beauftragt.');
    expect(html).not.toContain('Früherer Träger');
  });
});

describe('language in the URL', () => {
  it('redirects / to the best language of Accept-Language, German by default', async () => {
    const cases: [string | undefined, string][] = [
      ['ar,en;q=0.8', '/ar/'],
      ['fr-FR, uk;q=0.5, ru;q=0.7', '/ru/'],
      ['fa-IR', '/fa/'],
      ['fr', '/de/'],
      [undefined, '/de/'],
    ];
    for (const [header, location] of cases) {
      const res = await get('/', header ? { 'accept-language': header } : {});
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(location);
    }
  });

  it('answers an unknown language or page with a 404 page', async () => {
    for (const url of ['/xx/', '/fr/imprint', '/de/nope', '/en/imprint/more']) {
      const res = await get(url, { 'accept-language': 'en' });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
      expect(h1(res.body)).toBe(url.startsWith('/de/') ? 'Seite nicht gefunden' : 'Page not found');
    }
  });

  it('leaves unknown API paths to the problem+json 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses asset names outside the asset folder', async () => {
    for (const url of ['/assets/public/..%2F..%2Fpackage.json', '/assets/public/.build-hash', '/assets/public/missing.css']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});

describe('the legal pages', () => {
  const expected: Record<string, Record<string, string>> = {
    imprint: { de: 'Impressum', en: 'Legal notice', ar: 'بيانات الناشر', ru: 'Выходные данные' },
    privacy: { de: 'Datenschutzerklärung', en: 'Privacy policy', fa: 'سیاست حفاظت از داده‌ها', uk: 'Політика захисту даних' },
    accessibility: { de: 'Erklärung zur Barrierefreiheit', en: 'Accessibility statement', ar: 'بيان إمكانية الوصول' },
    'sign-language': { de: 'Informationen in Deutscher Gebärdensprache', en: 'Information in German Sign Language' },
    'easy-language': { de: 'Beratung für Geflüchtete in Leichter Sprache', en: 'Easy Read' },
  };
  for (const [slug, titles] of Object.entries(expected)) {
    it(`/${slug} answers 200 with its h1 in each language`, async () => {
      for (const lang of LANGS) {
        const res = await get(`/${lang}/${slug}`);
        expect(res.statusCode, `${lang}/${slug}`).toBe(200);
        expect(res.body).toContain(`<html lang="${lang}"`);
        const title = titles[lang];
        if (title) expect(h1(res.body)).toBe(title);
      }
    });
  }

  it('the footer of every page links all legal pages', async () => {
    const html = (await get('/uk/accessibility')).body;
    const footer = html.slice(html.indexOf('<footer'));
    for (const href of ['/uk/imprint', '/uk/privacy', '/uk/accessibility', '/de/easy-language', '/uk/sign-language']) expect(footer).toContain(`href="${href}"`);
  });

  it('the privacy statement names the legal bases and the right of access', async () => {
    const html = (await get('/de/privacy')).body;
    for (const text of ['§§ 67 ff. SGB X', 'Art. 6 Abs. 1', 'Art. 9 Abs. 2', 'Art. 15 DSGVO', 'mailto:']) expect(html).toContain(text);
  });

  it('the accessibility statement gives a mailto feedback contact and the enforcement procedure', async () => {
    const html = (await get('/en/accessibility')).body;
    expect(html).toMatch(/<a href="mailto:[^"]+@[^"]+"/);
    expect(html).toContain('id="enforcement"');
  });

  it('Leichte Sprache is German: other languages explain that and link to it', async () => {
    const de = (await get('/de/easy-language')).body;
    expect(de).toContain('Die Beratung kostet nichts.');
    const ar = (await get('/ar/easy-language')).body;
    expect(ar).toContain('<a href="/de/easy-language" lang="de" hrefLang="de">Leichte Sprache</a>');
    expect(ar).not.toContain('Die Beratung kostet nichts.');
  });

  it('the sign-language page says honestly that no video is configured', async () => {
    const html = (await get('/de/sign-language')).body;
    expect(html).toContain('noch nicht verfügbar');
    expect(html).not.toContain('<video');
  });
});

describe('the sign-language video, when configured', () => {
  let withVideo: TestContext;
  beforeAll(async () => {
    withVideo = await createTestContext({ web: true, config: { signLanguageVideoUrl: 'https://video.example/dgs.mp4' } });
  });
  afterAll(async () => withVideo.close());

  it('is embedded with controls and a link to open it', async () => {
    const html = (await withVideo.request(null, { method: 'GET', url: '/de/sign-language' })).body;
    expect(html).toContain('<video controls="" preload="none" src="https://video.example/dgs.mp4"');
    expect(html).toContain('<a href="https://video.example/dgs.mp4">');
  });
});

describe('one calendar and one set of digits', () => {
  it('dates the Persian accessibility statement in the Gregorian calendar with Persian digits', async () => {
    const fa = (await get('/fa/accessibility')).body;
    // 25 November 2026, not 4 Azar 1405 (Solar Hijri)
    expect(fa).toContain('۲۵ نوامبر ۲۰۲۶');
    expect(fa).not.toMatch(/۱۴۰۵|آذر/);
    const ar = (await get('/ar/accessibility')).body;
    expect(ar).toContain('25 نوفمبر 2026');
    expect((await get('/de/accessibility')).body).toContain('25. November 2026');
  });
});

describe('language alternates for search engines (hreflang)', () => {
  const PUBLIC_URL = 'https://termine.lotse.example';
  let site: TestContext;
  beforeAll(async () => {
    site = await createTestContext({ web: true, config: { publicUrl: PUBLIC_URL } });
  });
  afterAll(async () => site.close());

  const alternates = (html: string) => {
    const head = html.slice(0, html.indexOf('</head>'));
    return [...head.matchAll(/<link rel="alternate" hrefLang="([^"]*)" href="([^"]*)"\/>/g)].map((m) => ({ lang: m[1] ?? '', href: (m[2] ?? '').replace(/&amp;/g, '&') }));
  };

  it('every page lists itself and the same page in the five other languages, absolute on the public address, plus x-default', async () => {
    const pages: [string, (lang: string) => string][] = [
      ['start', (l) => `/${l}/`],
      ['imprint', (l) => `/${l}/imprint`],
      ['accessibility', (l) => `/${l}/accessibility`],
      ['easy-language', (l) => `/${l}/easy-language`],
      ['offices', (l) => `/${l}/offices`],
    ];
    for (const [name, path] of pages) {
      for (const lang of LANGS) {
        const res = await site.request(null, { method: 'GET', url: path(lang) });
        expect(res.statusCode, path(lang)).toBe(200);
        const links = alternates(res.body);
        expect(links.map((l) => l.lang), `${name} ${lang}`).toEqual([...LANGS, 'x-default']);
        for (const l of links) {
          expect(l.href.startsWith(`${PUBLIC_URL}/`), l.href).toBe(true);
          if (l.lang !== 'x-default') {
            expect(Intl.getCanonicalLocales(l.lang)).toEqual([l.lang]);
            expect(l.href).toBe(`${PUBLIC_URL}${path(l.lang)}`);
          }
        }
        expect(links.find((l) => l.lang === lang)?.href).toBe(`${PUBLIC_URL}${path(lang)}`);
        expect(links.find((l) => l.lang === 'x-default')?.href).toBe(name === 'start' ? `${PUBLIC_URL}/` : `${PUBLIC_URL}${path('de')}`);
      }
    }
  });

  it('a page that is not found lists none', async () => {
    const res = await site.request(null, { method: 'GET', url: '/de/nope' });
    expect(res.statusCode).toBe(404);
    expect(alternates(res.body)).toEqual([]);
  });
});
