import { describe, expect, it } from 'vitest';
import { expectAccessible, logIn, newContext, useLotse } from './harness.ts';

// The demo's own content is under test (a case file closed long ago) and is erased: a fresh demo database.
const app = useLotse({ fresh: true });

describe('retention of closed case files (tablet, 1024×768)', () => {
  it('the demo provider\'s administrator finds the case file due for erasure in the menu, reads what would go (dry run), erases it now, and the list is empty', async () => {
    // The demo (LOTSE_DEMO) closed one case file per provider three years and a month ago.
    const context = await newContext(app.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1024, height: 768 });
    await logIn(page, app.url, { email: 'leitung@nord.demo', password: 'lotse-demo-2019' });
    await page.getByRole('link', { name: 'Löschfristen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Löschfristen: geschlossene Fallakten' }).waitFor();
    const table = page.getByRole('table', { name: 'Fällige Fallakten (1)' });
    const row = table.getByRole('row', { name: /Umzug in eine andere Stadt/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Personen: \d+/);
    expect(await row.textContent()).toContain('Haushalte: 1');
    await expectAccessible(page, 'retention review with a due case file');

    // The dry run changed nothing: read again, still due.
    await page.reload();
    await table.getByRole('row', { name: /Umzug in eine andere Stadt/ }).waitFor();

    await page.getByRole('button', { name: 'Jetzt löschen (1 Fallakte)' }).click();
    await page.getByRole('status').filter({ hasText: '1 Fallakte gelöscht, 0 übersprungen.' }).waitFor();
    await page.getByRole('table', { name: 'Fällige Fallakten (0)' }).getByText('Keine Fallakte ist fällig.').waitFor();
    expect(await page.getByRole('button', { name: /Jetzt löschen/ }).count()).toBe(0);
    await expectAccessible(page, 'retention review after the erasure');
    await context.close();
  });
});
