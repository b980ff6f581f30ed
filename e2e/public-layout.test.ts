import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '#server/web-build.ts';
import { TopicPage } from '#web/public/booking/Steps.tsx';
import type { PublicLocale } from '#web/public/i18n.tsx';
import { renderDocument } from '#web/public/render.tsx';
import { launchBrowser } from './harness.ts';

/**
 * The layout of the public pages' building blocks as Chromium draws them with the built stylesheets
 * (dist/web/public, from `npm run build`), served on a fake origin: no Lotse process, no data.
 */
const ORIGIN = 'http://lotse.test';
const TYPES = [
  { id: '00000000-0000-4000-8000-000000000001', kind: 'first_consultation' as const, name: 'Erstberatung für neu Zugezogene', durationMinutes: 45, languages: ['de'] },
  { id: '00000000-0000-4000-8000-000000000002', kind: 'follow_up' as const, name: 'Folgeberatung', durationMinutes: 30, languages: ['de'] },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser.close());

async function topicPage(lang: PublicLocale, width: number): Promise<Page> {
  const data = { state: { officeId: '00000000-0000-4000-8000-000000000000', officeName: 'Integrationsbüro Mitte' }, types: TYPES, walkIn: [], errors: [] };
  const html = renderDocument(lang, createElement(TopicPage, { lang, data }));
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path.startsWith('/assets/public/')) {
      const file = path.slice('/assets/public/'.length);
      const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.woff2') ? 'font/woff2' : 'text/javascript';
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(join(webDistDir, 'public', file)) });
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  await page.goto(`${ORIGIN}/${lang}/offices/x/book`);
  return page;
}

describe('a radio button with a hint (booking, first step)', () => {
  for (const lang of ['de', 'ar'] as const) {
    for (const width of [360, 1280]) {
      it(`${lang}, ${width} px: the hint sits under the label, as wide as the label's column, not one word per line`, async () => {
        const page = await topicPage(lang, width);
        const options = page.locator('.kern-form-check');
        expect(await options.count()).toBe(2);
        for (let i = 0; i < 2; i++) {
          const option = options.nth(i);
          const box = await option.boundingBox();
          const label = await option.locator('label').boundingBox();
          const hint = await option.locator('.radio-hint').boundingBox();
          const radio = await option.locator('input[type="radio"]').boundingBox();
          if (!box || !label || !hint || !radio) throw new Error('not drawn');
          // Under the label, starting where the label's text starts (the right edge in Arabic) …
          expect(hint.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
          if (lang === 'ar') expect(Math.abs(hint.x + hint.width - (label.x + label.width))).toBeLessThanOrEqual(1);
          else expect(Math.abs(hint.x - label.x)).toBeLessThanOrEqual(1);
          // … and as wide as the label's column: the option less the radio button and KERN's 16 px end padding.
          expect(hint.width).toBeGreaterThanOrEqual(box.width - radio.width - 16 - 1);
          // Beside the radio button, not under it.
          if (lang === 'ar') expect(hint.x + hint.width).toBeLessThanOrEqual(radio.x + 1);
          else expect(hint.x).toBeGreaterThanOrEqual(radio.x + radio.width - 1);
          // "45 Minuten · Erstberatung für neu Zugezogene" fits on one or two lines.
          const lineHeight = await option.locator('.radio-hint').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 24);
          expect(hint.height).toBeLessThanOrEqual(2 * lineHeight + 8);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.context().close();
      });
    }
  }
});
