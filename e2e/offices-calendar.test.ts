import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, newContext, startLotse, type RunningLotse } from './harness.ts';

let lotse: RunningLotse;
let browser: Browser;

beforeAll(async () => {
  lotse = await startLotse();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await lotse?.stop();
});

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${lotse.url}/app/login`);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL(/\/app\/?$/);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

async function openOffice(page: Page, name: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Integrationsbüros' }).waitFor();
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('offices, appointments and geodata in the staff app', () => {
  it('a provider admin opens their office, reads the scorecard and edits the opening hours (an error, then success)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await logIn(page, 'leitung@nord.demo');
    await nav(page).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrationsbüros' }).waitFor();
    await page.getByRole('rowheader', { name: /Integrationsbüro Süd/ }).waitFor();
    await expectAccessible(page, 'offices list (provider admin)');

    await page.getByRole('link', { name: 'Integrationsbüro Nord', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrationsbüro Nord' }).waitFor();
    const scorecard = page.getByRole('table', { name: 'Kriterien, Ampeln und Belege' });
    await scorecard.getByRole('rowheader', { name: 'Fußwege' }).waitFor();
    // the light is a word (and an icon), not a colour alone; unknown is its own answer
    expect(await scorecard.getByRole('row', { name: /Fußwege/ }).textContent()).toContain('Grün – erfüllt');
    expect(await scorecard.getByRole('row', { name: /Zentrale Lage/ }).textContent()).toContain('Unbekannt');
    expect(await page.getByText('Breite Gehwege, Ampel direkt vor dem Haus.').count()).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'Nächste Haltestellen' }).getByRole('rowheader', { name: 'Bischofsweg (Demo)' }).waitFor();
    await expectAccessible(page, 'office detail (provider admin)');

    await page.getByRole('button', { name: 'Öffnungszeiten bearbeiten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Öffnungszeiten bearbeiten' }).waitFor();
    await page.getByLabel('Schließt (Zeile 1)', { exact: true }).fill('08:00');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const fieldError = await page.locator('#office-hours-openingHours-0-closes-error').textContent();
    expect(fieldError?.trim()).toBeTruthy();
    expect(await summary.textContent()).toContain(fieldError?.trim() ?? 'x');
    await expectAccessible(page, 'opening hours with an error');

    await page.getByLabel('Schließt (Zeile 1)', { exact: true }).fill('12:30');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Die Änderungen sind gespeichert.' }).waitFor();
    await page.getByRole('table', { name: 'Regelmäßige Öffnungszeiten' }).getByRole('cell', { name: '09:00–12:30' }).first().waitFor();
    await expectAccessible(page, 'office after saving the hours');
    await context.close();
  });
});
