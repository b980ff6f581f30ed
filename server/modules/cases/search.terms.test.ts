import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { familyBody, personBody } from './cases.fixture.ts';

/** person_name_term (migration person_name_term): the distinct key values the person search scores. */

let ctx: TestContext;
let nord = '';
let other = '';
let worker: Session;

const terms = async (organisationId: string, kind: string): Promise<string[]> =>
  (await queryRows<{ value: string }>(ctx.database.db.owner, sql`select value from person_name_term where organisation_id = ${organisationId} and kind = ${kind} order by value`)).map((r) => r.value);

const keyValues = async (organisationId: string, kind: 'latin' | 'skeleton' | 'phonetic'): Promise<string[]> =>
  (await queryRows<{ value: string }>(ctx.database.db.owner, sql`select distinct ${sql.identifier(kind)} as value from person_name_key where organisation_id = ${organisationId} and ${sql.identifier(kind)} <> '' order by value`)).map((r) => r.value);

const search = async (query: string): Promise<string[]> => {
  const res = await ctx.request(worker, { method: 'POST', url: '/api/people/search', payload: { query } });
  expect(res.statusCode).toBe(200);
  return res.json<{ candidates: { personId: string }[] }>().candidates.map((c) => c.personId);
};

const createPerson = async (familyName: string, givenNames: string) => {
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody(), members: [personBody({ familyName, givenNames })], confirmNotDuplicate: true } });
  expect(res.statusCode, res.body).toBe(201);
  const member = res.json<{ members: { id: string; version: number }[] }>().members[0];
  if (!member) throw new Error('no member');
  return member;
};

beforeAll(async () => {
  ctx = await createTestContext();
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  other = (await ctx.organisation('provider', 'Anderer Träger')).id;
  worker = await ctx.staff('social_worker', nord);
});
afterAll(async () => ctx.close());

describe('person search terms', () => {
  it('hold each distinct key value of the tenant once, and follow edits: a value no key uses any more is gone', async () => {
    const first = await createPerson('Zwetschke', 'Quirin');
    await createPerson('Zwetschke', 'Quirin');
    for (const kind of ['latin', 'skeleton', 'phonetic'] as const) expect(await terms(nord, kind)).toEqual(await keyValues(nord, kind));
    expect(await terms(nord, 'latin')).toContain('quirin zwetschke');

    // One of the two renamed: the shared value stays for the other.
    const renamed = await ctx.request(worker, { method: 'PATCH', url: `/api/people/${first.id}`, payload: { ...personBody({ familyName: 'Pflaume', givenNames: 'Quirin' }), version: first.version } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await terms(nord, 'latin')).toEqual(expect.arrayContaining(['pflaume quirin', 'quirin zwetschke']));
    expect(await search('Quirin Pflaume')).toContain(first.id);
    for (const kind of ['latin', 'skeleton', 'phonetic'] as const) expect(await terms(nord, kind)).toEqual(await keyValues(nord, kind));

    // Erased (the keys go with the person): nothing of the name is left behind.
    await ctx.database.db.owner.execute(sql`delete from person_name_key where organisation_id = ${nord} and latin = 'quirin zwetschke'`);
    expect(await terms(nord, 'latin')).not.toContain('quirin zwetschke');
    for (const kind of ['latin', 'skeleton', 'phonetic'] as const) expect(await terms(nord, kind)).toEqual(await keyValues(nord, kind));
    expect(await terms(other, 'latin')).toEqual([]);
  });

  it('are not readable by the application role, not even the own tenant\'s', async () => {
    const read = ctx.database.db.transaction({ kind: 'tenant', organisationId: nord }, (tx) => queryRows(tx, sql`select value from person_name_term`));
    await expect(read).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});
