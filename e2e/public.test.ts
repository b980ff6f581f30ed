import { describe, expect, it } from 'vitest';
import { expectAccessible, newContext, useLotse } from './harness.ts';

const app = useLotse();

const LANGUAGES = [
  { lang: 'de', dir: 'ltr' },
  { lang: 'en', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
  { lang: 'fa', dir: 'rtl' },
  { lang: 'uk', dir: 'ltr' },
  { lang: 'ru', dir: 'ltr' },
] as const;

describe('public start page', () => {
  // The four regions and their members are the city's reference data (loaded on every
  // installation, not demo data): this test reads them and changes nothing.
  it('redirects / to the browser language and shows the four regions, in German by default', async () => {
    const context = await newContext(app.browser, { locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    expect(new URL(page.url()).pathname).toBe('/de/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    for (const region of ['Nord', 'West', 'Mitte', 'Süd']) {
      await expect.poll(() => page.getByRole('heading', { name: region, exact: true }).count()).toBe(1);
    }
    for (const member of ['Neustadt', 'Schönfeld-Weißig', 'Cossebaude', 'Prohlis', 'Altstadt']) {
      expect(await page.getByText(member, { exact: true }).count()).toBeGreaterThan(0);
    }
    await expectAccessible(page, 'start page (de)');
    await context.close();
  });

  it('switches to Arabic on a phone without JavaScript: right to left, mirrored, accessible', async () => {
    const context = await newContext(app.browser, { mobile: true, javaScript: false, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${app.url}/de/`);
    await page.locator('a[lang="ar"]').first().click();
    await page.waitForURL(/\/ar\/$/);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    // the layout really is mirrored: the main heading starts at the right edge
    const box = await page.locator('h1').boundingBox();
    const direction = await page.locator('h1').evaluate((el) => getComputedStyle(el).direction);
    expect(direction).toBe('rtl');
    expect(box).not.toBeNull();
    // mirrored: the site name in the header sits at the right edge of the 360 px screen, not the left
    const brand = await page.locator('header').getByText('Lotse', { exact: true }).first().evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rect = range.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    });
    expect(brand.left).toBeGreaterThan(180);
    expect(brand.right).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const html = await page.content();
    await context.close();
    // axe needs timers, which a page without JavaScript does not run: check the same server-rendered
    // page (it ships no scripts, so the DOM is identical) in a phone context with JavaScript on.
    const checking = await newContext(app.browser, { mobile: true });
    const same = await checking.newPage();
    await same.goto(`${app.url}/ar/`);
    expect(await same.locator('script').count()).toBe(0);
    expect((await same.content()).length).toBe(html.length);
    await expectAccessible(same, 'start page (ar, phone)');
    await checking.close();
  });

  it('passes axe in every public language, with the legal pages linked from each', async () => {
    const context = await newContext(app.browser, { mobile: true });
    const page = await context.newPage();
    for (const { lang, dir } of LANGUAGES) {
      await page.goto(`${app.url}/${lang}/`);
      expect(await page.locator('html').getAttribute('dir')).toBe(dir);
      expect(await page.locator('h1').count()).toBe(1);
      await expectAccessible(page, `start page (${lang})`);
      const footerLinks = await page.locator('footer a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(footerLinks).toEqual(expect.arrayContaining([`/${lang}/imprint`, `/${lang}/privacy`, `/${lang}/accessibility`]));
    }
    await context.close();
  });

  it('has an imprint, privacy notice, accessibility statement, Leichte Sprache and sign-language page that pass axe', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    for (const path of ['/de/imprint', '/de/privacy', '/de/accessibility', '/de/easy-language', '/de/sign-language', '/ar/privacy', '/fa/accessibility', '/uk/imprint', '/ru/privacy']) {
      const response = await page.goto(`${app.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.locator('h1').count(), path).toBe(1);
      await expectAccessible(page, path);
    }
    // the accessibility statement names a way to give feedback
    await page.goto(`${app.url}/de/accessibility`);
    expect(await page.locator('main a[href^="mailto:"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
