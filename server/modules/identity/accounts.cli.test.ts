import { describe, expect, it } from 'vitest';
import { useTestContext } from '#test/use-context.ts';
import { createAccountFromCli, createOrganisationFromCli } from './accounts.cli.ts';

const ctx = useTestContext();

describe('bootstrapping a fresh installation from the command line', () => {
  it('creates the city, refuses a second city and a duplicate name, then its first admin can log in', async () => {
    const city = await createOrganisationFromCli(ctx.deps, { kind: 'city', name: 'Landeshauptstadt Musterstadt' });
    expect(city).toMatchObject({ kind: 'city', name: 'Landeshauptstadt Musterstadt' });
    expect(await createOrganisationFromCli(ctx.deps, { kind: 'city', name: 'Zweite Stadt' })).toEqual({ error: expect.stringContaining('city organisation already') });
    expect(await createOrganisationFromCli(ctx.deps, { kind: 'provider', name: 'Landeshauptstadt Musterstadt' })).toEqual({ error: expect.stringContaining('exists already') });
    expect(await createOrganisationFromCli(ctx.deps, { kind: 'provider', name: '  ' })).toEqual({ error: expect.stringContaining('name') });

    const admin = await createAccountFromCli(ctx.deps, { email: 'Leitung@Musterstadt.example', role: 'city_admin', organisation: 'Landeshauptstadt Musterstadt', displayName: 'Leitung', password: 'ein sicheres Passwort' });
    expect(admin).toMatchObject({ email: 'leitung@musterstadt.example', role: 'city_admin' });
    expect(await createAccountFromCli(ctx.deps, { email: 'x@musterstadt.example', role: 'social_worker', organisation: 'Landeshauptstadt Musterstadt', displayName: 'X', password: 'ein sicheres Passwort' })).toEqual({ error: expect.stringContaining('cannot hold the role') });
    const session = await ctx.login('leitung@musterstadt.example', 'ein sicheres Passwort');
    const me = await ctx.request(session, { method: 'GET', url: '/api/auth/me' });
    expect(me.json<{ organisation: { name: string } }>().organisation.name).toBe('Landeshauptstadt Musterstadt');
  });
});
