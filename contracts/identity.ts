import { z } from 'zod';
import { action } from './actions.ts';

export const role = z.enum(['city_admin', 'city_coordinator', 'evaluator', 'provider_admin', 'social_worker']);
export type RoleName = z.infer<typeof role>;
export const organisationKind = z.enum(['city', 'provider']);
/** The roles an organisation of each kind gives its accounts (the server refuses others). */
export const ROLES_OF_KIND = {
  city: ['city_admin', 'city_coordinator', 'evaluator'],
  provider: ['provider_admin', 'social_worker'],
} as const satisfies Record<z.infer<typeof organisationKind>, readonly RoleName[]>;
export const staffLocale = z.enum(['de', 'en']);

export const loginBody = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }).strict();

export const me = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role,
  locale: staffLocale,
  totpEnabled: z.boolean(),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: organisationKind, requireTotp: z.boolean() }),
  /** Send it back in the X-CSRF-Token header with every write. */
  csrfToken: z.string(),
  /** `active`, or what the session still owes: a code (`totp`) or the set-up of a second factor (`enrolment`). */
  stage: z.enum(['active', 'totp', 'enrolment']),
  /** Every action of the catalogue (contracts/actions.ts) the account's role may take somewhere: menus and buttons follow it. */
  permittedActions: z.array(action),
  /** The regions the account is assigned to; null: not assigned (every region the organisation works in; for the city all). */
  regionCodes: z.array(z.string()).nullable(),
});
export type Me = z.infer<typeof me>;

/** Login answers either a full session or the next step the session still owes. */
export const loginResult = z.object({
  status: z.enum(['ok', 'totp-required', 'enrolment-required']),
  me,
});

export const logoutEverywhereResult = z.object({ ended: z.number().int() });

export const preferences = z.object({ locale: staffLocale }).strict();

/** Passwords: the server refuses shorter ones (MIN_PASSWORD_LENGTH in server/modules/identity/passwords.ts). */
export const MIN_PASSWORD_LENGTH = 12;
export const newPassword = z.string().min(MIN_PASSWORD_LENGTH).max(1024).describe(`A new password, at least ${MIN_PASSWORD_LENGTH} characters`);

// ---- Accounts administration (city_admin: every organisation; provider_admin: its own) ----

export const account = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role,
    locale: staffLocale,
    totpEnabled: z.boolean().describe('A second factor (authenticator app) is set up'),
    passwordSet: z.boolean().describe('false while an invitation is outstanding'),
    oidcLinked: z.boolean().describe('The account has logged in through the city SSO at least once'),
    lockedUntil: z.iso.datetime().nullable().describe('Temporarily locked after repeated wrong passwords, until then'),
    disabledAt: z.iso.datetime().nullable().describe('Disabled accounts cannot log in'),
    createdAt: z.iso.datetime(),
    regionCodes: z.array(z.string()).nullable().describe('The regions the account is assigned to; null: not assigned (every region the organisation works in; for the city all)'),
    permittedActions: z.array(action).describe("The catalogue's actions (contracts/actions.ts) the caller may take on this account"),
  })
  .describe('A staff account as administrators see it');
export type Account = z.infer<typeof account>;

export const accountList = z.array(account);

export const accountListQuery = z
  .object({
    organisationId: z.uuid().optional().describe("city_admin: whose accounts (default: the admin's own organisation); provider_admin: only its own"),
  })
  .strict();

export const createAccountBody = z
  .object({
    organisationId: z.uuid().optional().describe("The account's organisation (default: the admin's own); provider_admin may only name its own"),
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    role: role.describe('Must fit the organisation: city → city_admin, city_coordinator, evaluator; provider → provider_admin, social_worker'),
    locale: staffLocale.default('de').describe('Language of the staff pages and of mails to this account'),
    password: newPassword.optional().describe('An initial password; leave out to send an invitation mail with a link to set one'),
  })
  .strict();

export const updateAccountBody = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    role: role.optional().describe('Only roles of the organisation kind; not one\'s own role'),
    disabled: z.boolean().optional().describe('true disables (ends every session), false enables; not one\'s own account'),
    unlock: z.literal(true).optional().describe('Clears a temporary lock after repeated wrong passwords'),
    regionCodes: z
      .array(z.string().trim().min(1).max(60))
      .min(1)
      .max(50)
      .nullable()
      .optional()
      .describe("Assign the account to regions (action account.assign-regions); null: not assigned. A provider's account only regions of its organisation's service agreements"),
  })
  .strict();

// ---- Passwords ----

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword }).strict();

export const passwordResetBody = z.object({ email: z.string().trim().min(1).max(320) }).strict();

export const passwordResetConfirmBody = z
  .object({
    token: z.string().min(1).max(200).describe('The token from the link in the mail'),
    password: newPassword,
  })
  .strict();

export const accepted = z.object({ accepted: z.literal(true) }).describe('Accepted; a mail is sent if the email belongs to an account');

// ---- Second factor (TOTP) ----

export const totpSetupResult = z
  .object({
    secret: z.string().describe('Base32 secret, for typing into an authenticator app'),
    otpauthUri: z.string().describe('otpauth:// URI (what the QR code holds)'),
    qrSvg: z.string().describe('The QR code as an SVG document'),
  })
  .describe('A new, not yet enabled second factor; enable it with a code from the app');

export const totpCodeBody = z.object({ code: z.string().trim().regex(/^\d{6}$/).describe('Six digits from the authenticator app') }).strict();

export const totpDisableBody = z.object({ password: z.string().min(1).max(1024).describe('The current password') }).strict();

// ---- City SSO (OIDC) ----

export const oidcInfo = z.object({ enabled: z.boolean(), label: z.string().nullable().describe('Button text for the login page') });

export const oidcStartQuery = z
  .object({ returnTo: z.string().max(500).optional().describe('Where to land after login: a path starting with /app/ (default /app/)') })
  .strict();

export const oidcCallbackQuery = z
  .object({
    code: z.string().optional().describe('The authorization code'),
    state: z.string().optional().describe('The state Lotse sent'),
    iss: z.string().optional().describe('The issuer (RFC 9207)'),
    error: z.string().optional().describe('An OAuth error code instead of a code'),
    error_description: z.string().optional(),
  })
  .catchall(z.string())
  .describe('What the identity provider sends back (code and state, or an error); further parameters are passed on to the check');

export const changePasswordResult = z.object({ endedSessions: z.number().int().describe('Sessions ended on other devices') });
