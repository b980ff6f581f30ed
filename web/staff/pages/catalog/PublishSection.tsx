import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogVersion } from '#contracts/catalog.ts';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { formatDate, todayInBerlin } from '#web/staff/format.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { CATALOG_KEY } from './queries.ts';
import { Section } from '#web/ui/Section.tsx';

/** Publishes a draft from a day on, after a confirm step (a published version never changes again). */
export function PublishSection({ version, onPublished }: { version: CatalogVersion; onPublished: (version: CatalogVersion) => void }) {
  const { t, i18n } = useTranslation('catalog');
  const [validFrom, setValidFrom] = useState(todayInBerlin());
  const [confirming, setConfirming] = useState(false);
  const apiForm = useApiForm('catalog-publish', ['validFrom'], {
    send: () => api('POST /api/catalog/versions/:id/publish', { params: { id: version.id }, body: { validFrom } }),
    invalidate: [CATALOG_KEY],
    onSuccess: onPublished,
  });
  return (
    <Section id="catalog-publish-heading" heading={t('publish.heading')}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField
          id={apiForm.id('validFrom')}
          type="date"
          label={t('publish.validFrom')}
          hint={t('publish.validFromHint')}
          value={validFrom}
          onChange={(e) => {
            setValidFrom(e.target.value);
            setConfirming(false);
          }}
          error={apiForm.field('validFrom')}
        />
        {confirming ? (
          <>
            <p className="kern-body" role="status">
              {t('publish.confirm', { number: version.number, date: validFrom ? formatDate(validFrom, i18n.language) : '' })}
            </p>
            <FormActions submit={t('publish.yes')} disabled={apiForm.busy} cancel={t('staff:common.cancel')} onCancel={() => setConfirming(false)} />
          </>
        ) : (
          <div className="staff-actions">
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('publish.start')}
            </Button>
          </div>
        )}
      </form>
    </Section>
  );
}
