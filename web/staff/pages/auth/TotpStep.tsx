import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { SESSION_KEY, useSetSession } from '#web/staff/session.tsx';

/** The code from the authenticator app completes the login (POST /api/auth/totp/verify). */
export function TotpStep() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [code, setCode] = useState('');
  const apiForm = useApiForm('totp', ['code'], { send: () => api('POST /api/auth/totp/verify', { body: { code } }), invalidate: [SESSION_KEY] });

  const cancel = async () => {
    try {
      await api('POST /api/auth/logout');
    } finally {
      setSession(null);
    }
  };

  return (
    <>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('code')} name="code" inputMode="numeric" autoComplete="one-time-code" label={t('login.code')} hint={t('login.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={apiForm.field('code')} />
        <FormActions submit={t('login.verify')} disabled={apiForm.busy} cancel={t('login.cancel')} onCancel={() => void cancel()} />
      </form>
    </>
  );
}
