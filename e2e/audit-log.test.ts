import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cityAccount } from './factories.ts';
import { expectAccessible, logIn, newContext, useLotse } from './harness.ts';

const app = useLotse();

describe('the audit log people can read', () => {
  it('a city admin sees names instead of ids, filters by action and period (kept in the address), is told a bad period, and exports the filter as CSV', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const admin = await cityAccount(app, 'city_admin');
    await logIn(page, app.url, admin);

    // A record of this test's own, made through the API as the signed-in admin.
    const name = `Protokoll-Test ${randomUUID().slice(0, 8)} e. V.`;
    const status = await page.evaluate(async (orgName) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/organisations', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ kind: 'provider', name: orgName }),
      });
      return res.status;
    }, name);
    expect(status).toBe(201);

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Protokoll', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await page.getByText(`Organisation: ${name}`).first().waitFor();
    await page.getByRole('columnheader', { name: /Position in der Hash-Kette/ }).waitFor();
    await expectAccessible(page, 'audit log (city admin)');

    // Filter: the action "organisation angelegt" for today; the address keeps the filter.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    await page.getByLabel('Aktion', { exact: true }).selectOption('organisation.create');
    await page.getByLabel('Von', { exact: true }).fill(today);
    await page.getByLabel('Bis (einschließlich)', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Filtern', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'organisation.create' && url.searchParams.get('from') === today);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(admin.displayName);
    expect(await row.textContent()).toContain('Organisation angelegt');
    expect(await page.getByRole('cell', { name: 'Angemeldet', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'audit log filtered');

    // The same filtered view opened from its address.
    await page.reload();
    await page.getByRole('row').filter({ hasText: name }).waitFor();
    expect(await page.getByLabel('Aktion', { exact: true }).inputValue()).toBe('organisation.create');

    // The filtered log as CSV, through the link the page offers.
    const href = await page.getByRole('link', { name: 'Gefilterte Einträge als CSV herunterladen' }).getAttribute('href');
    expect(href).toContain('/api/audit.csv?');
    expect(href).toContain('action=organisation.create');
    const csv = await context.request.get(`${app.url}${href ?? ''}`);
    expect(csv.status()).toBe(200);
    const rows = parse(await csv.text(), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r['Aktion (Kennung)'] === 'organisation.create')).toBe(true);
    expect(rows.some((r) => r['Datensätze'] === `Organisation: ${name}`)).toBe(true);

    // A period that ends before it begins: the server's field message, in the summary and at the field.
    await page.getByLabel('Von', { exact: true }).fill('2026-05-02');
    await page.getByLabel('Bis (einschließlich)', { exact: true }).fill('2026-05-01');
    await page.getByRole('button', { name: 'Filtern', exact: true }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading') });
    await summary.waitFor();
    const message = (await summary.getByRole('link').first().textContent())?.trim() ?? '';
    expect(message.length).toBeGreaterThan(0);
    expect(await page.getByLabel('Bis (einschließlich)', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#audit-filter-to-error').textContent()).toContain(message);
    await expectAccessible(page, 'audit log with a refused filter');

    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.getByRole('cell', { name: 'Angemeldet', exact: true }).first().waitFor();
    await context.close();
  });
});
