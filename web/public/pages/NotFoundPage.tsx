import { useTranslation } from 'react-i18next';
import type { PublicLocale } from '../i18n.tsx';
import { Layout } from '../Layout.tsx';
import { pagePath } from '../pages.ts';

export function NotFoundPage({ lang }: { lang: PublicLocale }) {
  const { t } = useTranslation('public');
  const title = t('notFound.title');
  return (
    <Layout lang={lang} page="notFound" title={title}>
      <h1 className="kern-heading-x-large">{title}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <a href={pagePath(lang, 'start')}>{t('notFound.home')}</a>
      </p>
    </Layout>
  );
}
