import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { Organisation, UpdateOrganisation } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

/** Edits one organisation below the table; the heading takes the focus when it opens. */
export function EditOrganisationForm({ organisation, onClose }: { organisation: Organisation; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [name, setName] = useState(organisation.name);
  const [requireTotp, setRequireTotp] = useState(organisation.requireTotp);
  const [archived, setArchived] = useState(organisation.archivedAt !== null);
  const apiForm = useApiForm('org-edit', ['name', 'requireTotp', 'archived'], {
    send: () => {
      const body: UpdateOrganisation = {};
      if (name !== organisation.name) body.name = name;
      if (requireTotp !== organisation.requireTotp) body.requireTotp = requireTotp;
      if (archived !== (organisation.archivedAt !== null)) body.archived = archived;
      return api('PATCH /api/organisations/:id', { params: { id: organisation.id }, body });
    },
    invalidate: [['organisations']],
    onSuccess: () => onClose(true),
  });

  return (
    <Section id="org-edit-heading" heading={t('organisations.editHeading', { name: organisation.name })} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('name')} name="name" label={t('organisations.name')} value={name} onChange={(e) => setName(e.target.value)} error={apiForm.field('name')} />
        <CheckboxField id={apiForm.id('requireTotp')} name="requireTotp" label={t('organisations.requireTotpLabel')} checked={requireTotp} onChange={(e) => setRequireTotp(e.target.checked)} error={apiForm.field('requireTotp')} />
        <CheckboxField id={apiForm.id('archived')} name="archived" label={t('organisations.archivedLabel')} checked={archived} onChange={(e) => setArchived(e.target.checked)} error={apiForm.field('archived')} />
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
