import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useRegionsToday } from '#web/staff/queries.ts';
import { todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { CreateServiceAgreement, ServiceAgreement, UpdateServiceAgreement } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

export function CreateAgreementForm() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: ['organisations'], queryFn: () => api('GET /api/organisations'), select: (list) => list.filter((o) => o.kind === 'provider') });
  const regions = useRegionsToday();
  const [providerId, setProviderId] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [reference, setReference] = useState('');
  const [validFrom, setValidFrom] = useState(todayInBerlin());
  const [validTo, setValidTo] = useState('');
  const provider = providerId || providers.data?.[0]?.id || '';
  const region = regionCode || regions.data?.[0]?.code || '';
  const apiForm = useApiForm('agreement-new', ['providerId', 'regionCode', 'reference', 'validFrom', 'validTo'], {
    send: () => {
      const body: CreateServiceAgreement = { providerId: provider, regionCode: region, reference, validFrom, validTo: validTo || null };
      return api('POST /api/service-agreements', { body });
    },
    invalidate: [['service-agreements']],
    onSuccess: () => {
      setReference('');
      setValidTo('');
    },
  });

  return (
    <Section id="agreement-new-heading" heading={t('agreements.createHeading')}>
      {apiForm.succeeded ? <Alert variant="success" role="status" title={t('agreements.created')} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField id={apiForm.id('providerId')} label={t('agreements.provider')} value={provider} onChange={(e) => setProviderId(e.target.value)} options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))} error={apiForm.field('providerId')} />
        <SelectField id={apiForm.id('regionCode')} label={t('agreements.region')} value={region} onChange={(e) => setRegionCode(e.target.value)} options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} error={apiForm.field('regionCode')} />
        <TextField id={apiForm.id('reference')} label={t('agreements.reference')} optional={t('common.optional')} value={reference} onChange={(e) => setReference(e.target.value)} error={apiForm.field('reference')} />
        <TextField id={apiForm.id('validFrom')} type="date" label={t('common.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={apiForm.field('validFrom')} />
        <TextField id={apiForm.id('validTo')} type="date" label={t('common.validTo')} hint={t('agreements.validToHint')} optional={t('common.optional')} value={validTo} onChange={(e) => setValidTo(e.target.value)} error={apiForm.field('validTo')} />
        <FormActions submit={t('agreements.create')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}

export function EditAgreementForm({ agreement, onClose }: { agreement: ServiceAgreement; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [reference, setReference] = useState(agreement.reference);
  const [validTo, setValidTo] = useState(agreement.validTo ?? '');
  const apiForm = useApiForm('agreement-edit', ['reference', 'validTo'], {
    send: () => {
      const body: UpdateServiceAgreement = {};
      if (reference !== agreement.reference) body.reference = reference;
      if ((validTo || null) !== agreement.validTo) body.validTo = validTo || null;
      return api('PATCH /api/service-agreements/:id', { params: { id: agreement.id }, body });
    },
    invalidate: [['service-agreements']],
    onSuccess: () => onClose(true),
  });

  return (
    <Section id="agreement-edit-heading" heading={t('agreements.editHeading', { provider: agreement.provider.name, region: agreement.region.name })} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('reference')} label={t('agreements.reference')} optional={t('common.optional')} value={reference} onChange={(e) => setReference(e.target.value)} error={apiForm.field('reference')} />
        <TextField id={apiForm.id('validTo')} type="date" label={t('common.validTo')} hint={t('agreements.validToHint')} optional={t('common.optional')} value={validTo} onChange={(e) => setValidTo(e.target.value)} error={apiForm.field('validTo')} />
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
