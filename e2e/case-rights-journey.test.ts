import { describe, expect, it } from 'vitest';
import { samplePdf } from '#server/platform/sample-documents.ts';
import { pdfText } from '#test/pdf.ts';
import { account, berlinDay, cityAccount, cityAdmin, providerInRegion, signIn, tabletPage } from './factories.ts';
import { expectAccessible, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('one household\'s case file from consent to transfer (tablet, 1024×768)', () => {
  it('consent printed in Arabic, a letter due on the worklist, a referral refused and sent with consent, Fachleistung approved by the city with hours booked, a transfer refused and sent with consent that the receiver sees exactly and accepts, the sender\'s file closed', async () => {
    // Provider A holds region X, provider B region Y; a social worker each, A's team lead keeps a partner, the city's coordinator of X.
    const { provider: providerA, region: x } = await providerInRegion(app);
    const { provider: providerB, region: y } = await providerInRegion(app);
    const me = await account(app, providerA, 'social_worker', 'Sami Sozialarbeit');
    const them = await account(app, providerB, 'social_worker', 'Rana Region');
    const coordinator = await cityAccount(app, 'city_coordinator');
    await (await cityAdmin(app)).json('PATCH', `/api/accounts/${coordinator.id}`, { regionCodes: [x.code] }, 200);
    const tag = uniqueTag();
    const partner = `Sprachschule Elbufer ${tag}`;
    await (await signIn(app, await account(app, providerA, 'provider_admin'))).json('POST', '/api/partners', { regionCode: x.code, kind: 'language_course', name: partner, contact: 'Frau Lange' }, 201);
    const api = await signIn(app, me);
    const household = await api.json<{ id: string; members: { id: string }[] }>('POST', '/api/households', {
      accommodation: 'own_flat', street: 'Fristenweg', houseNumber: '8', postcode: '01099', quarterCode: null, regionCode: x.code, confirmNotDuplicate: true,
      members: [{ relationship: 'head', familyName: `Haddad ${tag}`, givenNames: 'Omar', givenNamesOriginal: 'عمر', languages: ['ar'] }],
    }, 201);
    const omar = `Omar Haddad ${tag}`;

    const { context, page } = await tabletPage(app, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    await page.getByRole('heading', { name: new RegExp(omar), level: 1 }).waitFor();
    await expectAccessible(page, 'the household');

    // 1. Omar signs a release for the Kita; its form prints German beside Arabic.
    const consents = page.getByRole('region', { name: 'Einwilligungen', exact: true });
    await consents.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const consentForm = page.getByRole('region', { name: 'Einwilligung erfassen' });
    await consentForm.getByRole('radio', { name: 'Austausch' }).check();
    await consentForm.getByLabel('Name des Partners').fill('Kita Regenbogen');
    await expectAccessible(page, 'consent form filled in');
    await consentForm.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Einwilligung ist gespeichert.' }).waitFor();
    const print = consents.getByRole('link', { name: 'Formular drucken: Kita Regenbogen' });
    await print.waitFor();
    await consents.getByLabel('Sprache des Formulars').selectOption({ label: 'Deutsch und Arabisch' });
    expect(await print.getAttribute('href')).toMatch(/\?language=ar$/);
    await expectAccessible(page, 'consent recorded, its form to print');
    const form = await context.request.get(new URL((await print.getAttribute('href')) ?? '', app.url).href);
    expect([form.status(), form.headers()['content-type']]).toEqual([200, 'application/pdf']);
    const printed = (await pdfText(await form.body())).replace(/\s+/g, ' ');
    for (const shown of ['Entbindung von der Schweigepflicht', 'Kita Regenbogen', providerA.name, 'من واجب السرية', 'عمر']) expect(printed).toContain(shown);

    // 2. A letter of the Jobcenter with a deadline in three days: on the worklist.
    const letters = page.getByRole('region', { name: 'Briefe und Fristen', exact: true });
    await letters.getByRole('button', { name: 'Brief hinzufügen' }).click();
    const letterForm = page.getByRole('region', { name: 'Brief hinzufügen' });
    await letterForm.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: samplePdf(['Jobcenter Dresden', `Aktenzeichen 72301BG${tag}`]) });
    await letterForm.getByLabel('Absender').selectOption({ label: 'Jobcenter' });
    await letterForm.getByLabel(/^Aktenzeichen/).fill(`72301BG${tag}`);
    await letterForm.getByLabel('Betrifft').selectOption({ label: omar });
    await letterForm.getByLabel(/^Frist/).fill(berlinDay(3));
    await expectAccessible(page, 'letter form filled in');
    await letterForm.getByRole('button', { name: 'Brief speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Brief ist gespeichert.' }).waitFor();
    await letters.getByRole('table', { name: 'Briefe des Haushalts' }).getByRole('row', { name: /Jobcenter/ }).getByText('offen', { exact: true }).waitFor();
    await expectAccessible(page, 'letter uploaded');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Startseite', exact: true }).click();
    const due = page.getByRole('region', { name: 'Was in meinen Fällen ansteht' }).getByRole('row', { name: new RegExp(`Haddad ${tag}`) }).filter({ hasText: 'Jobcenter' });
    await due.getByRole('link', { name: 'Frist eines Briefs' }).waitFor();
    await expectAccessible(page, 'worklist with the letter due');
    await due.getByRole('link', { name: 'Frist eines Briefs' }).click();

    // 3. The referral to the language school: refused without Omar's consent, sent once it is recorded.
    const referrals = page.getByRole('region', { name: 'Vermittlungen', exact: true });
    await referrals.getByRole('button', { name: 'Vermitteln' }).click();
    const referralForm = page.getByRole('region', { name: 'Vermittlung an einen Partner' });
    await referralForm.getByLabel('Person').selectOption({ label: omar });
    await referralForm.getByLabel('Partner').selectOption({ label: `${partner} (Sprachkurs)` });
    await referralForm.getByLabel('Wozu').fill('Integrationskurs B1');
    await referralForm.getByLabel('Wiedervorlage am').fill(berlinDay(7));
    await referralForm.getByRole('button', { name: 'Vermittlung senden' }).click();
    await referralForm.getByRole('alert').waitFor();
    expect((await page.locator('#referral-new-partnerId-error').textContent())?.trim()).toBe(`Keine gültige Einwilligung von ${omar} zur Vermittlung an ${partner}.`);
    await expectAccessible(page, 'referral refused without consent');
    await consents.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await consentForm.getByRole('radio', { name: 'Vermittlung' }).check();
    await consentForm.getByLabel('Name des Partners').fill(partner);
    await consentForm.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Einwilligung ist gespeichert.' }).waitFor();
    await referralForm.getByRole('button', { name: 'Vermittlung senden' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Vermittlung ist gesendet.' }).waitFor();
    await referrals.getByRole('table', { name: 'Vermittlungen des Haushalts' }).getByRole('row', { name: new RegExp(partner) }).getByText('vermittelt', { exact: true }).waitFor();
    await expectAccessible(page, 'referral sent');

    // 4. Fachleistung: applied for, approved by the coordinator of region X in a browser of the city.
    const specialist = page.getByRole('region', { name: 'Fachleistung', exact: true });
    await specialist.getByRole('button', { name: 'Fachleistung beantragen' }).click();
    const application = page.getByRole('region', { name: 'Fachleistung beantragen' });
    await application.getByLabel(/Mehrere miteinander verknüpfte Problemlagen/).check();
    await application.getByLabel('Erwartete Stunden in den nächsten 12 Monaten').fill('48');
    await application.getByLabel('Begründung für das Sozialamt').fill('Drei laufende Verfahren zugleich; Begleitung zu Terminen nötig.');
    await expectAccessible(page, 'application filled in');
    await application.getByRole('button', { name: 'Beim Sozialamt beantragen' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Antrag ist beim Sozialamt gestellt.' }).waitFor();
    const requests = specialist.getByRole('table', { name: 'Anträge auf Fachleistung' });
    await requests.getByText('beantragt', { exact: true }).waitFor();

    const city = await tabletPage(app, coordinator);
    await city.page.getByRole('link', { name: 'Fachleistungen' }).first().click();
    const cityRow = city.page.getByRole('table', { name: 'Anträge auf Fachleistung' }).getByRole('row', { name: /FL-/ });
    await cityRow.waitFor();
    expect(await cityRow.textContent()).not.toContain('Haddad');
    await expectAccessible(city.page, 'the coordinator\'s requests');
    await cityRow.getByRole('button', { name: /^Über FL-.+ entscheiden$/ }).click();
    const decision = city.page.getByRole('region', { name: /^Entscheidung über FL-/ });
    await decision.getByLabel('Bewilligte Stunden').fill('40');
    await expectAccessible(city.page, 'decision filled in');
    await decision.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await city.page.getByRole('status').filter({ hasText: /ist bewilligt\.$/ }).waitFor();
    await cityRow.getByText('bewilligt', { exact: true }).waitFor();
    await city.context.close();

    // Two hours of Fachleistung booked (with a note that stays with provider A): shown against the approval.
    const catalog = await api.json<{ services: { id: string; blockCode: string; active: boolean; sensitive: boolean }[] }>('GET', '/api/catalog/current');
    const specialistService = catalog.services.find((s) => s.blockCode === 'specialist' && s.active && !s.sensitive);
    await api.json('POST', `/api/households/${household.id}/service-entries`, { occurredOn: berlinDay(0), minutes: 120, serviceId: specialistService?.id, counselledIds: [household.members[0]?.id], note: `Vertrauliche Notiz ${tag}` }, 201);
    await page.reload();
    await requests.getByText('bewilligt', { exact: true }).waitFor();
    expect(await requests.textContent()).toContain('2 von 40 Std. geleistet');
    await expectAccessible(page, 'hours delivered against the approval');

    // 5. Omar moves to region Y: refused without his transfer consent, sent with it.
    const transfer = page.getByRole('region', { name: 'Umzug in eine andere Region', exact: true });
    await transfer.getByLabel('Neue Region').selectOption({ label: `${y.name} – ${providerB.name}` });
    await transfer.getByRole('heading', { name: `Was an ${providerB.name} übergeben wird` }).waitFor();
    await transfer.getByRole('button', { name: 'Übergabe senden' }).click();
    await transfer.getByText(`Für ${omar} liegt keine gültige Einwilligung zur Übergabe an ${providerB.name} vor.`, { exact: false }).waitFor();
    await expectAccessible(page, 'transfer refused without consent');
    await api.json('POST', `/api/households/${household.id}/consents`, { personId: household.members[0]?.id, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: providerB.name, givenOn: berlinDay(0), method: 'signed_paper' }, 201);
    await page.reload();
    await transfer.getByLabel('Neue Region').selectOption({ label: `${y.name} – ${providerB.name}` });
    await transfer.getByText(`Alle Personen haben in die Übergabe an ${providerB.name} eingewilligt.`).waitFor();
    await transfer.getByRole('button', { name: 'Übergabe senden' }).click();
    await transfer.getByText(`Die Übergabe an ${providerB.name} ist gesendet.`).waitFor();
    await expectAccessible(page, 'transfer sent');

    // B's social worker sees exactly what was consented: Omar, the transfer consent, the running approval; no note, letter, referral or other consent.
    const receiving = await tabletPage(app, them);
    await receiving.page.goto(`${app.url}/app/`);
    await receiving.page.getByRole('link', { name: 'Übergabe aus einer anderen Region' }).click();
    await receiving.page.getByRole('heading', { name: `Übergabe: ${omar}`, level: 1 }).waitFor();
    const text = (await receiving.page.locator('main').textContent()) ?? '';
    for (const shown of [omar, 'عمر', providerA.name, 'Laufende Fachleistungs-Bewilligungen', '40 Stunden vom']) expect(text).toContain(shown);
    for (const hidden of [`Vertrauliche Notiz ${tag}`, `72301BG${tag}`, 'Jobcenter', partner, 'Integrationskurs', 'Kita Regenbogen', 'Fristenweg']) expect(text).not.toContain(hidden);
    await expectAccessible(receiving.page, 'incoming transfer to review');
    expect(await receiving.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await receiving.page.getByRole('button', { name: 'Annehmen' }).click();
    await receiving.page.getByText('Die Übergabe ist angenommen; der Haushalt hat hier eine neue Fallakte.').waitFor();
    await expectAccessible(receiving.page, 'transfer accepted');
    await receiving.context.close();

    // 6. A's case file is closed, as transferred.
    await page.reload();
    const facts = page.getByRole('definition').filter({ hasText: 'Umzug in eine andere Region (übergeben)' });
    await facts.waitFor();
    expect(await page.getByLabel('Fallakte', { exact: true }).textContent()).toContain('abgeschlossen');
    await expectAccessible(page, 'the sender\'s case file closed');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await context.close();
  });
});
