import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_ACCEPT, LETTER_AUTHORITIES, type LetterAuthority } from '#contracts/letters.ts';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { lettersKey, readAsDataUrl } from './letter-state.ts';

const FIELDS = ['data', 'authority', 'authorityName', 'fileNumber', 'personId', 'receivedOn', 'dueOn'] as const;

// i18n-keys: letters:authority.*
/**
 * Adds a letter: the file (a PDF or photo chosen, or a photo taken with the tablet's camera), who
 * sent it, the file number, whom it concerns, when it came and the due date it sets. The field
 * messages come from the API's problem (wrong type, broken or encrypted PDF, too large).
 */
export function LetterForm({ householdId, people, onClose, onSaved }: { householdId: string; people: readonly { id: string; name: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('letters');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [data, setData] = useState('');
  const [authority, setAuthority] = useState<LetterAuthority>('jobcenter');
  const [authorityName, setAuthorityName] = useState('');
  const [fileNumber, setFileNumber] = useState('');
  const [personId, setPersonId] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayInBerlin());
  const [dueOn, setDueOn] = useState('');
  const form = 'letter-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: () => api('POST /api/households/:id/letters', { params: { id: householdId }, body: { data, authority, authorityName, fileNumber, personId: personId || null, receivedOn, dueOn: dueOn || null } }),
    invalidate: [lettersKey(householdId), ['worklist']],
    onSuccess: onSaved,
  });
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void readAsDataUrl(file).then(setData);
  };
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {t('form.heading')}
      </h3>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('data')} type="file" accept={LETTER_ACCEPT} label={t('form.file')} hint={t('form.fileHint')} onChange={choose} error={apiForm.field('data')} />
        <TextField id={`${form}-camera`} type="file" accept="image/jpeg,image/png" capture="environment" label={t('form.camera')} hint={t('form.cameraHint')} onChange={choose} />
        <div className="staff-field-row">
          <SelectField id={apiForm.id('authority')} label={t('form.authority')} value={authority} onChange={(e) => setAuthority(e.target.value as LetterAuthority)} error={apiForm.field('authority')} options={LETTER_AUTHORITIES.map((a) => ({ value: a, label: t(`authority.${a}`) }))} />
          <TextField id={apiForm.id('authorityName')} label={t('form.authorityName')} {...(authority === 'other' ? {} : { optional: t('form.optional') })} hint={t('form.authorityNameHint')} value={authorityName} onChange={(e) => setAuthorityName(e.target.value)} error={apiForm.field('authorityName')} autoComplete="off" />
        </div>
        <div className="staff-field-row">
          <TextField id={apiForm.id('fileNumber')} label={t('form.fileNumber')} optional={t('form.optional')} value={fileNumber} onChange={(e) => setFileNumber(e.target.value)} error={apiForm.field('fileNumber')} autoComplete="off" />
          <SelectField id={apiForm.id('personId')} label={t('form.person')} value={personId} onChange={(e) => setPersonId(e.target.value)} error={apiForm.field('personId')} options={[{ value: '', label: t('form.wholeHousehold') }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
        </div>
        <div className="staff-field-row">
          <TextField id={apiForm.id('receivedOn')} type="date" label={t('form.receivedOn')} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} error={apiForm.field('receivedOn')} />
          <TextField id={apiForm.id('dueOn')} type="date" label={t('form.dueOn')} optional={t('form.optional')} hint={t('form.dueOnHint')} value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={apiForm.field('dueOn')} />
        </div>
        <FormActions submit={t('form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
