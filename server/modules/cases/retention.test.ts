import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RetentionEraseResult, RetentionReview } from '#contracts/retention.ts';
import { composeDeps } from '#server/app.ts';
import { queryRows } from '#server/db.ts';
import { verifyAuditLog } from '#server/modules/audit/audit.public.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { familyBody, personBody } from './cases.fixture.ts';
import { runRetention } from './retention.service.ts';

interface Household { id: string; members: { id: string }[]; caseFile: { id: string; version: number } }

let ctx: TestContext;
let nord = '';
let other = '';
let old: Household;
let recent: Household;
let open: Household;
let foreign: Household;
let oldJob: Household;
let funded: Household;

const CLOSED = new Date('2026-11-20T10:00:00Z');
/** Three calendar years and a day after CLOSED. */
const LATER = new Date('2029-11-21T10:00:00Z');
const owner = <T>(query: SQL) => queryRows<T>(ctx.database.db.owner, query);
const statistics = async (org: string) => (await owner<{ n: number }>(sql`select count(*)::int as n from case_statistic where organisation_id = ${org}`))[0]?.n;
const review = (session: Session) => ctx.request(session, { method: 'GET', url: '/api/retention' });
const eraseNow = (session: Session, caseFileIds: string[]) => ctx.request(session, { method: 'POST', url: '/api/retention/erase', payload: { caseFileIds } });

async function household(org: string, familyName: string, givenNames: string, close: boolean): Promise<Household> {
  const worker = await ctx.staff('social_worker', org);
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody({ confirmNotDuplicate: true }), street: `${familyName}weg`, members: [personBody({ familyName, givenNames, birthDate: '1979-04-13' })] } });
  expect(res.statusCode, res.body).toBe(201);
  const h = res.json<Household>();
  const catalog = await ctx.database.db.transaction({ kind: 'tenant', organisationId: org }, (tx) => currentCatalog(tx, ctx.clock.now));
  const service = catalog?.services.find((s) => !s.sensitive && s.active)?.id ?? '';
  const entry = await ctx.request(worker, { method: 'POST', url: `/api/households/${h.id}/service-entries`, payload: { occurredOn: ctx.clock.now.toISOString().slice(0, 10), minutes: 30, serviceId: service, setting: 'office', counselledIds: [h.members[0]?.id], language: 'de', note: `Beratung ${givenNames}` } });
  expect(entry.statusCode, entry.body).toBe(201);
  if (close) {
    const file = await ctx.request(worker, { method: 'GET', url: `/api/households/${h.id}` });
    const closed = await ctx.request(worker, { method: 'POST', url: `/api/case-files/${h.caseFile.id}/close`, payload: { reason: 'moved_away', version: file.json<Household>().caseFile.version } });
    expect(closed.statusCode, closed.body).toBe(200);
  }
  return h;
}

/** Rows of the case tables whose text holds the word. */
async function traces(word: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of ['household', 'person', 'person_name_key', 'person_name_term', 'case_file', 'service_entry', 'case_statistic', 'audit_entry']) {
    const [row] = await owner<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text ilike ${`%${word}%`}`);
    if (row?.n) found[table] = row.n;
  }
  return found;
}

beforeAll(async () => {
  ctx = await createTestContext();
  nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  other = (await ctx.organisation('provider', 'Süd e. V.')).id;
  ctx.clock.now = CLOSED;
  old = await household(nord, 'Qasemi', 'Parwin', true);
  oldJob = await household(nord, 'Karimi', 'Dariush', true);
  foreign = await household(other, 'Bondarenko', 'Oksana', true);
  // An approved Fachleistung request and a declined transfer name this one (they kept it from erasure once): the request stays as anonymous figures, the transfer as a record.
  funded = await household(nord, 'Petrenko', 'Olena', true);
  await owner(sql`insert into specialist_request (organisation_id, household_id, region_code, pseudonym, criteria, forecast_hours, justification, status, submitted_at, decided_at, approved_hours, approved_from, approved_until)
    values (${nord}, ${funded.id}, 'nord', 'FL-RET', '{crisis}', 50, 'Krisenbegleitung Olena', 'approved', '2026-11-01', '2026-11-05', 40, '2026-11-05', '2027-11-04')`);
  await owner(sql`insert into case_transfer (from_organisation_id, to_organisation_id, household_id, from_region_code, to_region_code, package, state, decided_at, decline_reason) values (${nord}, ${other}, ${funded.id}, 'nord', 'sued', 'sealed Petrenko Olena', 'declined', '2026-11-10', 'Kein Platz')`);
  open = await household(nord, 'Nowak', 'Ewa', false);
  ctx.clock.now = new Date('2027-11-21T10:00:00Z');
  recent = await household(nord, 'Yilmaz', 'Ayse', true);
  ctx.clock.now = LATER;
});
afterAll(async () => ctx.close());

describe('retention of closed case files', () => {
  it('is for the provider\'s administrator: a social worker and city staff 403', async () => {
    expect((await review(await ctx.staff('social_worker', nord))).statusCode).toBe(403);
    expect((await review(await ctx.staff('city_admin'))).statusCode).toBe(403);
    expect((await eraseNow(await ctx.staff('social_worker', nord), [old.caseFile.id])).statusCode).toBe(403);
    expect((await eraseNow(await ctx.staff('provider_admin', nord), [])).statusCode).toBe(400);
  });

  it('lists the case files closed 3 years and a day ago with what would go, not one closed 2 years ago nor an open one, and the dry run changes nothing', async () => {
    const admin = await ctx.staff('provider_admin', nord);
    const res = await review(admin);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<RetentionReview>();
    expect(body.retentionYears).toBe(3);
    expect(body.due.map((d) => d.caseFileId).sort()).toEqual([old.caseFile.id, oldJob.caseFile.id, funded.caseFile.id].sort());
    expect(body.due.find((d) => d.caseFileId === funded.caseFile.id)).toMatchObject({ blocked: false, counts: { specialistRequests: 1, transfers: 1, people: 1, households: 1 } });
    const entry = body.due.find((d) => d.caseFileId === old.caseFile.id);
    expect(entry).toMatchObject({ householdId: old.id, label: old.caseFile.id.slice(0, 8), closedAt: CLOSED.toISOString(), closeReason: 'moved_away', dueSince: '2029-11-20T10:00:00.000Z', blocked: false });
    expect(entry?.counts).toMatchObject({ serviceEntries: 1, people: 1, households: 1 });
    expect(JSON.stringify(body)).not.toMatch(/Qasemi|Parwin/);
    // Nothing went: the people are still there.
    expect((await traces('Qasemi')).person).toBe(1);
    expect((await review(admin)).json<RetentionReview>().due).toHaveLength(3);
    expect((await traces('Petrenko')).person).toBe(1);
  });

  it('erases now only what is due: nothing of the people remains, statistics stay, the audit entry holds ids and counts, the chain verifies', async () => {
    const admin = await ctx.staff('provider_admin', nord);
    const before = await statistics(nord);
    const res = await eraseNow(admin, [old.caseFile.id, funded.caseFile.id, recent.caseFile.id, open.caseFile.id, foreign.caseFile.id]);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<RetentionEraseResult>();
    expect(result.erased.map((e) => e.caseFileId).sort()).toEqual([old.caseFile.id, funded.caseFile.id].sort());
    expect(result.skipped.sort()).toEqual([recent.caseFile.id, open.caseFile.id, foreign.caseFile.id].sort());
    expect(await traces('Qasemi')).toEqual({});
    expect(await traces('Parwin')).toEqual({});
    expect(await traces('1979-04-13')).toEqual({});
    expect(await statistics(nord)).toBe(before);
    expect(await traces('Petrenko')).toEqual({});
    expect(await traces('Olena')).toEqual({});
    for (const kept of ['Yilmaz', 'Nowak', 'Bondarenko', 'Karimi']) expect((await traces(kept)).person, kept).toBe(1);
    // The formerly blocked file's request stays as the city's figures, its transfer as a record without the package.
    expect(await owner(sql`select household_id, pseudonym, status, approved_hours, justification from specialist_request where pseudonym = 'FL-RET'`)).toEqual([{ household_id: null, pseudonym: 'FL-RET', status: 'approved', approved_hours: 40, justification: '' }]);
    expect(await owner(sql`select household_id, package, state from case_transfer where from_organisation_id = ${nord}`)).toEqual([{ household_id: null, package: null, state: 'declined' }]);
    const [audit] = await owner<{ record_ids: string[]; actor_account_id: string | null }>(sql`select record_ids, actor_account_id from audit_entry where organisation_id = ${nord} and action = 'retention.erase' and record_ids[1] = ${old.caseFile.id}`);
    expect(audit?.record_ids.slice(0, 3)).toEqual([old.caseFile.id, old.id, `closed:${CLOSED.toISOString()}`]);
    expect(audit?.record_ids.slice(3).every((r) => /^count:\w+=\d+$/.test(r))).toBe(true);
    expect(audit?.actor_account_id).toBe(admin.accountId);
    expect((await verifyAuditLog({ db: ctx.database.db })).broken).toBeNull();
  });

  it('the daily job erases what is due at every provider in its own chain, and nothing else', async () => {
    const before = { nord: await statistics(nord), other: await statistics(other) };
    expect(await runRetention(composeDeps(ctx.deps))).toEqual({ erased: 2, skipped: 0 });
    expect(await traces('Karimi')).toEqual({});
    expect(await traces('Bondarenko')).toEqual({});
    for (const kept of ['Yilmaz', 'Nowak']) expect((await traces(kept)).person, kept).toBe(1);
    expect({ nord: await statistics(nord), other: await statistics(other) }).toEqual(before);
    const entries = await owner<{ organisation_id: string; record_ids: string[]; actor_account_id: string | null }>(sql`select organisation_id, record_ids, actor_account_id from audit_entry where action = 'retention.erase' and actor_account_id is null order by organisation_id`);
    expect(entries.map((e) => [e.organisation_id, e.record_ids[0]]).sort()).toEqual([[nord, oldJob.caseFile.id], [other, foreign.caseFile.id]].sort());
    expect(await runRetention(composeDeps(ctx.deps))).toEqual({ erased: 0, skipped: 0 });
    expect((await review(await ctx.staff('provider_admin', nord))).json<RetentionReview>().due).toEqual([]);
    expect((await verifyAuditLog({ db: ctx.database.db })).broken).toBeNull();
  });
});
