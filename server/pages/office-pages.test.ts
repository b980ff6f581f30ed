import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingWorld, expectError, expectPage, newOffice, NOW, text, type World } from './booking-pages.fixture.ts';

/** The office finder (by address or by district) and the office page. */
let w: World;
let officeId = '';

beforeAll(async () => {
  w = await bookingWorld();
  ({ officeId } = await newOffice(w, 'Integrationsbüro Mitte', [{ languages: ['de', 'ar'] }]));
});
afterAll(async () => w.ctx.close());

const finder = (lang: string, q: Record<string, string>) => w.get(`/${lang}/offices?${new URLSearchParams(q)}`);

describe('the office finder', () => {
  it('finds the office by street and house number', async () => {
    const html = expectPage(await finder('de', { street: 'Teststraße', number: '3' }), 'de');
    expect(html).toContain(`href="/de/offices/${officeId}/book"`);
  });

  it('takes the house number from the street field when it was typed there ("Teststraße 3", "10a", "10 a", "10-12")', async () => {
    for (const street of ['Teststraße 3', 'Teststraße 3a', 'Teststraße 3 a', 'Teststraße 3-5', 'Teststr. 3']) {
      const html = expectPage(await finder('de', { street, number: '' }), 'de');
      expect(html, street).toContain(`href="/de/offices/${officeId}/book"`);
      expect(html, street).not.toContain('id="number-error"');
      // The fields show what was searched: street and number apart.
      expect(html).toContain(`value="${street.replace(/\s*3.*$/, '')}"`);
    }
    // A street without a number still asks for it.
    const asks = expectPage(await finder('en', { street: 'Teststraße', number: '' }), 'en', 400);
    expectError(asks, 'number', 'Enter your house number.');
  });

  it('asks again with the same words in the summary and at the field', async () => {
    const html = expectPage(await finder('uk', { street: '', number: '' }), 'uk', 400);
    expectError(html, 'street', 'Введіть свою вулицю.');
    const invalid = expectPage(await finder('de', { street: 'Teststraße', number: 'drei' }), 'de', 400);
    expect(invalid).toContain('id="number-error"');
    expect(invalid).not.toContain('id="street-error"');
  });

  it('says clearly when an address is not found and offers the list of districts', async () => {
    const html = expectPage(await finder('ru', { street: 'Nirgendwo', number: '1' }), 'ru');
    expect(text(html)).toContain('Мы не нашли этот адрес.');
    expect(html).toContain('href="#districts"');
    expect(html).toContain('href="/ru/offices?member=altstadt#result"');
    const chosen = expectPage(await w.get('/ru/offices?member=altstadt'), 'ru');
    expect(chosen).toContain(`href="/ru/offices/${officeId}"`);
  });
});

describe('the office page', () => {
  it('names languages in the page language, says "not known" for unchecked facts, shows closures, walk-in and holidays', async () => {
    const ar = expectPage(await w.get(`/ar/offices/${officeId}`), 'ar');
    expect(text(ar)).toContain('العربية');
    expect(text(ar)).toContain('الألمانية');
    expect(text(ar)).toContain('غير معروف');
    const de = expectPage(await w.get(`/de/offices/${officeId}`), 'de');
    expect(text(de)).toContain('Betriebsausflug');
    expect(text(de)).toContain('offene Sprechzeit ohne Termin');
    expect(text(de)).toContain('Nicht bekannt');
    expect(text(de)).toContain('Mittwoch, 3. Juni');
    w.ctx.clock.now = new Date('2026-09-30T08:00:00Z');
    try {
      const holiday = expectPage(await w.get(`/uk/offices/${officeId}`), 'uk');
      expect(text(holiday)).toContain('День єдності Німеччини (святковий день)');
    } finally {
      w.ctx.clock.now = NOW;
    }
    expectPage(await w.get('/de/offices/00000000-0000-4000-8000-000000000000'), 'de', 404);
  });
});
