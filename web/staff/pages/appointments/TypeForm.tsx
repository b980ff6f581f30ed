import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { AppointmentKind, AppointmentType, AppointmentTypeBody } from '../../types.ts';
import { toNumber } from '../offices/OfficeDetailsForm.tsx';
import { parseLanguages } from '../offices/labels.tsx';

const NUMBERS = ['durationMinutes', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'minNoticeMinutes', 'horizonDays', 'webPerDay', 'cancelNoticeMinutes', 'slotStepMinutes'] as const;
type NumberField = (typeof NUMBERS)[number];
const FIELDS = ['kind', 'name', ...NUMBERS, 'languages', 'walkIn', 'active'] as const;
const KINDS: AppointmentKind[] = ['first_consultation', 'follow_up', 'specialist'];

const DEFAULTS: Record<NumberField, string> = { durationMinutes: '60', bufferBeforeMinutes: '0', bufferAfterMinutes: '10', minNoticeMinutes: '120', horizonDays: '28', webPerDay: '', cancelNoticeMinutes: '120', slotStepMinutes: '30' };

/** Create or change an appointment type: duration, buffers, notice, horizon, web quota (the rest kept for staff), walk-in. */
export function TypeForm({ officeId, type, onClose }: { officeId: string; type: AppointmentType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [kind, setKind] = useState<AppointmentKind>(type?.kind ?? 'first_consultation');
  const [name, setName] = useState(type?.name ?? '');
  const [numbers, setNumbers] = useState<Record<NumberField, string>>(
    type ? (Object.fromEntries(NUMBERS.map((n) => [n, type[n] === null ? '' : String(type[n])])) as Record<NumberField, string>) : DEFAULTS,
  );
  const [languages, setLanguages] = useState(type?.languages.join(', ') ?? '');
  const [walkIn, setWalkIn] = useState(type?.walkIn ?? false);
  const [active, setActive] = useState(type?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const errors = useFormErrors(type ? 'type-edit' : 'type-new', FIELDS);
  useEffect(() => {
    if (type) heading.current?.focus();
  }, [type]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
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
    try {
      if (type) await api('PATCH', `/api/appointment-types/${type.id}`, body);
      else await api('POST', `/api/offices/${officeId}/appointment-types`, body);
      errors.clear();
      await client.invalidateQueries({ queryKey: ['setup', officeId] });
      if (type) onClose();
      else {
        setCreated(name);
        setName('');
      }
    } catch (error) {
      setCreated(null);
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const number = (field: NumberField, hint?: string) => (
    <TextField
      id={errors.id(field)}
      inputMode="numeric"
      label={t(`setup.type.${field}`)}
      hint={hint}
      value={numbers[field]}
      onChange={(e) => setNumbers({ ...numbers, [field]: e.target.value })}
      error={errors.field(field)}
    />
  );
  const headingId = type ? 'type-edit-heading' : 'type-new-heading';
  return (
    <section className={`staff-section${type ? ' staff-panel' : ''}`} aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {type ? t('setup.type.editHeading', { name: type.name }) : t('setup.type.createHeading')}
      </h3>
      {created ? <Alert variant="success" role="status" title={t('setup.type.created', { name: created })} /> : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField id={errors.id('kind')} label={t('setup.type.kind')} value={kind} options={KINDS.map((k) => ({ value: k, label: t(`setup.kind.${k}`) }))} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'first_consultation')} error={errors.field('kind')} />
        <TextField id={errors.id('name')} label={t('setup.type.name')} hint={t('setup.type.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} />
        {number('durationMinutes')}
        {number('bufferBeforeMinutes')}
        {number('bufferAfterMinutes')}
        {number('minNoticeMinutes', t('setup.type.minNoticeHint'))}
        {number('horizonDays')}
        {number('webPerDay', t('setup.type.webPerDayHint'))}
        {number('cancelNoticeMinutes')}
        {number('slotStepMinutes')}
        <TextField id={errors.id('languages')} label={t('setup.type.languages')} hint={t('setup.type.languagesHint')} optional={t('common.optional')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={errors.field('languages')} />
        <CheckboxField id={errors.id('walkIn')} label={t('setup.type.walkInLabel')} checked={walkIn} onChange={(e) => setWalkIn(e.target.checked)} error={errors.field('walkIn')} />
        <CheckboxField id={errors.id('active')} label={t('setup.type.activeLabel')} checked={active} onChange={(e) => setActive(e.target.checked)} error={errors.field('active')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {type ? t('common.save') : t('setup.type.create')}
          </Button>
          {type ? (
            <Button variant="tertiary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
