import { describe, expect, it } from 'vitest';
import { account, organisation, region, serviceAgreement, signIn } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

const berlinDay = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('transfer of a household to another region\'s provider (tablet, 1024×768)', () => {
  it('is refused without consent, sent after it, accepted by the receiving social worker who sees exactly what was consented; the sender\'s file closes', async () => {
    // Two providers of the run's own, each with its region and a social worker; a household of two in the first.
    const sender = await organisation(app);
    const receiver = await organisation(app);
    const from = await region(app);
    const to = await region(app);
    await serviceAgreement(app, sender, from);
    await serviceAgreement(app, receiver, to);
    const me = await account(app, sender, 'social_worker', 'Sami Sozialarbeit');
    const them = await account(app, receiver, 'social_worker', 'Rana Region');
    const tag = uniqueTag();
    const api = await signIn(app, me);
    const household = await api.json<{ id: string; members: { id: string; givenNames: string }[] }>('POST', '/api/households', {
      accommodation: 'own_flat', street: 'Umzugsweg', houseNumber: '3', postcode: '01099', quarterCode: null, regionCode: from.code, confirmNotDuplicate: true,
      members: [
        { relationship: 'head', familyName: `Karimi ${tag}`, givenNames: 'Dariush', familyNameOriginal: 'کریمی', birthDate: '1979-05-04', nationalities: ['AF'], languages: ['fa'] },
        { relationship: 'spouse', familyName: `Karimi ${tag}`, givenNames: 'Mina', birthDate: '1983', languages: ['fa', 'de'] },
      ],
    }, 201);
    const [dariush, mina] = household.members.map((m) => m.id);
    await api.json('PUT', `/api/households/${household.id}/plan`, { version: null, reviewOn: berlinDay(60), goals: [{ areaCode: 'language', title: 'Sprachkurs B1 fortsetzen', responsibleKind: 'person', responsiblePersonId: dariush, dueOn: berlinDay(30) }, { areaCode: 'work', title: 'Therapieplatz suchen', responsibleText: 'Beratungsstelle', sensitive: true }] }, 200);
    await api.json('POST', `/api/households/${household.id}/service-entries`, { occurredOn: berlinDay(-1), serviceId: (await api.json<{ services: { id: string; active: boolean; sensitive: boolean }[] }>('GET', '/api/catalog/current')).services.find((s) => s.active && !s.sensitive)?.id, counselledIds: [dariush], note: `Vertrauliche Notiz ${tag}` }, 201);
    // Only Dariush consented so far.
    await api.json('POST', `/api/households/${household.id}/consents`, { personId: dariush, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: receiver.name, givenOn: berlinDay(0), method: 'signed_paper' }, 201);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Umzug in eine andere Region', exact: true });
    await section.getByLabel('Neue Region').selectOption({ label: `${to.name} – ${receiver.name}` });
    await section.getByRole('heading', { name: `Was an ${receiver.name} übergeben wird` }).waitFor();
    expect(await section.textContent()).toContain(`Mina Karimi ${tag}: keine Einwilligung erfasst`);
    expect(await section.textContent()).toContain('Sprachkurs B1 fortsetzen');
    expect(await section.textContent()).not.toContain('Therapieplatz');
    expect(await section.textContent()).toContain('1 vertrauliches Ziel');
    expect(await section.textContent()).toContain('1 Leistungseintrag mit Notizen');
    await expectAccessible(page, 'what moves and what stays, a consent missing');
    await section.getByRole('button', { name: 'Übergabe senden' }).click();
    await section.getByText(`Für Mina Karimi ${tag} liegt keine gültige Einwilligung zur Übergabe an ${receiver.name} vor.`, { exact: false }).waitFor();
    await expectAccessible(page, 'transfer refused without consent');

    // Mina consents too: the check passes, the transfer goes out.
    await api.json('POST', `/api/households/${household.id}/consents`, { personId: mina, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: receiver.name, givenOn: berlinDay(0), method: 'verbal_witnessed', witnessName: 'Samira Haddad (Dolmetscherin)' }, 201);
    await page.reload();
    await section.getByLabel('Neue Region').selectOption({ label: `${to.name} – ${receiver.name}` });
    await section.getByText(`Alle Personen haben in die Übergabe an ${receiver.name} eingewilligt.`).waitFor();
    await section.getByRole('button', { name: 'Übergabe senden' }).click();
    await section.getByText(`Die Übergabe an ${receiver.name} ist gesendet.`).waitFor();
    await expectAccessible(page, 'transfer sent');
    await context.close();

    // The receiving social worker finds it on the worklist and sees exactly the package.
    const theirs = await newContext(app.browser);
    const page2 = await theirs.newPage();
    await page2.setViewportSize({ width: 1024, height: 768 });
    await logIn(page2, app.url, them);
    await page2.goto(`${app.url}/app/`);
    const item = page2.getByRole('link', { name: 'Übergabe aus einer anderen Region' });
    await item.waitFor();
    await expectAccessible(page2, 'worklist with an incoming transfer');
    await item.click();
    await page2.getByRole('heading', { name: `Übergabe: Dariush Karimi ${tag}`, level: 1 }).waitFor();
    const text = (await page2.locator('main').textContent()) ?? '';
    for (const shown of [`Dariush Karimi ${tag}`, 'کریمی', `Mina Karimi ${tag}`, 'Sprachkurs B1 fortsetzen', 'Samira Haddad (Dolmetscherin)', sender.name]) expect(text).toContain(shown);
    for (const hidden of ['Therapieplatz', `Vertrauliche Notiz ${tag}`, 'Umzugsweg']) expect(text).not.toContain(hidden);
    await expectAccessible(page2, 'incoming transfer to review');
    expect(await page2.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page2.getByRole('button', { name: 'Annehmen' }).click();
    await page2.getByText('Die Übergabe ist angenommen; der Haushalt hat hier eine neue Fallakte.').waitFor();
    await expectAccessible(page2, 'transfer accepted');
    await page2.getByRole('link', { name: 'Zum Haushalt' }).click();
    await page2.getByRole('heading', { name: new RegExp(`Dariush Karimi ${tag}`), level: 1 }).waitFor();
    await expectAccessible(page2, 'the received household');
    await theirs.close();

    // The sender's case file is closed as transferred.
    const after = await api.json<{ caseFile: { closedAt: string | null; closeReason: string | null } }>('GET', `/api/households/${household.id}`);
    expect([after.caseFile.closedAt !== null, after.caseFile.closeReason]).toEqual([true, 'transferred']);
  });

  it('is declined by the receiving social worker with a reason; the sender\'s file stays open', async () => {
    const sender = await organisation(app);
    const receiver = await organisation(app);
    const from = await region(app);
    const to = await region(app);
    await serviceAgreement(app, sender, from);
    await serviceAgreement(app, receiver, to);
    const me = await account(app, sender, 'social_worker', 'Sami Sozialarbeit');
    const them = await account(app, receiver, 'social_worker', 'Rana Region');
    const tag = uniqueTag();
    const api = await signIn(app, me);
    const household = await api.json<{ id: string; members: { id: string }[] }>('POST', '/api/households', {
      accommodation: 'shared_accommodation', accommodationName: 'Gemeinschaftsunterkunft', quarterCode: null, regionCode: from.code, confirmNotDuplicate: true,
      members: [{ relationship: 'head', familyName: `Petrenko ${tag}`, givenNames: 'Olha', languages: ['uk'] }],
    }, 201);
    await api.json('POST', `/api/households/${household.id}/consents`, { personId: household.members[0]?.id, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: receiver.name, givenOn: berlinDay(0), method: 'signed_paper' }, 201);
    const transfer = await api.json<{ id: string }>('POST', `/api/households/${household.id}/transfers`, { regionCode: to.code }, 201);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, them);
    await page.goto(`${app.url}/app/transfers/${transfer.id}`);
    await page.getByRole('heading', { name: `Übergabe: Olha Petrenko ${tag}`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Ablehnen' }).click();
    const panel = page.getByRole('region', { name: 'Übergabe ablehnen' });
    await panel.getByRole('button', { name: 'Ablehnung senden' }).click();
    await panel.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
    await expectAccessible(page, 'decline without a reason');
    await panel.getByLabel('Grund').fill('Die Familie ist nicht in unsere Region gezogen.');
    await panel.getByRole('button', { name: 'Ablehnung senden' }).click();
    await page.getByText('Abgelehnt', { exact: true }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Die Familie ist nicht in unsere Region gezogen.');
    expect(await page.getByRole('button', { name: 'Annehmen' }).count()).toBe(0);
    await expectAccessible(page, 'transfer declined');
    await context.close();

    const after = await api.json<{ caseFile: { closedAt: string | null } }>('GET', `/api/households/${household.id}`);
    expect(after.caseFile.closedAt).toBeNull();
  });
});
