import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { office } from './offices.schema.ts';

/** Raw bytes: node-postgres answers a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/**
 * A photo the coordinator took as evidence for a scorecard criterion of the site assessment
 * (footpaths, signage, position in the building). The bytes are stored as uploaded (type and size
 * checked from the file header); staff only read them (the route), the city writes (RLS, 0011).
 */
export const officeEvidencePhoto = pgTable(
  'office_evidence_photo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officeId: uuid('office_id').notNull().references(() => office.id, { onDelete: 'cascade' }),
    criterion: text('criterion', { enum: ['footpaths', 'signage', 'position'] }).notNull(),
    contentType: text('content_type', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('office_evidence_photo_office_idx').on(t.officeId)],
);
