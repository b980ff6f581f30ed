import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickContact } from '#contracts/case-work.ts';
import { CheckboxField, FieldError, fieldId, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { StatusMessage } from '#web/ui/StatusMessage.tsx';
import { api } from '#web/staff/api.ts';
import { toNumber } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { COUNSELLING_LANGUAGES, languageName } from '#web/staff/labels.tsx';


const FIELDS = ['areaCodes', 'language', 'interpreter', 'countedPersons', 'minutes', 'occurredOn'] as const;
const FORM = 'quick-contact';

export const quickContactsKey = (officeId: string) => ['quick-contacts', officeId] as const;

/**
 * Counts one visitor of the open consultation hours, never named: the areas as large toggles, the
 * language, interpreter, persons, minutes and day. After a count the form starts again for the next
 * visitor (the day kept) and the focus is back on the first area.
 */
export function QuickContactForm({ officeId, areas, today, onCounted }: { officeId: string; areas: readonly { code: string; name: string }[]; today: string; onCounted: (contact: QuickContact) => void }) {
  const { t, i18n } = useTranslation();
  const [areaCodes, setAreaCodes] = useState<string[]>([]);
  const [language, setLanguage] = useState('de');
  const [interpreter, setInterpreter] = useState(false);
  const [persons, setPersons] = useState('1');
  const [minutes, setMinutes] = useState('15');
  const [occurredOn, setOccurredOn] = useState(today);
  const form = useApiForm(FORM, FIELDS, {
    send: () => api('POST /api/offices/:id/quick-contacts', { params: { id: officeId }, body: { areaCodes, language, interpreter, countedPersons: toNumber(persons), minutes: toNumber(minutes), occurredOn } }),
    invalidate: [quickContactsKey(officeId)],
    onSuccess: (contact) => {
      setAreaCodes([]);
      setLanguage('de');
      setInterpreter(false);
      setPersons('1');
      setMinutes('15');
      onCounted(contact);
      document.getElementById(fieldId(FORM, 'areaCodes'))?.focus();
    },
  });
  const nameOf = (code: string) => areas.find((a) => a.code === code)?.name ?? code;
  const toggle = (code: string, on: boolean) => setAreaCodes((now) => (on ? areas.map((a) => a.code).filter((c) => c === code || now.includes(c)) : now.filter((c) => c !== code)));
  const areasId = form.id('areaCodes');
  const areasError = form.field('areaCodes');
  const done = form.done;
  return (
    <>
      <StatusMessage message={done ? t('quickContacts.counted', { areas: done.areaCodes.map(nameOf).join(', '), language: languageName(done.language, i18n.language), persons: done.countedPersons }) : null} />
      {form.summary}
      <form className="staff-form staff-form--wide" noValidate onSubmit={form.onSubmit} aria-labelledby="quick-contact-heading">
        <fieldset className={`kern-fieldset${areasError ? ' kern-fieldset--error' : ''}`} aria-describedby={areasError ? `${areasId}-error` : undefined}>
          <legend className="kern-label">{t('quickContacts.areas')}</legend>
          <p className="kern-hint">{t('quickContacts.areasHint')}</p>
          <div className="staff-toggles">
            {areas.map((a, index) => (
              <CheckboxField
                key={a.code}
                id={index === 0 ? areasId : `${areasId}-${a.code}`}
                name="areaCodes"
                value={a.code}
                label={a.name}
                checked={areaCodes.includes(a.code)}
                onChange={(e) => toggle(a.code, e.target.checked)}
              />
            ))}
          </div>
          <FieldError id={`${areasId}-error`} error={areasError} />
        </fieldset>
        <SelectField id={form.id('language')} label={t('quickContacts.language')} value={language} onChange={(e) => setLanguage(e.target.value)} error={form.field('language')} options={COUNSELLING_LANGUAGES.map((code) => ({ value: code, label: languageName(code, i18n.language) }))} />
        <CheckboxField id={form.id('interpreter')} label={t('quickContacts.interpreter')} checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} error={form.field('interpreter')} />
        <div className="staff-field-row">
          <TextField id={form.id('countedPersons')} type="number" inputMode="numeric" min={1} max={50} label={t('quickContacts.persons')} hint={t('quickContacts.personsHint')} value={persons} onChange={(e) => setPersons(e.target.value)} error={form.field('countedPersons')} />
          <TextField id={form.id('minutes')} type="number" inputMode="numeric" min={1} max={720} step={5} label={t('quickContacts.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={form.field('minutes')} />
          <TextField id={form.id('occurredOn')} type="date" max={today} label={t('quickContacts.occurredOn')} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} error={form.field('occurredOn')} />
        </div>
        <FormActions submit={t('quickContacts.submit')} disabled={form.busy} />
      </form>
    </>
  );
}
