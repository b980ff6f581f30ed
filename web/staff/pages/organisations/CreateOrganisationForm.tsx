import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { CreateOrganisation, Organisation } from '../../types.ts';

const EMPTY: CreateOrganisation = { kind: 'provider', name: '', requireTotp: false };

export function CreateOrganisationForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<CreateOrganisation>(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('org-new', ['kind', 'name', 'requireTotp']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const organisation = await api<Organisation>('POST', '/api/organisations', form);
      errors.clear();
      setCreated(organisation.name);
      setForm(EMPTY);
      await client.invalidateQueries({ queryKey: ['organisations'] });
    } catch (error) {
      setCreated(null);
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="org-new-heading">
      <h2 className="kern-heading-medium" id="org-new-heading">
        {t('organisations.createHeading')}
      </h2>
      {created ? <Alert variant="success" role="status" title={t('organisations.created', { name: created })} /> : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('name')} name="name" label={t('organisations.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.field('name')} />
        <SelectField
          id={errors.id('kind')}
          name="kind"
          label={t('organisations.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value === 'city' ? 'city' : 'provider' })}
          options={[
            { value: 'provider', label: t('organisationKind.provider') },
            { value: 'city', label: t('organisationKind.city') },
          ]}
          error={errors.field('kind')}
        />
        <CheckboxField id={errors.id('requireTotp')} name="requireTotp" label={t('organisations.requireTotpLabel')} checked={form.requireTotp ?? false} onChange={(e) => setForm({ ...form, requireTotp: e.target.checked })} error={errors.field('requireTotp')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('organisations.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
