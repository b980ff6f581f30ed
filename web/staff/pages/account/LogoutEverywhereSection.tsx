import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '#web/ui/Button.tsx';
import { api } from '#web/staff/api.ts';
import { useFormErrors } from '#web/staff/forms.tsx';
import { SESSION_KEY } from '#web/staff/session.tsx';
import { Section } from '#web/ui/Section.tsx';

export function LogoutEverywhereSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('logout-everywhere', []);
  const run = async () => {
    setBusy(true);
    try {
      await api('POST /api/auth/logout-everywhere');
      client.clear();
      client.setQueryData(SESSION_KEY, null);
      await navigate('/login');
    } catch (error) {
      errors.fail(error);
      setBusy(false);
    }
  };
  return (
    <Section id="account-sessions" heading={t('myAccount.sessionsHeading')}>
      {errors.summary}
      <p className="kern-body">{t('myAccount.sessionsText')}</p>
      <Button variant="secondary" onClick={() => void run()} disabled={busy}>
        {t('myAccount.logoutEverywhere')}
      </Button>
    </Section>
  );
}
