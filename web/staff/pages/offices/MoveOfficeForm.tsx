import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useRegionsToday } from '#web/staff/queries.ts';
import { todayInBerlin } from '#web/staff/format.ts';
import { useApiForm, useFocusOnOpen } from '#web/staff/forms.tsx';
import type { MoveOffice, OfficeDetail } from '#web/staff/types.ts';
import { ADDRESS_FIELDS, AddressFields, addressBody, type AddressState } from './OfficeDetailsForm.tsx';
import { Section } from '#web/ui/Section.tsx';

/** The office moves from a date on: the current period ends, a new one with the new address begins; the history stays. */
export function MoveOfficeForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const regions = useRegionsToday();
  const [validFrom, setValidFrom] = useState(todayInBerlin());
  const [regionCode, setRegionCode] = useState(office.region.code);
  const [address, setAddress] = useState<AddressState>({ street: '', houseNumber: '', postcode: '', city: office.address.city, lat: '', lon: '' });

  const apiForm = useApiForm('office-move', ['validFrom', 'regionCode', ...ADDRESS_FIELDS], {
    send: async () => {
      const body: MoveOffice = { validFrom, ...addressBody(address), ...(regionCode !== office.region.code ? { regionCode } : {}) };
      return api('POST /api/offices/:id/move', { params: { id: office.id }, body });
    },
    invalidate: [['offices']],
    onSuccess: async (moved) => {
      onClose(true);
      await navigate(`/offices/${moved.id}`);
    },
  });

  return (
    <Section id="office-move-heading" heading={t('offices.move')} lead={t('offices.moveLead')} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('validFrom')} type="date" label={t('offices.moveFrom')} value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={apiForm.field('validFrom')} />
        <AddressFields value={address} onChange={setAddress} errors={apiForm} />
        <SelectField
          id={apiForm.id('regionCode')}
          label={t('offices.region')}
          value={regionCode}
          options={(regions.data ?? [office.region]).map((r) => ({ value: r.code, label: r.name }))}
          onChange={(e) => setRegionCode(e.target.value)}
          error={apiForm.field('regionCode')}
        />
        <FormActions submit={t('offices.moveSubmit')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
