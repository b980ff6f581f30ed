import { useTranslation } from 'react-i18next';
import { Name, type PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { pagePath } from '../pages.ts';
import { EasyLanguageLink } from '../parts.tsx';

/** A region as the start page shows it: proper names as they are in the database. */
export interface RegionView {
  code: string;
  name: string;
  districts: string[];
  localities: string[];
  /** Providers with a service agreement valid today. */
  providers: string[];
}

function NameList({ names }: { names: string[] }) {
  return (
    <ul className="name-list">
      {names.map((n) => (
        <li key={n}>
          <Name>{n}</Name>
        </li>
      ))}
    </ul>
  );
}

function RegionCard({ region }: { region: RegionView }) {
  const { t } = useTranslation('public');
  return (
    <li className="kern-card kern-card--hug region">
      <div className="kern-card__container">
        <h3 className="kern-heading-small" id={`region-${region.code}`}>
          <Name>{region.name}</Name>
        </h3>
        <dl className="region__facts">
          {region.districts.length > 0 && (
            <div>
              <dt>{t('start.regions.districts', { count: region.districts.length })}</dt>
              <dd>
                <NameList names={region.districts} />
              </dd>
            </div>
          )}
          {region.localities.length > 0 && (
            <div>
              <dt>{t('start.regions.localities', { count: region.localities.length })}</dt>
              <dd>
                <NameList names={region.localities} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('start.regions.servedBy')}</dt>
            <dd>{region.providers.length > 0 ? <NameList names={region.providers} /> : t('start.regions.noProvider')}</dd>
          </div>
        </dl>
      </div>
    </li>
  );
}

export function StartPage({ lang, regions }: { lang: PublicLocale; regions: RegionView[] }) {
  const { t } = useTranslation('public');
  const title = t('start.title');
  return (
    <Layout lang={lang} page="start" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <p className="lead">{t('start.intro')}</p>
      <ul className="facts">
        <li>{t('start.facts.free')}</li>
        <li>{t('start.facts.confidential')}</li>
        <li>{t('start.facts.everyone')}</li>
      </ul>

      <section aria-labelledby="offer">
        <h2 className="kern-heading-large" id="offer">
          {t('start.offer.title')}
        </h2>
        <ul className="cards">
          <li className="kern-card kern-card--hug">
            <div className="kern-card__container">
              <h3 className="kern-heading-small">{t('start.offer.basic.title')}</h3>
              <p>{t('start.offer.basic.text')}</p>
            </div>
          </li>
          <li className="kern-card kern-card--hug">
            <div className="kern-card__container">
              <h3 className="kern-heading-small">{t('start.offer.openConsultation.title')}</h3>
              <p>{t('start.offer.openConsultation.text')}</p>
            </div>
          </li>
          <li className="kern-card kern-card--hug">
            <div className="kern-card__container">
              <h3 className="kern-heading-small">{t('start.offer.specialist.title')}</h3>
              <p>{t('start.offer.specialist.text')}</p>
            </div>
          </li>
        </ul>
      </section>

      <section aria-labelledby="find-office" className="find-office">
        <h2 className="kern-heading-large" id="find-office">
          {t('start.findOffice.title')}
        </h2>
        <p>{t('start.findOffice.text')}</p>
        <ul className="link-list">
          <li>
            <a href={`/${lang}/offices`} className="kern-btn kern-btn--primary button-link">
              <span className="kern-label">{t('start.findOffice.find')}</span>
            </a>
          </li>
          <li>
            <a href={`/${lang}/offices#all-offices`}>{t('start.findOffice.book')}</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="regions">
        <h2 className="kern-heading-large" id="regions">
          {t('start.regions.title')}
        </h2>
        <p>{t('start.regions.intro')}</p>
        <ul className="cards">
          {regions.map((r) => (
            <RegionCard key={r.code} region={r} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="accessible">
        <h2 className="kern-heading-large" id="accessible">
          {t('start.accessible.title')}
        </h2>
        <ul className="link-list">
          <li>
            <EasyLanguageLink label="startLink" />
          </li>
          <li>
            <a href={pagePath(lang, 'signLanguage')}>{t('start.accessible.signLanguage')}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
