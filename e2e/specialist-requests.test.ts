import { describe, expect, it } from 'vitest';
import { account, berlinDay, cityAccount, cityAdmin, householdOf, organisation, region, serviceAgreement, signIn, tabletPage } from './factories.ts';
import { expectAccessible, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('Fachleistung: applied for by the provider, approved by the city (tablet, 1024×768)', () => {
  it('a social worker applies (after a field message for too few hours), the region\'s coordinator approves under the pseudonym, the hours delivered show against the approval, and the provider\'s administrator finds the coordinator\'s views in its log', async () => {
    // A provider of the run's own, in a region of its own, with a social worker and a household; a coordinator of that region.
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const coordinator = await cityAccount(app, 'city_coordinator');
    await (await cityAdmin(app)).json('PATCH', `/api/accounts/${coordinator.id}`, { regionCodes: [r.code] }, 200);
    const tag = uniqueTag();
    const api = await signIn(app, me);
    const household = await householdOf(api, r.code, `Haddad ${tag}`, ['Omar'], '3');

    const { context, page } = await tabletPage(app, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Fachleistung', exact: true });
    await section.getByText('Noch kein Antrag.').waitFor();
    await expectAccessible(page, 'household without a Fachleistung');

    await section.getByRole('button', { name: 'Fachleistung beantragen' }).click();
    const form = page.getByRole('region', { name: 'Fachleistung beantragen' });
    await form.getByLabel(/Mehrere miteinander verknüpfte Problemlagen/).check();
    await form.getByLabel(/Drohender Wohnungsverlust/).check();
    await form.getByLabel('Erwartete Stunden in den nächsten 12 Monaten').fill('30');
    await form.getByLabel('Begründung für das Sozialamt').fill('Mietschulden und drei laufende Verfahren zugleich; Begleitung zu Terminen nötig.');
    await expectAccessible(page, 'application filled in');
    await form.getByRole('button', { name: 'Beim Sozialamt beantragen' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    const message = 'Eine Fachleistung setzt mindestens 35 Stunden in den nächsten 12 Monaten voraus.';
    expect((await page.locator('#specialist-new-forecastHours-error').textContent())?.trim()).toBe(message);
    expect(await summary.textContent()).toContain(message);
    await expectAccessible(page, 'application with a field message');
    await form.getByLabel('Erwartete Stunden in den nächsten 12 Monaten').fill('48');
    await form.getByRole('button', { name: 'Beim Sozialamt beantragen' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Antrag ist beim Sozialamt gestellt.' }).waitFor();
    const table = section.getByRole('table', { name: 'Anträge auf Fachleistung' });
    await table.getByText('beantragt', { exact: true }).waitFor();
    expect(await table.textContent()).toContain('48 Std. erwartet');
    await expectAccessible(page, 'application sent');

    // The coordinator of the region finds it through the menu, under a pseudonym, and approves it.
    const { context: city, page: cityPage } = await tabletPage(app, coordinator);
    await cityPage.getByRole('link', { name: 'Fachleistungen' }).first().click();
    const requests = cityPage.getByRole('table', { name: 'Anträge auf Fachleistung' });
    const row = requests.getByRole('row', { name: /FL-/ });
    await row.waitFor();
    expect(await requests.getByRole('row').count()).toBe(2);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(provider.name);
    expect(text).not.toContain('Haddad');
    expect(text).not.toContain('Omar');
    await expectAccessible(cityPage, 'the coordinator\'s requests');
    await row.getByRole('button', { name: /^Über FL-.+ entscheiden$/ }).click();
    const decision = cityPage.getByRole('region', { name: /^Entscheidung über FL-/ });
    await decision.getByText('Mietschulden und drei laufende Verfahren zugleich; Begleitung zu Terminen nötig.').waitFor();
    expect(await decision.getByLabel('Bewilligt ab').inputValue()).toBe(berlinDay(0));
    await decision.getByLabel('Bewilligte Stunden').fill('40');
    await expectAccessible(cityPage, 'decision filled in');
    await decision.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await cityPage.getByRole('status').filter({ hasText: /ist bewilligt\.$/ }).waitFor();
    await row.getByText('bewilligt', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('0 von 40 Std. geleistet');
    expect(await row.getByRole('button').count()).toBe(0);
    await expectAccessible(cityPage, 'request approved');
    expect(await cityPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    // An hour and a half of Fachleistung is booked; the household page shows it against the approval.
    const catalog = await api.json<{ services: { id: string; blockCode: string; active: boolean; sensitive: boolean }[] }>('GET', '/api/catalog/current');
    const specialist = catalog.services.find((s) => s.blockCode === 'specialist' && s.active && !s.sensitive);
    await api.json('POST', `/api/households/${household.id}/service-entries`, { occurredOn: berlinDay(0), minutes: 90, serviceId: specialist?.id, counselledIds: [household.members[0]?.id] }, 201);
    await page.reload();
    await table.getByText('bewilligt', { exact: true }).waitFor();
    expect(await table.textContent()).toContain('1,5 von 40 Std. geleistet');
    await section.getByRole('button', { name: 'Verlängerung beantragen' }).waitFor();
    await expectAccessible(page, 'hours delivered against the approval');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await city.close();
    await context.close();

    // The provider's administrator finds the coordinator's views in the provider's own log, from the household page.
    const lead = await account(app, provider, 'provider_admin', 'Tara Teamleitung');
    const { context: leadContext, page: leadPage } = await tabletPage(app, lead);
    await leadPage.goto(`${app.url}/app/households/${household.id}`);
    await leadPage.getByRole('link', { name: 'Wer diese Fallakte geöffnet hat (Protokoll)' }).click();
    await leadPage.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await leadPage.getByRole('row').filter({ hasText: 'Fachleistungsanträge angesehen (Sozialamt)' }).first().waitFor();
    await leadPage.getByRole('row').filter({ hasText: 'Fachleistung bewilligt (Sozialamt)' }).first().waitFor();
    await expectAccessible(leadPage, 'the coordinator\'s views in the provider\'s log');
    await leadContext.close();
  });

  it('the city\'s administration sets the threshold on its own page (after a field message for 0 hours)', async () => {
    const admin = await cityAccount(app, 'city_admin');
    const { context, page } = await tabletPage(app, admin);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Fachleistung: Schwelle', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fachleistung: Schwelle' }).waitFor();
    const field = page.getByLabel('Mindestens erwartete Stunden in 12 Monaten');
    await expect.poll(() => field.inputValue()).toBe('35');
    await expectAccessible(page, 'threshold (default)');
    await field.fill('0');
    await page.getByRole('button', { name: 'Schwelle speichern' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'threshold with a field message');
    await field.fill('40');
    await page.getByRole('button', { name: 'Schwelle speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Schwelle ist gespeichert: 40 Stunden.' }).waitFor();
    await page.getByText(/^Zuletzt geändert/).waitFor();
    await expectAccessible(page, 'threshold saved');
    // Back to the default for the other journeys on this database.
    const api = await signIn(app, admin);
    const now = await api.json<{ version: number }>('GET', '/api/specialist-settings');
    await api.json('PUT', '/api/specialist-settings', { thresholdHours: 35, version: now.version }, 200);
    await context.close();
  });
});
