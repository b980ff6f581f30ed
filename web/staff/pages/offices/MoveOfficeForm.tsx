import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '#web/ui/Button.tsx';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { todayInBerlin } from '../../format.ts';
import { useFormErrors } from '../../forms.tsx';
import type { MoveOffice, OfficeDetail, Region } from '../../types.ts';
import { ADDRESS_FIELDS, AddressFields, addressBody, type AddressState } from './OfficeDetailsForm.tsx';

/** The office moves from a date on: the current period ends, a new one with the new address begins; the history stays. */
export function MoveOfficeForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const regions = useQuery({ queryKey: ['regions', 'today'], queryFn: () => api<Region[]>('GET', '/api/regions') });
  const [validFrom, setValidFrom] = useState(todayInBerlin());
  const [regionCode, setRegionCode] = useState(office.region.code);
  const [address, setAddress] = useState<AddressState>({ street: '', houseNumber: '', postcode: '', city: office.address.city, lat: '', lon: '' });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('office-move', ['validFrom', 'regionCode', ...ADDRESS_FIELDS]);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: MoveOffice = { validFrom, ...addressBody(address), ...(regionCode !== office.region.code ? { regionCode } : {}) };
    try {
      const moved = await api<{ id: string }>('POST', `/api/offices/${office.id}/move`, body);
      await client.invalidateQueries({ queryKey: ['offices'] });
      onClose(true);
      await navigate(`/offices/${moved.id}`);
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };

  return (
    <section className="staff-section staff-panel" aria-labelledby="office-move-heading">
      <h2 className="kern-heading-medium" id="office-move-heading" tabIndex={-1} ref={heading}>
        {t('offices.move')}
      </h2>
      <p className="kern-body">{t('offices.moveLead')}</p>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('validFrom')} type="date" label={t('offices.moveFrom')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={errors.field('validFrom')} />
        <AddressFields value={address} onChange={setAddress} errors={errors} />
        <SelectField
          id={errors.id('regionCode')}
          label={t('offices.region')}
          value={regionCode}
          options={(regions.data ?? [office.region]).map((r) => ({ value: r.code, label: r.name }))}
          onChange={(e) => setRegionCode(e.target.value)}
          error={errors.field('regionCode')}
        />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('offices.moveSubmit')}
          </Button>
          <Button variant="tertiary" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
