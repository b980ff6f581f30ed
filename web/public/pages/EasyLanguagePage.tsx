import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { EasyLanguageLink } from '../parts.tsx';

/** Leichte Sprache exists only in German: the other languages explain that and link to it. */
export function EasyLanguagePage({ lang }: { lang: PublicLocale }) {
  return lang === 'de' ? <EasyLanguageGerman /> : <EasyLanguageNote lang={lang} />;
}

function EasyLanguageNote({ lang }: { lang: PublicLocale }) {
  const { t } = useTranslation('public');
  const title = t('easyLanguage.title');
  return (
    <Layout lang={lang} page="easyLanguage" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <p>{t('easyLanguage.onlyGerman')}</p>
      <p>
        <EasyLanguageLink label="link" />
      </p>
    </Layout>
  );
}

/** Real Leichte Sprache: short sentences, one statement each, words explained. */
function EasyLanguageGerman() {
  const { t } = useTranslation('easy-language');
  const title = t('title');
  return (
    <Layout lang="de" page="easyLanguage" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <div className="easy-language">
        <p>{t('intro1')}</p>
        <p>{t('intro2')}</p>
        <h2 className="kern-heading-medium">{t('whoTitle')}</h2>
        <p>{t('who1')}</p>
        <p>{t('who2')}</p>
        <p>{t('who3')}</p>
        <h2 className="kern-heading-medium">{t('helpTitle')}</h2>
        <p>{t('help1')}</p>
        <ul className="bullets">
          <li>{t('helpMoney')}</li>
          <li>{t('helpHealth')}</li>
          <li>{t('helpSchool')}</li>
          <li>{t('helpLanguage')}</li>
          <li>{t('helpHousing')}</li>
          <li>{t('helpWork')}</li>
        </ul>
        <p>{t('help2')}</p>
        <h2 className="kern-heading-medium">{t('costTitle')}</h2>
        <p>{t('cost1')}</p>
        <p>{t('cost2')}</p>
        <p>{t('cost3')}</p>
        <h2 className="kern-heading-medium">{t('officeTitle')}</h2>
        <p>{t('office1')}</p>
        <p>{t('office2')}</p>
        <p>{t('office3')}</p>
        <h2 className="kern-heading-medium">{t('pageTitle')}</h2>
        <p>{t('page1')}</p>
        <p>{t('page2')}</p>
      </div>
    </Layout>
  );
}
