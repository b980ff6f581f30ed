import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { SESSION_KEY, useMe } from '#web/staff/session.tsx';
import { TotpSetup } from '#web/staff/TotpSetup.tsx';
import { Section } from '#web/ui/Section.tsx';

function DisableTotp({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const apiForm = useApiForm('totp-off', ['password'], { send: () => api('DELETE /api/auth/totp', { body: { password } }), onSuccess: onDone });
  return (
    <>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('password')} name="password" type="password" autoComplete="current-password" label={t('myAccount.currentPassword')} value={password} onChange={(e) => setPassword(e.target.value)} error={apiForm.field('password')} />
        <FormActions submit={t('totp.disable')} submitVariant="secondary" disabled={apiForm.busy} />
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
    <Section id="account-totp" heading={t('totp.heading')}>
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
    </Section>
  );
}
