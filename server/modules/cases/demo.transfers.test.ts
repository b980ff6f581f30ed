import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transfer, TransferList } from '#contracts/transfers.ts';
import { queryRows } from '#server/db.ts';
import { DEMO_PASSWORD, seedDemo } from '#server/seed/demo.ts';
import { useTestContext } from '#test/use-context.ts';
import { consentCovers } from './consents.policy.ts';

const ctx = useTestContext();
beforeAll(async () => {
  ctx.clock.now = new Date('2026-06-01T06:00:00Z');
  expect(await seedDemo(ctx.deps)).toBe(true);
});

describe('demo transfers', () => {
  it('gives every region\'s provider one pending transfer coming in from the region before it, each person covered by a transfer consent naming the receiver', async () => {
    const rows = await queryRows<{ id: string; from_region: string; to_region: string; state: string; household_id: string; receiver: string }>(
      ctx.database.db.owner,
      sql`select t.id, t.from_region_code as from_region, t.to_region_code as to_region, t.state, t.household_id, o.name as receiver
            from case_transfer t join organisation o on o.id = t.to_organisation_id order by t.to_region_code`,
    );
    expect(rows.map((r) => [r.from_region, r.to_region, r.state])).toEqual([['west', 'mitte', 'pending'], ['sued', 'nord', 'pending'], ['mitte', 'sued', 'pending'], ['nord', 'west', 'pending']]);
    for (const r of rows) {
      const people = await queryRows<{ id: string }>(ctx.database.db.owner, sql`select id from person where household_id = ${r.household_id}`);
      const consents = await queryRows<{ id: string; person_id: string; purpose: 'transfer'; recipient_kind: 'receiving_provider'; recipient: string; given_on: string; valid_until: string | null; withdrawn_at: Date | null }>(
        ctx.database.db.owner,
        sql`select id, person_id, purpose, recipient_kind, recipient, given_on::text, valid_until::text, withdrawn_at from consent where household_id = ${r.household_id}`,
      );
      const facts = consents.map((c) => ({ id: c.id, personId: c.person_id, purpose: c.purpose, recipientKind: c.recipient_kind, recipient: c.recipient, givenOn: c.given_on, validUntil: c.valid_until, withdrawnAt: c.withdrawn_at }));
      expect(people.length).toBeGreaterThan(0);
      for (const p of people) expect(consentCovers(facts, { personId: p.id, purpose: 'transfer', recipient: { kind: 'receiving_provider', name: r.receiver }, at: ctx.clock.now }).covers).toBe(true);
    }
  });

  it('shows the receiving demo social worker the incoming transfer on the worklist and with its package', async () => {
    const session = await ctx.login('beratung@sued.demo', DEMO_PASSWORD);
    const list = (await ctx.request(session, { method: 'GET', url: '/api/transfers' })).json<TransferList>();
    expect(list.transfers.map((t) => [t.fromRegion.code, t.state])).toEqual([['mitte', 'pending']]);
    const [incoming] = list.transfers;
    const res = await ctx.request(session, { method: 'GET', url: `/api/transfers/${incoming?.id ?? ''}` });
    expect(res.statusCode, res.body).toBe(200);
    const transfer = res.json<Transfer>();
    expect(transfer.package?.people.length).toBe(incoming?.people);
    expect(transfer.package?.consents.length).toBe(transfer.package?.people.length);
    expect(transfer.permittedActions).toEqual(['transfer.accept', 'transfer.decline']);
    const worklist = (await ctx.request(session, { method: 'GET', url: '/api/worklist' })).json<{ items: { kind: string; link: string }[] }>();
    expect(worklist.items.filter((i) => i.kind === 'transfer_incoming').map((i) => i.link)).toEqual([`/transfers/${transfer.id}`]);
  });
});
