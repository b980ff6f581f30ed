import type { PersonInput } from '#contracts/cases.ts';

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
