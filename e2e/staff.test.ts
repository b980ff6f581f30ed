import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, logIn, newContext, useLotse } from './harness.ts';

const app = useLotse();

const navLinks = async (page: Page): Promise<string[]> =>
  (await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allTextContents()).map((t) => t.trim());

describe('staff journeys', () => {
  it('shows the login page accessibly and refuses a wrong password with a message at the top', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/app/login`);
    await expectAccessible(page, 'login');
    await page.getByLabel('E-Mail-Adresse').fill('admin@stadt.demo');
    await page.getByLabel('Passwort', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Die Anmeldung ist nicht gelungen');
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe('admin@stadt.demo');
    await expectAccessible(page, 'login with error');
    await context.close();
  });

  it('a city admin lands on a home that fits the role, visits every admin page, switches to English and logs out', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, 'admin@stadt.demo');
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Organisationen', 'Konten', 'Regionen & Gebiete', 'Leistungsvereinbarungen', 'Protokoll']));
    await expectAccessible(page, 'home (city admin)');

    for (const [name, check] of [
      ['Organisationen', 'Brückenschlag Nord e. V.'],
      ['Konten', 'admin@stadt.demo'],
      ['Regionen & Gebiete', 'Schönfeld-Weißig'],
      ['Leistungsvereinbarungen', 'Südlicht Migrationsdienste gGmbH'],
      ['Protokoll', 'Angemeldet'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await (name === 'Protokoll' ? page.getByRole('cell', { name: check, exact: true }) : page.getByText(check, { exact: false })).first().waitFor();
      await expectAccessible(page, `${name} (city admin)`);
    }

    // the security log beside the changes: a refused login of a provider's account shows up there
    const refused = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'beratung@sued.demo', password: 'falsch geraten' }) });
    expect(refused.status).toBe(401);
    await page.getByRole('link', { name: 'Sicherheit', exact: true }).click();
    await expect.poll(() => page.title()).toContain('Protokoll: Sicherheit');
    await page.getByRole('cell', { name: 'Anmeldung fehlgeschlagen', exact: true }).first().waitFor();
    await expectAccessible(page, 'security log (city admin)');

    await page.getByRole('link', { name: 'Mein Konto', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
    await expectAccessible(page, 'my account');
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'my account (en)');

    await page.getByRole('button', { name: 'Log out' }).first().click();
    await page.waitForURL(/\/app\/login/);
    await page.goto(`${app.url}/app/organisations`);
    await page.waitForURL(/\/app\/login/);
    await context.close();
  });

  it("a social worker sees the work of their region and none of the city's administration", async () => {
    const context = await newContext(app.browser, { mobile: true });
    const page = await context.newPage();
    await logIn(page, app.url, 'beratung@nord.demo');
    const links = await navLinks(page);
    expect(links).not.toContain('Organisationen');
    expect(links).not.toContain('Konten');
    expect(links).not.toContain('Protokoll');
    await page.getByText('Brückenschlag Nord e. V.').first().waitFor();
    await page.getByText('Nord', { exact: true }).first().waitFor();
    await expectAccessible(page, 'home (social worker, tablet/phone)');
    // a page of the city's administration is not reachable by typing its address
    await page.goto(`${app.url}/app/organisations`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText('Südlicht Migrationsdienste gGmbH').count()).toBe(0);
    await context.close();
  });

  it('an evaluator finds the offices with their scorecards and waiting times, and no button to change them', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, 'bewertung@stadt.demo');
    expect(await navLinks(page)).toContain('Integrationsbüros');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('table', { name: 'Wartezeit je Büro' }).waitFor();
    await page.getByRole('link', { name: 'Integrationsbüro Nord', exact: true }).click();
    await page.getByRole('table', { name: 'Kriterien, Ampeln und Belege' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Wartezeit auf Termine' }).waitFor();
    expect(await page.getByRole('button', { name: 'Öffnungszeiten bearbeiten' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Kalender' }).count()).toBe(0);
    await expectAccessible(page, 'office (evaluator)');
    await context.close();
  });

  it("a provider admin manages only their own organisation's accounts", async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, 'leitung@nord.demo');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Konten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Konten' }).waitFor();
    await page.getByText('beratung@nord.demo').first().waitFor();
    expect(await page.getByText('beratung@sued.demo').count()).toBe(0);
    expect(await page.getByText('admin@stadt.demo').count()).toBe(0);
    await expectAccessible(page, 'accounts (provider admin)');

    // a new account of their own, then assigned to a region: saving says so, the table shows the region
    const name = `Regina Region ${Date.now().toString(36)}`;
    const create = page.getByRole('region', { name: /^Konto anlegen/ });
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('E-Mail-Adresse').fill(`regina.${Date.now().toString(36)}@nord.demo`);
    await create.getByLabel(/Einladung/).uncheck();
    await create.getByLabel('Erstes Passwort').fill('ein langes Passwort 2019');
    await create.getByRole('button', { name: 'Konto anlegen' }).click();
    await create.getByRole('status').filter({ hasText: 'ist angelegt' }).waitFor();
    await page.getByRole('button', { name: `Konto von ${name} bearbeiten` }).click();
    await page.getByRole('group', { name: 'Regionen' }).getByLabel('Nord').check();
    await expectAccessible(page, 'account edit with regions');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Die Änderungen an ${name} sind gespeichert.` }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: 'Nord', exact: true }).count()).toBe(1);
    await context.close();
  });
});
