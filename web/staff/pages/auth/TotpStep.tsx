import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import { SESSION_KEY, useSetSession } from '../../session.tsx';

/** The code from the authenticator app completes the login (POST /api/auth/totp/verify). */
export function TotpStep() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setSession = useSetSession();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('totp', ['code']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api('POST', '/api/auth/totp/verify', { code });
      await client.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    try {
      await api('POST', '/api/auth/logout');
    } finally {
      setSession(null);
    }
  };

  return (
    <>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('code')} name="code" inputMode="numeric" autoComplete="one-time-code" label={t('login.code')} hint={t('login.codeHint')} value={code} onChange={(e) => setCode(e.target.value)} error={errors.field('code')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('login.verify')}
          </Button>
          <Button variant="tertiary" onClick={() => void cancel()}>
            {t('login.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
