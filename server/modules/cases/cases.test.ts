import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { familyBody, personBody } from './cases.fixture.ts';

interface HouseholdBody {
  id: string;
  version: number;
  region: { code: string };
  member: { code: string } | null;
  quarter: { code: string } | null;
  members: { id: string; givenNames: string; familyName: string; version: number; birthDate: string | null; basicServiceEndsOn: string | null; transliteration: string; residence: { code: string } | null }[];
  caseFile: { id: string; status: string; version: number; assignees: { id: string }[] };
  permittedActions: string[];
}
interface Candidate {
  personId: string;
  householdId: string;
  spellings: string[];
  birthYear: number | null;
  score: number;
}

let ctx: TestContext;
let nord = '';
let worker: Session;
let family: HouseholdBody;

const auditActions = async (organisationId: string, recordId: string): Promise<string[]> =>
  (await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where organisation_id = ${organisationId} and ${recordId} = any(record_ids) order by seq`)).map((r) => r.action);

const search = async (session: Session, query: string, birthDate: string | null = null): Promise<Candidate[]> => {
  const res = await ctx.request(session, { method: 'POST', url: '/api/people/search', payload: { query, birthDate } });
  expect(res.statusCode).toBe(200);
  return res.json<{ candidates: Candidate[] }>().candidates;
};

beforeAll(async () => {
  ctx = await createTestContext();
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  worker = await ctx.staff('social_worker', nord);
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: familyBody() });
  expect(res.statusCode).toBe(201);
  family = res.json<HouseholdBody>();
});
afterAll(async () => ctx.close());

describe('households', () => {
  it('a household a team lead creates starts without assignee (a team lead carries no case load: case.carry)', async () => {
    const lead = await ctx.staff('provider_admin', nord);
    const res = await ctx.request(lead, { method: 'POST', url: '/api/households', payload: { ...familyBody(), members: [personBody({ familyName: 'Wolkow', givenNames: 'Irina' })] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<HouseholdBody>().caseFile.assignees).toEqual([]);
  });

  it('creates a household with two adults and two children, placed by its quarter, with an open case file assigned to its creator', () => {
    expect(family.members.map((m) => m.givenNames)).toEqual(['Mohammed', 'Fatima', 'Yusuf', 'Nour']);
    expect(family.quarter?.code).toBe('11');
    expect(family.member?.code).toBe('neustadt');
    expect(family.region.code).toBe('nord');
    expect(family.caseFile.status).toBe('open');
    expect(family.caseFile.assignees.map((a) => a.id)).toEqual([worker.accountId]);
    expect(family.members[0]?.birthDate).toBe('1984-03-02');
    expect(family.members[1]?.birthDate).toBe('1988');
    expect(family.members[2]?.birthDate).toBe('2015-06');
    expect(family.members[0]?.basicServiceEndsOn).toBe('2027-01-31');
    expect(family.members[0]?.residence?.code).toBe('aufenthaltsgestattung');
    expect(family.members[0]?.transliteration).toBe('Mhmd Hsn');
    expect(family.permittedActions).toEqual(expect.arrayContaining(['case.read', 'case.edit', 'person.merge']));
  });

  it('audits every view of a household and of a person', async () => {
    const read = await ctx.request(worker, { method: 'GET', url: `/api/households/${family.id}` });
    expect(read.statusCode).toBe(200);
    expect(await auditActions(nord, family.id)).toEqual(['household.create', 'case.read']);
    const personId = family.members[0]?.id ?? '';
    const person = await ctx.request(worker, { method: 'GET', url: `/api/people/${personId}` });
    expect(person.statusCode).toBe(200);
    expect(await auditActions(nord, personId)).toContain('person.read');
  });

  it('refuses invalid input with field errors, never a 500', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...familyBody(), quarterCode: null }, 'quarterCode'],
      [{ ...familyBody(), quarterCode: '00' }, 'quarterCode'],
      [{ ...familyBody({ quarterCode: null, regionCode: 'atlantis' }) }, 'regionCode'],
      [{ ...familyBody(), members: [personBody({ familyName: 'A', birthDate: '1990-02-30' })] }, 'members.0.birthDate'],
      [{ ...familyBody(), members: [personBody({ familyName: 'A' }), personBody({ familyName: 'B' })] }, 'members.1.relationship'],
      [{ ...familyBody(), members: [personBody({ familyName: 'A', relationship: 'child' })] }, 'members.0.relationship'],
      [{ ...familyBody(), members: [personBody({ familyName: 'A', residence: { code: 'nope', paragraph: '', expiresOn: null } })] }, 'members.0.residence.code'],
      [{ ...familyBody(), members: [personBody({ familyName: 'A', residence: { code: 'aufenthaltserlaubnis', paragraph: '', expiresOn: null } })] }, 'members.0.residence.paragraph'],
    ];
    for (const [payload, field] of cases) {
      const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload });
      expect(res.statusCode, field).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
  });

  it('places a household by the region chosen when the quarter is not known', async () => {
    const res = await ctx.request(worker, {
      method: 'POST',
      url: '/api/households',
      payload: { ...familyBody({ quarterCode: null, regionCode: 'west' }), members: [personBody({ familyName: 'Kowalenko', givenNames: 'Olena', familyNameOriginal: 'Коваленко', givenNamesOriginal: 'Олена', birthDate: '1979' })] },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<HouseholdBody>();
    expect([body.region.code, body.quarter, body.member]).toEqual(['west', null, null]);
  });
});

describe('search before create', () => {
  it('finds a person across scripts and spellings, with every spelling and the year of birth', async () => {
    const head = family.members[0]?.id;
    for (const query of ['محمد', 'Muhammad Hasan', 'Mohamad', 'MOHAMMED AL HASSAN']) {
      const found = await search(worker, query);
      expect(found.map((c) => c.personId), query).toContain(head);
    }
    const [best] = await search(worker, 'Muhammad al-Hassan', '1984');
    expect(best?.personId).toBe(head);
    expect(best?.birthYear).toBe(1984);
    expect(best?.spellings.sort()).toEqual(['Mohammed Al-Hassan', 'محمد الحسن'].sort());
  });

  it('finds Schröder as Schroeder and Schroder, and Олена as Olena', async () => {
    const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody(), members: [personBody({ familyName: 'Schröder', givenNames: 'Anna', birthDate: '1990-05-01' })] } });
    expect(res.statusCode).toBe(201);
    const anna = res.json<HouseholdBody>().members[0]?.id;
    expect((await search(worker, 'Anna Schroeder')).map((c) => c.personId)).toContain(anna);
    expect((await search(worker, 'schroder')).map((c) => c.personId)).toContain(anna);
    expect((await search(worker, 'Олена Коваленко')).length).toBeGreaterThan(0);
  });

  it('ranks a conflicting date of birth below the same one', async () => {
    const same = await search(worker, 'Mohammed Al-Hassan', '1984-03-02');
    const other = await search(worker, 'Mohammed Al-Hassan', '1999');
    const head = family.members[0]?.id;
    const score = (list: Candidate[]) => list.find((c) => c.personId === head)?.score ?? 0;
    expect(score(same)).toBeGreaterThan(score(other));
  });

  it('shows likely duplicates before creating a person (409 with candidates), creates after confirmation', async () => {
    const payload = { ...familyBody(), members: [personBody({ familyName: 'Al Hasan', givenNames: 'Muhammad', birthDate: '1984' })] };
    const refused = await ctx.request(worker, { method: 'POST', url: '/api/households', payload });
    expect(refused.statusCode).toBe(409);
    const body = refused.json<{ type: string; detail: string; candidates: Candidate[] }>();
    expect(body.type).toBe('/problems/conflict');
    expect(body.candidates.map((c) => c.personId)).toContain(family.members[0]?.id);
    const created = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...payload, confirmNotDuplicate: true } });
    expect(created.statusCode).toBe(201);
  });

  it('merges a duplicate into the record that stays: spellings move over, the duplicate is gone, audited', async () => {
    const dup = await ctx.request(worker, {
      method: 'POST',
      url: `/api/households/${family.id}/members`,
      payload: { ...personBody({ relationship: 'other_relative', familyName: 'Alhassan', givenNames: 'Nur', birthDate: '2019' }), confirmNotDuplicate: true },
    });
    expect(dup.statusCode).toBe(201);
    const members = dup.json<HouseholdBody>().members;
    const nour = members.find((m) => m.givenNames === 'Nour');
    const nur = members.find((m) => m.givenNames === 'Nur');
    if (!nour || !nur) throw new Error('members missing');
    const merged = await ctx.request(worker, { method: 'POST', url: `/api/people/${nur.id}/merge`, payload: { intoId: nour.id, version: nur.version, intoVersion: nour.version } });
    expect(merged.statusCode).toBe(200);
    expect(merged.json<{ otherSpellings: string[]; birthDate: string }>()).toMatchObject({ otherSpellings: ['Nur Alhassan'], birthDate: '2019-11-20' });
    expect((await ctx.request(worker, { method: 'GET', url: `/api/people/${nur.id}` })).statusCode).toBe(404);
    const found = await search(worker, 'Nur Alhassan');
    expect(found.map((c) => c.personId)).toContain(nour.id);
    expect(found.map((c) => c.personId)).not.toContain(nur.id);
    expect(await auditActions(nord, nur.id)).toContain('person.merge');
    const again = await ctx.request(worker, { method: 'POST', url: `/api/people/${nour.id}/merge`, payload: { intoId: nour.id, version: 1, intoVersion: 1 } });
    expect(again.statusCode).toBe(400);
  });
});

describe('changed meanwhile', () => {
  it('refuses a stale household edit with 409 and the other\'s current version, never overwriting it', async () => {
    const base = { accommodation: 'shared_accommodation', accommodationName: 'GU Hansastraße', street: '', houseNumber: '', postcode: '', quarterCode: '14', regionCode: null };
    const first = await ctx.request(worker, { method: 'PATCH', url: `/api/households/${family.id}`, payload: { ...base, version: family.version } });
    expect(first.statusCode).toBe(200);
    expect(first.json<HouseholdBody>().version).toBe(family.version + 1);
    const second = await ctx.request(worker, { method: 'PATCH', url: `/api/households/${family.id}`, payload: { ...base, accommodationName: 'GU Other', version: family.version } });
    expect(second.statusCode).toBe(409);
    const body = second.json<{ detail: string; current: { version: number; accommodationName: string } }>();
    expect(body.current).toMatchObject({ version: family.version + 1, accommodationName: 'GU Hansastraße' });
    expect(body.detail).toMatch(/meanwhile|inzwischen/);
  });

  it('refuses a stale person edit the same way', async () => {
    const person = family.members[1];
    if (!person) throw new Error('no spouse');
    const body = { ...personBody({ relationship: 'spouse', familyName: 'Al-Hassan', givenNames: 'Fatima', birthDate: '1988-07' }), version: person.version };
    expect((await ctx.request(worker, { method: 'PATCH', url: `/api/people/${person.id}`, payload: body })).statusCode).toBe(200);
    const stale = await ctx.request(worker, { method: 'PATCH', url: `/api/people/${person.id}`, payload: { ...body, birthDate: '1987' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: { birthDate: string; version: number } }>().current).toMatchObject({ birthDate: '1988-07', version: person.version + 1 });
  });
});

describe('case files', () => {
  it('assigns to colleagues only, closes with a reason and reopens', async () => {
    const colleague = await ctx.account(nord, 'social_worker');
    const stranger = await ctx.account((await ctx.organisation('provider')).id, 'social_worker');
    const file = family.caseFile;
    const refused = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file.id}/assign`, payload: { accountIds: [stranger.id], version: file.version } });
    expect(refused.statusCode).toBe(400);
    const assigned = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file.id}/assign`, payload: { accountIds: [worker.accountId, colleague.id], version: file.version } });
    expect(assigned.statusCode).toBe(200);
    const afterAssign = assigned.json<HouseholdBody>().caseFile;
    expect(afterAssign.assignees.map((a) => a.id).sort()).toEqual([worker.accountId, colleague.id].sort());
    const stale = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file.id}/close`, payload: { reason: 'moved away', version: file.version } });
    expect(stale.statusCode).toBe(409);
    const closed = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file.id}/close`, payload: { reason: 'moved away', version: afterAssign.version } });
    expect(closed.json<HouseholdBody>().caseFile.status).toBe('closed');
    const reopened = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${file.id}/reopen`, payload: { version: afterAssign.version + 1 } });
    expect(reopened.json<HouseholdBody>().caseFile.status).toBe('open');
    expect(await auditActions(nord, file.id)).toEqual(expect.arrayContaining(['case.assign', 'case.close', 'case.reopen']));
  });
});

describe('isolation', () => {
  it('gives another provider\'s social worker 404 for the household, its people and case file, and nothing in search', async () => {
    const sued = await ctx.staff('social_worker');
    expect((await ctx.request(sued, { method: 'GET', url: `/api/households/${family.id}` })).statusCode).toBe(404);
    expect((await ctx.request(sued, { method: 'GET', url: `/api/people/${family.members[0]?.id ?? ''}` })).statusCode).toBe(404);
    expect((await ctx.request(sued, { method: 'POST', url: `/api/case-files/${family.caseFile.id}/close`, payload: { reason: 'x', version: 1 } })).statusCode).toBe(404);
    expect(await search(sued, 'Mohammed Al-Hassan')).toEqual([]);
    const list = await ctx.request(sued, { method: 'GET', url: '/api/households' });
    expect(list.json()).toEqual([]);
  });

  it('keeps a social worker assigned to Süd out of the provider\'s Nord households', async () => {
    const account = await ctx.account(nord, 'social_worker');
    await ctx.database.db.owner.execute(sql`insert into account_region (account_id, region_code) values (${account.id}, 'sued')`);
    const sued = await ctx.login(account.email);
    expect((await ctx.request(sued, { method: 'GET', url: `/api/households/${family.id}` })).statusCode).toBe(404);
    expect(await search(sued, 'Mohammed Al-Hassan')).toEqual([]);
    const inNord = await ctx.request(sued, { method: 'POST', url: '/api/households', payload: { ...familyBody({ confirmNotDuplicate: true }) } });
    expect(inNord.statusCode).toBe(400);
    const own = await ctx.request(sued, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '71', confirmNotDuplicate: true }) } });
    expect(own.statusCode).toBe(201);
    const ids = (await ctx.request(sued, { method: 'GET', url: '/api/households' })).json<{ id: string; regionCode: string }[]>();
    expect(new Set(ids.map((h) => h.regionCode))).toEqual(new Set(['sued']));
    // The provider admin reaches every region of the organisation.
    const admin = await ctx.login((await ctx.account(nord, 'provider_admin')).email);
    expect((await ctx.request(admin, { method: 'GET', url: `/api/households/${family.id}` })).statusCode).toBe(200);
  });

  it('refuses city roles (403): case work is never the city\'s', async () => {
    const city = await ctx.staff('city_admin');
    expect((await ctx.request(city, { method: 'GET', url: `/api/households/${family.id}` })).statusCode).toBe(403);
    expect((await ctx.request(city, { method: 'POST', url: '/api/people/search', payload: { query: 'Mohammed' } })).statusCode).toBe(403);
    expect((await ctx.request(city, { method: 'GET', url: '/api/residence-statuses' })).statusCode).toBe(200);
  });
});
