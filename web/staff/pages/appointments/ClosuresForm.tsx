import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { AppointmentSetup, ClosuresBody } from '../../types.ts';

/** Days without appointments (team day, holidays of the team); replaces the list as a whole. */
export function ClosuresForm({ setup }: { setup: AppointmentSetup }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [rows, setRows] = useState(setup.closures);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors('closures', ['closures', ...rows.flatMap((_, i) => ['startsOn', 'endsOn', 'note'].map((f) => `closures.${i}.${f}`))]);
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await api('PUT', `/api/offices/${setup.officeId}/appointment-closures`, { closures: rows } satisfies ClosuresBody);
      errors.clear();
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['setup', setup.officeId] });
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="closures-heading">
      <h2 className="kern-heading-medium" id="closures-heading">
        {t('setup.closures.heading')}
      </h2>
      <p className="kern-body">{t('setup.closures.lead')}</p>
      {saved ? <Alert variant="success" role="status" title={t('setup.closures.saved')} /> : null}
      {errors.summary}
      <form className="staff-form staff-form--wide" noValidate onSubmit={(event) => void submit(event)}>
        {rows.length === 0 ? <p className="kern-body">{t('setup.closures.empty')}</p> : null}
        <ol className="staff-rows">
          {rows.map((r, i) => (
            <li key={i} className="staff-row">
              <TextField id={errors.id(`closures.${i}.startsOn`)} type="date" label={t('setup.closures.startsOn', { n: i + 1 })} value={r.startsOn} onChange={(e) => setRow(i, { startsOn: e.target.value })} error={errors.field(`closures.${i}.startsOn`)} />
              <TextField id={errors.id(`closures.${i}.endsOn`)} type="date" label={t('setup.closures.endsOn', { n: i + 1 })} value={r.endsOn} onChange={(e) => setRow(i, { endsOn: e.target.value })} error={errors.field(`closures.${i}.endsOn`)} />
              <TextField id={errors.id(`closures.${i}.note`)} label={t('setup.closures.note', { n: i + 1 })} optional={t('common.optional')} value={r.note} onChange={(e) => setRow(i, { note: e.target.value })} error={errors.field(`closures.${i}.note`)} />
              <Button variant="tertiary" small onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t('setup.closures.remove', { n: i + 1 })}
              </Button>
            </li>
          ))}
        </ol>
        <div className="staff-actions">
          <Button variant="secondary" small onClick={() => setRows([...rows, { startsOn: '', endsOn: '', note: '' }])}>
            {t('setup.closures.add')}
          </Button>
          <Button type="submit" disabled={busy}>
            {t('setup.closures.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
