import { describe, expect, it } from 'vitest';
import type { Assessment } from '#contracts/assessments.ts';
import { account, organisation, region, serviceAgreement, signIn } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

const berlinDay = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('needs assessments and the household at a glance (tablet, 1024×768)', () => {
  it('a social worker assesses a need, sees it at a glance with the Grundleistung prompt, follows the history and meets a colleague\'s correction', async () => {
    // A provider of the run's own, in a region of its own; the household assigned 11 months ago (its Grundleistung year closing).
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const other = await account(app, provider, 'social_worker', 'Bea Beispiel');
    const tag = uniqueTag();
    const mine = await signIn(app, me);
    const household = await mine.json<{ id: string }>('POST', '/api/households', {
      accommodation: 'own_flat', street: 'Teststraße', houseNumber: '1', postcode: '01099', quarterCode: null, regionCode: r.code, confirmNotDuplicate: true,
      members: [{ relationship: 'head', familyName: `Karimi ${tag}`, givenNames: 'Leyla', assignedOn: berlinDay(-335), integrationCourseOn: berlinDay(20) }],
    }, 201);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const glance = page.getByRole('region', { name: 'Bedarfe auf einen Blick', exact: true });
    await glance.getByRole('table', { name: 'Aktueller Bedarf je Person und Integrationsbereich' }).waitFor();
    await glance.getByText('endet bald', { exact: false }).waitFor();
    expect(await glance.getByText('Fachleistung beantragen?').count()).toBe(0);
    await expectAccessible(page, 'household at a glance without assessments');

    // The assessment by keyboard: the person, health (a protected area), high, a note.
    const section = page.getByRole('region', { name: 'Bedarfsfeststellung', exact: true });
    await section.getByRole('button', { name: 'Bedarf feststellen' }).click();
    const form = page.getByRole('region', { name: 'Bedarf feststellen' });
    await form.getByLabel('Für wen').selectOption({ label: `Leyla Karimi ${tag}` });
    await form.getByLabel('Integrationsbereich').selectOption('health');
    await form.getByText('Die Notiz wird verschlüsselt gespeichert.', { exact: false }).waitFor();
    await form.getByLabel('hoch').check();
    await form.getByRole('textbox', { name: /^Notiz/ }).fill('Facharzttermin fehlt');
    await expectAccessible(page, 'assessment form');
    await form.getByRole('textbox', { name: /^Notiz/ }).press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Die Bedarfsfeststellung ist gespeichert.').waitFor();

    // At a glance: the level in words in the person's row, and the prompt for a Fachleistung.
    const row = glance.getByRole('row', { name: `Leyla Karimi ${tag}`, exact: false });
    await row.getByText('hoch', { exact: true }).waitFor();
    await glance.getByText('Fachleistung beantragen?').waitFor();
    await glance.getByText('Gesundheit', { exact: false }).first().waitFor();
    const history = section.getByRole('table', { name: 'Verlauf: Gesundheit' });
    await history.getByText('Facharzttermin fehlt').waitFor();
    await history.getByText('verschlüsselt gespeichert').waitFor();
    await expectAccessible(page, 'household at a glance with an assessment and the Fachleistung prompt');

    // Meanwhile the colleague corrects it (through the API, as another browser would); my correction meets theirs.
    const theirs = await signIn(app, other);
    const [assessment] = (await theirs.json<{ assessments: Assessment[] }>('GET', `/api/households/${household.id}/assessments`)).assessments;
    expect(assessment?.level).toBe('high');
    await theirs.json('PATCH', `/api/assessments/${assessment?.id ?? ''}`, { version: 1, level: 'acute' });
    await history.getByRole('button', { name: 'Korrigieren: Gesundheit', exact: false }).click();
    const edit = page.getByRole('region', { name: 'Feststellung korrigieren: Gesundheit' });
    await edit.getByLabel('mittel').check();
    await edit.getByRole('button', { name: 'Korrektur speichern' }).click();
    const conflict = edit.getByText('Inzwischen geändert', { exact: true });
    await conflict.waitFor();
    await edit.getByText('Bedarf jetzt: akut', { exact: false }).waitFor();
    await expectAccessible(page, 'assessment correction: changed meanwhile');
    await edit.getByRole('button', { name: 'Aktuellen Stand übernehmen' }).click();
    expect(await edit.getByLabel('akut').isChecked()).toBe(true);
    await edit.getByLabel('mittel').check();
    await edit.getByRole('button', { name: 'Korrektur speichern' }).click();
    await page.getByText('Die Korrektur ist gespeichert.').waitFor();
    await row.getByText('mittel', { exact: true }).waitFor();
    expect(await glance.getByText('Fachleistung beantragen?').count()).toBe(0);
    await expectAccessible(page, 'household at a glance after the correction');
    await context.close();
  });
});
