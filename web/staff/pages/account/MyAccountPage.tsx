import { useTranslation } from 'react-i18next';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { useMe } from '#web/staff/session.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { LogoutEverywhereSection } from './LogoutEverywhereSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { TotpSection } from './TotpSection.tsx';

/** "Mein Konto": language, password, second factor, ending every session. */
export function MyAccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('myAccount.title'));
  return (
    <>
      <PageHeader title={t('myAccount.title')} lead={t('myAccount.lead', { email: me.email, role: t(`roles.${me.role}`) })} />
      <LanguageSection />
      <PasswordSection />
      <TotpSection />
      <LogoutEverywhereSection />
    </>
  );
}
