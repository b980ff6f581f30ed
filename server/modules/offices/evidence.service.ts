import type { z } from 'zod';
import type { EvidencePhoto, uploadEvidencePhoto } from '#contracts/offices.ts';
import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { invalid, notFound, Problem } from '#server/platform/problem.ts';
import { recordAudit } from '#server/modules/audit/audit.public.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import * as q from './evidence.queries.ts';
import { imageInfo } from '#server/platform/image-header.ts';
import { stripImageMetadata } from '#server/platform/image-metadata.ts';
import { officeActor, requireOnOffice } from './offices.policy.ts';
import { findOffice } from './office-rows.ts';

/** Photos of the site assessment, at most 3 MB each (decision 0008). */
export const MAX_PHOTO_BYTES = 3 * 1024 * 1024;

const present = (r: Awaited<ReturnType<typeof q.photosOf>>[number]): EvidencePhoto => ({ ...r, uploadedAt: r.uploadedAt.toISOString() });

/** The photos of an office for the scorecard (ids, criterion, dates). */
export async function evidencePhotosOf(tx: Tx, officeId: string): Promise<EvidencePhoto[]> {
  return (await q.photosOf(tx, officeId)).map(present);
}

/** The coordinator attaches a photo to footpaths, signage or position; the type is read from the bytes, metadata removed. */
export async function uploadPhoto(deps: Deps, actor: Actor, officeId: string, input: z.infer<typeof uploadEvidencePhoto>): Promise<EvidencePhoto> {
  const assessor = officeActor(actor, 'office.add-evidence');
  const base64 = input.data.replace(/^data:[^,]*,/, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) throw invalid([{ field: 'data', key: 'field.imageType' }]);
  if (Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0) > MAX_PHOTO_BYTES) {
    throw new Problem(413, 'payload-too-large', { errors: [{ field: 'data', key: 'field.fileTooLarge', values: { maximum: '3 MB' } }] });
  }
  const uploaded = Buffer.from(base64, 'base64');
  const info = imageInfo(uploaded);
  // Camera, time and GPS position (EXIF/XMP) are dropped before the photo is stored.
  const bytes = info ? stripImageMetadata(uploaded, info.contentType) : null;
  if (!info || !bytes) throw invalid([{ field: 'data', key: 'field.imageType' }]);
  return deps.db.transaction({ kind: 'city', organisationId: assessor.organisationId }, async (tx) => {
    const office = await findOffice(tx, officeId);
    if (!office) throw notFound();
    requireOnOffice(assessor, 'office.add-evidence', office);
    const row = await q.insertPhoto(tx, { officeId, criterion: input.criterion, ...info, bytes, uploadedBy: assessor.accountId, uploadedAt: deps.now() });
    await recordAudit(tx, assessor, { action: 'office-evidence-photo.upload', recordType: 'office_evidence_photo', recordIds: [row.id, officeId] }, deps.now());
    return present(row);
  });
}

/** The photo's bytes, for signed-in staff only. */
export async function getPhoto(deps: Deps, actor: Actor, officeId: string, photoId: string) {
  officeActor(actor, 'office.read-evidence');
  const row = await deps.db.transaction({ kind: 'public' }, (tx) => q.findPhoto(tx, officeId, photoId));
  if (!row) throw notFound();
  return row;
}

export async function deletePhoto(deps: Deps, actor: Actor, officeId: string, photoId: string): Promise<void> {
  const assessor = officeActor(actor, 'office.delete-evidence');
  await deps.db.transaction({ kind: 'city', organisationId: assessor.organisationId }, async (tx) => {
    const office = await findOffice(tx, officeId);
    if (!office) throw notFound();
    requireOnOffice(assessor, 'office.delete-evidence', office);
    if (!(await q.deletePhoto(tx, officeId, photoId))) throw notFound();
    await recordAudit(tx, assessor, { action: 'office-evidence-photo.delete', recordType: 'office_evidence_photo', recordIds: [photoId, officeId] }, deps.now());
  });
}
