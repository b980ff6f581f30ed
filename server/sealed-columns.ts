import { APPOINTMENT_SEALED_COLUMNS } from '#server/modules/appointments/appointments.public.ts';
import { CASE_SEALED_COLUMNS } from '#server/modules/cases/cases.public.ts';
import { IDENTITY_SEALED_COLUMNS } from '#server/modules/identity/identity.public.ts';
import type { SealedColumn } from '#server/platform/sealed-fields.ts';

/**
 * Every column that holds values sealed with the key ring, as the modules name them (composition
 * root, like app.ts). `sealed-columns.test.ts` fails when the demo data holds a sealed value in a
 * column that is not listed here: a module that starts sealing adds its column to its public list.
 */
export const SEALED_COLUMNS: readonly SealedColumn[] = [...IDENTITY_SEALED_COLUMNS, ...APPOINTMENT_SEALED_COLUMNS, ...CASE_SEALED_COLUMNS];
