import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasureResult, SubjectAccessExport } from '#contracts/subject-access.ts';
import { queryRows } from '#server/db.ts';
import { verifyAuditLog } from '#server/modules/audit/audit.public.ts';
import { currentCatalog } from '#server/modules/catalog/catalog.public.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { pdfText } from '#test/pdf.ts';
import { tinyPng } from '#test/png.ts';
import { familyBody, personBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string; givenNames: string; version: number }[] }

let ctx: TestContext;
let nord = '';
let worker: Session;
let admin: Session;
let family: Household;
let service = '';

const FATIMA_HEALTH = 'Schwangerschaft, Termin Frauenärztin';
const FATIMA_ALONE = 'Beratung allein zur Trennung';
const SHARED_NOTE = 'Schulanmeldung besprochen';
const member = (i: number) => family.members[i]?.id ?? '';
const owner = <T>(query: SQL) => queryRows<T>(ctx.database.db.owner, query);
const exportOf = (session: Session, personId: string) => ctx.request(session, { method: 'GET', url: `/api/people/${personId}/subject-access.json` });
const erase = (session: Session, personId: string, body: Record<string, unknown>) => ctx.request(session, { method: 'POST', url: `/api/people/${personId}/erase`, payload: body });
const section = (data: SubjectAccessExport, name: string) => data.sections.find((s) => s.name === name)?.entries ?? [];
const statistics = async () => (await owner<{ n: number }>(sql`select count(*)::int as n from case_statistic where organisation_id = ${nord}`))[0]?.n;

async function post(url: string, payload: Record<string, unknown>, method = 'POST') {
  const res = await ctx.request(worker, { method, url, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res;
}

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-01T10:00:00Z');
  ({ nord, worker, family } = await providerWithFamily<Household>(ctx));
  admin = await ctx.staff('provider_admin', nord);
  const catalog = await ctx.database.db.transaction({ kind: 'tenant', organisationId: nord }, (tx) => currentCatalog(tx, new Date('2026-11-20T12:00:00Z')));
  service = catalog?.services.find((s) => !s.sensitive && s.active)?.id ?? '';
  const h = `/api/households/${family.id}`;
  await post(`${h}/consents`, { personId: member(0), purpose: 'referral', recipient: 'Jobcenter Dresden', givenOn: '2026-11-20', method: 'signed_paper' });
  await post(`${h}/consents`, { personId: member(1), purpose: 'exchange', recipient: 'Kita Sonnenschein', givenOn: '2026-11-20', method: 'signed_paper' });
  await post(`${h}/assessments`, { personId: member(0), areaCode: 'language', level: 'high', assessedOn: '2026-11-01', note: 'Kein Kursplatz' });
  await post(`${h}/assessments`, { areaCode: 'housing', level: 'medium', assessedOn: '2026-11-02', note: 'Wohnung zu klein' });
  await post(`${h}/assessments`, { personId: member(1), areaCode: 'health', level: 'high', assessedOn: '2026-11-03', note: FATIMA_HEALTH });
  await post(`${h}/plan`, {
    version: null,
    reviewOn: '2027-03-01',
    goals: [
      { areaCode: 'work', title: 'Deutschkurs B1 abschließen', steps: [{ text: 'Anmeldung VHS' }], responsibleKind: 'person', responsiblePersonId: member(0) },
      { areaCode: 'health', title: 'Vorsorge für Fatima', responsibleKind: 'person', responsiblePersonId: member(1) },
      { areaCode: 'housing', title: 'Größere Wohnung finden', responsibleKind: 'other', responsibleText: 'Wohnungsamt' },
    ],
  }, 'PUT');
  await post(`${h}/service-entries`, { occurredOn: '2026-11-20', minutes: 45, serviceId: service, setting: 'home_visit', counselledIds: [member(0)], alongsideIds: [member(1)], language: 'ar', interpreter: true, note: SHARED_NOTE });
  await post(`${h}/service-entries`, { occurredOn: '2026-11-21', minutes: 30, serviceId: service, setting: 'office', counselledIds: [member(1)], language: 'ar', note: FATIMA_ALONE });
  const partner = await ctx.request(admin, { method: 'POST', url: '/api/partners', payload: { regionCode: 'nord', kind: 'jobcenter', name: 'Jobcenter Dresden' } });
  expect(partner.statusCode, partner.body).toBe(201);
  await post(`${h}/referrals`, { personId: member(0), partnerId: partner.json<{ id: string }>().id, purpose: 'Arbeitssuche begleiten' });
  await post(`${h}/letters`, { data: tinyPng(2, 2).toString('base64'), authority: 'family_benefits_office', receivedOn: '2026-11-25', dueOn: '2026-12-10', personId: member(1), fileNumber: 'FK-4711-FATIMA' });
  // Fatima's record read by the colleague: an entry naming her only.
  expect((await ctx.request(worker, { method: 'GET', url: `/api/people/${member(1)}` })).statusCode).toBe(200);
});
afterAll(async () => ctx.close());

describe('subject access (Art. 15)', () => {
  it('gives Mohammed everything about him as JSON — person, household, his consents, assessments, goals, the entries he took part in, who opened the file — and nothing only Fatima\'s; audited', async () => {
    const res = await exportOf(admin, member(0));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json<SubjectAccessExport>();
    expect(data.sections.map((s) => s.name)).toEqual(['person', 'household', 'appointments', 'referrals', 'consents', 'letters', 'assessments', 'goals', 'serviceEntries', 'specialistRequests', 'transfers', 'accesses']);
    expect(section(data, 'referrals')).toEqual([expect.objectContaining({ partner: 'Jobcenter Dresden', purpose: 'Arbeitssuche begleiten', status: 'sent' })]);
    expect(section(data, 'letters')).toEqual([]);
    expect(section(data, 'person')[0]).toMatchObject({ familyName: 'Al-Hassan', givenNames: 'Mohammed', familyNameOriginal: 'الحسن', birthDate: '1984-03-02', languages: ['ar', 'de'] });
    expect(section(data, 'household')[0]).toMatchObject({ street: 'Bautzner Straße', postcode: '01099', members: 4 });
    expect(section(data, 'consents').map((c) => c.recipient)).toEqual(['Jobcenter Dresden']);
    expect(section(data, 'assessments').map((a) => a.note).sort()).toEqual(['Kein Kursplatz', 'Wohnung zu klein']);
    expect(section(data, 'goals').map((g) => g.title).sort()).toEqual(['Deutschkurs B1 abschließen', 'Größere Wohnung finden']);
    expect(section(data, 'serviceEntries')).toEqual([expect.objectContaining({ occurredOn: '2026-11-20', role: 'counselled', note: SHARED_NOTE, minutes: 45 })]);
    const accesses = section(data, 'accesses');
    expect(accesses.some((a) => a.action === 'household.create' && a.account !== '')).toBe(true);
    expect(accesses.some((a) => a.action === 'person.read')).toBe(false);
    expect(JSON.stringify(data)).not.toContain(FATIMA_HEALTH);
    expect(JSON.stringify(data)).not.toContain(FATIMA_ALONE);
    expect(JSON.stringify(data)).not.toContain('Kita Sonnenschein');
    expect(JSON.stringify(data)).not.toContain('FK-4711-FATIMA');
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'person.export', record_ids: [member(0), family.id] });
  });

  it('opens sealed notes for Fatima (her health assessment) and shows her as alongside in the shared entry; lists the read of her record with the reader\'s name', async () => {
    const res = await exportOf(worker, member(1));
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json<SubjectAccessExport>();
    const [sealed] = await owner<{ note: string; note_sealed: boolean }>(sql`select note, note_sealed from need_assessment where person_id = ${member(1)}`);
    expect(sealed?.note_sealed).toBe(true);
    expect(section(data, 'assessments').map((a) => a.note)).toContain(FATIMA_HEALTH);
    expect(section(data, 'letters')).toEqual([expect.objectContaining({ concerns: 'person', authority: 'family_benefits_office', fileNumber: 'FK-4711-FATIMA', dueOn: '2026-12-10', status: 'open' })]);
    expect(section(data, 'referrals')).toEqual([]);
    expect(section(data, 'serviceEntries').map((e) => [e.role, e.note])).toEqual([['counselled', FATIMA_ALONE], ['alongside', SHARED_NOTE]]);
    const [name] = await owner<{ display_name: string }>(sql`select display_name from account where id = ${worker.accountId}`);
    expect(section(data, 'accesses')).toContainEqual(expect.objectContaining({ action: 'person.read', account: name?.display_name, recordType: 'person' }));
  });

  it('answers 404 to another provider, 403 to the city\'s staff, 404 for an unknown person', async () => {
    const stranger = await ctx.staff('provider_admin');
    expect((await exportOf(stranger, member(0))).statusCode).toBe(404);
    for (const role of ['city_admin', 'city_coordinator', 'evaluator'] as const) {
      expect((await exportOf(await ctx.staff(role), member(0))).statusCode).toBe(403);
    }
    expect((await exportOf(admin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('subject access printed (PDF)', () => {
  const pdfOf = (session: Session, personId: string, query = '') => ctx.request(session, { method: 'GET', url: `/api/people/${personId}/subject-access.pdf${query}` });
  const textOf = async (body: Buffer) => (await pdfText(body)).replace(/\s+/g, ' ');

  it('prints Mohammed\'s export in German beside Arabic (his language): headings, labels, his names in both scripts, his records; audited as an export', async () => {
    const res = await pdfOf(admin, member(0));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="auskunft-${member(0).slice(0, 8)}-ar.pdf"`);
    const text = await textOf(res.rawPayload);
    for (const german of ['Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)', 'Einwilligungen', 'Familienname', 'Al-Hassan', 'Mohammed', 'Jobcenter Dresden', 'Kein Kursplatz', SHARED_NOTE, 'Wer die Akte geöffnet oder geändert hat', 'Nord e. V.']) {
      expect(text).toContain(german);
    }
    for (const arabic of ['الموافقات', 'اسم العائلة', 'الحسن', 'محمد', 'من فتح الملف أو غيره']) {
      expect(text).toContain(arabic);
    }
    expect(text).not.toContain(FATIMA_HEALTH);
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'person.export', record_ids: [member(0), family.id] });
  });

  it('prints the language asked for (Ukrainian, Persian) beside German, German alone when asked; another provider 404, city staff 403', async () => {
    const uk = await textOf((await pdfOf(admin, member(0), '?language=uk')).rawPayload);
    expect(uk).toContain('Згоди');
    expect(uk).toContain('Einwilligungen');
    const fa = await textOf((await pdfOf(admin, member(0), '?language=fa')).rawPayload);
    expect(fa).toContain('Empfänger · گیرنده');
    const de = await textOf((await pdfOf(admin, member(0), '?language=de')).rawPayload);
    expect(de).toContain('Einwilligungen');
    expect(de).not.toContain('الموافقات');
    expect((await pdfOf(admin, member(0), '?language=xx')).statusCode).toBe(400);
    expect((await pdfOf(await ctx.staff('social_worker'), member(0))).statusCode).toBe(404);
    expect((await pdfOf(await ctx.staff('city_coordinator'), member(0))).statusCode).toBe(403);
  });
});

/** Rows of the case tables whose text holds one of the words (names, birth date, notes). */
async function traces(words: string[]): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of ['household', 'person', 'person_name_key', 'person_name_term', 'case_file', 'consent', 'referral', 'letter', 'need_assessment', 'support_plan', 'plan_goal', 'service_entry', 'appointment', 'case_statistic', 'audit_entry']) {
    const [row] = await owner<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} t where ${sql.join(words.map((w) => sql`t::text ilike ${`%${w}%`}`), sql` or `)}`);
    if (row?.n) found[table] = row.n;
  }
  return found;
}

describe('erasure on request (Art. 17)', () => {
  it('is for the provider\'s administrator only: a social worker 403, another provider 404, a stale version 409', async () => {
    const version = family.members[1]?.version ?? 1;
    expect((await erase(worker, member(1), { version, reason: 'subject_request' })).statusCode).toBe(403);
    expect((await erase(await ctx.staff('provider_admin'), member(1), { version, reason: 'subject_request' })).statusCode).toBe(404);
    expect((await erase(admin, member(1), { version: version + 1, reason: 'subject_request' })).statusCode).toBe(409);
    expect((await erase(admin, member(1), { version, reason: 'because' })).statusCode).toBe(400);
  });

  it('erases a household a Fachleistung request and transfers name: the requests stay as anonymous figures (hours, no household, no justification), the coordinator\'s list still answers; the transfers stay as records without their package', async () => {
    const other = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody(), street: 'Königsbrücker Straße', members: [personBody({ familyName: 'Petrenko', givenNames: 'Olena' })] } });
    expect(other.statusCode, other.body).toBe(201);
    const o = other.json<Household>();
    const [approved] = await owner<{ id: string }>(sql`insert into specialist_request (organisation_id, household_id, region_code, pseudonym, criteria, forecast_hours, justification, status, submitted_at, decided_at, approved_hours, approved_from, approved_until, decision_reason)
      values (${nord}, ${o.id}, 'nord', 'FL-TEST', '{crisis}', 50, 'Krisenbegleitung Olena', 'approved', '2026-11-01', '2026-11-05', 40, '2026-11-05', '2027-11-04', 'Für Olena bewilligt') returning id`);
    // An extension (a draft) names the approval through the composite key: both lose the household together.
    await owner(sql`insert into specialist_request (organisation_id, household_id, region_code, pseudonym, kind, extends_id, criteria, forecast_hours, justification) values (${nord}, ${o.id}, 'nord', 'FL-TEST', 'extension', ${approved?.id}, '{crisis}', 60, 'Verlängerung für Olena')`);
    // Sent from here (pending), and received here from another provider (accepted): the packages hold the people.
    const sued = (await ctx.organisation('provider', 'Süd gGmbH')).id;
    const from = await ctx.request(await ctx.staff('social_worker', sued), { method: 'POST', url: '/api/households', payload: { ...familyBody({ confirmNotDuplicate: true }), street: 'Prager Straße', members: [personBody({ familyName: 'Sender', givenNames: 'Sabine', birthDate: '1990-01-01' })] } });
    expect(from.statusCode, from.body).toBe(201);
    const [sent] = await owner<{ id: string }>(sql`insert into case_transfer (from_organisation_id, to_organisation_id, household_id, from_region_code, to_region_code, package) values (${nord}, ${sued}, ${o.id}, 'nord', 'sued', 'sealed Petrenko Olena') returning id`);
    const [received] = await owner<{ id: string }>(sql`insert into case_transfer (from_organisation_id, to_organisation_id, household_id, from_region_code, to_region_code, package, state, decided_at, received_household_id) values (${sued}, ${nord}, ${from.json<Household>().id}, 'sued', 'nord', 'sealed Petrenko Olena', 'accepted', '2026-11-10', ${o.id}) returning id`);
    const res = await erase(admin, o.members[0]?.id ?? '', { version: o.members[0]?.version ?? 1, reason: 'subject_request', wholeHousehold: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ErasureResult>()).toMatchObject({ householdId: o.id, wholeHousehold: true, counts: { specialistRequests: 2, transfers: 2, people: 1, households: 1 } });
    const requests = await owner<Record<string, unknown>>(sql`select household_id, pseudonym, status, criteria, forecast_hours, approved_hours, approved_from::text, approved_until::text, region_code, justification, decision_reason from specialist_request where organisation_id = ${nord} order by kind desc`);
    expect(requests).toEqual([
      { household_id: null, pseudonym: 'FL-TEST', status: 'approved', criteria: ['crisis'], forecast_hours: 50, approved_hours: 40, approved_from: '2026-11-05', approved_until: '2027-11-04', region_code: 'nord', justification: '', decision_reason: '' },
      { household_id: null, pseudonym: 'FL-TEST', status: 'draft', criteria: ['crisis'], forecast_hours: 60, approved_hours: null, approved_from: null, approved_until: null, region_code: 'nord', justification: '', decision_reason: '' },
    ]);
    const transfers = await owner<Record<string, unknown>>(sql`select id, package, household_id, received_household_id, state from case_transfer where id in (${sent?.id}, ${received?.id}) order by created_at, state`);
    expect(transfers).toEqual(expect.arrayContaining([
      { id: sent?.id, package: null, household_id: null, received_household_id: null, state: 'pending' },
      { id: received?.id, package: null, household_id: from.json<Household>().id, received_household_id: null, state: 'accepted' },
    ]));
    const [left] = await owner<{ n: number }>(sql`select count(*)::int as n from specialist_request t where t::text ilike '%Olena%'`);
    const [leftTransfer] = await owner<{ n: number }>(sql`select count(*)::int as n from case_transfer t where t::text ilike '%Petrenko%'`);
    expect([left?.n, leftTransfer?.n]).toEqual([0, 0]);
    // The city's coordinator still reads the anonymised approval (no household to count delivered hours from).
    const city = (await ctx.organisation('city', 'Landeshauptstadt Dresden')).id;
    const list = await ctx.request(await ctx.staff('city_coordinator', city), { method: 'GET', url: '/api/specialist-requests' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).toContain('FL-TEST');
    expect(list.body).not.toContain(o.id);
    // Neither side reads the package any more; the transfer is still listed as having happened.
    const incoming = await ctx.request(worker, { method: 'GET', url: `/api/transfers/${received?.id ?? ''}` });
    expect(incoming.statusCode, incoming.body).toBe(200);
    expect(incoming.json<{ package: unknown; state: string }>()).toMatchObject({ package: null, state: 'accepted' });
    // An erased transfer changes no more in the tenant scope: the guard refuses a second clearing and any decision.
    const again = ctx.database.db.transaction({ kind: 'tenant', organisationId: sued }, (tx) => tx.execute(sql`update case_transfer set state = 'declined', decided_at = now(), decline_reason = 'x' where id = ${sent?.id}`));
    await expect(again).rejects.toThrow();
    expect((await verifyAuditLog({ db: ctx.database.db })).broken).toBeNull();
  });

  it('erases Fatima: her record, consents, assessments, goals and the entry only she was counselled in go; the shared entry loses her; Mohammed\'s stay; statistics and the audit chain whole', async () => {
    const before = await statistics();
    const res = await erase(admin, member(1), { version: family.members[1]?.version ?? 1, reason: 'subject_request' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ErasureResult>()).toEqual({ householdId: family.id, personIds: [member(1)], wholeHousehold: false, counts: { appointments: 0, referrals: 0, consents: 1, letters: 1, assessments: 1, goals: 1, serviceEntries: 2, specialistRequests: 0, transfers: 0, accesses: 0, people: 1, households: 0 } });
    expect(await traces(['Fatima', 'fatma', 'فاطمة', FATIMA_HEALTH, FATIMA_ALONE, 'Kita Sonnenschein', 'Vorsorge für Fatima', 'FK-4711'])).toEqual({});
    const [files] = await owner<{ n: number }>(sql`select count(*)::int as n from letter_file where organisation_id = ${nord}`);
    expect(files?.n).toBe(0);
    const [shared] = await owner<{ counselled_ids: string[]; alongside_ids: string[] }>(sql`select counselled_ids, alongside_ids from service_entry where note = ${SHARED_NOTE}`);
    expect(shared).toEqual({ counselled_ids: [member(0)], alongside_ids: [] });
    expect(await statistics()).toBe(before);
    const mohammed = (await exportOf(admin, member(0))).json<SubjectAccessExport>();
    expect(section(mohammed, 'consents')).toHaveLength(1);
    expect(section(mohammed, 'serviceEntries')).toHaveLength(1);
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action = 'person.erase'`);
    expect(audit?.record_ids).toEqual([member(1), family.id, 'reason:subject_request', 'count:appointments=0', 'count:referrals=0', 'count:consents=1', 'count:letters=1', 'count:assessments=1', 'count:goals=1', 'count:serviceEntries=2', 'count:specialistRequests=0', 'count:transfers=0', 'count:accesses=0', 'count:people=1', 'count:households=0']);
    expect((await exportOf(admin, member(1))).statusCode).toBe(404);
    // The administrator's audit log still reads (the reason and counts travel as plain strings beside the ids).
    const log = await ctx.request(admin, { method: 'GET', url: `/api/audit?recordId=${member(1)}` });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json<{ entries: { action: string }[] }>().entries.map((e) => e.action)).toContain('person.erase');
    expect((await verifyAuditLog({ db: ctx.database.db })).broken).toBeNull();
  });

  it('erases the whole household: nothing of the family remains in the case tables (names, birth date, address, notes), the statistics rows stay, the chain verifies', async () => {
    const before = await statistics();
    expect(before).toBeGreaterThan(0);
    // The search terms hold the names too (the check below can fail).
    expect((await traces(['hasan'])).person_name_term).toBeGreaterThan(0);
    const [m] = await owner<{ version: number }>(sql`select version from person where id = ${member(0)}`);
    const res = await erase(admin, member(0), { version: m?.version ?? 1, reason: 'subject_request', wholeHousehold: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ErasureResult>()).toMatchObject({ householdId: family.id, wholeHousehold: true, counts: { people: 3, households: 1 } });
    expect(await traces(['Al-Hassan', 'hasan', 'mohamed', 'الحسن', 'محمد', 'Mohammed', 'Yusuf', 'Nour', 'Bautzner', '1984-03-02', 'Kein Kursplatz', 'Wohnung zu klein', SHARED_NOTE, 'Arbeitssuche', 'Deutschkurs'])).toEqual({});
    const [left] = await owner<{ n: number }>(sql`select (select count(*) from household where id = ${family.id}) + (select count(*) from person where household_id = ${family.id}) + (select count(*) from case_file where household_id = ${family.id}) + (select count(*) from service_entry where household_id = ${family.id}) + (select count(*) from need_assessment where household_id = ${family.id}) + (select count(*) from plan_goal where household_id = ${family.id}) + (select count(*) from consent where household_id = ${family.id}) + (select count(*) from referral where household_id = ${family.id}) as n`);
    expect(Number(left?.n)).toBe(0);
    expect(await statistics()).toBe(before);
    const [audit] = await owner<{ action: string; record_type: string }>(sql`select action, record_type from audit_entry where organisation_id = ${nord} order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'household.erase', record_type: 'household' });
    expect((await verifyAuditLog({ db: ctx.database.db })).broken).toBeNull();
  });

  it('never deletes consents, referrals or letters from the application role except through lotse_erase_rows, which refuses other tables and other scopes', async () => {
    for (const table of ['consent', 'referral', 'letter', 'letter_file']) {
      const [grant] = await owner<{ del: boolean }>(sql`select has_table_privilege('lotse_app', ${table}, 'DELETE') as del`);
      expect(grant?.del).toBe(false);
    }
    const tenant = { kind: 'tenant', organisationId: nord } as const;
    const call = (scope: Parameters<typeof ctx.database.db.transaction>[0], table: string) =>
      ctx.database.db.transaction(scope, (tx) => queryRows(tx, sql`select lotse_erase_rows(${table}, 'person_id', '{}'::uuid[])`)).then(() => 'ran', () => 'refused');
    expect(await call(tenant, 'consent')).toBe('ran');
    expect(await call(tenant, 'person')).toBe('refused');
    expect(await call(tenant, 'partner')).toBe('refused');
    expect(await call({ kind: 'city', organisationId: nord }, 'consent')).toBe('refused');
  });
});
