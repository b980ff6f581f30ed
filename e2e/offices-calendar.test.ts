import type { Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '#test/png.ts';
import { account, cityAccount, cityAdmin, providerWithOffice, type Account, type Office, type Organisation } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../test/fixtures/geo/${name}`, import.meta.url));

const app = useLotse();

/** Offices of the test's own (each with its provider, region and agreement) and the provider's staff. */
let mine: { provider: Organisation; office: Office };
let other: { office: Office };
let lead: Account;
beforeAll(async () => {
  mine = await providerWithOffice(app);
  other = await providerWithOffice(app);
  lead = await account(app, mine.provider, 'provider_admin');
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

async function openOffice(page: Page, name: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Integrationsbüros' }).waitFor();
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('offices, appointments and geodata in the staff app', () => {
  it('a provider admin opens their office, reads the scorecard and edits the opening hours (an error, then success)', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    // the city's assessment of the footpaths, with a note, as the scorecard's evidence
    const note = `Breite Gehwege, Ampel direkt vor dem Haus (${uniqueTag()}).`;
    const assessed = await (await cityAdmin(app)).send('PUT', `/api/offices/${mine.office.id}/site-assessment`, { footpaths: { rating: 'good', note } });
    expect(assessed.status).toBe(204);
    await logIn(page, app.url, lead);
    await nav(page).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Integrationsbüros' }).waitFor();
    // another provider's office is listed too
    await page.getByRole('rowheader', { name: new RegExp(other.office.name) }).waitFor();
    await expectAccessible(page, 'offices list (provider admin)');

    await page.getByRole('link', { name: mine.office.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: mine.office.name }).waitFor();
    const scorecard = page.getByRole('table', { name: 'Kriterien, Ampeln und Belege' });
    await scorecard.getByRole('rowheader', { name: 'Fußwege' }).waitFor();
    // the light is a word (and an icon), not a colour alone; unknown is its own answer
    expect(await scorecard.getByRole('row', { name: /Fußwege/ }).textContent()).toContain('Grün – erfüllt');
    expect(await scorecard.getByRole('row', { name: /Zentrale Lage/ }).textContent()).toContain('Unbekannt');
    expect(await page.getByText(note).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'office detail (provider admin)');

    await page.getByRole('button', { name: 'Öffnungszeiten bearbeiten' }).click();
    await page.getByRole('heading', { level: 2, name: 'Öffnungszeiten bearbeiten' }).waitFor();
    await page.getByLabel('Schließt (Zeile 1)', { exact: true }).fill('08:00');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const fieldError = await page.locator('#office-hours-openingHours-0-closes-error').textContent();
    expect(fieldError?.trim()).toBeTruthy();
    expect(await summary.textContent()).toContain(fieldError?.trim() ?? 'x');
    await expectAccessible(page, 'opening hours with an error');

    await page.getByLabel('Schließt (Zeile 1)', { exact: true }).fill('12:30');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Die Änderungen sind gespeichert.' }).waitFor();
    await page.getByRole('table', { name: 'Regelmäßige Öffnungszeiten' }).getByRole('cell', { name: '09:00–12:30' }).first().waitFor();
    await expectAccessible(page, 'office after saving the hours');
    await context.close();
  });

  it('a provider admin sets up an appointment type and a counsellor; a social worker sees a public booking in the day calendar and marks it done', async () => {
    const admin = await newContext(app.browser);
    const page = await admin.newPage();
    await logIn(page, app.url, lead);
    await openOffice(page, mine.office.name);
    const officeId = mine.office.id;
    expect(page.url()).toContain(officeId);
    await page.getByRole('link', { name: 'Terminvergabe einrichten' }).click();
    await page.getByRole('heading', { level: 1, name: `Terminvergabe einrichten – ${mine.office.name}` }).waitFor();
    await expectAccessible(page, 'appointment setup (empty)');

    // an appointment type: a wrong duration first, then a good one
    const typeForm = page.getByRole('region', { name: 'Terminart anlegen' });
    await typeForm.getByLabel('Bezeichnung').fill('Kurzberatung E2E');
    await typeForm.getByLabel('Dauer (Minuten)').fill('2');
    await typeForm.getByLabel('Mindestvorlauf (Minuten)').fill('0');
    await typeForm.getByRole('button', { name: 'Terminart anlegen' }).click();
    await typeForm.getByRole('alert').waitFor();
    expect(await page.locator('#type-new-durationMinutes-error').textContent()).toBeTruthy();
    await typeForm.getByLabel('Dauer (Minuten)').fill('30');
    await typeForm.getByRole('button', { name: 'Terminart anlegen' }).click();
    await typeForm.getByRole('status').filter({ hasText: 'Die Terminart Kurzberatung E2E ist angelegt.' }).waitFor();
    await page.getByRole('table', { name: 'Terminarten dieses Büros' }).getByRole('rowheader', { name: 'Kurzberatung E2E' }).waitFor();

    // a counsellor available every day of the week
    const resourceForm = page.getByRole('region', { name: 'Person hinzufügen' });
    await resourceForm.getByLabel('Name', { exact: true }).fill('Berta Beispiel');
    await resourceForm.getByLabel('Sprachen').fill('de, ar');
    for (let weekday = 1; weekday <= 7; weekday++) {
      await resourceForm.getByRole('button', { name: 'Zeitfenster hinzufügen' }).click();
      await resourceForm.getByLabel(`Wochentag (Zeile ${weekday})`).selectOption(String(weekday));
      await resourceForm.getByLabel(`Von (Zeile ${weekday})`).fill('08:00');
      await resourceForm.getByLabel(`Bis (Zeile ${weekday})`).fill('20:00');
    }
    await resourceForm.getByRole('button', { name: 'Hinzufügen', exact: true }).click();
    await resourceForm.getByRole('status').filter({ hasText: 'Berta Beispiel ist hinzugefügt.' }).waitFor();
    await page.getByRole('table', { name: 'Beratende und Dolmetschende dieses Büros' }).getByRole('rowheader', { name: 'Berta Beispiel' }).waitFor();
    await expectAccessible(page, 'appointment setup (with a type and a counsellor)');
    await admin.close();

    // a resident books through the public API
    const types = (await (await fetch(`${app.url}/api/offices/${officeId}/appointment-types`)).json()) as { types: { id: string; name: string }[] };
    const typeId = types.types.find((ty) => ty.name === 'Kurzberatung E2E')?.id ?? '';
    const slots = (await (await fetch(`${app.url}/api/offices/${officeId}/slots?type=${typeId}&days=14`)).json()) as { next: string | null };
    expect(slots.next).not.toBeNull();
    const booked = await fetch(`${app.url}/api/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${Date.now()}` },
      body: JSON.stringify({ officeId, typeId, start: slots.next, name: 'Amal Haddad', email: `amal.${uniqueTag()}@example.org`, language: 'ar' }),
    });
    expect(booked.status).toBe(201);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(slots.next ?? ''));

    // the social worker of the provider sees it in the day calendar (on a tablet) and marks it done
    const worker = await newContext(app.browser, { mobile: true });
    const tablet = await worker.newPage();
    await logIn(tablet, app.url, await account(app, mine.provider, 'social_worker'));
    await tablet.getByRole('heading', { level: 2, name: 'Termine heute' }).waitFor();
    // one heading for the day, each office's table named by the office (no repeated "Termine heute")
    await tablet.getByRole('table', { name: mine.office.name }).waitFor();
    expect(await tablet.getByText('Termine heute', { exact: false }).count()).toBe(1);
    await expectAccessible(tablet, 'home with today (social worker)');
    await tablet.goto(`${app.url}/app/offices/${officeId}/calendar`);
    await tablet.getByRole('heading', { level: 1, name: `Kalender – ${mine.office.name}` }).waitFor();
    await tablet.getByLabel('Datum', { exact: true }).fill(day);
    const row = tablet.getByRole('row', { name: /Amal Haddad/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Kurzberatung E2E');
    expect(await row.textContent()).toContain('Arabisch');
    expect(await row.textContent()).toContain('gebucht');
    await expectAccessible(tablet, 'day calendar (social worker)');
    await row.getByRole('button', { name: /^Erledigt/ }).click();
    await tablet.getByRole('row', { name: /Amal Haddad/ }).filter({ hasText: 'erledigt' }).waitFor();

    // staff book for a person at the next free time
    const again = (await (await fetch(`${app.url}/api/offices/${officeId}/slots?type=${typeId}&days=14`)).json()) as { next: string | null };
    const next = new Date(again.next ?? '');
    const berlin = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', ...opts }).format(next);
    const booking = tablet.getByRole('region', { name: 'Termin für eine Person buchen' });
    await booking.getByLabel('Terminart').selectOption({ label: 'Kurzberatung E2E' });
    await booking.getByLabel('Tag', { exact: true }).fill(berlin({ year: 'numeric', month: '2-digit', day: '2-digit' }));
    await booking.getByLabel('Uhrzeit').fill(berlin({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
    await booking.getByLabel('Name', { exact: true }).fill('Familie Nowak');
    await booking.getByLabel('Hinweis').fill('Haushalt 2026-017');
    await booking.getByRole('button', { name: 'Termin buchen' }).click();
    await booking.getByRole('status').filter({ hasText: 'Buchungscode' }).waitFor();
    await expectAccessible(tablet, 'calendar after a staff booking');

    await tablet.getByRole('radio', { name: 'Woche' }).check();
    await tablet.getByRole('row', { name: /Amal Haddad/ }).waitFor();
    await expectAccessible(tablet, 'week calendar (social worker)');
    await worker.close();
  });

  it('a city admin imports a small GeoJSON fixture with its unit table, sees the result and the list, and tests a point', async () => {
    const context = await newContext(app.browser);
    const page = await context.newPage();
    // Boundaries are the city's reference data, shared by every run on this database: the import
    // names its source uniquely, and the point test reads the fixture's units only.
    const source = `E2E-Testdaten ${uniqueTag()}`;
    await logIn(page, app.url, await cityAccount(app, 'city_admin'));
    await nav(page).getByRole('link', { name: 'Integrationsbüros', exact: true }).click();
    await page.getByRole('table', { name: 'Wartezeit je Büro' }).getByRole('rowheader', { name: mine.office.name }).waitFor();
    await expectAccessible(page, 'offices with the waiting time per office (city admin)');
    await nav(page).getByRole('link', { name: 'Regionen & Gebiete', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionen & Gebiete' }).waitFor();
    await page.getByRole('link', { name: 'Geodaten importieren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Geodaten importieren' }).waitFor();
    await expectAccessible(page, 'geodata import');

    // without a file: an error at the field and in the summary
    await page.getByRole('button', { name: 'Grenzen importieren', exact: true }).click();
    await page.locator('#geo-import-geojson-error').waitFor();
    const message = (await page.locator('#geo-import-geojson-error').textContent())?.trim() ?? 'x';
    expect(await page.getByRole('alert').first().textContent()).toContain(message);

    await page.getByLabel('GeoJSON-Datei').setInputFiles(fixture('units.geojson'));
    await page.getByLabel('Zuordnungstabelle (CSV)').setInputFiles(fixture('units-zuordnung.csv'));
    await page.getByLabel('Gültig ab').fill('2024-01-01');
    await page.getByLabel('Quelle').fill(source);
    await page.getByRole('button', { name: 'Grenzen importieren', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Einheiten importiert' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Einheiten importiert' }).textContent()).toContain('6 Einheiten importiert');
    await page.getByRole('table', { name: 'Grenzsätze, neueste Gültigkeit zuerst' }).getByRole('cell', { name: source }).waitFor();
    await expectAccessible(page, 'geodata import result');

    await page.getByLabel('Geografische Breite').fill('51.0519');
    await page.getByLabel('Geografische Länge').fill('13.7416');
    await page.getByRole('button', { name: 'Punkt suchen' }).click();
    const found = page.getByRole('status').filter({ hasText: 'Liegt in der Region' });
    await found.waitFor();
    expect(await found.textContent()).toContain('Innere Altstadt');
    await page.getByLabel('Geografische Breite').fill('48.1');
    await page.getByLabel('Geografische Länge').fill('11.5');
    await page.getByRole('button', { name: 'Punkt suchen' }).click();
    await page.getByRole('status').filter({ hasText: 'außerhalb der Stadtgrenzen' }).waitFor();
    expect(await page.getByText('Liegt in der Region').count()).toBe(0);
    await expectAccessible(page, 'point test');
    await context.close();
  });

  it('a city coordinator rates the footpaths of an office, which changes its light, and records a move that keeps the history', async () => {
    // an office of its own whose footpaths the city rated poor
    const { office } = await providerWithOffice(app);
    expect((await (await cityAdmin(app)).send('PUT', `/api/offices/${office.id}/site-assessment`, { footpaths: { rating: 'poor', note: 'Baustelle.' } })).status).toBe(204);
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await logIn(page, app.url, await cityAccount(app, 'city_coordinator'));
    await openOffice(page, office.name);
    const footpaths = page.getByRole('table', { name: 'Kriterien, Ampeln und Belege' }).getByRole('row', { name: /Fußwege/ });
    await footpaths.waitFor();
    expect(await footpaths.textContent()).toContain('Rot – nicht erfüllt');

    await page.getByRole('button', { name: 'Standort einschätzen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Standort einschätzen' }).waitFor();
    await page.getByRole('group', { name: 'Einschätzung: Fußwege' }).getByLabel('Mittel').check();
    await page.getByLabel('Notiz: Fußwege').fill('Baustelle beendet, Umweg bleibt.');
    await page.getByLabel('Foto hinzufügen: Fußwege').setInputFiles({ name: 'fussweg.png', mimeType: 'image/png', buffer: tinyPng(4, 3) });
    const photo = page.getByRole('img', { name: /^Foto Fußwege vom \d/ });
    await photo.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('img')].some((img) => img.complete && img.naturalWidth === 4));
    await expectAccessible(page, 'site assessment form');
    await page.getByRole('button', { name: /^Foto Fußwege vom .* löschen$/ }).click();
    await photo.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Die Änderungen sind gespeichert.' }).waitFor();
    await page.getByRole('table', { name: 'Kriterien, Ampeln und Belege' }).getByRole('row', { name: /Fußwege/ }).filter({ hasText: 'Gelb – teilweise' }).waitFor();

    await page.getByRole('button', { name: 'Umzug eintragen' }).click();
    await page.getByLabel('Neue Adresse gilt ab').fill('2030-01-01');
    await page.getByLabel('Straße').fill('Prohliser Allee');
    await page.getByLabel('Hausnummer').fill('20');
    await page.getByLabel('Postleitzahl').fill('01239');
    await page.getByLabel('Geografische Breite').fill('51.0020');
    await page.getByLabel('Geografische Länge').fill('13.7990');
    await page.getByRole('button', { name: 'Umzug speichern' }).click();
    await page.getByRole('link', { name: 'Frühere Adresse dieses Büros' }).waitFor();
    expect(await page.getByText('Prohliser Allee 20, 01239 Dresden').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'office after the move');
    await page.getByRole('link', { name: 'Frühere Adresse dieses Büros' }).click();
    await page.getByText('Testweg 1, 01099 Dresden').first().waitFor();
    await context.close();
  });
});
