import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { account, cityAccount, providerWithOffice, type Account, type Office, type Organisation, type Region } from './factories.ts';
import { expectAccessible, logIn, newContext, useLotse } from './harness.ts';

const app = useLotse();

/** Two providers of the test's own, each with a region, an agreement and an office there. */
let north: { provider: Organisation; region: Region; office: Office };
let south: { provider: Organisation; region: Region; office: Office };
let lead: Account;
let worker: Account;
let otherWorker: Account;
beforeAll(async () => {
  north = await providerWithOffice(app);
  south = await providerWithOffice(app);
  lead = await account(app, north.provider, 'provider_admin');
  worker = await account(app, north.provider, 'social_worker');
  otherWorker = await account(app, south.provider, 'social_worker');
});

const navLinks = async (page: Page): Promise<string[]> =>
  (await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allTextContents()).map((t) => t.trim());

describe('staff journeys', () => {
  it('shows the login page accessibly and refuses a wrong password with a message at the top', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/app/login`);
    await expectAccessible(page, 'login');
    await page.getByLabel('E-Mail-Adresse').fill(worker.email);
    await page.getByLabel('Passwort', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Die Anmeldung ist nicht gelungen');
    expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe(worker.email);
    await expectAccessible(page, 'login with error');
    await context.close();
  });

  it('a city admin lands on a home that fits the role, visits every admin page, switches to English and logs out', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    const admin = await cityAccount(app, 'city_admin');
    await logIn(page, app.url, admin);
    expect(await navLinks(page)).toEqual(expect.arrayContaining(['Organisationen', 'Konten', 'Regionen & Gebiete', 'Leistungsvereinbarungen', 'Protokoll']));
    await expectAccessible(page, 'home (city admin)');

    for (const [name, check] of [
      ['Organisationen', north.provider.name],
      ['Konten', admin.email],
      ['Regionen & Gebiete', south.region.member.name],
      ['Leistungsvereinbarungen', south.provider.name],
      ['Protokoll', 'Angemeldet'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await (name === 'Protokoll' ? page.getByRole('cell', { name: check, exact: true }) : page.getByText(check, { exact: false })).first().waitFor();
      await expectAccessible(page, `${name} (city admin)`);
    }

    // the security log beside the changes: a refused login of a provider's account shows up there
    const refused = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: otherWorker.email, password: 'falsch geraten' }) });
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
    await logIn(page, app.url, worker);
    const links = await navLinks(page);
    expect(links).not.toContain('Organisationen');
    expect(links).not.toContain('Konten');
    expect(links).not.toContain('Protokoll');
    await page.getByText(north.provider.name).first().waitFor();
    await page.getByText(north.region.name, { exact: true }).first().waitFor();
    await expectAccessible(page, 'home (social worker, tablet/phone)');
    // a page of the city's administration is not reachable by typing its address
    await page.goto(`${app.url}/app/organisations`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByText(south.provider.name).count()).toBe(0);
    await context.close();
  });

  it('an evaluator finds the offices with their scorecards and waiting times, and no button to change them', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, await cityAccount(app, 'evaluator'));
    expect(await navLinks(page)).toContain('Integrationsbüros');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('table', { name: 'Wartezeit je Büro' }).waitFor();
    await page.getByRole('link', { name: north.office.name, exact: true }).click();
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
    await logIn(page, app.url, lead);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Konten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Konten' }).waitFor();
    await page.getByText(worker.email).first().waitFor();
    expect(await page.getByText(otherWorker.email).count()).toBe(0);
    expect(await page.getByText(app.admin.email).count()).toBe(0);
    await expectAccessible(page, 'accounts (provider admin)');

    // a new account of their own, then assigned to a region: saving says so, the table shows the region
    const name = `Regina Region ${Date.now().toString(36)}`;
    const create = page.getByRole('region', { name: /^Konto anlegen/ });
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('E-Mail-Adresse').fill(`regina.${Date.now().toString(36)}@e2e.test`);
    await create.getByLabel(/Einladung/).uncheck();
    await create.getByLabel('Erstes Passwort').fill('ein langes Passwort 2019');
    await create.getByRole('button', { name: 'Konto anlegen' }).click();
    await create.getByRole('status').filter({ hasText: 'ist angelegt' }).waitFor();
    await page.getByRole('button', { name: `Konto von ${name} bearbeiten` }).click();
    await page.getByRole('group', { name: 'Regionen' }).getByLabel(north.region.name, { exact: true }).check();
    await expectAccessible(page, 'account edit with regions');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `Die Änderungen an ${name} sind gespeichert.` }).waitFor();
    expect(await page.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: north.region.name, exact: true }).count()).toBe(1);
    await context.close();
  });
});
