import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffLanguage, STAFF_LANGUAGES } from '#web/i18n.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { SESSION_KEY, useMe, type Session } from '#web/staff/session.tsx';
import { Section } from '#web/ui/Section.tsx';

export function LanguageSection() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [locale, setLocale] = useState<string>(me.locale);
  const apiForm = useApiForm('language', ['locale'], {
    send: async () => {
      // The select offers staff languages only.
      if (!isStaffLanguage(locale)) return;
      await api('PUT /api/auth/me/preferences', { body: { locale } });
      client.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, me: { ...old.me, locale } } : old));
      await i18n.changeLanguage(locale);
    },
  });

  return (
    <Section id="account-language" heading={t('myAccount.languageHeading')}>
      {apiForm.succeeded ? <Alert variant="success" role="status" title={t('myAccount.languageSaved')} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <SelectField
          id={apiForm.id('locale')}
          name="locale"
          label={t('myAccount.language')}
          value={locale}
          onChange={(e) => {
            setLocale(e.target.value);
            apiForm.dismiss();
          }}
          options={STAFF_LANGUAGES.map((language) => ({ value: language, label: t(`language.name.${language}`, { lng: language }) }))}
          error={apiForm.field('locale')}
        />
        <FormActions submit={t('myAccount.languageSave')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}
