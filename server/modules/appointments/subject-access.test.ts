import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectAccessExport } from '#contracts/subject-access.ts';
import { queryRows } from '#server/db.ts';
import { familyBody } from '#server/modules/cases/cases.fixture.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { MONDAY, office, type OfficeFixture } from './appointments.fixture.ts';

interface Household { id: string; members: { id: string; version: number }[] }

let ctx: TestContext;
let f: OfficeFixture;
let worker: Session;
let admin: Session;
let family: Household;
let forSpouse = '';
let forHousehold = '';

const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const book = async (start: string, over: Record<string, unknown>) => {
  const res = await ctx.request(worker, { method: 'POST', url: `/api/offices/${f.officeId}/appointments`, payload: { typeId: f.typeId, start, language: 'de', ...over } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const appointmentsOf = async (personId: string) => {
  const res = await ctx.request(admin, { method: 'GET', url: `/api/people/${personId}/subject-access.json` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SubjectAccessExport>().sections.find((s) => s.name === 'appointments')?.entries ?? [];
};
const row = async (id: string) => (await owner<{ household_id: string | null; person_id: string | null; name_sealed: string | null; note_sealed: string | null; status: string }>(sql`select household_id, person_id, name_sealed, note_sealed, status from appointment where id = ${id}`))[0];

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date(`${MONDAY}T06:00:00Z`);
  f = await office(ctx);
  worker = await ctx.staff('social_worker', f.providerId);
  admin = await ctx.staff('provider_admin', f.providerId);
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: familyBody({ confirmNotDuplicate: true }) });
  expect(res.statusCode, res.body).toBe(201);
  family = res.json<Household>();
  forSpouse = await book('2026-06-02T07:00:00.000Z', { householdId: family.id, personId: family.members[1]?.id, name: 'Fatima Al-Hassan' });
  forHousehold = await book('2026-06-03T08:00:00.000Z', { householdId: family.id, name: 'Familie Al-Hassan' });
});
afterAll(async () => ctx.close());

describe('appointments in the subject access export and erasure', () => {
  it('lists the appointments booked for the person and for the whole household, not those of another member', async () => {
    const spouse = await appointmentsOf(family.members[1]?.id ?? '');
    expect(spouse.map((a) => a.start)).toEqual(['2026-06-03T08:00:00.000Z', '2026-06-02T07:00:00.000Z']);
    expect(spouse[1]).toMatchObject({ office: 'Integrationsbüro Test', type: 'Erstberatung', counsellor: 'Beraterin 1', language: 'de', status: 'booked' });
    const head = await appointmentsOf(family.members[0]?.id ?? '');
    expect(head.map((a) => a.start)).toEqual(['2026-06-03T08:00:00.000Z']);
  });

  it('erasing the spouse keeps her appointment in the calendar without whom it was for; erasing the household does so with the household\'s', async () => {
    const spouse = family.members[1];
    const res = await ctx.request(admin, { method: 'POST', url: `/api/people/${spouse?.id ?? ''}/erase`, payload: { version: spouse?.version ?? 1, reason: 'subject_request' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ counts: Record<string, number> }>().counts.appointments).toBe(1);
    expect(await row(forSpouse)).toEqual({ household_id: null, person_id: null, name_sealed: null, note_sealed: null, status: 'booked' });
    expect((await row(forHousehold))?.household_id).toBe(family.id);
    const head = family.members[0];
    const all = await ctx.request(admin, { method: 'POST', url: `/api/people/${head?.id ?? ''}/erase`, payload: { version: head?.version ?? 1, reason: 'subject_request', wholeHousehold: true } });
    expect(all.statusCode, all.body).toBe(200);
    expect(await row(forHousehold)).toEqual({ household_id: null, person_id: null, name_sealed: null, note_sealed: null, status: 'booked' });
  });
});
