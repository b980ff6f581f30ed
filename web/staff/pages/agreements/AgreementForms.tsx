import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { todayInBerlin } from '../../format.ts';
import { useFormErrors } from '../../forms.tsx';
import type { CreateServiceAgreement, Organisation, Region, ServiceAgreement, UpdateServiceAgreement } from '../../types.ts';

export function CreateAgreementForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const providers = useQuery({ queryKey: ['organisations'], queryFn: () => api<Organisation[]>('GET', '/api/organisations'), select: (list) => list.filter((o) => o.kind === 'provider') });
  const regions = useQuery({ queryKey: ['regions', 'today'], queryFn: () => api<Region[]>('GET', '/api/regions') });
  const [providerId, setProviderId] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [reference, setReference] = useState('');
  const [validFrom, setValidFrom] = useState(todayInBerlin());
  const [validTo, setValidTo] = useState('');
  const [created, setCreated] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('agreement-new', ['providerId', 'regionCode', 'reference', 'validFrom', 'validTo']);
  const provider = providerId || providers.data?.[0]?.id || '';
  const region = regionCode || regions.data?.[0]?.code || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: CreateServiceAgreement = { providerId: provider, regionCode: region, reference, validFrom, validTo: validTo || null };
    try {
      await api<ServiceAgreement>('POST', '/api/service-agreements', body);
      errors.clear();
      setCreated(true);
      setReference('');
      setValidTo('');
      await client.invalidateQueries({ queryKey: ['service-agreements'] });
    } catch (error) {
      setCreated(false);
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="agreement-new-heading">
      <h2 className="kern-heading-medium" id="agreement-new-heading">
        {t('agreements.createHeading')}
      </h2>
      {created ? <Alert variant="success" role="status" title={t('agreements.created')} /> : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField id={errors.id('providerId')} label={t('agreements.provider')} value={provider} onChange={(e) => setProviderId(e.target.value)} options={(providers.data ?? []).map((o) => ({ value: o.id, label: o.name }))} error={errors.field('providerId')} />
        <SelectField id={errors.id('regionCode')} label={t('agreements.region')} value={region} onChange={(e) => setRegionCode(e.target.value)} options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))} error={errors.field('regionCode')} />
        <TextField id={errors.id('reference')} label={t('agreements.reference')} optional={t('common.optional')} value={reference} onChange={(e) => setReference(e.target.value)} error={errors.field('reference')} />
        <TextField id={errors.id('validFrom')} type="date" label={t('common.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={errors.field('validFrom')} />
        <TextField id={errors.id('validTo')} type="date" label={t('common.validTo')} hint={t('agreements.validToHint')} optional={t('common.optional')} value={validTo} onChange={(e) => setValidTo(e.target.value)} error={errors.field('validTo')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('agreements.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function EditAgreementForm({ agreement, onClose }: { agreement: ServiceAgreement; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reference, setReference] = useState(agreement.reference);
  const [validTo, setValidTo] = useState(agreement.validTo ?? '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('agreement-edit', ['reference', 'validTo']);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: UpdateServiceAgreement = {};
    if (reference !== agreement.reference) body.reference = reference;
    if ((validTo || null) !== agreement.validTo) body.validTo = validTo || null;
    try {
      await api('PATCH', `/api/service-agreements/${agreement.id}`, body);
      await client.invalidateQueries({ queryKey: ['service-agreements'] });
      onClose();
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };

  return (
    <section className="staff-section staff-panel" aria-labelledby="agreement-edit-heading">
      <h2 className="kern-heading-medium" id="agreement-edit-heading" tabIndex={-1} ref={heading}>
        {t('agreements.editHeading', { provider: agreement.provider.name, region: agreement.region.name })}
      </h2>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('reference')} label={t('agreements.reference')} optional={t('common.optional')} value={reference} onChange={(e) => setReference(e.target.value)} error={errors.field('reference')} />
        <TextField id={errors.id('validTo')} type="date" label={t('common.validTo')} hint={t('agreements.validToHint')} optional={t('common.optional')} value={validTo} onChange={(e) => setValidTo(e.target.value)} error={errors.field('validTo')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('common.save')}
          </Button>
          <Button variant="tertiary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
