import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralList } from '#contracts/referrals.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { referralsKey } from './referral-state.ts';

const FIELDS = ['personId', 'partnerId', 'purpose', 'followUpOn'] as const;

// i18n-keys: referrals:kind.*
/**
 * Refers a person of the household to a partner of the region for a purpose, with a follow-up date
 * for the worklist. Without a valid consent of the person for that partner the API refuses: the
 * problem's title and field message are shown with its detail (what is missing, what to do) and a
 * link to the consents.
 */
export function ReferralForm({ householdId, list, onClose, onSaved }: { householdId: string; list: ReferralList; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('referrals');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [personId, setPersonId] = useState(list.people[0]?.id ?? '');
  const [partnerId, setPartnerId] = useState(list.partners[0]?.id ?? '');
  const [purpose, setPurpose] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const form = 'referral-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: async () => {
      setMissing(null);
      try {
        return await api('POST /api/households/:id/referrals', { params: { id: householdId }, body: { personId, partnerId, purpose, followUpOn: followUpOn || null } });
      } catch (error) {
        if (error instanceof ProblemError && error.kind === 'consent-missing') setMissing(error.problem.detail ?? null);
        throw error;
      }
    },
    invalidate: [referralsKey(householdId)],
    onSuccess: onSaved,
  });
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {t('form.heading')}
      </h3>
      {apiForm.summary}
      {missing ? (
        <Alert variant="warning" title={t('form.consentMissing')}>
          <p className="kern-body">{missing}</p>
          <p className="kern-body">
            <a className="kern-link" href="#consents">
              {t('form.toConsents')}
            </a>
          </p>
        </Alert>
      ) : null}
      {list.partners.length === 0 ? <p className="kern-body">{t('form.noPartners')}</p> : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField id={apiForm.id('personId')} label={t('form.person')} value={personId} onChange={(e) => setPersonId(e.target.value)} error={apiForm.field('personId')} options={list.people.map((p) => ({ value: p.id, label: p.name }))} />
        <SelectField id={apiForm.id('partnerId')} label={t('form.partner')} value={partnerId} onChange={(e) => setPartnerId(e.target.value)} error={apiForm.field('partnerId')} options={list.partners.map((p) => ({ value: p.id, label: `${p.name} (${t(`kind.${p.kind}`)})` }))} />
        <TextField id={apiForm.id('purpose')} label={t('form.purpose')} hint={t('form.purposeHint')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={apiForm.field('purpose')} autoComplete="off" />
        <TextField id={apiForm.id('followUpOn')} type="date" label={t('form.followUpOn')} optional={t('form.optional')} hint={t('form.followUpHint')} value={followUpOn} onChange={(e) => setFollowUpOn(e.target.value)} error={apiForm.field('followUpOn')} />
        <FormActions submit={t('form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
