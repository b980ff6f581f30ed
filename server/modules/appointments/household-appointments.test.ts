import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { familyBody } from '#server/modules/cases/cases.fixture.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { MONDAY, office, type OfficeFixture } from './appointments.fixture.ts';

interface Household { id: string; members: { id: string; version: number }[] }
interface Listed { id: string; code: string | null; status: string; personId: string | null; office: { id: string; name: string }; type: { name: string; kind: string }; counsellor: string; language: string; start: string }

let ctx: TestContext;
let f: OfficeFixture;
let worker: Session;
let family: Household;
let second: Household;
let stranger: Session;
let strangers: Household;

const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const book = (session: Session, start: string, over: Record<string, unknown> = {}) =>
  ctx.request(session, { method: 'POST', url: `/api/offices/${f.officeId}/appointments`, payload: { typeId: f.typeId, start, name: 'Fatima Al-Hassan', language: 'de', ...over } });
const listOf = (session: Session | null, householdId: string) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/appointments` });
const household = async (session: Session): Promise<Household> => {
  const res = await ctx.request(session, { method: 'POST', url: '/api/households', payload: familyBody({ confirmNotDuplicate: true }) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Household>();
};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  f = await office(ctx);
  worker = await ctx.staff('social_worker', f.providerId);
  family = await household(worker);
  second = await household(worker);
  stranger = await ctx.staff('social_worker');
  strangers = await household(stranger);
});
afterAll(async () => ctx.close());
beforeEach(() => {
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
});

describe('appointments booked from a case file', () => {
  it('a staff booking names the household and the member it is for; the household lists it with office, type and counsellor, audited', async () => {
    const spouse = family.members[1]?.id ?? '';
    const res = await book(worker, '2026-06-02T07:00:00.000Z', { householdId: family.id, personId: spouse, language: 'de' });
    expect(res.statusCode, res.body).toBe(201);
    const booked = res.json<{ id: string; code: string }>();
    const whole = await book(worker, '2026-06-03T08:00:00.000Z', { householdId: family.id, name: 'Familie Al-Hassan' });
    expect(whole.statusCode, whole.body).toBe(201);
    const unlinked = await book(worker, '2026-06-04T08:00:00.000Z', { name: 'Ohne Fallakte' });
    expect(unlinked.statusCode, unlinked.body).toBe(201);

    const list = await listOf(worker, family.id);
    expect(list.statusCode, list.body).toBe(200);
    const appointments = list.json<{ appointments: Listed[] }>().appointments;
    expect(appointments.map((a) => a.personId)).toEqual([null, spouse]);
    expect(appointments[1]).toMatchObject({ id: booked.id, code: booked.code, status: 'booked', office: { id: f.officeId, name: 'Integrationsbüro Test' }, type: { name: 'Erstberatung', kind: 'first_consultation' }, counsellor: 'Beraterin 1', start: '2026-06-02T07:00:00.000Z' });
    expect((await listOf(worker, second.id)).json<{ appointments: Listed[] }>().appointments).toEqual([]);

    const audits = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${f.providerId} and action in ('appointment.book', 'appointment.list') order by seq`);
    expect(audits.find((a) => a.record_ids[0] === booked.id)?.record_ids).toEqual([booked.id, family.id, spouse]);
    expect(audits.at(-1)).toEqual({ action: 'appointment.list', record_ids: [second.id] });
    expect(audits.filter((a) => a.action === 'appointment.list').at(0)?.record_ids).toEqual([family.id, ...appointments.map((a) => a.id)]);
  });

  it('another provider\'s household answers exactly like an unknown one, and nothing is booked', async () => {
    const before = await owner<{ n: number }>(sql`select count(*)::int as n from appointment where office_id = ${f.officeId}`);
    const foreign = await book(worker, '2026-06-05T07:00:00.000Z', { householdId: strangers.id });
    const unknown = await book(worker, '2026-06-05T07:00:00.000Z', { householdId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(foreign.json<{ type: string }>().type).toBe(unknown.json<{ type: string }>().type);
    const otherMember = await book(worker, '2026-06-05T07:00:00.000Z', { householdId: family.id, personId: second.members[0]?.id });
    expect(otherMember.statusCode).toBe(404);
    const after = await owner<{ n: number }>(sql`select count(*)::int as n from appointment where office_id = ${f.officeId}`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('a person without the household is refused as a field; the list is the provider staff\'s only', async () => {
    const res = await book(worker, '2026-06-05T07:00:00.000Z', { personId: family.members[0]?.id });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('personId');
    expect((await listOf(stranger, family.id)).statusCode).toBe(404);
    const city = await ctx.staff('city_coordinator');
    expect((await listOf(city, family.id)).statusCode).toBe(403);
    expect((await listOf(null, family.id)).statusCode).toBe(401);
  });

  it('the database binds an appointment to a household of its own provider and a member of that household', async () => {
    const [row] = await owner<{ id: string }>(sql`select id from appointment where household_id = ${family.id} limit 1`);
    await expect(owner(sql`update appointment set household_id = ${strangers.id}, person_id = null where id = ${row?.id}`)).rejects.toThrow();
    await expect(owner(sql`update appointment set person_id = ${second.members[0]?.id ?? ''} where id = ${row?.id}`)).rejects.toThrow();
    await expect(owner(sql`update appointment set household_id = null where id = ${row?.id} and person_id is not null`)).rejects.toThrow();
  });
});

describe('merging two person records', () => {
  it('moves the duplicate\'s appointments to the record that stays and its household, whose case file lists them', async () => {
    const duplicate = second.members[1];
    const stays = family.members[1];
    const res = await book(worker, '2026-06-08T07:00:00.000Z', { householdId: second.id, personId: duplicate?.id });
    expect(res.statusCode, res.body).toBe(201);
    const moved = res.json<{ id: string }>().id;
    const untouched = await book(worker, '2026-06-09T07:00:00.000Z', { householdId: second.id, personId: second.members[0]?.id });
    expect(untouched.statusCode, untouched.body).toBe(201);

    const merged = await ctx.request(worker, { method: 'POST', url: `/api/people/${duplicate?.id ?? ''}/merge`, payload: { intoId: stays?.id, version: duplicate?.version, intoVersion: stays?.version } });
    expect(merged.statusCode, merged.body).toBe(200);

    const ofFamily = (await listOf(worker, family.id)).json<{ appointments: Listed[] }>().appointments;
    expect(ofFamily.find((a) => a.id === moved)?.personId).toBe(stays?.id);
    const ofSecond = (await listOf(worker, second.id)).json<{ appointments: Listed[] }>().appointments;
    expect(ofSecond.map((a) => a.id)).toEqual([untouched.json<{ id: string }>().id]);
    const [row] = await owner<{ household_id: string; person_id: string }>(sql`select household_id, person_id from appointment where id = ${moved}`);
    expect(row).toEqual({ household_id: family.id, person_id: stays?.id });
  });
});
