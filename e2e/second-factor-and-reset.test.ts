import { TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { account, organisation } from './factories.ts';
import { expectAccessible, newContext, submitLogin, useLotse } from './harness.ts';

/** Lotse sends its mail over real SMTP to an inbox in the test process. */
const app = useLotse({ mail: true });

describe('second factor and password reset', () => {
  it('a team lead sets up TOTP and is asked for a code at the next login', async () => {
    const lead = await account(app, await organisation(app), 'provider_admin');
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await submitLogin(page, app.url, lead.email, lead.password);
    await page.waitForURL(/\/app\/?$/);
    await page.getByRole('link', { name: 'Mein Konto', exact: true }).first().click();
    await page.getByRole('button', { name: 'Zweiten Faktor einrichten' }).click();
    const secret = (await page.locator('.staff-secret code').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await expectAccessible(page, 'TOTP setup');
    const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('Code aus der App').fill(totp.generate());
    await page.getByRole('button', { name: 'Einrichten abschließen' }).click();
    await page.getByText('Der zweite Faktor ist eingerichtet.').first().waitFor();

    await page.getByRole('button', { name: 'Abmelden' }).first().click();
    await page.waitForURL(/\/app\/login/);
    await submitLogin(page, app.url, lead.email, lead.password);
    await page.getByRole('heading', { level: 1, name: 'Code eingeben' }).waitFor();
    await expectAccessible(page, 'TOTP login step');
    // a wrong code is refused with a message, the right one lets them in
    await page.getByLabel('Code aus der App').fill('000000');
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByRole('alert').first().waitFor();
    // the next 30-second step, so the code cannot be a replay of the one used to enrol
    await page.getByLabel('Code aus der App').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.waitForURL(/\/app\/?$/);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await context.close();
  });

  it('a social worker who forgot the password gets a mail over SMTP and sets a new one', async () => {
    const provider = await organisation(app);
    const worker = await account(app, provider, 'social_worker');
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/app/login`);
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Passwort vergessen' }).waitFor();
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('E-Mail-Adresse').fill(worker.email);
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    await page.getByText('Anfrage erhalten').first().waitFor();

    await expect.poll(() => app.mails.filter((m) => m.to === worker.email).length, { timeout: 15_000 }).toBe(1);
    const mail = app.mails.find((m) => m.to === worker.email);
    const link = /https?:\/\/\S+\/app\/reset-password\?token=[\w-]+/.exec(mail?.text ?? '')?.[0];
    expect(link).toBeDefined();
    const url = new URL(link ?? '');
    await page.goto(`${app.url}${url.pathname}${url.search}`);
    await page.getByRole('heading', { level: 1, name: 'Neues Passwort setzen' }).waitFor();
    await expectAccessible(page, 'reset password');
    // too short first: a field message, nothing lost
    await page.getByLabel('Neues Passwort').fill('short');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByRole('alert').first().waitFor();
    await page.getByLabel('Neues Passwort').fill('ein langer neuer Satz 2026');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    await page.getByText('Ihr neues Passwort ist gespeichert.').first().waitFor();

    await submitLogin(page, app.url, worker.email, 'ein langer neuer Satz 2026');
    await page.waitForURL(/\/app\/?$/);
    await page.getByText(provider.name).first().waitFor();
    await context.close();
  });
});
