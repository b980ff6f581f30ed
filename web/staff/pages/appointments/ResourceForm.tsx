import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { berlinInstant, timeInBerlin, todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import type { Resource, ResourceBody, ResourceUpdate } from '#web/staff/types.ts';
import { parseLanguages, WEEKDAYS, weekdayName } from '#web/staff/labels.tsx';

interface WindowRow {
  weekday: string;
  starts: string;
  ends: string;
}
interface AbsenceRow {
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  note: string;
}

const berlinDateOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** A counsellor (optionally linked to a staff account) or an interpreter: languages, weekly availability, absences. */
/** `organisationId`: the office's provider, whose accounts a counsellor may be linked to (offered to those who may list accounts). */
export function ResourceForm({ officeId, organisationId, resource, onClose }: { officeId: string; organisationId: string | undefined; resource: Resource | null; onClose: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>(resource !== null);
  const { may } = usePermissions();
  const accounts = useQuery({
    queryKey: ['accounts', organisationId],
    queryFn: () => api('GET /api/accounts', { query: { organisationId } }),
    enabled: organisationId !== undefined && may('account.list'),
  });
  const [kind, setKind] = useState<'counsellor' | 'interpreter'>(resource?.kind ?? 'counsellor');
  const [displayName, setDisplayName] = useState(resource?.displayName ?? '');
  const [accountId, setAccountId] = useState(resource?.accountId ?? '');
  const [languages, setLanguages] = useState(resource?.languages.join(', ') ?? 'de');
  const [active, setActive] = useState(resource?.active ?? true);
  const [windows, setWindows] = useState<WindowRow[]>(resource?.availability.map((w) => ({ weekday: String(w.weekday), starts: w.starts, ends: w.ends })) ?? []);
  const [absences, setAbsences] = useState<AbsenceRow[]>(
    resource?.absences.map((a) => ({ fromDate: berlinDateOf(a.startsAt), fromTime: timeInBerlin(a.startsAt), toDate: berlinDateOf(a.endsAt), toTime: timeInBerlin(a.endsAt), note: a.note })) ?? [],
  );
  const known = ['kind', 'displayName', 'accountId', 'languages', 'availability', 'absences', ...windows.flatMap((_, i) => ['weekday', 'starts', 'ends'].map((f) => `availability.${i}.${f}`)), ...absences.flatMap((_, i) => ['startsAt', 'endsAt', 'note'].map((f) => `absences.${i}.${f}`))];
  const setWindow = (i: number, patch: Partial<WindowRow>) => setWindows(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const setAbsence = (i: number, patch: Partial<AbsenceRow>) => setAbsences(absences.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const apiForm = useApiForm(resource ? 'resource-edit' : 'resource-new', known, {
    send: async () => {
      const common = {
        displayName,
        accountId: kind === 'counsellor' && accountId ? accountId : null,
        languages: parseLanguages(languages),
        active,
        availability: windows.map((w) => ({ weekday: Number(w.weekday), starts: w.starts, ends: w.ends })),
        absences: absences.map((a) => ({ startsAt: berlinInstant(a.fromDate, a.fromTime) ?? '', endsAt: berlinInstant(a.toDate, a.toTime) ?? '', note: a.note })),
      };
      if (resource) await api('PATCH /api/appointment-resources/:id', { params: { id: resource.id }, body: common satisfies ResourceUpdate });
      else await api('POST /api/offices/:id/appointment-resources', { params: { id: officeId }, body: { kind, ...common } satisfies ResourceBody });
      return displayName;
    },
    invalidate: [['setup', officeId]],
    onSuccess: () => {
      if (resource) return onClose(true);
      setDisplayName('');
      setAccountId('');
      setWindows([]);
      setAbsences([]);
    },
  });
  const created = resource ? null : apiForm.done;

  const headingId = resource ? 'resource-edit-heading' : 'resource-new-heading';
  const weekdays = WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d, i18n.language) }));
  return (
    <section className={`staff-section${resource ? ' staff-panel' : ''}`} aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {resource ? t('setup.resource.editHeading', { name: resource.displayName }) : t('setup.resource.createHeading')}
      </h3>
      {created ? <Alert variant="success" role="status" title={t('setup.resource.created', { name: created })} /> : null}
      {apiForm.summary}
      <form className="staff-form staff-form--wide" noValidate onSubmit={apiForm.onSubmit}>
        {resource ? null : (
          <SelectField
            id={apiForm.id('kind')}
            label={t('setup.resource.kind')}
            value={kind}
            options={[
              { value: 'counsellor', label: t('setup.resource.counsellor') },
              { value: 'interpreter', label: t('setup.resource.interpreter') },
            ]}
            onChange={(e) => setKind(e.target.value === 'interpreter' ? 'interpreter' : 'counsellor')}
            error={apiForm.field('kind')}
          />
        )}
        <TextField id={apiForm.id('displayName')} label={t('setup.resource.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={apiForm.field('displayName')} />
        {kind === 'counsellor' ? (
          <SelectField
            id={apiForm.id('accountId')}
            label={t('setup.resource.account')}
            hint={t('setup.resource.accountHint')}
            value={accountId}
            options={[{ value: '', label: t('setup.resource.noAccount') }, ...(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName} (${a.email})` }))]}
            onChange={(e) => setAccountId(e.target.value)}
            error={apiForm.field('accountId')}
          />
        ) : null}
        <TextField id={apiForm.id('languages')} label={t('setup.resource.languages')} hint={t('offices.languagesHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={apiForm.field('languages')} />
        <CheckboxField id={apiForm.id('active')} label={t('setup.resource.activeLabel')} checked={active} onChange={(e) => setActive(e.target.checked)} />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('setup.resource.availability')}</legend>
          <ol className="staff-rows">
            {windows.map((w, i) => (
              <li key={i} className="staff-row">
                <SelectField id={apiForm.id(`availability.${i}.weekday`)} label={t('setup.resource.weekday', { n: i + 1 })} value={w.weekday} options={weekdays} onChange={(e) => setWindow(i, { weekday: e.target.value })} error={apiForm.field(`availability.${i}.weekday`)} />
                <TextField id={apiForm.id(`availability.${i}.starts`)} type="time" label={t('setup.resource.starts', { n: i + 1 })} value={w.starts} onChange={(e) => setWindow(i, { starts: e.target.value })} error={apiForm.field(`availability.${i}.starts`)} />
                <TextField id={apiForm.id(`availability.${i}.ends`)} type="time" label={t('setup.resource.ends', { n: i + 1 })} value={w.ends} onChange={(e) => setWindow(i, { ends: e.target.value })} error={apiForm.field(`availability.${i}.ends`)} />
                <Button variant="tertiary" small onClick={() => setWindows(windows.filter((_, j) => j !== i))}>
                  {t('setup.resource.removeWindow', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" small onClick={() => setWindows([...windows, { weekday: '1', starts: '09:00', ends: '12:00' }])}>
            {t('setup.resource.addWindow')}
          </Button>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('setup.resource.absences')}</legend>
          <ol className="staff-rows">
            {absences.map((a, i) => (
              <li key={i} className="staff-row">
                <TextField id={apiForm.id(`absences.${i}.startsAt`)} type="date" label={t('setup.resource.absenceFromDate', { n: i + 1 })} value={a.fromDate} onChange={(e) => setAbsence(i, { fromDate: e.target.value })} error={apiForm.field(`absences.${i}.startsAt`)} />
                <TextField id={`${apiForm.id(`absences.${i}.startsAt`)}-time`} type="time" label={t('setup.resource.absenceFromTime', { n: i + 1 })} value={a.fromTime} onChange={(e) => setAbsence(i, { fromTime: e.target.value })} />
                <TextField id={apiForm.id(`absences.${i}.endsAt`)} type="date" label={t('setup.resource.absenceToDate', { n: i + 1 })} value={a.toDate} onChange={(e) => setAbsence(i, { toDate: e.target.value })} error={apiForm.field(`absences.${i}.endsAt`)} />
                <TextField id={`${apiForm.id(`absences.${i}.endsAt`)}-time`} type="time" label={t('setup.resource.absenceToTime', { n: i + 1 })} value={a.toTime} onChange={(e) => setAbsence(i, { toTime: e.target.value })} />
                <TextField id={apiForm.id(`absences.${i}.note`)} label={t('setup.resource.absenceNote', { n: i + 1 })} optional={t('common.optional')} value={a.note} onChange={(e) => setAbsence(i, { note: e.target.value })} error={apiForm.field(`absences.${i}.note`)} />
                <Button variant="tertiary" small onClick={() => setAbsences(absences.filter((_, j) => j !== i))}>
                  {t('setup.resource.removeAbsence', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" small onClick={() => setAbsences([...absences, { fromDate: todayInBerlin(), fromTime: '00:00', toDate: todayInBerlin(), toTime: '23:59', note: '' }])}>
            {t('setup.resource.addAbsence')}
          </Button>
        </fieldset>
        <FormActions submit={resource ? t('common.save') : t('setup.resource.create')} disabled={apiForm.busy} cancel={resource ? t('common.cancel') : null} onCancel={() => onClose(false)} />
      </form>
    </section>
  );
}
