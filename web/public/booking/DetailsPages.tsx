import { useTranslation } from 'react-i18next';
import { Name, type PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { BackLink, ErrorSummary, errorFor, Hidden, Notice, SubmitButton, TextField, type FormErrors } from '../forms.tsx';
import { pagePath } from '../pages.ts';
import type { ContactInput } from './flow.ts';
import { formatDateTime, languageName } from './format.ts';
import { Caption } from './Steps.tsx';

export interface DetailsPageData {
  officeName: string;
  action: string;
  /** Flow state and the idempotency key, carried as hidden fields. */
  hidden: Record<string, string>;
  back: string;
  path: (lang: string) => string;
  start: string;
  contact: ContactInput;
  errors: FormErrors;
}

/** Step 4: name and a phone number or an email address — nothing more is asked. */
export function DetailsPage({ lang, data }: { lang: PublicLocale; data: DetailsPageData }) {
  const { t } = useTranslation('booking');
  const title = t('details.title');
  return (
    <Layout lang={lang} page="start" title={title} paths={data.path} enhance noindex hasErrors={data.errors.length > 0}>
      <BackLink href={data.back} />
      <ErrorSummary errors={data.errors} />
      <Caption name={data.officeName} />
      <h1 className="kern-heading-x-large">{title}</h1>
      <Notice kind="info">
        <p>{t('details.held', { time: formatDateTime(lang, data.start) })}</p>
      </Notice>
      <p>
        {t('details.why')} <a href={pagePath(lang, 'privacy')}>{t('details.privacyLink')}</a>
      </p>
      <form method="post" action={data.action} noValidate>
        {Object.entries(data.hidden).map(([k, v]) => (
          <Hidden key={k} name={k} value={v} />
        ))}
        <TextField id="name" label={t('details.name')} hint={t('details.nameHint')} value={data.contact.name} error={errorFor(data.errors, 'name')} autoComplete="name" required />
        <fieldset className="kern-fieldset" aria-describedby="contact-hint">
          <legend className="kern-label">{t('details.contactLegend')}</legend>
          <div className="kern-hint" id="contact-hint">
            {t('details.contactHint')}
          </div>
          <div className="kern-fieldset__body">
            <TextField id="phone" type="tel" label={t('details.phone')} value={data.contact.phone} error={errorFor(data.errors, 'phone')} autoComplete="tel" inputMode="tel" dir="ltr" />
            <TextField id="email" type="email" label={t('details.email')} hint={t('details.emailHint')} value={data.contact.email} error={errorFor(data.errors, 'email')} autoComplete="email" inputMode="email" dir="ltr" />
          </div>
        </fieldset>
        <SubmitButton>{t('form.continue')}</SubmitButton>
      </form>
    </Layout>
  );
}

export interface CheckPageData {
  officeName: string;
  officeAddress: string;
  typeLabel: string;
  language: string;
  start: string;
  contact: ContactInput;
  hidden: Record<string, string>;
  confirmAction: string;
  /** Links (GET) back to the steps; the contact details go back by a POST that keeps them. */
  change: { type: string; language: string; time: string; detailsAction: string };
  path: (lang: string) => string;
  errors: FormErrors;
}

function Row({ label, children, change }: { label: string; children: React.ReactNode; change?: React.ReactNode }) {
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      {change && <dd className="summary-row__change">{change}</dd>}
    </div>
  );
}

/** Step 5: check your answers, then confirm (the idempotency key makes a double submit book once). */
export function CheckPage({ lang, data }: { lang: PublicLocale; data: CheckPageData }) {
  const { t } = useTranslation('booking');
  const title = t('check.title');
  const changeLink = (href: string, what: string) => (
    <a href={href}>
      {t('check.change')}
      <span className="kern-sr-only"> {what}</span>
    </a>
  );
  return (
    <Layout lang={lang} page="start" title={title} paths={data.path} enhance noindex hasErrors={data.errors.length > 0}>
      <ErrorSummary errors={data.errors} />
      <Caption name={data.officeName} />
      <h1 className="kern-heading-x-large">{title}</h1>
      <dl className="summary-list">
        <Row label={t('check.office')}>
          <Name>{data.officeName}</Name>
          <br />
          <bdi lang="de">{data.officeAddress}</bdi>
        </Row>
        <Row label={t('check.topic')} change={changeLink(data.change.type, t('check.topic'))}>
          {data.typeLabel}
        </Row>
        <Row label={t('check.language')} change={changeLink(data.change.language, t('check.language'))}>
          {languageName(lang, data.language)}
        </Row>
        <Row label={t('check.time')} change={changeLink(data.change.time, t('check.time'))}>
          {formatDateTime(lang, data.start)}
        </Row>
        <Row
          label={t('check.contact')}
          change={
            <form method="post" action={data.change.detailsAction} className="inline-form">
              {Object.entries(data.hidden).map(([k, v]) => (
                <Hidden key={k} name={k} value={v} />
              ))}
              <Hidden name="edit" value="1" />
              <button type="submit" className="link-button">
                {t('check.change')}
                <span className="kern-sr-only"> {t('check.contact')}</span>
              </button>
            </form>
          }
        >
          <bdi>{data.contact.name}</bdi>
          {data.contact.phone && (
            <>
              <br />
              <bdi dir="ltr">{data.contact.phone}</bdi>
            </>
          )}
          {data.contact.email && (
            <>
              <br />
              <bdi dir="ltr">{data.contact.email}</bdi>
            </>
          )}
        </Row>
      </dl>
      <p>{data.contact.email ? t('check.mailWillCome') : t('check.noMail')}</p>
      <form method="post" action={data.confirmAction} noValidate>
        {Object.entries(data.hidden).map(([k, v]) => (
          <Hidden key={k} name={k} value={v} />
        ))}
        <SubmitButton>{t('check.confirm')}</SubmitButton>
      </form>
    </Layout>
  );
}
