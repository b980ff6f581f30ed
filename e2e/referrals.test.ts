import { describe, expect, it } from 'vitest';
import { account, berlinDay, householdOf, organisation, region, serviceAgreement, signIn, tabletPage } from './factories.ts';
import { expectAccessible, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('referrals from the case file (tablet, 1024×768)', () => {
  it('a social worker is refused a referral without consent, records the consent, sends the referral, moves it on and finds its follow-up on the worklist', async () => {
    // A provider of the run's own, in a region of its own, with a team lead keeping a partner, a social worker and a household.
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const lead = await signIn(app, await account(app, provider, 'provider_admin'));
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const tag = uniqueTag();
    const partner = `Sprachschule Elbufer ${tag}`;
    await lead.json('POST', '/api/partners', { regionCode: r.code, kind: 'language_course', name: partner, contact: 'Frau Lange, 0351 000' }, 201);
    const api = await signIn(app, me);
    const household = await householdOf(api, r.code, `Haddad ${tag}`, ['Omar']);

    const { context, page } = await tabletPage(app, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Vermittlungen', exact: true });
    await section.getByText('Noch keine Vermittlung.').waitFor();
    await expectAccessible(page, 'household without referrals');

    // Omar is to go to the language school: without his consent the API refuses, saying what is missing.
    await section.getByRole('button', { name: 'Vermitteln' }).click();
    const form = page.getByRole('region', { name: 'Vermittlung an einen Partner' });
    await form.getByLabel('Person').selectOption({ label: `Omar Haddad ${tag}` });
    await form.getByLabel('Partner').selectOption({ label: `${partner} (Sprachkurs)` });
    await form.getByLabel('Wozu').fill('Integrationskurs B1');
    await form.getByLabel('Wiedervorlage am').fill(berlinDay(3));
    await expectAccessible(page, 'referral form filled in');
    await form.getByRole('button', { name: 'Vermittlung senden' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Dafür fehlt eine gültige Einwilligung.');
    const message = `Keine gültige Einwilligung von Omar Haddad ${tag} zur Vermittlung an ${partner}.`;
    expect((await page.locator('#referral-new-partnerId-error').textContent())?.trim()).toBe(message);
    expect(await form.getByLabel('Partner').getAttribute('aria-invalid')).toBe('true');
    await form.getByText(`Für Omar Haddad ${tag} liegt keine Einwilligung zur Vermittlung an ${partner} vor.`, { exact: false }).waitFor();
    await expectAccessible(page, 'referral refused without consent');

    // The signed release is recorded in the consents section above.
    const consents = page.getByRole('region', { name: 'Einwilligungen', exact: true });
    await consents.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const consentForm = page.getByRole('region', { name: 'Einwilligung erfassen' });
    await consentForm.getByRole('radio', { name: 'Vermittlung' }).check();
    await consentForm.getByLabel('Name des Partners').fill(partner);
    await consentForm.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Einwilligung ist gespeichert.' }).waitFor();

    // Sent again, it goes through.
    await form.getByRole('button', { name: 'Vermittlung senden' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Vermittlung ist gesendet.' }).waitFor();
    const row = section.getByRole('table', { name: 'Vermittlungen des Haushalts' }).getByRole('row', { name: new RegExp(partner) });
    await row.getByText('vermittelt', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Integrationskurs B1');
    await expectAccessible(page, 'referral sent');

    // The school accepts: the state moves on, the follow-up stays.
    await row.getByRole('button', { name: `Stand ändern: ${partner}` }).click();
    const change = page.getByRole('region', { name: `Stand der Vermittlung an ${partner} (Omar Haddad ${tag})` });
    await change.getByRole('radio', { name: 'angenommen' }).check();
    await expectAccessible(page, 'referral state to change');
    await change.getByRole('button', { name: 'Stand speichern' }).click();
    await page.getByRole('status').filter({ hasText: `Gespeichert: ${partner}, angenommen.` }).waitFor();
    await row.getByText('angenommen', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    // The follow-up is on the worklist of the home page, linking to the referral.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Startseite', exact: true }).click();
    const due = page.getByRole('region', { name: 'Was in meinen Fällen ansteht' }).getByRole('row', { name: new RegExp(`Vermittlung nachhalten.*${partner}`) });
    await due.waitFor();
    expect(await due.textContent()).toContain('Integrationskurs B1');
    await expectAccessible(page, 'home with the referral to follow up');
    await due.getByRole('link', { name: 'Vermittlung nachhalten' }).click();
    await page.getByRole('region', { name: 'Vermittlungen', exact: true }).getByRole('row', { name: new RegExp(partner) }).waitFor();
    expect(page.url()).toContain('#referral-');

    // A colleague notes something meanwhile: the stale save is refused, the form says so, the next save builds on theirs.
    const [accepted] = (await api.json<{ referrals: { id: string; version: number }[] }>('GET', `/api/households/${household.id}/referrals`)).referrals;
    const again = page.getByRole('region', { name: 'Vermittlungen', exact: true }).getByRole('row', { name: new RegExp(partner) });
    await again.getByRole('button', { name: `Stand ändern: ${partner}` }).click();
    await api.json('PATCH', `/api/referrals/${accepted?.id ?? ''}`, { version: accepted?.version ?? 1, outcome: 'Einstufungstest bestanden' }, 200);
    const done = page.getByRole('region', { name: `Stand der Vermittlung an ${partner} (Omar Haddad ${tag})` });
    await done.getByRole('radio', { name: 'erledigt' }).check();
    await done.getByLabel('Ergebnis').fill('Kurs begonnen');
    await done.getByRole('button', { name: 'Stand speichern' }).click();
    await done.getByText('Jemand hat diesen Eintrag inzwischen geändert.', { exact: false }).waitFor();
    await expectAccessible(page, 'referral changed meanwhile');
    await done.getByRole('button', { name: 'Stand speichern' }).click();
    await page.getByRole('status').filter({ hasText: `Gespeichert: ${partner}, erledigt.` }).waitFor();

    const list = await api.json<{ referrals: { state: string; outcome: string; followUpOn: string }[] }>('GET', `/api/households/${household.id}/referrals`);
    expect(list.referrals.map((x) => [x.state, x.outcome, x.followUpOn])).toEqual([['done', 'Kurs begonnen', berlinDay(3)]]);
    await context.close();
  });
});

describe('the provider\'s partners (tablet, 1024×768)', () => {
  it('the team lead adds a partner in the region, changes its contact, archives it; the social worker reads the list without buttons', async () => {
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const leadAccount = await account(app, provider, 'provider_admin');
    const worker = await account(app, provider, 'social_worker');
    const tag = uniqueTag();
    const name = `Kita Sonnenblume ${tag}`;

    const { context, page } = await tabletPage(app, leadAccount);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Partner', exact: true }).click();
    await page.getByRole('heading', { name: 'Partner', level: 1 }).waitFor();
    await page.getByText('Noch keine Partner erfasst.').waitFor();
    await expectAccessible(page, 'partners, none yet');

    await page.getByRole('button', { name: 'Partner hinzufügen' }).click();
    const form = page.getByRole('region', { name: 'Partner hinzufügen' });
    await form.getByLabel('Region').selectOption({ label: r.name });
    await form.getByLabel('Art').selectOption({ label: 'Kita/Schule' });
    await form.getByRole('button', { name: 'Partner speichern' }).click();
    expect((await page.locator('#partner-new-name-error').textContent())?.trim()).toBe('Bitte füllen Sie dieses Feld aus.');
    await expectAccessible(page, 'partner form with a field message');
    await form.getByLabel('Name', { exact: true }).fill(name);
    await form.getByLabel('Kontakt').fill('Frau Krause');
    await form.getByRole('button', { name: 'Partner speichern' }).click();
    await page.getByRole('status').filter({ hasText: `Gespeichert: ${name}.` }).waitFor();
    const table = page.getByRole('table', { name: 'Partner des Trägers' });
    const row = table.getByRole('row', { name: new RegExp(name) });
    expect(await row.textContent()).toContain('Frau Krause');

    await row.getByRole('button', { name: `Ändern: ${name}` }).click();
    const edit = page.getByRole('region', { name: `Partner ändern: ${name}` });
    await edit.getByLabel('Kontakt').fill('Frau Krause, 0351 000');
    await expectAccessible(page, 'partner to change');
    await edit.getByRole('button', { name: 'Partner speichern' }).click();
    await page.getByRole('status').filter({ hasText: `Gespeichert: ${name}.` }).waitFor();
    await row.getByText('Frau Krause, 0351 000').waitFor();

    await row.getByRole('button', { name: `Archivieren: ${name}` }).click();
    await page.getByRole('status').filter({ hasText: `Archiviert: ${name}.` }).waitFor();
    await page.getByText('Noch keine Partner erfasst.').waitFor();
    await page.getByLabel('Archivierte Partner zeigen').check();
    await table.getByRole('row', { name: new RegExp(name) }).getByText('archiviert', { exact: true }).waitFor();
    await expectAccessible(page, 'partners with an archived one');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await context.close();

    // The social worker reads the list (restored meanwhile through the API), without buttons.
    const lead = await signIn(app, leadAccount);
    const listed = await lead.json<{ partners: { id: string; version: number }[] }>('GET', '/api/partners?includeArchived=true');
    const archived = listed.partners[0];
    await lead.json('PATCH', `/api/partners/${archived?.id ?? ''}`, { version: archived?.version ?? 1, archived: false }, 200);
    const { context: workerContext, page: workerPage } = await tabletPage(app, worker);
    await workerPage.goto(`${app.url}/app/partners`);
    await workerPage.getByRole('table', { name: 'Partner des Trägers' }).getByRole('row', { name: new RegExp(name) }).waitFor();
    expect(await workerPage.getByRole('button', { name: 'Partner hinzufügen' }).count()).toBe(0);
    expect(await workerPage.getByRole('table', { name: 'Partner des Trägers' }).getByRole('button').count()).toBe(0);
    await expectAccessible(workerPage, 'partners for a social worker');
    await workerContext.close();
  });
});
