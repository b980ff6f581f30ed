import type { SealedColumn } from '#server/platform/sealed-fields.ts';

/** The accounts' sealed column (the TOTP secret), for `lotse keys rotate`. */
export const IDENTITY_SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'account', key: 'id', organisation: 'organisation_id', column: 'totp_secret', context: (key) => `totp:${key}` },
];
