import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityRequest } from '#contracts/specialist-requests.ts';
import { RadioGroup, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { addDays, toNumber, todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';

const FIELDS = ['decision', 'approvedHours', 'approvedFrom', 'approvedUntil', 'reason'] as const;

/** The day before the same date a year later: the longest an approval may run. */
function yearLater(from: string): string {
  const [y = 0, m = 1, d = 1] = from.split('-').map(Number);
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return addDays(new Date(Date.UTC(y + 1, m - 1, Math.min(d, last))).toISOString().slice(0, 10), -1);
}

/**
 * The city's decision on a request: approve (hours, from, until — at most 12 months, the longest
 * proposed) or reject with a reason (required). With the version read; the field messages come
 * from the API's problem.
 */
export function DecisionForm({ request, onClose, onSaved }: { request: CityRequest; onClose: () => void; onSaved: (r: CityRequest) => void }) {
  const { t } = useTranslation('cases');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const today = todayInBerlin();
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [hours, setHours] = useState(String(request.forecastHours));
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState(yearLater(today));
  const [reason, setReason] = useState('');
  const form = `decide-${request.id}`;
  const apiForm = useApiForm(form, FIELDS, {
    send: () =>
      api('POST /api/specialist-requests/:id/decide', {
        params: { id: request.id },
        body: decision === 'approve' ? { decision, version: request.version, approvedHours: toNumber(hours), approvedFrom: from, approvedUntil: until, reason } : { decision, version: request.version, reason },
      }),
    invalidate: [['city-specialist-requests']],
    onSuccess: onSaved,
  });
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h2 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {t('specialist.city.decideHeading', { pseudonym: request.pseudonym })}
      </h2>
      {apiForm.summary}
      <p className="kern-body">{request.justification}</p>
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <RadioGroup id={apiForm.id('decision')} name={`${form}-decision`} legend={t('specialist.city.decision')} value={decision} horizontal options={[{ value: 'approve', label: t('specialist.city.approve') }, { value: 'reject', label: t('specialist.city.reject') }]} onChange={(v) => setDecision(v === 'reject' ? 'reject' : 'approve')} error={apiForm.field('decision')} />
        {decision === 'approve' ? (
          <>
            <TextField id={apiForm.id('approvedHours')} type="number" inputMode="numeric" min={1} label={t('specialist.city.approvedHours')} value={hours} onChange={(e) => setHours(e.target.value)} error={apiForm.field('approvedHours')} />
            <div className="staff-field-row">
              <TextField id={apiForm.id('approvedFrom')} type="date" label={t('specialist.city.from')} value={from} onChange={(e) => setFrom(e.target.value)} error={apiForm.field('approvedFrom')} />
              <TextField id={apiForm.id('approvedUntil')} type="date" label={t('specialist.city.until')} hint={t('specialist.city.untilHint')} value={until} onChange={(e) => setUntil(e.target.value)} error={apiForm.field('approvedUntil')} />
            </div>
          </>
        ) : null}
        <TextAreaField id={apiForm.id('reason')} label={decision === 'reject' ? t('specialist.city.reason') : t('specialist.city.remark')} value={reason} onChange={(e) => setReason(e.target.value)} error={apiForm.field('reason')} rows={3} />
        <FormActions submit={t('specialist.city.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
