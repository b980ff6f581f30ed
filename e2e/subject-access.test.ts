import { describe, expect, it } from 'vitest';
import { account, organisation, region, serviceAgreement, signIn } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('subject access and erasure on request (tablet, 1024×768)', () => {
  it('the provider\'s administrator downloads a person\'s data as JSON and as an Arabic PDF, then erases one person after confirming, and the whole household', async () => {
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const worker = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const admin = await account(app, provider, 'provider_admin', 'Ada Leitung');
    const tag = uniqueTag();
    const api = await signIn(app, worker);
    const household = await api.json<{ id: string; members: { id: string; givenNames: string }[] }>('POST', '/api/households', {
      accommodation: 'own_flat', street: 'Teststraße', houseNumber: '1', postcode: '01099', quarterCode: null, regionCode: r.code, confirmNotDuplicate: true,
      members: [
        { relationship: 'head', familyName: `Haddad ${tag}`, givenNames: 'Omar', givenNamesOriginal: 'عمر', languages: ['ar'] },
        { relationship: 'spouse', familyName: `Haddad ${tag}`, givenNames: 'Lina' },
      ],
    }, 201);
    const omar = household.members.find((m) => m.givenNames === 'Omar')?.id ?? '';

    // The social worker may give the data out, not erase it.
    const workerContext = await newContext(app.browser);
    const workerPage = await workerContext.newPage();
    await logIn(workerPage, app.url, worker);
    await workerPage.goto(`${app.url}/app/households/${household.id}`);
    const workerSection = workerPage.getByRole('region', { name: 'Auskunft (Art. 15) und Löschen auf Antrag' });
    await workerSection.getByRole('link', { name: `Auskunft für Lina Haddad ${tag} als PDF` }).waitFor();
    expect(await workerSection.getByRole('button').count()).toBe(0);
    await workerContext.close();

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, admin);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Auskunft (Art. 15) und Löschen auf Antrag' });
    const table = section.getByRole('table', { name: 'Personen des Haushalts' });
    const json = table.getByRole('link', { name: `Auskunft für Omar Haddad ${tag} als JSON` });
    await json.waitFor();
    await expectAccessible(page, 'household with the person\'s rights');

    // The JSON, fetched with the page's session: Omar's record.
    const jsonHref = await json.getAttribute('href');
    expect(jsonHref).toBe(`/api/people/${omar}/subject-access.json`);
    const data = await (await page.request.get(`${app.url}${jsonHref}`)).json() as { sections: { name: string; entries: Record<string, unknown>[] }[] };
    expect(data.sections.find((s) => s.name === 'person')?.entries[0]).toMatchObject({ givenNames: 'Omar', givenNamesOriginal: 'عمر' });
    // The PDF beside Arabic.
    await section.getByLabel('Sprache der PDF-Auskunft').selectOption({ label: 'Deutsch und Arabisch' });
    const pdfHref = await table.getByRole('link', { name: `Auskunft für Omar Haddad ${tag} als PDF` }).getAttribute('href');
    expect(pdfHref).toBe(`/api/people/${omar}/subject-access.pdf?language=ar`);
    const pdf = await page.request.get(`${app.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Lina asks to be erased: asked once more, with a reason.
    await table.getByRole('button', { name: `Löschen auf Antrag: Lina Haddad ${tag}` }).click();
    const confirm = section.getByRole('group', { name: `Lina Haddad ${tag} löschen` });
    await confirm.getByText(/lässt sich nicht rückgängig machen/).waitFor();
    await confirm.getByLabel('Grund der Löschung').selectOption({ label: 'Antrag der Person (Art. 17 DSGVO)' });
    await expectAccessible(page, 'erasure to confirm');
    await confirm.getByRole('button', { name: `Lina Haddad ${tag} endgültig löschen` }).click();
    await page.getByRole('status').filter({ hasText: 'Die Person wurde gelöscht.' }).waitFor();
    await table.getByRole('row', { name: new RegExp(`Lina Haddad ${tag}`) }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'person erased');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    // Then the whole household: back to the list, the household gone.
    await table.getByRole('button', { name: `Löschen auf Antrag: Omar Haddad ${tag}` }).click();
    const last = section.getByRole('group', { name: `Omar Haddad ${tag} löschen` });
    await last.getByLabel(/Den ganzen Haushalt löschen/).check();
    await last.getByRole('button', { name: 'Haushalt endgültig löschen' }).click();
    await page.waitForURL(`${app.url}/app/households`);
    expect((await page.request.get(`${app.url}/api/households/${household.id}`)).status()).toBe(404);
    await context.close();
  });
});
