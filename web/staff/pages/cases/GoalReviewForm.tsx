import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_RESULTS, type Goal, type Plan } from '#contracts/plans.ts';
import { RadioGroup, TextAreaField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { ChangedMeanwhile } from './ChangedMeanwhile.tsx';
import { changedMeanwhile, planKey } from './plan-state.ts';

type Result = (typeof GOAL_RESULTS)[number];

/**
 * Reviews one open goal with the household: achieved, partly achieved or not achieved, a note, the
 * day, and the plan's next review date. Sent with the plan's version read (409: their version, take over).
 */
export function GoalReviewForm({ householdId, plan, goal, onClose, onSaved }: { householdId: string; plan: Plan; goal: Goal; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('plans');
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [base, setBase] = useState(plan);
  const [result, setResult] = useState<Result>('achieved');
  const [note, setNote] = useState('');
  const [reviewedOn, setReviewedOn] = useState(todayInBerlin());
  const [nextReviewOn, setNextReviewOn] = useState('');
  const [conflict, setConflict] = useState<Plan | null>(null);
  const form = `plan-review-${goal.id}`;
  const apiForm = useApiForm(form, ['reviewedOn', 'nextReviewOn', 'goals.0.result', 'goals.0.note', 'goals.0.id'], {
    send: async () => {
      try {
        return await api('POST /api/households/:id/plan/review', { params: { id: householdId }, body: { version: base.version, reviewedOn, nextReviewOn: nextReviewOn || null, goals: [{ id: goal.id, result, note }] } });
      } catch (error) {
        setConflict(changedMeanwhile(error));
        throw error;
      }
    },
    invalidate: [planKey(householdId)],
    onSuccess: onSaved,
  });
  const takeOver = () => {
    if (!conflict) return;
    setBase(conflict);
    setConflict(null);
    apiForm.clear();
  };
  const headingId = `${form}-heading`;
  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {t('review.heading', { title: goal.title })}
      </h3>
      {apiForm.summary}
      {conflict ? <ChangedMeanwhile current={conflict} goalId={goal.id} onTakeOver={takeOver} /> : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <RadioGroup
          id={apiForm.id('goals.0.result')}
          name={`${form}-result`}
          legend={t('review.result')}
          value={result}
          options={GOAL_RESULTS.map((r) => ({ value: r, label: t(`status.${r}`) }))}
          onChange={(value) => setResult(value as Result)}
          error={apiForm.field('goals.0.result') ?? apiForm.field('goals.0.id')}
        />
        <TextAreaField id={apiForm.id('goals.0.note')} label={t('review.note')} optional={t('staff:common.optional')} hint={goal.sealed ? t('review.noteSealed') : undefined} value={note} onChange={(e) => setNote(e.target.value)} error={apiForm.field('goals.0.note')} rows={3} />
        <TextField id={apiForm.id('reviewedOn')} type="date" label={t('review.reviewedOn')} value={reviewedOn} onChange={(e) => setReviewedOn(e.target.value)} error={apiForm.field('reviewedOn')} />
        <TextField id={apiForm.id('nextReviewOn')} type="date" label={t('review.nextReviewOn')} hint={t('review.nextReviewHint')} optional={t('staff:common.optional')} value={nextReviewOn} onChange={(e) => setNextReviewOn(e.target.value)} error={apiForm.field('nextReviewOn')} />
        <FormActions submit={t('review.submit')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
