import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffLanguage, STAFF_LANGUAGES } from '#web/i18n.ts';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { SelectField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import { SESSION_KEY, useMe, type Session } from '../../session.tsx';

export function LanguageSection() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [locale, setLocale] = useState<string>(me.locale);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors('language', ['locale']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isStaffLanguage(locale)) return;
    try {
      await api('PUT', '/api/auth/me/preferences', { locale });
      errors.clear();
      client.setQueryData<Session | null>(SESSION_KEY, (old) => (old ? { ...old, me: { ...old.me, locale } } : old));
      await i18n.changeLanguage(locale);
      setSaved(true);
    } catch (error) {
      setSaved(false);
      errors.fail(error);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="account-language">
      <h2 className="kern-heading-medium" id="account-language">
        {t('myAccount.languageHeading')}
      </h2>
      {saved ? <Alert variant="success" role="status" title={t('myAccount.languageSaved')} /> : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <SelectField
          id={errors.id('locale')}
          name="locale"
          label={t('myAccount.language')}
          value={locale}
          onChange={(e) => {
            setLocale(e.target.value);
            setSaved(false);
          }}
          options={STAFF_LANGUAGES.map((language) => ({ value: language, label: t(`language.name.${language}`, { lng: language }) }))}
          error={errors.field('locale')}
        />
        <div className="staff-actions">
          <Button type="submit">{t('myAccount.languageSave')}</Button>
        </div>
      </form>
    </section>
  );
}
