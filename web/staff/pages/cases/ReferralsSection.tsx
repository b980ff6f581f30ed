import { useTranslation } from 'react-i18next';
import type { Referral, ReferralState } from '#contracts/referrals.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge, type BadgeVariant } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { Section } from '#web/ui/Section.tsx';
import { Table } from '#web/ui/Table.tsx';
import { formatDate } from '#web/staff/format.ts';
import { usePanels } from '#web/staff/forms.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { ReferralChangeForm } from './ReferralChangeForm.tsx';
import { ReferralForm } from './ReferralForm.tsx';
import { useReferrals } from './referral-state.ts';

type Panel = { kind: 'add' } | { kind: 'change'; id: string };
const STATE_BADGE: Record<ReferralState, BadgeVariant> = { sent: 'info', accepted: 'success', done: 'success', rejected: 'danger' };

// i18n-keys: referrals:state.*, referrals:kind.*
/**
 * The household's referrals (Vermittlungen) to partners: who, to whom, what for, the state with its
 * follow-up date (on the worklist while open) and the outcome. "Vermitteln" opens the form (refused
 * by the API without a valid consent of the person for that partner); "Stand ändern" moves one on.
 * Buttons follow the list's permittedActions for this household.
 */
export function ReferralsSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation('referrals');
  const readable = usePermissions().may('referral.read');
  const query = useReferrals(householdId, readable);
  const { panel, open, close, saved, region } = usePanels<Panel>();
  if (!readable) return null;
  if (query.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  if (!query.data) return null;
  const list = query.data;
  const may = (action: string) => list.permittedActions.includes(action);
  const changing = panel?.kind === 'change' ? list.referrals.find((r) => r.id === panel.id) : undefined;
  return (
    <Section id="referrals" heading={t('heading')} lead={t('lead')}>
      {region}
      {may('referral.create') ? (
        <div className="staff-actions">
          <Button variant="primary" onClick={() => open({ kind: 'add' })}>
            {t('form.open')}
          </Button>
        </div>
      ) : null}
      {panel?.kind === 'add' ? <ReferralForm householdId={householdId} list={list} onClose={close} onSaved={saved(t('form.saved'))} /> : null}
      {changing ? <ReferralChangeForm key={changing.id} householdId={householdId} referral={changing} onClose={close} onSaved={(r) => saved(t('change.saved', { partner: r.partner.name, state: t(`state.${r.state}`) }))()} /> : null}
      <Table<Referral>
        caption={t('list.caption')}
        rows={list.referrals}
        rowKey={(r) => r.id}
        empty={t('list.none')}
        columns={[
          {
            key: 'partner',
            header: t('list.partner'),
            rowHeader: true,
            cell: (r) => (
              <span id={`referral-${r.id}`}>
                {r.partner.name}
                <br />
                <small>{t(`kind.${r.partner.kind}`)}</small>
              </span>
            ),
          },
          { key: 'person', header: t('list.person'), cell: (r) => r.personName },
          { key: 'purpose', header: t('list.purpose'), cell: (r) => r.purpose },
          {
            key: 'state',
            header: t('list.state'),
            cell: (r) => (
              <>
                <Badge variant={STATE_BADGE[r.state]}>{t(`state.${r.state}`)}</Badge>
                <br />
                {t('list.sentOn', { date: formatDate(r.sentOn, i18n.language) })}
              </>
            ),
          },
          { key: 'followUp', header: t('list.followUp'), cell: (r) => (r.followUpOn && r.nextStates.length ? formatDate(r.followUpOn, i18n.language) : '–') },
          { key: 'outcome', header: t('list.outcome'), cell: (r) => r.outcome || '–' },
          {
            key: 'actions',
            header: t('list.actions'),
            cell: (r) =>
              may('referral.update') && r.nextStates.length ? (
                <Button variant="tertiary" small onClick={() => open({ kind: 'change', id: r.id })}>
                  {t('change.open', { partner: r.partner.name })}
                </Button>
              ) : null,
          },
        ]}
      />
    </Section>
  );
}
