import { describe, expect, it } from 'vitest';
import { account, providerWithOffice } from './factories.ts';
import { expectAccessible, logIn, newContext, useLotse } from './harness.ts';

const app = useLotse();

describe('services an office offers', () => {
  it('a provider admin sees the office\'s services, changes them with checkboxes, and the public page lists them in Arabic', async () => {
    // an office of the test's own, offering every block and counselling in every area
    const blockCodes = ((await (await fetch(`${app.url}/api/service-blocks`)).json()) as { code: string }[]).map((b) => b.code);
    const areaCodes = ((await (await fetch(`${app.url}/api/integration-areas`)).json()) as { code: string }[]).map((a) => a.code);
    const { provider, office } = await providerWithOffice(app, { services: { blocks: blockCodes, areas: areaCodes } });
    const lead = await account(app, provider, 'provider_admin');
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, lead);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('link', { name: office.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: office.name }).waitFor();
    const officeId = office.id;
    const section = page.getByRole('region', { name: 'Angebote' });
    await section.getByText('Grundleistung (Willkommensleistung), Offene Sprechzeit, Fachleistung').waitFor();

    await page.getByRole('button', { name: 'Adresse, Kontakt und Angebote bearbeiten' }).click();
    const blocks = page.getByRole('group', { name: 'Leistungen, die das Büro anbietet' });
    const areas = page.getByRole('group', { name: 'Integrationsbereiche, in denen das Büro berät' });
    await blocks.getByRole('checkbox', { name: 'Fachleistung' }).waitFor();
    expect(await blocks.getByRole('checkbox', { name: 'Fachleistung' }).isChecked()).toBe(true);
    expect(await areas.getByRole('checkbox').count()).toBe(9);
    await expectAccessible(page, 'office details form with services');
    await blocks.getByRole('checkbox', { name: 'Fachleistung' }).uncheck();
    await areas.getByRole('checkbox', { name: 'Gesundheit' }).uncheck();
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Die Änderungen sind gespeichert.' }).waitFor();
    await section.getByText('Grundleistung (Willkommensleistung), Offene Sprechzeit', { exact: true }).waitFor();
    expect(await section.textContent()).not.toContain('Gesundheit');
    await context.close();

    const visitor = await newContext(app.browser, { locale: 'ar' });
    const pub = await visitor.newPage();
    await pub.goto(`${app.url}/ar/offices/${officeId}`);
    const services = pub.getByRole('region', { name: 'الخدمات' });
    await services.getByRole('listitem').filter({ hasText: 'ساعات الاستشارة المفتوحة' }).waitFor();
    expect(await services.textContent()).not.toContain('الخدمة المتخصصة');
    expect(await services.textContent()).toContain('العمل والتعليم');
    await expectAccessible(pub, 'public office page with services (ar)');
    await visitor.close();
  });
});
