import { useTranslation } from 'react-i18next';
import type { OfficeSummary } from '#contracts/offices.ts';
import { Name, type PublicLocale } from '../i18n.tsx';
import { bookPath, officePath } from './paths.ts';

/** An office's postal address, kept German and isolated for right-to-left pages. */
export function OfficeAddress({ office }: { office: Pick<OfficeSummary, 'address'> }) {
  const a = office.address;
  return (
    <address lang="de" className="office-address">
      <bdi>{`${a.street} ${a.houseNumber}`}</bdi>
      <br />
      <bdi>{`${a.postcode} ${a.city}`}</bdi>
    </address>
  );
}

export function OfficeCard({ lang, office, headingLevel = 3 }: { lang: PublicLocale; office: OfficeSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('booking');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="kern-card kern-card--hug office-card">
      <div className="kern-card__container">
        <Heading className="kern-heading-small" id={`office-${office.id}`}>
          <a href={officePath(lang, office.id)}>
            <Name>{office.name}</Name>
          </a>
        </Heading>
        <p className="office-card__region">
          {t('offices.regionLabel')} <Name>{office.region.name}</Name>
        </p>
        <OfficeAddress office={office} />
        <p className="office-card__provider">
          {t('offices.providerLabel')} <Name>{office.provider.name}</Name>
        </p>
        <p className="office-card__actions">
          <a href={bookPath(lang, office.id)} aria-describedby={`office-${office.id}`}>
            {t('offices.bookLink')}
          </a>
        </p>
      </div>
    </li>
  );
}
