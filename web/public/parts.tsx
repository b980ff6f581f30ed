import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pagePath } from './pages.ts';
import { EXAMPLE_CONTACTS, type Contact } from './site.ts';

/** A postal address with e-mail and telephone. Names and addresses stay German. */
export function ContactBlock({ contact }: { contact: Contact }) {
  const { t } = useTranslation('public');
  return (
    <div className="contact">
      <address lang="de">
        <bdi>{contact.name}</bdi>
        {contact.lines.map((line) => (
          <span key={line}>
            <br />
            <bdi>{line}</bdi>
          </span>
        ))}
      </address>
      {(contact.email ?? contact.phone) && (
        <ul className="contact__channels">
          {contact.email && (
            <li>
              {t('contact.email')}{' '}
              <a href={`mailto:${contact.email}`} dir="ltr">
                {contact.email}
              </a>
            </li>
          )}
          {contact.phone && (
            <li>
              {t('contact.phone')}{' '}
              <a href={`tel:${contact.phone.replace(/\s/g, '')}`} dir="ltr">
                {contact.phone}
              </a>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** Shown while the city has not yet replaced the shipped example contact data. */
export function ExampleNotice() {
  const { t } = useTranslation('public');
  if (!EXAMPLE_CONTACTS) return null;
  return (
    <div className="kern-alert kern-alert--warning notice" role="note">
      <div className="kern-alert__body">
        <p>{t('contact.exampleNotice')}</p>
      </div>
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 className="kern-heading-medium" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The link to the Leichte Sprache page: German in every language, since it names German content. */
export function EasyLanguageLink({ label }: { label: 'link' | 'startLink' }) {
  const { t } = useTranslation('easy-language', { lng: 'de' });
  return (
    <a href={pagePath('de', 'easyLanguage')} lang="de" hrefLang="de">
      {label === 'link' ? t('link') : t('startLink')}
    </a>
  );
}
