import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { CreateRegion, Region, UpdateRegion } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

const EMPTY = { code: '', name: '', description: '' } satisfies CreateRegion;

export function CreateRegionForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<typeof EMPTY>(EMPTY);
  const apiForm = useApiForm('region-new', ['code', 'name', 'description'], {
    send: () => api('POST /api/regions', { body: form satisfies CreateRegion }),
    invalidate: [['regions']],
    onSuccess: () => setForm(EMPTY),
  });

  return (
    <Section id="region-new-heading" heading={t('regions.createHeading')}>
      {apiForm.done ? <Alert variant="success" role="status" title={t('regions.created', { name: apiForm.done.name })} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('name')} name="name" label={t('regions.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={apiForm.field('name')} />
        <TextField id={apiForm.id('code')} name="code" label={t('regions.code')} hint={t('regions.codeHint')} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} error={apiForm.field('code')} />
        <TextField id={apiForm.id('description')} name="description" label={t('regions.description')} optional={t('common.optional')} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} error={apiForm.field('description')} />
        <FormActions submit={t('regions.create')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}

export function EditRegionForm({ region, onClose }: { region: Region; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [name, setName] = useState(region.name);
  const [description, setDescription] = useState(region.description);
  const apiForm = useApiForm('region-edit', ['name', 'description'], {
    send: () => {
      const body: UpdateRegion = {};
      if (name !== region.name) body.name = name;
      if (description !== region.description) body.description = description;
      return api('PATCH /api/regions/:code', { params: { code: region.code }, body });
    },
    invalidate: [['regions']],
    onSuccess: () => onClose(true),
  });

  return (
    <Section id="region-edit-heading" heading={t('regions.editHeading', { name: region.name })} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('name')} name="name" label={t('regions.name')} value={name} onChange={(e) => setName(e.target.value)} error={apiForm.field('name')} />
        <TextField id={apiForm.id('description')} name="description" label={t('regions.description')} optional={t('common.optional')} value={description} onChange={(e) => setDescription(e.target.value)} error={apiForm.field('description')} />
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
