import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LetterList } from '#contracts/letters.ts';
import type { Worklist } from '#contracts/plans.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo letters', () => {
  it('gives every region\'s provider letters: one due in five days, one overdue, one dealt with; every file sealed', async () => {
    const rows = await queryRows<{ region: string; n: number; due: number; overdue: number; done: number; sealed: number }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, count(*)::int as n, count(*) filter (where l.state = 'open' and l.due_on > '2026-06-01')::int as due,
                 count(*) filter (where l.state = 'open' and l.due_on < '2026-06-01')::int as overdue, count(*) filter (where l.state = 'dealt_with')::int as done,
                 count(f.letter_id) filter (where substring(f.sealed from 1 for 3) = 'v1.'::bytea and position('%PDF'::bytea in f.sealed) = 0)::int as sealed
            from letter l join household h on h.id = l.household_id and h.organisation_id = l.organisation_id left join letter_file f on f.letter_id = l.id
           group by h.region_code order by h.region_code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) expect([r.n, r.due, r.overdue, r.done, r.sealed]).toEqual([3, 1, 1, 1, 3]);
  });

  it('shows the demo social worker the letters, their files and the deadline on the worklist', async () => {
    const session = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const worklist = (await ctx.request(session, { method: 'GET', url: '/api/worklist' })).json<Worklist>();
    const letters = worklist.items.filter((i) => i.kind === 'letter_due' || i.kind === 'letter_overdue');
    expect(letters.map((i) => [i.kind, i.date, i.subject])).toEqual([
      ['letter_overdue', '2026-05-30', 'Familienkasse Sachsen'],
      ['letter_due', '2026-06-06', 'Jobcenter Dresden'],
    ]);
    const householdId = letters[1]?.household.id ?? '';
    const list = (await ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/letters` })).json<LetterList>();
    expect(list.permittedActions).toEqual(['letter.read', 'letter.add', 'letter.edit']);
    const [letter] = list.letters;
    const file = await ctx.request(session, { method: 'GET', url: letter?.fileUrl ?? '' });
    expect([file.statusCode, file.headers['content-type'], file.rawPayload.toString('latin1', 0, 5)]).toEqual([200, 'application/pdf', '%PDF-']);
    expect(file.rawPayload.toString('latin1')).toContain('Aktenzeichen 72301BG0012345');
  });
});
