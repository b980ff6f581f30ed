import { useTranslation } from 'react-i18next';
import type { OfficeDetail, TriState } from '#contracts/offices.ts';
import { Name, type PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { BackLink, ButtonLink } from '../forms.tsx';
import { formatClock, formatDay, formatNumber, languageName } from './format.ts';
import { OfficeAddress } from './OfficeCard.tsx';
import { bookPath, officePath, officesPath } from './paths.ts';

// i18n-keys: booking:office.holidays.*

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Tri({ value }: { value: TriState }) {
  const { t } = useTranslation('booking');
  return <>{t(`office.tri.${value}`)}</>;
}

function Hours({ lang, office }: { lang: PublicLocale; office: OfficeDetail }) {
  const { t } = useTranslation('booking');
  const week = office.nextDays.slice(0, 7);
  return (
    <table className="kern-table hours-table">
      <caption className="kern-sr-only">{t('office.hours.caption')}</caption>
      <thead className="kern-table__head">
        <tr className="kern-table__row">
          <th scope="col" className="kern-table__header">
            {t('office.hours.day')}
          </th>
          <th scope="col" className="kern-table__header">
            {t('office.hours.times')}
          </th>
        </tr>
      </thead>
      <tbody className="kern-table__body">
        {week.map((day) => (
          <tr className="kern-table__row" key={day.date}>
            <th scope="row" className="kern-table__header">
              {formatDay(lang, day.date)}
            </th>
            <td className="kern-table__cell">
              {day.intervals.length === 0 ? (
                <span>{t('office.hours.closed')}</span>
              ) : (
                <ul className="plain-list">
                  {day.intervals.map((i) => (
                    <li key={`${i.opens}-${i.kind}`}>
                      <bdi dir="ltr">{`${formatClock(lang, i.opens)}–${formatClock(lang, i.closes)}`}</bdi>{' '}
                      {i.kind === 'walk_in' ? t('office.hours.walkIn') : t('office.hours.byAppointment')}
                    </li>
                  ))}
                </ul>
              )}
              {day.holiday && <p className="hours-note">{t(`office.holidays.${day.holiday}`)}</p>}
              {day.source === 'exception' && day.note && (
                <p className="hours-note">
                  <Name>{day.note}</Name>
                </p>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Accessibility({ lang, office }: { lang: PublicLocale; office: OfficeDetail }) {
  const { t } = useTranslation('booking');
  const a = office.accessibility;
  const entrance = a.entrances.find((e) => e.isMainEntrance) ?? a.entrances[0];
  const unknown = t('office.tri.unknown');
  return (
    <dl className="facts-list">
      <Fact label={t('office.a11y.steps')}>
        {entrance?.stepCount === null || entrance?.stepCount === undefined ? unknown : entrance.stepCount === 0 ? t('office.a11y.noSteps') : t('office.a11y.stepCount', { count: entrance.stepCount })}
      </Fact>
      <Fact label={t('office.a11y.ramp')}>
        <Tri value={entrance?.ramp ?? 'unknown'} />
      </Fact>
      <Fact label={t('office.a11y.automaticDoor')}>
        <Tri value={entrance?.automaticDoor ?? 'unknown'} />
      </Fact>
      <Fact label={t('office.a11y.doorWidth')}>{entrance?.doorWidthCm ? t('office.a11y.centimetres', { value: formatNumber(lang, entrance.doorWidthCm) }) : unknown}</Fact>
      <Fact label={t('office.a11y.floor')}>{a.floor === null ? unknown : a.floor === 0 ? t('office.a11y.groundFloor') : t('office.a11y.floorNumber', { floor: formatNumber(lang, a.floor) })}</Fact>
      <Fact label={t('office.a11y.elevator')}>
        <Tri value={a.elevator.exists} />
        {a.elevator.exists === 'yes' && (
          <>
            {' – '}
            {t('office.a11y.elevatorWorking')} <Tri value={a.elevator.working} />
          </>
        )}
      </Fact>
      <Fact label={t('office.a11y.toilet')}>
        <Tri value={a.accessibleToilet} />
      </Fact>
      <Fact label={t('office.a11y.signage')}>
        <Tri value={a.signage.atEntrance} />
      </Fact>
      <Fact label={t('office.a11y.pictograms')}>
        <Tri value={a.signage.pictograms} />
      </Fact>
      <Fact label={t('office.a11y.hearingLoop')}>
        <Tri value={a.hearingLoop} />
      </Fact>
      <Fact label={t('office.a11y.quietRoom')}>
        <Tri value={a.quietRoom} />
      </Fact>
    </dl>
  );
}

/** A catalog entry (service block, integration area) with its labels per language. */
export interface CatalogEntry {
  code: string;
  names: Record<string, string>;
}
export interface OfficeCatalog {
  blocks: CatalogEntry[];
  areas: CatalogEntry[];
}

/** A catalog label in the page language; German (marked as such) where the city keeps none. */
function CatalogLabel({ lang, entry }: { lang: PublicLocale; entry: CatalogEntry }) {
  const own = entry.names[lang];
  if (own) return <>{own}</>;
  return <Name>{entry.names['de'] ?? entry.code}</Name>;
}

function ServiceList({ lang, codes, entries, labelledBy }: { lang: PublicLocale; codes: string[]; entries: CatalogEntry[]; labelledBy: string }) {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  return (
    <ul className="name-list" aria-labelledby={labelledBy}>
      {codes.map((code) => (
        <li key={code}>
          <CatalogLabel lang={lang} entry={byCode.get(code) ?? { code, names: {} }} />
        </li>
      ))}
    </ul>
  );
}

function Services({ lang, office, catalog }: { lang: PublicLocale; office: OfficeDetail; catalog: OfficeCatalog }) {
  const { t } = useTranslation('booking');
  const { blocks, areas } = office.services;
  if (blocks.length === 0 && areas.length === 0) return <p>{t('office.services.none')}</p>;
  return (
    <>
      {blocks.length > 0 && (
        <>
          <h3 className="kern-heading-small" id="services-blocks">
            {t('office.services.blocks')}
          </h3>
          <ServiceList lang={lang} codes={blocks} entries={catalog.blocks} labelledBy="services-blocks" />
        </>
      )}
      {areas.length > 0 && (
        <>
          <h3 className="kern-heading-small" id="services-areas">
            {t('office.services.areas')}
          </h3>
          <ServiceList lang={lang} codes={areas} entries={catalog.areas} labelledBy="services-areas" />
        </>
      )}
    </>
  );
}

/** One office: address, directions by public transport, this week's hours, languages, services, accessibility, contact. */
export function OfficePage({ lang, office, catalog }: { lang: PublicLocale; office: OfficeDetail; catalog: OfficeCatalog }) {
  const { t } = useTranslation('booking');
  const c = office.contact;
  return (
    <Layout lang={lang} page="start" title={office.name} paths={(l) => officePath(l, office.id)}>
      <BackLink href={officesPath(lang)} />
      <h1 className="kern-heading-x-large">
        <Name>{office.name}</Name>
      </h1>
      <dl className="facts-list">
        <Fact label={t('offices.regionLabel')}>
          <Name>{office.region.name}</Name>
        </Fact>
        <Fact label={t('offices.providerLabel')}>
          <Name>{office.provider.name}</Name>
        </Fact>
      </dl>
      <p>
        <ButtonLink href={bookPath(lang, office.id)}>{t('office.book')}</ButtonLink>
      </p>

      <section aria-labelledby="address">
        <h2 className="kern-heading-medium" id="address">
          {t('office.address')}
        </h2>
        <OfficeAddress office={office} />
      </section>

      <section aria-labelledby="directions">
        <h2 className="kern-heading-medium" id="directions">
          {t('office.directions.title')}
        </h2>
        {office.nearestStops.length === 0 ? (
          <p>{t('office.directions.none')}</p>
        ) : (
          <ul className="stop-list">
            {office.nearestStops.map((s) => (
              <li key={s.stopId}>
                <Name>{s.name}</Name>
                {s.lines.length > 0 && (
                  <>
                    {' – '}
                    {t('office.directions.lines', { count: s.lines.length })} <bdi dir="ltr">{s.lines.join(', ')}</bdi>
                  </>
                )}
                <br />
                {t('office.directions.walk', { minutes: Math.max(1, Math.round(s.walkingMinutes)), metres: formatNumber(lang, Math.round(s.walkingMetres)) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="hours">
        <h2 className="kern-heading-medium" id="hours">
          {t('office.hours.title')}
        </h2>
        <Hours lang={lang} office={office} />
      </section>

      <section aria-labelledby="languages">
        <h2 className="kern-heading-medium" id="languages">
          {t('office.languages')}
        </h2>
        <ul className="name-list">
          {office.languages.map((code) => (
            <li key={code}>{languageName(lang, code)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="services">
        <h2 className="kern-heading-medium" id="services">
          {t('office.services.title')}
        </h2>
        <Services lang={lang} office={office} catalog={catalog} />
      </section>

      <section aria-labelledby="accessibility">
        <h2 className="kern-heading-medium" id="accessibility">
          {t('office.a11y.title')}
        </h2>
        <Accessibility lang={lang} office={office} />
      </section>

      <section aria-labelledby="contact">
        <h2 className="kern-heading-medium" id="contact">
          {t('office.contact')}
        </h2>
        <ul className="contact__channels">
          {c.phone && (
            <li>
              {t('office.phone')}{' '}
              <a href={`tel:${c.phone.replace(/\s/g, '')}`} dir="ltr">
                {c.phone}
              </a>
            </li>
          )}
          {c.email && (
            <li>
              {t('office.email')}{' '}
              <a href={`mailto:${c.email}`} dir="ltr">
                {c.email}
              </a>
            </li>
          )}
          {c.web && (
            <li>
              <a href={c.web} dir="ltr">
                {c.web}
              </a>
            </li>
          )}
        </ul>
      </section>
    </Layout>
  );
}
