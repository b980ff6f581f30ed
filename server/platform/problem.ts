/**
 * Errors as values the user can act on: RFC 9457 problem+json with a stable `type`, a translated
 * `title` (from the `errors` namespace, key = the type's slug) and per-field `errors`.
 */
export const PROBLEM_TYPES = [
  'validation',
  'malformed-request',
  'payload-too-large',
  'unsupported-media-type',
  'unauthenticated',
  'forbidden',
  'csrf',
  'cross-origin',
  'not-found',
  'conflict',
  'rate-limited',
  'invalid-credentials',
  'totp-required',
  'totp-invalid',
  'enrolment-required',
  'token-invalid',
  'weak-password',
  'oidc-unavailable',
  'oidc-failed',
  'period-overlap',
  'slot-taken',
  'slot-unavailable',
  'booking-limit',
  'idempotency-mismatch',
  'too-late',
  'font-missing',
  'consent-missing',
  'internal',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export interface FieldError {
  /** JSON pointer-ish dotted path of the field, e.g. "email" or "members.0.code". */
  field: string;
  /** Message key in the `errors` namespace (e.g. "field.required") and its values. */
  key: string;
  values?: Record<string, unknown>;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly options: {
      detailKey?: string;
      values?: Record<string, unknown>;
      errors?: FieldError[];
      headers?: Record<string, string>;
      /** RFC 9457 extension members, e.g. the record's current version beside a 409 "changed meanwhile". */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(type);
  }
}

export const notFound = (): Problem => new Problem(404, 'not-found');
export const forbidden = (): Problem => new Problem(403, 'forbidden');
export const conflict = (detailKey?: string): Problem => new Problem(409, 'conflict', detailKey ? { detailKey } : {});
export const invalid = (errors: FieldError[]): Problem => new Problem(400, 'validation', { errors });

export function problemTypeUri(type: ProblemType): string {
  return `/problems/${type}`;
}
