import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { MIN_PASSWORD_LENGTH } from '#web/staff/constants.ts';

/** /app/reset-password?token=…: sets a new password from the link in the mail (also for invitations). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const apiForm = useApiForm('reset', ['password'], { send: () => api('POST /api/auth/password-reset/confirm', { body: { token, password } }) });

  return (
    <div className="staff-narrow">
      <PageHeader title={t('reset.title')} lead={t('reset.lead')} />
      {apiForm.succeeded ? (
        <Alert variant="success" role="status" title={t('reset.doneTitle')}>
          <p className="kern-body">
            <Link className="kern-link" to="/login">
              {t('reset.toLogin')}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          {apiForm.summary}
          <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
            <TextField id={apiForm.id('password')} name="password" type="password" autoComplete="new-password" label={t('reset.password')} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} value={password} onChange={(e) => setPassword(e.target.value)} error={apiForm.field('password')} />
            <FormActions submit={t('reset.submit')} disabled={apiForm.busy} />
          </form>
        </>
      )}
    </div>
  );
}
