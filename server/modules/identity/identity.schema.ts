import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { region } from '../regions/regions.schema.ts';

/** Organisations: the city and the providers (Träger). Providers are tenants. */
export const organisation = pgTable('organisation', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['city', 'provider'] }).notNull(),
  name: text('name').notNull(),
  /** When on, staff whose role can see personal data must log in with a second factor. */
  requireTotp: boolean('require_totp').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

/** A staff login. `account`, not `user` (reserved). One organisation each. Tenant-owned (RLS). */
export const account = pgTable(
  'account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisation.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', {
      enum: ['city_admin', 'city_coordinator', 'evaluator', 'provider_admin', 'social_worker'],
    }).notNull(),
    locale: text('locale', { enum: ['de', 'en'] }).notNull().default('de'),
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: integer('totp_last_step'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    oidcSubject: text('oidc_subject'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('account_email_key').on(sql`lower(${t.email})`),
    index('account_organisation_idx').on(t.organisationId),
    uniqueIndex('account_oidc_subject_key').on(t.oidcSubject),
  ],
);

/**
 * A staff account's assignment to regions (the catalogue's `region` reach reads it). No rows: not
 * assigned, so every region its organisation works in (for the city: all). Tenant-owned through its
 * account (RLS as for account); a provider's accounts only get regions of its service agreements.
 */
export const accountRegion = pgTable(
  'account_region',
  {
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull().references(() => region.code, { onUpdate: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.regionCode] })],
);

/** Sessions live in the database so that several Lotse processes can serve one PostgreSQL. */
export const session = pgTable(
  'session',
  {
    /** sha256 of the cookie token: a database leak does not hand out sessions. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** `totp`: password given, second factor outstanding; `enrol`: must enrol a second factor first. */
    stage: text('stage', { enum: ['active', 'totp', 'enrol'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);

export const passwordReset = pgTable('password_reset', {
  tokenHash: text('token_hash').primaryKey(),
  accountId: uuid('account_id').notNull().references(() => account.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Fixed-window counters shared by every process (login throttling, later booking limits). */
export const rateLimit = pgTable('rate_limit', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

/** OIDC login in flight: state, nonce and PKCE verifier, kept in the database, not in memory. */
export const oidcLogin = pgTable('oidc_login', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
