import { describe, expect, it } from 'vitest';
import { account, cityAccount, cityAdmin, organisation } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('the service catalog', () => {
  it('a city admin starts a draft, adds a service (told a missing English name first), publishes it with a confirm step, and a social worker reads it', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, await cityAccount(app, 'city_admin'));
    // The catalog is the city's reference data, shared by every run on this database: the draft
    // gets the next version number and a service code of this run's own.
    const versions = (await (await (await cityAdmin(app)).send('GET', '/api/catalog/versions')).json()) as { number: number }[];
    const next = Math.max(...versions.map((v) => v.number)) + 1;
    const draft = `Version ${next}: Version ${next}`;
    const tag = uniqueTag();
    const serviceName = `Vermittlung bei Nachbarschaftskonflikten ${tag}`;

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Leistungskatalog', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Leistungskatalog' }).waitFor();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Version ${next - 1}: `) }).waitFor();
    await page.getByRole('rowheader', { name: /Erstberatung Leistungsbezug/ }).waitFor();
    await expectAccessible(page, 'catalog (current, city admin)');

    await page.getByRole('button', { name: 'Neuen Entwurf anlegen' }).click();
    await page.getByRole('heading', { level: 2, name: draft }).waitFor();
    await page.getByText('Dieser Entwurf ist noch nicht veröffentlicht.', { exact: false }).waitFor();
    await expectAccessible(page, 'catalog draft');

    const add = page.getByRole('region', { name: 'Leistung hinzufügen' });
    await add.getByLabel('Code').fill(`housing.neighbours-${tag}`);
    await add.getByLabel('Bezeichnung (Deutsch)').fill(serviceName);
    await add.getByLabel('Integrationsbereich').selectOption('housing');
    await add.getByLabel('Baustein').selectOption('basic');
    await add.getByRole('button', { name: 'Leistung hinzufügen' }).click();
    // The server's field error, at the field and in the summary.
    await add.getByRole('alert').waitFor();
    expect(await add.locator('.kern-form-input--error').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'catalog service form with an error');
    await add.getByLabel('Bezeichnung (Englisch)').fill('Mediating between neighbours');
    await add.getByRole('button', { name: 'Leistung hinzufügen' }).click();
    await add.getByText('Die Leistung ist hinzugefügt.').waitFor();
    await page.getByRole('rowheader', { name: new RegExp(serviceName) }).waitFor();

    await page.getByRole('button', { name: 'Veröffentlichen …' }).click();
    await page.getByText(new RegExp(`Version ${next} ab .* veröffentlichen\\?`)).waitFor();
    await expectAccessible(page, 'catalog publish confirm');
    await page.getByRole('button', { name: 'Ja, veröffentlichen' }).click();
    await page.getByText(`Version ${next} ist veröffentlicht.`).waitFor();
    await page.getByRole('heading', { level: 2, name: draft }).waitFor();
    await page.getByText('gilt heute').first().waitFor();
    await expectAccessible(page, 'catalog published');
    await context.close();

    // Everyone reads the catalog in force: the social worker sees the new service, no editing.
    const worker = await newContext(app.browser);
    const workerPage = await worker.newPage();
    await logIn(workerPage, app.url, await account(app, await organisation(app), 'social_worker'));
    await workerPage.goto(`${app.url}/app/catalog`);
    await workerPage.getByRole('heading', { level: 2, name: draft }).waitFor();
    await workerPage.getByRole('rowheader', { name: new RegExp(serviceName) }).waitFor();
    expect(await workerPage.getByRole('button', { name: 'Neuen Entwurf anlegen' }).count()).toBe(0);
    expect(await workerPage.getByRole('button', { name: /bearbeiten$/ }).count()).toBe(0);
    await expectAccessible(workerPage, 'catalog (social worker)');
    await worker.close();
  });
});
