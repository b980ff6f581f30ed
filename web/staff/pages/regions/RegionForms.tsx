import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { CreateRegion, Region, UpdateRegion } from '../../types.ts';

const EMPTY = { code: '', name: '', description: '' } satisfies CreateRegion;

export function CreateRegionForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<typeof EMPTY>(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('region-new', ['code', 'name', 'description']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const region = await api<Region>('POST', '/api/regions', form satisfies CreateRegion);
      errors.clear();
      setCreated(region.name);
      setForm(EMPTY);
      await client.invalidateQueries({ queryKey: ['regions'] });
    } catch (error) {
      setCreated(null);
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="region-new-heading">
      <h2 className="kern-heading-medium" id="region-new-heading">
        {t('regions.createHeading')}
      </h2>
      {created ? <Alert variant="success" role="status" title={t('regions.created', { name: created })} /> : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('name')} name="name" label={t('regions.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.field('name')} />
        <TextField id={errors.id('code')} name="code" label={t('regions.code')} hint={t('regions.codeHint')} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} error={errors.field('code')} />
        <TextField id={errors.id('description')} name="description" label={t('regions.description')} optional={t('common.optional')} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={errors.field('description')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('regions.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function EditRegionForm({ region, onClose }: { region: Region; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(region.name);
  const [description, setDescription] = useState(region.description);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('region-edit', ['name', 'description']);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: UpdateRegion = {};
    if (name !== region.name) body.name = name;
    if (description !== region.description) body.description = description;
    try {
      await api('PATCH', `/api/regions/${region.code}`, body);
      await client.invalidateQueries({ queryKey: ['regions'] });
      onClose();
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };

  return (
    <section className="staff-section staff-panel" aria-labelledby="region-edit-heading">
      <h2 className="kern-heading-medium" id="region-edit-heading" tabIndex={-1} ref={heading}>
        {t('regions.editHeading', { name: region.name })}
      </h2>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('name')} name="name" label={t('regions.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
        <TextField id={errors.id('description')} name="description" label={t('regions.description')} optional={t('common.optional')} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.field('description')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('common.save')}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
