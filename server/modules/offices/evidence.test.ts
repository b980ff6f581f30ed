import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '#server/db.ts';
import { insertServiceAgreement } from '#server/modules/calls/calls.queries.ts';
import { findRegion } from '#server/modules/regions/regions.queries.ts';
import { createTestContext, type Session, type TestContext } from '#test/context.ts';
import { tinyPng } from '#test/png.ts';

let ctx: TestContext;
let coordinator: Session;
let providerAdmin: Session;
let officeId = '';

interface Photo {
  id: string;
  criterion: string;
  contentType: string;
  width: number;
  height: number;
  uploadedAt: string;
}
interface ProblemBody {
  type: string;
  errors?: { field: string; message: string }[];
}

const upload = (session: Session | null, payload: Record<string, unknown>, office = officeId) => ctx.request(session, { method: 'POST', url: `/api/offices/${office}/evidence`, payload });
const photosOf = async (criterion: string): Promise<Photo[]> => {
  const res = await ctx.request(coordinator, { method: 'GET', url: `/api/offices/${officeId}/scorecard` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ criteria: { criterion: string; photos?: Photo[] }[] }>().criteria.find((c) => c.criterion === criterion)?.photos ?? [];
};

beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.now = new Date('2026-03-10T10:00:00Z');
  coordinator = await ctx.staff('city_coordinator');
  const provider = await ctx.organisation('provider', 'Träger Fotos');
  providerAdmin = await ctx.staff('provider_admin', provider.id);
  await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const mitte = await findRegion(tx, 'mitte');
    if (!mitte) throw new Error('reference data missing');
    await insertServiceAgreement(tx, { providerId: provider.id, regionId: mitte.id, validFrom: '2019-07-01' });
  });
  const created = await ctx.request(providerAdmin, {
    method: 'POST',
    url: '/api/offices',
    payload: { name: 'Büro mit Fotos', regionCode: 'mitte', address: { street: 'Testgasse', houseNumber: '5', postcode: '01067', city: 'Dresden' }, point: { lat: 51.05, lon: 13.74 }, validFrom: '2020-01-01' },
  });
  expect(created.statusCode, created.body).toBe(201);
  officeId = created.json<{ id: string }>().id;
});
afterAll(async () => ctx.close());

describe('photos of the site assessment', () => {
  it('uploads a PNG, lists it in the scorecard with its date, and serves it byte-identical to staff only', async () => {
    const png = tinyPng(3, 2);
    const res = await upload(coordinator, { criterion: 'footpaths', data: `data:image/png;base64,${png.toString('base64')}` });
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json<Photo>();
    expect(photo).toMatchObject({ criterion: 'footpaths', contentType: 'image/png', width: 3, height: 2, uploadedAt: '2026-03-10T10:00:00.000Z' });

    expect(await photosOf('footpaths')).toEqual([photo]);
    expect(await photosOf('signage')).toEqual([]);

    const served = await ctx.request(providerAdmin, { method: 'GET', url: `/api/offices/${officeId}/evidence/${photo.id}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-disposition']).toBe('inline');
    expect(served.headers['cache-control']).toMatch(/^private/);
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);

    expect((await ctx.request(null, { method: 'GET', url: `/api/offices/${officeId}/evidence/${photo.id}` })).statusCode).toBe(401);
    const audit = await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where ${photo.id} = any(record_ids)`);
    expect(audit).toEqual([{ action: 'office-evidence-photo.upload' }]);
  });

  it('stores a photo without its location: text and EXIF chunks are removed, the image stays', async () => {
    const png = tinyPng(2, 2);
    const gps = Buffer.from('GPSLatitude 51.0519 GPSLongitude 13.7416', 'latin1');
    const exif = Buffer.concat([Buffer.from([0, 0, 0, gps.length]), Buffer.from('eXIf', 'latin1'), gps, Buffer.alloc(4)]);
    const withLocation = Buffer.concat([png.subarray(0, 33), exif, png.subarray(33)]); // after the signature and IHDR
    const res = await upload(coordinator, { criterion: 'position', data: withLocation.toString('base64') });
    expect(res.statusCode, res.body).toBe(201);
    const served = await ctx.request(providerAdmin, { method: 'GET', url: `/api/offices/${officeId}/evidence/${res.json<Photo>().id}` });
    expect(served.rawPayload.toString('latin1')).not.toContain('GPSLatitude');
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    const removed = await ctx.request(coordinator, { method: 'DELETE', url: `/api/offices/${officeId}/evidence/${res.json<Photo>().id}` });
    expect(removed.statusCode).toBe(204);
  });

  it('refuses a text file named .png with a field error, and a photo over 3 MB with 413', async () => {
    const text = await upload(coordinator, { criterion: 'signage', data: Buffer.from('Dies ist kein Bild.\n').toString('base64') });
    expect(text.statusCode).toBe(400);
    expect(text.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(text.json<ProblemBody>().errors?.map((e) => e.field)).toEqual(['data']);

    const big = Buffer.concat([tinyPng(3, 2), Buffer.alloc(3 * 1024 * 1024)]);
    const tooLarge = await upload(coordinator, { criterion: 'signage', data: big.toString('base64') });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<ProblemBody>()).toMatchObject({ type: '/problems/payload-too-large' });
    const huge = await upload(coordinator, { criterion: 'signage', data: Buffer.alloc(5 * 1024 * 1024).toString('base64') });
    expect(huge.statusCode).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await photosOf('signage')).toEqual([]);
  });

  it('lets only the city coordination upload and delete, audited; another office\'s photo is 404', async () => {
    const data = tinyPng(1, 1).toString('base64');
    expect((await upload(providerAdmin, { criterion: 'position', data })).statusCode).toBe(403);
    const photo = (await upload(coordinator, { criterion: 'position', data })).json<Photo>();
    const url = `/api/offices/${officeId}/evidence/${photo.id}`;
    expect((await ctx.request(providerAdmin, { method: 'DELETE', url })).statusCode).toBe(403);
    const elsewhere = `/api/offices/00000000-0000-4000-8000-000000000000/evidence/${photo.id}`;
    expect((await ctx.request(coordinator, { method: 'GET', url: elsewhere })).statusCode).toBe(404);
    expect((await ctx.request(coordinator, { method: 'DELETE', url: elsewhere })).statusCode).toBe(404);
    expect((await upload(coordinator, { criterion: 'position', data }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    expect((await ctx.request(coordinator, { method: 'DELETE', url })).statusCode).toBe(204);
    expect(await photosOf('position')).toEqual([]);
    expect((await ctx.request(coordinator, { method: 'GET', url })).statusCode).toBe(404);
    const audit = await queryRows<{ action: string }>(ctx.database.db.owner, sql`select action from audit_entry where ${photo.id} = any(record_ids) order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['office-evidence-photo.upload', 'office-evidence-photo.delete']);
  });

  it('keeps a provider\'s transaction from writing photos (row-level security)', async () => {
    const denied = ctx.database.db.transaction({ kind: 'tenant', organisationId: providerAdmin.organisationId }, (tx) =>
      tx.execute(sql`insert into office_evidence_photo (office_id, criterion, content_type, width, height, bytes, uploaded_by, uploaded_at)
                     values (${officeId}, 'footpaths', 'image/png', 1, 1, '\\x00', ${providerAdmin.accountId}, now())`),
    );
    const error = await denied.then(() => null, (e: unknown) => e);
    expect((error as { cause?: { code?: string } } | null)?.cause?.code).toBe('42501'); // new row violates row-level security
  });
});
