import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { ChangePassword } from '#web/staff/types.ts';
import { useMe } from '#web/staff/session.tsx';
import { MIN_PASSWORD_LENGTH } from '#web/staff/constants.ts';
import { Section } from '#web/ui/Section.tsx';

export function PasswordSection() {
  const { t } = useTranslation();
  const me = useMe();
  const [form, setForm] = useState<ChangePassword>({ currentPassword: '', newPassword: '' });
  const apiForm = useApiForm('password', ['currentPassword', 'newPassword'], {
    send: () => api('POST /api/auth/password', { body: form }),
    onSuccess: () => setForm({ currentPassword: '', newPassword: '' }),
  });

  return (
    <Section id="account-password" heading={t('myAccount.passwordHeading')}>
      {apiForm.succeeded ? <Alert variant="success" role="status" title={t('myAccount.passwordSaved')} /> : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <TextField id={apiForm.id('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" label={t('myAccount.currentPassword')} value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} error={apiForm.field('currentPassword')} />
        <TextField id={apiForm.id('newPassword')} name="newPassword" type="password" autoComplete="new-password" label={t('myAccount.newPassword')} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} error={apiForm.field('newPassword')} />
        <FormActions submit={t('myAccount.passwordSubmit')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}
