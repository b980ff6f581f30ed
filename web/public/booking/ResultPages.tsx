import { useTranslation } from 'react-i18next';
import type { AppointmentDetails } from '#contracts/appointments.ts';
import { Name, type PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { BackLink, ButtonLink, Hidden, Notice, SubmitButton } from '../forms.tsx';
import { formatDateTime, formatDay, formatTime, languageName } from './format.ts';
import { managePath, officePath, officesPath, query } from './paths.ts';

// i18n-keys: booking:kinds.*, booking:problem.*

/** The booking code in groups of four, letter by letter for screen readers. */
function BookingCode({ code }: { code: string }) {
  const { t } = useTranslation('booking');
  return (
    <p className="booking-code">
      <span className="booking-code__label">{t('confirmation.code')}</span>
      <strong className="booking-code__value" dir="ltr" lang="en">
        {`${code.slice(0, 4)} ${code.slice(4)}`}
      </strong>
    </p>
  );
}

function AppointmentFacts({ lang, a }: { lang: PublicLocale; a: AppointmentDetails }) {
  const { t } = useTranslation('booking');
  return (
    <dl className="summary-list">
      <div className="summary-row">
        <dt>{t('check.time')}</dt>
        <dd>
          {formatDateTime(lang, a.start)}
          {' – '}
          {formatTime(lang, a.end)}
        </dd>
      </div>
      <div className="summary-row">
        <dt>{t('check.topic')}</dt>
        <dd>{t(`kinds.${a.type.kind}`)}</dd>
      </div>
      <div className="summary-row">
        <dt>{t('check.language')}</dt>
        <dd>
          {languageName(lang, a.language)}
          {a.interpreter && ` (${t('confirmation.interpreter')})`}
        </dd>
      </div>
      <div className="summary-row">
        <dt>{t('check.office')}</dt>
        <dd>
          <a href={officePath(lang, a.office.id)}>
            <Name>{a.office.name}</Name>
          </a>
          <address lang="de" className="office-address">
            <bdi>{`${a.office.street} ${a.office.houseNumber}`}</bdi>
            <br />
            <bdi>{`${a.office.postcode} ${a.office.city}`}</bdi>
          </address>
        </dd>
      </div>
    </dl>
  );
}

const icsUrl = (code: string, token: string) => `/api/appointments/${code}.ics${query({ token })}`;

/** After booking: the code to read aloud, the time in Berlin, the address, the calendar file and the manage link. */
export function ConfirmationPage({ lang, a, token }: { lang: PublicLocale; a: AppointmentDetails; token: string }) {
  const { t } = useTranslation('booking');
  const title = t('confirmation.title');
  const manage = `${managePath(lang, a.code)}${query({ token })}`;
  return (
    <Layout lang={lang} page="start" title={title} paths={(l) => `${managePath(l, a.code, 'booked')}${query({ token })}`} noindex>
      <div className="kern-alert kern-alert--success confirmation-panel">
        <div className="kern-alert__header">
          <h1 className="kern-title kern-heading-x-large">{title}</h1>
        </div>
        <div className="kern-alert__body">
          <BookingCode code={a.code} />
        </div>
      </div>
      <p>{t('confirmation.keepCode')}</p>
      <AppointmentFacts lang={lang} a={a} />
      <p>{a.emailGiven ? t('confirmation.mailSent') : t('confirmation.noMail')}</p>
      <ul className="link-list">
        <li>
          <a href={icsUrl(a.code, token)} download={`termin-${a.code}.ics`}>
            {t('confirmation.calendar')}
          </a>
        </li>
        <li>
          <a href={manage}>{t('confirmation.manage')}</a>
        </li>
      </ul>
      <p className="hint-text">{t('confirmation.manageHint')}</p>
    </Layout>
  );
}

export type ManageNotice = 'cancelled' | 'moved' | null;

/** Manage by the link: details, move, cancel (until the notice period; then call the office). */
export function ManagePage({ lang, a, token, notice }: { lang: PublicLocale; a: AppointmentDetails; token: string; notice: ManageNotice }) {
  const { t } = useTranslation('booking');
  const title = t('manage.title');
  const q = query({ token });
  return (
    <Layout lang={lang} page="start" title={title} paths={(l) => `${managePath(l, a.code)}${q}`} noindex>
      <h1 className="kern-heading-x-large">{title}</h1>
      {notice === 'cancelled' && <Notice kind="success" title={t('manage.cancelledNow')} alert />}
      {notice === 'moved' && <Notice kind="success" title={t('manage.movedNow')} alert />}
      <BookingCode code={a.code} />
      {a.status === 'cancelled' ? (
        <>
          {notice !== 'cancelled' && <Notice kind="info" title={t('manage.isCancelled')} />}
          <AppointmentFacts lang={lang} a={a} />
          <p>
            <a href={officesPath(lang)}>{t('manage.bookAgain')}</a>
          </p>
        </>
      ) : (
        <>
          <AppointmentFacts lang={lang} a={a} />
          <p>
            <a href={icsUrl(a.code, token)} download={`termin-${a.code}.ics`}>
              {t('confirmation.calendar')}
            </a>
          </p>
          {a.status === 'booked' && a.changeable ? (
            <>
              <p>{t('manage.changeableUntil', { until: formatDateTime(lang, a.changeableUntil) })}</p>
              <div className="button-row">
                <ButtonLink href={`${managePath(lang, a.code, 'move')}${q}`}>{t('manage.move')}</ButtonLink>
                <ButtonLink href={`${managePath(lang, a.code, 'cancel')}${q}`} secondary>
                  {t('manage.cancel')}
                </ButtonLink>
              </div>
            </>
          ) : (
            <Notice kind="info" title={t('manage.tooLate')}>
              <p>
                {t('manage.callOffice')}{' '}
                {a.office.phone && (
                  <a href={`tel:${a.office.phone.replace(/\s/g, '')}`} dir="ltr">
                    {a.office.phone}
                  </a>
                )}
              </p>
            </Notice>
          )}
        </>
      )}
    </Layout>
  );
}

/** Cancelling asks once more; the answer is a POST. */
export function CancelPage({ lang, a, token, tooLate }: { lang: PublicLocale; a: AppointmentDetails; token: string; tooLate: boolean }) {
  const { t } = useTranslation('booking');
  const title = t('cancel.title');
  const q = query({ token });
  return (
    <Layout lang={lang} page="start" title={title} paths={(l) => `${managePath(l, a.code, 'cancel')}${q}`} noindex>
      <BackLink href={`${managePath(lang, a.code)}${q}`} />
      {tooLate && (
        <Notice kind="warning" title={t('manage.tooLate')} alert>
          <p>{t('manage.callOffice')}</p>
        </Notice>
      )}
      <h1 className="kern-heading-x-large">{title}</h1>
      <AppointmentFacts lang={lang} a={a} />
      {!tooLate && (
        <form method="post" action={managePath(lang, a.code, 'cancel')} noValidate>
          <Hidden name="token" value={token} />
          <div className="button-row">
            <SubmitButton>{t('cancel.confirm')}</SubmitButton>
            <ButtonLink href={`${managePath(lang, a.code)}${q}`} secondary>
              {t('cancel.keep')}
            </ButtonLink>
          </div>
        </form>
      )}
    </Layout>
  );
}

/** On the waitlist: what happens next. */
export function WaitlistDonePage({ lang, officeId, officeName, until }: { lang: PublicLocale; officeId: string; officeName: string; until: string }) {
  const { t } = useTranslation('booking');
  const title = t('waitlist.doneTitle');
  return (
    <Layout lang={lang} page="start" title={title} paths={(l) => officePath(l, officeId)} noindex>
      <Notice kind="success">
        <h1 className="kern-heading-x-large">{title}</h1>
      </Notice>
      <p>{t('waitlist.doneText', { until: formatDay(lang, until) })}</p>
      <p>
        <a href={officePath(lang, officeId)}>
          <Name>{officeName}</Name>
        </a>
      </p>
    </Layout>
  );
}

export type BookingProblem = 'rateLimited' | 'tooManyOpen' | 'linkInvalid' | 'unavailable';

/** A problem the visitor can act on, translated: too many requests, an invalid link, … */
export function ProblemPage({ lang, problem, back, detail }: { lang: PublicLocale; problem: BookingProblem; back: string | null; detail?: string | undefined }) {
  const { t } = useTranslation('booking');
  const title = t(`problem.${problem}.title`);
  return (
    <Layout lang={lang} page="start" title={title} paths={(l) => officesPath(l)} noindex>
      {back && <BackLink href={back} />}
      <h1 className="kern-heading-x-large">{title}</h1>
      <p>{detail ?? t(`problem.${problem}.text`)}</p>
      <p>
        <a href={officesPath(lang)}>{t('problem.toOffices')}</a>
      </p>
    </Layout>
  );
}

