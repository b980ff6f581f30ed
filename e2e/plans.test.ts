import { describe, expect, it } from 'vitest';
import type { Plan, PlanView } from '#contracts/plans.ts';
import { account, organisation, region, serviceAgreement, signIn } from './factories.ts';
import { expectAccessible, logIn, newContext, uniqueTag, useLotse } from './harness.ts';

const app = useLotse();

const berlinDay = (offsetDays: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

describe('support plan and worklist (tablet, 1024×768)', () => {
  it('a social worker creates a plan with a goal, meets a colleague\'s change on saving and takes it over, reviews the goal, and finds a colleague\'s overdue goal in the worklist', async () => {
    // A provider of the run's own, in a region of its own, with two social workers and a household.
    const provider = await organisation(app);
    const r = await region(app);
    await serviceAgreement(app, provider, r);
    const me = await account(app, provider, 'social_worker', 'Sami Sozialarbeit');
    const other = await account(app, provider, 'social_worker', 'Bea Beispiel');
    const tag = uniqueTag();
    const mine = await signIn(app, me);
    const household = await mine.json<{ id: string }>('POST', '/api/households', { accommodation: 'own_flat', street: 'Teststraße', houseNumber: '1', postcode: '01099', quarterCode: null, regionCode: r.code, confirmNotDuplicate: true, members: [{ relationship: 'head', familyName: `Haddad ${tag}`, givenNames: 'Omar' }] }, 201);

    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, me);
    await page.goto(`${app.url}/app/households/${household.id}`);
    const section = page.getByRole('region', { name: 'Hilfeplan', exact: true });
    await section.getByText('Für diesen Haushalt gibt es noch keinen Hilfeplan.').waitFor();
    await expectAccessible(page, 'household without a plan');
    await section.getByRole('button', { name: 'Hilfeplan anlegen' }).click();
    await page.getByText('Der Hilfeplan ist angelegt.').waitFor();

    // A goal with a step, the head of household responsible, due in a week — keyboard where it matters.
    await section.getByRole('button', { name: 'Ziel hinzufügen' }).click();
    const add = page.getByRole('region', { name: 'Ziel hinzufügen' });
    await add.getByLabel('Integrationsbereich').selectOption('work');
    await add.getByLabel('Ziel', { exact: true }).fill('Bewerbung Pflegehelfer');
    await add.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await add.getByLabel('Schritt 1').fill('Lebenslauf schreiben');
    await add.getByLabel('Welche Person').selectOption({ label: `Omar Haddad ${tag}` });
    await add.getByLabel('Fällig am').fill(berlinDay(7));
    await expectAccessible(page, 'goal form');
    await add.getByLabel('Fällig am').press('Enter');
    await page.getByText('Das Ziel ist hinzugefügt.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Bewerbung Pflegehelfer' }).waitFor();

    // Meanwhile the colleague renames the goal (through the API, as another browser would).
    const theirs = await signIn(app, other);
    const view = await theirs.json<PlanView>('GET', `/api/households/${household.id}/plan`);
    const plan = view.plan as Plan;
    const goal = plan.goals[0];
    expect(goal).toBeDefined();
    await theirs.json('PUT', `/api/households/${household.id}/plan`, { version: plan.version, reviewOn: plan.reviewOn, goals: plan.goals.map((g) => ({ id: g.id, areaCode: g.areaCode, title: 'Bewerbung Pflegehelfer bei der Diakonie', steps: g.steps, responsibleKind: g.responsibleKind, responsiblePersonId: g.responsiblePersonId, dueOn: g.dueOn })) });

    await page.getByRole('button', { name: 'Bearbeiten: Bewerbung Pflegehelfer' }).click();
    const edit = page.getByRole('region', { name: 'Ziel bearbeiten: Bewerbung Pflegehelfer' });
    await edit.getByLabel('Fällig am').fill(berlinDay(10));
    await edit.getByRole('button', { name: 'Speichern' }).click();
    const conflict = edit.getByRole('alert').filter({ hasText: 'Inzwischen geändert' });
    await conflict.waitFor();
    await conflict.getByText('Bewerbung Pflegehelfer bei der Diakonie').waitFor();
    await conflict.getByText(`${other.displayName} hat den Hilfeplan`, { exact: false }).waitFor();
    await expectAccessible(page, 'goal form: changed meanwhile');
    await conflict.getByRole('button', { name: 'Aktuellen Stand übernehmen' }).click();
    expect(await edit.getByLabel('Ziel', { exact: true }).inputValue()).toBe('Bewerbung Pflegehelfer bei der Diakonie');
    await edit.getByLabel('Fällig am').fill(berlinDay(10));
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Der Hilfeplan ist gespeichert.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Bewerbung Pflegehelfer bei der Diakonie' }).waitFor();

    // The review with the household: partly achieved, with a note.
    await page.getByRole('button', { name: 'Überprüfen: Bewerbung Pflegehelfer bei der Diakonie' }).click();
    const review = page.getByRole('region', { name: 'Ziel überprüfen: Bewerbung Pflegehelfer bei der Diakonie' });
    await review.getByLabel('teilweise erreicht').check();
    await review.getByLabel('Notiz zur Überprüfung').fill('Lebenslauf fertig, Bewerbung noch offen');
    await expectAccessible(page, 'goal review form');
    await review.getByRole('button', { name: 'Überprüfung speichern' }).click();
    await page.getByText('Die Überprüfung ist gespeichert.').waitFor();
    const card = page.getByRole('article', { name: 'Bewerbung Pflegehelfer bei der Diakonie' });
    await card.getByText('teilweise erreicht').waitFor();
    await card.getByText(/Lebenslauf fertig, Bewerbung noch offen/).waitFor();
    await expectAccessible(page, 'plan after the review');

    // The colleague adds an overdue goal; it shows in my worklist and its link lands on the goal.
    const now = (await theirs.json<PlanView>('GET', `/api/households/${household.id}/plan`)).plan as Plan;
    const kept = now.goals.map((g) => ({ id: g.id, areaCode: g.areaCode, title: g.title, steps: g.steps, responsibleKind: g.responsibleKind, responsiblePersonId: g.responsiblePersonId, dueOn: g.dueOn }));
    await theirs.json('PUT', `/api/households/${household.id}/plan`, { version: now.version, reviewOn: now.reviewOn, goals: [...kept, { areaCode: 'housing', title: `Wohnberechtigungsschein ${tag}`, responsibleKind: 'other', responsibleText: 'Sozialamt', dueOn: berlinDay(-2) }] });
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Startseite', exact: true }).click();
    const worklist = page.getByRole('region', { name: 'Was in meinen Fällen ansteht' });
    const row = worklist.getByRole('row', { name: new RegExp(`Wohnberechtigungsschein ${tag}`) });
    await row.waitFor();
    await row.getByText('überfällig', { exact: true }).waitFor();
    await expectAccessible(page, 'home with the worklist');
    await row.getByRole('link', { name: 'Ziel überfällig' }).click();
    const target = page.getByRole('article', { name: `Wohnberechtigungsschein ${tag}` });
    await target.waitFor();
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'household page at the goal');
    await context.close();

    // The team lead sees the team's worklist with who is assigned, and one colleague's.
    const lead = await account(app, provider, 'provider_admin');
    const leadContext = await newContext(app.browser);
    const leadPage = await leadContext.newPage();
    await leadPage.setViewportSize({ width: 1024, height: 768 });
    await logIn(leadPage, app.url, lead);
    await leadPage.getByRole('region', { name: 'Was in meinen Fällen ansteht' }).getByText('Zurzeit steht nichts an.').waitFor();
    await leadPage.getByLabel('Team', { exact: true }).check();
    const teamRow = leadPage.getByRole('region', { name: 'Was im Team ansteht' }).getByRole('row', { name: new RegExp(`Wohnberechtigungsschein ${tag}`) });
    await teamRow.getByText(me.displayName).waitFor();
    await leadPage.getByLabel('Mitarbeiter·in').selectOption({ label: me.displayName });
    await teamRow.waitFor();
    await expectAccessible(leadPage, 'home with the team worklist');
    await leadContext.close();
  });
});
