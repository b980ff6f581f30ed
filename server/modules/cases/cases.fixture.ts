import { expect } from 'vitest';
import type { PersonInput } from '#contracts/cases.ts';
import type { Session, TestContext } from '#test/context.ts';

/** Small factories for case-work tests: people and households as the staff app sends them. */

export function personBody(overrides: Partial<PersonInput> & Pick<PersonInput, 'familyName'>): Record<string, unknown> {
  return { relationship: 'head', givenNames: '', ...overrides };
}

export function familyBody(opts: { quarterCode?: string | null; regionCode?: string | null; confirmNotDuplicate?: boolean } = {}): Record<string, unknown> {
  return {
    accommodation: 'own_flat',
    street: 'Bautzner Straße',
    houseNumber: '12',
    postcode: '01099',
    quarterCode: opts.quarterCode === undefined ? '11' : opts.quarterCode,
    regionCode: opts.regionCode ?? null,
    confirmNotDuplicate: opts.confirmNotDuplicate ?? false,
    members: [
      personBody({ familyName: 'Al-Hassan', givenNames: 'Mohammed', familyNameOriginal: 'الحسن', givenNamesOriginal: 'محمد', birthDate: '1984-03-02', sex: 'male', nationalities: ['SY'], languages: ['ar', 'de'], residence: { code: 'aufenthaltsgestattung', paragraph: '', expiresOn: '2027-01-31' }, assignedOn: '2026-02-01' }),
      personBody({ relationship: 'spouse', familyName: 'Al-Hassan', givenNames: 'Fatima', givenNamesOriginal: 'فاطمة', birthDate: '1988', sex: 'female', languages: ['ar'], interpreterNeeded: true }),
      personBody({ relationship: 'child', familyName: 'Al-Hassan', givenNames: 'Yusuf', birthDate: '2015-06' }),
      personBody({ relationship: 'child', familyName: 'Al-Hassan', givenNames: 'Nour', birthDate: '2019-11-20', sex: 'female' }),
    ],
  };
}

/** A provider in Nord with two social workers and the family of familyBody(), created by the first. */
export async function providerWithFamily<H>(ctx: TestContext): Promise<{ nord: string; worker: Session; colleague: Session; family: H }> {
  const nord = (await ctx.organisation('provider', 'Nord e. V.')).id;
  const worker = await ctx.staff('social_worker', nord);
  const colleague = await ctx.staff('social_worker', nord);
  const res = await ctx.request(worker, { method: 'POST', url: '/api/households', payload: familyBody() });
  expect(res.statusCode, res.body).toBe(201);
  return { nord, worker, colleague, family: res.json<H>() };
}
