import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { buttonClass } from '#web/ui/Button.tsx';
import { TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { useSession, useSetSession } from '#web/staff/session.tsx';
import { EnrolmentStep } from './EnrolmentStep.tsx';
import { TotpStep } from './TotpStep.tsx';

function OidcButton() {
  const { t } = useTranslation();
  const { data } = useQuery({ queryKey: ['oidc'], queryFn: () => api('GET /api/auth/oidc') });
  if (!data?.enabled) return null;
  return (
    <section className="staff-section" aria-labelledby="login-sso">
      <h2 className="kern-heading-small" id="login-sso">
        {t('login.ssoHeading')}
      </h2>
      <a className={buttonClass('secondary')} href={`/api/auth/oidc/start?returnTo=${encodeURIComponent('/app/')}`}>
        <span className="kern-label">{data.label ?? t('login.sso')}</span>
      </a>
    </section>
  );
}

function PasswordStep() {
  const { t } = useTranslation();
  const setSession = useSetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const apiForm = useApiForm('login', ['email', 'password'], {
    send: () => api('POST /api/auth/login', { body: { email, password } }),
    onSuccess: (result) => {
      const stage = result.status === 'ok' ? 'active' : result.status === 'totp-required' ? 'totp' : 'enrolment';
      setSession({ me: result.me, stage });
    },
  });

  return (
    <>
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('email')} name="email" type="email" autoComplete="username" label={t('login.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={apiForm.field('email')} />
        <TextField id={apiForm.id('password')} name="password" type="password" autoComplete="current-password" label={t('login.password')} value={password} onChange={(e) => setPassword(e.target.value)} error={apiForm.field('password')} />
        <FormActions submit={t('login.submit')} disabled={apiForm.busy}>
          <Link className="kern-link" to="/forgot-password">
            {t('login.forgot')}
          </Link>
        </FormActions>
      </form>
    </>
  );
}

/** /app/login: email and password, then the code or the set-up of a second factor; city SSO. */
export function LoginPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const stage = session?.stage;
  const title = stage === 'totp' ? t('login.totpTitle') : stage === 'enrolment' ? t('login.enrolTitle') : t('login.title');
  useDocumentTitle(title);
  if (stage === 'active') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }
  return (
    <div className="staff-narrow">
      <PageHeader title={title} lead={stage === 'totp' ? t('login.totpLead') : stage === 'enrolment' ? t('login.enrolLead') : t('login.lead')} />
      {isPending ? null : stage === 'totp' ? <TotpStep /> : stage === 'enrolment' ? <EnrolmentStep /> : (
        <>
          {params.get('error') === 'oidc-failed' ? <Alert variant="danger" role="alert" title={t('login.oidcFailed')} /> : null}
          <PasswordStep />
          <OidcButton />
        </>
      )}
    </div>
  );
}
