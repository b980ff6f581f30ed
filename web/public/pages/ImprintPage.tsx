import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { ContactBlock, ExampleNotice, Section } from '../parts.tsx';
import { SITE } from '../site.ts';

/** Impressum (§ 5 DDG, § 18 MStV) of the city as publisher. */
export function ImprintPage({ lang }: { lang: PublicLocale }) {
  const { t } = useTranslation('public');
  const title = t('imprint.title');
  return (
    <Layout lang={lang} page="imprint" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <ExampleNotice />
      <Section id="publisher" title={t('imprint.publisher')}>
        <ContactBlock contact={SITE.publisher} />
        <p>{t('imprint.legalForm')}</p>
        <p>{t('imprint.representedBy')}</p>
      </Section>
      <Section id="responsible" title={t('imprint.responsible')}>
        <p>{t('imprint.responsibleText')}</p>
      </Section>
      <Section id="software" title={t('imprint.software')}>
        <p>{t('imprint.softwareText')}</p>
      </Section>
      <Section id="liability" title={t('imprint.liability')}>
        <p>{t('imprint.liabilityText')}</p>
      </Section>
    </Layout>
  );
}
