import { describe, expect, it } from 'vitest';
import type { StaffActor } from './actor.ts';
import { accountAdminScope, canManageAccountsOf, canManageOrganisations, refuseAccountChange, refuseTotpReset, safeReturnTo, totpRequired } from './identity.policy.ts';
import type { Role } from './roles.ts';

const origin = { ip: null, requestId: null };
const staff = (role: Role, organisationId = 'org-a'): StaffActor => ({
  kind: 'staff',
  accountId: `acc-${role}`,
  organisationId,
  organisationKind: role === 'provider_admin' || role === 'social_worker' ? 'provider' : 'city',
  role,
  ...origin,
});

describe('identity policy', () => {
  it('only the city admin manages organisations', () => {
    expect(canManageOrganisations(staff('city_admin', 'city'))).toBe(true);
    for (const role of ['city_coordinator', 'evaluator', 'provider_admin', 'social_worker'] as const) expect(canManageOrganisations(staff(role))).toBe(false);
    expect(canManageOrganisations({ kind: 'anonymous', ...origin })).toBe(false);
    // a provider organisation's staff cannot be city admins by a mislabelled role
    expect(canManageOrganisations({ ...staff('city_admin'), organisationKind: 'provider' })).toBe(false);
  });

  it('scopes account administration: city across organisations, provider admin in its tenant', () => {
    expect(accountAdminScope(staff('city_admin', 'city'))).toEqual({ kind: 'city', organisationId: 'city' });
    expect(accountAdminScope(staff('provider_admin', 'org-a'))).toEqual({ kind: 'tenant', organisationId: 'org-a' });
    expect(accountAdminScope(staff('social_worker'))).toBeNull();
    expect(accountAdminScope(staff('city_coordinator'))).toBeNull();
    expect(accountAdminScope({ kind: 'system', ...origin })).toBeNull();
    expect(canManageAccountsOf(staff('provider_admin', 'org-a'), 'org-a')).toBe(true);
    expect(canManageAccountsOf(staff('provider_admin', 'org-a'), 'org-b')).toBe(false);
    expect(canManageAccountsOf(staff('city_admin', 'city'), 'org-b')).toBe(true);
  });

  it('refuses roles of the other kind and changes to oneself', () => {
    const admin = staff('provider_admin');
    const other = { id: 'acc-other', role: 'social_worker' as const };
    expect(refuseAccountChange(admin, other, 'provider', { role: 'provider_admin' })).toBeNull();
    expect(refuseAccountChange(admin, other, 'provider', { role: 'city_admin' })).toEqual({ field: 'role', key: 'field.invalidOption' });
    expect(refuseAccountChange(admin, other, 'provider', { disabled: true })).toBeNull();
    const self = { id: admin.accountId, role: admin.role };
    expect(refuseAccountChange(admin, self, 'provider', { role: 'social_worker' })).toEqual({ field: 'role', key: 'field.notOwnAccount' });
    expect(refuseAccountChange(admin, self, 'provider', { role: 'provider_admin' })).toBeNull();
    expect(refuseAccountChange(admin, self, 'provider', { disabled: true })).toEqual({ field: 'disabled', key: 'field.notOwnAccount' });
    expect(refuseAccountChange(admin, self, 'provider', { disabled: false })).toBeNull();
  });

  it('requires a second factor only where the organisation asks and the role sees personal data', () => {
    expect(totpRequired({ requireTotp: true }, 'social_worker')).toBe(true);
    expect(totpRequired({ requireTotp: true }, 'evaluator')).toBe(false);
    expect(totpRequired({ requireTotp: false }, 'social_worker')).toBe(false);
  });

  it('keeps returnTo inside the staff app', () => {
    expect(safeReturnTo('/app/cases?x=1#top')).toBe('/app/cases?x=1#top');
    expect(safeReturnTo(undefined)).toBe('/app/');
    for (const bad of ['https://evil.example/app/', '//evil.example/app/', '/app/../api/auth/logout', '/app/\\evil', '/api/x', 'app/', '/app//evil.example', '/app/\nx']) {
      expect(safeReturnTo(bad)).toBe('/app/');
    }
  });

  it("an administrator may not reset its own second factor, anyone else's (it manages) yes", () => {
    const admin = staff('provider_admin');
    expect(refuseTotpReset(admin, { id: admin.accountId })).toEqual({ field: 'account', key: 'field.notOwnAccount' });
    expect(refuseTotpReset(admin, { id: 'acc-other' })).toBeNull();
  });
});
