import { rowFieldContext, type SealedColumn } from '#server/platform/sealed-fields.ts';

/** The appointments' sealed columns (who booked, how to reach them, the staff note, the replayable answer), for `lotse keys rotate`. */
export const APPOINTMENT_SEALED_COLUMNS: readonly SealedColumn[] = [
  ...(['name', 'email', 'phone', 'note'] as const).map((field) => ({ table: 'appointment', key: 'id', organisation: 'provider_id', column: `${field}_sealed`, context: rowFieldContext('appointment', field) })),
  ...(['name', 'email', 'phone'] as const).map((field) => ({ table: 'waitlist_entry', key: 'id', organisation: 'provider_id', column: `${field}_sealed`, context: rowFieldContext('waitlist', field) })),
  { table: 'appointment_idempotency', key: 'key', organisation: 'provider_id', column: 'response_sealed', context: (key) => `idempotency:${key}` },
];
