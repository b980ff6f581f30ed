import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';

/** /app/forgot-password: asks for a reset link; the answer is the same whether the email exists or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const apiForm = useApiForm('forgot', ['email'], { send: () => api('POST /api/auth/password-reset', { body: { email } }) });

  return (
    <div className="staff-narrow">
      <PageHeader title={t('forgot.title')} lead={t('forgot.lead')} />
      {apiForm.succeeded ? (
        <Alert variant="success" role="status" title={t('forgot.sentTitle')}>
          <p className="kern-body">{t('forgot.sent')}</p>
        </Alert>
      ) : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('email')} name="email" type="email" autoComplete="username" label={t('login.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={apiForm.field('email')} />
        <FormActions submit={t('forgot.submit')} disabled={apiForm.busy}>
          <Link className="kern-link" to="/login">
            {t('forgot.back')}
          </Link>
        </FormActions>
      </form>
    </div>
  );
}
