import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { Goal, Plan, PlanView } from '#contracts/plans.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { Section } from '#web/ui/Section.tsx';
import { api } from '#web/staff/api.ts';
import { addDays, formatDate, todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, usePanels } from '#web/staff/forms.tsx';
import { ChangedMeanwhile } from './ChangedMeanwhile.tsx';
import { GoalForm } from './GoalForm.tsx';
import { GoalReviewForm } from './GoalReviewForm.tsx';
import { changedMeanwhile, goalInputOf, planKey, usePlan } from './plan-state.ts';

type Panel = { kind: 'add' | 'dates' } | { kind: 'edit' | 'review'; goalId: string };

/** Creates the plan with its review date, or moves the review date of the plan (with the version read). */
function ReviewDateForm({ householdId, plan, onClose, onSaved }: { householdId: string; plan: Plan | null; onClose?: () => void; onSaved: () => void }) {
  const { t } = useTranslation('plans');
  const [base, setBase] = useState(plan);
  const [reviewOn, setReviewOn] = useState(plan?.reviewOn ?? addDays(todayInBerlin(), 90));
  const [conflict, setConflict] = useState<Plan | null>(null);
  const apiForm = useApiForm(plan ? 'plan-dates' : 'plan-new', ['reviewOn'], {
    send: async () => {
      try {
        return await api('PUT /api/households/:id/plan', { params: { id: householdId }, body: { version: base?.version ?? null, reviewOn, goals: base?.goals.map(goalInputOf) ?? [] } });
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
    setReviewOn(conflict.reviewOn);
    setConflict(null);
    apiForm.clear();
  };
  return (
    <div className="staff-subform">
      {apiForm.summary}
      {conflict ? <ChangedMeanwhile current={conflict} goalId={null} onTakeOver={takeOver} /> : null}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('reviewOn')} type="date" label={t('plan.reviewOn')} hint={t('plan.reviewOnHint')} value={reviewOn} onChange={(e) => setReviewOn(e.target.value)} error={apiForm.field('reviewOn')} />
        <FormActions submit={plan ? t('staff:common.save') : t('plan.create')} disabled={apiForm.busy} {...(onClose ? { cancel: t('staff:common.cancel'), onCancel: onClose } : {})} />
      </form>
    </div>
  );
}

/** One goal: its area, status, responsible, due date and steps; what was found at its review. */
function GoalCard({ goal, today, actions }: { goal: Goal; today: string; actions: ReactNode }) {
  const { t, i18n } = useTranslation('plans');
  const overdue = goal.status === 'open' && goal.dueOn !== null && goal.dueOn < today;
  return (
    <article className="staff-subform" id={`plan-goal-${goal.id}`} aria-labelledby={`plan-goal-${goal.id}-title`}>
      <h3 className="kern-heading-small" id={`plan-goal-${goal.id}-title`}>
        {goal.title}
      </h3>
      <p className="kern-body">
        <Badge variant={goal.status === 'achieved' ? 'success' : goal.status === 'open' ? 'info' : 'warning'}>{t(`status.${goal.status}`)}</Badge> {overdue ? <Badge variant="danger">{t('goal.overdue')}</Badge> : null} {goal.sealed ? <Badge variant="info">{t('goal.sealed')}</Badge> : null}
      </p>
      <dl className="staff-facts">
        <dt>{t('goal.area')}</dt>
        <dd>{goal.areaName}</dd>
        <dt>{t('goal.responsible')}</dt>
        <dd>{goal.responsibleName || '–'}</dd>
        <dt>{t('goal.dueOn')}</dt>
        <dd>{goal.dueOn ? formatDate(goal.dueOn, i18n.language) : '–'}</dd>
        {goal.reviewedOn ? (
          <>
            <dt>{t('goal.reviewedOn')}</dt>
            <dd>{`${formatDate(goal.reviewedOn, i18n.language)}${goal.reviewedBy ? ` · ${goal.reviewedBy.name}` : ''}${goal.reviewNote ? ` — ${goal.reviewNote}` : ''}`}</dd>
          </>
        ) : null}
      </dl>
      {goal.steps.length ? (
        <ul className="kern-list" aria-label={t('goal.stepsOf', { title: goal.title })}>
          {goal.steps.map((s, i) => (
            <li key={i}>{s.done ? t('goal.stepDoneItem', { text: s.text }) : s.text}</li>
          ))}
        </ul>
      ) : null}
      <div className="staff-actions">{actions}</div>
    </article>
  );
}

/**
 * Hilfeplan of the household: goals per integration area agreed with the household, each with its
 * steps, responsible and due date; the plan's review date; a goal reviewed as achieved, partly or
 * not achieved. Buttons follow the plan's permittedActions.
 */
export function PlanSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('plans');
  const query = usePlan(householdId);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  const view: PlanView | undefined = query.data;
  const may = (action: string) => view?.permittedActions.includes(action) ?? false;
  const plan = view?.plan ?? null;
  const today = todayInBerlin();
  const { hash } = useLocation();
  const landed = useRef('');
  // A link from the worklist (#plan, #plan-goal-…) lands on the plan or the goal once it has loaded (once per link, not after each save).
  useEffect(() => {
    if (!view || !hash.startsWith('#plan') || landed.current === hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    landed.current = hash;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [view, hash]);
  return (
    <Section id="plan" heading={t('plan.heading')} lead={t('plan.lead')}>
      {region}
      {query.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {query.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {view && !plan ? (
        <>
          <p className="kern-body">{t('plan.none')}</p>
          {may('plan.edit') ? <ReviewDateForm householdId={householdId} plan={null} onSaved={saved(t('plan.created'))} /> : null}
        </>
      ) : null}
      {view && plan ? (
        <>
          <dl className="staff-facts" aria-label={t('plan.facts')}>
            <dt>{t('plan.reviewOn')}</dt>
            <dd>
              {formatDate(plan.reviewOn, i18n.language)} {plan.reviewOn <= today ? <Badge variant="warning">{t('plan.reviewDue')}</Badge> : null}
            </dd>
            <dt>{t('plan.lastReviewedOn')}</dt>
            <dd>{plan.lastReviewedOn ? formatDate(plan.lastReviewedOn, i18n.language) : '–'}</dd>
            <dt>{t('plan.updatedBy')}</dt>
            <dd>{plan.updatedBy?.name ?? '–'}</dd>
          </dl>
          {may('plan.edit') ? (
            <div className="staff-actions">
              <Button variant="secondary" onClick={() => open({ kind: 'add' })}>
                {t('goal.addHeading')}
              </Button>
              <Button variant="tertiary" onClick={() => open({ kind: 'dates' })}>
                {t('plan.changeReviewOn')}
              </Button>
            </div>
          ) : null}
          {panel?.kind === 'dates' ? <ReviewDateForm householdId={householdId} plan={plan} onClose={close} onSaved={saved(t('plan.saved'))} /> : null}
          {panel?.kind === 'add' ? <GoalForm householdId={householdId} plan={plan} choices={view.choices} onClose={close} onSaved={saved(t('goal.added'))} /> : null}
          {plan.goals.length === 0 ? <p className="kern-body">{t('plan.noGoals')}</p> : null}
          {plan.goals.map((goal) => (
            <div key={goal.id}>
              <GoalCard
                goal={goal}
                today={today}
                actions={
                  <>
                    {may('plan.edit') ? (
                      <Button variant="secondary" small onClick={() => open({ kind: 'edit', goalId: goal.id })}>
                        {t('goal.edit', { title: goal.title })}
                      </Button>
                    ) : null}
                    {may('plan.review') && goal.status === 'open' ? (
                      <Button variant="secondary" small onClick={() => open({ kind: 'review', goalId: goal.id })}>
                        {t('review.open', { title: goal.title })}
                      </Button>
                    ) : null}
                  </>
                }
              />
              {panel?.kind === 'edit' && panel.goalId === goal.id ? <GoalForm householdId={householdId} plan={plan} goal={goal} choices={view.choices} onClose={close} onSaved={saved(t('plan.saved'))} /> : null}
              {panel?.kind === 'review' && panel.goalId === goal.id ? <GoalReviewForm householdId={householdId} plan={plan} goal={goal} onClose={close} onSaved={saved(t('review.saved'))} /> : null}
            </div>
          ))}
        </>
      ) : null}
    </Section>
  );
}
