import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { Organisation, UpdateOrganisation } from '../../types.ts';

/** Edits one organisation below the table; the heading takes the focus when it opens. */
export function EditOrganisationForm({ organisation, onClose }: { organisation: Organisation; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(organisation.name);
  const [requireTotp, setRequireTotp] = useState(organisation.requireTotp);
  const [archived, setArchived] = useState(organisation.archivedAt !== null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('org-edit', ['name', 'requireTotp', 'archived']);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: UpdateOrganisation = {};
    if (name !== organisation.name) body.name = name;
    if (requireTotp !== organisation.requireTotp) body.requireTotp = requireTotp;
    if (archived !== (organisation.archivedAt !== null)) body.archived = archived;
    try {
      await api('PATCH', `/api/organisations/${organisation.id}`, body);
      await client.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };

  return (
    <section className="staff-section staff-panel" aria-labelledby="org-edit-heading">
      <h2 className="kern-heading-medium" id="org-edit-heading" tabIndex={-1} ref={heading}>
        {t('organisations.editHeading', { name: organisation.name })}
      </h2>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('name')} name="name" label={t('organisations.name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
        <CheckboxField id={errors.id('requireTotp')} name="requireTotp" label={t('organisations.requireTotpLabel')} checked={requireTotp} onChange={(e) => setRequireTotp(e.target.checked)} error={errors.field('requireTotp')} />
        <CheckboxField id={errors.id('archived')} name="archived" label={t('organisations.archivedLabel')} checked={archived} onChange={(e) => setArchived(e.target.checked)} error={errors.field('archived')} />
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
