import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorklistItem } from '#contracts/plans.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { RadioGroup, SelectField } from '#web/ui/Field.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { usePermissions } from '#web/staff/permissions.ts';

// i18n-keys: plans:worklist.kind.*
/**
 * What is due in the staff member's case files: goals due and overdue, plan reviews, residence
 * permits expiring, Grundleistung years closing, dormant cases — each linking to the household page
 * where it is dealt with. A team lead (worklist.read-team) may switch to the team's, and to one colleague's.
 */
export function WorklistSection() {
  const { t, i18n } = useTranslation('plans');
  const { may } = usePermissions();
  const team = may('worklist.read-team');
  const [scope, setScope] = useState<'mine' | 'team'>('mine');
  const [accountId, setAccountId] = useState('');
  const mine = useQuery({ queryKey: ['worklist', 'mine'], queryFn: () => api('GET /api/worklist'), enabled: scope === 'mine' });
  const all = useQuery({ queryKey: ['worklist', 'team'], queryFn: () => api('GET /api/worklist/team'), enabled: scope === 'team' });
  const shown = scope === 'mine' ? mine : all;
  const colleagues = [...new Map((all.data?.items ?? []).flatMap((i) => i.assignees).map((a) => [a.id, a])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const items = (shown.data?.items ?? []).filter((i) => scope === 'mine' || !accountId || i.assignees.some((a) => a.id === accountId));
  const today = shown.data?.today ?? '';
  return (
    <Section id="home-worklist" heading={t('worklist.heading')} lead={t('worklist.lead')}>
      {team ? (
        <div className="staff-form">
          <RadioGroup
            id="worklist-scope"
            name="worklist-scope"
            legend={t('worklist.scope')}
            value={scope}
            options={[{ value: 'mine', label: t('worklist.mine') }, { value: 'team', label: t('worklist.team') }]}
            onChange={(value) => setScope(value === 'team' ? 'team' : 'mine')}
            horizontal
          />
          {scope === 'team' ? (
            <SelectField id="worklist-colleague" label={t('worklist.colleague')} value={accountId} onChange={(e) => setAccountId(e.target.value)} options={[{ value: '', label: t('worklist.everyone') }, ...colleagues.map((a) => ({ value: a.id, label: a.name }))]} />
          ) : null}
        </div>
      ) : null}
      {shown.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      {shown.isPending ? <p className="kern-body">{t('staff:loading.title')}</p> : null}
      {shown.data ? (
        <Table<WorklistItem>
          caption={scope === 'mine' ? t('worklist.captionMine') : t('worklist.captionTeam')}
          rows={items}
          rowKey={(i) => `${i.kind}:${i.link}:${i.date}`}
          empty={t('worklist.empty')}
          columns={[
            {
              key: 'what',
              header: t('worklist.what'),
              rowHeader: true,
              cell: (i) => (
                <>
                  <Link className="kern-link" to={i.link}>
                    {t(`worklist.kind.${i.kind}`)}
                  </Link>
                  {i.subject ? <>: {i.kind === 'letter_due' || i.kind === 'letter_overdue' ? t(`letters:authority.${i.subject}`, { defaultValue: i.subject }) : i.subject}</> : null}
                </>
              ),
            },
            { key: 'household', header: t('worklist.household'), cell: (i) => i.household.name || '–' },
            {
              key: 'date',
              header: t('worklist.date'),
              cell: (i) => (
                <>
                  {formatDate(i.date, i18n.language)} {i.date < today && i.kind !== 'case_dormant' ? <Badge variant="danger">{t('worklist.overdue')}</Badge> : null}
                </>
              ),
            },
            ...(scope === 'team' ? [{ key: 'assignees', header: t('worklist.assignees'), cell: (i: WorklistItem) => i.assignees.map((a) => a.name).join(', ') || '–' }] : []),
          ]}
        />
      ) : null}
    </Section>
  );
}
