import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral, ReferralState } from '#contracts/referrals.ts';
import { RadioGroup, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { Alert } from '#web/ui/Alert.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { referralsKey } from './referral-state.ts';

const FIELDS = ['state', 'followUpOn', 'outcome'] as const;

// i18n-keys: referrals:state.*
/**
 * Moves a referral on (accepted, done, rejected — the steps its state allows), with the follow-up
 * date and the outcome (asked once it is done or rejected), sent with the version read: a change
 * made meanwhile is refused (409): its detail is shown and the list is read again, so the next save
 * builds on the current version.
 */
export function ReferralChangeForm({ householdId, referral, onClose, onSaved }: { householdId: string; referral: Referral; onClose: () => void; onSaved: (r: Referral) => void }) {
  const { t } = useTranslation('referrals');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [state, setState] = useState<ReferralState>(referral.nextStates[0] ?? referral.state);
  const [followUpOn, setFollowUpOn] = useState(referral.followUpOn ?? '');
  const [outcome, setOutcome] = useState(referral.outcome);
  const [conflict, setConflict] = useState<string | null>(null);
  const client = useQueryClient();
  const form = `referral-${referral.id}`;
  const apiForm = useApiForm(form, FIELDS, {
    send: async () => {
      setConflict(null);
      try {
        return await api('PATCH /api/referrals/:id', { params: { id: referral.id }, body: { version: referral.version, state, followUpOn: followUpOn || null, outcome } });
      } catch (error) {
        if (error instanceof ProblemError && error.status === 409) {
          setConflict(error.problem.detail ?? null);
          await client.invalidateQueries({ queryKey: referralsKey(householdId) });
        }
        throw error;
      }
    },
    invalidate: [referralsKey(householdId)],
    onSuccess: onSaved,
  });
  const headingId = `${form}-heading`;
  const states = [referral.state, ...referral.nextStates];
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {t('change.heading', { partner: referral.partner.name, name: referral.personName })}
      </h3>
      {apiForm.summary}
      {conflict ? <Alert variant="warning" title={t('change.conflict')}><p className="kern-body">{conflict}</p></Alert> : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <RadioGroup id={apiForm.id('state')} name={`${form}-state`} legend={t('change.state')} value={state} horizontal options={states.map((s) => ({ value: s, label: t(`state.${s}`) }))} onChange={(v) => setState(v as ReferralState)} error={apiForm.field('state')} />
        <TextField id={apiForm.id('followUpOn')} type="date" label={t('form.followUpOn')} optional={t('form.optional')} value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} error={apiForm.field('followUpOn')} />
        <TextAreaField id={apiForm.id('outcome')} label={t('change.outcome')} hint={t('change.outcomeHint')} optional={state === 'done' || state === 'rejected' ? undefined : t('form.optional')} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={apiForm.field('outcome')} rows={3} />
        <FormActions submit={t('change.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
