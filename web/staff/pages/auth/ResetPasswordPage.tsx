import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import { useDocumentTitle } from '../../page.tsx';
import { MIN_PASSWORD_LENGTH } from '../../constants.ts';

/** /app/reset-password?token=…: sets a new password from the link in the mail (also for invitations). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('reset', ['password']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api('POST', '/api/auth/password-reset/confirm', { token, password });
      errors.clear();
      setDone(true);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="staff-narrow">
      <PageHeader title={t('reset.title')} lead={t('reset.lead')} />
      {done ? (
        <Alert variant="success" role="status" title={t('reset.doneTitle')}>
          <p className="kern-body">
            <Link className="kern-link" to="/login">
              {t('reset.toLogin')}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          {errors.summary}
          <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
            <TextField id={errors.id('password')} name="password" type="password" autoComplete="new-password" label={t('reset.password')} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
            <div className="staff-actions">
              <Button type="submit" disabled={busy}>
                {t('reset.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
