import { describe, expect, it } from 'vitest';
import { account, berlinDay, householdOf, organisation, region, serviceAgreement, signIn, tabletPage } from './factories.ts';
import { expectAccessible, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

describe('consents in the case file (tablet, 1024×768)', () => {
  it('a social worker records a verbal consent with its witness (after a field message for the missing witness), sees it valid beside one run out, and withdraws it', async () => {
    // A provider of the run's own, in a region of its own, with a social worker and a household of two.
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const tag = uniqueTag();
    const api = await signIn(app, me);
    const household = await householdOf(api, r.code, `Haddad ${tag}`, ['Omar', 'Lina']);
    const omar = household.members.find((m) => m.givenNames === 'Omar')?.id ?? '';
    // One that ran out last week (signed on paper), recorded through the API.
    await api.json('POST', `/api/households/${household.id}/consents`, { personId: omar, purpose: 'referral', recipient: 'Volkshochschule Dresden', givenOn: berlinDay(-60), method: 'signed_paper', validUntil: berlinDay(-7) }, 201);

    const { context, page } = await tabletPage(app, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Einwilligungen', exact: true });
    const omars = section.getByRole('table', { name: `Einwilligungen von Omar Haddad ${tag}` });
    await omars.getByRole('row', { name: /Volkshochschule Dresden/ }).getByText('abgelaufen', { exact: true }).waitFor();
    await expectAccessible(page, 'household with a consent run out');
    // "Auf dieser Seite" jumps to the part of the long case file: the consents' heading comes into view.
    const heading = page.getByRole('heading', { level: 2, name: 'Einwilligungen', exact: true });
    const contents = page.getByRole('navigation', { name: 'Auf dieser Seite' });
    expect(await contents.getByRole('link').count()).toBeGreaterThan(8);
    await contents.getByRole('link', { name: 'Einwilligungen', exact: true }).click();
    await page.waitForURL(/#consents$/);
    await expect.poll(() => heading.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })).toBe(true);

    // Lina agrees verbally that the Kita may be told; the interpreter heard it — first without the witness.
    await section.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const form = page.getByRole('region', { name: 'Einwilligung erfassen' });
    await form.getByLabel('Person').selectOption({ label: `Lina Haddad ${tag}` });
    await form.getByRole('radio', { name: 'Austausch' }).check();
    await form.getByLabel('Name des Partners').fill('Kita Regenbogen');
    await form.getByRole('radio', { name: 'Mündlich vor Zeugen' }).check();
    expect(await form.getByLabel('Erteilt am').inputValue()).toBe(berlinDay(0));
    await expectAccessible(page, 'consent form filled in');
    await form.getByRole('button', { name: 'Einwilligung speichern' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    const message = 'Bei einer mündlichen Einwilligung nennen Sie bitte die Zeugin oder den Zeugen.';
    expect((await page.locator('#consent-new-witnessName-error').textContent())?.trim()).toBe(message);
    expect(await summary.textContent()).toContain(message);
    expect(await form.getByLabel('Zeugin oder Zeuge').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'consent form with a field message');

    await form.getByLabel('Zeugin oder Zeuge').fill('Samira Haddad (Dolmetscherin)');
    await form.getByRole('button', { name: 'Einwilligung speichern' }).click();
    await page.getByRole('status').filter({ hasText: 'Die Einwilligung ist gespeichert.' }).waitFor();
    const linas = section.getByRole('table', { name: `Einwilligungen von Lina Haddad ${tag}` });
    const row = linas.getByRole('row', { name: /Kita Regenbogen/ });
    await row.getByText('gültig', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('mündlich, Zeugin/Zeuge: Samira Haddad (Dolmetscherin)');
    expect(await row.textContent()).toContain('bis zum Widerruf');
    await expectAccessible(page, 'consent recorded');

    // Withdrawn, after asking once more: at once.
    await row.getByRole('button', { name: 'Widerrufen: Kita Regenbogen' }).click();
    const confirm = page.getByRole('group', { name: 'Einwilligung widerrufen' });
    await confirm.getByText(/Der Widerruf gilt sofort/).waitFor();
    await expectAccessible(page, 'withdrawal to confirm');
    await confirm.getByRole('button', { name: 'Ja, widerrufen' }).click();
    await page.getByRole('status').filter({ hasText: `Der Widerruf ist erfasst: Lina Haddad ${tag}, Kita Regenbogen.` }).waitFor();
    await row.getByText('widerrufen', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'consent withdrawn');
    // The tablet: nothing wider than the screen, each person's table within the section.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    const widths = await section.locator('table').evaluateAll((tables) => tables.map((t) => [t.getBoundingClientRect().right, t.closest('section')?.getBoundingClientRect().right ?? 0]));
    for (const [table, within] of widths) expect(table).toBeLessThanOrEqual((within ?? 0) + 1);

    const list = await api.json<{ consents: { recipient: string; state: string }[] }>('GET', `/api/households/${household.id}/consents`);
    expect(list.consents.map((c) => [c.recipient, c.state])).toEqual([['Volkshochschule Dresden', 'expired'], ['Kita Regenbogen', 'withdrawn']]);
    await context.close();
  });

  it('prints a consent as a PDF form: by default in the person\'s language, or German beside the language chosen', async () => {
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const tag = uniqueTag();
    const api = await signIn(app, me);
    const household = await api.json<{ id: string; members: { id: string }[] }>('POST', '/api/households', {
      accommodation: 'own_flat', street: 'Teststraße', houseNumber: '2', postcode: '01099', quarterCode: null, regionCode: r.code, confirmNotDuplicate: true,
      members: [{ relationship: 'head', familyName: `Haddad ${tag}`, givenNames: 'Omar', givenNamesOriginal: 'عمر', languages: ['ar'] }],
    }, 201);
    await api.json('POST', `/api/households/${household.id}/consents`, { personId: household.members[0]?.id, purpose: 'referral', recipient: 'Jobcenter Dresden', givenOn: berlinDay(0), method: 'signed_paper' }, 201);

    const { context, page } = await tabletPage(app, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Einwilligungen', exact: true });
    const link = section.getByRole('link', { name: 'Formular drucken: Jobcenter Dresden' });
    await link.waitFor();
    const language = section.getByLabel('Sprache des Formulars');
    expect(await language.inputValue()).toBe('');
    expect(await language.locator('option:checked').textContent()).toBe('Sprache der Person');
    await expectAccessible(page, 'consents with the form to print');
    const fetchPdf = async () => {
      const res = await context.request.get(new URL((await link.getAttribute('href')) ?? '', app.url).href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
      return res.headers()['content-disposition'] ?? '';
    };
    expect(await fetchPdf()).toMatch(/-ar\.pdf"$/);
    await language.selectOption({ label: 'Deutsch und Ukrainisch' });
    expect(await link.getAttribute('href')).toMatch(/\?language=uk$/);
    expect(await fetchPdf()).toMatch(/-uk\.pdf"$/);
    await expectAccessible(page, 'form language chosen');
    await context.close();
  });
});
