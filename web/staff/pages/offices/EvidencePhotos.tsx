import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import type { EvidencePhoto } from '#contracts/offices.ts';

type Criterion = EvidencePhoto['criterion'];

/** The file as base64 (a data: URL; the server strips its prefix). */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

// i18n-keys: staff:offices.photo.*
/**
 * Photos for one criterion of the site assessment: a file input that uploads at once (JPEG, PNG,
 * WebP up to 3 MB; the server checks the real type), thumbnails of those uploaded, each deletable.
 * The list comes from the scorecard, which names the photos per criterion.
 */
export function EvidencePhotos({ officeId, criterion, id }: { officeId: string; criterion: Criterion; id: string }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const card = useQuery({ queryKey: ['scorecard', officeId], queryFn: () => api('GET /api/offices/:id/scorecard', { params: { id: officeId } }) });
  const photos = card.data?.criteria.find((c) => c.criterion === criterion)?.photos ?? [];
  const aspect = t(`offices.site.${criterion}`);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      await client.invalidateQueries({ queryKey: ['scorecard', officeId] });
    } catch (e) {
      setError(e instanceof ProblemError ? (e.problem.errors?.[0]?.message ?? e.problem.title) : t('offices.photo.failed'));
    } finally {
      setBusy(false);
    }
  };

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const field = event.target;
    const file = field.files?.[0];
    if (!file) return;
    void run(async () => {
      await api('POST /api/offices/:id/evidence', { params: { id: officeId }, body: { criterion, data: await readAsDataUrl(file) } });
      field.value = '';
    });
  };

  return (
    <div className="staff-evidence-photos">
      <TextField id={id} type="file" accept="image/jpeg,image/png,image/webp" label={t('offices.photo.add', { aspect })} hint={t('offices.photo.hint')} optional={t('common.optional')} error={error} disabled={busy} onChange={upload} />
      {photos.length > 0 ? (
        <ul className="staff-plain-list staff-thumbs">
          {photos.map((p) => {
            const date = formatDate(p.uploadedAt, i18n.language);
            return (
              <li key={p.id}>
                <img src={`/api/offices/${officeId}/evidence/${p.id}`} alt={t('offices.photo.alt', { aspect, date })} width={120} height={Math.round((120 * p.height) / p.width)} loading="lazy" />
                <Button variant="tertiary" small disabled={busy} onClick={() => void run(() => api('DELETE /api/offices/:id/evidence/:photoId', { params: { id: officeId, photoId: p.id } }))}>
                  {t('offices.photo.delete', { aspect, date })}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
