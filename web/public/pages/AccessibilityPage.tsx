import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { formatDate } from '../booking/format.ts';
import { Layout } from '../Layout.tsx';
import { ContactBlock, ExampleNotice, Section } from '../parts.tsx';
import { SITE } from '../site.ts';

/** Erklärung zur Barrierefreiheit (BITV 2.0 § 7, EU 2018/1523 model statement). */
export function AccessibilityPage({ lang }: { lang: PublicLocale }) {
  const { t } = useTranslation('public');
  const title = t('accessibility.title');
  const date = formatDate(lang, SITE.accessibilityReviewedOn);
  return (
    <Layout lang={lang} page="accessibility" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <p className="lead">{t('accessibility.intro')}</p>
      <ExampleNotice />
      <Section id="status" title={t('accessibility.status')}>
        <p>{t('accessibility.statusText')}</p>
      </Section>
      <Section id="limitations" title={t('accessibility.limitations')}>
        <ul className="bullets">
          <li>{t('accessibility.limitationNames')}</li>
          <li>{t('accessibility.limitationEasyLanguage')}</li>
          <li>{t('accessibility.limitationSignLanguage')}</li>
          <li>{t('accessibility.limitationNotAudited')}</li>
        </ul>
      </Section>
      <Section id="preparation" title={t('accessibility.preparation')}>
        <p>{t('accessibility.preparationText', { date })}</p>
      </Section>
      <Section id="feedback" title={t('accessibility.feedback')}>
        <p>{t('accessibility.feedbackText')}</p>
        <ContactBlock contact={SITE.accessibilityFeedback} />
      </Section>
      <Section id="enforcement" title={t('accessibility.enforcement')}>
        <p>{t('accessibility.enforcementText')}</p>
        <ContactBlock contact={SITE.enforcementBody} />
      </Section>
    </Layout>
  );
}
