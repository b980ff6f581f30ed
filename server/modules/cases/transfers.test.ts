import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consent, ConsentList } from '#contracts/consents.ts';
import type { Worklist } from '#contracts/plans.ts';
import type { Transfer, TransferList, TransferPreview } from '#contracts/transfers.ts';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { familyBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; region: { code: string }; members: { id: string; givenNames: string; familyName: string }[]; caseFile: { id: string; version: number; closedAt: string | null; closeReason: string | null } }
type Problem = { type: string; title: string; detail?: string; errors?: { field: string; message: string }[]; current?: Transfer; missing?: Record<string, unknown>[] };

let ctx: TestContext;
let nord = '';
let sued = '';
let worker: Session;
let receiver: Session;
let thirdWorker: Session;
let coordinator: Session;
let cityAdmin: Session;
let family: Household;

const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const preview = (session: Session, householdId: string, regionCode?: string) =>
  ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/transfer-preview${regionCode ? `?regionCode=${regionCode}` : ''}` });
const start = (session: Session, householdId: string, regionCode = 'sued') => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/transfers`, payload: { regionCode } });
const read = (session: Session, id: string) => ctx.request(session, { method: 'GET', url: `/api/transfers/${id}` });
const accept = (session: Session, id: string, version: number) => ctx.request(session, { method: 'POST', url: `/api/transfers/${id}/accept`, payload: { version } });
const decline = (session: Session, id: string, version: number, reason: string) => ctx.request(session, { method: 'POST', url: `/api/transfers/${id}/decline`, payload: { version, reason } });
const consentFor = (h: Household, personId: string, recipient = 'Süd gGmbH', overrides: Record<string, unknown> = {}) =>
  ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/consents`, payload: { personId, purpose: 'transfer', recipientKind: 'receiving_provider', recipient, givenOn: '2026-11-28', method: 'signed_paper', ...overrides } });
const lastAudit = async (organisationId: string) =>
  (await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${organisationId} and action like 'transfer.%' order by seq desc limit 1`))[0];

async function newFamily(): Promise<Household> {
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: familyBody({ confirmNotDuplicate: true }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Household>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, family } = await providerWithFamily<Household>(ctx));
  sued = (await ctx.organisation('provider', 'Süd gGmbH')).id;
  const west = (await ctx.organisation('provider', 'West e. V.')).id;
  receiver = await ctx.staff('social_worker', sued);
  thirdWorker = await ctx.staff('social_worker', west);
  cityAdmin = await ctx.staff('city_admin');
  coordinator = await ctx.staff('city_coordinator');
  for (const [providerId, regionCode] of [[nord, 'nord'], [sued, 'sued'], [west, 'west']] as const) {
    const res = await ctx.request(cityAdmin, { method: 'POST', url: '/api/service-agreements', payload: { providerId, regionCode, validFrom: '2024-01-01' } });
    expect(res.statusCode, res.body).toBe(201);
  }
  const plan = await ctx.request(worker, {
    method: 'PUT',
    url: `/api/households/${family.id}/plan`,
    payload: {
      version: null,
      reviewOn: '2027-03-01',
      goals: [
        { areaCode: 'language', title: 'Integrationskurs B1 beginnen', steps: [{ text: 'Anmeldung VHS', done: true }], responsibleKind: 'person', responsiblePersonId: family.members[0]?.id, dueOn: '2027-01-15' },
        { areaCode: 'work', title: 'Traumatherapie vermitteln', responsibleText: 'Psychosoziales Zentrum', sensitive: true },
      ],
    },
  });
  expect(plan.statusCode, plan.body).toBe(200);
});
afterAll(async () => ctx.close());

describe('transfer of a household to another region\'s provider', () => {
  it('offers the other regions with their provider, shows what moves and what stays, and names every person whose consent is missing; audited', async () => {
    const none = (await preview(worker, family.id)).json<TransferPreview>();
    expect(none.regions.map((r) => [r.code, r.provider.name])).toEqual([['west', 'West e. V.'], ['sued', 'Süd gGmbH']]);
    expect([none.moves, none.receivingProvider, none.permittedActions]).toEqual([null, null, ['transfer.start']]);
    const res = await preview(worker, family.id, 'sued');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<TransferPreview>();
    expect(body.receivingProvider).toEqual({ id: sued, name: 'Süd gGmbH' });
    expect(body.moves?.people.map((p) => [p.ref, p.givenNames, p.birthDate])).toEqual([['p1', 'Mohammed', '1984-03-02'], ['p2', 'Fatima', '1988'], ['p3', 'Yusuf', '2015-06'], ['p4', 'Nour', '2019-11-20']]);
    expect(body.moves?.goals).toEqual([{ areaCode: 'language', title: 'Integrationskurs B1 beginnen', steps: [{ text: 'Anmeldung VHS', done: true }], dueOn: '2027-01-15', responsibleRef: 'p1' }]);
    expect(body.stays).toMatchObject({ sensitiveGoals: 1, closedGoals: 0, address: true, serviceEntries: 0 });
    expect(body.missingConsents.map((m) => [m.personName, m.gap])).toEqual([['Mohammed Al-Hassan', 'none'], ['Fatima Al-Hassan', 'none'], ['Yusuf Al-Hassan', 'none'], ['Nour Al-Hassan', 'none']]);
    expect(await lastAudit(nord)).toEqual({ action: 'transfer.preview', record_ids: [family.id] });
  });

  it('refuses without a valid consent of every person for the purpose transfer and the receiving provider, translated, naming who is missing; nothing is stored', async () => {
    const res = await start(worker, family.id);
    expect(res.statusCode).toBe(409);
    const problem = res.json<Problem>();
    expect(problem.type).toBe('/problems/consent-missing');
    expect(problem.title).toBe('Dafür fehlt eine gültige Einwilligung.');
    expect(problem.detail).toBe('Für Mohammed Al-Hassan, Fatima Al-Hassan, Yusuf Al-Hassan, Nour Al-Hassan liegt keine gültige Einwilligung zur Übergabe an Süd gGmbH vor. Erfassen Sie zuerst die Einwilligungen (Zweck: Übergabe, Empfänger: aufnehmender Träger Süd gGmbH).');
    // A consent for another purpose or another recipient covers nothing; three of four are not enough.
    const [head, spouse, son, daughter] = family.members.map((m) => m.id);
    expect((await consentFor(family, head ?? '', 'Süd gGmbH', { purpose: 'exchange' })).statusCode).toBe(201);
    expect((await consentFor(family, head ?? '', 'West e. V.')).statusCode).toBe(201);
    for (const id of [head, spouse, son]) expect((await consentFor(family, id ?? '')).statusCode).toBe(201);
    const again = await start(worker, family.id);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().errors).toEqual([{ field: 'regionCode', message: 'Keine gültige Einwilligung von Nour Al-Hassan zur Übergabe an Süd gGmbH.' }]);
    expect(again.json<Problem>().missing).toEqual([{ personId: daughter, purpose: 'transfer', recipientKind: 'receiving_provider', recipient: 'Süd gGmbH', gap: 'none' }]);
    const en = await ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/transfers?lang=en`, payload: { regionCode: 'sued' } });
    expect(en.json<Problem>().detail).toBe('There is no valid consent of Nour Al-Hassan to the transfer to Süd gGmbH. Record the consents first (purpose: transfer, recipient: receiving provider Süd gGmbH).');
    const [stored] = await owner<{ n: number }>(sql`select count(*)::int as n from case_transfer`);
    expect(stored?.n).toBe(0);
    expect(await lastAudit(nord)).toEqual({ action: 'transfer.refuse', record_ids: [family.id, daughter] });
    expect((await start(worker, family.id, 'nord')).statusCode).toBe(400);
  });

  let sent: Transfer;

  it('sends it once every person consented: the package sealed bound to the row, audited with the ids of what moved; one under way at a time', async () => {
    expect((await consentFor(family, family.members[3]?.id ?? '')).statusCode).toBe(201);
    const res = await start(worker, family.id);
    expect(res.statusCode, res.body).toBe(201);
    sent = res.json<Transfer>();
    expect(sent).toMatchObject({ direction: 'outgoing', state: 'pending', householdId: family.id, fromRegion: { code: 'nord' }, toRegion: { code: 'sued' }, toProvider: { id: sued, name: 'Süd gGmbH' }, headName: 'Mohammed Al-Hassan', version: 1, permittedActions: [] });
    expect(sent.package?.consents.map((c) => [c.personRef, c.recipient])).toEqual([['p1', 'Süd gGmbH'], ['p2', 'Süd gGmbH'], ['p3', 'Süd gGmbH'], ['p4', 'Süd gGmbH']]);
    const [row] = await owner<{ package: string }>(sql`select package from case_transfer where id = ${sent.id}`);
    expect(row?.package).toMatch(/^v1\./);
    expect(row?.package).not.toContain('Mohammed');
    const audit = await lastAudit(nord);
    expect(audit?.action).toBe('transfer.start');
    expect(audit?.record_ids.slice(0, 6)).toEqual([sent.id, family.id, ...family.members.map((m) => m.id)]);
    expect(audit?.record_ids).toHaveLength(10);
    expect((await start(worker, family.id)).statusCode).toBe(409);
  });

  it('keeps it from a third provider (404, as unknown) and from city staff (403)', async () => {
    expect((await read(thirdWorker, sent.id)).statusCode).toBe(404);
    expect((await accept(thirdWorker, sent.id, 1)).statusCode).toBe(404);
    expect((await ctx.request(thirdWorker, { method: 'GET', url: '/api/transfers' })).json<TransferList>().transfers).toEqual([]);
    for (const city of [coordinator, cityAdmin]) {
      expect((await read(city, sent.id)).statusCode).toBe(403);
      expect((await ctx.request(city, { method: 'GET', url: '/api/transfers' })).statusCode).toBe(403);
    }
    // The sender reads its own transfer but cannot decide it.
    expect((await read(worker, sent.id)).statusCode).toBe(200);
    expect((await accept(worker, sent.id, 1)).statusCode).toBe(404);
    // Under the third provider's tenant scope the row does not exist at all.
    const west = (await owner<{ id: string }>(sql`select id from organisation where name = 'West e. V.'`))[0]?.id ?? '';
    const seen = await ctx.database.db.transaction({ kind: 'tenant', organisationId: west }, (tx) => queryRows(tx, sql`select id from case_transfer`));
    expect(seen).toEqual([]);
  });

  it('shows the receiver its incoming transfer with exactly the consented package and nothing else of the sender', async () => {
    const worklist = (await ctx.request(receiver, { method: 'GET', url: '/api/worklist' })).json<Worklist>();
    expect(worklist.items.filter((i) => i.kind === 'transfer_incoming')).toEqual([{ kind: 'transfer_incoming', date: '2026-12-01', household: { id: sent.id, name: 'Mohammed Al-Hassan', regionCode: 'sued' }, subject: 'Nord e. V.', link: `/transfers/${sent.id}`, assignees: [] }]);
    expect((await ctx.request(thirdWorker, { method: 'GET', url: '/api/worklist' })).json<Worklist>().items).toEqual([]);
    const list = (await ctx.request(receiver, { method: 'GET', url: '/api/transfers?direction=incoming' })).json<TransferList>();
    expect(list.transfers.map((t) => [t.id, t.headName, t.people, t.state])).toEqual([[sent.id, 'Mohammed Al-Hassan', 4, 'pending']]);
    const res = await read(receiver, sent.id);
    expect(res.statusCode).toBe(200);
    const seen = res.json<Transfer>();
    expect(seen).toMatchObject({ direction: 'incoming', householdId: null, receivedHouseholdId: null, permittedActions: ['transfer.accept', 'transfer.decline'] });
    expect(seen.package).toEqual(sent.package);
    expect(Object.keys(seen.package ?? {}).sort()).toEqual(['accommodation', 'approvals', 'consents', 'goals', 'people']);
    const text = res.body;
    for (const secret of ['Traumatherapie', 'Bautzner', family.id, ...family.members.map((m) => m.id), family.caseFile.id, 'assignedOn', '2026-02-01']) expect(text).not.toContain(secret);
    expect(await lastAudit(sued)).toEqual({ action: 'transfer.read', record_ids: [sent.id] });
    // The sender's household stays out of reach.
    expect((await ctx.request(receiver, { method: 'GET', url: `/api/households/${family.id}` })).statusCode).toBe(404);
  });

  it('accepts with the version read: a new household and case file in the receiver\'s region with the people and their consents; the sending case file closes as transferred; both chains log it', async () => {
    const stale = await accept(receiver, sent.id, 7);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().current?.version).toBe(1);
    const res = await accept(receiver, sent.id, 1);
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<Transfer>();
    expect(done).toMatchObject({ state: 'accepted', direction: 'incoming', permittedActions: [] });
    expect(done.receivedHouseholdId).toBeTruthy();
    expect(done.senderClosedAt).toBeTruthy();
    const received = (await ctx.request(receiver, { method: 'GET', url: `/api/households/${done.receivedHouseholdId ?? ''}` })).json<Household>();
    expect(received.region.code).toBe('sued');
    expect(received.members.map((m) => `${m.givenNames} ${m.familyName}`)).toEqual(['Mohammed Al-Hassan', 'Fatima Al-Hassan', 'Yusuf Al-Hassan', 'Nour Al-Hassan']);
    expect(received.caseFile.closedAt).toBeNull();
    const consents = (await ctx.request(receiver, { method: 'GET', url: `/api/households/${received.id}/consents` })).json<ConsentList>().consents;
    expect(consents.map((c: Consent) => [c.purpose, c.recipient, c.state])).toEqual(Array.from({ length: 4 }, () => ['transfer', 'Süd gGmbH', 'valid']));
    const senderView = (await ctx.request(worker, { method: 'GET', url: `/api/households/${family.id}` })).json<Household>();
    expect([senderView.caseFile.closedAt !== null, senderView.caseFile.closeReason]).toEqual([true, 'transferred']);
    const receiverLog = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${sued} and action = 'transfer.accept'`);
    expect(receiverLog[0]?.record_ids.slice(0, 3)).toEqual([sent.id, received.id, received.caseFile.id]);
    const senderLog = await owner<{ action: string; record_ids: string[]; actor_account_id: string | null }>(sql`select action, record_ids, actor_account_id from audit_entry where organisation_id = ${nord} and action = 'transfer.close-sender'`);
    expect(senderLog).toEqual([{ action: 'transfer.close-sender', record_ids: [sent.id, family.id, family.caseFile.id, ...family.members.map((m) => m.id)], actor_account_id: null }]);
    expect((await accept(receiver, sent.id, done.version)).statusCode).toBe(409);
  });

  it('declines with a reason and the sender\'s file stays open; a withdrawn consent keeps a transfer from being accepted', async () => {
    const second = await newFamily();
    for (const m of second.members) expect((await consentFor(second, m.id)).statusCode).toBe(201);
    const t = (await start(worker, second.id)).json<Transfer>();
    expect((await decline(receiver, t.id, 1, ' ')).statusCode).toBe(400);
    const res = await decline(receiver, t.id, 1, 'Die Familie ist nach Leipzig gezogen.');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Transfer>()).toMatchObject({ state: 'declined', declineReason: 'Die Familie ist nach Leipzig gezogen.' });
    const view = (await ctx.request(worker, { method: 'GET', url: `/api/households/${second.id}` })).json<Household>();
    expect(view.caseFile.closedAt).toBeNull();
    expect((await read(worker, t.id)).json<Transfer>().state).toBe('declined');
    expect(await lastAudit(sued)).toEqual({ action: 'transfer.decline', record_ids: [t.id] });

    const again = (await start(worker, second.id)).json<Transfer>();
    const [first] = (await ctx.request(worker, { method: 'GET', url: `/api/households/${second.id}/consents` })).json<ConsentList>().consents;
    expect((await ctx.request(worker, { method: 'POST', url: `/api/consents/${first?.id ?? ''}/withdraw`, payload: { version: first?.version } })).statusCode).toBe(200);
    const refused = await accept(receiver, again.id, 1);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>().type).toBe('/problems/consent-missing');
    expect((await read(receiver, again.id)).json<Transfer>().state).toBe('pending');
  });

  it('holds each side to its columns under RLS (FORCE-d), and never lets the application delete a transfer', async () => {
    const [rls] = await owner<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(sql`select relrowsecurity, relforcerowsecurity from pg_class where relname = 'case_transfer'`);
    expect(rls).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const [grant] = await owner<{ del: boolean }>(sql`select has_table_privilege('lotse_app', 'case_transfer', 'DELETE') as del`);
    expect(grant?.del).toBe(false);
    const attempt = (organisationId: string, change: ReturnType<typeof sql>) =>
      ctx.database.db.transaction({ kind: 'tenant', organisationId }, (tx) => queryRows(tx, sql`update case_transfer set ${change} where id = ${sent.id} returning id`)).then((rows) => rows.length, () => 'refused');
    expect(await attempt(sued, sql`package = 'x'`)).toBe('refused');
    expect(await attempt(sued, sql`state = 'declined', decline_reason = 'nachträglich'`)).toBe('refused');
    expect(await attempt(nord, sql`to_organisation_id = ${nord}`)).toBe('refused');
    // A sender cannot start a transfer in another provider's name.
    const forged = await ctx.database.db
      .transaction({ kind: 'tenant', organisationId: sued }, (tx) =>
        queryRows(tx, sql`insert into case_transfer (from_organisation_id, to_organisation_id, household_id, from_region_code, to_region_code, package) values (${nord}, ${sued}, ${family.id}, 'nord', 'sued', 'x') returning id`),
      )
      .then(() => 'inserted', () => 'refused');
    expect(forged).toBe('refused');
  });
});
