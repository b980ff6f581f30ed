import { useTranslation } from 'react-i18next';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';

export function LoadingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('loading.title'));
  return (
    <div aria-busy="true">
      <PageHeader title={t('loading.title')} />
    </div>
  );
}
