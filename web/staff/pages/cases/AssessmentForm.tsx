import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NEED_LEVELS, type Assessment, type NeedLevel } from '#contracts/assessments.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, RadioGroup, SelectField, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { assessmentsKey, glanceKey } from './assessment-state.ts';

interface Choices {
  people: readonly { id: string; name: string }[];
  areas: readonly { code: string; name: string; sensitive: boolean }[];
}

const FIELDS = ['personId', 'areaCode', 'level', 'assessedOn', 'note', 'sensitive'] as const;

/** The assessment as it is now, when a correction was refused because someone changed it meanwhile. */
function changedMeanwhile(error: unknown): Assessment | null {
  if (!(error instanceof ProblemError) || error.status !== 409) return null;
  const current = (error.problem as { current?: unknown }).current;
  return current && typeof current === 'object' && 'level' in current ? (current as Assessment) : null;
}

/**
 * Assesses a need — of a person or the household, in an area: level, day, note, sensitive — or,
 * given `assessment`, corrects one with the version read (409: their version shown, take it over).
 */
export function AssessmentForm({ householdId, choices, assessment, onClose, onSaved }: { householdId: string; choices: Choices; assessment?: Assessment; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('cases');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [base, setBase] = useState(assessment);
  const [personId, setPersonId] = useState(assessment?.personId ?? '');
  const [areaCode, setAreaCode] = useState(assessment?.areaCode ?? choices.areas[0]?.code ?? '');
  const [level, setLevel] = useState<NeedLevel>(assessment?.level ?? 'medium');
  const [assessedOn, setAssessedOn] = useState(assessment?.assessedOn ?? todayInBerlin());
  const [note, setNote] = useState(assessment?.note ?? '');
  const [sensitive, setSensitive] = useState(assessment?.sensitive ?? false);
  const [conflict, setConflict] = useState<Assessment | null>(null);
  const form = assessment ? `assessment-edit-${assessment.id}` : 'assessment-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: async () => {
      if (!base) return api('POST /api/households/:id/assessments', { params: { id: householdId }, body: { personId: personId || null, areaCode, level, assessedOn, note, sensitive } });
      try {
        return await api('PATCH /api/assessments/:id', { params: { id: base.id }, body: { version: base.version, level, assessedOn, note, sensitive } });
      } catch (error) {
        setConflict(changedMeanwhile(error));
        throw error;
      }
    },
    invalidate: [glanceKey(householdId), assessmentsKey(householdId)],
    onSuccess: onSaved,
  });
  const takeOver = () => {
    if (!conflict) return;
    setBase(conflict);
    setLevel(conflict.level);
    setAssessedOn(conflict.assessedOn);
    setNote(conflict.note);
    setSensitive(conflict.sensitive);
    setConflict(null);
    apiForm.clear();
  };
  const area = choices.areas.find((a) => a.code === areaCode);
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {assessment ? t('needs.form.editHeading', { area: assessment.areaName }) : t('needs.form.heading')}
      </h3>
      {apiForm.summary}
      {conflict ? (
        <Alert variant="warning" title={t('needs.form.changedMeanwhile')}>
          <p className="kern-body">{t('needs.form.theirVersion', { level: t(`needs.level.${conflict.level}`) })}</p>
          <Button variant="secondary" small onClick={takeOver}>
            {t('needs.form.takeOver')}
          </Button>
        </Alert>
      ) : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField
          id={apiForm.id('personId')}
          label={t('needs.form.who')}
          value={personId}
          disabled={Boolean(assessment)}
          onChange={(e) => setPersonId(e.target.value)}
          error={apiForm.field('personId')}
          options={[{ value: '', label: t('needs.householdRow') }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <SelectField id={apiForm.id('areaCode')} label={t('needs.form.area')} value={areaCode} disabled={Boolean(assessment)} onChange={(e) => setAreaCode(e.target.value)} error={apiForm.field('areaCode')} options={choices.areas.map((a) => ({ value: a.code, label: a.name }))} />
        <RadioGroup id={apiForm.id('level')} name={`${form}-level`} legend={t('needs.form.level')} value={level} horizontal options={NEED_LEVELS.map((l) => ({ value: l, label: t(`needs.level.${l}`) }))} onChange={(v) => setLevel(v as NeedLevel)} error={apiForm.field('level')} />
        <TextField id={apiForm.id('assessedOn')} type="date" label={t('needs.form.assessedOn')} value={assessedOn} onChange={(e) => setAssessedOn(e.target.value)} error={apiForm.field('assessedOn')} />
        <TextAreaField id={apiForm.id('note')} label={t('needs.form.note')} optional={t('optional')} hint={area?.sensitive ? t('needs.form.noteSealedArea') : t('needs.form.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={apiForm.field('note')} rows={3} />
        <CheckboxField id={apiForm.id('sensitive')} label={t('needs.form.sensitive')} checked={sensitive} onChange={(e) => setSensitive(e.target.checked)} error={apiForm.field('sensitive')} />
        <FormActions submit={assessment ? t('needs.form.saveCorrection') : t('needs.form.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
