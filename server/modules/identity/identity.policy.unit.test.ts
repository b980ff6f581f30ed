import { describe, expect, it } from 'vitest';
import { anonymous, problemStatus, staffActor, system } from '#test/actors.ts';
import { authorize } from '#server/platform/authorize.ts';
import {
  accountAdministrator,
  accountPermittedActions,
  isCityAdmin,
  isProviderAdmin,
  refuseAccountChange,
  refuseRegionAssignment,
  refuseTotpReset,
  requireAccountsOf,
  safeReturnTo,
  totpRequired,
} from './identity.policy.ts';

describe('identity policy', () => {
  it('only the city admin manages organisations (403 for every other role, 401 anonymous, the system may)', () => {
    expect(problemStatus(() => authorize(staffActor('city_admin', 'city'), 'organisation.edit'))).toBe(0);
    for (const role of ['city_coordinator', 'evaluator', 'provider_admin', 'social_worker'] as const) expect(problemStatus(() => authorize(staffActor(role), 'organisation.edit'))).toBe(403);
    expect(problemStatus(() => authorize(anonymous, 'organisation.edit'))).toBe(401);
    expect(problemStatus(() => authorize(system, 'organisation.edit'))).toBe(0);
    expect(isCityAdmin(staffActor('city_admin', 'city'))).toBe(true);
    // a provider organisation's staff cannot be city admins by a mislabelled role
    expect(isCityAdmin({ ...staffActor('city_admin'), organisationKind: 'provider' })).toBe(false);
    expect(isProviderAdmin(staffActor('provider_admin'))).toBe(true);
    expect(isProviderAdmin(staffActor('social_worker'))).toBe(false);
  });

  it('scopes account administration: city across organisations, provider admin in its tenant', () => {
    expect(accountAdministrator(staffActor('city_admin', 'city'), 'account.edit').scope).toEqual({ kind: 'city', organisationId: 'city' });
    expect(accountAdministrator(staffActor('provider_admin', 'org-a'), 'account.edit').scope).toEqual({ kind: 'tenant', organisationId: 'org-a' });
    expect(problemStatus(() => accountAdministrator(staffActor('social_worker'), 'account.edit'))).toBe(403);
    expect(problemStatus(() => accountAdministrator(staffActor('city_coordinator'), 'account.edit'))).toBe(403);
    expect(problemStatus(() => accountAdministrator(system, 'account.edit'))).toBe(403);
    expect(problemStatus(() => requireAccountsOf(staffActor('provider_admin', 'org-a'), 'account.read', 'org-a'))).toBe(0);
    expect(problemStatus(() => requireAccountsOf(staffActor('provider_admin', 'org-a'), 'account.read', 'org-b'))).toBe(404);
    expect(problemStatus(() => requireAccountsOf(staffActor('city_admin', 'city'), 'account.read', 'org-b'))).toBe(0);
  });

  it("an account's permitted actions: its organisation's admins, never resetting one's own second factor", () => {
    const admin = staffActor('provider_admin', 'org-a');
    expect(accountPermittedActions(admin, { id: 'acc-x', organisationId: 'org-a' })).toEqual(['account.read', 'account.edit', 'account.assign-regions', 'account.reset-second-factor']);
    expect(accountPermittedActions(admin, { id: admin.accountId, organisationId: 'org-a' })).toEqual(['account.read', 'account.edit', 'account.assign-regions']);
    expect(accountPermittedActions(admin, { id: 'acc-y', organisationId: 'org-b' })).toEqual([]);
    expect(accountPermittedActions(staffActor('city_admin', 'city'), { id: 'acc-y', organisationId: 'org-b' })).toHaveLength(4);
    expect(accountPermittedActions(staffActor('social_worker', 'org-a'), { id: 'acc-x', organisationId: 'org-a' })).toEqual([]);
    expect(accountPermittedActions(anonymous, { id: 'acc-x', organisationId: 'org-a' })).toEqual([]);
  });

  it('assigns only known regions, and to a provider only regions of its service agreements', () => {
    const known = new Set(['nord', 'sued']);
    expect(refuseRegionAssignment(['nord', 'sued'], known, null)).toBeNull();
    expect(refuseRegionAssignment(['nord', 'mond'], known, null)).toEqual({ field: 'regionCodes.1', key: 'field.invalidOption' });
    expect(refuseRegionAssignment(['nord'], known, new Set(['nord']))).toBeNull();
    expect(refuseRegionAssignment(['sued'], known, new Set(['nord']))).toEqual({ field: 'regionCodes.0', key: 'field.noServiceAgreement' });
  });

  it('refuses roles of the other kind and changes to oneself', () => {
    const admin = staffActor('provider_admin');
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
    const admin = staffActor('provider_admin');
    expect(refuseTotpReset(admin, { id: admin.accountId })).toEqual({ field: 'account', key: 'field.notOwnAccount' });
    expect(refuseTotpReset(admin, { id: 'acc-other' })).toBeNull();
  });
});
