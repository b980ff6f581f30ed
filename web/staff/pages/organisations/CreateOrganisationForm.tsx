import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { CreateOrganisation } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

const EMPTY: CreateOrganisation = { kind: 'provider', name: '', requireTotp: false };

export function CreateOrganisationForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<CreateOrganisation>(EMPTY);
  const apiForm = useApiForm('org-new', ['kind', 'name', 'requireTotp'], {
    send: () => api('POST /api/organisations', { body: form }),
    invalidate: [['organisations']],
    onSuccess: () => setForm(EMPTY),
  });

  return (
    <Section id="org-new-heading" heading={t('organisations.createHeading')}>
      {apiForm.done ? <Alert variant="success" role="status" title={t('organisations.created', { name: apiForm.done.name })} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('name')} name="name" label={t('organisations.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={apiForm.field('name')} />
        <SelectField
          id={apiForm.id('kind')}
          name="kind"
          label={t('organisations.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value === 'city' ? 'city' : 'provider' })}
          options={[
            { value: 'provider', label: t('organisationKind.provider') },
            { value: 'city', label: t('organisationKind.city') },
          ]}
          error={apiForm.field('kind')}
        />
        <CheckboxField id={apiForm.id('requireTotp')} name="requireTotp" label={t('organisations.requireTotpLabel')} checked={form.requireTotp ?? false} onChange={(e) => setForm({ ...form, requireTotp: e.target.checked })} error={apiForm.field('requireTotp')} />
        <FormActions submit={t('organisations.create')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}
