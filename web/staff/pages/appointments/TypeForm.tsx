import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { AppointmentKind, AppointmentType, AppointmentTypeBody } from '#web/staff/types.ts';
import { toNumber } from '#web/staff/format.ts';
import { parseLanguages } from '#web/staff/labels.tsx';

const NUMBERS = ['durationMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'minNoticeMinutes', 'horizonDays', 'webPerDay', 'cancelNoticeMinutes', 'slotStepMinutes'] as const;
type NumberField = (typeof NUMBERS)[number];
const FIELDS = ['kind', 'name', ...NUMBERS, 'languages', 'walkIn', 'active'] as const;
const KINDS: AppointmentKind[] = ['first_consultation', 'follow_up', 'specialist'];

const DEFAULTS: Record<NumberField, string> = { durationMinutes: '60', bufferBeforeMinutes: '0', bufferAfterMinutes: '10', minNoticeMinutes: '120', horizonDays: '28', webPerDay: '', cancelNoticeMinutes: '120', slotStepMinutes: '30' };

/** Create or change an appointment type: duration, buffers, notice, horizon, web quota (the rest kept for staff), walk-in. */
export function TypeForm({ officeId, type, onClose }: { officeId: string; type: AppointmentType | null; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>(type !== null);
  const [kind, setKind] = useState<AppointmentKind>(type?.kind ?? 'first_consultation');
  const [name, setName] = useState(type?.name ?? '');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(
    type ? (Object.fromEntries(NUMBERS.map((n) => [n, type[n] === null ? '' : String(type[n])])) as Record<NumberField, string>) : DEFAULTS,
  );
  const [languages, setLanguages] = useState(type?.languages.join(', ') ?? '');
  const [walkIn, setWalkIn] = useState(type?.walkIn ?? false);
  const [active, setActive] = useState(type?.active ?? true);
  const apiForm = useApiForm(type ? 'type-edit' : 'type-new', FIELDS, {
    send: async () => {
      const body: AppointmentTypeBody = {
      kind,
      name,
      durationMinutes: toNumber(numbers.durationMinutes),
      bufferBeforeMinutes: toNumber(numbers.bufferBeforeMinutes),
      bufferAfterMinutes: toNumber(numbers.bufferAfterMinutes),
      minNoticeMinutes: toNumber(numbers.minNoticeMinutes),
      horizonDays: toNumber(numbers.horizonDays),
      webPerDay: numbers.webPerDay.trim() === '' ? null : toNumber(numbers.webPerDay),
      cancelNoticeMinutes: toNumber(numbers.cancelNoticeMinutes),
      slotStepMinutes: toNumber(numbers.slotStepMinutes),
      languages: parseLanguages(languages),
      walkIn,
      active,
    };
      if (type) await api('PATCH /api/appointment-types/:id', { params: { id: type.id }, body });
      else await api('POST /api/offices/:id/appointment-types', { params: { id: officeId }, body });
      return name;
    },
    invalidate: [['setup', officeId]],
    onSuccess: () => (type ? onClose(true) : setName('')),
  });
  const created = type ? null : apiForm.done;

  const number = (field: NumberField, hint?: string) => (
    <TextField
      id={apiForm.id(field)}
      inputMode="numeric"
      label={t(`setup.type.${field}`)}
      hint={hint}
      value={numbers[field]}
      onChange={(e) => setNumbers({ ...numbers, [field]: e.target.value })}
      error={apiForm.field(field)}
    />
  );
  const headingId = type ? 'type-edit-heading' : 'type-new-heading';
  return (
    <section className={`staff-section${type ? ' staff-panel' : ''}`} aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {type ? t('setup.type.editHeading', { name: type.name }) : t('setup.type.createHeading')}
      </h3>
      {created ? <Alert variant="success" role="status" title={t('setup.type.created', { name: created })} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField id={apiForm.id('kind')} label={t('setup.type.kind')} value={kind} options={KINDS.map((k) => ({ value: k, label: t(`setup.kind.${k}`) }))} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'first_consultation')} error={apiForm.field('kind')} />
        <TextField id={apiForm.id('name')} label={t('setup.type.name')} hint={t('setup.type.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={apiForm.field('name')} />
        {number('durationMinutes')}
        {number('bufferBeforeMinutes')}
        {number('bufferAfterMinutes')}
        {number('minNoticeMinutes', t('setup.type.minNoticeHint'))}
        {number('horizonDays')}
        {number('webPerDay', t('setup.type.webPerDayHint'))}
        {number('cancelNoticeMinutes')}
        {number('slotStepMinutes')}
        <TextField id={apiForm.id('languages')} label={t('setup.type.languages')} hint={t('setup.type.languagesHint')} optional={t('common.optional')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={apiForm.field('languages')} />
        <CheckboxField id={apiForm.id('walkIn')} label={t('setup.type.walkInLabel')} checked={walkIn} onChange={(e) => setWalkIn(e.target.checked)} error={apiForm.field('walkIn')} />
        <CheckboxField id={apiForm.id('active')} label={t('setup.type.activeLabel')} checked={active} onChange={(e) => setActive(e.target.checked)} error={apiForm.field('active')} />
        <FormActions submit={type ? t('common.save') : t('setup.type.create')} disabled={apiForm.busy} cancel={type ? t('common.cancel') : null} onCancel={() => onClose(false)} />
      </form>
    </section>
  );
}
