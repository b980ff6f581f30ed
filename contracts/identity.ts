import { z } from 'zod';

export const role = z.enum(['city_admin', 'city_coordinator', 'evaluator', 'provider_admin', 'social_worker']);
export type RoleName = z.infer<typeof role>;
export const organisationKind = z.enum(['city', 'provider']);
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
});
export type Me = z.infer<typeof me>;

/** Login answers either a full session or the next step the session still owes. */
export const loginResult = z.object({
  status: z.enum(['ok', 'totp-required', 'enrolment-required']),
  me,
});

export const logoutEverywhereResult = z.object({ ended: z.number().int() });

export const preferences = z.object({ locale: staffLocale }).strict();
