import { describe, expect, it } from 'vitest';
import { samplePdf } from '#server/platform/sample-documents.ts';
import { account, berlinDay, householdOf, organisation, region, serviceAgreement, signIn, tabletPage } from './factories.ts';
import { expectAccessible, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('letters and deadlines in the case file (tablet, 1024×768)', () => {
  it('a social worker uploads a letter with a deadline (after a field message for a file that is no letter), finds it on the worklist, follows the link and marks it dealt with', async () => {
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const tag = uniqueTag();
    const api = await signIn(app, me);
    const household = await householdOf(api, r.code, `Haddad ${tag}`, ['Omar', 'Lina'], '3');

    const { context, page } = await tabletPage(app, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Briefe und Fristen', exact: true });
    await section.getByText('Noch keine Briefe erfasst.').waitFor();
    await expectAccessible(page, 'household without letters');

    await section.getByRole('button', { name: 'Brief hinzufügen' }).click();
    const form = page.getByRole('region', { name: 'Brief hinzufügen' });
    const file = form.getByLabel('Datei', { exact: true });
    expect(await file.getAttribute('accept')).toContain('application/pdf');
    expect(await form.getByLabel('Oder mit der Kamera fotografieren').getAttribute('capture')).toBe('environment');
    // A text file named like a PDF: refused by its content.
    await file.setInputFiles({ name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Dies ist kein PDF, nur Text.') });
    await form.getByLabel('Absender').selectOption({ label: 'Jobcenter' });
    await form.getByLabel(/^Aktenzeichen/).fill(`72301BG${tag}`);
    await form.getByLabel('Betrifft').selectOption({ label: `Lina Haddad ${tag}` });
    await form.getByLabel(/^Frist/).fill(berlinDay(3));
    await form.getByRole('button', { name: 'Brief speichern' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    const message = 'Bitte wählen Sie einen Brief als PDF, JPEG oder PNG.';
    expect((await page.locator('#letter-new-data-error').textContent())?.trim()).toBe(message);
    expect(await summary.textContent()).toContain(message);
    await expectAccessible(page, 'letter form with a field message');

    await file.setInputFiles({ name: 'bescheid.pdf', mimeType: 'application/pdf', buffer: samplePdf(['Jobcenter Dresden', `Aktenzeichen 72301BG${tag}`]) });
    await form.getByRole('button', { name: 'Brief speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Brief ist gespeichert.' }).waitFor();
    const table = section.getByRole('table', { name: 'Briefe des Haushalts' });
    const row = table.getByRole('row', { name: /Jobcenter/ });
    await row.getByText('offen', { exact: true }).waitFor();
    expect(await row.textContent()).toContain(`Az. 72301BG${tag}`);
    expect(await row.textContent()).toContain(`Lina Haddad ${tag}`);
    const download = row.getByRole('link', { name: 'Datei von Jobcenter herunterladen' });
    const res = await context.request.get(new URL((await download.getAttribute('href')) ?? '', app.url).href);
    expect([res.status(), res.headers()['content-type'], res.headers()['x-content-type-options']]).toEqual([200, 'application/pdf', 'nosniff']);
    expect((await res.body()).toString('latin1')).toContain(`Aktenzeichen 72301BG${tag}`);
    await expectAccessible(page, 'letter uploaded');

    // The deadline is on the worklist; its link lands on the letter.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Startseite', exact: true }).click();
    const due = page.getByRole('region', { name: 'Was in meinen Fällen ansteht' }).getByRole('row', { name: new RegExp(`Haddad ${tag}`) });
    await due.getByRole('link', { name: 'Frist eines Briefs' }).waitFor();
    expect(await due.textContent()).toContain('Jobcenter');
    await expectAccessible(page, 'home with the letter due');
    await due.getByRole('link', { name: 'Frist eines Briefs' }).click();
    const landed = page.locator('[id^="letter-"]').filter({ hasText: 'Jobcenter' });
    await landed.waitFor();
    await expect.poll(() => landed.evaluate((el) => el === document.activeElement)).toBe(true);

    // Dealt with, with a note: off the worklist.
    await row.getByRole('button', { name: 'Brief von Jobcenter erledigt' }).click();
    const deal = page.getByRole('region', { name: 'Brief von Jobcenter als erledigt markieren' });
    await deal.getByLabel(/^Notiz/).fill('Kontoauszüge eingereicht');
    await expectAccessible(page, 'letter to deal with');
    await deal.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Brief von Jobcenter ist erledigt.' }).waitFor();
    await row.getByText('erledigt', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Kontoauszüge eingereicht');
    expect(await row.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'letter dealt with');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Startseite', exact: true }).click();
    await page.getByRole('region', { name: 'Was in meinen Fällen ansteht' }).waitFor();
    const worklist = await api.json<{ items: { kind: string; household: { id: string } }[] }>('GET', '/api/worklist');
    expect(worklist.items.filter((i) => i.household.id === household.id && i.kind.startsWith('letter'))).toEqual([]);
    await context.close();
  });
});
