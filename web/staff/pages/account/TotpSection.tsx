import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import { SESSION_KEY, useMe } from '../../session.tsx';
import { TotpSetup } from '../auth/TotpSetup.tsx';

function DisableTotp({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('totp-off', ['password']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api('DELETE', '/api/auth/totp', { password });
      errors.clear();
      await onDone();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('password')} name="password" type="password" autoComplete="current-password" label={t('myAccount.currentPassword')} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
        <div className="staff-actions">
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('totp.disable')}
          </Button>
        </div>
      </form>
    </>
  );
}

export function TotpSection() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const refresh = async (text: string) => {
    setMessage(text);
    await client.invalidateQueries({ queryKey: SESSION_KEY });
  };
  return (
    <section className="staff-section" aria-labelledby="account-totp">
      <h2 className="kern-heading-medium" id="account-totp">
        {t('totp.heading')}
      </h2>
      {message ? <Alert variant="success" role="status" title={message} /> : null}
      <p className="kern-body">{me.totpEnabled ? t('totp.isOn') : t('totp.isOff')}</p>
      {me.totpEnabled ? (
        me.organisation.requireTotp ? (
          <p className="kern-body">{t('totp.required')}</p>
        ) : (
          <DisableTotp onDone={() => refresh(t('totp.disabled'))} />
        )
      ) : (
        <TotpSetup form="totp-on" headingLevel={3} onEnabled={() => refresh(t('totp.enabled'))} />
      )}
    </section>
  );
}
