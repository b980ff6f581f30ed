import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, actionsOf, mayOnRecord, permittedOn, reachOf, roleMay, type Reacher } from './actions.ts';

const provider = (role: 'provider_admin' | 'social_worker', regionCodes: string[] | null = null): Reacher => ({ role, organisationId: 'org-a', organisationKind: 'provider', regionCodes });
const city = (role: 'city_admin' | 'city_coordinator' | 'evaluator', regionCodes: string[] | null = null): Reacher => ({ role, organisationId: 'city', organisationKind: 'city', regionCodes });

describe('action catalogue', () => {
  it('names actions as domain.verb in lower-case words', () => {
    for (const name of ACTION_NAMES) expect(name).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
  });

  it('gives every action at least one role', () => {
    for (const name of ACTION_NAMES) expect(['city_admin', 'city_coordinator', 'evaluator', 'provider_admin', 'social_worker'].some((r) => roleMay(r as never, name))).toBe(true);
  });

  it('answers per role: organisations are the city admin\'s alone', () => {
    expect(roleMay('city_admin', 'organisation.create')).toBe(true);
    expect(roleMay('provider_admin', 'organisation.create')).toBe(false);
    expect(reachOf('provider_admin', 'account.edit')).toBe('organisation');
    expect(reachOf('city_admin', 'account.edit')).toBe('any');
    expect(actionsOf('evaluator')).toContain('office.read-scorecard');
    expect(actionsOf('evaluator')).not.toContain('office.edit');
  });

  it('keeps a provider inside its own organisation', () => {
    expect(mayOnRecord(provider('provider_admin'), 'account.edit', { organisationId: 'org-a' })).toBe(true);
    expect(mayOnRecord(provider('provider_admin'), 'account.edit', { organisationId: 'org-b' })).toBe(false);
    expect(mayOnRecord(provider('social_worker'), 'appointment.book-for-person', { organisationId: 'org-b', regionCode: 'nord' })).toBe(false);
  });

  it('reads region assignments: unassigned reaches every region, assigned only its own', () => {
    expect(mayOnRecord(provider('social_worker'), 'appointment.mark', { organisationId: 'org-a', regionCode: 'sued' })).toBe(true);
    expect(mayOnRecord(provider('social_worker', ['nord']), 'appointment.mark', { organisationId: 'org-a', regionCode: 'sued' })).toBe(false);
    expect(mayOnRecord(provider('social_worker', ['nord']), 'appointment.mark', { organisationId: 'org-a', regionCode: 'nord' })).toBe(true);
    expect(mayOnRecord(city('city_coordinator', ['west']), 'office.assess-site', { organisationId: 'org-a', regionCode: 'nord' })).toBe(false);
    expect(mayOnRecord(city('city_coordinator'), 'office.assess-site', { organisationId: 'org-a', regionCode: 'nord' })).toBe(true);
    // a record without a region is not reached by a region-bound assignment
    expect(mayOnRecord(city('city_coordinator', ['west']), 'office.assess-site', { organisationId: 'org-a', regionCode: null })).toBe(false);
    // the city admin reaches everything
    expect(mayOnRecord(city('city_admin', ['west']), 'office.assess-site', { organisationId: 'org-a', regionCode: 'nord' })).toBe(true);
  });

  it('lists the permitted actions on one record', () => {
    const names = ['office.edit', 'office.assess-site', 'appointment.mark'] as const;
    expect(permittedOn(provider('provider_admin'), names, { organisationId: 'org-a', regionCode: 'nord' })).toEqual(['office.edit', 'appointment.mark']);
    expect(permittedOn(provider('provider_admin'), names, { organisationId: 'org-b', regionCode: 'nord' })).toEqual([]);
    expect(permittedOn(city('city_coordinator', ['nord']), names, { organisationId: 'org-a', regionCode: 'nord' })).toEqual(['office.edit', 'office.assess-site']);
  });
});
