import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTINGS, type ServiceEntry, type Setting } from '#contracts/case-work.ts';
import type { CatalogService } from '#contracts/catalog.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, FieldError, RadioGroup, SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { counsellingLanguages, languageName } from '#web/staff/labels.tsx';
import { glanceKey } from './assessment-state.ts';
import type { EntryDefaults } from './entry-defaults.ts';
import { entryChangedMeanwhile, idsWith, partsOf, serviceEntriesKey, type Part } from './entry-state.ts';

export interface EntryChoices {
  /** The catalog's services in force, in picker order (recently used first). */
  services: readonly CatalogService[];
  members: readonly { id: string; name: string; languages: readonly string[] }[];
}

const FIELDS = ['serviceId', 'occurredOn', 'minutes', 'setting', 'counselledIds', 'alongsideIds', 'language', 'interpreter', 'note', 'sensitive'] as const;
const PARTS: readonly Part[] = ['counselled', 'alongside', 'absent'];

// i18n-keys: entries:setting.*, entries:part.*
/**
 * Documents a service given to the household — or, given `entry`, corrects one with the version
 * read (409: their version shown, take it over). A new entry starts from `defaults` (today, the last
 * service, setting and duration, the head counselled in their language), so a usual entry is: pick
 * the service (or keep the last), write the note, save.
 */
export function ServiceEntryForm({ householdId, choices, defaults, entry, onClose, onSaved }: { householdId: string; choices: EntryChoices; defaults: EntryDefaults; entry?: ServiceEntry; onClose: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation('entries');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const memberIds = choices.members.map((m) => m.id);
  const [base, setBase] = useState(entry);
  const [serviceId, setServiceId] = useState(entry?.service.id ?? defaults.serviceId ?? '');
  const [occurredOn, setOccurredOn] = useState(entry?.occurredOn ?? defaults.occurredOn);
  const [minutes, setMinutes] = useState(String(entry?.minutes ?? defaults.minutes));
  const [setting, setSetting] = useState<Setting>(entry?.setting ?? defaults.setting);
  const [parts, setParts] = useState(() => partsOf(memberIds, entry?.counselledIds ?? defaults.counselledIds, entry?.alongsideIds ?? defaults.alongsideIds));
  const [language, setLanguage] = useState(entry?.language ?? defaults.language);
  const [interpreter, setInterpreter] = useState(entry?.interpreter ?? defaults.interpreter);
  const [note, setNote] = useState(entry?.note ?? '');
  const [sensitive, setSensitive] = useState(entry?.sensitive ?? false);
  const [conflict, setConflict] = useState<ServiceEntry | null>(null);
  const form = entry ? `entry-edit-${entry.id}` : 'entry-new';
  const people = { counselledIds: idsWith(parts, 'counselled'), alongsideIds: idsWith(parts, 'alongside') };
  const shared = { minutes: Number(minutes), setting, ...people, language, interpreter, note, sensitive };
  const apiForm = useApiForm(form, FIELDS, {
    send: async () => {
      if (!base) return api('POST /api/households/:id/service-entries', { params: { id: householdId }, body: { serviceId, occurredOn, ...shared } });
      try {
        return await api('PATCH /api/service-entries/:id', { params: { id: base.id }, body: { version: base.version, ...shared } });
      } catch (error) {
        setConflict(entryChangedMeanwhile(error));
        throw error;
      }
    },
    invalidate: [serviceEntriesKey(householdId), glanceKey(householdId)],
    onSuccess: onSaved,
  });
  const takeOver = () => {
    if (!conflict) return;
    setBase(conflict);
    setMinutes(String(conflict.minutes));
    setSetting(conflict.setting);
    setParts(partsOf(memberIds, conflict.counselledIds, conflict.alongsideIds));
    setLanguage(conflict.language);
    setInterpreter(conflict.interpreter);
    setNote(conflict.note);
    setSensitive(conflict.sensitive);
    setConflict(null);
    apiForm.clear();
  };
  const service = choices.services.find((s) => s.id === serviceId);
  const nameOf = (id: string) => choices.members.find((m) => m.id === id)?.name ?? '–';
  const languages = counsellingLanguages(choices.members.flatMap((m) => m.languages));
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {entry ? t('form.editHeading', { service: entry.service.name }) : t('form.heading')}
      </h3>
      {apiForm.summary}
      {conflict ? (
        <Alert variant="warning" role="alert" title={t('form.changedMeanwhile')}>
          <p className="kern-body">
            {t('form.theirVersion', {
              minutes: conflict.minutes,
              setting: t(`setting.${conflict.setting}`),
              people: [...conflict.counselledIds, ...conflict.alongsideIds].map(nameOf).join(', '),
              note: conflict.note || '–',
            })}
          </p>
          <Button variant="secondary" small onClick={takeOver}>
            {t('form.takeOver')}
          </Button>
        </Alert>
      ) : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField
          id={apiForm.id('serviceId')}
          label={t('form.service')}
          hint={entry ? t('form.serviceFixed') : t('form.serviceHint')}
          value={serviceId}
          disabled={Boolean(entry)}
          onChange={(e) => setServiceId(e.target.value)}
          error={apiForm.field('serviceId')}
          options={[...(serviceId ? [] : [{ value: '', label: t('form.chooseService') }]), ...(entry && !service ? [{ value: entry.service.id, label: `${entry.service.code} — ${entry.service.name}` }] : []), ...choices.services.map((s) => ({ value: s.id, label: `${s.code} — ${s.name}` }))]}
        />
        <TextAreaField id={apiForm.id('note')} label={t('form.note')} optional={t('form.optional')} hint={service?.sensitive ? t('form.noteSealedArea') : t('form.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={apiForm.field('note')} rows={3} />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('form.people')}</legend>
          <div className="staff-people">
            {choices.members.map((m) => (
              <RadioGroup
                key={m.id}
                id={`${apiForm.id('people')}-${m.id}`}
                name={`${form}-part-${m.id}`}
                legend={m.name}
                value={parts[m.id] ?? 'absent'}
                horizontal
                options={PARTS.map((p) => ({ value: p, label: t(`part.${p}`) }))}
                onChange={(v) => setParts((now) => ({ ...now, [m.id]: v as Part }))}
              />
            ))}
          </div>
          <p className="kern-hint">{t('form.peopleHint')}</p>
          <FieldError id={apiForm.id('counselledIds')} error={apiForm.field('counselledIds') ?? apiForm.field('alongsideIds')} />
        </fieldset>
        <RadioGroup id={apiForm.id('setting')} name={`${form}-setting`} legend={t('form.setting')} value={setting} horizontal options={SETTINGS.map((s) => ({ value: s, label: t(`setting.${s}`) }))} onChange={(v) => setSetting(v as Setting)} error={apiForm.field('setting')} />
        <div className="staff-field-row">
          <TextField id={apiForm.id('minutes')} type="number" inputMode="numeric" min={1} max={720} step={5} label={t('form.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={apiForm.field('minutes')} />
          <TextField id={apiForm.id('occurredOn')} type="date" label={t('form.occurredOn')} value={occurredOn} disabled={Boolean(entry)} onChange={(e) => setOccurredOn(e.target.value)} error={apiForm.field('occurredOn')} />
        </div>
        <SelectField id={apiForm.id('language')} label={t('form.language')} value={language} onChange={(e) => setLanguage(e.target.value)} error={apiForm.field('language')} options={languages.map((code) => ({ value: code, label: languageName(code, i18n.language) }))} />
        <CheckboxField id={apiForm.id('interpreter')} label={t('form.interpreter')} checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} error={apiForm.field('interpreter')} />
        <CheckboxField id={apiForm.id('sensitive')} label={t('form.sensitive')} checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} error={apiForm.field('sensitive')} />
        <FormActions submit={entry ? t('form.saveCorrection') : t('form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
