/**
 * The `system` scope turns row-level security off for one transaction. It is the exception, never a
 * convenience (decision 0003): every system transaction names one of the use cases below, and each
 * says why no narrower scope (`tenant`, `city`, `public`) will do. Adding one is a reviewed change
 * to this list; `system-scope.unit.test.ts` fails when code opens a system transaction that the list
 * does not name, when a listed name is no longer used, or when the scope is switched inside a
 * transaction by hand.
 *
 * Open one with `deps.db.transaction({ kind: 'system', useCase: 'login.find-account' }, …)`: the
 * type admits listed names only.
 */
export interface SystemUseCaseEntry {
  /** `<area>.<what>`: what the transaction does, as a reviewer would say it. */
  readonly name: string;
  /** The module (or platform part) that owns it. */
  readonly module: 'identity' | 'audit' | 'appointments' | 'regions' | 'offices' | 'seed' | 'platform' | 'test';
  /** Why RLS must be off: what is not known yet, or why the work spans every tenant. */
  readonly reason: string;
}

export const SYSTEM_USE_CASES = [
  {
    name: 'login.find-account',
    module: 'identity',
    reason: 'Password login: the email names the account before anyone knows its organisation, so no tenant scope can be set yet. Reads one account by email; the answer does not say whether it exists.',
  },
  {
    name: 'login.find-account-oidc',
    module: 'identity',
    reason: 'City single sign-on: the identity provider\'s subject (or verified email) names the account before its organisation is known.',
  },
  {
    name: 'session.resolve',
    module: 'identity',
    reason: 'Every request: the session cookie names the session and its account before the organisation is known; the result is the actor whose scope every later transaction uses.',
  },
  {
    name: 'password-reset.request',
    module: 'identity',
    reason: 'Forgotten password, anonymous: the email names the account before its organisation is known; writes the single-use link and the audit entry in the account\'s organisation.',
  },
  {
    name: 'password-reset.confirm',
    module: 'identity',
    reason: 'Setting a password from a mailed link, anonymous: the token names the account before its organisation is known.',
  },
  {
    name: 'sessions.purge-expired',
    module: 'identity',
    reason: 'Periodic job without a request or a tenant: deletes expired sessions of every organisation.',
  },
  {
    name: 'cli.create-organisation',
    module: 'identity',
    reason: 'Bootstrapping from the command line (`lotse org create`) before any administrator exists; run by whoever holds the database credentials.',
  },
  {
    name: 'cli.create-account',
    module: 'identity',
    reason: 'Bootstrapping from the command line (`lotse user create`) before any administrator exists; run by whoever holds the database credentials.',
  },
  {
    name: 'cli.import-reference-data',
    module: 'regions',
    reason: 'The command line (and the demo seed) imports the city\'s reference data — boundaries, street directory, population, GTFS — without a staff session; staff imports run in the city scope instead.',
  },
  {
    name: 'keys.rotate',
    module: 'platform',
    reason: '`lotse keys rotate` re-seals the sealed columns of every organisation under the newest key of the key ring (each batch logged in the organisation\'s audit chain); it reads and writes the sealed columns by key only, run by whoever holds the keys and the database credentials.',
  },
  {
    name: 'audit.verify',
    module: 'audit',
    reason: '`lotse audit verify` reads every organisation\'s hash chain to prove it unbroken.',
  },
  {
    name: 'appointments.booking-preflight',
    module: 'appointments',
    reason: 'Public booking, one statement: finds the office\'s provider, an earlier answer for the idempotency key, and counts the contact\'s open bookings at every provider (the cap is city-wide). Returns numbers and the provider id only; the booking itself runs in the provider\'s tenant scope.',
  },
  {
    name: 'appointments.release-hold',
    module: 'appointments',
    reason: 'A visitor lets a hold go: the hold token is the only authority and the provider is not known.',
  },
  {
    name: 'appointments.details-by-token',
    module: 'appointments',
    reason: 'The manage link (code + token, no account) shows the booking: the token is the authority and names the provider only once the row is found.',
  },
  {
    name: 'appointments.ics-by-token',
    module: 'appointments',
    reason: 'The calendar file of the manage link (code + token, no account): as details-by-token.',
  },
  {
    name: 'appointments.cancel-by-token',
    module: 'appointments',
    reason: 'The person cancels through the manage link (code + token, no account): as details-by-token; audited in the provider\'s chain.',
  },
  {
    name: 'appointments.move-by-token',
    module: 'appointments',
    reason: 'The person moves the booking through the manage link (code + token, no account): as details-by-token; audited in the provider\'s chain.',
  },
  {
    name: 'appointments.housekeeping',
    module: 'appointments',
    reason: 'Periodic job: lets expired holds, waitlist offers and idempotency records go at every provider.',
  },
  {
    name: 'appointments.reminders',
    module: 'appointments',
    reason: 'Periodic job: finds tomorrow\'s bookings at every provider and mails the reminders.',
  },
  {
    name: 'seed.reference',
    module: 'seed',
    reason: 'Start-up: loads the city\'s reference data into an empty database (and upgrades the catalog) before any organisation exists.',
  },
  {
    name: 'seed.demo',
    module: 'seed',
    reason: 'Demo mode: loads fictional organisations, accounts, offices and bookings of every tenant into an empty database.',
  },
  {
    name: 'test.fixtures',
    module: 'test',
    reason: 'Tests and benchmarks arrange records of several tenants; allowed in *.test.ts, *.fixture.ts, test/ and bench/ only (the unit test checks).',
  },
] as const satisfies readonly SystemUseCaseEntry[];

export type SystemUseCase = (typeof SYSTEM_USE_CASES)[number]['name'];
