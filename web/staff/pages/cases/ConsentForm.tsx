import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_RECIPIENT_KINDS, type ConsentMethod, type ConsentPurpose, type ConsentRecipientKind } from '#contracts/consents.ts';
import { RadioGroup, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { consentsKey } from './consent-state.ts';

const FIELDS = ['personId', 'purpose', 'recipientKind', 'recipient', 'givenOn', 'method', 'witnessName', 'validUntil'] as const;

// i18n-keys: consents:purpose.*, consents:recipientKind.*, consents:method.*
/**
 * Records what a person of the household agreed to: for which purpose, to whom (a named partner,
 * or the provider receiving a transfer), on which day, how (signed paper, or verbally before a
 * witness, whose name is asked then) and until when (optional). The field messages come from the
 * API's problem.
 */
export function ConsentForm({ householdId, people, onClose, onSaved }: { householdId: string; people: readonly { id: string; name: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('consents');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [personId, setPersonId] = useState(people[0]?.id ?? '');
  const [purpose, setPurpose] = useState<ConsentPurpose>('referral');
  const [recipientKind, setRecipientKind] = useState<ConsentRecipientKind>('partner');
  const [recipient, setRecipient] = useState('');
  const [givenOn, setGivenOn] = useState(todayInBerlin());
  const [method, setMethod] = useState<ConsentMethod>('signed_paper');
  const [witnessName, setWitnessName] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const form = 'consent-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: () =>
      api('POST /api/households/:id/consents', {
        params: { id: householdId },
        body: { personId, purpose, recipientKind, recipient, givenOn, method, witnessName: method === 'verbal_witnessed' ? witnessName : '', validUntil: validUntil || null },
      }),
    invalidate: [consentsKey(householdId)],
    onSuccess: onSaved,
  });
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {t('form.heading')}
      </h3>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField id={apiForm.id('personId')} label={t('form.person')} value={personId} onChange={(e) => setPersonId(e.target.value)} error={apiForm.field('personId')} options={people.map((p) => ({ value: p.id, label: p.name }))} />
        <RadioGroup id={apiForm.id('purpose')} name={`${form}-purpose`} legend={t('form.purpose')} value={purpose} horizontal options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}`) }))} onChange={(v) => setPurpose(v as ConsentPurpose)} error={apiForm.field('purpose')} />
        <RadioGroup id={apiForm.id('recipientKind')} name={`${form}-recipient-kind`} legend={t('form.recipientKind')} value={recipientKind} horizontal options={CONSENT_RECIPIENT_KINDS.map((k) => ({ value: k, label: t(`recipientKind.${k}`) }))} onChange={(v) => setRecipientKind(v as ConsentRecipientKind)} error={apiForm.field('recipientKind')} />
        <TextField id={apiForm.id('recipient')} label={recipientKind === 'partner' ? t('form.recipientPartner') : t('form.recipientProvider')} hint={t('form.recipientHint')} value={recipient} onChange={(e) => setRecipient(e.target.value)} error={apiForm.field('recipient')} autoComplete="off" />
        <RadioGroup id={apiForm.id('method')} name={`${form}-method`} legend={t('form.method')} value={method} horizontal options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`method.${m}`) }))} onChange={(v) => setMethod(v as ConsentMethod)} error={apiForm.field('method')} />
        {method === 'verbal_witnessed' ? <TextField id={apiForm.id('witnessName')} label={t('form.witnessName')} hint={t('form.witnessHint')} value={witnessName} onChange={(e) => setWitnessName(e.target.value)} error={apiForm.field('witnessName')} autoComplete="off" /> : null}
        <div className="staff-field-row">
          <TextField id={apiForm.id('givenOn')} type="date" label={t('form.givenOn')} value={givenOn} onChange={(e) => setGivenOn(e.target.value)} error={apiForm.field('givenOn')} />
          <TextField id={apiForm.id('validUntil')} type="date" label={t('form.validUntil')} optional={t('form.optional')} hint={t('form.validUntilHint')} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} error={apiForm.field('validUntil')} />
        </div>
        <FormActions submit={t('form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
