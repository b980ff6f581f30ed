import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TransferPreview } from '#contracts/transfers.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { Section } from '#web/ui/Section.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { usePermissions } from '#web/staff/permissions.ts';
import { TransferPackageView } from './TransferPackageView.tsx';

const FIELDS = ['regionCode'] as const;

/** What stays with this provider, as one list of counts. */
function StaysList({ stays }: { stays: TransferPreview['stays'] }) {
  const { t } = useTranslation('transfers');
  const items = [
    stays.address ? t('stays.address') : null,
    t('stays.serviceEntries', { count: stays.serviceEntries }),
    t('stays.assessments', { count: stays.assessments }),
    t('stays.letters', { count: stays.letters }),
    t('stays.referrals', { count: stays.referrals }),
    t('stays.sensitiveGoals', { count: stays.sensitiveGoals }),
    t('stays.closedGoals', { count: stays.closedGoals }),
    t('stays.otherConsents', { count: stays.otherConsents }),
    t('stays.notes'),
  ].filter((x): x is string => x !== null);
  return (
    <ul className="kern-list">
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  );
}

/**
 * "Umzug in eine andere Region": the social worker chooses the region the household moves to and
 * sees the provider holding it, what moves and what stays, and whose consent is missing; "Übergabe
 * senden" starts the transfer (refused by the API without every person's consent). While one is
 * under way, a link to it.
 */
export function TransferSection({ householdId }: { householdId: string }) {
  const { t } = useTranslation('transfers');
  const readable = usePermissions().may('transfer.read');
  const [regionCode, setRegionCode] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const key = ['households', householdId, 'transfer-preview', regionCode];
  const query = useQuery({ queryKey: key, queryFn: () => api('GET /api/households/:id/transfer-preview', { params: { id: householdId }, query: regionCode ? { regionCode } : {} }), enabled: readable });
  const form = 'transfer-new';
  const apiForm = useApiForm(form, FIELDS, {
    send: async () => {
      setMissing(null);
      try {
        return await api('POST /api/households/:id/transfers', { params: { id: householdId }, body: { regionCode } });
      } catch (error) {
        if (error instanceof ProblemError && error.kind === 'consent-missing') setMissing(error.problem.detail ?? null);
        throw error;
      }
    },
    invalidate: [['households', householdId]],
  });
  if (!readable) return null;
  if (query.isError) return <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} />;
  const preview = query.data;
  if (!preview) return null;
  const sent = apiForm.done;
  const pending = sent?.id ?? preview.pendingTransferId;
  return (
    <Section id="transfer" heading={t('section.heading')} lead={t('section.lead')}>
      {pending ? (
        <Alert variant={sent ? 'success' : 'info'} title={sent ? t('section.sent', { provider: sent.toProvider.name }) : t('section.pending')}>
          <p className="kern-body">
            <Link className="kern-link" to={`/transfers/${pending}`}>
              {t('section.toTransfer')}
            </Link>
          </p>
        </Alert>
      ) : preview.permittedActions.includes('transfer.start') ? (
        <>
          {apiForm.summary}
          {missing ? (
            <Alert variant="warning" title={t('section.consentMissing')}>
              <p className="kern-body">{missing}</p>
              <p className="kern-body">
                <a className="kern-link" href="#consents">
                  {t('section.toConsents')}
                </a>
              </p>
            </Alert>
          ) : null}
          <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
            <SelectField
              id={apiForm.id('regionCode')}
              label={t('section.region')}
              hint={t('section.regionHint')}
              value={regionCode}
              onChange={(e) => {
                setRegionCode(e.target.value);
                setMissing(null);
                apiForm.clear();
              }}
              error={apiForm.field('regionCode')}
              options={[{ value: '', label: t('section.chooseRegion') }, ...preview.regions.map((r) => ({ value: r.code, label: t('section.regionOption', { region: r.name, provider: r.provider.name }) }))]}
            />
            {preview.moves && preview.receivingProvider ? (
              <>
                {preview.missingConsents.length ? (
                  <Alert variant="warning" title={t('section.missingTitle', { provider: preview.receivingProvider.name })}>
                    <ul className="kern-list">
                      {preview.missingConsents.map((m) => (
                        <li key={m.personId}>{t(`gap.${m.gap}`, { person: m.personName })}</li>
                      ))}
                    </ul>
                  </Alert>
                ) : (
                  <Alert variant="success" title={t('section.covered', { provider: preview.receivingProvider.name })} />
                )}
                <h3 className="kern-heading-small">{t('section.moves', { provider: preview.receivingProvider.name })}</h3>
                <TransferPackageView pkg={preview.moves} headingLevel={4} />
                <h3 className="kern-heading-small">{t('section.stays')}</h3>
                <StaysList stays={preview.stays} />
                <FormActions submit={t('section.send')} disabled={apiForm.busy} />
              </>
            ) : null}
          </form>
        </>
      ) : (
        <p className="kern-body">{t('section.notPossible')}</p>
      )}
    </Section>
  );
}
