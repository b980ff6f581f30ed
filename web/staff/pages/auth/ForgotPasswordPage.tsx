import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import { useDocumentTitle } from '../../page.tsx';

/** /app/forgot-password: asks for a reset link; the answer is the same whether the email exists or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('forgot', ['email']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api('POST', '/api/auth/password-reset', { email });
      errors.clear();
      setSent(true);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="staff-narrow">
      <PageHeader title={t('forgot.title')} lead={t('forgot.lead')} />
      {sent ? (
        <Alert variant="success" role="status" title={t('forgot.sentTitle')}>
          <p className="kern-body">{t('forgot.sent')}</p>
        </Alert>
      ) : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('email')} name="email" type="email" autoComplete="username" label={t('login.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.field('email')} />
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('forgot.submit')}
          </Button>
          <Link className="kern-link" to="/login">
            {t('forgot.back')}
          </Link>
        </div>
      </form>
    </div>
  );
}
