import { expect } from 'vitest';
import type { TestContext, Session } from '#test/context.ts';
import * as oq from '#server/modules/offices/offices.queries.ts';
import { findRegion } from '#server/modules/regions/regions.public.ts';

/** Test data for the appointments tests: an office of a provider with hours every day 08:00–18:00. */

export interface OfficeFixture {
  providerId: string;
  officeId: string;
  admin: Session & { email: string };
  typeId: string;
  counsellorIds: string[];
}

export const MONDAY = '2026-06-01';

export async function office(ctx: TestContext, opts: { counsellors?: { languages: string[]; starts?: string; ends?: string; accountId?: string | null }[]; interpreters?: string[][]; type?: Record<string, unknown>; hours?: { weekday: number; opens: string; closes: string; kind: 'open' | 'walk_in' }[] } = {}): Promise<OfficeFixture> {
  const admin = await ctx.staff('provider_admin');
  const providerId = admin.organisationId;
  const officeId = await ctx.database.db.transaction({ kind: 'system', useCase: 'test.fixtures' }, async (tx) => {
    const region = await findRegion(tx, 'nord');
    if (!region) throw new Error('no region');
    const row = await oq.insertOffice(tx, { providerId, regionId: region.id, name: 'Integrationsbüro Test', street: 'Teststraße', houseNumber: '1', postcode: '01099', city: 'Dresden', lat: 51.06, lon: 13.75, validFrom: '2020-01-01' });
    const hours = opts.hours ?? [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00', kind: 'open' as const }));
    await oq.replaceHours(tx, row.id, hours);
    return row.id;
  });
  const type = await ctx.request(admin, {
    method: 'POST',
    url: `/api/offices/${officeId}/appointment-types`,
    payload: { kind: 'first_consultation', name: 'Erstberatung', durationMinutes: 60, bufferAfterMinutes: 15, minNoticeMinutes: 60, horizonDays: 28, slotStepMinutes: 60, cancelNoticeMinutes: 120, ...opts.type },
  });
  expect(type.statusCode, type.body).toBe(201);
  const counsellorIds: string[] = [];
  for (const [i, c] of (opts.counsellors ?? [{ languages: ['de'] }]).entries()) {
    const res = await ctx.request(admin, {
      method: 'POST',
      url: `/api/offices/${officeId}/appointment-resources`,
      payload: { kind: 'counsellor', displayName: `Beraterin ${i + 1}`, languages: c.languages, accountId: c.accountId ?? null, availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: c.starts ?? '09:00', ends: c.ends ?? '12:00' })) },
    });
    expect(res.statusCode, res.body).toBe(201);
    counsellorIds.push(res.json<{ id: string }>().id);
  }
  for (const [i, languages] of (opts.interpreters ?? []).entries()) {
    const res = await ctx.request(admin, {
      method: 'POST',
      url: `/api/offices/${officeId}/appointment-resources`,
      payload: { kind: 'interpreter', displayName: `Dolmetscher ${i + 1}`, languages, availability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, starts: '09:00', ends: '12:00' })) },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { providerId, officeId, admin, typeId: type.json<{ id: string }>().id, counsellorIds };
}

let n = 0;
/** A booking request body for a start; a fresh contact each time unless given. */
export function bookingBody(f: OfficeFixture, start: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return { officeId: f.officeId, typeId: f.typeId, start, name: `Person ${n}`, email: `person${n}.${Math.random().toString(36).slice(2, 8)}@example.org`, language: 'de', ...over };
}

export async function book(ctx: TestContext, body: Record<string, unknown>, key = `key-${Math.random().toString(36).slice(2)}-${n}`, ip = '192.0.2.1') {
  return ctx.app.inject({ method: 'POST', url: '/api/appointments', payload: body, headers: { 'idempotency-key': key }, remoteAddress: ip });
}
