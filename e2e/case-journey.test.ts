import { describe, expect, it } from 'vitest';
import type { Plan, PlanView } from '#contracts/plans.ts';
import { account, appointmentType, counsellor, organisation, providerWithOffice, region, serviceAgreement, signIn } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

const berlinDay = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/**
 * The case file's whole journey on a 1024×768 tablet, as issue 7 asks: a social worker searches in
 * Arabic and finds a person recorded in Latin letters, creates a household of two adults and two
 * children after ruling out a likely duplicate, assesses a need, makes a plan with two goals, documents three
 * services (one with an interpreter and a family member counselled alongside), finds a goal due on
 * the worklist, counts a quick anonymous contact at the office, books a staff appointment for a member from the household
 * and finds it listed there, and meets a colleague's change of the plan on saving; a social worker of
 * another provider's region gets 404 for the household. axe on every view.
 */
describe('a case file from search to plan (tablet, 1024×768)', () => {
  it('search across scripts, a household of four, an assessment, a plan with two goals, a staff appointment from the household, the worklist, a refused stale edit, and 404 for another provider', async () => {
    const { provider, region: r, office } = await providerWithOffice(app);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const colleague = await account(app, provider, 'social_worker', 'Bea Beispiel');
    const lead = await account(app, provider, 'provider_admin', 'Paula Leitung');
    // The office books first consultations, with a counsellor who speaks Arabic.
    const setup = await signIn(app, lead);
    const consultation = await appointmentType(setup, office, { name: 'Erstberatung' });
    await counsellor(setup, office, ['de', 'ar']);
    const tag = uniqueTag();
    // Already recorded by a colleague, in Latin letters only.
    const theirs = await signIn(app, colleague);
    await theirs.json('POST', '/api/households', { accommodation: 'shared_accommodation', accommodationName: 'Übergangswohnheim Nord', quarterCode: null, regionCode: r.code, confirmNotDuplicate: true, members: [{ relationship: 'head', familyName: 'Al-Hassan', givenNames: 'Mohammed', birthDate: '1985-03-14' }] }, 201);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, me);

    // Search first, by keyboard, in Arabic script: the Latin record is found.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Haushalte', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Haushalte' }).waitFor();
    await expectAccessible(page, 'households: search first');
    await page.getByLabel('Name', { exact: true }).fill('محمد الحسن');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: /Treffer für „محمد الحسن“/ }).waitFor();
    await page.getByRole('region', { name: 'Gefundene Personen' }).getByRole('row', { name: /Mohammed Al-Hassan/ }).first().waitFor();
    await expectAccessible(page, 'households: search results across scripts');

    // Not the same man: a new household of two adults and two children, the search carried over.
    await page.getByRole('link', { name: 'Neuen Haushalt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neuer Haushalt' }).waitFor();
    expect(await page.getByLabel('Familienname (wie im Dokument)').first().inputValue()).toBe('الحسن');
    const people = [
      { familyName: 'Al-Hassan', givenNames: 'Muhammad', birthDate: '1985', relationship: null, languages: '' },
      { familyName: 'Al-Hassan', givenNames: `Amal ${tag}`, birthDate: '1992-05-02', relationship: 'Partner·in', languages: 'ar, de' },
      { familyName: 'Al-Hassan', givenNames: 'Yara', birthDate: '2016', relationship: 'Kind', languages: '' },
      { familyName: 'Al-Hassan', givenNames: 'Karim', birthDate: '2021-11-30', relationship: 'Kind', languages: '' },
    ];
    for (const [i, p] of people.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
      const person = page.getByRole('group', { name: `Person ${i + 1}` });
      if (p.relationship) await person.getByLabel('Beziehung zum Haushaltsvorstand').selectOption({ label: p.relationship });
      await person.getByLabel('Familienname (wie im Dokument)').fill(p.familyName);
      await person.getByLabel('Vornamen (wie im Dokument)').fill(p.givenNames);
      await person.getByLabel('Geburtsdatum').fill(p.birthDate);
      if (p.languages) await person.getByLabel(/^Sprachen/).fill(p.languages);
    }
    await page.getByLabel('Region').selectOption({ label: r.name });
    await expectAccessible(page, 'new household of four');
    await page.getByRole('button', { name: 'Haushalt anlegen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Diese Personen sind vielleicht schon erfasst' }).waitFor();
    await expectAccessible(page, 'new household: likely duplicates');
    await page.getByLabel('Keine dieser Personen ist dieselbe – trotzdem neu anlegen').check();
    await page.getByRole('button', { name: 'Haushalt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Haushalt Muhammad Al-Hassan' }).waitFor();
    const members = page.getByRole('table', { name: 'Haushalt auf einen Blick' });
    for (const p of people) await members.getByRole('rowheader', { name: `${p.givenNames} ${p.familyName}`, exact: false }).waitFor();
    const householdUrl = page.url();
    const householdId = householdUrl.split('/').pop() ?? '';
    await expectAccessible(page, 'the new household');

    // A need: Amal, language, high.
    const assessments = page.getByRole('region', { name: 'Bedarfsfeststellung', exact: true });
    await assessments.getByRole('button', { name: 'Bedarf feststellen' }).click();
    const assess = page.getByRole('region', { name: 'Bedarf feststellen' });
    await assess.getByLabel('Für wen').selectOption({ label: `Amal ${tag} Al-Hassan` });
    await assess.getByLabel('Integrationsbereich').selectOption('language');
    await assess.getByLabel('hoch').check();
    await assess.getByRole('textbox', { name: /^Notiz/ }).fill('Kein Kursplatz bis Januar');
    await assess.getByRole('button', { name: 'Feststellung speichern' }).click();
    await page.getByText('Die Bedarfsfeststellung ist gespeichert.').waitFor();
    const glance = page.getByRole('region', { name: 'Bedarfe auf einen Blick', exact: true });
    await glance.getByRole('row', { name: `Amal ${tag} Al-Hassan`, exact: false }).getByText('hoch', { exact: true }).waitFor();

    // The plan with two goals; the second is due tomorrow.
    const plan = page.getByRole('region', { name: 'Hilfeplan', exact: true });
    await plan.getByRole('button', { name: 'Hilfeplan anlegen' }).click();
    await page.getByText('Der Hilfeplan ist angelegt.').waitFor();
    const goals = [
      { area: 'language', title: `Sprachkurs B1 für Amal ${tag}`, who: `Amal ${tag} Al-Hassan`, dueOn: berlinDay(30) },
      { area: 'social', title: `Kita-Platz für Karim ${tag}`, who: 'Muhammad Al-Hassan', dueOn: berlinDay(1) },
    ];
    for (const g of goals) {
      await plan.getByRole('button', { name: 'Ziel hinzufügen' }).click();
      const add = page.getByRole('region', { name: 'Ziel hinzufügen' });
      await add.getByLabel('Integrationsbereich').selectOption(g.area);
      await add.getByLabel('Ziel', { exact: true }).fill(g.title);
      await add.getByLabel('Welche Person').selectOption({ label: g.who });
      await add.getByLabel('Fällig am').fill(g.dueOn);
      await add.getByLabel('Fällig am').press('Enter');
      await page.getByText('Das Ziel ist hinzugefügt.').waitFor();
      await page.getByRole('heading', { level: 3, name: g.title }).waitFor();
    }
    await expectAccessible(page, 'household with a plan of two goals');

    // A colleague changes the plan meanwhile: my save is refused with their change shown.
    const view = await theirs.json<PlanView>('GET', `/api/households/${householdId}/plan`);
    const current = view.plan as Plan;
    await theirs.json('PUT', `/api/households/${householdId}/plan`, {
      version: current.version, reviewOn: current.reviewOn,
      goals: current.goals.map((g) => ({ id: g.id, areaCode: g.areaCode, title: g.title === goals[0]?.title ? `${g.title} (Abendkurs)` : g.title, steps: g.steps, responsibleKind: g.responsibleKind, responsiblePersonId: g.responsiblePersonId, dueOn: g.dueOn })),
    });
    await page.getByRole('button', { name: `Bearbeiten: ${goals[0]?.title ?? ''}` }).click();
    const edit = page.getByRole('region', { name: `Ziel bearbeiten: ${goals[0]?.title ?? ''}` });
    await edit.getByLabel('Fällig am').fill(berlinDay(40));
    await edit.getByRole('button', { name: 'Speichern' }).click();
    const conflict = edit.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await conflict.getByText(`${goals[0]?.title ?? ''} (Abendkurs)`).waitFor();
    await expectAccessible(page, 'plan edit: changed meanwhile');
    await conflict.getByRole('button', { name: 'Aktuellen Stand übernehmen' }).click();
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Der Hilfeplan ist gespeichert.').waitFor();

    // Three service entries. The first with an interpreter, Amal counselled alongside her husband.
    const entries = page.getByRole('region', { name: 'Leistungen', exact: true });
    const entryForm = page.getByRole('region', { name: 'Leistung erfassen' });
    await entries.getByRole('button', { name: 'Leistung erfassen' }).click();
    await entryForm.getByLabel('Leistung', { exact: true }).selectOption({ label: 'language.integration-course — Beratung Integrationskurs (Berechtigung, Anmeldung)' });
    await entryForm.getByRole('group', { name: `Amal ${tag} Al-Hassan` }).getByLabel('mitberaten').check();
    await entryForm.getByLabel('Sprache der Beratung').selectOption({ label: 'Arabisch' });
    await entryForm.getByLabel('Mit Dolmetschung').check();
    await entryForm.getByRole('textbox', { name: /^Notiz/ }).fill('Berechtigungsschein für beide beantragt');
    await expectAccessible(page, 'service entry form');
    await entryForm.getByRole('button', { name: 'Leistung speichern' }).click();
    await page.getByText('Leistung gespeichert.').waitFor();
    // The usual entry: the last service is kept, so it is open, the note, save (by keyboard alone).
    await entries.getByRole('button', { name: 'Leistung erfassen' }).focus();
    await page.keyboard.press('Enter');
    expect(await entryForm.getByLabel('Leistung', { exact: true }).inputValue()).not.toBe('');
    await entryForm.getByRole('textbox', { name: /^Notiz/ }).focus();
    await page.keyboard.type('Anmeldung beim Kursträger bestätigt');
    await entryForm.getByRole('button', { name: 'Leistung speichern' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Leistung gespeichert.').waitFor();
    // A home visit about the flat.
    await entries.getByRole('button', { name: 'Leistung erfassen' }).click();
    await entryForm.getByLabel('Leistung', { exact: true }).selectOption({ label: 'housing.search — Wohnungssuche' });
    await entryForm.getByLabel('Hausbesuch').check();
    await entryForm.getByLabel('Dauer in Minuten').fill('45');
    await entryForm.getByRole('button', { name: 'Leistung speichern' }).click();
    await page.getByText('Leistung gespeichert.').waitFor();
    const documented = entries.getByRole('table', { name: 'Erfasste Leistungen, neueste zuerst' });
    await documented.getByRole('row', { name: /Wohnungssuche.*Hausbesuch, 45 Minuten/ }).waitFor();
    await documented.getByRole('row', { name: /Anmeldung beim Kursträger bestätigt/ }).waitFor();
    await documented.getByRole('row', { name: new RegExp(`Amal ${tag} Al-Hassan \\(mitberaten\\).*Arabisch Dolmetschung`) }).waitFor();
    expect(await documented.getByRole('row').count()).toBe(4);
    await expectAccessible(page, 'household with three service entries');

    // A staff appointment for Amal, booked from the household: none yet, then the office's calendar
    // with the booking form for her (her name and language taken over), and back to the household.
    const appointments = page.getByRole('region', { name: 'Termine', exact: true });
    await appointments.getByText('Für diesen Haushalt sind noch keine Termine gebucht.').waitFor();
    await appointments.getByLabel('Für wen').selectOption({ label: `Amal ${tag} Al-Hassan` });
    await expectAccessible(page, 'household: no appointments yet');
    await appointments.getByRole('link', { name: /^Termin vereinbaren/ }).click();
    await page.getByRole('heading', { level: 1, name: `Kalender – ${office.name}` }).waitFor();
    const booking = page.getByRole('region', { name: 'Termin für eine Person buchen' });
    await booking.getByText(`Für Amal ${tag} Al-Hassan aus dem Haushalt Muhammad Al-Hassan`).waitFor();
    expect(await booking.getByLabel('Name', { exact: true }).inputValue()).toBe(`Amal ${tag} Al-Hassan`);
    expect(await booking.getByLabel('Sprache des Gesprächs').inputValue()).toBe('ar');
    await expectAccessible(page, 'calendar: booking for a member of the household');
    const slots = (await (await fetch(`${app.url}/api/offices/${office.id}/slots?type=${consultation.id}&days=14&language=ar`)).json()) as { next: string | null };
    expect(slots.next).not.toBeNull();
    const next = new Date(slots.next ?? '');
    const berlin = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', ...opts }).format(next);
    const startsAt = berlin({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    await booking.getByLabel('Tag', { exact: true }).fill(berlin({ year: 'numeric', month: '2-digit', day: '2-digit' }));
    await booking.getByLabel('Uhrzeit').fill(startsAt);
    await booking.getByRole('button', { name: 'Termin buchen' }).click();
    await booking.getByRole('status').filter({ hasText: 'Buchungscode' }).waitFor();
    await expectAccessible(page, 'calendar: booked for the household');
    await booking.getByRole('link', { name: 'Zurück zum Haushalt Muhammad Al-Hassan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Haushalt Muhammad Al-Hassan' }).waitFor();
    const upcoming = page.getByRole('region', { name: 'Termine', exact: true }).getByRole('table', { name: 'Anstehende Termine' });
    const booked = upcoming.getByRole('row', { name: new RegExp(`${startsAt}.*Amal ${tag} Al-Hassan.*${office.name}.*Erstberatung.*Beratung de/ar.*gebucht`) });
    await booked.waitFor();
    await expectAccessible(page, 'household with a booked appointment');

    // At the office's counter: a quick anonymous contact, no case file, no name.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('link', { name: office.name, exact: true }).click();
    await page.getByRole('link', { name: 'Kurzkontakte', exact: true }).click();
    const counter = page.getByRole('form', { name: 'Kontakt zählen' });
    await counter.getByRole('checkbox', { name: 'Wohnen' }).check();
    await counter.getByRole('combobox', { name: 'Sprache der Beratung' }).selectOption('fa');
    await counter.getByRole('button', { name: 'Kontakt zählen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontakt gezählt: Wohnen · Persisch · 1 Person.' }).waitFor();
    await page.getByRole('table', { name: /^Kurzkontakte am/ }).getByRole('row', { name: /Wohnen/ }).waitFor();
    await expectAccessible(page, 'a quick anonymous contact at the office');

    // The worklist on the home page shows the goal due tomorrow, linking to it.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Startseite', exact: true }).click();
    const due = page.getByRole('region', { name: 'Was in meinen Fällen ansteht' }).getByRole('row', { name: new RegExp(goals[1]?.title ?? '') });
    await due.waitFor();
    await expectAccessible(page, 'home with the goal due');
    await due.getByRole('link').first().click();
    await page.getByRole('article', { name: goals[1]?.title ?? '' }).waitFor();
    await context.close();

    // The provider's administrator sees who opened the case file, from the household page.
    const leadContext = await newContext(app.browser);
    const leadPage = await leadContext.newPage();
    await leadPage.setViewportSize({ width: 1024, height: 768 });
    await logIn(leadPage, app.url, lead);
    await leadPage.goto(householdUrl);
    await leadPage.getByRole('link', { name: 'Wer diese Fallakte geöffnet hat (Protokoll)' }).click();
    await leadPage.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
    await leadPage.getByRole('row').filter({ hasText: me.displayName }).first().waitFor();
    await expectAccessible(leadPage, 'who opened the case file');
    await leadContext.close();

    // Another provider's social worker, in another region, gets 404 for the household, in the app and the API.
    const elsewhere = await organisation(app);
    await serviceAgreement(app, elsewhere, await region(app));
    const stranger = await account(app, elsewhere, 'social_worker', 'Sara Süd');
    expect((await (await signIn(app, stranger)).send('GET', `/api/households/${householdId}`)).status).toBe(404);
    const strangerContext = await newContext(app.browser);
    const strangerPage = await strangerContext.newPage();
    await strangerPage.setViewportSize({ width: 1024, height: 768 });
    await logIn(strangerPage, app.url, stranger);
    await strangerPage.goto(householdUrl);
    await strangerPage.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    expect(await strangerPage.getByText('Al-Hassan').count()).toBe(0);
    await expectAccessible(strangerPage, 'another provider: not found');
    await strangerContext.close();
  });
});
