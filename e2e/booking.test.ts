import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookingSamples } from '#web/public/booking/samples.tsx';
import { account, appointmentType, counsellor, providerWithOffice, signIn, type Office, type Region } from './factories.ts';
import { expectAccessible, newContext, uniqueTag, useLotse } from './harness.ts';

/**
 * A visitor books an appointment in Arabic on a phone: once without JavaScript, once with it.
 * The office, its region and its staff are the test's own (e2e/factories.ts). The confirmation
 * mail arrives over real SMTP (a server in this process); the visitor cancels by the link in the
 * mail. axe checks every page visited (pages seen without JavaScript are checked
 * as the same HTML in a context with JavaScript, which axe needs).
 */
const app = useLotse({ mail: true });
let checking: BrowserContext;
let checker: Page;
let office: Office;
let region: Region;

/**
 * An office of the test's own, in a region of its own (its Stadtbezirk is listed in the finder),
 * with a bookable type and two Arabic-speaking counsellors, set up by the provider's team lead.
 */
async function setUpBookableOffice(): Promise<void> {
  const own = await providerWithOffice(app);
  office = own.office;
  region = own.region;
  const lead = await signIn(app, await account(app, own.provider, 'provider_admin'));
  await appointmentType(lead, office, { name: 'Erstberatung' });
  for (const languages of [['de', 'ar'], ['de', 'ar', 'fa']]) await counsellor(lead, office, languages);
}

beforeAll(async () => {
  await setUpBookableOffice();
  checking = await newContext(app.browser, { mobile: true });
  checker = await checking.newPage();
});

/**
 * axe on what the visitor sees. Without JavaScript axe cannot run in the page itself, so the same
 * HTML is loaded into a phone context with JavaScript on, on the same origin (stylesheets apply).
 */
async function check(page: Page, label: string, javaScript: boolean): Promise<void> {
  expect(await page.locator('script:not([src])').count(), `${label}: no inline script`).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label}: fits 360 px`).toBeLessThanOrEqual(360);
  if (javaScript) return expectAccessible(page, label);
  const html = await page.content();
  await checker.goto(`${app.url}/ar/`);
  await checker.setContent(html);
  await expectAccessible(checker, label);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
const cont = (page: Page) => page.getByRole('button', { name: 'متابعة' }).click();

async function bookInArabic(page: Page, email: string, javaScript: boolean): Promise<{ code: string }> {
  await page.goto(`${app.url}/ar/`);
  await check(page, 'start (ar)', javaScript);
  await page.getByRole('link', { name: 'ابحث عن مكتب الاندماج' }).first().click();
  await heading(page, 'ابحث عن مكتب الاندماج');
  await check(page, 'office finder (ar)', javaScript);

  // An address the street directory does not know: said clearly, the list is offered.
  await page.getByLabel('الشارع').fill('Nirgendwostraße');
  await page.getByLabel('رقم المنزل').fill('1');
  await page.getByRole('button', { name: 'ابحث عن المكتب' }).click();
  await page.getByText('لم نجد هذا العنوان.').waitFor();
  await check(page, 'address not found (ar)', javaScript);

  // The list of Stadtbezirke finds the office of the test's own region.
  await page.getByRole('link', { name: region.member.name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'مكتب الاندماج الخاص بك' }).waitFor();
  await check(page, 'office found (ar)', javaScript);
  await page.locator('.finder-result').getByRole('link', { name: office.name }).click();
  await heading(page, office.name);
  await check(page, 'office page (ar)', javaScript);

  await page.getByRole('link', { name: 'احجز موعدًا' }).first().click();
  await heading(page, 'ما موضوع موعدك؟');
  // Continue without a choice: the error summary and the field say the same.
  await cont(page);
  await page.getByRole('alert').getByText('اختر موضوع موعدك.').waitFor();
  await check(page, 'topic with error (ar)', javaScript);
  await page.locator('input[name="type"]').first().check();
  await cont(page);

  await heading(page, 'بأي لغة تريد أن تتحدث؟');
  await check(page, 'language (ar)', javaScript);
  await page.locator('input[name="language"][value="ar"]').check();
  await cont(page);

  await heading(page, 'اختر وقتًا');
  await check(page, 'times (ar)', javaScript);
  await page.locator('input[name="start"]').first().check();
  await cont(page);

  await heading(page, 'بيانات التواصل معك');
  await check(page, 'details (ar)', javaScript);
  await page.getByLabel('اسمك').fill('سارة');
  await page.getByLabel('البريد الإلكتروني', { exact: true }).fill(email);
  await cont(page);

  await heading(page, 'تحقق من بياناتك');
  await check(page, 'check your answers (ar)', javaScript);
  await page.getByRole('button', { name: 'تأكيد حجز الموعد' }).click();

  await heading(page, 'تم حجز موعدك');
  await check(page, 'confirmation (ar)', javaScript);
  const code = ((await page.locator('.booking-code__value').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  await page.getByText('رسالة تأكيد بالبريد الإلكتروني في طريقها إليك.').waitFor();
  expect(await page.locator(`a[href^="/api/appointments/${code}.ics?token="]`).count()).toBe(1);
  return { code };
}

async function cancelByMail(page: Page, email: string, code: string, javaScript: boolean): Promise<void> {
  await expect.poll(() => app.mails.filter((m) => m.to === email).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const mail = app.mails.find((m) => m.to === email);
  expect(mail?.text).toContain(code);
  const link = new RegExp(`https?://\\S+/ar/appointments/${code}\\?token=[\\w-]+`).exec(mail?.text ?? '')?.[0];
  expect(link).toBeDefined();
  const url = new URL(link ?? '');
  await page.goto(`${app.url}${url.pathname}${url.search}`);
  await heading(page, 'موعدك');
  await check(page, 'manage (ar)', javaScript);
  await page.getByRole('link', { name: 'تغيير وقت الموعد' }).click();
  await heading(page, 'اختر وقتًا جديدًا');
  await check(page, 'move (ar)', javaScript);
  await page.getByRole('link', { name: 'رجوع' }).click();
  await heading(page, 'موعدك');
  await page.getByRole('link', { name: 'إلغاء الموعد' }).click();
  await heading(page, 'هل تريد إلغاء هذا الموعد؟');
  await check(page, 'cancel (ar)', javaScript);
  await page.getByRole('button', { name: 'نعم، ألغِ الموعد' }).click();
  await page.getByText('تم إلغاء موعدك.').waitFor();
  await check(page, 'cancelled (ar)', javaScript);
}

describe('booking an appointment in Arabic on a phone', () => {
  it('works without JavaScript, from the start page to the cancellation by the mailed link', async () => {
    const context = await newContext(app.browser, { mobile: true, javaScript: false, locale: 'ar' });
    const page = await context.newPage();
    const email = `sara.nojs.${uniqueTag()}@example.org`;
    const { code } = await bookInArabic(page, email, false);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('data-enhanced')).toBeNull();
    await cancelByMail(page, email, code, false);
    await context.close();
  });

  it('works the same with JavaScript, which swaps the pages in place', async () => {
    const context = await newContext(app.browser, { mobile: true, javaScript: true, locale: 'ar' });
    const page = await context.newPage();
    const email = `sara.js.${uniqueTag()}@example.org`;
    let documents = 0;
    page.on('load', () => documents++);
    const { code } = await bookInArabic(page, email, true);
    expect(await page.locator('html').getAttribute('data-enhanced')).toBe('true');
    // The booking steps (topic → confirmation) were swapped in place: far fewer loads than the 12 pages seen.
    expect(documents).toBeLessThanOrEqual(6);
    await cancelByMail(page, email, code, true);
    await context.close();
  });
});

describe('every state of the office and booking pages', () => {
  // Errors, taken times, the waitlist form, too late to change, cancelled, limits: the same
  // components the server renders, with sample data, on Lotse's origin so that its styles apply.
  for (const lang of ['ar', 'de'] as const) {
    it(`passes axe in ${lang}`, async () => {
      const pages = bookingSamples(lang);
      expect(pages.length).toBeGreaterThan(15);
      for (const [i, html] of pages.entries()) {
        expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/);
        await checker.goto(`${app.url}/${lang}/`);
        await checker.setContent(html);
        await expectAccessible(checker, `sample ${i} (${lang})`);
      }
    });
  }
});
