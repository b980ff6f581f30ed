import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api, ProblemError } from '#web/staff/api.ts';
import { useFormErrors } from '#web/staff/forms.tsx';
import type { Place } from '#web/staff/types.ts';
import { Section } from '#web/ui/Section.tsx';

function PlaceResult({ place }: { place: Place }) {
  const { t } = useTranslation();
  return (
    <Alert variant="success" role="status" title={t('locate.found', { region: place.region.name })}>
      <dl className="staff-facts">
        <dt>{t('locate.region')}</dt>
        <dd>{`${place.region.name} (${place.region.code})`}</dd>
        <dt>{t(`memberKind.${place.member.kind}`)}</dt>
        <dd>{`${place.member.name} (${place.member.code})`}</dd>
        <dt>{t('locate.quarter')}</dt>
        <dd>{place.quarter ? `${place.quarter.name} (${place.quarter.code})` : t('locate.noQuarter')}</dd>
      </dl>
    </Alert>
  );
}

/** Outside the city (404) is an answer, not a failure: said in the result, not in the error summary. */
function useLocate(form: string, fields: readonly string[]) {
  const errors = useFormErrors(form, fields);
  const [place, setPlace] = useState<Place | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const run = async (locate: () => Promise<Place>) => {
    setPlace(null);
    setNotFound(null);
    try {
      setPlace(await locate());
      errors.clear();
    } catch (error) {
      if (error instanceof ProblemError && error.status === 404) {
        errors.clear();
        setNotFound(error.problem.detail ?? error.problem.title);
      } else errors.fail(error);
    }
  };
  return { errors, place, notFound, run };
}

/** Test a point or an address against the imported boundaries and the street directory. */
export function LocateSection() {
  const { t } = useTranslation();
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [street, setStreet] = useState('');
  const [number, setNumber] = useState('');
  const [postcode, setPostcode] = useState('');
  const point = useLocate('locate-point', ['lat', 'lon']);
  const address = useLocate('locate-address', ['street', 'number', 'postcode']);

  const byPoint = (event: FormEvent) => {
    event.preventDefault();
    void point.run(() => api('GET /api/regions/locate', { query: { lat: lat.replace(',', '.'), lon: lon.replace(',', '.') } }));
  };
  const byAddress = (event: FormEvent) => {
    event.preventDefault();
    void address.run(() => api('GET /api/regions/locate-address', { query: { street, number, postcode } }));
  };

  return (
    <Section id="locate-heading" heading={t('locate.heading')} lead={t('locate.lead')}>
      <h3 className="kern-heading-small">{t('locate.pointHeading')}</h3>
      {point.errors.summary}
      {point.place ? <PlaceResult place={point.place} /> : null}
      {point.notFound ? <Alert variant="info" role="status" title={point.notFound} /> : null}
      <form className="staff-form staff-inline-form" noValidate onSubmit={byPoint}>
        <TextField id={point.errors.id('lat')} inputMode="decimal" label={t('offices.lat')} value={lat} onChange={(e) => setLat(e.target.value)} error={point.errors.field('lat')} />
        <TextField id={point.errors.id('lon')} inputMode="decimal" label={t('offices.lon')} value={lon} onChange={(e) => setLon(e.target.value)} error={point.errors.field('lon')} />
        <Button type="submit" variant="secondary">
          {t('locate.pointSubmit')}
        </Button>
      </form>
      <h3 className="kern-heading-small">{t('locate.addressHeading')}</h3>
      {address.errors.summary}
      {address.place ? <PlaceResult place={address.place} /> : null}
      {address.notFound ? <Alert variant="info" role="status" title={address.notFound} /> : null}
      <form className="staff-form staff-inline-form" noValidate onSubmit={byAddress}>
        <TextField id={address.errors.id('street')} label={t('offices.street')} value={street} onChange={(e) => setStreet(e.target.value)} error={address.errors.field('street')} />
        <TextField id={address.errors.id('number')} label={t('offices.houseNumber')} value={number} onChange={(e) => setNumber(e.target.value)} error={address.errors.field('number')} />
        <TextField id={address.errors.id('postcode')} inputMode="numeric" label={t('offices.postcode')} optional={t('common.optional')} value={postcode} onChange={(e) => setPostcode(e.target.value)} error={address.errors.field('postcode')} />
        <Button type="submit" variant="secondary">
          {t('locate.addressSubmit')}
        </Button>
      </form>
    </Section>
  );
}
