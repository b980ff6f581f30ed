import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { HoursException, OfficeDetail, OpeningHoursRule, UpdateOffice } from '#web/staff/types.ts';
import { WEEKDAYS, weekdayName } from '#web/staff/labels.tsx';
import { Section } from '#web/ui/Section.tsx';

interface RuleRow {
  weekday: string;
  opens: string;
  closes: string;
  kind: 'open' | 'walk_in';
}
interface ExceptionRow {
  date: string;
  closed: boolean;
  opens: string;
  closes: string;
  note: string;
}

function knownFields(rules: number, exceptions: number): string[] {
  const fields = ['openingHours', 'exceptions'];
  for (let i = 0; i < rules; i++) fields.push(...['weekday', 'opens', 'closes', 'kind'].map((f) => `openingHours.${i}.${f}`));
  for (let i = 0; i < exceptions; i++) fields.push(...['date', 'closed', 'opens', 'closes', 'note'].map((f) => `exceptions.${i}.${f}`));
  return fields;
}

/** Opening hours per weekday (regular or walk-in) and the exceptions (closed days, other hours); both replace the previous ones. */
export function HoursForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [rules, setRules] = useState<RuleRow[]>(office.openingHours.map((r) => ({ ...r, weekday: String(r.weekday) })));
  const [exceptions, setExceptions] = useState<ExceptionRow[]>(office.exceptions.map((e) => ({ ...e, opens: e.opens ?? '', closes: e.closes ?? '' })));

  const setRule = (index: number, patch: Partial<RuleRow>) => setRules(rules.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const setException = (index: number, patch: Partial<ExceptionRow>) => setExceptions(exceptions.map((e, i) => (i === index ? { ...e, ...patch } : e)));

  const apiForm = useApiForm('office-hours', knownFields(rules.length, exceptions.length), {
    send: async () => {
      const openingHours: OpeningHoursRule[] = rules.map((r) => ({ weekday: Number(r.weekday), opens: r.opens, closes: r.closes, kind: r.kind }));
      const list: HoursException[] = exceptions.map((e) => ({ date: e.date, closed: e.closed, opens: e.closed ? null : e.opens, closes: e.closed ? null : e.closes, note: e.note }));
      const body: UpdateOffice = { openingHours, exceptions: list };
      await api('PATCH /api/offices/:id', { params: { id: office.id }, body });
    },
    invalidate: [['office', office.id], ['scorecard', office.id]],
    onSuccess: () => onClose(true),
  });

  const weekdays = WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d, i18n.language) }));
  const kinds = [
    { value: 'open', label: t('offices.kind.open') },
    { value: 'walk_in', label: t('offices.kind.walk_in') },
  ];

  return (
    <Section id="office-hours-heading" heading={t('offices.editHours')} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form staff-form--wide" noValidate onSubmit={apiForm.onSubmit}>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('offices.hoursLegend')}</legend>
          <ol className="staff-rows">
            {rules.map((rule, i) => (
              <li key={i} className="staff-row">
                <SelectField id={apiForm.id(`openingHours.${i}.weekday`)} label={t('offices.ruleWeekday', { n: i + 1 })} value={rule.weekday} options={weekdays} onChange={(e) => setRule(i, { weekday: e.target.value })} error={apiForm.field(`openingHours.${i}.weekday`)} />
                <TextField id={apiForm.id(`openingHours.${i}.opens`)} type="time" label={t('offices.ruleOpens', { n: i + 1 })} value={rule.opens} onChange={(e) => setRule(i, { opens: e.target.value })} error={apiForm.field(`openingHours.${i}.opens`)} />
                <TextField id={apiForm.id(`openingHours.${i}.closes`)} type="time" label={t('offices.ruleCloses', { n: i + 1 })} value={rule.closes} onChange={(e) => setRule(i, { closes: e.target.value })} error={apiForm.field(`openingHours.${i}.closes`)} />
                <SelectField id={apiForm.id(`openingHours.${i}.kind`)} label={t('offices.ruleKind', { n: i + 1 })} value={rule.kind} options={kinds} onChange={(e) => setRule(i, { kind: e.target.value === 'walk_in' ? 'walk_in' : 'open' })} error={apiForm.field(`openingHours.${i}.kind`)} />
                <Button variant="tertiary" small onClick={() => setRules(rules.filter((_, j) => j !== i))}>
                  {t('offices.removeRule', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" small onClick={() => setRules([...rules, { weekday: '1', opens: '09:00', closes: '12:00', kind: 'open' }])}>
            {t('offices.addRule')}
          </Button>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('offices.exceptionsLegend')}</legend>
          <p className="kern-hint">{t('offices.exceptionsHint')}</p>
          <ol className="staff-rows">
            {exceptions.map((ex, i) => (
              <li key={i} className="staff-row">
                <TextField id={apiForm.id(`exceptions.${i}.date`)} type="date" label={t('offices.exceptionDate', { n: i + 1 })} value={ex.date} onChange={(e) => setException(i, { date: e.target.value })} error={apiForm.field(`exceptions.${i}.date`)} />
                <CheckboxField id={apiForm.id(`exceptions.${i}.closed`)} label={t('offices.exceptionClosed', { n: i + 1 })} checked={ex.closed} onChange={(e) => setException(i, { closed: e.target.checked })} error={apiForm.field(`exceptions.${i}.closed`)} />
                {ex.closed ? null : (
                  <>
                    <TextField id={apiForm.id(`exceptions.${i}.opens`)} type="time" label={t('offices.exceptionOpens', { n: i + 1 })} value={ex.opens} onChange={(e) => setException(i, { opens: e.target.value })} error={apiForm.field(`exceptions.${i}.opens`)} />
                    <TextField id={apiForm.id(`exceptions.${i}.closes`)} type="time" label={t('offices.exceptionCloses', { n: i + 1 })} value={ex.closes} onChange={(e) => setException(i, { closes: e.target.value })} error={apiForm.field(`exceptions.${i}.closes`)} />
                  </>
                )}
                <TextField id={apiForm.id(`exceptions.${i}.note`)} label={t('offices.exceptionNote', { n: i + 1 })} optional={t('common.optional')} value={ex.note} onChange={(e) => setException(i, { note: e.target.value })} error={apiForm.field(`exceptions.${i}.note`)} />
                <Button variant="tertiary" small onClick={() => setExceptions(exceptions.filter((_, j) => j !== i))}>
                  {t('offices.removeException', { n: i + 1 })}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" small onClick={() => setExceptions([...exceptions, { date: '', closed: true, opens: '', closes: '', note: '' }])}>
            {t('offices.addException')}
          </Button>
        </fieldset>
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
