import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Badge } from '#web/ui/Badge.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextAreaField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { Section } from '#web/ui/Section.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { formatDate } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { NotFoundPage } from '#web/staff/pages/NotFoundPage.tsx';
import { TransferPackageView } from './TransferPackageView.tsx';

// i18n-keys: transfers:state.*
/**
 * A transfer, from the worklist ("Übergabe aus einer anderen Region") or the household page: who
 * sends it from which region to which, what moved (exactly the package, nothing else of the
 * sender), and — for the receiving provider while it is pending — "Annehmen" (a new household and
 * case file here; the sender's file closes) or "Ablehnen" with a reason.
 */
export function TransferPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('transfers');
  const key = ['transfers', id];
  const query = useQuery({ queryKey: key, queryFn: () => api('GET /api/transfers/:id', { params: { id } }), retry: false });
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const transfer = query.data;
  const title = transfer ? t('page.title', { name: transfer.headName }) : t('page.titlePlain');
  useDocumentTitle(title);
  const accept = useApiForm('transfer-accept', [], {
    send: () => api('POST /api/transfers/:id/accept', { params: { id }, body: { version: transfer?.version ?? 1 } }),
    invalidate: [key, ['worklist']],
  });
  const decline = useApiForm('transfer-decline', ['reason'], {
    send: () => api('POST /api/transfers/:id/decline', { params: { id }, body: { version: transfer?.version ?? 1, reason } }),
    invalidate: [key, ['worklist']],
    onSuccess: () => setDeclining(false),
  });
  if (query.error instanceof ProblemError && query.error.status === 404) return <NotFoundPage />;
  if (query.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  if (!transfer) return <p className="kern-body">{t('staff:loading.title')}</p>;
  const may = (action: string) => transfer.permittedActions.includes(action);
  const date = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10), i18n.language) : '–');
  return (
    <>
      <PageHeader title={title} lead={t('page.lead', { from: transfer.fromProvider.name, fromRegion: transfer.fromRegion.name, to: transfer.toProvider.name, toRegion: transfer.toRegion.name })} />
      <dl className="staff-facts" aria-label={t('page.facts')}>
        <dt>{t('page.state')}</dt>
        <dd>
          <Badge variant={transfer.state === 'accepted' ? 'success' : transfer.state === 'declined' ? 'danger' : 'info'}>{t(`state.${transfer.state}`)}</Badge>
        </dd>
        <dt>{t('page.sentOn')}</dt>
        <dd>{date(transfer.createdAt)}</dd>
        {transfer.decidedAt ? (
          <>
            <dt>{t('page.decidedOn')}</dt>
            <dd>{date(transfer.decidedAt)}</dd>
          </>
        ) : null}
        {transfer.declineReason ? (
          <>
            <dt>{t('page.reason')}</dt>
            <dd>{transfer.declineReason}</dd>
          </>
        ) : null}
      </dl>
      {accept.summary}
      {decline.summary}
      {transfer.receivedHouseholdId ? (
        <Alert variant="success" title={t('page.accepted')}>
          <p className="kern-body">
            <Link className="kern-link" to={`/households/${transfer.receivedHouseholdId}`}>
              {t('page.toHousehold')}
            </Link>
          </p>
        </Alert>
      ) : null}
      {transfer.direction === 'outgoing' && transfer.householdId ? (
        <p className="kern-body">
          <Link className="kern-link" to={`/households/${transfer.householdId}`}>
            {t('page.toOwnHousehold')}
          </Link>
        </p>
      ) : null}
      {may('transfer.accept') || may('transfer.decline') ? (
        <div className="staff-actions">
          {may('transfer.accept') ? (
            <form noValidate onSubmit={accept.onSubmit}>
              <Button variant="primary" type="submit" disabled={accept.busy}>
                {t('page.accept')}
              </Button>
            </form>
          ) : null}
          {may('transfer.decline') && !declining ? (
            <Button variant="secondary" onClick={() => setDeclining(true)}>
              {t('page.decline')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {declining ? (
        <Section id="transfer-decline" heading={t('page.declineHeading')} panel>
          <form className="staff-form" noValidate onSubmit={decline.onSubmit}>
            <TextAreaField id={decline.id('reason')} label={t('page.reason')} hint={t('page.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={decline.field('reason')} />
            <FormActions submit={t('page.declineSubmit')} disabled={decline.busy} cancel={t('staff:common.cancel')} onCancel={() => setDeclining(false)} />
          </form>
        </Section>
      ) : null}
      {transfer.package ? (
        <Section id="transfer-package" heading={t('page.package')} lead={t('page.packageLead')}>
          <TransferPackageView pkg={transfer.package} headingLevel={3} />
        </Section>
      ) : null}
    </>
  );
}
