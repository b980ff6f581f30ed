import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal, Plan, PlanView } from '#contracts/plans.ts';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, RadioGroup, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import { ChangedMeanwhile } from './ChangedMeanwhile.tsx';
import { changedMeanwhile, goalInputOf, planKey } from './plan-state.ts';

const FIELDS = ['areaCode', 'title', 'steps', 'responsibleKind', 'responsiblePersonId', 'responsibleAccountId', 'responsibleText', 'dueOn', 'sensitive'];
type Kind = Goal['responsibleKind'];
interface Step { text: string; done: boolean }

function useAreas() {
  const { i18n } = useTranslation();
  const areas = useQuery({ queryKey: ['integration-areas', i18n.language], queryFn: () => api('GET /api/integration-areas'), staleTime: 5 * 60_000 });
  return areas.data ?? [];
}

/** The form's fields of a goal (empty for a new one). */
function fieldsOf(goal: Goal | undefined) {
  return {
    areaCode: goal?.areaCode ?? '',
    title: goal?.title ?? '',
    steps: goal?.steps ?? [],
    kind: goal?.responsibleKind ?? 'person',
    personId: goal?.responsiblePersonId ?? '',
    accountId: goal?.responsibleAccountId ?? '',
    text: goal?.responsibleText ?? '',
    dueOn: goal?.dueOn ?? '',
    sensitive: goal?.sensitive ?? false,
  };
}

/**
 * Adds a goal to the plan or edits one: area, goal, steps, who is responsible (a person of the
 * household, a colleague, or free text such as "Jobcenter"), due date, marked sensitive. Saves the
 * whole plan with the version read; when someone changed it meanwhile, shows their version and lets
 * the user take it over before saving again.
 */
export function GoalForm({ householdId, plan, goal, choices, onClose, onSaved }: { householdId: string; plan: Plan; goal?: Goal; choices: PlanView['choices']; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('plans');
  const areas = useAreas();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [base, setBase] = useState(plan);
  const [f, setF] = useState(() => fieldsOf(goal));
  const [conflict, setConflict] = useState<Plan | null>(null);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const area = f.areaCode || areas[0]?.code || '';
  const form = goal ? `plan-goal-edit-${goal.id}` : 'plan-goal-new';
  const index = goal ? base.goals.findIndex((g) => g.id === goal.id) : base.goals.length;

  const apiForm = useApiForm(form, FIELDS.map((name) => `goals.${index}.${name}`), {
    send: async () => {
      const mine = {
        ...(goal ? { id: goal.id } : {}),
        areaCode: area,
        title: f.title,
        steps: f.steps.filter((s) => s.text.trim()),
        responsibleKind: f.kind,
        responsiblePersonId: f.kind === 'person' ? f.personId || null : null,
        responsibleAccountId: f.kind === 'account' ? f.accountId || null : null,
        responsibleText: f.kind === 'other' ? f.text : '',
        dueOn: f.dueOn || null,
        sensitive: f.sensitive,
      };
      const goals = base.goals.map(goalInputOf);
      if (goal) goals.splice(index, 1, mine);
      else goals.push(mine);
      try {
        return await api('PUT /api/households/:id/plan', { params: { id: householdId }, body: { version: base.version, reviewOn: base.reviewOn, goals } });
      } catch (error) {
        setConflict(changedMeanwhile(error));
        throw error;
      }
    },
    invalidate: [planKey(householdId)],
    onSuccess: onSaved,
  });
  const id = (name: string) => apiForm.id(`goals.${index}.${name}`);
  const error = (name: string) => apiForm.field(`goals.${index}.${name}`);
  const theirs = conflict && goal ? conflict.goals.find((g) => g.id === goal.id) : undefined;
  const takeOver = () => {
    if (!conflict) return;
    setBase(conflict);
    if (goal) setF(fieldsOf(theirs));
    setConflict(null);
    apiForm.clear();
  };
  const setStep = (i: number, patch: Partial<Step>) => set({ steps: f.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const headingId = `${form}-heading`;

  return (
    <section className="staff-section staff-panel" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId} tabIndex={-1} ref={heading}>
        {goal ? t('goal.editHeading', { title: goal.title }) : t('goal.addHeading')}
      </h3>
      {apiForm.summary}
      {conflict ? <ChangedMeanwhile current={conflict} goalId={goal?.id ?? null} onTakeOver={takeOver} /> : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField id={id('areaCode')} label={t('goal.area')} value={area} onChange={(e) => set({ areaCode: e.target.value })} options={areas.map((a) => ({ value: a.code, label: a.name }))} error={error('areaCode')} />
        <TextField id={id('title')} label={t('goal.title')} hint={t('goal.titleHint')} value={f.title} onChange={(e) => set({ title: e.target.value })} error={error('title')} autoComplete="off" />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('goal.steps')}</legend>
          <div className="kern-fieldset__body">
            {f.steps.map((step, i) => (
              <div className="staff-subform" key={i}>
                <TextField id={id(`steps.${i}.text`)} label={t('goal.step', { number: i + 1 })} value={step.text} onChange={(e) => setStep(i, { text: e.target.value })} error={error(`steps.${i}.text`)} autoComplete="off" />
                <CheckboxField id={id(`steps.${i}.done`)} label={t('goal.stepDone')} checked={step.done} onChange={(e) => setStep(i, { done: e.target.checked })} />
                <Button variant="tertiary" small onClick={() => set({ steps: f.steps.filter((_, j) => j !== i) })}>
                  {t('goal.removeStep', { number: i + 1 })}
                </Button>
              </div>
            ))}
            <Button variant="secondary" small onClick={() => set({ steps: [...f.steps, { text: '', done: false }] })}>
              {t('goal.addStep')}
            </Button>
          </div>
        </fieldset>
        <RadioGroup
          id={id('responsibleKind')}
          name={`${form}-responsible`}
          legend={t('goal.responsible')}
          value={f.kind}
          options={(['person', 'account', 'other'] as const).map((k) => ({ value: k, label: t(`responsibleKind.${k}`) }))}
          onChange={(value) => set({ kind: value as Kind })}
          error={error('responsibleKind')}
          horizontal
        />
        {f.kind === 'person' ? (
          <SelectField id={id('responsiblePersonId')} label={t('goal.responsiblePerson')} value={f.personId} onChange={(e) => set({ personId: e.target.value })} options={[{ value: '', label: t('goal.choose') }, ...choices.people.map((p) => ({ value: p.id, label: p.name }))]} error={error('responsiblePersonId')} />
        ) : null}
        {f.kind === 'account' ? (
          <SelectField id={id('responsibleAccountId')} label={t('goal.responsibleAccount')} value={f.accountId} onChange={(e) => set({ accountId: e.target.value })} options={[{ value: '', label: t('goal.choose') }, ...choices.accounts.map((a) => ({ value: a.id, label: a.name }))]} error={error('responsibleAccountId')} />
        ) : null}
        {f.kind === 'other' ? <TextField id={id('responsibleText')} label={t('goal.responsibleText')} hint={t('goal.responsibleTextHint')} value={f.text} onChange={(e) => set({ text: e.target.value })} error={error('responsibleText')} /> : null}
        <TextField id={id('dueOn')} type="date" label={t('goal.dueOn')} optional={t('staff:common.optional')} value={f.dueOn} onChange={(e) => set({ dueOn: e.target.value })} error={error('dueOn')} />
        <CheckboxField id={id('sensitive')} label={t('goal.sensitive')} checked={f.sensitive} onChange={(e) => set({ sensitive: e.target.checked })} error={error('sensitive')} />
        <FormActions submit={goal ? t('staff:common.save') : t('goal.add')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={onClose} />
      </form>
    </section>
  );
}
