import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LETTER_BYTES, type Letter, type LetterList } from '#contracts/letters.ts';
import { queryRows } from '#server/db.ts';
import { samplePdf, samplePng } from '#server/platform/sample-documents.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { tenantTableFacts } from '#test/rls.ts';
import { familyBody, providerWithFamily } from './cases.fixture.ts';

interface Household { id: string; members: { id: string }[] }
type Problem = { type: string; title: string; errors?: { field: string; message: string }[]; current?: Letter };

let ctx: TestContext;
let nord = '';
let worker: Session;
let colleague: Session;
let family: Household;
let otherFamily: Household;

const MARKER = 'GEHEIM-Aktenzeichen-4711-Bedarfsgemeinschaft';
const GPS = 'GPSLatitude 51.0519 GPSLongitude 13.7416';
const pdf = samplePdf(['Jobcenter Dresden', MARKER, 'Bitte reichen Sie bis 15.12.2026 ein.']);

/** A JPEG as a phone takes it: JFIF, EXIF with a GPS position, a comment, a frame and a scan. */
function phoneJpeg(): Buffer {
  const segment = (marker: number, payload: Buffer): Buffer => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(payload.length + 2, 2);
    return Buffer.concat([head, payload]);
  };
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.from(`Exif\0\0${GPS}`, 'latin1')),
    segment(0xfe, Buffer.from('taken at home', 'latin1')),
    segment(0xc0, Buffer.from([8, 0, 3, 0, 4, 1, 1, 0x11, 0])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ]);
}

const member = (i: number): string => family.members[i]?.id ?? '';
const body = (overrides: Record<string, unknown> = {}) => ({ data: pdf.toString('base64'), personId: member(0), authority: 'jobcenter', fileNumber: '12345BG0001234', receivedOn: '2026-11-28', dueOn: '2026-12-15', ...overrides });
const upload = (session: Session, payload: unknown, householdId = family.id) => ctx.request(session, { method: 'POST', url: `/api/households/${householdId}/letters`, payload });
const list = (session: Session, householdId = family.id) => ctx.request(session, { method: 'GET', url: `/api/households/${householdId}/letters` });
const download = (session: Session, id: string) => ctx.request(session, { method: 'GET', url: `/api/letters/${id}/file` });
const edit = (session: Session, id: string, payload: unknown) => ctx.request(session, { method: 'PATCH', url: `/api/letters/${id}`, payload });
const owner = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.database.db.owner, query);
const bytesOf = (raw: Buffer | string): Buffer => (Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'latin1'));

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-12-16T09:00:00Z');
  ({ nord, worker, colleague, family } = await providerWithFamily<Household>(ctx));
  const other = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: { ...familyBody({ quarterCode: '12' }), confirmNotDuplicate: true } });
  expect(other.statusCode, other.body).toBe(201);
  otherFamily = other.json<Household>();
});
afterAll(async () => ctx.close());

describe('letters', () => {
  it('uploads a PDF with its authority, file number, person and due date; the type is read from the bytes', async () => {
    const res = await upload(worker, body({ data: `data:image/png;base64,${pdf.toString('base64')}` }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Letter>()).toMatchObject({ personId: member(0), personName: 'Mohammed Al-Hassan', authority: 'jobcenter', fileNumber: '12345BG0001234', receivedOn: '2026-11-28', dueOn: '2026-12-15', state: 'open', overdue: true, contentType: 'application/pdf', byteSize: pdf.length, version: 1 });
    expect(res.json<Letter>().uploadedBy?.id).toBe(worker.accountId);
  });

  it('stores the file sealed: the raw table holds no plaintext, and the download gives the bytes back with safe headers, audited', async () => {
    const [letter] = (await list(worker)).json<LetterList>().letters;
    if (!letter) throw new Error('no letter');
    const [raw] = await owner<{ sealed: Uint8Array }>(sql`select sealed from letter_file where letter_id = ${letter.id}`);
    const stored = Buffer.from(raw?.sealed ?? new Uint8Array());
    expect(stored.length).toBeGreaterThan(pdf.length);
    expect(stored.includes(Buffer.from(MARKER))).toBe(false);
    expect(stored.includes(Buffer.from('%PDF-'))).toBe(false);
    const [dump] = await owner<{ n: number }>(sql`select count(*)::int as n from letter_file where encode(sealed, 'escape') like ${`%${MARKER}%`}`);
    expect(dump?.n).toBe(0);

    const res = await download(colleague, letter.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="letter-jobcenter-2026-11-28.pdf"');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(pdf)).toBe(true);
    const [audit] = await owner<{ action: string; record_ids: string[] }>(sql`select action, record_ids from audit_entry where organisation_id = ${nord} and action like 'letter.%' order by seq desc limit 1`);
    expect(audit).toEqual({ action: 'letter.read-file', record_ids: [letter.id, family.id] });
  });

  it('removes the GPS position and camera data from a photo of a letter; a PNG keeps its pixels without its text chunk', async () => {
    const photo = await upload(worker, body({ data: phoneJpeg().toString('base64'), personId: null, authority: 'school_kita', authorityName: 'Kita Sonnenschein', fileNumber: '', dueOn: null }));
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json<Letter>()).toMatchObject({ contentType: 'image/jpeg', personId: null, personName: null });
    const jpeg = bytesOf((await download(worker, photo.json<Letter>().id)).rawPayload);
    expect(jpeg.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    expect(jpeg.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(jpeg.includes(Buffer.from('taken at home'))).toBe(false);

    const png = samplePng(4, 3, [200, 10, 10], GPS);
    const scan = await upload(worker, body({ data: png.toString('base64'), authority: 'foreigners_office', receivedOn: '2026-12-01', dueOn: null }));
    expect(scan.statusCode, scan.body).toBe(201);
    const res = await download(worker, scan.json<Letter>().id);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect(res.rawPayload.includes(Buffer.from('IDAT'))).toBe(true);
  });

  it('refuses a wrong type, a broken or encrypted PDF, a file too large and a person of another household, each a translated problem with its field', async () => {
    const cases: [unknown, number, string, string][] = [
      [body({ data: Buffer.from('<html><script>alert(1)</script></html>').toString('base64') }), 400, 'data', 'Bitte wählen Sie einen Brief als PDF, JPEG oder PNG.'],
      [body({ data: 'nicht base64 !' }), 400, 'data', 'Bitte wählen Sie einen Brief als PDF, JPEG oder PNG.'],
      [body({ data: pdf.subarray(0, pdf.length - 100).toString('base64') }), 400, 'data', 'Diese PDF-Datei ist beschädigt oder unvollständig. Bitte scannen oder speichern Sie sie erneut.'],
      [body({ data: Buffer.from(pdf.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt 6 0 R'), 'latin1').toString('base64') }), 400, 'data', 'Diese PDF-Datei ist verschlüsselt oder mit einem Kennwort geschützt. Bitte laden Sie eine ungeschützte Fassung hoch.'],
      [body({ data: Buffer.alloc(MAX_LETTER_BYTES + 3, 1).toString('base64') }), 413, 'data', 'Die Datei ist zu groß: höchstens 10 MB.'],
      [body({ personId: otherFamily.members[0]?.id }), 400, 'personId', ''],
      [body({ authority: 'other', authorityName: ' ' }), 400, 'authorityName', ''],
      [body({ receivedOn: '2026-12-17' }), 400, 'receivedOn', 'Das Datum darf nicht in der Zukunft liegen.'],
    ];
    for (const [payload, status, field, message] of cases) {
      const res = await upload(worker, payload);
      expect([field, res.statusCode]).toEqual([field, status]);
      const problem = res.json<Problem>();
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
      if (message) expect(problem.errors?.[0]?.message).toBe(message);
    }
    const huge = await ctx.request(worker, { method: 'POST', url: `/api/households/${family.id}/letters`, payload: body({ data: 'A'.repeat(Math.ceil((MAX_LETTER_BYTES * 4) / 3) + 70 * 1024) }) });
    expect([huge.statusCode, huge.json<Problem>().type, huge.json<Problem>().errors?.map((e) => [e.field, e.message])]).toEqual([413, '/problems/payload-too-large', [['data', 'Die Datei ist zu groß: höchstens 10 MB.']]]);
    const [n] = await owner<{ n: number }>(sql`select count(*)::int as n from letter where household_id = ${family.id}`);
    expect(n?.n).toBe(3);
  });

  it('lists open letters first by due date, marks an overdue one, deals with one with a note at the version read (409 with current), and opens it again', async () => {
    const before = (await list(colleague)).json<LetterList>();
    expect(before.today).toBe('2026-12-16');
    expect(before.permittedActions).toEqual(['letter.read', 'letter.add', 'letter.edit']);
    expect(before.letters.map((l) => [l.authority, l.dueOn, l.overdue])).toEqual([
      ['jobcenter', '2026-12-15', true],
      ['foreigners_office', null, false],
      ['school_kita', null, false],
    ]);
    const due = before.letters[0];
    if (!due) throw new Error('no letter');
    const stale = await edit(worker, due.id, { version: 9, state: 'dealt_with' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().current).toMatchObject({ id: due.id, state: 'open', version: 1 });
    const done = await edit(worker, due.id, { version: 1, state: 'dealt_with', note: 'Unterlagen am 14.12. eingereicht' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<Letter>()).toMatchObject({ state: 'dealt_with', overdue: false, note: 'Unterlagen am 14.12. eingereicht', dealtWithAt: '2026-12-16T09:00:00.000Z', dealtWithBy: { id: worker.accountId }, version: 2 });
    const after = (await list(worker)).json<LetterList>();
    expect(after.letters.map((l) => l.id).at(-1)).toBe(due.id);
    const reopened = await edit(worker, due.id, { version: 2, state: 'open', dueOn: '2026-12-28' });
    expect(reopened.json<Letter>()).toMatchObject({ state: 'open', dealtWithAt: null, dealtWithBy: null, dueOn: '2026-12-28', overdue: false, version: 3 });
    const audits = await owner<{ action: string }>(sql`select action from audit_entry where organisation_id = ${nord} and action = 'letter.edit'`);
    expect(audits.length).toBe(2);
  });

  it('puts open letters with a due date on the assigned social worker\'s worklist, linking to the household, and takes them off once dealt with', async () => {
    const items = async () => (await ctx.request(worker, { method: 'GET', url: '/api/worklist' })).json<{ items: { kind: string; date: string; link: string; subject: string }[] }>().items.filter((i) => i.kind.startsWith('letter'));
    const open = (await list(worker)).json<LetterList>().letters.find((l) => l.dueOn === '2026-12-28');
    if (!open) throw new Error('no letter due');
    expect(await items()).toEqual([{ kind: 'letter_due', date: '2026-12-28', link: `/households/${family.id}#letter-${open.id}`, subject: 'jobcenter', household: expect.objectContaining({ id: family.id }), assignees: expect.anything() }]);
    // Past its due date: overdue. Due in more than two weeks: not yet on the worklist.
    const moved = (await edit(worker, open.id, { version: open.version, dueOn: '2026-12-10' })).json<Letter>();
    expect((await items()).map((i) => [i.kind, i.date])).toEqual([['letter_overdue', '2026-12-10']]);
    const later = (await edit(worker, open.id, { version: moved.version, dueOn: '2027-02-01' })).json<Letter>();
    expect(await items()).toEqual([]);
    const soon = (await edit(worker, open.id, { version: later.version, dueOn: '2026-12-20' })).json<Letter>();
    expect((await items()).length).toBe(1);
    // Another provider's letter never lands on it; dealt with, it leaves.
    await edit(worker, open.id, { version: soon.version, state: 'dealt_with' });
    expect(await items()).toEqual([]);
  });
});

describe('letters: who may see them', () => {
  it('answers 404 to another provider\'s staff for the list, an upload, the file and a change, exactly as for an unknown one', async () => {
    const [any] = await owner<{ id: string }>(sql`select id from letter limit 1`);
    const sued = await ctx.staff('social_worker', (await ctx.organisation('provider', 'Süd gGmbH')).id);
    const suedAdmin = await ctx.staff('provider_admin');
    for (const outsider of [sued, suedAdmin]) {
      expect((await list(outsider)).statusCode).toBe(404);
      expect((await upload(outsider, body())).statusCode).toBe(404);
      expect((await download(outsider, any?.id ?? '')).statusCode).toBe(404);
      expect((await edit(outsider, any?.id ?? '', { version: 1, state: 'dealt_with' })).statusCode).toBe(404);
    }
    expect((await download(sued, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('answers 403 to city staff and evaluators (letters never reach the city)', async () => {
    const [any] = await owner<{ id: string }>(sql`select id from letter limit 1`);
    for (const role of ['city_coordinator', 'city_admin', 'evaluator'] as const) {
      const session = await ctx.staff(role);
      expect([role, (await list(session)).statusCode]).toEqual([role, 403]);
      expect([role, (await upload(session, body())).statusCode]).toEqual([role, 403]);
      expect([role, (await download(session, any?.id ?? '')).statusCode]).toEqual([role, 403]);
    }
  });

  it('has RLS enabled and FORCE-d on both tables; another provider and the city scope read no row', async () => {
    for (const table of ['letter', 'letter_file']) {
      expect([table, await tenantTableFacts(ctx, table)]).toEqual([table, { rls: true, forced: true, foreign: { tenant: 0, city: 0, public: 0 }, own: null, appDeletes: false }]);
    }
  });

  it('refuses in the database a letter naming another provider\'s household or a person of another household, and a file of another provider\'s letter', async () => {
    const other = (await ctx.organisation('provider')).id;
    const insert = (org: string, householdId: string, personId: string | null) =>
      owner(sql`insert into letter (organisation_id, household_id, person_id, authority, received_on, content_type, byte_size) values (${org}, ${householdId}, ${personId}, 'jobcenter', '2026-11-01', 'application/pdf', 10)`).then(() => 'inserted', () => 'refused');
    expect(await insert(other, family.id, null)).toBe('refused');
    expect(await insert(nord, family.id, otherFamily.members[0]?.id ?? '')).toBe('refused');
    const [any] = await owner<{ id: string }>(sql`select id from letter where organisation_id = ${nord} limit 1`);
    const file = await owner(sql`insert into letter_file (letter_id, organisation_id, sealed) values (${any?.id ?? ''}, ${other}, '\\x00')`).then(() => 'inserted', () => 'refused');
    expect(file).toBe('refused');
    const [grant] = await owner<{ del: boolean; fdel: boolean }>(sql`select has_table_privilege('lotse_app', 'letter', 'DELETE') as del, has_table_privilege('lotse_app', 'letter_file', 'DELETE') as fdel`);
    expect(grant).toEqual({ del: false, fdel: false });
  });

  it('keeps the audit log to ids and action names', async () => {
    const [leak] = await owner<{ n: number }>(sql`select count(*)::int as n from audit_entry a where a::text ilike '%12345BG%' or a::text ilike '%sonnenschein%' or a::text ilike '%eingereicht%'`);
    expect(leak?.n).toBe(0);
  });
});
