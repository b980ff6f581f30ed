import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { AppointmentSetup, ClosuresBody } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

/** Days without appointments (team day, holidays of the team); replaces the list as a whole. */
export function ClosuresForm({ setup }: { setup: AppointmentSetup }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState(setup.closures);
  const apiForm = useApiForm('closures', ['closures', ...rows.flatMap((_, i) => ['startsOn', 'endsOn', 'note'].map((f) => `closures.${i}.${f}`))], {
    send: () => api('PUT /api/offices/:id/appointment-closures', { params: { id: setup.officeId }, body: { closures: rows } satisfies ClosuresBody }),
    invalidate: [['setup', setup.officeId]],
  });
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Section id="closures-heading" heading={t('setup.closures.heading')} lead={t('setup.closures.lead')}>
      {apiForm.succeeded ? <Alert variant="success" role="status" title={t('setup.closures.saved')} /> : null}
      {apiForm.summary}
      <form className="staff-form staff-form--wide" noValidate onSubmit={apiForm.onSubmit}>
        {rows.length === 0 ? <p className="kern-body">{t('setup.closures.empty')}</p> : null}
        <ol className="staff-rows">
          {rows.map((r, i) => (
            <li key={i} className="staff-row">
              <TextField id={apiForm.id(`closures.${i}.startsOn`)} type="date" label={t('setup.closures.startsOn', { n: i + 1 })} value={r.startsOn} onChange={(e) => setRow(i, { startsOn: e.target.value })} error={apiForm.field(`closures.${i}.startsOn`)} />
              <TextField id={apiForm.id(`closures.${i}.endsOn`)} type="date" label={t('setup.closures.endsOn', { n: i + 1 })} value={r.endsOn} onChange={(e) => setRow(i, { endsOn: e.target.value })} error={apiForm.field(`closures.${i}.endsOn`)} />
              <TextField id={apiForm.id(`closures.${i}.note`)} label={t('setup.closures.note', { n: i + 1 })} optional={t('common.optional')} value={r.note} onChange={(e) => setRow(i, { note: e.target.value })} error={apiForm.field(`closures.${i}.note`)} />
              <Button variant="tertiary" small onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t('setup.closures.remove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <FormActions
          submit={t('setup.closures.save')}
          disabled={apiForm.busy}
          leading={
            <Button variant="secondary" small onClick={() => setRows([...rows, { startsOn: '', endsOn: '', note: '' }])}>
              {t('setup.closures.add')}
            </Button>
          }
        />
      </form>
    </Section>
  );
}
