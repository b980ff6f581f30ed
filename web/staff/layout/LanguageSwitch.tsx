import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffLanguage, STAFF_LANGUAGES, type StaffLanguage } from '#web/i18n.ts';
import { api } from '#web/staff/api.ts';
import { SESSION_KEY, useSession } from '#web/staff/session.tsx';

/**
 * Switches the UI language: one button per other language, labelled in that language. Signed-in
 * staff keep the choice as their preference (PUT /api/auth/me/preferences).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: session } = useSession();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const current = isStaffLanguage(i18n.language) ? i18n.language : 'de';
  const others = STAFF_LANGUAGES.filter((language) => language !== current);

  const choose = async (language: StaffLanguage) => {
    setBusy(true);
    try {
      if (session?.stage === 'active') {
        await api('PUT /api/auth/me/preferences', { body: { locale: language } });
        client.setQueryData(SESSION_KEY, { ...session, me: { ...session.me, locale: language } });
      }
      await i18n.changeLanguage(language);
    } catch {
      await i18n.changeLanguage(language);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="staff-language" role="group" aria-label={t('language.switchLabel')}>
      {others.map((language) => (
        <button
          key={language}
          type="button"
          className="kern-btn kern-btn--tertiary kern-btn--x-small"
          lang={language}
          disabled={busy}
          onClick={() => void choose(language)}
        >
          <span className="kern-icon kern-icon--language" aria-hidden="true" />
          <span className="kern-label">{t(`language.name.${language}`, { lng: language })}</span>
        </button>
      ))}
    </div>
  );
}
