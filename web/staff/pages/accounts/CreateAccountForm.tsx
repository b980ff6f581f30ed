import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { FormActions } from '#web/ui/FormActions.tsx';
import { api } from '#web/staff/api.ts';
import { useApiForm } from '#web/staff/forms.tsx';
import type { CreateAccount, RoleName } from '#web/staff/types.ts';
import { rolesFor } from './roles.ts';
import { MIN_PASSWORD_LENGTH } from '#web/staff/constants.ts';
import { Section } from '#web/ui/Section.tsx';

interface Props {
  /** Set when the administrator chose the organisation above; otherwise the account is created in one's own. */
  organisationId: string | undefined;
  organisationName: string;
  kind: 'city' | 'provider';
}

export function CreateAccountForm({ organisationId, organisationName, kind }: Props) {
  const { t } = useTranslation();
  const roles = rolesFor(kind);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleName>(roles[roles.length - 1] ?? roles[0]);
  const [locale, setLocale] = useState<'de' | 'en'>('de');
  const [invite, setInvite] = useState(true);
  const [password, setPassword] = useState('');
  const apiForm = useApiForm('account-new', ['email', 'displayName', 'role', 'locale', 'password', 'organisationId'], {
    send: async () => {
      const body: CreateAccount = { email, displayName, role, locale, ...(organisationId ? { organisationId } : {}), ...(invite ? {} : { password }) };
      const account = await api('POST /api/accounts', { body });
      return { email: account.email, invited: invite };
    },
    invalidate: [['accounts']],
    onSuccess: () => {
      setEmail('');
      setDisplayName('');
      setPassword('');
    },
  });
  const created = apiForm.done;

  return (
    <Section id="account-new-heading" heading={t('accounts.createHeading', { organisation: organisationName })}>
      {created ? (
        <Alert variant="success" role="status" title={created.invited ? t('accounts.createdInvited', { email: created.email }) : t('accounts.created', { email: created.email })} />
      ) : null}
      {apiForm.summary}
      <form className="staff-form" noValidate onSubmit={apiForm.onSubmit}>
        <TextField id={apiForm.id('displayName')} name="displayName" autoComplete="off" label={t('accounts.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={apiForm.field('displayName')} />
        <TextField id={apiForm.id('email')} name="email" type="email" autoComplete="off" label={t('accounts.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={apiForm.field('email')} />
        <SelectField id={apiForm.id('role')} name="role" label={t('accounts.role')} value={role} onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? role)} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={apiForm.field('role')} />
        <SelectField
          id={apiForm.id('locale')}
          name="locale"
          label={t('accounts.locale')}
          value={locale}
          onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'de')}
          options={[
            { value: 'de', label: t('language.name.de', { lng: 'de' }) },
            { value: 'en', label: t('language.name.en', { lng: 'en' }) },
          ]}
          error={apiForm.field('locale')}
        />
        <CheckboxField id={apiForm.id('invite')} name="invite" label={t('accounts.invite')} checked={invite} onChange={(e) => setInvite(e.target.checked)} />
        {invite ? null : (
          <TextField id={apiForm.id('password')} name="password" type="password" autoComplete="new-password" label={t('accounts.initialPassword')} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} value={password} onChange={(e) => setPassword(e.target.value)} error={apiForm.field('password')} />
        )}
        <FormActions submit={t('accounts.create')} disabled={apiForm.busy} />
      </form>
    </Section>
  );
}
