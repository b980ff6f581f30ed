import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { toNumber } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { specialistKey } from './specialist-state.ts';

const FIELDS = ['criteria', 'forecastHours', 'justification', 'extendsId'] as const;

/**
 * The application to the city for Fachleistung hours (or the extension of an approval): the
 * criteria the household's needs meet, the hours expected over the next 12 months (at least the
 * city's threshold) and a justification for the city — which sees it under a pseudonym, so it
 * names no one. The field messages come from the API's problem.
 */
export function SpecialistForm({ householdId, criteria, thresholdHours, extendsId, onClose, onSaved }: {
  householdId: string;
  criteria: readonly { code: string; label: string }[];
  thresholdHours: number;
  extendsId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('cases');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [hours, setHours] = useState('');
  const [justification, setJustification] = useState('');
  const form = 'specialist-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: () => api('POST /api/households/:id/specialist-requests', { params: { id: householdId }, body: { criteria: chosen, forecastHours: toNumber(hours), justification, extendsId, submit: true } }),
    invalidate: [specialistKey(householdId)],
    onSuccess: onSaved,
  });
  const toggle = (code: string) => setChosen((now) => (now.includes(code) ? now.filter((c) => c !== code) : [...now, code]));
  const headingId = `${form}-heading`;
  const criteriaError = apiForm.field('criteria');
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {extendsId ? t('specialist.form.extendHeading') : t('specialist.form.heading')}
      </h3>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <fieldset className={`kern-fieldset${criteriaError ? ' kern-fieldset--error' : ''}`}>
          <legend className="kern-label">{t('specialist.form.criteria')}</legend>
          <div className="kern-fieldset__body">
            {criteria.map((c, i) => (
              <CheckboxField key={c.code} id={i === 0 ? apiForm.id('criteria') : `${apiForm.id('criteria')}-${c.code}`} label={c.label} checked={chosen.includes(c.code)} onChange={() => toggle(c.code)} error={i === 0 ? criteriaError : undefined} />
            ))}
          </div>
        </fieldset>
        <TextField id={apiForm.id('forecastHours')} type="number" inputMode="numeric" min={1} label={t('specialist.form.forecastHours')} hint={t('specialist.form.forecastHint', { threshold: thresholdHours })} value={hours} onChange={(e) => setHours(e.target.value)} error={apiForm.field('forecastHours')} />
        <TextAreaField id={apiForm.id('justification')} label={t('specialist.form.justification')} hint={t('specialist.form.justificationHint')} value={justification} onChange={(e) => setJustification(e.target.value)} error={apiForm.field('justification')} rows={4} />
        {apiForm.field('extendsId') ? <p className="kern-body" role="alert">{apiForm.field('extendsId')}</p> : null}
        <FormActions submit={t('specialist.form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
