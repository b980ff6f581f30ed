import { useTranslation } from 'react-i18next';
import { Name, type PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { BackLink, ErrorSummary, errorFor, Hidden, Notice, RadioGroup, SubmitButton, type FormErrors } from '../forms.tsx';
import type { BookingState, TypeView } from './flow.ts';
import { formatClock, formatDay, formatNumber, languageName } from './format.ts';
import { bookPath, officePath, query } from './paths.ts';

// i18n-keys: booking:kinds.*

/** The office's name above the question (GOV.UK caption). */
export function Caption({ name }: { name: string }) {
  return (
    <p className="kern-preline caption">
      <Name>{name}</Name>
    </p>
  );
}

export interface TopicPageData {
  state: BookingState;
  types: TypeView[];
  walkIn: { date: string; opens: string; closes: string }[];
  errors: FormErrors;
}

/** Step 1: what the talk is about (the appointment type). */
export function TopicPage({ lang, data }: { lang: PublicLocale; data: TopicPageData }) {
  const { t } = useTranslation('booking');
  const title = t('topic.title');
  const path = (l: string) => bookPath(l, data.state.officeId);
  return (
    <Layout lang={lang} page="start" title={title} paths={path} enhance noindex hasErrors={data.errors.length > 0}>
      <BackLink href={officePath(lang, data.state.officeId)} />
      <ErrorSummary errors={data.errors} />
      <Caption name={data.state.officeName} />
      {data.types.length === 0 ? (
        <>
          <h1 className="kern-heading-x-large">{title}</h1>
          <Notice kind="info" title={t('topic.none')} />
        </>
      ) : (
        <form method="get" action={path(lang)} noValidate>
          <Hidden name="choose" value="1" />
          <RadioGroup
            name="type"
            legend={title}
            legendIsHeading
            value={data.state.type}
            error={errorFor(data.errors, 'type')}
            options={data.types.map((ty) => ({
              value: ty.id,
              label: t(`kinds.${ty.kind}`),
              hint: (
                <>
                  {t('topic.duration', { minutes: formatNumber(lang, ty.durationMinutes) })}
                  {' · '}
                  <Name>{ty.name}</Name>
                </>
              ),
            }))}
          />
          <SubmitButton>{t('form.continue')}</SubmitButton>
        </form>
      )}
      {data.walkIn.length > 0 && (
        <section aria-labelledby="walk-in">
          <h2 className="kern-heading-medium" id="walk-in">
            {t('topic.walkInTitle')}
          </h2>
          <p>{t('topic.walkInText')}</p>
          <ul className="plain-list">
            {data.walkIn.map((w) => (
              <li key={`${w.date}-${w.opens}`}>
                {formatDay(lang, w.date)}: <bdi dir="ltr">{`${formatClock(lang, w.opens)}–${formatClock(lang, w.closes)}`}</bdi>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

export interface LanguagePageData {
  state: BookingState;
  languages: string[];
  errors: FormErrors;
}

/** Step 2: the language of the talk. Languages are named in the page's language. */
export function LanguagePage({ lang, data }: { lang: PublicLocale; data: LanguagePageData }) {
  const { t } = useTranslation('booking');
  const title = t('language.title');
  const path = (l: string) => `${bookPath(l, data.state.officeId, 'language')}${query({ type: data.state.type })}`;
  return (
    <Layout lang={lang} page="start" title={title} paths={path} enhance noindex hasErrors={data.errors.length > 0}>
      <BackLink href={`${bookPath(lang, data.state.officeId)}${query({ type: data.state.type })}`} />
      <ErrorSummary errors={data.errors} />
      <Caption name={data.state.officeName} />
      <form method="get" action={bookPath(lang, data.state.officeId, 'language')} noValidate>
        <Hidden name="choose" value="1" />
        <Hidden name="type" value={data.state.type ?? ''} />
        <RadioGroup
          name="language"
          legend={title}
          legendIsHeading
          hint={t('language.hint')}
          value={data.state.language}
          error={errorFor(data.errors, 'language')}
          options={data.languages.map((code) => ({
            value: code,
            label: (
              <>
                {languageName(lang, code)}
                {code !== lang && (
                  <>
                    {' – '}
                    <bdi lang={code}>{languageName(code, code)}</bdi>
                  </>
                )}
              </>
            ),
          }))}
        />
        <SubmitButton>{t('form.continue')}</SubmitButton>
      </form>
    </Layout>
  );
}

