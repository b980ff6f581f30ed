import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { CheckboxField, SelectField, TextField } from '#web/ui/Field.tsx';
import { api } from '../../api.ts';
import { useFormErrors } from '../../forms.tsx';
import type { Account, CreateAccount, RoleName } from '../../types.ts';
import { rolesFor } from './roles.ts';
import { MIN_PASSWORD_LENGTH } from '../../constants.ts';

interface Props {
  /** Set for city_admin (the organisation chosen above); provider_admin creates in its own. */
  organisationId: string | undefined;
  organisationName: string;
  kind: 'city' | 'provider';
}

export function CreateAccountForm({ organisationId, organisationName, kind }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const roles = rolesFor(kind);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleName>(roles[roles.length - 1] ?? 'social_worker');
  const [locale, setLocale] = useState<'de' | 'en'>('de');
  const [invite, setInvite] = useState(true);
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<{ email: string; invited: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('account-new', ['email', 'displayName', 'role', 'locale', 'password', 'organisationId']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const body: CreateAccount = { email, displayName, role, locale, ...(organisationId ? { organisationId } : {}), ...(invite ? {} : { password }) };
    try {
      const account = await api<Account>('POST', '/api/accounts', body);
      errors.clear();
      setCreated({ email: account.email, invited: invite });
      setEmail('');
      setDisplayName('');
      setPassword('');
      await client.invalidateQueries({ queryKey: ['accounts'] });
    } catch (error) {
      setCreated(null);
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="staff-section" aria-labelledby="account-new-heading">
      <h2 className="kern-heading-medium" id="account-new-heading">
        {t('accounts.createHeading', { organisation: organisationName })}
      </h2>
      {created ? (
        <Alert variant="success" role="status" title={created.invited ? t('accounts.createdInvited', { email: created.email }) : t('accounts.created', { email: created.email })} />
      ) : null}
      {errors.summary}
      <form className="staff-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField id={errors.id('displayName')} name="displayName" autoComplete="off" label={t('accounts.displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={errors.field('displayName')} />
        <TextField id={errors.id('email')} name="email" type="email" autoComplete="off" label={t('accounts.email')} value={email} onChange={(e) => setEmail(e.target.value)} error={errors.field('email')} />
        <SelectField id={errors.id('role')} name="role" label={t('accounts.role')} value={role} onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? role)} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={errors.field('role')} />
        <SelectField
          id={errors.id('locale')}
          name="locale"
          label={t('accounts.locale')}
          value={locale}
          onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'de')}
          options={[
            { value: 'de', label: t('language.name.de', { lng: 'de' }) },
            { value: 'en', label: t('language.name.en', { lng: 'en' }) },
          ]}
          error={errors.field('locale')}
        />
        <CheckboxField id={errors.id('invite')} name="invite" label={t('accounts.invite')} checked={invite} onChange={(e) => setInvite(e.target.checked)} />
        {invite ? null : (
          <TextField id={errors.id('password')} name="password" type="password" autoComplete="new-password" label={t('accounts.initialPassword')} hint={t('password.rule', { min: MIN_PASSWORD_LENGTH })} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.field('password')} />
        )}
        <div className="staff-actions">
          <Button type="submit" disabled={busy}>
            {t('accounts.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
