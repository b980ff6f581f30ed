import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '#server/db.ts';
import { officeEvidencePhoto as photo } from './evidence.schema.ts';

const listed = { id: photo.id, criterion: photo.criterion, contentType: photo.contentType, width: photo.width, height: photo.height, uploadedAt: photo.uploadedAt };

export async function insertPhoto(tx: Tx, values: typeof photo.$inferInsert) {
  const [row] = await tx.insert(photo).values(values).returning(listed);
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** The photos of an office without their bytes, oldest first. */
export async function photosOf(tx: Tx, officeId: string) {
  return tx.select(listed).from(photo).where(eq(photo.officeId, officeId)).orderBy(asc(photo.uploadedAt), asc(photo.id));
}

export async function findPhoto(tx: Tx, officeId: string, id: string) {
  const [row] = await tx.select({ contentType: photo.contentType, bytes: photo.bytes }).from(photo).where(and(eq(photo.officeId, officeId), eq(photo.id, id)));
  return row ?? null;
}

export async function deletePhoto(tx: Tx, officeId: string, id: string): Promise<boolean> {
  const rows = await tx.delete(photo).where(and(eq(photo.officeId, officeId), eq(photo.id, id))).returning({ id: photo.id });
  return rows.length > 0;
}
