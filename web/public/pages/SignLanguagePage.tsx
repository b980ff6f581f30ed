import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { ContactBlock, Section } from '../parts.tsx';
import { SITE } from '../site.ts';

const VIDEO_FILE = /\.(mp4|webm|ogv)(\?.*)?$/i;

/** Information in Deutsche Gebärdensprache (BITV 2.0 § 4): the city's video, when configured. */
export function SignLanguagePage({ lang, videoUrl }: { lang: PublicLocale; videoUrl: string | null }) {
  const { t } = useTranslation('public');
  const title = t('signLanguage.title');
  return (
    <Layout lang={lang} page="signLanguage" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <p className="lead">{t('signLanguage.intro')}</p>
      {videoUrl === null ? (
        <div className="kern-alert kern-alert--info notice">
          <p className="kern-alert__body">{t('signLanguage.notConfigured')}</p>
        </div>
      ) : VIDEO_FILE.test(videoUrl) ? (
        <figure className="video">
          <video controls preload="none" src={videoUrl} aria-describedby="video-caption" lang="de">
            <a href={videoUrl}>{t('signLanguage.openVideo')}</a>
          </video>
          <figcaption id="video-caption">
            {t('signLanguage.videoCaption')} <a href={videoUrl}>{t('signLanguage.openVideo')}</a>
          </figcaption>
        </figure>
      ) : (
        <p>
          <a href={videoUrl} lang="de">
            {t('signLanguage.openVideo')}
          </a>
        </p>
      )}
      <Section id="contact" title={t('signLanguage.contact')}>
        <p>{t('signLanguage.contactText')}</p>
        <ContactBlock contact={SITE.publisher} />
      </Section>
    </Layout>
  );
}
