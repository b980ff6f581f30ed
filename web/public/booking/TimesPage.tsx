import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { BackLink, ErrorSummary, errorFor, Hidden, Notice, SubmitButton, TextField, type FormErrors } from '../forms.tsx';
import type { ContactInput, SlotDay } from './flow.ts';
import { formatDay, formatTime, languageName } from './format.ts';
import { Caption } from './Steps.tsx';

export interface TimesPageData {
  officeName: string;
  /** Where the form posts the chosen time. */
  action: string;
  hidden: Record<string, string>;
  back: string;
  /** This page in another language (GET). */
  path: (lang: string) => string;
  /** The URL of this page from another first day (the "later dates" link). */
  fromPath: (from: string) => string;
  days: SlotDay[];
  laterFrom: string | null;
  earlierFrom: string | null;
  chosen?: string | undefined;
  taken: boolean;
  errors: FormErrors;
  language: string;
  mode: 'book' | 'move';
  /** No free time at all in the booking horizon: offer the waitlist instead. */
  waitlist: null | { action: string; hidden: Record<string, string>; contact: ContactInput; errors: FormErrors; until: string };
}

function WaitlistForm({ lang, w }: { lang: PublicLocale; w: NonNullable<TimesPageData['waitlist']> }) {
  const { t } = useTranslation('booking');
  return (
    <section aria-labelledby="waitlist">
      <h2 className="kern-heading-medium" id="waitlist">
        {t('waitlist.title')}
      </h2>
      <p>{t('waitlist.text', { until: formatDay(lang, w.until) })}</p>
      <form method="post" action={w.action} noValidate>
        {Object.entries(w.hidden).map(([k, v]) => (
          <Hidden key={k} name={k} value={v} />
        ))}
        <TextField id="name" label={t('details.name')} value={w.contact.name} error={errorFor(w.errors, 'name')} autoComplete="name" required />
        <TextField id="email" type="email" label={t('details.email')} hint={t('waitlist.emailHint')} value={w.contact.email} error={errorFor(w.errors, 'email')} autoComplete="email" inputMode="email" dir="ltr" required />
        <TextField id="phone" type="tel" label={t('details.phoneOptional')} value={w.contact.phone} error={errorFor(w.errors, 'phone')} autoComplete="tel" inputMode="tel" dir="ltr" />
        <SubmitButton>{t('waitlist.submit')}</SubmitButton>
      </form>
    </section>
  );
}

/** Step 3 (and moving an appointment): the next free times, grouped by day, with a link to later dates. */
export function TimesPage({ lang, data }: { lang: PublicLocale; data: TimesPageData }) {
  const { t } = useTranslation('booking');
  const title = data.mode === 'move' ? t('times.moveTitle') : t('times.title');
  const error = errorFor(data.errors, 'start');
  return (
    <Layout lang={lang} page="start" title={title} paths={data.path} enhance noindex hasErrors={data.errors.length + (data.waitlist?.errors.length ?? 0) > 0}>
      <BackLink href={data.back} />
      <ErrorSummary errors={[...data.errors, ...(data.waitlist?.errors ?? [])]} />
      <Caption name={data.officeName} />
      {data.taken && (
        <Notice kind="warning" title={t('times.taken.title')} alert>
          <p>{t('times.taken.text')}</p>
        </Notice>
      )}
      {data.days.length === 0 ? (
        <>
          <h1 className="kern-heading-x-large">{title}</h1>
          <Notice kind="info" title={data.waitlist ? t('times.noneInHorizon') : t('times.noneFromHere')} />
          {data.earlierFrom && (
            <p>
              <a href={data.fromPath(data.earlierFrom)}>{t('times.earlier')}</a>
            </p>
          )}
          {data.waitlist && <WaitlistForm lang={lang} w={data.waitlist} />}
        </>
      ) : (
        <form method="post" action={data.action} noValidate>
          {Object.entries(data.hidden).map(([k, v]) => (
            <Hidden key={k} name={k} value={v} />
          ))}
          <fieldset className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`} aria-describedby={`start-hint${error ? ' start-error' : ''}`}>
            <legend className="kern-label">
              <h1 className="kern-heading-x-large legend-heading">{title}</h1>
            </legend>
            <div className="kern-hint" id="start-hint">
              {t('times.hint', { language: languageName(lang, data.language) })}
            </div>
            {error && (
              <p className="kern-error" id="start-error">
                <span className="kern-sr-only">{t('form.errorPrefix')} </span>
                {error}
              </p>
            )}
            {data.days.map((day, d) => (
              <fieldset className="kern-fieldset slot-day" key={day.date}>
                <legend className="kern-label slot-day__legend">{formatDay(lang, day.date)}</legend>
                <div className="kern-fieldset__body slot-grid">
                  {day.starts.map((start, i) => {
                    const id = d === 0 && i === 0 ? 'start' : `start-${d}-${i}`;
                    return (
                      <div className="kern-form-check" key={start}>
                        <input className="kern-form-check__radio" type="radio" id={id} name="start" value={start} defaultChecked={data.chosen === start} />
                        <label className="kern-label" htmlFor={id}>
                          {formatTime(lang, start)}
                        </label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </fieldset>
          <SubmitButton>{t('form.continue')}</SubmitButton>
          <p className="later-link">
            {data.earlierFrom && (
              <>
                <a href={data.fromPath(data.earlierFrom)}>{t('times.earlier')}</a>{' '}
              </>
            )}
            {data.laterFrom && <a href={data.fromPath(data.laterFrom)}>{t('times.later')}</a>}
          </p>
        </form>
      )}
    </Layout>
  );
}
