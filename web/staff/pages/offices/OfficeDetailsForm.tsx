import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm, useFocusOnOpen, type useFormErrors } from '#web/staff/forms.tsx';
import type { OfficeDetail, UpdateOffice } from '#web/staff/types.ts';
import { toNumber } from '#web/staff/format.ts';
import { parseLanguages } from '#web/staff/labels.tsx';
import { ServicesFields } from './ServicesSection.tsx';
import { Section } from '#web/ui/Section.tsx';

export const ADDRESS_FIELDS = ['address.street', 'address.houseNumber', 'address.postcode', 'address.city', 'point.lat', 'point.lon'] as const;

export interface AddressState {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  lat: string;
  lon: string;
}

/** Street, number, postcode, city and the point, as used by the edit and the move form. */
export function AddressFields({ value, onChange, errors }: { value: AddressState; onChange: (next: AddressState) => void; errors: ReturnType<typeof useFormErrors> }) {
  const { t } = useTranslation();
  const set = (key: keyof AddressState) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <TextField id={errors.id('address.street')} label={t('offices.street')} value={value.street} onChange={set('street')} error={errors.field('address.street')} />
      <TextField id={errors.id('address.houseNumber')} label={t('offices.houseNumber')} value={value.houseNumber} onChange={set('houseNumber')} error={errors.field('address.houseNumber')} />
      <TextField id={errors.id('address.postcode')} label={t('offices.postcode')} inputMode="numeric" value={value.postcode} onChange={set('postcode')} error={errors.field('address.postcode')} />
      <TextField id={errors.id('address.city')} label={t('offices.city')} value={value.city} onChange={set('city')} error={errors.field('address.city')} />
      <TextField id={errors.id('point.lat')} label={t('offices.lat')} hint={t('offices.pointHint')} inputMode="decimal" value={value.lat} onChange={set('lat')} error={errors.field('point.lat')} />
      <TextField id={errors.id('point.lon')} label={t('offices.lon')} inputMode="decimal" value={value.lon} onChange={set('lon')} error={errors.field('point.lon')} />
    </>
  );
}

export function addressBody(a: AddressState) {
  return { address: { street: a.street, houseNumber: a.houseNumber, postcode: a.postcode, city: a.city }, point: { lat: toNumber(a.lat), lon: toNumber(a.lon) } };
}

const FIELDS = ['name', ...ADDRESS_FIELDS, 'contact.phone', 'contact.email', 'contact.web', 'languages', 'services'] as const;

/** Name, address and point, contact, languages and services of an office. */
export function OfficeDetailsForm({ office, onClose }: { office: OfficeDetail; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const [name, setName] = useState(office.name);
  const [address, setAddress] = useState<AddressState>({ ...office.address, lat: String(office.point.lat), lon: String(office.point.lon) });
  const [contact, setContact] = useState(office.contact);
  const [languages, setLanguages] = useState(office.languages.join(', '));
  const [services, setServices] = useState(office.services);

  const apiForm = useApiForm('office-details', FIELDS, {
    send: async () => {
      const body: UpdateOffice = { name, ...addressBody(address), contact, languages: parseLanguages(languages), services };
      await api('PATCH /api/offices/:id', { params: { id: office.id }, body });
    },
    invalidate: [['office', office.id]],
    onSuccess: () => onClose(true),
  });

  return (
    <Section id="office-details-heading" heading={t('offices.editDetails')} panel headingRef={heading}>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('name')} label={t('offices.name')} value={name} onChange={(e) => setName(e.target.value)} error={apiForm.field('name')} />
        <AddressFields value={address} onChange={setAddress} errors={apiForm} />
        <TextField id={apiForm.id('contact.phone')} type="tel" label={t('offices.phone')} optional={t('common.optional')} value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.target.value })} error={apiForm.field('contact.phone')} />
        <TextField id={apiForm.id('contact.email')} type="email" label={t('offices.email')} optional={t('common.optional')} value={contact.email} onChange={(e) => setContact({ ...contact, email: e.target.value })} error={apiForm.field('contact.email')} />
        <TextField id={apiForm.id('contact.web')} type="url" label={t('offices.web')} optional={t('common.optional')} value={contact.web} onChange={(e) => setContact({ ...contact, web: e.target.value })} error={apiForm.field('contact.web')} />
        <TextField id={apiForm.id('languages')} label={t('offices.languages')} hint={t('offices.languagesHint')} value={languages} onChange={(e) => setLanguages(e.target.value)} error={apiForm.field('languages')} />
        <ServicesFields value={services} onChange={setServices} errors={apiForm} />
        <FormActions submit={t('common.save')} disabled={apiForm.busy} cancel={t('common.cancel')} onCancel={() => onClose(false)} />
      </form>
    </Section>
  );
}
