import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartnerList } from '#contracts/network.ts';
import type { Worklist } from '#contracts/plans.ts';
import type { ReferralList } from '#contracts/referrals.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo partners and referrals', () => {
  it('gives every region\'s provider its partners in its region, of every kind but other', async () => {
    const rows = await queryRows<{ region: string; providers: number; n: number; kinds: string[] }>(
      ctx.database.db.owner,
      sql`select region_code as region, count(distinct organisation_id)::int as providers, count(*)::int as n, array_agg(distinct kind order by kind) as kinds from partner group by region_code order by region_code`,
    );
    expect(rows.map((r) => r.region)).toEqual(['mitte', 'nord', 'sued', 'west']);
    for (const r of rows) expect([r.providers, r.n, r.kinds]).toEqual([1, 6, ['counselling', 'health', 'jobcenter', 'kita_school', 'language_course']]);
  });

  it('gives every region a referral sent and one accepted, each to a partner of the region\'s provider, covered by a consent of that person valid then', async () => {
    const rows = await queryRows<{ region: string; state: string; covered: boolean; own: boolean }>(
      ctx.database.db.owner,
      sql`select h.region_code as region, r.state,
                 (c.person_id = r.person_id and c.purpose = 'referral' and lower(c.recipient) = lower(pa.name) and c.given_on <= r.sent_on and (c.valid_until is null or c.valid_until >= r.sent_on) and c.withdrawn_at is null) as covered,
                 (pa.organisation_id = h.organisation_id and pa.region_code = h.region_code) as own
            from referral r join household h on h.id = r.household_id join consent c on c.id = r.consent_id join partner pa on pa.id = r.partner_id
           order by h.region_code, r.state`,
    );
    expect(rows.map((r) => `${r.region}:${r.state}`)).toEqual(['mitte:accepted', 'mitte:sent', 'nord:accepted', 'nord:sent', 'sued:accepted', 'sued:sent', 'west:accepted', 'west:sent']);
    expect(rows.every((r) => r.covered && r.own)).toBe(true);
  });

  it('shows the demo social worker a household\'s referrals, the region\'s partners and the follow-ups on the worklist', async () => {
    const session = await ctx.login('beratung@nord.demo', DEMO_PASSWORD);
    const [household] = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select r.household_id as id from referral r join household h on h.id = r.household_id where h.region_code = 'nord' and r.state = 'accepted'`);
    const res = await ctx.request(session, { method: 'GET', url: `/api/households/${household?.id ?? ''}/referrals` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<ReferralList>();
    expect(body.referrals.map((r) => [r.partner.name, r.state, r.followUpOn])).toEqual([['Jobcenter Dresden', 'accepted', '2026-06-04']]);
    expect(body.referrals[0]?.createdBy?.name).toBe('Bilal Berger');
    expect(body.partners.length).toBe(6);
    expect(body.permittedActions).toEqual(['referral.read', 'referral.create', 'referral.update']);
    const partners = (await ctx.request(session, { method: 'GET', url: '/api/partners' })).json<PartnerList>();
    expect(partners.partners.every((p) => p.regionCode === 'nord')).toBe(true);
    const worklist = (await ctx.request(session, { method: 'GET', url: '/api/worklist' })).json<Worklist>();
    expect(worklist.items.filter((i) => i.kind === 'referral_follow_up').map((i) => i.date).sort()).toEqual(['2026-06-02', '2026-06-04']);
  });
});
