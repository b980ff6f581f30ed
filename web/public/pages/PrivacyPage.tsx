import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { ContactBlock, ExampleNotice, Section } from '../parts.tsx';
import { SITE } from '../site.ts';

/** Datenschutzerklärung: Art. 13 DSGVO information for visitors and for people in counselling. */
export function PrivacyPage({ lang }: { lang: PublicLocale }) {
  const { t } = useTranslation('public');
  const title = t('privacy.title');
  return (
    <Layout lang={lang} page="privacy" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <p className="lead">{t('privacy.intro')}</p>
      <ExampleNotice />
      <Section id="controller" title={t('privacy.controller')}>
        <ContactBlock contact={SITE.publisher} />
      </Section>
      <Section id="dpo" title={t('privacy.dpo')}>
        <ContactBlock contact={SITE.dataProtectionOfficer} />
      </Section>
      <Section id="website" title={t('privacy.website')}>
        <p>{t('privacy.websiteText')}</p>
        <p>{t('privacy.websiteNoTracking')}</p>
      </Section>
      <Section id="counselling" title={t('privacy.counselling')}>
        <p>{t('privacy.counsellingPurpose')}</p>
        <p>{t('privacy.counsellingData')}</p>
      </Section>
      <Section id="legal-basis" title={t('privacy.legalBasis')}>
        <ul className="bullets">
          <li>{t('privacy.legalBasisArt6')}</li>
          <li>{t('privacy.legalBasisArt9')}</li>
          <li>{t('privacy.legalBasisSgb')}</li>
          <li>{t('privacy.legalBasisConsent')}</li>
        </ul>
      </Section>
      <Section id="recipients" title={t('privacy.recipients')}>
        <p>{t('privacy.recipientsText')}</p>
      </Section>
      <Section id="retention" title={t('privacy.retention')}>
        <p>{t('privacy.retentionLogs')}</p>
        <p>{t('privacy.retentionCases')}</p>
      </Section>
      <Section id="rights" title={t('privacy.rights')}>
        <p>{t('privacy.rightsIntro')}</p>
        <ul className="bullets">
          <li>{t('privacy.rightAccess')}</li>
          <li>{t('privacy.rightRectification')}</li>
          <li>{t('privacy.rightErasure')}</li>
          <li>{t('privacy.rightRestriction')}</li>
          <li>{t('privacy.rightObjection')}</li>
          <li>{t('privacy.rightWithdraw')}</li>
        </ul>
        <p>{t('privacy.rightsHow')}</p>
      </Section>
      <Section id="complaint" title={t('privacy.complaint')}>
        <p>{t('privacy.complaintText')}</p>
        <ContactBlock contact={SITE.supervisoryAuthority} />
      </Section>
    </Layout>
  );
}
