import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <PageHeader title={t('notFound.title')} lead={t('notFound.lead')} />
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </>
  );
}
