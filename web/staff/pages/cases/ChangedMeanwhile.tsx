import { useTranslation } from 'react-i18next';
import type { Plan } from '#contracts/plans.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { formatDate, formatDateTime } from '#web/staff/format.ts';

// i18n-keys: plans:status.*
/**
 * A save refused because someone changed the plan meanwhile (409): who changed it and when, their
 * version of the goal (or that they removed it) and the plan's review date; "take over" makes their
 * version the form's base, so the user's next save builds on it instead of overwriting it.
 */
export function ChangedMeanwhile({ current, goalId, onTakeOver }: { current: Plan; goalId: string | null; onTakeOver: () => void }) {
  const { t, i18n } = useTranslation('plans');
  const goal = goalId ? current.goals.find((g) => g.id === goalId) : undefined;
  return (
    <Alert variant="warning" role="alert" title={t('conflict.title')}>
      <p className="kern-body">{t('conflict.lead', { name: current.updatedBy?.name ?? '–', at: formatDateTime(current.updatedAt, i18n.language) })}</p>
      <dl className="staff-facts" aria-label={t('conflict.theirVersion')}>
        <dt>{t('plan.reviewOn')}</dt>
        <dd>{formatDate(current.reviewOn, i18n.language)}</dd>
        {goalId && !goal ? (
          <>
            <dt>{t('conflict.goal')}</dt>
            <dd>{t('conflict.removed')}</dd>
          </>
        ) : null}
        {goal ? (
          <>
            <dt>{t('goal.title')}</dt>
            <dd>{goal.title}</dd>
            <dt>{t('goal.area')}</dt>
            <dd>{goal.areaName}</dd>
            <dt>{t('goal.responsible')}</dt>
            <dd>{goal.responsibleName || '–'}</dd>
            <dt>{t('goal.dueOn')}</dt>
            <dd>{goal.dueOn ? formatDate(goal.dueOn, i18n.language) : '–'}</dd>
            <dt>{t('goal.steps')}</dt>
            <dd>{goal.steps.map((s) => s.text).join('; ') || '–'}</dd>
            <dt>{t('goal.status')}</dt>
            <dd>{t(`status.${goal.status}`)}</dd>
          </>
        ) : null}
        {!goalId ? (
          <>
            <dt>{t('conflict.goals')}</dt>
            <dd>{current.goals.map((g) => g.title).join('; ') || '–'}</dd>
          </>
        ) : null}
      </dl>
      <Button variant="secondary" onClick={onTakeOver}>
        {t('conflict.takeOver')}
      </Button>
    </Alert>
  );
}
