import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { auditPage } from '#contracts/audit.ts';
import type { StaffActor } from '#server/modules/identity/actor.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { browseAuditLog } from './audit-log.service.ts';
import { RECORD_RESOLVERS, type RecordResolver } from './audit.labels.ts';
import { recordAudit } from './audit.service.ts';

type Page = z.infer<typeof auditPage>;
type Entry = Page['entries'][number];

let ctx: TestContext;
let city: Session & { email: string };
let cityName = '';
let provider: { id: string; name: string };
let providerAdmin: Session & { email: string };
let other: { id: string; name: string };
let otherAdmin: Session & { email: string };
const tag = randomUUID().slice(0, 6);

/** An actor for entries written directly (regionCodes: the account's region assignment, none here). */
const actorOf = (s: Session, organisationKind: 'city' | 'provider', role: StaffActor['role']) =>
  ({ kind: 'staff', accountId: s.accountId, organisationId: s.organisationId, organisationKind, role, regionCodes: null, ip: null, requestId: null }) as StaffActor;

async function write(organisationId: string, actor: StaffActor, record: { action: string; recordType: string; recordIds: string[] }, at = new Date()) {
  await ctx.deps.db.transaction({ kind: 'tenant', organisationId }, (tx) => recordAudit(tx, actor, { ...record, organisationId }, at));
}

async function log(session: Session, query = ''): Promise<Entry[]> {
  const res = await ctx.request(session, { method: 'GET', url: `/api/audit?limit=200${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>().entries;
}

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.staff('city_admin');
  cityName = (await ctx.request(city, { method: 'GET', url: '/api/auth/me' })).json<{ organisation: { name: string } }>().organisation.name;
  const created = await ctx.request(city, { method: 'POST', url: '/api/organisations', payload: { kind: 'provider', name: `Brücke ${tag}` } });
  expect(created.statusCode).toBe(201);
  provider = { id: created.json<{ id: string }>().id, name: `Brücke ${tag}` };
  const account = await ctx.request(city, {
    method: 'POST',
    url: '/api/accounts',
    payload: { organisationId: provider.id, email: `leitung.${tag}@test.invalid`, displayName: `Berta Beispiel ${tag}`, role: 'provider_admin', password: 'a long enough password 1' },
  });
  expect(account.statusCode, account.body).toBe(201);
  providerAdmin = { ...(await ctx.login(`leitung.${tag}@test.invalid`, 'a long enough password 1')), email: `leitung.${tag}@test.invalid` };
  other = await ctx.organisation('provider', `Andere ${tag}`);
  otherAdmin = await ctx.staff('provider_admin', other.id);
});
afterAll(async () => ctx.close());

describe('the audit log names what it names', () => {
  it('shows organisation and account names with the acting account and its organisation', async () => {
    const entries = await log(city, `&recordId=${provider.id}`);
    const created = entries.find((e) => e.action === 'organisation.create');
    expect(created?.records).toEqual([{ type: 'organisation', id: provider.id, state: 'named', label: provider.name, detail: null, href: null }]);
    expect(created?.actor).toMatchObject({ type: 'account', id: city.accountId, state: 'named', label: 'Test city_admin', detail: cityName });
    expect(created?.organisation).toMatchObject({ state: 'named', label: provider.name });

    const accountCreated = (await log(city, '&action=account.create')).find((e) => e.organisationId === provider.id);
    expect(accountCreated?.records[0]).toMatchObject({ type: 'account', id: providerAdmin.accountId, state: 'named', label: `Berta Beispiel ${tag}`, detail: provider.name });
  });

  it("a provider admin sees the city's administrator as an account outside its organisation, its own by name", async () => {
    const entries = await log(providerAdmin);
    const byCity = entries.find((e) => e.action === 'account.create');
    expect(byCity?.actor).toEqual({ type: 'account', id: city.accountId, state: 'not-visible', label: null, detail: null, href: null });
    expect(byCity?.records[0]).toMatchObject({ state: 'named', label: `Berta Beispiel ${tag}` });
    const login = entries.find((e) => e.action === 'session.login');
    expect(login?.actor).toMatchObject({ state: 'named', label: `Berta Beispiel ${tag}`, detail: provider.name });
  });

  it('shows a record that no longer exists as deleted, a record type without labels by type and id, people neutrally', async () => {
    const actor = actorOf(providerAdmin, 'provider', 'provider_admin');
    const gone = randomUUID();
    await write(provider.id, actor, { action: 'office.update', recordType: 'office', recordIds: [gone] });
    await write(provider.id, actor, { action: 'gtfs.import', recordType: 'gtfs_stop', recordIds: ['stop-1'] });
    const appointmentId = randomUUID();
    await write(provider.id, actor, { action: 'appointment.cancel', recordType: 'appointment', recordIds: [appointmentId] });
    const entries = await log(providerAdmin);
    expect(entries.find((e) => e.action === 'office.update')?.records).toEqual([{ type: 'office', id: gone, state: 'deleted', label: null, detail: null, href: null }]);
    expect(entries.find((e) => e.action === 'gtfs.import')?.records[0]).toMatchObject({ type: 'gtfs_stop', id: 'stop-1', state: 'unlabelled' });
    expect(entries.find((e) => e.action === 'appointment.cancel')?.records).toEqual([{ type: 'appointment', id: appointmentId, state: 'personal', label: null, detail: null, href: null }]);
  });

  it('takes resolvers from the registry: one call per record type and page, a person linked only where the resolver allows', async () => {
    const actor = actorOf(providerAdmin, 'provider', 'provider_admin');
    const open = randomUUID();
    const closed = randomUUID();
    for (const id of [open, closed, open]) await write(provider.id, actor, { action: 'case.open', recordType: 'person', recordIds: [id] });
    const calls: Record<string, number> = {};
    const counted = (type: string, resolver: RecordResolver): RecordResolver => async (reader, ids) => {
      calls[type] = (calls[type] ?? 0) + 1;
      return resolver(reader, ids);
    };
    const person: RecordResolver = async (_reader, ids) => new Map(ids.map((id) => [id, { state: 'personal' as const, href: id === open ? `/cases/persons/${id}` : null }]));
    const resolvers = Object.fromEntries(Object.entries({ ...RECORD_RESOLVERS, person }).map(([type, r]) => [type, counted(type, r)]));
    const page = await browseAuditLog(ctx.deps, actor, { limit: 200 }, resolvers);
    const persons = page.entries.filter((e) => e.recordType === 'person').map((e) => e.records[0]);
    expect(persons.map((p) => p?.href)).toEqual([`/cases/persons/${open}`, null, `/cases/persons/${open}`]);
    expect(persons.every((p) => p?.state === 'personal' && p.label === null)).toBe(true);
    expect(page.entries.length).toBeGreaterThan(5);
    expect(calls).toMatchObject({ person: 1, account: 1, organisation: 1 });
    expect(Object.values(calls).every((n) => n === 1)).toBe(true);
  });
});

describe('filters', () => {
  it('filter by action, action group, acting account and record', async () => {
    const a = actorOf(providerAdmin, 'provider', 'provider_admin');
    const officeA = randomUUID();
    const officeB = randomUUID();
    await write(provider.id, a, { action: 'office.create', recordType: 'office', recordIds: [officeA] });
    await write(provider.id, a, { action: 'office.update', recordType: 'office', recordIds: [officeB] });
    await write(provider.id, a, { action: 'officex.update', recordType: 'office', recordIds: [officeB] });

    expect((await log(providerAdmin, '&action=office.create')).map((e) => e.records[0]?.id)).toEqual([officeA]);
    const group = await log(providerAdmin, '&action=office.*');
    expect(group.every((e) => e.action.startsWith('office.'))).toBe(true);
    expect(group.map((e) => e.action)).toEqual(expect.arrayContaining(['office.create', 'office.update']));
    expect(group.some((e) => e.action === 'officex.update')).toBe(false);

    const byRecord = await log(providerAdmin, `&recordType=office&recordId=${officeB}`);
    expect(byRecord.map((e) => e.action).sort()).toEqual(['office.update', 'officex.update']);

    const byCity = await log(providerAdmin, `&account=${city.accountId}`);
    expect(byCity.length).toBeGreaterThan(0);
    expect(byCity.every((e) => e.actorAccountId === city.accountId)).toBe(true);
  });

  it('filter by period in Berlin days, also across the change to summer time', async () => {
    const a = actorOf(providerAdmin, 'provider', 'provider_admin');
    const id = randomUUID();
    // 00:30 in Berlin on 29 March 2026 (still winter time, UTC+1), and 00:30 on 30 March (summer time, UTC+2).
    await write(provider.id, a, { action: 'region.update', recordType: 'region', recordIds: [id] }, new Date('2026-03-28T23:30:00Z'));
    await write(provider.id, a, { action: 'region.update', recordType: 'region', recordIds: [id] }, new Date('2026-03-29T22:30:00Z'));
    const at = async (q: string) => (await log(providerAdmin, `&recordId=${id}${q}`)).map((e) => e.at);
    expect(await at('&from=2026-03-29&to=2026-03-29')).toEqual(['2026-03-28T23:30:00.000Z']);
    expect(await at('&from=2026-03-30')).toEqual(['2026-03-29T22:30:00.000Z']);
    expect(await at('&to=2026-03-28')).toEqual([]);
    expect(await at('&from=2026-03-29&to=2026-03-30')).toHaveLength(2);
  });

  it('refuses bad filters with a problem naming each field', async () => {
    for (const [query, field] of [
      ['from=2026-13-01', 'from'],
      ['from=2026-04-02&to=2026-04-01', 'to'],
      ['action=DROP%20TABLE', 'action'],
      ['account=nobody', 'account'],
      ['recordType=Office%3B', 'recordType'],
      ['recordId=%00', 'recordId'],
    ] as const) {
      for (const url of [`/api/audit?${query}`, `/api/audit.csv?${query}`]) {
        const res = await ctx.request(city, { method: 'GET', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
      }
    }
    expect((await ctx.request(city, { method: 'GET', url: '/api/audit?organisation=x' })).statusCode).toBe(400);
  });
});

describe('who reads what', () => {
  it("a provider admin cannot filter its way into another organisation's entries", async () => {
    const b = actorOf(otherAdmin, 'provider', 'provider_admin');
    const secret = randomUUID();
    await write(other.id, b, { action: 'office.update', recordType: 'office', recordIds: [secret] });
    expect(await log(providerAdmin, `&recordId=${secret}`)).toEqual([]);
    expect(await log(providerAdmin, `&account=${otherAdmin.accountId}`)).toEqual([]);
    expect((await log(providerAdmin, '&recordType=account')).every((e) => e.organisationId === provider.id)).toBe(true);
    expect((await log(otherAdmin, `&recordId=${secret}`)).map((e) => e.action)).toEqual(['office.update']);

    const csv = await ctx.request(providerAdmin, { method: 'GET', url: `/api/audit.csv?recordId=${secret}` });
    expect(csv.statusCode).toBe(200);
    expect(parse(csv.body, { bom: true, delimiter: ';' })).toHaveLength(1);

    const options = (await ctx.request(providerAdmin, { method: 'GET', url: '/api/audit/filter-options' })).json<{ accounts: { id: string }[] }>();
    expect(options.accounts.map((a) => a.id)).toContain(providerAdmin.accountId);
    expect(options.accounts.map((a) => a.id)).not.toContain(otherAdmin.accountId);
  });

  it("the city admin reads organisations' and accounts' administration everywhere, never a provider's case activity", async () => {
    const b = actorOf(otherAdmin, 'provider', 'provider_admin');
    const appointmentId = randomUUID();
    await write(other.id, b, { action: 'appointment.cancel', recordType: 'appointment', recordIds: [appointmentId] });
    expect(await log(city, `&recordId=${appointmentId}`)).toEqual([]);
    expect(await log(city, '&recordType=appointment')).toEqual([]);
    const accounts = await log(city, `&recordType=account&account=${otherAdmin.accountId}`);
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((e) => e.organisationId === other.id)).toBe(true);
  });

  it('only administrators read and export the log', async () => {
    for (const role of ['social_worker', 'city_coordinator', 'evaluator'] as const) {
      const s = await ctx.staff(role);
      for (const url of ['/api/audit', '/api/audit.csv', '/api/audit/filter-options']) {
        expect((await ctx.request(s, { method: 'GET', url })).statusCode, `${role} ${url}`).toBe(403);
      }
    }
    expect((await ctx.request(null, { method: 'GET', url: '/api/audit.csv' })).statusCode).toBe(401);
  });
});

describe('CSV export', () => {
  it('exports the filtered log with translated headers, names and Berlin time, safe for spreadsheets, and audits the export', async () => {
    const a = actorOf(city, 'city', 'city_admin');
    const tricky = await ctx.request(city, { method: 'POST', url: '/api/organisations', payload: { kind: 'provider', name: `=HYPERLINK("x"); "Süd" ${tag}` } });
    expect(tricky.statusCode).toBe(201);
    const trickyId = tricky.json<{ id: string }>().id;
    await write(trickyId, a, { action: 'organisation.update', recordType: 'organisation', recordIds: [trickyId] }, new Date('2026-07-01T10:00:00Z'));

    const res = await ctx.request(city, { method: 'GET', url: `/api/audit.csv?recordId=${trickyId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lotse-protokoll-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(res.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Aktion (Kennung)'])).toEqual(['organisation.update', 'organisation.create']);
    const [update] = rows;
    expect(update).toMatchObject({
      'Zeitpunkt (Europe/Berlin)': '2026-07-01 12:00:00',
      Aktion: 'Organisation geändert',
      Datensätze: `Organisation: =HYPERLINK("x"); "Süd" ${tag}`,
      'Organisation (Kette)': `'=HYPERLINK("x"); "Süd" ${tag}`,
      Konto: `Konto: Test city_admin (${cityName})`,
      'Kennung des Kontos': city.accountId,
      'Kennungen der Datensätze': trickyId,
    });

    const exported = await log(city, '&action=audit.export');
    expect(exported[0]).toMatchObject({ actorAccountId: city.accountId, organisationId: city.organisationId, recordType: 'audit_entry' });
  });

  it("writes headers and labels in the reader's language", async () => {
    expect((await ctx.request(city, { method: 'PUT', url: '/api/auth/me/preferences', payload: { locale: 'en' } })).statusCode).toBe(200);
    const res = await ctx.request(city, { method: 'GET', url: `/api/audit.csv?recordId=${provider.id}&action=organisation.create` });
    const rows = parse(res.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ 'Time (Europe/Berlin)': expect.any(String), Action: 'Organisation created', Records: `Organisation: ${provider.name}` })]);
  });
});
