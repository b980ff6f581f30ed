import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { ChangePassword } from '../../types.ts';
import { useMe } from '../../session.tsx';
import { MIN_PASSWORD_LENGTH } from '../../constants.ts';

export function PasswordSection() {
  const { t } = useTranslation();
  const me = useMe();
  const [form, setForm] = useState<ChangePassword>({ currentPassword: '', newPassword: '' });
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('password', ['currentPassword', 'newPassword']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await api('POST', '/api/auth/password', form);
      errors.clear();
      setForm({ currentPassword: '', newPassword: '' });
      setSaved(true);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="account-password">
      <h2 className="kern-heading-medium" id="account-password">
        {t('myAccount.passwordHeading')}
      </h2>
      {saved ? <Alert variant="success" role="status" title={t('myAccount.passwordSaved')} /> : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <TextField id={errors.id('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" label={t('myAccount.currentPassword')} value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} error={errors.field('currentPassword')} />
        <TextField id={errors.id('newPassword')} name="newPassword" type="password" autoComplete="new-password" label={t('myAccount.newPassword')} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} error={errors.field('newPassword')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('myAccount.passwordSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
