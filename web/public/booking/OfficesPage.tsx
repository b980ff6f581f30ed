import { useTranslation } from 'react-i18next';
import type { OfficeSummary } from '#contracts/offices.ts';
import { Name, type PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { ErrorSummary, errorFor, Notice, SubmitButton, TextField, type FormErrors } from '../forms.tsx';
import { OfficeCard } from './OfficeCard.tsx';
import { officesPath, query } from './paths.ts';

export interface FinderMember {
  code: string;
  name: string;
  kind: 'district' | 'locality';
}

export type FinderResult =
  | { kind: 'found'; via: 'address' | 'member'; region: { code: string; name: string }; member: { name: string; kind: 'district' | 'locality' }; quarter: string | null; offices: OfficeSummary[] }
  | { kind: 'notFound' };

export interface OfficesPageData {
  offices: OfficeSummary[];
  members: FinderMember[];
  street: string;
  number: string;
  errors: FormErrors;
  result: FinderResult | null;
}

// i18n-keys: booking:offices.found.*

function Result({ lang, result }: { lang: PublicLocale; result: FinderResult }) {
  const { t } = useTranslation('booking');
  if (result.kind === 'notFound') {
    return (
      <Notice kind="warning" title={t('offices.notFound.title')} alert>
        <p>{t('offices.notFound.text')}</p>
        <p>
          <a href="#districts">{t('offices.notFound.link')}</a>
        </p>
      </Notice>
    );
  }
  const where = result.member.kind === 'district' ? 'offices.found.district' : 'offices.found.locality';
  return (
    <section aria-labelledby="result" className="finder-result">
      <h2 className="kern-heading-medium" id="result" tabIndex={-1}>
        {t('offices.found.title')}
      </h2>
      <p>{t(result.via === 'address' ? 'offices.found.byAddress' : 'offices.found.byMember')}</p>
      <dl className="facts-list">
        <div>
          <dt>{t(where)}</dt>
          <dd>
            <Name>{result.member.name}</Name>
          </dd>
        </div>
        {result.quarter && (
          <div>
            <dt>{t('offices.found.quarter')}</dt>
            <dd>
              <Name>{result.quarter}</Name>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('offices.found.region')}</dt>
          <dd>
            <Name>{result.region.name}</Name>
          </dd>
        </div>
      </dl>
      {result.offices.length > 0 ? (
        <ul className="cards">
          {result.offices.map((o) => (
            <OfficeCard key={o.id} lang={lang} office={o} />
          ))}
        </ul>
      ) : (
        <p>{t('offices.found.noOffice')}</p>
      )}
    </section>
  );
}

/** Find your office: by address (street directory) or by choosing the Stadtbezirk/Ortschaft; all offices listed. */
export function OfficesPage({ lang, data }: { lang: PublicLocale; data: OfficesPageData }) {
  const { t } = useTranslation('booking');
  const title = t('offices.title');
  const districts = data.members.filter((m) => m.kind === 'district');
  const localities = data.members.filter((m) => m.kind === 'locality');
  const memberList = (members: FinderMember[]) => (
    <ul className="member-list">
      {members.map((m) => (
        <li key={m.code}>
          <a href={`${officesPath(lang)}${query({ member: m.code })}#result`}>
            <Name>{m.name}</Name>
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <Layout lang={lang} page="start" title={title} paths={(l) => `${officesPath(l)}${query({ street: data.street, number: data.number })}`} hasErrors={data.errors.length > 0}>
      <ErrorSummary errors={data.errors} />
      <h1 className="kern-heading-x-large">{title}</h1>
      <p className="lead">{t('offices.intro')}</p>
      {data.result && <Result lang={lang} result={data.result} />}

      <section aria-labelledby="by-address">
        <h2 className="kern-heading-medium" id="by-address">
          {t('offices.byAddress.title')}
        </h2>
        <form method="get" action={`${officesPath(lang)}#result`} className="finder-form" noValidate>
          <TextField id="street" label={t('offices.byAddress.street')} hint={t('offices.byAddress.streetHint')} value={data.street} error={errorFor(data.errors, 'street')} autoComplete="address-line1" />
          <TextField id="number" label={t('offices.byAddress.number')} value={data.number} error={errorFor(data.errors, 'number')} narrow inputMode="text" />
          <SubmitButton>{t('offices.byAddress.submit')}</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="districts">
        <h2 className="kern-heading-medium" id="districts" tabIndex={-1}>
          {t('offices.byMember.title')}
        </h2>
        <p>{t('offices.byMember.intro')}</p>
        <h3 className="kern-heading-small">{t('offices.byMember.districts')}</h3>
        {memberList(districts)}
        <h3 className="kern-heading-small">{t('offices.byMember.localities')}</h3>
        {memberList(localities)}
      </section>

      <section aria-labelledby="all-offices">
        <h2 className="kern-heading-medium" id="all-offices">
          {t('offices.all.title', { count: data.offices.length })}
        </h2>
        <ul className="cards">
          {data.offices.map((o) => (
            <OfficeCard key={o.id} lang={lang} office={o} />
          ))}
        </ul>
      </section>
    </Layout>
  );
}
