import { describe, expect, it } from 'vitest';
import { account, providerWithOffice } from './factories.ts';
import { expectAccessible, logIn, newContext, useLotse } from './harness.ts';

const app = useLotse();

const berlinDay = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('quick contacts at the Integrationsbüro (tablet, 1024×768)', () => {
  it('a social worker counts an anonymous visitor by keyboard, sees it in the day\'s table and totals, and meets a field message for 0 persons', async () => {
    // A provider of the run's own, in a region of its own, with an office there.
    const { provider, office } = await providerWithOffice(app);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, me);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('link', { name: office.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: office.name }).waitFor();
    await page.getByRole('link', { name: 'Kurzkontakte', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Kurzkontakte – ${office.name}` }).waitFor();
    await page.getByText('Anonym: Es wird kein Name erfasst.').waitFor();
    const day = page.getByRole('table', { name: /^Kurzkontakte am/ });
    await day.getByText('An diesem Tag noch keine Kurzkontakte.').waitFor();
    await expectAccessible(page, 'quick contacts, an empty day');

    // Two areas, Arabic, with an interpreter — the keyboard alone.
    const form = page.getByRole('form', { name: 'Kontakt zählen' });
    expect(await form.locator('textarea, input:not([type="checkbox"], [type="number"], [type="date"])').count()).toBe(0); // nothing to type a name into
    await form.getByRole('checkbox', { name: 'Arbeit und Bildung' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // Gesundheit
    await page.keyboard.press('Tab'); // Wohnen
    await page.keyboard.press('Space');
    await form.getByRole('combobox', { name: 'Sprache der Beratung' }).focus();
    await page.keyboard.type('Arab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await form.getByRole('checkbox', { name: 'Mit Dolmetschung' }).isChecked()).toBe(true);
    expect(await form.getByRole('combobox', { name: 'Sprache der Beratung' }).inputValue()).toBe('ar');
    expect(await form.getByRole('spinbutton', { name: 'Personen' }).inputValue()).toBe('1');
    expect(await form.getByRole('spinbutton', { name: 'Minuten' }).inputValue()).toBe('15');
    await expectAccessible(page, 'quick contact form filled in');
    await form.getByRole('spinbutton', { name: 'Minuten' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Kontakt gezählt: Arbeit und Bildung, Wohnen · Arabisch · 1 Person.' }).waitFor();

    // Ready for the next visitor: nothing chosen, German again, the focus on the first area, the day kept.
    expect(await form.getByRole('checkbox', { name: 'Arbeit und Bildung' }).isChecked()).toBe(false);
    expect(await form.getByRole('checkbox', { name: 'Mit Dolmetschung' }).isChecked()).toBe(false);
    expect(await form.getByRole('combobox', { name: 'Sprache der Beratung' }).inputValue()).toBe('de');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('areaCodes');
    expect(await form.getByLabel('Tag', { exact: true }).inputValue()).toBe(berlinDay(0));
    const row = day.getByRole('row', { name: /Arbeit und Bildung, Wohnen/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual(['Arbeit und Bildung, Wohnen', 'Arabisch', 'Ja', '1', '15']);
    const totals = page.getByRole('definition');
    expect((await totals.allTextContents()).map((s) => s.trim())).toEqual(['1', '1', '15', '1']);
    await expectAccessible(page, 'quick contact counted');

    // A bad value: 0 persons is refused with a message at the field and in the summary; nothing is counted.
    await form.getByRole('checkbox', { name: 'Gesundheit' }).check();
    await form.getByRole('spinbutton', { name: 'Personen' }).fill('0');
    await form.getByRole('button', { name: 'Kontakt zählen' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const fieldError = (await page.locator('#quick-contact-countedPersons-error').textContent())?.trim() ?? '';
    expect(fieldError).not.toBe('');
    expect(await summary.textContent()).toContain(fieldError);
    expect(await form.getByRole('spinbutton', { name: 'Personen' }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'quick contact with a field error');

    // Corrected: a couple together, the totals follow.
    await form.getByRole('spinbutton', { name: 'Personen' }).fill('2');
    await form.getByRole('button', { name: 'Kontakt zählen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontakt gezählt: Gesundheit · Deutsch · 2 Personen.' }).waitFor();
    await day.getByRole('row', { name: /Gesundheit/ }).waitFor();
    expect((await totals.allTextContents()).map((s) => s.trim())).toEqual(['2', '3', '30', '1']);
    expect(await page.locator('#quick-contact-countedPersons-error').count()).toBe(0);

    // Another day: yesterday has none of them.
    await page.getByLabel('Tag anzeigen').fill(berlinDay(-1));
    await day.getByText('An diesem Tag noch keine Kurzkontakte.').waitFor();
    expect((await totals.allTextContents()).map((s) => s.trim())).toEqual(['0', '0', '0', '0']);
    await expectAccessible(page, 'quick contacts of another day');
    await context.close();
  });
});
