import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { StatusMessage } from '#web/ui/StatusMessage.tsx';
import { api } from '#web/staff/api.ts';
import { formatDateTime, toNumber } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';

const KEY = ['specialist-settings'] as const;

/**
 * The city's administration sets the Fachleistung threshold: the hours a request must forecast
 * over the next 12 months (the configured default until it does). With the version read.
 */
export function SpecialistSettingsPage() {
  const { t, i18n } = useTranslation('cases');
  useDocumentTitle(t('specialist.settings.title'));
  const query = useQuery({ queryKey: KEY, queryFn: () => api('GET /api/specialist-settings') });
  const [hours, setHours] = useState('');
  useEffect(() => {
    if (query.data) setHours(String(query.data.thresholdHours));
  }, [query.data]);
  const form = useApiForm('specialist-settings', ['thresholdHours'], {
    send: () => api('PUT /api/specialist-settings', { body: { thresholdHours: toNumber(hours), version: query.data?.version ?? 0 } }),
    invalidate: [KEY],
  });
  return (
    <>
      <PageHeader title={t('specialist.settings.title')} lead={t('specialist.settings.lead', { default: query.data?.defaultHours ?? 35 })} />
      {query.isError ? <Alert variant="danger" role="alert" title={t('staff:errors.loadFailed')} /> : null}
      <StatusMessage message={form.done ? t('specialist.settings.saved', { hours: form.done.thresholdHours }) : null} />
      {query.data ? (
        <section className="staff-section" aria-labelledby="specialist-settings-heading">
          <h2 className="kern-heading-medium" id="specialist-settings-heading">{t('specialist.settings.heading')}</h2>
          <p className="kern-body">{query.data.updatedAt ? t('specialist.settings.since', { at: formatDateTime(query.data.updatedAt, i18n.language) }) : t('specialist.settings.default')}</p>
          {form.summary}
          <form className="staff-form" noValidate onSubmit={form.onSubmit}>
            <TextField id={form.id('thresholdHours')} type="number" inputMode="numeric" min={1} label={t('specialist.settings.thresholdHours')} value={hours} onChange={(e) => setHours(e.target.value)} error={form.field('thresholdHours')} />
            <FormActions submit={t('specialist.settings.submit')} disabled={form.busy} />
          </form>
        </section>
      ) : null}
    </>
  );
}
